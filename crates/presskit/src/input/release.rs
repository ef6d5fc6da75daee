//! Loading a release file (`.md` with front matter, `.yaml`, `.json`, `.toml`).

use std::path::Path;

use serde::Deserialize;

use crate::error::{Error, ErrorKind, Location, Result};
use crate::format::Format;
use crate::input::images;
use crate::input::markdown;
use crate::input::parse::{self, Syntax};
use crate::model::content::Content;
use crate::model::{Boilerplate, Contact, Date, Embargo, Lang, Origin, Region, Release};
use crate::sandbox::Sandbox;

/// A release file's fields as written; checked and turned into a [`Release`].
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRelease {
    headline: String,
    date: Date,
    body: Option<String>,
    subheadline: Option<String>,
    dateline: Option<String>,
    lang: Option<Lang>,
    region: Option<Region>,
    label: Option<String>,
    embargo: Option<Embargo>,
    contacts: Option<Vec<Contact>>,
    #[serde(default)]
    boilerplates: Vec<RawBoilerplate>,
    notes_to_editors: Option<String>,
    end_mark: Option<String>,
    slug: Option<String>,
    #[serde(default)]
    keywords: Vec<String>,
    brand: Option<String>,
    #[serde(default)]
    translations: Vec<RawTranslation>,
}

/// One entry of `translations`: the fields, or a `file` that holds them as
/// a Markdown release (front matter and body).
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawTranslation {
    lang: Option<Lang>,
    file: Option<String>,
    headline: Option<String>,
    body: Option<String>,
    subheadline: Option<String>,
    dateline: Option<String>,
    label: Option<String>,
    boilerplates: Option<Vec<RawBoilerplate>>,
    notes_to_editors: Option<String>,
    end_mark: Option<String>,
    slug: Option<String>,
    keywords: Option<Vec<String>>,
}

/// `{title, body}` as written.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawBoilerplate {
    pub title: String,
    pub body: String,
}

/// Where a piece of Markdown stands, for locating its errors.
pub(crate) struct MarkdownPlace<'a> {
    /// The field it comes from, for messages.
    pub field: &'a str,
    /// Lines before it in the file, when it is the body of a `.md` file.
    pub line: Option<usize>,
}

impl Release {
    /// Loads a release from a file; the format follows the extension. The
    /// files it names must lie in its folder.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_path_in(path, Sandbox::default())
    }

    /// Loads a release from a file, in a sandbox: the folders besides its
    /// own that it may name files in, and the size limits.
    pub fn from_path_in(path: impl AsRef<Path>, sandbox: Sandbox) -> Result<Self> {
        let path = path.as_ref();
        let format = format_of(path)?;
        let text = parse::read_text(path, &sandbox.limits)?;
        Self::from_text(&text, format, Origin::for_file(path).with_sandbox(sandbox))
    }

    /// Loads a release file another input names (a translation, a kit
    /// document), from what was checked inside the sandbox.
    pub(crate) fn from_resolved(
        path: &parse::ResolvedPath,
        sandbox: Sandbox,
        translation: bool,
    ) -> Result<Self> {
        let format = format_of(&path.shown)?;
        let text = parse::read_resolved_text(path, &sandbox.limits)?;
        Self::parse(&text, format, Origin::for_file(&path.shown).with_sandbox(sandbox), translation)
    }

    /// Loads a release from bytes (an upload, say), which must be UTF-8.
    pub fn from_bytes(bytes: &[u8], format: Format, origin: Origin) -> Result<Self> {
        let text = parse::text_from_bytes(bytes.to_vec(), &origin.name)?;
        Self::from_text(&text, format, origin)
    }

    /// Loads a release from text. `origin` names it in messages and gives the
    /// folder that image paths resolve against.
    pub fn from_text(text: &str, format: Format, origin: Origin) -> Result<Self> {
        Self::parse(text, format, origin, false)
    }

    /// Loads a release from text; a translation's file (`translation`) may
    /// not list translations itself, refused before any is read, so that
    /// a file naming itself cannot recurse.
    fn parse(text: &str, format: Format, origin: Origin, translation: bool) -> Result<Self> {
        parse::check_input_size(text.len(), &origin.name, &origin.sandbox.limits)?;
        parse::check_text(text, &origin.name)?;
        let text = parse::strip_bom(text);
        let mut origin = origin;
        let (raw, body, places) = match format {
            Format::Markdown => {
                let split = parse::split_front_matter(text, &origin)?;
                let raw: RawRelease =
                    parse::deserialize(split.front, split.syntax, &origin, split.front_line)?;
                if raw.body.is_some() {
                    return Err(Error::new(ErrorKind::InvalidValue, "`body` is set in the front matter")
                        .in_file(&origin.name)
                        .with_hint(
                            "in a .md file the body is the Markdown after the front matter; remove the field",
                        ));
                }
                let mut places = parse::places(split.front, split.syntax, split.front_line, text.len());
                places.body_line = Some(split.body_line);
                places.markdown.push(("body", split.body.to_string(), Some(split.body_line)));
                (raw, split.body.to_string(), places)
            }
            Format::Yaml | Format::Json | Format::Toml => {
                let syntax = match format {
                    Format::Yaml => Syntax::Yaml,
                    Format::Json => Syntax::Json,
                    _ => Syntax::Toml,
                };
                let mut raw: RawRelease = parse::deserialize(text, syntax, &origin, 0)?;
                let body = raw.body.take().ok_or_else(|| {
                    Error::new(ErrorKind::MissingField, "missing required field `body`")
                        .in_file(&origin.name)
                        .with_hint("add `body:` with the release text in Markdown")
                })?;
                let mut places = parse::places(text, syntax, 0, text.len());
                places.markdown.push(("body", body.clone(), None));
                (raw, body, places)
            }
        };
        let mut places = places;
        if let Some(notes) = &raw.notes_to_editors {
            places.markdown.push(("notes_to_editors", notes.clone(), None));
        }
        let body_line = places.body_line;
        origin.places = Some(std::sync::Arc::new(places));
        // Escapes (`\u0301` in YAML, JSON or TOML) are text only once
        // parsed: the parsed values are held to the same limit, without a
        // place.
        for value in raw_texts(&raw).chain([body.as_str()]) {
            parse::check_text(value, &origin.name)?;
        }
        if translation && !raw.translations.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "a translation file has translations of its own",
            )
            .in_file(&origin.name)
            .with_hint("list every language in the main release's `translations`"));
        }
        raw.into_release(&body, body_line, origin)
    }
}

