//! The model as a Typst project: the static template, the release as JSON
//! data, and the images it shows. User text only ever travels as data.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::Serialize;

use crate::error::{Error, ErrorKind, Result};
use crate::input::images::{Bounds, Prepared};
use crate::input::kit::Kit;
use crate::model::content::{Block, Content, Inline};
use crate::model::{Asset, Brand, Contact, Origin, Paper, Region, Release};
use crate::present::bidi;
use crate::present::labels::Labels;
use crate::present::look::{LOGO_ALT_FALLBACK, Palette, display_url, logo_alt, tel_link, web_link};
use crate::present::options::Options;
use crate::present::view::View;
use crate::sandbox::Limits;

/// The layout, in Typst. It reads `/data.json` and never the user's text as
/// source.
pub const TEMPLATE: &str = include_str!("../../../../assets/release.typ");

/// Virtual path of the template in the project.
pub const TEMPLATE_PATH: &str = "/release.typ";
/// presskit's template library, which every template may import: rich
/// text, contacts, page pieces, the loop over the parts.
pub const LIBRARY: &str = include_str!("../../../../assets/presskit.typ");
/// Virtual path of the template library in every project.
pub const LIBRARY_PATH: &str = "/presskit.typ";
/// Virtual path of the data in the project.
pub const DATA_PATH: &str = "/data.json";
/// Virtual path of the release as JSON, attached to PDF/A-3 files.
pub const ATTACHMENT_PATH: &str = "/release.json";

/// The tallest a figure prints, in millimetres: a third of the page.
const FIGURE_HEIGHT_MM: f64 = 90.0;
/// The version of the data contract templates read (`data.schema.json`):
/// raised when a field changes or goes, not when one is added.
pub const SCHEMA_VERSION: u32 = 1;
/// The JSON Schema of the data templates read.
pub const SCHEMA: &str = include_str!("../../../../assets/data.schema.json");

/// Family used for body text unless the brand names one.
pub const DEFAULT_TEXT_FAMILY: &str = "Source Serif 4";
/// Family used for headings and small print unless the brand names one.
pub const DEFAULT_HEADING_FAMILY: &str = "Source Sans 3";

/// A Typst project: data and files, beside the static template.
#[derive(Debug, Clone)]
pub struct Project {
    /// The release as JSON, read by the template.
    pub data: Vec<u8>,
    /// Other files: images prepared for the page, and the attachment.
    pub files: Vec<ProjectFile>,
    /// Font families the layout asks for; each must be available.
    pub families: Vec<String>,
    /// Every character beyond ASCII that the text holds, once, in order;
    /// some font must have each.
    pub chars: Vec<char>,
}

/// A file in a [`Project`].
#[derive(Debug, Clone)]
pub struct ProjectFile {
    /// Its absolute virtual path, like `/images/release-0.jpg`.
    pub path: String,
    /// Its content.
    pub data: Arc<[u8]>,
    /// For an image, its path as the input names it.
    pub image: Option<String>,
}

#[derive(Serialize)]
struct Data<'a> {
    /// The version of this contract, for custom templates.
    schema_version: u32,
    /// The attachment's virtual path, for PDF/A-3.
    attachment: Option<&'static str>,
    layout: LayoutData,
    /// The document's own language: the first part's.
    lang: String,
    region: Option<String>,
    paper: &'static str,
    date: [i32; 3],
    /// PDF metadata.
    title: String,
    description: Option<String>,
    keywords: Vec<String>,
    org: Org<'a>,
    logo: Option<LogoData>,
    colors: ColorData,
    fonts: FontData,
    /// A media kit's cover and contents; `None` for a release alone.
    kit: Option<KitData>,
    /// The release in each language, in turn; usually one. A kit's
    /// documents, each in its languages, in order.
    parts: Vec<PartData>,
}

/// A media kit's cover page and table of contents.
#[derive(Serialize)]
struct KitData {
    title: String,
    subtitle: Option<String>,
    date: String,
    /// The heading of the table of contents.
    contents: &'static str,
}

/// One language's release, with its own labels and page numbering.
#[derive(Serialize)]
struct PartData {
    /// Which document of a kit the part belongs to (0 for a release).
    doc: usize,
    lang: String,
    region: Option<String>,
    labels: Labels,
    /// US releases give the media contact at the top.
    contacts_at_top: bool,
    release: ReleaseData,
}

#[derive(Serialize)]
struct LayoutData {
    figure_height_mm: f64,
    /// The theme and its settings, the brand's applied.
    #[serde(flatten)]
    theme: crate::model::layout::LayoutSettings,
}

#[derive(Serialize)]
struct Org<'a> {
    name: Option<&'a str>,
    short: Option<&'a str>,
    link: Option<String>,
    link_text: Option<String>,
    address: &'a [String],
    footer: Option<&'a str>,
}

