//! The trade's conventions a release should follow (see
//! `reference/CONVENTIONS.md`), checked without rendering: what
//! `presskit check` warns about. None of them stops a render.

use std::time::SystemTime;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::error::Location;
use crate::model::content::{Block, Content, Inline};
use crate::model::{self, Brand, Contact, Origin, Release};
use crate::warning::{Warning, WarningKind};

/// Headlines run to about ten words (the ECPAT reference has twelve); past
/// these they read as paragraphs.
const HEADLINE_WORDS: usize = 12;
const HEADLINE_CHARS: usize = 110;

impl Release {
    /// Checks the release and its brand against the press conventions:
    /// headline length, dateline, media contacts, embargo (`now` decides
    /// whether it is past), images' alt text and credit, link targets,
    /// footnotes, empty "About" sections. Warnings come in file order; what
    /// `presskit check` reports.
    pub fn check(&self, brand: &Brand, now: SystemTime) -> Vec<Warning> {
        conventions(self, brand, now)
    }
}

fn conventions(release: &Release, brand: &Brand, now: SystemTime) -> Vec<Warning> {
    let at = Places::of(&release.origin);
    let mut out = Vec::new();
    let mut warn = |at: Option<Location>, kind, message: String, hint: &str| {
        out.push(Warning {
            kind,
            file: release.origin.name.clone(),
            location: at,
            message,
            hint: hint.into(),
        })
    };

    let headline = &release.headline;
    let words = headline.split_whitespace().count();
    if words > HEADLINE_WORDS || headline.chars().count() > HEADLINE_CHARS {
        warn(
            at.key("headline"),
            WarningKind::HeadlineTooLong,
            format!("the headline has {words} words and {} characters", headline.chars().count()),
            "keep it to about ten words; move the detail to `subheadline`",
        );
    }
    if headline.ends_with('.') && !headline.ends_with("...") {
        warn(
            at.key("headline"),
            WarningKind::HeadlineFullStop,
            "the headline ends with a full stop".into(),
            "drop it",
        );
    }
    if release.dateline.is_none() {
        warn(
            at.start(),
            WarningKind::NoDateline,
            "the release has no dateline".into(),
            "add `dateline:` with the place the news comes from, e.g. `Brussels`",
        );
    }
    for (kind, message) in embargo_warnings(release, now) {
        warn(at.key("embargo"), kind, message, "correct `embargo` or `date`");
    }

    let contacts = release.contacts.as_deref().unwrap_or(&brand.contacts);
    if contacts.is_empty() {
        warn(
            at.key("contacts").or(at.start()),
            WarningKind::NoContact,
            "the release has no media contact".into(),
            "add `contacts:` with a name and an email or phone, here or in the brand file",
        );
    }

    // Text of the release itself: body, notes, its own "About" sections
    // and translations written inline.
    let body_at = at.key("body").or(at.body_start());
    let mut texts: Vec<(&str, &Content, Option<Location>)> = vec![("body", &release.body, body_at)];
    if let Some(notes) = &release.notes_to_editors {
        texts.push(("notes_to_editors", notes, at.key("notes_to_editors")));
    }
    let abouts = at.items("boilerplates");
    for (i, about) in release.boilerplates.iter().enumerate() {
        let place = abouts.get(i).copied().or(at.key("boilerplates"));
        texts.push(("boilerplates", &about.body, place));
        if about.body.is_empty() || about.title.is_empty() {
            warn(
                place,
                WarningKind::EmptyAbout,
                format!("the section \"{}\" is empty", about.title),
                EMPTY_ABOUT,
            );
        }
    }
    for t in &release.translations {
        texts.push(("translations", &t.body, at.key("translations")));
    }
    for (_, content, place) in &texts {
        for image in content.images() {
            let place = image.location.or(*place);
            if image.alt.trim().is_empty() {
                warn(
                    place,
                    WarningKind::ImageNoAlt,
                    format!("the image {} has no alt text", image.src),
                    "describe it in the brackets: ![A volunteer at the desk](photo.jpg)",
                );
            }
            if image.credit.is_none() {
                warn(
                    place,
                    WarningKind::ImageNoCredit,
                    format!("the image {} has no credit", image.src),
                    "add it after a bar in the title: ![alt](photo.jpg \"Caption | Photo: Name\")",
                );
            }
        }
    }

    // Links and footnotes are found in the Markdown itself, where the
    // model no longer shows them: an unused note is dropped, an undefined
    // reference is plain text.
    let sources = at.markdown();
    for (field, content, place) in &texts {
        match sources.iter().find(|(f, ..)| f == field) {
            Some((_, text, Some(lines))) => {
                markdown_warnings(text, &|o| Some(shifted(text, o, *lines)), &mut warn)
            }
            Some((_, text, None)) => markdown_warnings(text, &|_| *place, &mut warn),
            None => {
                for url in links(content).into_iter().filter(|u| !allowed_link(u)) {
                    warn(*place, WarningKind::LinkScheme, link_message(&url), LINK_HINT);
                }
            }
        }
    }
    out.extend(contact_warnings(release, brand));
    out.extend(brand_warnings(brand));
    // The release's warnings first, then the brand's, each in line order.
    out.sort_by_key(|w| (w.file != release.origin.name, w.location.map(|l| (l.line, l.column))));
    out
}