impl RawRelease {
    fn into_release(mut self, body: &str, body_line: Option<usize>, origin: Origin) -> Result<Release> {
        let invalid = |message: String, hint: &str| {
            Error::new(ErrorKind::InvalidValue, message).in_file(&origin.name).with_hint(hint)
        };
        if self.headline.trim().is_empty() {
            return Err(invalid("the headline is empty".into(), "write the release's title in `headline`"));
        }
        if body.trim().is_empty() {
            return Err(invalid(
                "the release has no body text".into(),
                "write the release text after the front matter",
            ));
        }
        let mut images = Vec::new();
        let body =
            markdown_field(body, MarkdownPlace { field: "body", line: body_line }, &origin, &mut images)?;
        let notes_to_editors = self
            .notes_to_editors
            .filter(|n| !n.trim().is_empty())
            .map(|n| {
                markdown_field(
                    &n,
                    MarkdownPlace { field: "notes_to_editors", line: None },
                    &origin,
                    &mut images,
                )
            })
            .transpose()?;
        let boilerplates = self
            .boilerplates
            .into_iter()
            .map(|b| boilerplate(b, "boilerplates", &origin, &mut images))
            .collect::<Result<_>>()?;
        if let Some(contacts) = &mut self.contacts {
            check_contacts(contacts, &origin)?;
        }
        let mut translations = Vec::new();
        let mut translation_files = Vec::new();
        for (i, raw) in self.translations.into_iter().enumerate() {
            let dates = (self.date, self.embargo);
            let translation = translation(raw, i, dates, &origin, &mut images, &mut translation_files)?;
            if translation.lang == self.lang.clone().unwrap_or_default()
                || translations.iter().any(|t: &crate::model::Translation| t.lang == translation.lang)
            {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("`translations` has the language `{}` twice", translation.lang.as_str()),
                )
                .in_file(&origin.name)
                .with_hint("give each language once; the release's own `lang` is its first"));
            }
            translations.push(translation);
        }
        let nonempty = parse::nonempty;
        Ok(Release {
            headline: self.headline.trim().to_string(),
            date: self.date,
            body,
            subheadline: nonempty(self.subheadline),
            dateline: nonempty(self.dateline),
            lang: self.lang.unwrap_or_default(),
            region: self.region,
            label: nonempty(self.label),
            embargo: self.embargo,
            contacts: self.contacts,
            boilerplates,
            notes_to_editors,
            end_mark: self.end_mark.map(|s| s.trim().to_string()),
            slug: nonempty(self.slug),
            keywords: self
                .keywords
                .into_iter()
                .map(|k| k.trim().to_string())
                .filter(|k| !k.is_empty())
                .collect(),
            brand: nonempty(self.brand),
            translations,
            images,
            translation_files,
            origin,
        })
    }
}