#[derive(Serialize)]
struct LogoData {
    path: String,
    alt: String,
}

#[derive(Serialize)]
struct ColorData {
    primary: String,
    secondary: String,
    foreground: String,
    background: Option<String>,
    heading: String,
    headline: String,
}

#[derive(Serialize)]
struct FontData {
    text: String,
    heading: String,
    size: f64,
    leading: f64,
    heading_weight: u16,
}

#[derive(Serialize)]
struct ReleaseData {
    label: String,
    line: String,
    embargoed: bool,
    date: String,
    headline: String,
    subheadline: Option<String>,
    /// Printed in bold before the first paragraph, followed by `dateline_sep`.
    dateline: Option<String>,
    dateline_sep: &'static str,
    body: Content,
    end_mark: String,
    abouts: Vec<AboutData>,
    notes: Option<Content>,
    contacts: Vec<ContactData>,
    slug: String,
}

/// A contact, and the `tel:` target of its phone (see `present::look`).
#[derive(Serialize)]
struct ContactData {
    #[serde(flatten)]
    contact: Contact,
    tel: Option<String>,
}

#[derive(Serialize)]
struct AboutData {
    title: String,
    body: Content,
}

/// Prepares an image for the page: the image, and the box it prints in.
pub(crate) type PrepareImage<'a> =
    dyn FnMut(&Asset, Bounds, &Limits) -> std::result::Result<Prepared, String> + 'a;

/// Builds the project for a release issued under a brand. Images go
/// through `prepare_image`, which scales and re-encodes them.
pub(crate) fn build(
    release: &Release,
    brand: &Brand,
    options: &Options,
    prepare_image: &mut PrepareImage,
) -> Result<Project> {
    build_documents(&[release], None, brand, options, prepare_image)
}

/// Builds the project for a media kit: a cover and contents, then each
/// document with its own page numbering.
pub(crate) fn build_kit(
    kit: &Kit,
    brand: &Brand,
    options: &Options,
    prepare_image: &mut PrepareImage,
) -> Result<Project> {
    let documents: Vec<&Release> = kit.documents.iter().collect();
    build_documents(&documents, Some(kit), brand, options, prepare_image)
}

/// Where each image a release names is first named, for messages.
fn image_places(release: &Release) -> BTreeMap<String, Option<crate::error::Location>> {
    let mut places = BTreeMap::new();
    for image in release.texts().flat_map(Content::images) {
        places.entry(image.src.clone()).or_insert(image.location);
    }
    places
}

