//! The loaded, validated model: a [`Release`] and the [`Brand`] it is issued
//! under. Everything here has been checked; the later stages only read it.
//!
//! The first stage: it uses only the shared root modules, so every other
//! stage may read it. Its body text is in `content`, a brand's layout
//! settings in `layout`; both are re-exported here, the one public path.

pub(crate) mod content;
pub(crate) mod layout;
pub(crate) mod places;

pub use content::{Block, Content, Image, Inline};
pub use layout::{Accent, AddressPlace, Layout, Margins, Side, Theme};
pub(crate) use places::{Field, Places};

use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::sandbox::Sandbox;

/// One press release, loaded and validated. It serializes to the JSON that
/// PDF/A-3 output carries as an attachment (without images and origin).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Release {
    /// The title; also the PDF title.
    pub headline: String,
    /// The release date.
    pub date: Date,
    /// The body text.
    pub body: Content,
    /// The standfirst under the headline; also the PDF subject.
    pub subheadline: Option<String>,
    /// Place at the start of the first paragraph, e.g. `Brussels, Belgium`.
    pub dateline: Option<String>,
    /// Language (BCP 47), default `en`.
    pub lang: Lang,
    /// Style preset; `None` uses the brand's, else [`Region::Eu`].
    pub region: Option<Region>,
    /// Overrides the label at the top ("MEDIA RELEASE").
    pub label: Option<String>,
    /// Not for publication before this moment.
    pub embargo: Option<Embargo>,
    /// Media contacts; `None` uses the brand's.
    pub contacts: Option<Vec<Contact>>,
    /// "About …" sections after the brand's own.
    pub boilerplates: Vec<Boilerplate>,
    /// Printed after the end mark under "Notes to editors".
    pub notes_to_editors: Option<Content>,
    /// The end mark; `None` uses the region's, `Some("")` prints none.
    pub end_mark: Option<String>,
    /// Short identifier for the running header of pages 2+.
    pub slug: Option<String>,
    /// PDF keywords.
    pub keywords: Vec<String>,
    /// The brand file named by the release (`brand:`), as written.
    pub brand: Option<String>,
    /// The release in other languages, in the order given.
    pub translations: Vec<Translation>,
    // What loading found, kept by the loader: read them with
    // [`Release::images`] and [`Release::origin`].
    #[serde(skip)]
    pub(crate) images: Vec<Asset>,
    #[serde(skip)]
    pub(crate) translation_files: Vec<PathBuf>,
    #[serde(skip)]
    pub(crate) origin: Origin,
}

/// A release's text in another language. The dateline and keywords left
/// out are the release's own; other text left out is left out (it would be
/// in the wrong language). Contacts, date, embargo and brand are always the
/// release's own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Translation {
    /// The language.
    pub lang: Lang,
    /// The headline.
    pub headline: String,
    /// The body.
    pub body: Content,
    /// The standfirst.
    pub subheadline: Option<String>,
    /// The place at the start of the first paragraph.
    pub dateline: Option<String>,
    /// The label at the top.
    pub label: Option<String>,
    /// "About …" sections after the brand's own.
    pub boilerplates: Option<Vec<Boilerplate>>,
    /// Notes to editors.
    pub notes_to_editors: Option<Content>,
    /// The end mark.
    pub end_mark: Option<String>,
    /// The running-header identifier.
    pub slug: Option<String>,
    /// PDF keywords.
    pub keywords: Option<Vec<String>>,
}

impl Release {
    /// Every rich text of the release in every language: body, notes to
    /// editors and "About" sections, its own and its translations'. The
    /// one list of them that checks over images and places walk.
    pub(crate) fn texts(&self) -> impl Iterator<Item = &Content> {
        let translated = self.translations.iter().flat_map(|t| {
            std::iter::once(&t.body)
                .chain(t.notes_to_editors.as_ref())
                .chain(t.boilerplates.iter().flatten().map(|b| &b.body))
        });
        std::iter::once(&self.body)
            .chain(self.notes_to_editors.as_ref())
            .chain(self.boilerplates.iter().map(|b| &b.body))
            .chain(translated)
    }

    /// The release's languages: its own first, then its translations'.
    pub fn languages(&self) -> Vec<Lang> {
        std::iter::once(self.lang.clone()).chain(self.translations.iter().map(|t| t.lang.clone())).collect()
    }

    /// The images the Markdown names (translations' too), read and checked
    /// while loading, by path as written. A body changed afterwards to name
    /// another image fails to render with an error that says so.
    pub fn images(&self) -> &[Asset] {
        &self.images
    }