/// Checks one translation: its fields, or a `file` that is a release in
/// that language (read inside the sandbox), whose date and embargo must be
/// the release's.
fn translation(
    raw: RawTranslation,
    index: usize,
    (date, embargo): (Date, Option<Embargo>),
    origin: &Origin,
    images: &mut Vec<crate::model::Asset>,
    files: &mut Vec<std::path::PathBuf>,
) -> Result<crate::model::Translation> {
    let place = |lang: &Option<Lang>| match lang {
        Some(lang) => format!("translation `{}`", lang.as_str()),
        None => format!("translation {}", index + 1),
    };
    let fail = |message: String, hint: &str| {
        Error::new(ErrorKind::InvalidValue, message).in_file(&origin.name).with_hint(hint)
    };
    let lang = match raw.lang.clone() {
        Some(lang) => lang,
        None => {
            return Err(fail(
                format!("{} has no `lang`", place(&raw.lang)),
                "give every translation its language, e.g. `lang: fr`",
            ));
        }
    };
    if let Some(file) = &raw.file {
        let others = RawTranslation { lang: None, file: None, ..raw };
        if others.headline.is_some() || others.body.is_some() {
            return Err(fail(
                format!("{} has both `file` and its own fields", place(&Some(lang))),
                "give either `file` (a release file in that language) or the fields",
            ));
        }
        // The file is a release of its own, renderable alone; its text is
        // taken, and its date and embargo must agree.
        let path =
            parse::resolve(origin, file, "translation file", parse::locate_value(origin, "file", file))?;
        // One file is one language; and the release with its translation
        // files is held to the size limit of one input, so that naming
        // files many times cannot multiply the work.
        if files.contains(&path.real) {
            return Err(fail(
                format!("the translation file `{file}` is named twice ({})", place(&Some(lang))),
                "give each language a file of its own",
            ));
        }
        let main = origin.places.as_ref().map_or(0, |p| p.size);
        let together = files
            .iter()
            .chain(std::iter::once(&path.real))
            .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
            .sum::<u64>()
            + main;
        let limit = origin.sandbox.limits.max_input_bytes as u64;
        if together > limit {
            return Err(fail(
                format!(
                    "the release and its translation files are larger than {} MB together",
                    limit / 1_000_000
                ),
                "a release and its languages are text of a few pages each; raise \
                 `Limits::max_input_bytes` if these are real",
            ));
        }
        let inner = Release::from_resolved(&path, origin.sandbox.clone(), true)?;
        files.push(path.real);
        let disagree = |what: &str| {
            Error::new(ErrorKind::InvalidValue, format!("the translation file `{file}` has another {what}"))
                .in_file(&origin.name)
                .with_hint(format!("give both files the same {what}, or remove it from the translation"))
        };
        if inner.date != date {
            return Err(disagree("date"));
        }
        if inner.embargo.is_some() && inner.embargo != embargo {
            return Err(disagree("embargo"));
        }
        if !inner.translations.is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                "a translation file has translations of its own",
            )
            .in_file(&inner.origin.name)
            .with_hint("list every language in the main release's `translations`"));
        }
        images.extend(
            inner
                .images
                .iter()
                .filter(|a| !images.iter().any(|b| b.name == a.name))
                .cloned()
                .collect::<Vec<_>>(),
        );
        return Ok(crate::model::Translation {
            lang,
            headline: inner.headline,
            body: inner.body,
            subheadline: inner.subheadline,
            dateline: inner.dateline,
            label: inner.label,
            boilerplates: Some(inner.boilerplates).filter(|b| !b.is_empty()),
            notes_to_editors: inner.notes_to_editors,
            end_mark: inner.end_mark,
            slug: inner.slug,
            keywords: Some(inner.keywords).filter(|k| !k.is_empty()),
        });
    }
    translated(raw, lang, origin, images)
}

