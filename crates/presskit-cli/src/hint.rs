//! Hints in the command line's terms: the library names a setting that
//! resolves an error; the CLI names its flag.

use presskit::{Error, Setting};

/// The error's hint, with the flag that sets what it asks for.
pub fn for_error(err: &Error) -> Option<String> {
    let flag = match err.setting() {
        Some(Setting::Sender) => Some("--from ADDRESS"),
        Some(Setting::Recipients) => Some("--to ADDRESS"),
        Some(Setting::AllowedFolders) => Some("--allow-dir DIR"),
        Some(Setting::Standards) => Some("without --standard"),
        _ => None,
    };
    match (err.hint(), flag) {
        (Some(hint), Some(flag)) => Some(format!("{hint} ({flag})")),
        (Some(hint), None) => Some(hint.to_string()),
        (None, flag) => flag.map(str::to_string),
    }
}