    /// Where the release came from: its name in messages, the folder its
    /// paths resolve against, its sandbox.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// The files the release was read from: itself, its translation files
    /// and its images; what to watch for changes.
    pub fn files(&self) -> Vec<PathBuf> {
        let own = self.origin.dir.is_some().then(|| self.origin.name.clone());
        let images = self.images.iter().filter_map(|a| a.path.clone());
        own.into_iter().chain(self.translation_files.iter().cloned()).chain(images).collect()
    }

    /// The release in one of its languages, as a release of its own (with
    /// no translations): `lang` matches a language exactly, else by its
    /// language subtag (`fr` finds `fr-BE`). `None` if there is no such
    /// language.
    pub fn in_language(&self, lang: &Lang) -> Option<Release> {
        let same = |a: &Lang, b: &Lang| a.as_str().eq_ignore_ascii_case(b.as_str());
        let near = |a: &Lang, b: &Lang| a.language() == b.language();
        let base = Release { translations: Vec::new(), ..self.clone() };
        if same(&self.lang, lang) {
            return Some(base);
        }
        let translation = self
            .translations
            .iter()
            .find(|t| same(&t.lang, lang))
            .or_else(|| self.translations.iter().find(|t| near(&t.lang, lang)));
        let Some(t) = translation else {
            return near(&self.lang, lang).then_some(base);
        };
        let t = t.clone();
        Some(Release {
            lang: t.lang,
            headline: t.headline,
            body: t.body,
            subheadline: t.subheadline,
            dateline: t.dateline.or(base.dateline.clone()),
            label: t.label,
            boilerplates: t.boilerplates.unwrap_or_default(),
            notes_to_editors: t.notes_to_editors,
            end_mark: t.end_mark.or(base.end_mark.clone().filter(String::is_empty)),
            slug: t.slug,
            keywords: t.keywords.unwrap_or(base.keywords.clone()),
            ..base
        })
    }
}

/// An organisation's identity and standing press details (`_brand.yml`).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Brand {
    /// Full organisation name.
    pub name: Option<String>,
    /// Short name, for the running header.
    pub short_name: Option<String>,
    /// Home page.
    pub link: Option<String>,
    /// The letterhead logo (the largest the brand gives).
    pub logo: Option<Logo>,
    /// Brand colours.
    pub colors: Colors,
    /// Font files and system families the brand adds.
    pub fonts: Vec<BrandFont>,
    /// Body text settings.
    pub base: BaseTypography,
    /// Headline and subheading settings.
    pub headings: HeadingTypography,
    /// Paper size.
    pub paper: Paper,
    /// Default region of this organisation's releases.
    pub region: Option<Region>,
    /// Address lines for the letterhead.
    pub address: Vec<String>,
    /// The organisation's "About …" section.
    pub boilerplate: Option<Boilerplate>,
    /// The same section in other languages, used for releases in them.
    pub boilerplate_translations: Vec<(Lang, Boilerplate)>,
    /// Default media contacts.
    pub contacts: Vec<Contact>,
    /// One line of small print at the foot of every page.
    pub footer: Option<String>,
    /// Theme, layout settings, or a template of the brand's own.
    pub layout: Layout,
    // Kept by the loader: [`Brand::images`], [`Brand::origin`].
    pub(crate) images: Vec<Asset>,
    pub(crate) origin: Option<Origin>,
}

/// Where an input came from: the name used in messages, the directory its
/// relative paths resolve against, and the sandbox they must stay in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    /// The file's path (or a name for in-memory input), used in messages.
    pub name: PathBuf,
    /// The directory relative paths resolve against; `None` for in-memory
    /// input that names no files.
    pub dir: Option<PathBuf>,
    /// The folders the input may read from besides `dir`, and its limits.
    pub sandbox: Sandbox,
    /// Where its parts stand in its file, noted while loading.
    pub(crate) places: Option<Arc<Places>>,
    /// Files given in memory with the input, looked up before `dir`.
    pub(crate) files: Option<Arc<MemoryFiles>>,
}

/// Files held in memory, by the relative path an input names them with.
#[derive(Clone, PartialEq, Eq, Default)]
pub(crate) struct MemoryFiles(pub std::collections::BTreeMap<String, Arc<[u8]>>);

/// Names and sizes only: the bytes would flood a debug print.
impl fmt::Debug for MemoryFiles {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.0.iter().map(|(name, data)| (name, data.len()))).finish()
    }
}

