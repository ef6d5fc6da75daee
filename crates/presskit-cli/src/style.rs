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
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
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
