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