/// What a press officer should hear about the embargo: that it is
/// already past at `now`, or ends before the release date.
fn embargo_warnings(release: &Release, now: SystemTime) -> Vec<(WarningKind, String)> {
    let Some(embargo) = release.embargo else { return Vec::new() };
    let mut out = Vec::new();
    if embargo.is_past(now) {
        out.push((
            WarningKind::EmbargoPast,
            format!("the embargo ({}) is already past", embargo.to_rfc3339()),
        ));
    }
    if embargo.date() < release.date {
        out.push((
            WarningKind::EmbargoBeforeDate,
            format!("the embargo ends on {}, before the release date {}", embargo.date(), release.date),
        ));
    }
    out
}

const EMPTY_ABOUT: &str = "write the section's text, or remove it";
const LINK_HINT: &str = "link to an https:// page, a mailto: address or a tel: number";

fn link_message(url: &str) -> String {
    format!(
        "the link `{url}` is not a web page (http, https), an email address (mailto) or a phone \
         number (tel): its text is shown without the link"
    )
}

fn allowed_link(url: &str) -> bool {
    crate::model::content::followable(url)
}

fn shifted(text: &str, offset: usize, lines: usize) -> Location {
    Location::from_offset(text, offset).shifted(lines)
}

/// Warnings about links and footnotes in Markdown `text`; `locate` turns
/// a byte offset into a place in the file.
fn markdown_warnings(
    text: &str,
    locate: &dyn Fn(usize) -> Option<Location>,
    warn: &mut impl FnMut(Option<Location>, WarningKind, String, &str),
) {
    for (event, range) in Parser::new_ext(text, Options::ENABLE_FOOTNOTES).into_offset_iter() {
        if let Event::Start(Tag::Link { link_type, dest_url, .. }) = event {
            let url = crate::input::markdown::link_url(link_type, dest_url);
            if !allowed_link(&url) {
                warn(locate(range.start), WarningKind::LinkScheme, link_message(&url), LINK_HINT);
            }
        }
    }
    // Footnotes from the text itself: the parser drops an unused note and
    // leaves an undefined reference as text, split into pieces.
    let (defined, used) = footnote_labels(text);
    for (label, offset) in &defined {
        if !used.iter().any(|(l, _)| l == label) {
            warn(
                locate(*offset),
                WarningKind::FootnoteUnused,
                format!("the footnote [^{label}] is defined but never referenced, so it is not printed"),
                &format!("put `[^{label}]` where the note belongs, or remove the definition"),
            );
        }
    }
    for (label, offset) in &used {
        if !defined.iter().any(|(l, _)| l == label) {
            warn(
                locate(*offset),
                WarningKind::FootnoteUndefined,
                format!("the footnote [^{label}] is referenced but never defined"),
                &format!("add `[^{label}]: The note's text.` on a line of its own, or remove the reference"),
            );
        }
    }
}

/// A footnote label and the byte offset where it is written.
type Label = (String, usize);

