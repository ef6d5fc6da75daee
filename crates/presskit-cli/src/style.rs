//! Colour for messages, as `anstyle` styles. The text always carries them;
//! it is written through `anstream`, which drops them when standard error
//! is not a terminal or `NO_COLOR` is set (<https://no-color.org>), so
//! logs and pipes get plain text.

use anstyle::{AnsiColor, Style};

const ERROR: Style = AnsiColor::Red.on_default().bold();
const WARNING: Style = AnsiColor::Yellow.on_default().bold();
const HINT: Style = AnsiColor::Cyan.on_default();
const GOOD: Style = AnsiColor::Green.on_default().bold();
const DIM: Style = Style::new().dimmed();

fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// `error:` in bold red.
pub fn error() -> String {
    paint(ERROR, "error:")
}

/// `warning:` in bold yellow.
pub fn warning() -> String {
    paint(WARNING, "warning:")
}

/// `hint:` in cyan.
pub fn hint() -> String {
    paint(HINT, "hint:")
}

/// Text in bold green, for success.
pub fn good(text: &str) -> String {
    paint(GOOD, text)
}

/// Text in a dim grey, for details.
pub fn dim(text: &str) -> String {
    paint(DIM, text)
}

/// Whether what goes to standard error keeps its colour: for text drawn by
/// other means than `anstream` (the progress bar).
pub fn stderr_in_colour() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use anstream::{AutoStream, ColorChoice};

    use super::*;

    #[test]
    fn colour_on_a_terminal_plain_elsewhere() {
        assert_eq!(error(), "\x1b[1m\x1b[31merror:\x1b[0m");
        assert!(hint().contains('\x1b') && dim("x").contains('\x1b'));
        // What a terminal gets, and what a file or pipe (not a terminal, or
        // NO_COLOR set: `Never`) gets.
        let line = format!("{} {}", warning(), good("ok"));
        let mut terminal = AutoStream::new(Vec::new(), ColorChoice::AlwaysAnsi);
        let mut plain = AutoStream::new(Vec::new(), ColorChoice::Never);
        let mut file = AutoStream::auto(Vec::new());
        for stream in [&mut terminal, &mut plain, &mut file] {
            write!(stream, "{line}").unwrap();
        }
        assert_eq!(terminal.into_inner(), line.as_bytes());
        assert_eq!(plain.into_inner(), b"warning: ok");
        // CLICOLOR_FORCE would keep the colour even here.
        if std::env::var_os("CLICOLOR_FORCE").is_none() {
            assert_eq!(file.into_inner(), b"warning: ok");
        }
    }
}
