//! Import: a release someone already has (Word, a newsroom page, text
//! pasted into an email, Markdown without front matter) read into a
//! presskit release and a report of what was found where.
//!
//! Each reader turns its format into one `source::Doc`; the recogniser
//! finds the parts of a release in it by the trade's conventions; the
//! writer puts them into Markdown with front matter, which loads like any
//! release.

mod docx;
mod fields;
mod html;
mod plain;
mod recognise;
mod report;
mod source;
mod words;
mod write;

use std::io::Read;
use std::path::{Path, PathBuf};

pub use report::{ImportReport, Passage, Placed};

use crate::error::{Error, ErrorKind, Result};
use crate::format::Format;
use crate::model::{Brand, Origin, Release};
use crate::sandbox::Limits;

/// The formats a release can be imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ImportFormat {
    /// Word (`.docx`, Office Open XML).
    Docx,
    /// A web page or an email's HTML body (`.html`, `.htm`).
    Html,
    /// Plain text, as pasted into an email (`.txt`, `.eml` bodies).
    Text,
    /// Markdown without front matter (`.md`).
    Markdown,
}

impl ImportFormat {
    /// The format for a file name, by extension: `.docx`, `.html`/`.htm`/
    /// `.xhtml`, `.txt`/`.text`, `.md`/`.markdown`.
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "docx" => Self::Docx,
            "html" | "htm" | "xhtml" => Self::Html,
            "txt" | "text" => Self::Text,
            "md" | "markdown" => Self::Markdown,
            _ => return None,
        })
    }

    /// The format's name in reports: `docx`, `html`, `text`, `markdown`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Docx => "docx",
            Self::Html => "html",
            Self::Text => "text",
            Self::Markdown => "markdown",
        }
    }

    /// The largest source of this format read: a Word file holds its
    /// images; a web page its markup and scripts.
    fn limit(self, limits: &Limits) -> u64 {
        match self {
            Self::Docx => limits.max_asset_bytes,
            Self::Html => limits.max_input_bytes as u64 * 4,
            Self::Text | Self::Markdown => limits.max_input_bytes as u64,
        }
    }
}

/// A release imported from another format: Markdown with front matter,
/// the images it names, and the report.
///
/// ```
/// use presskit::{ImportFormat, Imported, Origin};
///
/// let text = "PRESS RELEASE\n\n3 March 2026\n\nLibrary opens on Sundays\n\n\
///             GHENT – The city library opens on Sundays from May.\n\nENDS\n";
/// let imported = Imported::from_bytes(text.as_bytes(), ImportFormat::Text, "mail.txt", None)?;
/// let release = imported.release(Origin::named("release.md"))?;
/// assert_eq!(release.headline, "Library opens on Sundays");
/// // Capitals are how a dateline is printed, not the place's name.
/// assert_eq!(release.dateline.as_deref(), Some("Ghent"));
/// assert_eq!(imported.report().fields[0].field, "label");
/// # Ok::<(), presskit::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Imported {
    markdown: String,
    images: Vec<(String, Vec<u8>)>,
    report: ImportReport,
}

