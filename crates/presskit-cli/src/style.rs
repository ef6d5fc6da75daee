//! Colour for messages: only on a terminal, and never when `NO_COLOR` is
//! set (<https://no-color.org>), so logs and pipes get plain text.

use std::io::IsTerminal;

/// Whether to colour what is written to standard error.
#[derive(Clone, Copy)]
pub struct Style {
    on: bool,
    terminal: bool,
}

impl Style {
    /// The style for standard error.
    pub fn stderr() -> Self {
        Self::new(std::io::stderr().is_terminal())
    }

    fn new(terminal: bool) -> Self {
        Self::decide(terminal, std::env::var_os("NO_COLOR"))
    }

    /// Colour on a terminal unless `NO_COLOR` is set to anything but "".
    fn decide(terminal: bool, no_color: Option<std::ffi::OsString>) -> Self {
        let no_color = no_color.is_some_and(|v| !v.is_empty());
        Self { on: terminal && !no_color, terminal }
    }

    fn paint(self, code: &str, text: &str) -> String {
        if self.on { format!("\x1b[{code}m{text}\x1b[0m") } else { text.to_string() }
    }

    /// `error:` in bold red.
    pub fn error(self) -> String {
        self.paint("1;31", "error:")
    }

    /// `warning:` in bold yellow.
    pub fn warning(self) -> String {
        self.paint("1;33", "warning:")
    }

    /// `hint:` in cyan.
    pub fn hint(self) -> String {
        self.paint("36", "hint:")
    }

    /// Text in bold green, for success.
    pub fn good(self, text: &str) -> String {
        self.paint("1;32", text)
    }

    /// Text in a dim grey, for details.
    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }

    /// Whether the stream is a terminal, where a progress line may be
    /// redrawn in place (with or without colour).
    pub fn is_terminal(self) -> bool {
        self.terminal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_only_on_a_terminal_without_no_color() {
        assert_eq!(Style::decide(true, None).error(), "\x1b[1;31merror:\x1b[0m");
        assert_eq!(Style::decide(false, None).error(), "error:");
        assert_eq!(Style::decide(true, Some("1".into())).error(), "error:");
        // An empty NO_COLOR does not count, as no-color.org says.
        assert!(Style::decide(true, Some("".into())).hint().contains('\x1b'));
        // The progress line is redrawn on a terminal, colour or not.
        assert!(Style::decide(true, Some("1".into())).is_terminal());
    }
}