fn build_documents(
    documents: &[&Release],
    kit: Option<&Kit>,
    brand: &Brand,
    options: &Options,
    prepare_image: &mut PrepareImage,
) -> Result<Project> {
    let mut files = Vec::new();

    let paper_width_mm = match brand.paper {
        Paper::A4 => 210.0,
        Paper::UsLetter => 215.9,
    };
    let theme = brand.layout.settings();
    let text_width = points(paper_width_mm - theme.margins.left - theme.margins.right);
    let figure = Bounds { width: text_width, height: points(FIGURE_HEIGHT_MM) };
    let places: Vec<(&Origin, BTreeMap<_, _>)> =
        documents.iter().map(|r| (&r.origin, image_places(r))).collect();
    let mut add = |asset: &Asset, path: &str, bounds: Bounds, origin: Option<&Origin>| -> Result<String> {
        let limits = origin.map(|o| o.sandbox.limits.clone()).unwrap_or_default();
        let prepared = prepare_image(asset, bounds, &limits).map_err(|message| {
            let at = origin
                .and_then(|o| places.iter().find(|(p, _)| *p == o))
                .and_then(|(_, places)| places.get(&asset.name).copied());
            let err = Error::new(ErrorKind::Image, message)
                .at(at.flatten())
                .with_hint("re-save the image as PNG or JPEG, or replace it");
            match origin {
                Some(origin) => err.in_file(&origin.name),
                None => err,
            }
        })?;
        let path = format!("{path}.{}", prepared.kind.extension());
        files.push(ProjectFile { path: path.clone(), data: prepared.data, image: Some(asset.name.clone()) });
        Ok(path)
    };

    let logo = match &brand.logo {
        Some(logo) => {
            let bounds = Bounds { width: text_width / 2.0, height: points(theme.logo_height_mm) };
            let path = add(&logo.image, "/assets/logo", bounds, brand.origin.as_ref())?;
            let alt = logo_alt(brand).unwrap_or_else(|| LOGO_ALT_FALLBACK.into());
            Some(LogoData { path, alt })
        }
        None => None,
    };

    let mut brand_images = BTreeMap::new();
    for (i, asset) in brand.images.iter().enumerate() {
        let path = add(asset, &format!("/images/brand-{i}"), figure, brand.origin.as_ref())?;
        brand_images.insert(asset.name.clone(), path);
    }
    let mut notes = 0;
    let palette = Palette::of(brand);
    let colors = ColorData {
        primary: palette.primary,
        secondary: palette.secondary,
        foreground: palette.foreground,
        background: palette.background,
        heading: palette.heading,
        headline: palette.headline,
    };

    let size = brand.base.size.unwrap_or(theme.text_size);
    let line_height = brand.base.line_height.unwrap_or(1.42);
    let fonts = FontData {
        text: brand.base.family.clone().unwrap_or_else(|| theme.text_family.into()),
        heading: brand.headings.family.clone().unwrap_or_else(|| DEFAULT_HEADING_FAMILY.into()),
        size,
        // Typst's leading is the gap between lines, measured from the
        // baseline to the next line's cap height (about 0.66 em).
        leading: (line_height - 0.66).max(0.15),
        heading_weight: brand.headings.weight.unwrap_or(700),
    };
    let families = vec![fonts.text.clone(), fonts.heading.clone()];

    let mut parts = Vec::new();
    for (doc, release) in documents.iter().enumerate() {
        // Images go into the project under generated names; the release's and
        // the brand's may be written alike but live in different folders, and
        // so may two documents' of a kit.
        let mut release_images = BTreeMap::new();
        for (i, asset) in release.images.iter().enumerate() {
            let name =
                if doc == 0 { format!("/images/release-{i}") } else { format!("/images/release{doc}-{i}") };
            let path = add(asset, &name, figure, Some(&release.origin))?;
            release_images.insert(asset.name.clone(), path);
        }
        for mut view in View::all(release, brand, options)? {
            // Image paths and footnote numbers for the project; the brand's
            // "About" names the brand's images.
            let named = |err: Error| err.in_file(&release.origin.name);
            view.release.body = prepare(&view.release.body, &release_images, &mut notes).map_err(named)?;
            if let Some(n) = &view.release.notes_to_editors {
                view.release.notes_to_editors = Some(prepare(n, &release_images, &mut notes).map_err(named)?);
            }
            for (i, (_, body)) in view.abouts.iter_mut().enumerate() {
                let images = if i == 0 && view.brand_about { &brand_images } else { &release_images };
                *body = prepare(body, images, &mut notes).map_err(named)?;
            }
            let View {
                release,
                labels,
                region,
                label,
                line,
                date,
                dateline,
                abouts,
                contacts,
                end_mark,
                slug,
                ..
            } = view;
            let (dateline, dateline_sep) = match dateline {
                Some((place, sep)) => (Some(place), sep),
                None => (None, ""),
            };
            parts.push(PartData {
                doc,
                lang: release.lang.language(),
                region: release.lang.region(),
                contacts_at_top: region == Region::Us,
                release: ReleaseData {
                    label,
                    line,
                    embargoed: release.embargo.is_some(),
                    date,
                    headline: release.headline,
                    subheadline: release.subheadline,
                    dateline,
                    dateline_sep,
                    body: release.body,
                    end_mark,
                    abouts: abouts.into_iter().map(|(title, body)| AboutData { title, body }).collect(),
                    notes: release.notes_to_editors,
                    contacts: contacts
                        .into_iter()
                        .map(|contact| ContactData {
                            tel: contact.phone.as_deref().and_then(tel_link),
                            contact,
                        })
                        .collect(),
                    slug,
                },
                labels,
            });
        }
    }
    let first = &parts[0];
    let release = documents[0];

    let attachment = if options.standards().attaches_release() {
        // Serializing the model (strings, numbers, lists) cannot fail.
        let json = match kit {
            None => serde_json::to_vec_pretty(&Attachment { generator: GENERATOR, release }),
            Some(kit) => serde_json::to_vec_pretty(&KitAttachment {
                generator: GENERATOR,
                title: &kit.title,
                date: kit.date,
                documents,
            }),
        };
        files.push(ProjectFile {
            path: ATTACHMENT_PATH.into(),
            data: json.unwrap_or_default().into(),
            image: None,
        });
        Some(ATTACHMENT_PATH)
    } else {
        None
    };

    // The embargo travels in the metadata too: in the subject and as a
    // keyword a machine can read.
    let mut keywords = release.keywords.clone();
    let mut description = first.release.subheadline.clone();
    if let Some(embargo) = release.embargo {
        keywords.push(format!("embargoed-until:{}", embargo.to_rfc3339()));
        description = Some(match description {
            Some(sub) => format!("{} — {sub}", first.release.line),
            None => first.release.line.clone(),
        });
    }
    let mut title = first.release.headline.clone();
    let mut date = release.date;
    let kit = kit.map(|kit| {
        // The cover speaks the kit's language, else the first document's.
        let lang = kit.lang.clone().unwrap_or_else(|| release.lang.clone());
        let labels = Labels::for_lang(&lang, brand.region.unwrap_or(Region::Eu));
        title.clone_from(&kit.title);
        date = kit.date;
        description.clone_from(&kit.subtitle);
        // Each keyword once, in first-seen order (dedup alone drops only
        // neighbours).
        keywords = Vec::new();
        for keyword in documents.iter().flat_map(|d| &d.keywords) {
            if !keywords.iter().any(|k: &String| k.eq_ignore_ascii_case(keyword)) {
                keywords.push(keyword.clone());
            }
        }
        KitData {
            title: kit.title.clone(),
            subtitle: kit.subtitle.clone(),
            date: labels.date(kit.date),
            contents: labels.words.contents,
        }
    });

    let data = Data {
        schema_version: SCHEMA_VERSION,
        attachment,
        layout: LayoutData { figure_height_mm: FIGURE_HEIGHT_MM, theme },
        lang: first.lang.clone(),
        region: first.region.clone(),
        paper: match brand.paper {
            Paper::A4 => "a4",
            Paper::UsLetter => "us-letter",
        },
        date: [date.year(), date.month().into(), date.day().into()],
        title,
        description,
        keywords,
        org: Org {
            name: brand.name.as_deref(),
            short: brand.short_name.as_deref().or(brand.name.as_deref()),
            link: web_link(brand.link.as_deref()),
            link_text: web_link(brand.link.as_deref()).map(|link| display_url(&link)),
            address: &brand.address,
            footer: brand.footer.as_deref(),
        },
        logo,
        colors,
        fonts,
        kit,
        parts,
    };
    // Serializing plain structs of strings and numbers cannot fail.
    // Every string, whatever its field, keeps its bidi controls to itself.
    let mut data = serde_json::to_value(&data).unwrap_or_default();
    contain_bidi(&mut data);
    let mut chars = std::collections::BTreeSet::new();
    collect_chars(&data, &mut chars);
    let data = serde_json::to_vec(&data).unwrap_or_default();
    Ok(Project { data, files, families, chars: chars.into_iter().collect() })
}

