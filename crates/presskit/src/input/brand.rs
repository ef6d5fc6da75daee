//! Loading a brand file (`_brand.yml`): the brand.yml fields presskit reads,
//! plus `defaults.presskit`. Other brand.yml fields are allowed and ignored,
//! since the same file serves other tools.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::input::images;
use crate::input::parse::{self, Syntax};
use crate::input::release::{RawBoilerplate, boilerplate, check_contacts};
use crate::model::layout::{Accent, AddressPlace, Layout, Margins, Millimetres, Side, Theme};
use crate::model::{
    BaseTypography, Brand, BrandFont, Color, Colors, Contact, HeadingTypography, Lang, Logo, Origin, Paper,
    Region, Release,
};
use crate::sandbox::Sandbox;

/// The name of the brand file presskit looks for beside a release.
pub(crate) const BRAND_FILE_NAME: &str = "_brand.yml";

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawBrand {
    meta: RawMeta,
    logo: Option<Spanned<RawLogo>>,
    images: BTreeMap<String, RawImage>,
    color: RawColor,
    typography: RawTypography,
    defaults: RawDefaults,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawMeta {
    name: Option<RawName>,
    link: Option<RawLink>,
}

#[derive(Deserialize)]
#[serde(
    untagged,
    expecting = "a name as text (quote a name that YAML reads otherwise, such as \"No\", \"Yes\" or \"123\"), or `full` and `short` names"
)]
enum RawName {
    Plain(String),
    Parts { full: Option<String>, short: Option<String> },
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a URL, or a map with `home`")]
enum RawLink {
    Plain(String),
    Parts { home: Option<String> },
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a path, or a map of `small`, `medium`, `large` paths")]
enum RawLogo {
    Single(RawImage),
    Sizes {
        #[serde(default)]
        images: BTreeMap<String, RawImage>,
        small: Option<RawImage>,
        medium: Option<RawImage>,
        large: Option<RawImage>,
    },
}

#[derive(Deserialize, Clone)]
#[serde(untagged, expecting = "a path, `path` and `alt`, or `light` and `dark` paths")]
enum RawImage {
    Path(String),
    Full {
        path: String,
        alt: Option<String>,
    },
    /// brand.yml's variants for light and dark backgrounds: paper is light.
    Themed {
        light: String,
        alt: Option<String>,
    },
}

impl RawImage {
    fn path(&self) -> &str {
        match self {
            Self::Path(path) | Self::Full { path, .. } | Self::Themed { light: path, .. } => path,
        }
    }

