//! Fonts: the bundled families, a brand's font files, and installed families
//! a brand asks for by name (looked up with fontdb only then).

use std::collections::HashMap;
use std::sync::{Arc, Mutex, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Brand, BrandFont};

/// The font files bundled with presskit (SIL Open Font License; the licence
/// texts are in `fonts/`).
const BUNDLED: [&[u8]; 8] = [
    include_bytes!("../../../../fonts/source-serif-4/SourceSerif4-Regular.otf"),
    include_bytes!("../../../../fonts/source-serif-4/SourceSerif4-It.otf"),
    include_bytes!("../../../../fonts/source-serif-4/SourceSerif4-Bold.otf"),
    include_bytes!("../../../../fonts/source-serif-4/SourceSerif4-BoldIt.otf"),
    include_bytes!("../../../../fonts/source-sans-3/SourceSans3-Regular.otf"),
    include_bytes!("../../../../fonts/source-sans-3/SourceSans3-It.otf"),
    include_bytes!("../../../../fonts/source-sans-3/SourceSans3-Bold.otf"),
    include_bytes!("../../../../fonts/source-sans-3/SourceSans3-BoldIt.otf"),
];

/// The bundled fonts for emoji and symbols the text fonts lack, searched in
/// this order: monochrome Noto, so they print and suit PDF/A (SIL Open Font
/// License; where they come from is in `fonts/README.md`).
const BUNDLED_FALLBACK: [&[u8]; 3] = [
    include_bytes!("../../../../fonts/noto-emoji/NotoEmoji-Regular.ttf"),
    include_bytes!("../../../../fonts/noto-sans-symbols-2/NotoSansSymbols2-Regular.ttf"),
    include_bytes!("../../../../fonts/noto-sans-symbols/NotoSansSymbols-Regular.ttf"),
];

/// Parses the bundled fonts.
pub(crate) fn bundled() -> Vec<Font> {
    BUNDLED.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect()
}

/// A set of fonts and the book that describes them. The book's hash is
/// computed once per set, not once per render.
pub(crate) struct FontSet {
    pub book: LazyHash<FontBook>,
    pub fonts: Vec<Font>,
}

impl FontSet {
    pub fn new(fonts: Vec<Font>) -> Self {
        let book = LazyHash::new(FontBook::from_fonts(&fonts));
        Self { book, fonts }
    }

    /// Whether a family is available (case-insensitive, as Typst matches).
    pub fn has_family(&self, family: &str) -> bool {
        self.book.contains_family(&family.to_lowercase())
    }

    /// The family names, as the fonts spell them, sorted and unique.
    pub fn family_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.fonts.iter().map(|f| f.info().family.clone()).collect();
        names.sort_by_key(|n| n.to_lowercase());
        names.dedup();
        names
    }
}

/// A file name for a font, from its family and style: `SourceSerif4-700-Italic.otf`.
pub(crate) fn file_name(font: &Font) -> String {
    let info = font.info();
    let family: String = info.family.chars().filter(char::is_ascii_alphanumeric).collect();
    let ext = match font.data().as_slice().get(..4) {
        Some(b"OTTO") => "otf",
        Some(b"ttcf") => "ttc",
        _ => "ttf",
    };
    format!("{family}-{}-{:?}.{ext}", info.variant.weight.to_number(), info.variant.style)
}

/// The bundled fallback fonts, parsed once per process.
pub(crate) fn bundled_fallback() -> &'static [Font] {
    static FONTS: OnceLock<Vec<Font>> = OnceLock::new();
    FONTS.get_or_init(|| BUNDLED_FALLBACK.iter().flat_map(|data| Font::iter(Bytes::new(*data))).collect())
}

/// Where fonts for characters the brand's fonts lack come from: fonts the
/// renderer's owner gave, then the bundled ones (emoji and symbols, the same
/// on every machine), then, if allowed, the installed ones.
#[derive(Clone)]
pub(crate) struct Fallback {
    pub fonts: Vec<Font>,
    pub system: bool,
}