/// The footnote labels `[^label]` of Markdown text, lowercased as they
/// match: definitions (`[^label]:` opening a line) and references, each
/// with its byte offset.
fn footnote_labels(text: &str) -> (Vec<Label>, Vec<Label>) {
    let (mut defined, mut used) = (Vec::new(), Vec::new());
    let mut from = 0;
    while let Some(found) = text[from..].find("[^") {
        let start = from + found;
        from = start + 2;
        let Some(len) = text[from..].find(']') else { break };
        let label = &text[from..from + len];
        if label.is_empty() || label.contains(char::is_whitespace) || label.contains('[') {
            continue;
        }
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let opens_line = text[line_start..start].chars().all(|c| c == ' ') && start - line_start < 4;
        let list =
            if opens_line && text[from + len + 1..].starts_with(':') { &mut defined } else { &mut used };
        list.push((label.to_lowercase(), start));
        from += len + 1;
    }
    (defined, used)
}

/// Contacts that give no way to reach them, in the file they are written in.
fn contact_warnings(release: &Release, brand: &Brand) -> Vec<Warning> {
    let (contacts, origin): (&[Contact], Option<&Origin>) = match &release.contacts {
        Some(contacts) => (contacts, Some(&release.origin)),
        None => (&brand.contacts, brand.origin.as_ref()),
    };
    let Some(origin) = origin else { return Vec::new() };
    let places = Places::of(origin);
    let items = places.items("contacts");
    contacts
        .iter()
        .enumerate()
        .filter(|(_, c)| c.email.is_none() && c.phone.is_none())
        .map(|(i, contact)| Warning {
            file: origin.name.clone(),
            location: items.get(i).copied().or(places.key("contacts")),
            kind: WarningKind::ContactUnreachable,
            message: format!("the contact {} has neither email nor phone", contact.name),
            hint: "add `email:` or `phone:` so journalists can reach them".into(),
        })
        .collect()
}

fn brand_warnings(brand: &Brand) -> Vec<Warning> {
    let (Some(origin), Some(about)) = (&brand.origin, &brand.boilerplate) else { return Vec::new() };
    if !about.body.is_empty() && !about.title.is_empty() {
        return Vec::new();
    }
    let places = Places::of(origin);
    vec![Warning {
        file: origin.name.clone(),
        location: places.key("boilerplate"),
        kind: WarningKind::EmptyAbout,
        message: format!("the brand's section \"{}\" is empty", about.title),
        hint: EMPTY_ABOUT.into(),
    }]
}

