//! Warnings: what a release could do better (the trade's conventions) and
//! what a render had to work around. None of them stops a render.

use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

use crate::error::Location;

/// A warning, located in its file where the place is known.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    /// What kind of warning; [`WarningKind::code`] names it for tools.
    #[serde(rename = "code", serialize_with = "code")]
    pub kind: WarningKind,
    /// The file the warning is about (the release or its brand).
    pub file: PathBuf,
    /// Where in the file, when it is known.
    #[serde(flatten, serialize_with = "location")]
    pub location: Option<Location>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: String,
}

/// The kinds of [`Warning`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum WarningKind {
    /// The headline runs past about twelve words or 110 characters.
    HeadlineTooLong,
    /// The headline ends with a full stop.
    HeadlineFullStop,
    /// The release has no dateline.
    NoDateline,
    /// The embargo is already past.
    EmbargoPast,
    /// The embargo ends before the release date.
    EmbargoBeforeDate,
    /// Neither the release nor the brand has a media contact.
    NoContact,
    /// A media contact has neither email nor phone.
    ContactUnreachable,
    /// An image has no alt text.
    ImageNoAlt,
    /// An image has no credit.
    ImageNoCredit,
    /// A link whose target is not `http`, `https`, `mailto` or `tel` (it
    /// is printed as text).
    LinkScheme,
    /// A footnote is defined but never referenced.
    FootnoteUnused,
    /// A footnote is referenced but never defined.
    FootnoteUndefined,
    /// An "About" section has no title or no text.
    EmptyAbout,
    /// Characters none of the brand's fonts has were set in a fallback font.
    FontFallback,
    /// Typst warned while laying out the document.
    Layout,
}

impl WarningKind {
    /// A short, stable name for tools, e.g. `no-dateline`.
    pub fn code(self) -> &'static str {
        match self {
            Self::HeadlineTooLong => "headline-too-long",
            Self::HeadlineFullStop => "headline-full-stop",
            Self::NoDateline => "no-dateline",
            Self::EmbargoPast => "embargo-past",
            Self::EmbargoBeforeDate => "embargo-before-date",
            Self::NoContact => "no-contact",
            Self::ContactUnreachable => "contact-unreachable",
            Self::ImageNoAlt => "image-no-alt",
            Self::ImageNoCredit => "image-no-credit",
            Self::LinkScheme => "link-scheme",
            Self::FootnoteUnused => "footnote-unused",
            Self::FootnoteUndefined => "footnote-undefined",
            Self::EmptyAbout => "empty-about",
            Self::FontFallback => "font-fallback",
            Self::Layout => "layout",
        }
    }
}

/// One finding of a check, in the form tools read: an error that stops a
/// render, or a warning. What [`Renderer::check`](crate::Renderer::check)
/// returns; `presskit check --format json`, the HTTP service's check and
/// the Python package report these same records.
///
/// ```
/// # fn main() -> presskit::Result<()> {
/// let release = presskit::Release::from_text(
///     "---\nheadline: Library opens on Sundays.\ndate: 2026-03-02\n---\nFrom May.\n",
///     presskit::Format::Markdown,
///     presskit::Origin::named("release.md"),
/// )?;
/// let found = presskit::Renderer::new().check(&release, &presskit::Brand::neutral(), std::time::SystemTime::now());
/// assert!(found.iter().any(|d| d.code == "headline-full-stop" && d.line == Some(2)));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Whether it stops a render.
    pub severity: Severity,
    /// A short, stable name for tools: [`ErrorKind::code`](crate::ErrorKind::code)
    /// or [`WarningKind::code`].
    pub code: &'static str,
    /// The file it is about, when there is one.
    pub file: Option<PathBuf>,
    /// The line in the file, from 1, when it is known.
    pub line: Option<usize>,
    /// The column in the line, from 1, when it is known.
    pub column: Option<usize>,
    /// What is wrong.
    pub message: String,
    /// What to do about it (empty when there is nothing to add).
    pub hint: String,
}

/// Whether a [`Diagnostic`] stops a render.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The release cannot be rendered as it stands.
    Error,
    /// The release renders; it could follow the conventions better.
    Warning,
}

impl From<Warning> for Diagnostic {
    fn from(w: Warning) -> Self {
        Self {
            severity: Severity::Warning,
            code: w.kind.code(),
            file: Some(w.file),
            line: w.location.map(|l| l.line),
            column: w.location.map(|l| l.column),
            message: w.message,
            hint: w.hint,
        }
    }
}

impl From<&crate::Error> for Diagnostic {
    fn from(e: &crate::Error) -> Self {
        Self {
            severity: Severity::Error,
            code: e.kind().code(),
            file: e.file().map(PathBuf::from),
            line: e.location().map(|l| l.line),
            column: e.location().map(|l| l.column),
            message: e.message().to_string(),
            hint: e.hint().unwrap_or_default().to_string(),
        }
    }
}

/// Formats as `file:line:column: message`.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(file) = &self.file {
            write!(f, "{}", file.display())?;
            if let Some(line) = self.line {
                write!(f, ":{line}:{}", self.column.unwrap_or(1))?;
            }
            f.write_str(": ")?;
        }
        f.write_str(&self.message)
    }
}

fn code<S: serde::Serializer>(kind: &WarningKind, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(kind.code())
}

fn location<S: serde::Serializer>(location: &Option<Location>, s: S) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut map = s.serialize_map(Some(2))?;
    map.serialize_entry("line", &location.map(|l| l.line))?;
    map.serialize_entry("column", &location.map(|l| l.column))?;
    map.end()
}

/// Formats as `file:line:column: message`, as [`Error`](crate::Error) does.
impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(at) = self.location {
            write!(f, ":{}:{}", at.line, at.column)?;
        }
        write!(f, ": {}", self.message)
    }
}