/// Fonts that cover some characters, and the characters none covers.
pub(crate) struct Cover {
    /// Every style of each family chosen.
    pub fonts: Vec<Font>,
    /// The families chosen, in the order first needed.
    pub families: Vec<String>,
    /// Characters no fallback font has.
    pub missing: Vec<char>,
}

impl Fallback {
    /// For each character, the first font that has it, given fonts first,
    /// then bundled ones, then installed ones ordered by family and file: the same installed
    /// fonts always give the same choice, so the PDF stays the same.
    pub(crate) fn cover(&self, chars: &[char]) -> Cover {
        let mut cover = Cover { fonts: Vec::new(), families: Vec::new(), missing: Vec::new() };
        for &c in chars {
            let has = |info: &FontInfo| info.coverage.contains(c as u32);
            if cover.fonts.iter().any(|f| has(f.info())) {
                continue;
            }
            let given = self.fonts.iter().find(|f| has(f.info())).map(|f| (f, self.fonts.as_slice()));
            let bundled =
                || bundled_fallback().iter().find(|f| has(f.info())).map(|f| (f, bundled_fallback()));
            if let Some((font, set)) = given.or_else(bundled) {
                let family = font.info().family.clone();
                cover.fonts.extend(set.iter().filter(|f| f.info().family == family).cloned());
                cover.families.push(family);
            } else if let Some((_, info)) =
                self.system.then(system_infos).and_then(|s| s.iter().find(|(_, i)| has(i)))
            {
                let family = info.family.clone();
                cover.fonts.extend(system_family(&family));
                cover.families.push(family);
            } else {
                cover.missing.push(c);
            }
        }
        cover
    }
}

/// Every style of an installed family, read from disk once per process:
/// a CJK family is tens of megabytes a style.
fn system_family(family: &str) -> Vec<Font> {
    static LOADED: OnceLock<Mutex<HashMap<String, Vec<Font>>>> = OnceLock::new();
    let loaded = LOADED.get_or_init(Mutex::default);
    if let Some(fonts) = loaded.lock().ok().and_then(|l| l.get(family).cloned()) {
        return fonts;
    }
    let db = system_db();
    let fonts: Vec<Font> = system_infos()
        .iter()
        .filter(|(_, info)| info.family == family)
        .filter_map(|(id, _)| {
            db.with_face_data(*id, |data, index| Font::new(Bytes::new(data.to_vec()), index))?
        })
        .collect();
    if let Ok(mut loaded) = loaded.lock() {
        loaded.insert(family.to_string(), fonts.clone());
    }
    fonts
}

/// What each installed face covers, read once, in a fixed order (family,
/// then file and index): the fallback search reads no font twice.
fn system_infos() -> &'static [(fontdb::ID, FontInfo)] {
    static INFOS: OnceLock<Vec<(fontdb::ID, FontInfo)>> = OnceLock::new();
    INFOS.get_or_init(|| {
        let db = system_db();
        let mut faces: Vec<(String, String, u32, fontdb::ID)> = db
            .faces()
            .map(|face| {
                let path = match &face.source {
                    fontdb::Source::File(path) | fontdb::Source::SharedFile(path, _) => {
                        path.display().to_string()
                    }
                    fontdb::Source::Binary(_) => String::new(),
                };
                let family = face.families.first().map(|(name, _)| name.clone()).unwrap_or_default();
                (family, path, face.index, face.id)
            })
            .collect();
        faces.sort();
        faces
            .into_iter()
            .filter_map(|(_, _, _, id)| Some((id, db.with_face_data(id, FontInfo::new)??)))
            .collect()
    })
}

/// The installed fonts, scanned once, the first time a brand asks for one.
fn system_db() -> &'static fontdb::Database {
    static DB: OnceLock<fontdb::Database> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        db.load_system_fonts();
        db
    })
}

/// The most fonts one collection (`.ttc`) may hold; real ones hold a few
/// dozen at most.
const MAX_COLLECTION_FONTS: u32 = 256;

