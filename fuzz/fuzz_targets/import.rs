//! Any bytes, imported as Word, HTML, text or Markdown, then the written
//! release loaded: a release or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presskit::{ImportFormat, Imported, Origin};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let format = [ImportFormat::Docx, ImportFormat::Html, ImportFormat::Text, ImportFormat::Markdown][usize::from(pick % 4)];
    if let Ok(imported) = Imported::from_bytes(rest, format, "fuzz", None) {
        let _ = imported.release(Origin::named("release.md"));
        let _ = imported.report().to_string();
    }
});