impl Imported {
    /// Imports the file at `path`, its format told by its extension.
    /// `brand` is the brand the release will render with: what it already
    /// says (address, "About", contacts) is left out of the release.
    pub fn from_path(path: impl AsRef<Path>, brand: Option<&Brand>) -> Result<Self> {
        let path = path.as_ref();
        let format = ImportFormat::from_path(path).ok_or_else(|| {
            let hint = if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("odt") || e.eq_ignore_ascii_case("doc"))
            {
                "save it from your word processor as Word (.docx)"
            } else {
                "import reads .docx, .html, .txt and .md files; save the release as one of them"
            };
            Error::new(ErrorKind::Io, "cannot tell the format of this file from its name")
                .in_file(path)
                .with_hint(hint)
        })?;
        let limits = Limits::default();
        let file = crate::sandbox::open_regular(path).map_err(|err| {
            Error::new(ErrorKind::Io, format!("cannot read the file: {err}"))
                .in_file(path)
                .with_hint("check the path and that the file can be read")
        })?;
        let limit = format.limit(&limits);
        let mut bytes = Vec::new();
        file.take(limit + 1)
            .read_to_end(&mut bytes)
            .map_err(|err| Error::new(ErrorKind::Io, format!("cannot read the file: {err}")).in_file(path))?;
        Self::from_bytes(&bytes, format, path, brand)
    }

    /// Imports a source held in memory; `name` is used in messages and the
    /// report.
    pub fn from_bytes(
        bytes: &[u8],
        format: ImportFormat,
        name: impl AsRef<Path>,
        brand: Option<&Brand>,
    ) -> Result<Self> {
        let name = name.as_ref();
        let limits = Limits::default();
        let limit = format.limit(&limits);
        if bytes.len() as u64 > limit {
            return Err(Error::new(
                ErrorKind::Io,
                format!("the file is larger than {} MB", limit / 1_000_000),
            )
            .in_file(name)
            .with_hint(
                "a release is a short document: import the release alone, not a whole site or archive",
            ));
        }
        let doc = match format {
            ImportFormat::Docx => docx::read(bytes, &limits).map_err(|(message, hint)| {
                Error::new(ErrorKind::Syntax, message).in_file(name).with_hint(hint)
            })?,
            ImportFormat::Html => html::read(&text(bytes, name)?),
            ImportFormat::Text => plain::read_text(&text(bytes, name)?),
            ImportFormat::Markdown => {
                let text = text(bytes, name)?;
                if text.trim_start().starts_with("---\n") || text.trim_start().starts_with("+++\n") {
                    return Err(Error::new(
                        ErrorKind::Syntax,
                        "this file has front matter: it is a presskit release already",
                    )
                    .in_file(name)
                    .with_hint("render it with `presskit render`; import is for releases in other shapes"));
                }
                plain::read_markdown(&text)
            }
        };
        let images: Vec<(String, Vec<u8>)> =
            doc.images.iter().map(|p| (p.name.clone(), p.data.clone())).collect();
        let facts = brand.map(facts).unwrap_or_default();
        let mut report = ImportReport {
            source: name.display().to_string(),
            format: format.name().to_string(),
            ..ImportReport::default()
        };
        let parts = recognise::recognise(doc, &facts, &mut report);
        let name_for_brand = parts
            .brand_about
            .as_ref()
            .and_then(|(title, _)| recognise::subject(title))
            .or_else(|| parts.brand_address.first().cloned());
        report.suggested_brand = write::brand(&parts, name_for_brand.as_deref());
        let markdown = write::release(&parts);
        Ok(Self { markdown, images, report })
    }

    /// The release as Markdown with YAML front matter.
    pub fn markdown(&self) -> &str {
        &self.markdown
    }

    /// The images the source held, by the names the Markdown gives them
    /// (`image-1.png`): write them beside the release.
    pub fn images(&self) -> &[(String, Vec<u8>)] {
        &self.images
    }

    /// What was found where, and what was not placed.
    pub fn report(&self) -> &ImportReport {
        &self.report
    }

    /// The release, loaded and checked as a file would be; its images are
    /// found among [`images`](Self::images) before `origin`'s folder.
    pub fn release(&self, origin: Origin) -> Result<Release> {
        let origin = origin.with_files(self.images.iter().cloned());
        Release::from_text(&self.markdown, Format::Markdown, origin)
    }
}

/// Text of a source: UTF-8 (a byte order mark dropped), else Windows-1252
/// as old mail and pages are written.
fn text(bytes: &[u8], name: &Path) -> Result<String> {
    // Notepad's "Unicode" is UTF-16 with a byte order mark.
    let utf16 = |bytes: &[u8], read: fn([u8; 2]) -> u16| {
        let units: Vec<u16> = bytes.chunks_exact(2).map(|c| read([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    };
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(t) => t.to_string(),
            Err(_) if bytes.iter().filter(|&&b| b >= 0x80).count() * 20 < bytes.len().max(1) => {
                bytes.iter().map(|&b| latin(b)).collect::<String>()
            }
            Err(e) => {
                return Err(Error::new(ErrorKind::Io, format!("the file is not text: {e}"))
                    .in_file(PathBuf::from(name))
                    .with_hint("save it as UTF-8 text"));
            }
        }
    };
    // Control characters (a DOS end-of-file mark, C1 codes of a wrong
    // code page) are no text and a release may not hold them.
    Ok(decoded
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !c.is_control())
        .collect())
}

/// A Windows-1252 byte as a character.
fn latin(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
        '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}

fn facts(brand: &Brand) -> recognise::BrandFacts {
    recognise::BrandFacts {
        given: true,
        name: brand.name.clone(),
        address: brand.address.clone(),
        about_titles: brand
            .boilerplate
            .iter()
            .chain(brand.boilerplate_translations.iter().map(|(_, b)| b))
            .map(|b| b.title.clone())
            .collect(),
        contacts: brand.contacts.iter().map(|c| (c.name.clone(), c.email.clone())).collect(),
        us: brand.region == Some(crate::model::Region::Us),
    }
}