/// Every link target in `content`, at every depth.
fn links(content: &Content) -> Vec<String> {
    fn blocks(bs: &[Block], out: &mut Vec<String>) {
        for b in bs {
            match b {
                Block::Paragraph(c) | Block::Heading { body: c, .. } => inlines(c, out),
                Block::Quote { body, attribution } => {
                    blocks(body, out);
                    inlines(attribution.as_deref().unwrap_or_default(), out);
                }
                Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                Block::Code(_) | Block::Image(_) | Block::Rule => {}
            }
        }
    }
    fn inlines(is: &[Inline], out: &mut Vec<String>) {
        for i in is {
            match i {
                Inline::Link { url, body } => {
                    out.push(url.clone());
                    inlines(body, out);
                }
                Inline::Emph(c) | Inline::Strong(c) => inlines(c, out),
                Inline::Footnote { body, .. } => blocks(body, out),
                Inline::Text(_) | Inline::Code(_) | Inline::LineBreak | Inline::FootnoteRef(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    blocks(&content.0, &mut out);
    out
}

/// Where fields stand in an input's file, as noted while it was loaded
/// (nothing for an input built in code).
struct Places<'a>(Option<&'a model::Places>);

impl<'a> Places<'a> {
    fn of(origin: &'a Origin) -> Self {
        Self(origin.places.as_deref())
    }

    fn start(&self) -> Option<Location> {
        self.0.map(|_| Location { line: 1, column: 1 })
    }

    /// The first line of a `.md` file's body.
    fn body_start(&self) -> Option<Location> {
        self.0?.body_line.map(|lines| Location { line: lines + 1, column: 1 })
    }

    fn key(&self, key: &str) -> Option<Location> {
        self.0?.key(key)
    }

    fn items(&self, key: &str) -> Vec<Location> {
        self.0.map(|p| p.items(key)).unwrap_or_default()
    }

    /// The Markdown fields as written, with the lines before them when
    /// their text stands in the file as is (a `.md` body).
    fn markdown(&self) -> &'a [(&'static str, String, Option<usize>)] {
        self.0.map_or(&[], |p| &p.markdown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::Format;
    use crate::model::Origin;

    fn warnings(text: &str, format: Format) -> Vec<(&'static str, Option<usize>)> {
        let release = Release::from_text(text, format, Origin::named("r")).unwrap();
        let found = conventions(&release, &Brand::neutral(), SystemTime::UNIX_EPOCH);
        found.iter().map(|w| (w.kind.code(), w.location.map(|l| l.line))).collect()
    }

    /// An email autolink (`<press@x.org>`) is a mailto: link in the model
    /// and in every output; it is no link-scheme warning either.
    #[test]
    fn email_autolinks_are_mailto_links() {
        let text = "---\nheadline: H\ndate: 2026-03-02\ndateline: Ghent\ncontacts: [{name: Jo, email: jo@x.org}]\n---\n\
                    Write to <press@library.example> or [us](ftp://x.org).\n";
        assert_eq!(warnings(text, Format::Markdown), [("link-scheme", Some(7))]);
    }

    #[test]
    fn each_convention_is_reported_at_its_line() {
        let text = "---\n\
            headline: One two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen.\n\
            date: 2026-03-02\n\
            embargo: 2026-03-01T09:00:00+01:00\n\
            contacts:\n  - name: Jo\n  - name: An\n    phone: '+32 2 000 00 00'\n\
            boilerplates:\n  - {title: About us, body: ''}\n\
            ---\n\
            A [link](ftp://x.org) and [mail](mailto:a@b.org), a note[^a] and[^b].\n\
            \n![](p.svg)\n\n[^a]: Used.\n[^c]: Unused.\n";
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#;
        let dir = tempfile_dir(&[("p.svg", svg)]);
        let release = Release::from_text(text, Format::Markdown, Origin::in_dir("r.md", dir.path())).unwrap();
        let found = conventions(&release, &Brand::neutral(), SystemTime::now());
        let got: Vec<(&str, Option<usize>)> =
            found.iter().map(|w| (w.kind.code(), w.location.map(|l| l.line))).collect();
        assert_eq!(
            got,
            [
                ("no-dateline", Some(1)),
                ("headline-too-long", Some(2)),
                ("headline-full-stop", Some(2)),
                ("embargo-past", Some(4)),
                ("embargo-before-date", Some(4)),
                ("contact-unreachable", Some(6)),
                ("empty-about", Some(10)),
                ("link-scheme", Some(12)),
                ("footnote-undefined", Some(12)),
                ("image-no-alt", Some(14)),
                ("image-no-credit", Some(14)),
                ("footnote-unused", Some(17)),
            ],
            "{found:#?}"
        );
        assert!(found.iter().all(|w| w.file == std::path::Path::new("r.md") && !w.hint.is_empty()));
    }

    #[test]
    fn a_release_that_follows_the_conventions_has_no_warnings() {
        let text = "---\nheadline: Library opens on Sundays\ndate: 2026-03-02\ndateline: Ghent\n\
            contacts: [{name: Jo, email: jo@example.org}]\n---\nThe library opens[^1] (see [site](https://x.org)).\n\n[^1]: From May.\n";
        assert_eq!(warnings(text, Format::Markdown), []);
    }

    #[test]
    fn other_forms_point_at_the_field() {
        let yaml = "headline: A\ndate: 2026-03-02\ndateline: Ghent\ncontacts: [{name: Jo, email: j@x.org}]\n\
            body: |\n  See [x](javascript:alert(1)).\n";
        assert_eq!(warnings(yaml, Format::Yaml), [("link-scheme", Some(5))]);
        let toml = "headline = \"A\"\ndate = 2026-03-02\nbody = \"B\"\n\n[[contacts]]\nname = \"Jo\"\n";
        assert_eq!(
            warnings(toml, Format::Toml),
            [("no-dateline", Some(1)), ("contact-unreachable", Some(5))]
        );
        let json = "{\"headline\": \"A\", \"date\": \"2026-03-02\",\n \"body\": \"B\"}";
        assert_eq!(warnings(json, Format::Json), [("no-dateline", Some(1)), ("no-contact", Some(1))]);
    }

    #[test]
    fn footnote_labels_tell_definitions_from_references() {
        let (defined, used) = footnote_labels("A[^X] b[^y].\n\n[^x]: Note.\n   [^z]: Other.\nNot [^ a].");
        assert_eq!(defined.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), ["x", "z"]);
        assert_eq!(used.iter().map(|(l, _)| l.as_str()).collect::<Vec<_>>(), ["x", "y"]);
    }

    fn tempfile_dir(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }
}