/// Refuses a font collection whose header declares more fonts than
/// [`MAX_COLLECTION_FONTS`] or than the file has room for, before any font
/// in it is parsed (each declared font costs a parse).
fn check_collection(data: &[u8]) -> std::result::Result<(), String> {
    if data.get(..4) != Some(b"ttcf") {
        return Ok(());
    }
    let Some(&[a, b, c, d]) = data.get(8..12) else {
        return Err("is a font collection cut off in its header".into());
    };
    let count = u32::from_be_bytes([a, b, c, d]);
    let room = (data.len() as u64).saturating_sub(12) / 4;
    if count > MAX_COLLECTION_FONTS || u64::from(count) > room {
        return Err(format!(
            "declares {count} fonts; presskit takes collections of at most {MAX_COLLECTION_FONTS} that \
             hold what they declare"
        ));
    }
    Ok(())
}

/// The bundled fonts plus those the brand adds. Errors name the brand file
/// and the font that does not parse or cannot be found.
pub(crate) fn for_brand(bundled: &FontSet, brand: &Brand) -> Result<FontSet> {
    let mut fonts = bundled.fonts.clone();
    let brand_file = brand.origin.as_ref().map(|o| o.name.clone()).unwrap_or_default();
    for font in &brand.fonts {
        match font {
            BrandFont::Files { family, files } => {
                for file in files {
                    check_collection(&file.data).map_err(|message| {
                        Error::new(
                            ErrorKind::Font,
                            format!("the font file `{}` of `{family}` {message}", file.name),
                        )
                        .in_file(&brand_file)
                        .with_hint("use the single font files (.otf, .ttf) of the family")
                    })?;
                    let data = Bytes::new(Arc::clone(&file.data));
                    let parsed: Vec<Font> = Font::iter(data).collect();
                    if parsed.is_empty() {
                        return Err(Error::new(
                            ErrorKind::Font,
                            format!(
                                "the font file `{}` of `{family}` is not a font presskit can read",
                                file.name
                            ),
                        )
                        .in_file(&brand_file)
                        .with_hint("use an OpenType (.otf) or TrueType (.ttf, .ttc) file"));
                    }
                    fonts.extend(parsed);
                }
            }
            BrandFont::System { family } => {
                let db = system_db();
                let query = fontdb::Query { families: &[fontdb::Family::Name(family)], ..Default::default() };
                if db.query(&query).is_none() {
                    return Err(Error::new(
                        ErrorKind::Font,
                        format!("the font family `{family}` is not installed"),
                    )
                    .in_file(&brand_file)
                    .with_hint("install it, or ship its files with `source: file` and `files: [...]`"));
                }
                for face in db.faces() {
                    if !face.families.iter().any(|(name, _)| name.eq_ignore_ascii_case(family)) {
                        continue;
                    }
                    let loaded =
                        db.with_face_data(face.id, |data, index| Font::new(Bytes::new(data.to_vec()), index));
                    fonts.extend(loaded.flatten());
                }
            }
        }
    }
    Ok(FontSet::new(fonts))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_parse_into_two_families() {
        let set = FontSet::new(bundled());
        assert_eq!(set.fonts.len(), 8);
        assert_eq!(set.family_names(), ["Source Sans 3", "Source Serif 4"]);
        assert!(set.has_family("source serif 4"));
        assert!(!set.has_family("Comic Sans"));
    }

    #[test]
    fn missing_system_family_is_an_error() {
        let brand = Brand {
            fonts: vec![BrandFont::System { family: "No Such Family 42".into() }],
            ..Brand::default()
        };
        let err = for_brand(&FontSet::new(bundled()), &brand).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Font);
        assert!(err.message().contains("`No Such Family 42` is not installed"), "{err}");
    }

    #[test]
    fn unparseable_brand_font_is_an_error() {
        let brand = Brand {
            fonts: vec![BrandFont::Files {
                family: "Broken".into(),
                files: vec![crate::model::Asset {
                    name: "broken.otf".into(),
                    data: Arc::from(&b"not a font"[..]),
                    path: None,
                }],
            }],
            ..Brand::default()
        };
        let err = for_brand(&FontSet::new(bundled()), &brand).err().unwrap();
        assert_eq!(err.kind(), ErrorKind::Font);
        assert!(err.message().contains("broken.otf"));
    }
}