impl MemoryFiles {
    /// The file an input names, if it is here: `./` and repeated `/` are
    /// ignored; a name that climbs (`..`) or is absolute is never here.
    pub(crate) fn get(&self, name: &str) -> Option<&Arc<[u8]>> {
        self.0.get(&memory_key(name)?)
    }
}

/// The key a relative path is held under: its parts joined by `/`, or
/// `None` for a path that is absolute or climbs out.
pub(crate) fn memory_key(name: &str) -> Option<String> {
    let name = name.replace('\\', "/");
    if name.starts_with('/') || name.contains(':') {
        return None;
    }
    let parts: Vec<&str> = name.split('/').filter(|p| !p.is_empty() && *p != ".").collect();
    if parts.is_empty() || parts.contains(&"..") {
        return None;
    }
    Some(parts.join("/"))
}

/// A file an input names (an image or a font), read into memory.
#[derive(Clone, PartialEq)]
pub struct Asset {
    /// The path as written in the input.
    pub name: String,
    /// The file's content.
    pub data: Arc<[u8]>,
    /// Where it was read from, if from a file: for watching it.
    pub path: Option<PathBuf>,
}

impl fmt::Debug for Asset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Asset({:?}, {} bytes)", self.name, self.data.len())
    }
}

/// The letterhead logo.
#[derive(Debug, Clone, PartialEq)]
pub struct Logo {
    /// The image file.
    pub image: Asset,
    /// Alternative text; defaults to the organisation name.
    pub alt: Option<String>,
}

/// Brand colours, resolved from palette names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Colors {
    /// Main accent: label, rules, links.
    pub primary: Option<Color>,
    /// Second accent.
    pub secondary: Option<Color>,
    /// Text colour.
    pub foreground: Option<Color>,
    /// Page colour.
    pub background: Option<Color>,
}

/// A font family the brand adds.
#[derive(Debug, Clone, PartialEq)]
pub enum BrandFont {
    /// Font files shipped with the brand.
    Files {
        /// The family name as the brand writes it.
        family: String,
        /// The font files.
        files: Vec<Asset>,
    },
    /// A family installed on the system.
    System {
        /// The family name.
        family: String,
    },
}

/// Body text settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BaseTypography {
    /// Font family.
    pub family: Option<String>,
    /// Size in points.
    pub size: Option<f64>,
    /// Line height as a multiple of the size.
    pub line_height: Option<f64>,
}

/// Headline and subheading settings.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HeadingTypography {
    /// Font family.
    pub family: Option<String>,
    /// Weight, 100 to 900.
    pub weight: Option<u16>,
    /// Colour.
    pub color: Option<Color>,
}

impl Brand {
    /// The images the boilerplate's Markdown names, read and checked.
    pub fn images(&self) -> &[Asset] {
        &self.images
    }

    /// Where the brand came from (`None` for the built-in neutral brand).
    pub fn origin(&self) -> Option<&Origin> {
        self.origin.as_ref()
    }

    /// The files the brand was read from: the brand file, its logo, font
    /// files, images and template; what to watch for changes.
    pub fn files(&self) -> Vec<PathBuf> {
        let own = self.origin.as_ref().filter(|o| o.dir.is_some()).map(|o| o.name.clone());
        let logo = self.logo.iter().map(|l| &l.image);
        let fonts = self.fonts.iter().flat_map(|f| match f {
            BrandFont::Files { files, .. } => files.as_slice(),
            BrandFont::System { .. } => &[],
        });
        let assets =
            logo.chain(fonts).chain(&self.images).chain(&self.layout.template).filter_map(|a| a.path.clone());
        own.into_iter().chain(assets).collect()
    }
}

/// A media contact.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// Name (required).
    pub name: String,
    /// Role or title.
    pub role: Option<String>,
    /// Organisation.
    pub org: Option<String>,
    /// Email address.
    pub email: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
}

/// An "About …" section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Boilerplate {
    /// Heading, e.g. "About ECPAT Belgium".
    pub title: String,
    /// The text.
    pub body: Content,
}

/// Style presets for regional press conventions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Region {
    /// North America: `###`, AP-style dateline.
    Us,
    /// United Kingdom: `ENDS`, notes to editors.
    Uk,
    /// Continental Europe: `ENDS`.
    Eu,
}

