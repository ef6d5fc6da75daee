//! Fonts: the bundled families, a brand's font files, and installed families
//! a brand asks for by name (looked up with fontdb only then).

use std::sync::{Arc, OnceLock};

use typst::foundations::Bytes;
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;

use crate::error::{Error, ErrorKind, Result};
use crate::model::{Brand, BrandFont};

/// The font files bundled with presskit (SIL Open Font License; the licence
/// texts are in `fonts/`).
const BUNDLED: [&[u8]; 8] = [
    include_bytes!("../../../fonts/source-serif-4/SourceSerif4-Regular.otf"),
    include_bytes!("../../../fonts/source-serif-4/SourceSerif4-It.otf"),
    include_bytes!("../../../fonts/source-serif-4/SourceSerif4-Bold.otf"),
    include_bytes!("../../../fonts/source-serif-4/SourceSerif4-BoldIt.otf"),
    include_bytes!("../../../fonts/source-sans-3/SourceSans3-Regular.otf"),
    include_bytes!("../../../fonts/source-sans-3/SourceSans3-It.otf"),
    include_bytes!("../../../fonts/source-sans-3/SourceSans3-Bold.otf"),
    include_bytes!("../../../fonts/source-sans-3/SourceSans3-BoldIt.otf"),
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
