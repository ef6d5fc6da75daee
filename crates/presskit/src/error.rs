//! Errors: what went wrong, in which file, where, and what to do about it.

use std::fmt;
use std::path::{Path, PathBuf};

/// A presskit error. Every error names the file it concerns (where there is
/// one), the place in it (line and column, where known), what is wrong and,
/// usually, a hint on what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    file: Option<PathBuf>,
    location: Option<Location>,
    message: String,
    hint: Option<String>,
    setting: Option<Setting>,
}

/// The kind of an [`Error`], for callers that react differently to each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A file could not be read (missing, unreadable, not UTF-8).
    Io,
    /// A file is not well-formed YAML, TOML, JSON or front matter.
    Syntax,
    /// A field that is not part of the format.
    UnknownField,
    /// A required field is absent.
    MissingField,
    /// A field has a value of the wrong type or out of range.
    InvalidValue,
    /// An image (logo or body image) is missing or cannot be decoded.
    Image,
    /// A font family is unknown or a font file does not parse.
    Font,
    /// Typst failed to lay out the document. This points at a bug in presskit
    /// or its template rather than at the input.
    Layout,
    /// The PDF, PNG or SVG export failed.
    Export,
}

/// A setting of the caller's that resolves an error, so that a front end
/// can name it in its own terms (a command-line flag, a form field, a
/// keyword argument). The library's hints name the setting in words only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Setting {
    /// The email's sender ([`EmailOptions::from`](crate::EmailOptions::from)).
    Sender,
    /// The email's recipients ([`EmailOptions::to`](crate::EmailOptions::to)).
    Recipients,
    /// The folders files may be read from besides the input's own
    /// ([`Sandbox::allowing`](crate::Sandbox::allowing)).
    AllowedFolders,
    /// The PDF standards asked for ([`Options::with_standards`](crate::Options::with_standards)).
    Standards,
}

/// A place in a file: 1-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Location {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number (in characters), starting at 1.
    pub column: usize,
}

impl Location {
    /// The location of byte `offset` in `text`.
    pub fn from_offset(text: &str, offset: usize) -> Self {
        let offset = offset.min(text.len());
        let before = &text[..floor_char_boundary(text, offset)];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before[line_start..].chars().count() + 1;
        Self { line, column }
    }

    /// This location moved down by `lines` lines (for text embedded in a
    /// larger file, like front matter).
    pub fn shifted(self, lines: usize) -> Self {
        Self { line: self.line + lines, ..self }
    }
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

impl ErrorKind {
    /// A short, stable name for tools (`invalid-value`, `image`, …).
    pub fn code(self) -> &'static str {
        match self {
            Self::Io => "io",
            Self::Syntax => "syntax",
            Self::UnknownField => "unknown-field",
            Self::MissingField => "missing-field",
            Self::InvalidValue => "invalid-value",
            Self::Image => "image",
            Self::Font => "font",
            Self::Layout => "layout",
            Self::Export => "export",
        }
    }
}

impl Error {
    /// Creates an error of `kind` with a message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, file: None, location: None, message: message.into(), hint: None, setting: None }
    }

    /// Sets the file the error concerns, unless one is set already.
    pub fn in_file(mut self, file: impl AsRef<Path>) -> Self {
        if self.file.is_none() {
            self.file = Some(file.as_ref().to_path_buf());
        }
        self
    }

    /// Sets the place in the file, unless one is set already.
    pub fn at(mut self, location: Option<Location>) -> Self {
        if self.location.is_none() {
            self.location = location;
        }
        self
    }

    /// Sets the hint, unless one is set already.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        if self.hint.is_none() {
            self.hint = Some(hint.into());
        }
        self
    }

    /// Names the caller's setting that resolves the error.
    pub(crate) fn for_setting(mut self, setting: Setting) -> Self {
        self.setting = Some(setting);
        self
    }

    /// Moves the error down by `lines` lines, for text that starts partway
    /// into its file (front matter).
    pub(crate) fn shifted(mut self, lines: usize) -> Self {
        self.location = self.location.map(|l| l.shifted(lines));
        self
    }

    /// The same error as another kind.
    pub(crate) fn with_kind(mut self, kind: ErrorKind) -> Self {
        self.kind = kind;
        self
    }

    /// What kind of error this is.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The file the error concerns, if any.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The place in the file, if known.
    pub fn location(&self) -> Option<Location> {
        self.location
    }

    /// What is wrong, without file or location.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// What to do about it, if presskit knows.
    pub fn hint(&self) -> Option<&str> {
        self.hint.as_deref()
    }

    /// The caller's setting that resolves the error, if one does: the hint
    /// names it in words; a front end may name its own flag or field.
    pub fn setting(&self) -> Option<Setting> {
        self.setting
    }
}

/// Formats as `file:line:column: message`. The hint is not included: show it
/// on a line of its own (the CLI prints `hint: …`).
impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(loc) = self.location {
                write!(f, ":{}:{}", loc.line, loc.column)?;
            }
            write!(f, ": ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// Shorthand for results with presskit's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_from_offset_counts_lines_and_chars() {
        let text = "ab\ncdé\nf";
        assert_eq!(Location::from_offset(text, 0), Location { line: 1, column: 1 });
        assert_eq!(Location::from_offset(text, 3), Location { line: 2, column: 1 });
        // 'é' is two bytes; the offset after it is column 4.
        assert_eq!(Location::from_offset(text, 7), Location { line: 2, column: 4 });
        // Inside a multi-byte char rounds down, past the end clamps.
        assert_eq!(Location::from_offset(text, 6), Location { line: 2, column: 3 });
        assert_eq!(Location::from_offset(text, 99), Location { line: 3, column: 2 });
    }

    #[test]
    fn display_names_file_and_place() {
        let err = Error::new(ErrorKind::MissingField, "missing field `date`")
            .in_file("release.md")
            .at(Some(Location { line: 2, column: 1 }))
            .with_hint("add it");
        assert_eq!(err.to_string(), "release.md:2:1: missing field `date`");
        assert_eq!(err.hint(), Some("add it"));
    }
}