/// Paper sizes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, Serialize)]
pub enum Paper {
    /// ISO A4, 210 × 297 mm.
    #[default]
    #[serde(rename = "a4")]
    A4,
    /// US Letter, 8.5 × 11 in.
    #[serde(rename = "us-letter")]
    UsLetter,
}

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Color(pub [u8; 3]);

impl Color {
    /// Parses `#rgb` or `#rrggbb`.
    pub fn parse_hex(text: &str) -> Option<Self> {
        let hex = text.strip_prefix('#')?;
        let digit = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
        let bytes = hex.as_bytes();
        match bytes.len() {
            3 => {
                let mut out = [0; 3];
                for (o, &c) in out.iter_mut().zip(bytes) {
                    *o = digit(c)? * 17;
                }
                Some(Self(out))
            }
            6 => {
                let mut out = [0; 3];
                for (o, pair) in out.iter_mut().zip(bytes.chunks(2)) {
                    *o = digit(pair[0])? * 16 + digit(pair[1])?;
                }
                Some(Self(out))
            }
            _ => None,
        }
    }

    /// `#rrggbb`.
    pub fn to_hex(self) -> String {
        let [r, g, b] = self.0;
        format!("#{r:02x}{g:02x}{b:02x}")
    }
}

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(time::Date);

impl Date {
    /// Parses an ISO date `YYYY-MM-DD`, checking that the day exists.
    pub fn parse(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a date in the form YYYY-MM-DD");
        let mut parts = text.trim().splitn(3, '-');
        let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad());
        }
        let (y, m, d): (i32, u8, u8) = match (y.parse(), m.parse(), d.parse()) {
            (Ok(y), Ok(m), Ok(d)) => (y, m, d),
            _ => return Err(bad()),
        };
        let month = time::Month::try_from(m).map_err(|_| format!("`{text}` has no month {m}"))?;
        time::Date::from_calendar_date(y, month, d).map(Self).map_err(|_| {
            format!("`{text}` is not a day of the calendar ({month} {y} has {} days)", month.length(y))
        })
    }

    /// From year, month (1–12) and day.
    pub fn from_ymd(year: i32, month: u8, day: u8) -> Option<Self> {
        let month = time::Month::try_from(month).ok()?;
        time::Date::from_calendar_date(year, month, day).ok().map(Self)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.0.month() as u8
    }

    /// The day of the month.
    pub fn day(self) -> u8 {
        self.0.day()
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())
    }
}

/// An embargo: a moment with its UTC offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Embargo(time::OffsetDateTime);

impl Embargo {
    /// Parses an RFC 3339 timestamp with offset, e.g. `2014-11-20T10:00:00+01:00`.
    pub fn parse(text: &str) -> Result<Self, String> {
        let text = text.trim();
        match time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339) {
            Ok(moment) => Ok(Self(moment)),
            Err(_) if looks_offsetless(text) => Err(format!(
                "embargo `{text}` has no UTC offset; an embargo must say its time zone, e.g. `{text}+01:00` or `{text}Z`"
            )),
            Err(err) => {
                Err(format!("`{text}` is not an RFC 3339 timestamp like 2014-11-20T10:00:00+01:00 ({err})"))
            }
        }
    }

    /// The date in the embargo's own offset.
    pub fn date(self) -> Date {
        Date(self.0.date())
    }

    /// Hour (0–23) and minute in the embargo's own offset.
    pub fn time(self) -> (u8, u8) {
        (self.0.hour(), self.0.minute())
    }

    /// The UTC offset in minutes.
    pub fn offset_minutes(self) -> i32 {
        self.0.offset().whole_minutes() as i32
    }

    /// Whether the embargo is already past at `now`.
    pub(crate) fn is_past(self, now: std::time::SystemTime) -> bool {
        self.0 < time::OffsetDateTime::from(now)
    }

    /// The embargo in RFC 3339 form.
    pub fn to_rfc3339(self) -> String {
        self.0.format(&time::format_description::well_known::Rfc3339).unwrap_or_default()
    }
}

/// Parses an RFC 3339 timestamp with its offset, e.g.
/// `2026-03-02T10:00:00+01:00`, as a moment.
pub fn parse_timestamp(text: &str) -> Result<std::time::SystemTime, String> {
    Embargo::parse(text).map(|e| e.0.into()).map_err(|err| err.replace("embargo ", "timestamp "))
}

fn looks_offsetless(text: &str) -> bool {
    let Some((_, time)) = text.split_once(['T', 't', ' ']) else { return false };
    !time.contains(['+', '-', 'Z', 'z'])
}