fn translated(
    raw: RawTranslation,
    lang: Lang,
    origin: &Origin,
    images: &mut Vec<crate::model::Asset>,
) -> Result<crate::model::Translation> {
    let name = format!("translation `{}`", lang.as_str());
    let fail = |message: String, hint: &str| {
        Error::new(ErrorKind::MissingField, message).in_file(&origin.name).with_hint(hint)
    };
    let headline = parse::nonempty(raw.headline)
        .ok_or_else(|| fail(format!("the {name} has no `headline`"), "give the translated headline"))?;
    let body = raw.body.filter(|b| !b.trim().is_empty()).ok_or_else(|| {
        fail(format!("the {name} has no body"), "give the translated text in `body` (or in the file)")
    })?;
    let field = |f: &str| format!("translations.{}.{f}", lang.as_str());
    let body = markdown_field(&body, MarkdownPlace { field: &field("body"), line: None }, origin, images)?;
    let notes_to_editors = parse::nonempty(raw.notes_to_editors)
        .map(|n| {
            markdown_field(
                &n,
                MarkdownPlace { field: &field("notes_to_editors"), line: None },
                origin,
                images,
            )
        })
        .transpose()?;
    let boilerplates = raw
        .boilerplates
        .map(|list| {
            list.into_iter()
                .map(|b| boilerplate(b, &field("boilerplates"), origin, images))
                .collect::<Result<_>>()
        })
        .transpose()?;
    Ok(crate::model::Translation {
        lang,
        headline,
        body,
        subheadline: parse::nonempty(raw.subheadline),
        dateline: parse::nonempty(raw.dateline),
        label: parse::nonempty(raw.label),
        boilerplates,
        notes_to_editors,
        end_mark: raw.end_mark.map(|s| s.trim().to_string()),
        slug: parse::nonempty(raw.slug),
        keywords: raw.keywords,
    })
}

pub(crate) fn boilerplate(
    raw: RawBoilerplate,
    field: &str,
    origin: &Origin,
    images: &mut Vec<crate::model::Asset>,
) -> Result<Boilerplate> {
    Ok(Boilerplate {
        title: raw.title.trim().to_string(),
        body: markdown_field(&raw.body, MarkdownPlace { field, line: None }, origin, images)?,
    })
}

/// Checks contacts and makes each field one line: a name, role or address
/// reaches mail headers and a one-line block, where a line break would
/// break the header or the layout.
pub(crate) fn check_contacts(contacts: &mut [Contact], origin: &Origin) -> Result<()> {
    for (i, contact) in contacts.iter_mut().enumerate() {
        one_line(&mut contact.name);
        for text in [&mut contact.role, &mut contact.org, &mut contact.email, &mut contact.phone]
            .into_iter()
            .flatten()
        {
            one_line(text);
        }
        if contact.name.trim().is_empty() {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("contact {} has an empty `name`", i + 1),
            )
            .in_file(&origin.name)
            .with_hint("give every contact a name"));
        }
    }
    Ok(())
}

/// Every text a release's fields hold, as parsed.
fn raw_texts(raw: &RawRelease) -> impl Iterator<Item = &str> {
    let mut out: Vec<&str> = vec![raw.headline.as_str()];
    let fields =
        [&raw.subheadline, &raw.dateline, &raw.label, &raw.notes_to_editors, &raw.end_mark, &raw.slug];
    out.extend(fields.into_iter().filter_map(|t| t.as_deref()));
    out.extend(raw.keywords.iter().map(String::as_str));
    for c in raw.contacts.iter().flatten() {
        out.push(&c.name);
        out.extend([&c.role, &c.org, &c.email, &c.phone].into_iter().filter_map(|t| t.as_deref()));
    }
    for b in &raw.boilerplates {
        out.extend([b.title.as_str(), b.body.as_str()]);
    }
    for t in &raw.translations {
        let fields =
            [&t.headline, &t.body, &t.subheadline, &t.dateline, &t.label, &t.notes_to_editors, &t.end_mark];
        out.extend(fields.into_iter().chain([&t.slug]).filter_map(|t| t.as_deref()));
        out.extend(t.keywords.iter().flatten().map(String::as_str));
        for b in t.boilerplates.iter().flatten() {
            out.extend([b.title.as_str(), b.body.as_str()]);
        }
    }
    out.into_iter()
}

/// The format of a release file, from its name.
fn format_of(path: &Path) -> Result<Format> {
    Format::from_path(path).ok_or_else(|| {
        Error::new(ErrorKind::Io, "presskit cannot tell the format of this file from its name")
            .in_file(path)
            .with_hint("name a release .md (Markdown with front matter), .yaml, .yml, .json or .toml")
    })
}

