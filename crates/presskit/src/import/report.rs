//! What an import found, where each part came from, and what it left to
//! the brand, could not place, dropped or assumed.

use serde::Serialize;

use super::source::{Block, collapse};

/// The report of an import: for each field of the release, where in the
/// source it came from; what belongs to the brand; what could not be
/// placed (kept at the end of the body); what was dropped as page or
/// email furniture; what was assumed; what is missing.
///
/// `presskit import --format json` prints it; its `Display` is the text
/// the command prints.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[non_exhaustive]
pub struct ImportReport {
    /// The file imported, as named.
    pub source: String,
    /// Its format: `docx`, `html`, `text` or `markdown`.
    pub format: String,
    /// Each field found and where: `headline` from `paragraph 4`.
    pub fields: Vec<Placed>,
    /// Parts that belong to the organisation's `_brand.yml`, not to the
    /// release: the letterhead address, its own "About".
    pub brand: Vec<Passage>,
    /// A `_brand.yml` holding those parts, when the brand in use lacks
    /// them.
    pub suggested_brand: Option<String>,
    /// Text that fits no part of a release: kept at the end of the body.
    pub unplaced: Vec<Passage>,
    /// Text left out: navigation, cookie banners, email headers and
    /// signatures, page furniture, what the brand already says.
    pub dropped: Vec<Passage>,
    /// What had to be assumed, such as an embargo's time zone.
    pub assumptions: Vec<String>,
    /// Required fields not found, with what to add.
    pub missing: Vec<String>,
}

/// A field of the release and the place in the source it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Placed {
    /// The field: `headline`, `date`, `contacts`, `boilerplates: About X`.
    pub field: String,
    /// Where: `paragraph 4`, `line 12`, `block 3`; empty where the part
    /// comes from several places (footnotes).
    pub at: String,
}

/// A passage of the source and what became of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Passage {
    /// Where in the source, as in [`Placed::at`].
    pub at: String,
    /// The text, shortened to 80 characters.
    pub text: String,
    /// Why it went where it went.
    pub why: String,
}

impl ImportReport {
    pub(crate) fn found(&mut self, field: &str, at: &str) {
        if !self.fields.iter().any(|f| f.field == field) {
            self.fields.push(Placed { field: field.to_string(), at: at.to_string() });
        }
    }

    pub(crate) fn drop(&mut self, b: &Block, why: &str) {
        let text = if b.lines.is_empty() { "(rule)".to_string() } else { b.plain() };
        self.drop_text(&b.at, &text, why);
    }

    pub(crate) fn for_brand(&mut self, at: &str, text: &str, why: &str) {
        self.brand.push(Passage { at: at.to_string(), text: short(text), why: why.to_string() });
    }

    pub(crate) fn unplace(&mut self, b: &Block) {
        let why = "not recognised: kept at the end of the body".to_string();
        self.unplaced.push(Passage { at: b.at.clone(), text: short(&b.plain()), why });
    }

    pub(crate) fn drop_text(&mut self, at: &str, text: &str, why: &str) {
        self.dropped.push(Passage { at: at.to_string(), text: short(text), why: why.to_string() });
    }
}

fn short(text: &str) -> String {
    let text = collapse(text);
    if text.chars().count() <= 80 {
        return text;
    }
    let mut out: String = text.chars().take(79).collect();
    out.push('…');
    out
}

impl std::fmt::Display for ImportReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = |at: &str| if at.is_empty() { String::new() } else { format!("{}: {at}", self.source) };
        writeln!(f, "found in {} ({}):", self.source, self.format)?;
        for p in &self.fields {
            // A long field ("boilerplates: About …") gets a line of its own.
            if p.field.chars().count() > 22 {
                writeln!(f, "  {}\n  {:<22} {}", p.field, "", at(&p.at))?;
            } else {
                writeln!(f, "  {:<22} {}", p.field, at(&p.at))?;
            }
        }
        for m in &self.missing {
            writeln!(f, "missing: {m}")?;
        }
        let list = |f: &mut std::fmt::Formatter<'_>, title: &str, items: &[Passage]| -> std::fmt::Result {
            if !items.is_empty() {
                writeln!(f, "{title}:")?;
                for p in items {
                    let place = at(&p.at);
                    let place = if place.is_empty() { String::new() } else { format!("{place}: ") };
                    writeln!(f, "  {place}\"{}\" ({})", p.text, p.why)?;
                }
            }
            Ok(())
        };
        list(f, "for the brand", &self.brand)?;
        list(f, "not placed, kept at the end of the body", &self.unplaced)?;
        list(f, "left out", &self.dropped)?;
        for a in &self.assumptions {
            writeln!(f, "assumed: {a}")?;
        }
        Ok(())
    }
}