    fn alt(&self) -> Option<&str> {
        match self {
            Self::Path(_) => None,
            Self::Full { alt, .. } | Self::Themed { alt, .. } => alt.as_deref(),
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawColor {
    palette: BTreeMap<String, Spanned<String>>,
    primary: Option<Spanned<String>>,
    secondary: Option<Spanned<String>>,
    foreground: Option<Spanned<String>>,
    background: Option<Spanned<String>>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawTypography {
    fonts: Vec<Spanned<RawFont>>,
    base: Option<Spanned<RawText>>,
    headings: Option<Spanned<RawText>>,
}

#[derive(Deserialize)]
struct RawFont {
    family: String,
    source: Option<String>,
    #[serde(default)]
    files: Vec<RawFontFile>,
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a path, or a map with `path`")]
enum RawFontFile {
    Path(String),
    Full { path: String },
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a font family name, or a map with `family`, `size`, …")]
enum RawText {
    Family(String),
    Full {
        family: Option<String>,
        size: Option<RawSize>,
        #[serde(rename = "line-height")]
        line_height: Option<f64>,
        weight: Option<RawWeight>,
        color: Option<String>,
    },
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a size like 11, \"11pt\" or \"16px\"")]
enum RawSize {
    Number(f64),
    Text(String),
}

#[derive(Deserialize)]
#[serde(untagged, expecting = "a weight like 700 or \"bold\"")]
enum RawWeight {
    Number(u16),
    Text(String),
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct RawDefaults {
    presskit: Option<RawPresskit>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawPresskit {
    paper: Option<Paper>,
    region: Option<Region>,
    address: Vec<String>,
    boilerplate: Option<RawBrandBoilerplate>,
    contacts: Vec<Contact>,
    footer: Option<String>,
    theme: Option<Theme>,
    logo_position: Option<Side>,
    logo_height: Option<Millimetres>,
    address_position: Option<AddressPlace>,
    accent: Option<Accent>,
    margins: Option<RawMargins>,
    template: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(default, deny_unknown_fields)]
struct RawMargins {
    top: Option<Millimetres>,
    bottom: Option<Millimetres>,
    left: Option<Millimetres>,
    right: Option<Millimetres>,
}

/// The brand's "About" section, with its translations.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBrandBoilerplate {
    title: String,
    body: String,
    #[serde(default)]
    translations: Vec<RawBoilerplateTranslation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBoilerplateTranslation {
    lang: Lang,
    title: String,
    body: String,
}

impl Brand {
    /// The name of the brand file presskit looks for beside a release that
    /// names no brand: `_brand.yml`.
    pub const FILE_NAME: &str = BRAND_FILE_NAME;

    /// The built-in neutral brand: no name, no logo, presskit's own fonts
    /// and colours. Used when a release names no brand and has no
    /// `_brand.yml` beside it.
    pub fn neutral() -> Self {
        Self::default()
    }

    /// Loads a brand file. The logo and fonts it names must lie in its
    /// folder.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_path_in(path, Sandbox::default())
    }

    /// Loads a brand file in a sandbox: the folders besides its own that
    /// it may name files in, and the size limits.
    pub fn from_path_in(path: impl AsRef<Path>, sandbox: Sandbox) -> Result<Self> {
        let path = path.as_ref();
        let text = parse::read_text(path, &sandbox.limits)?;
        Self::from_text(&text, Origin::for_file(path).with_sandbox(sandbox))
    }

    /// Loads a brand file another input names, from what was checked.
    fn from_resolved(path: &parse::ResolvedPath, sandbox: Sandbox) -> Result<Self> {
        let text = parse::read_resolved_text(path, &sandbox.limits)?;
        Self::from_text(&text, Origin::for_file(&path.shown).with_sandbox(sandbox))
    }

    /// Loads a brand from YAML bytes, which must be UTF-8.
    pub fn from_bytes(bytes: &[u8], origin: Origin) -> Result<Self> {
        let text = parse::text_from_bytes(bytes.to_vec(), &origin.name)?;
        Self::from_text(&text, origin)
    }

    /// Loads a brand from YAML text. `origin` names it in messages and gives
    /// the folder that logo and font paths resolve against.
    pub fn from_text(text: &str, origin: Origin) -> Result<Self> {
        parse::check_input_size(text.len(), &origin.name, &origin.sandbox.limits)?;
        parse::check_text(text, &origin.name)?;
        let text = parse::strip_bom(text);
        let mut origin = origin;
        origin.places = Some(std::sync::Arc::new(parse::places(text, Syntax::Yaml, 0, text.len())));
        let raw: RawBrand = if text.trim().is_empty() {
            RawBrand::default()
        } else {
            parse::deserialize(text, Syntax::Yaml, &origin, 0)?
        };
        raw.into_brand(origin)
    }

    /// The brand a release is issued under: the file its `brand` field names
    /// (relative to the release, inside its sandbox), else `_brand.yml`
    /// beside the release, else the [neutral](Self::neutral) brand. The
    /// brand keeps the release's sandbox.
    pub fn for_release(release: &Release) -> Result<Self> {
        Ok(Self::named_in(&release.origin, release.brand.as_deref())?.unwrap_or_else(Self::neutral))
    }

    /// The brand file `name` (relative to the input of `origin`, inside its
    /// sandbox), else `_brand.yml` beside that input; `None` if neither.
    pub(crate) fn named_in(origin: &Origin, name: Option<&str>) -> Result<Option<Self>> {
        if let Some(name) = name {
            let path =
                parse::resolve(origin, name, "brand file", parse::locate_value(origin, "brand", name))?;
            if !path.real.is_file() {
                return Err(Error::new(
                    ErrorKind::Io,
                    format!("the brand file `{name}` is not a file ({})", path.shown.display()),
                )
                .in_file(&origin.name)
                .with_hint("the `brand` path is relative to the file that names it"));
            }
            return Self::from_resolved(&path, origin.sandbox.clone()).map(Some);
        }
        if let Some(dir) = &origin.dir
            && dir.join(BRAND_FILE_NAME).symlink_metadata().is_ok()
        {
            // A `_brand.yml` that links out of the sandbox is refused too.
            let path = parse::resolve(origin, BRAND_FILE_NAME, "brand file", None)?;
            return Self::from_resolved(&path, origin.sandbox.clone()).map(Some);
        }
        Ok(None)
    }
}

impl RawBrand {
    fn into_brand(self, origin: Origin) -> Result<Brand> {
        let (name, short_name) = match self.meta.name {
            Some(RawName::Plain(name)) => (Some(name), None),
            Some(RawName::Parts { full, short }) => (full.or_else(|| short.clone()), short),
            None => (None, None),
        };
        let link = match self.meta.link {
            Some(RawLink::Plain(link)) | Some(RawLink::Parts { home: Some(link) }) => Some(link),
            _ => None,
        };
        let logo = match self.logo {
            Some(logo) => Some(load_logo(logo, &self.images, &origin)?),
            None => None,
        };
        let colors = resolve_colors(&self.color, &origin)?;
        let mut fonts = Vec::new();
        for font in self.typography.fonts {
            fonts.push(load_font(font, &origin)?);
        }
        let base_at = self.typography.base.as_ref().and_then(location);
        let headings_at = self.typography.headings.as_ref().and_then(location);
        let invalid = |message: String, at: Option<Location>| {
            Error::new(ErrorKind::InvalidValue, message)
                .in_file(&origin.name)
                .at(at)
                .with_hint("see the brand file fields in presskit's format documentation")
        };
        let base = match self.typography.base.map(|s| s.value) {
            None => BaseTypography::default(),
            Some(RawText::Family(family)) => BaseTypography { family: Some(family), ..Default::default() },
            Some(RawText::Full { family, size, line_height, .. }) => BaseTypography {
                family,
                size: size.map(|s| parse_size(&s)).transpose().map_err(|m| invalid(m, base_at))?,
                line_height: line_height
                    .map(|h| {
                        if (0.8..=3.0).contains(&h) {
                            Ok(h)
                        } else {
                            Err(format!("`typography.base.line-height` {h} is out of range (0.8 to 3)"))
                        }
                    })
                    .transpose()
                    .map_err(|m| invalid(m, base_at))?,
            },
        };
        let headings = match self.typography.headings.map(|s| s.value) {
            None => HeadingTypography::default(),
            Some(RawText::Family(family)) => HeadingTypography { family: Some(family), ..Default::default() },
            Some(RawText::Full { family, weight, color, .. }) => HeadingTypography {
                family,
                weight: weight.map(|w| parse_weight(&w)).transpose().map_err(|m| invalid(m, headings_at))?,
                color: color
                    .map(|c| {
                        resolve_color(&c, &self.color.palette)
                            .map_err(|m| invalid(format!("`typography.headings.color`: {m}"), headings_at))
                    })
                    .transpose()?,
            },
        };
        let mut presskit = self.defaults.presskit.unwrap_or_default();
        check_contacts(&mut presskit.contacts, &origin)?;
        let mut images = Vec::new();
        let (boilerplate, translations) = match presskit.boilerplate {
            Some(RawBrandBoilerplate { title, body, translations }) => {
                let field = "defaults.presskit.boilerplate";
                let main = boilerplate(RawBoilerplate { title, body }, field, &origin, &mut images)?;
                let others = translations
                    .into_iter()
                    .map(|t| {
                        let about = RawBoilerplate { title: t.title, body: t.body };
                        Ok((t.lang, boilerplate(about, field, &origin, &mut images)?))
                    })
                    .collect::<Result<Vec<_>>>()?;
                (Some(main), others)
            }
            None => (None, Vec::new()),
        };
        let template = match presskit.template.filter(|t| !t.trim().is_empty()) {
            Some(name) => Some(parse::read_asset(&origin, &name, "template", None)?),
            None => None,
        };
        let margins = presskit.margins.unwrap_or_default();
        let layout = Layout {
            theme: presskit.theme.unwrap_or_default(),
            logo_position: presskit.logo_position,
            logo_height_mm: presskit.logo_height.map(|m| m.0),
            address: presskit.address_position,
            accent: presskit.accent,
            margins: Margins {
                top: margins.top.map(|m| m.0),
                bottom: margins.bottom.map(|m| m.0),
                left: margins.left.map(|m| m.0),
                right: margins.right.map(|m| m.0),
            },
            template,
        };
        let nonempty = parse::nonempty;
        Ok(Brand {
            name: nonempty(name),
            short_name: nonempty(short_name),
            link: nonempty(link),
            logo,
            colors,
            fonts,
            base,
            headings,
            paper: presskit.paper.unwrap_or_default(),
            region: presskit.region,
            address: presskit.address.into_iter().filter(|l| !l.trim().is_empty()).collect(),
            boilerplate,
            boilerplate_translations: translations,
            contacts: presskit.contacts,
            footer: nonempty(presskit.footer),
            layout,
            images,
            origin: Some(origin),
        })
    }
}

fn location<T>(spanned: &Spanned<T>) -> Option<Location> {
    parse::yaml_location(spanned.referenced)
}

fn load_logo(logo: Spanned<RawLogo>, named: &BTreeMap<String, RawImage>, origin: &Origin) -> Result<Logo> {
    let at = location(&logo);
    let chosen = match logo.value {
        RawLogo::Single(image) => image,
        RawLogo::Sizes { images, small, medium, large } => {
            let Some(chosen) = large.or(medium).or(small) else {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    "`logo` names no `small`, `medium` or `large` image",
                )
                .in_file(&origin.name)
                .at(at)
                .with_hint("give the logo's path, e.g. `logo: logo.svg`"));
            };
            // A size may name an entry of `logo.images` or of the top-level `images`.
            match images.get(chosen.path()).or_else(|| named.get(chosen.path())) {
                Some(image) => merge_alt(image.clone(), chosen.alt()),
                None => chosen,
            }
        }
    };
    let chosen = match named.get(chosen.path()) {
        Some(image) => merge_alt(image.clone(), chosen.alt()),
        None => chosen,
    };
    let image =
        parse::read_asset(origin, chosen.path(), "logo", at).map_err(|e| e.with_kind(ErrorKind::Image))?;
    images::check(&image, &origin.sandbox.limits).map_err(|message| {
        Error::new(ErrorKind::Image, message)
            .in_file(&origin.name)
            .at(at)
            .with_hint("replace the logo with a valid SVG, PNG, JPEG, GIF or WebP file")
    })?;
    Ok(Logo { image, alt: chosen.alt().map(str::to_string) })
}

fn merge_alt(image: RawImage, alt: Option<&str>) -> RawImage {
    match (alt, image.alt()) {
        (Some(alt), None) => RawImage::Full { path: image.path().to_string(), alt: Some(alt.to_string()) },
        _ => image,
    }
}

fn load_font(font: Spanned<RawFont>, origin: &Origin) -> Result<BrandFont> {
    let at = location(&font);
    let RawFont { family, source, files } = font.value;
    let fail = |message: String, hint: &str| {
        Error::new(ErrorKind::Font, message).in_file(&origin.name).at(at).with_hint(hint)
    };
    match source.as_deref().unwrap_or("file") {
        "file" => {
            if files.is_empty() {
                return Err(fail(
                    format!("the font `{family}` has `source: file` but no `files`"),
                    "list the font files, e.g. `files: [fonts/Brand-Regular.otf]`",
                ));
            }
            let mut assets = Vec::new();
            for file in files {
                let path = match &file {
                    RawFontFile::Path(p) | RawFontFile::Full { path: p } => p,
                };
                let asset = parse::read_asset(origin, path, "font file", at)
                    .map_err(|e| e.with_kind(ErrorKind::Font))?;
                assets.push(asset);
            }
            Ok(BrandFont::Files { family, files: assets })
        }
        "system" => Ok(BrandFont::System { family }),
        other => Err(fail(
            format!("the font `{family}` has `source: {other}`; presskit uses local fonts only"),
            "download the font files and use `source: file` with `files: [...]`, or `source: system` for an installed font",
        )),
    }
}

fn resolve_colors(raw: &RawColor, origin: &Origin) -> Result<Colors> {
    let one = |field: &str, value: &Option<Spanned<String>>| -> Result<Option<Color>> {
        let Some(value) = value else { return Ok(None) };
        resolve_color(&value.value, &raw.palette).map(Some).map_err(|message| {
            Error::new(ErrorKind::InvalidValue, format!("`color.{field}`: {message}"))
                .in_file(&origin.name)
                .at(location(value))
                .with_hint("write a colour as \"#rrggbb\" or name a colour of `color.palette`")
        })
    };
    Ok(Colors {
        primary: one("primary", &raw.primary)?,
        secondary: one("secondary", &raw.secondary)?,
        foreground: one("foreground", &raw.foreground)?,
        background: one("background", &raw.background)?,
    })
}

fn resolve_color(value: &str, palette: &BTreeMap<String, Spanned<String>>) -> Result<Color, String> {
    let value = value.trim();
    // A palette entry may itself name another entry; follow a few steps.
    let mut current = value.to_string();
    for _ in 0..8 {
        if let Some(color) = Color::parse_hex(&current) {
            return Ok(color);
        }
        match palette.get(&current) {
            Some(next) => current = next.value.trim().to_string(),
            None => break,
        }
    }
    let names: Vec<&str> = palette.keys().map(String::as_str).collect();
    let mut message = format!("`{value}` is neither a \"#rrggbb\" colour nor a palette name");
    if let Some(best) = parse::suggest(value, &names) {
        message.push_str(&format!(" (did you mean `{best}`?)"));
    }
    Err(message)
}

fn parse_size(size: &RawSize) -> Result<f64, String> {
    let pt = match size {
        RawSize::Number(n) => *n,
        RawSize::Text(text) => {
            let text = text.trim();
            let split = text.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(text.len());
            let (number, unit) = text.split_at(split);
            let number: f64 = number
                .trim()
                .parse()
                .map_err(|_| format!("`typography.base.size` `{text}` is not a size like 11pt or 16px"))?;
            match unit {
                "" | "pt" => number,
                "px" => number * 0.75,
                // brand.yml sizes in rem/em are relative to a 11pt print base.
                "rem" | "em" => number * 11.0,
                _ => {
                    return Err(format!(
                        "`typography.base.size` `{text}`: unknown unit `{unit}` (use pt, px or rem)"
                    ));
                }
            }
        }
    };
    if (6.0..=24.0).contains(&pt) {
        Ok(pt)
    } else {
        Err(format!("`typography.base.size` of {pt}pt is outside 6pt to 24pt"))
    }
}

fn parse_weight(weight: &RawWeight) -> Result<u16, String> {
    let value = match weight {
        RawWeight::Number(n) => *n,
        RawWeight::Text(text) => match text.trim().to_ascii_lowercase().as_str() {
            "thin" => 100,
            "extralight" | "extra-light" => 200,
            "light" => 300,
            "normal" | "regular" => 400,
            "medium" => 500,
            "semibold" | "semi-bold" => 600,
            "bold" => 700,
            "extrabold" | "extra-bold" => 800,
            "black" | "heavy" => 900,
            other => {
                other.parse().map_err(|_| format!("`typography.headings.weight` `{text}` is not a weight"))?
            }
        },
    };
    if (100..=900).contains(&value) {
        Ok(value)
    } else {
        Err(format!("`typography.headings.weight` {value} is outside 100 to 900"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn brand(yaml: &str) -> Result<Brand> {
        Brand::from_text(yaml, Origin::named("_brand.yml"))
    }

    #[test]
    fn reads_the_presskit_subset_and_ignores_other_fields() {
        let b = brand(
            "meta:\n  name: {full: Org Full, short: Org}\n  link: {home: https://org.example, github: x}\n\
             color:\n  palette: {blue: \"#00508c\"}\n  primary: blue\n  secondary: \"#fff\"\n\
             typography:\n  base: {family: Source Serif 4, size: 16px, line-height: 1.4}\n  headings: {weight: semibold, color: blue}\n\
             unrelated: {anything: 1}\n\
             defaults:\n  shiny: {x: 1}\n  presskit:\n    paper: us-letter\n    region: us\n    address: [A, B]\n    footer: Small print\n",
        )
        .unwrap();
        assert_eq!(b.name.as_deref(), Some("Org Full"));
        assert_eq!(b.short_name.as_deref(), Some("Org"));
        assert_eq!(b.link.as_deref(), Some("https://org.example"));
        assert_eq!(b.colors.primary, Some(Color([0, 0x50, 0x8c])));
        assert_eq!(b.colors.secondary, Some(Color([255; 3])));
        assert_eq!(b.base.size, Some(12.0));
        assert_eq!(b.headings.weight, Some(600));
        assert_eq!(b.paper, Paper::UsLetter);
        assert_eq!(b.region, Some(Region::Us));
        assert_eq!(b.address, ["A", "B"]);
    }

    #[test]
    fn unknown_presskit_key_is_an_error_with_suggestion() {
        let err = brand("defaults:\n  presskit:\n    papr: a4\n").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownField);
        assert!(err.message().contains("did you mean `paper`?"), "{err}");
        assert_eq!(err.location().map(|l| l.line), Some(3));
    }

    #[test]
    fn bad_colour_names_the_field_and_place() {
        let err = brand("color:\n  palette: {blue: \"#00508c\"}\n  primary: bleu\n").unwrap_err();
        assert!(err.message().contains("`color.primary`"), "{err}");
        assert!(err.message().contains("did you mean `blue`?"), "{err}");
        assert_eq!(err.location().map(|l| l.line), Some(3));
    }

    #[test]
    fn typography_errors_are_located() {
        let err = brand("typography:\n  base:\n    size: 90pt\n").unwrap_err();
        assert!(err.message().contains("outside 6pt to 24pt"), "{err}");
        assert_eq!(err.location().map(|l| l.line), Some(3));
        let err = brand("typography:\n  headings: {color: nope}\n").unwrap_err();
        assert!(err.message().contains("`typography.headings.color`"), "{err}");
        assert_eq!(err.location().map(|l| l.line), Some(2));
    }

    #[test]
    fn logo_variants_for_light_and_dark_take_the_light_one() {
        let err = brand("logo:\n  medium: {light: light.svg, dark: dark.svg}\n").unwrap_err();
        assert!(err.message().contains("light.svg"), "{err}");
    }

    #[test]
    fn remote_fonts_are_refused() {
        let err = brand("typography:\n  fonts:\n    - {family: Inter, source: google}\n").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Font);
        assert!(err.message().contains("local fonts only"));
    }

    #[test]
    fn invalid_utf8_points_at_the_byte() {
        let err = Brand::from_bytes(b"meta:\n  name: Caf\xe9\n", Origin::named("_brand.yml")).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Io);
        assert_eq!(err.location(), Some(Location { line: 2, column: 12 }));
    }

    #[test]
    fn logo_without_folder_is_an_error() {
        let err = brand("logo: logo.svg\n").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Image);
        assert!(err.message().contains("logo.svg"));
    }
}