/// Folds line breaks (and the white space around them) to one space.
fn one_line(text: &mut String) {
    let breaks = ['\n', '\r', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}'];
    if text.contains(breaks) {
        *text = text.split(breaks).map(str::trim).filter(|s| !s.is_empty()).collect::<Vec<_>>().join(" ");
    }
}

/// Maps one Markdown field and reads the images it names.
pub(crate) fn markdown_field(
    text: &str,
    place: MarkdownPlace,
    origin: &Origin,
    images: &mut Vec<crate::model::Asset>,
) -> Result<Content> {
    let locate = |offset: usize| place.line.map(|line| Location::from_offset(text, offset).shifted(line));
    let parsed = markdown::parse_with(text, &origin.sandbox.limits).map_err(|err| {
        Error::new(ErrorKind::InvalidValue, format!("in `{}`: {}", place.field, err.message))
            .in_file(&origin.name)
            .at(locate(err.offset))
            .with_hint(err.hint)
    })?;
    let mut content = parsed.content;
    // Image locations are relative to the field; only a `.md` body knows
    // where that is in the file.
    content.visit_mut(
        &mut |block| {
            if let crate::model::content::Block::Image(image) = block {
                image.location = place.line.and_then(|line| image.location.map(|l| l.shifted(line)));
            }
        },
        &mut |_| {},
    );
    for (image, offset) in &parsed.images {
        if images.iter().any(|a| a.name == image.src) {
            continue;
        }
        let asset = parse::read_image_among(origin, &image.src, locate(*offset), images)
            .map_err(|e| e.with_kind(ErrorKind::Image))?;
        images::check(&asset, &origin.sandbox.limits).map_err(|message| {
            Error::new(ErrorKind::Image, message)
                .in_file(&origin.name)
                .at(locate(*offset))
                .with_hint("replace it with a valid PNG, JPEG, GIF, WebP or SVG file")
        })?;
        images.push(asset);
    }
    Ok(content)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Release> {
        Release::from_text(text, Format::Markdown, Origin::named("r.md"))
    }

    #[test]
    fn inline_translations() {
        let release = load(
            "---\nheadline: Library opens\ndate: 2026-03-02\ndateline: Ghent\nsubheadline: On Sundays\n\
             translations:\n  - lang: nl\n    headline: Bibliotheek opent\n    body: De bibliotheek *opent*.\n\
             \x20 - {lang: fr, headline: La bibliothèque ouvre, body: Elle ouvre., dateline: Gand}\n---\nThe library opens.\n",
        )
        .unwrap();
        let langs: Vec<String> = release.languages().iter().map(|l| l.as_str().to_string()).collect();
        assert_eq!(langs, ["en", "nl", "fr"]);
        let nl = release.in_language(&Lang::parse("nl-BE").unwrap()).unwrap();
        assert_eq!((nl.headline.as_str(), nl.dateline.as_deref()), ("Bibliotheek opent", Some("Ghent")));
        // Text left out of a translation is not shown in the wrong language.
        assert_eq!(nl.subheadline, None);
        assert!(nl.body.plain_text().contains("De bibliotheek opent."));
        let fr = release.in_language(&Lang::parse("fr").unwrap()).unwrap();
        assert_eq!(fr.dateline.as_deref(), Some("Gand"));
        assert!(release.in_language(&Lang::parse("de").unwrap()).is_none());
        assert_eq!(release.in_language(&Lang::parse("en-GB").unwrap()).unwrap().headline, "Library opens");
    }

    #[test]
    fn translation_errors() {
        let base = "---\nheadline: A\ndate: 2026-03-02\ntranslations:\n";
        let err = load(&format!("{base}  - {{lang: nl, body: Tekst.}}\n---\nBody.\n")).unwrap_err();
        assert!(err.message().contains("translation `nl` has no `headline`"), "{err}");
        let err = load(&format!("{base}  - {{headline: B, body: C}}\n---\nBody.\n")).unwrap_err();
        assert!(err.message().contains("translation 1 has no `lang`"), "{err}");
        let twice = "  - {lang: nl, headline: B, body: C}\n  - {lang: nl, headline: D, body: E}\n";
        let err = load(&format!("{base}{twice}---\nBody.\n")).unwrap_err();
        assert!(err.message().contains("the language `nl` twice"), "{err}");
        let err = load(&format!("{base}  - {{lang: nl, file: nl.md}}\n---\nBody.\n")).unwrap_err();
        assert!(err.message().contains("translation file `nl.md`"), "{err}");
    }
}