/// Who made a file, for metadata and the attachment.
pub(crate) const GENERATOR: &str = concat!("presskit ", env!("CARGO_PKG_VERSION"));

/// The attached JSON of a kit: its title, date and documents as loaded.
#[derive(Serialize)]
struct KitAttachment<'a> {
    generator: &'static str,
    title: &'a str,
    date: crate::model::Date,
    documents: &'a [&'a Release],
}

/// The attached JSON: the release as loaded.
#[derive(Serialize)]
struct Attachment<'a> {
    generator: &'static str,
    release: &'a Release,
}

fn collect_chars(value: &serde_json::Value, out: &mut std::collections::BTreeSet<char>) {
    match value {
        serde_json::Value::String(text) => out.extend(text.chars().filter(|c| !c.is_ascii())),
        serde_json::Value::Array(items) => items.iter().for_each(|v| collect_chars(v, out)),
        serde_json::Value::Object(map) => map.values().for_each(|v| collect_chars(v, out)),
        _ => {}
    }
}

fn contain_bidi(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::String(text) => {
            if let std::borrow::Cow::Owned(contained) = bidi::contain(text) {
                *text = contained;
            }
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(contain_bidi),
        serde_json::Value::Object(map) => map.values_mut().for_each(contain_bidi),
        _ => {}
    }
}

fn points(mm: f64) -> f64 {
    mm / 25.4 * 72.0
}

/// A copy of `content` for the template: images point at their virtual
/// paths, and footnote ids continue from `notes` so that they are unique
/// across the document's texts.
///
/// An image the text names but the release did not load (a caller changed
/// the text of a loaded release) is an error, not a file Typst cannot find.
fn prepare(content: &Content, images: &BTreeMap<String, String>, notes: &mut usize) -> Result<Content> {
    let mut content = content.clone();
    let offset = *notes;
    let mut count = 0;
    let mut unloaded = None;
    content.visit_mut(
        &mut |block| {
            if let Block::Image(image) = block {
                match images.get(&image.src) {
                    Some(path) => image.src = path.clone(),
                    None => {
                        unloaded.get_or_insert_with(|| image.src.clone());
                    }
                }
            }
        },
        &mut |inline| match inline {
            Inline::Footnote { id, .. } => {
                count = count.max(*id + 1);
                *id += offset;
            }
            Inline::FootnoteRef(id) => *id += offset,
            _ => {}
        },
    );
    if let Some(src) = unloaded {
        return Err(Error::new(
            ErrorKind::Image,
            format!("the image `{src}` is in the release's text but was not loaded with the release"),
        )
        .with_hint("load the release again after changing its text (`Release::from_text`, `from_path`)"));
    }
    *notes += count;
    Ok(content)
}