/// A BCP 47 language tag, e.g. `en`, `en-GB`, `fr-BE`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Lang(String);

impl Default for Lang {
    fn default() -> Self {
        Self("en".into())
    }
}

impl Lang {
    /// The languages presskit has labels and date formats for (`en`, `fr`,
    /// `nl`, `de`, `es`, `it`, `pt`); a release in another language gets
    /// English labels.
    // Held here rather than with the labels: the model needs it and must
    // not depend on a later stage.
    pub const LABELLED: [&str; 7] = ["en", "fr", "nl", "de", "es", "it", "pt"];

    /// Checks the shape of a tag: a 2–3 letter language, then optional
    /// subtags of 1–8 letters or digits.
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut parts = text.split(['-', '_']);
        let lang = parts.next().unwrap_or_default();
        let ok_lang = (2..=3).contains(&lang.len()) && lang.chars().all(|c| c.is_ascii_alphabetic());
        let ok_rest =
            parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()));
        if ok_lang && ok_rest {
            Ok(Self(text.replace('_', "-")))
        } else {
            Err(format!("`{text}` is not a language tag like `en`, `en-GB` or `fr-BE`"))
        }
    }

    /// The tag as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The language subtag, lowercase (`en` of `en-GB`).
    pub fn language(&self) -> String {
        self.0.split('-').next().unwrap_or("en").to_ascii_lowercase()
    }

    /// The region subtag, uppercase (`GB` of `en-GB`), if any.
    pub fn region(&self) -> Option<String> {
        self.0
            .split('-')
            .skip(1)
            .find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|p| p.to_ascii_uppercase())
    }
}

/// Deserializes a value that is written as a string in YAML and JSON but may
/// be a native date or datetime in TOML (which serde sees as a one-entry map).
fn string_or_toml_datetime<'de, D: Deserializer<'de>>(de: D, what: &'static str) -> Result<String, D::Error> {
    struct V(&'static str);
    impl<'de> Visitor<'de> for V {
        type Value = String;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<String, A::Error> {
            let Some((_key, value)) = map.next_entry::<String, String>()? else {
                return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
            };
            Ok(value)
        }
    }
    de.deserialize_any(V(what))
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = string_or_toml_datetime(de, "a date like 2014-11-20")?;
        Date::parse(&text).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Embargo {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = string_or_toml_datetime(de, "a timestamp like 2014-11-20T10:00:00+01:00")?;
        Embargo::parse(&text).map_err(de::Error::custom)
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Self, D::Error> {
        let text = String::deserialize(de)?;
        Lang::parse(&text).map_err(de::Error::custom)
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Serialize for Embargo {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_rfc3339())
    }
}

impl Serialize for Lang {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked() {
        assert_eq!(Date::parse("2014-11-20").unwrap().to_string(), "2014-11-20");
        assert!(Date::parse("2014-02-30").unwrap_err().contains("February 2014 has 28 days"));
        assert!(Date::parse("2014-13-01").unwrap_err().contains("no month 13"));
        assert!(Date::parse("20-11-2014").is_err());
        assert!(Date::parse("2014-1-5").is_err());
    }

    #[test]
    fn embargo_needs_offset() {
        let e = Embargo::parse("2014-11-20T10:00:00+01:00").unwrap();
        assert_eq!(e.time(), (10, 0));
        assert_eq!(e.offset_minutes(), 60);
        assert_eq!(e.date(), Date::parse("2014-11-20").unwrap());
        assert!(Embargo::parse("2014-11-20T10:00:00").unwrap_err().contains("no UTC offset"));
        assert!(Embargo::parse("tomorrow").is_err());
    }

    #[test]
    fn colors_parse() {
        assert_eq!(Color::parse_hex("#00508c"), Some(Color([0, 0x50, 0x8c])));
        assert_eq!(Color::parse_hex("#fff"), Some(Color([255; 3])));
        assert_eq!(Color::parse_hex("00508c"), None);
        assert_eq!(Color::parse_hex("#00508"), None);
        assert_eq!(Color([1, 2, 255]).to_hex(), "#0102ff");
    }

    #[test]
    fn language_tags() {
        let l = Lang::parse("en-GB").unwrap();
        assert_eq!((l.language(), l.region()), ("en".into(), Some("GB".into())));
        assert_eq!(Lang::parse("fr").unwrap().region(), None);
        assert!(Lang::parse("english").is_err());
        assert!(Lang::parse("").is_err());
    }
}
