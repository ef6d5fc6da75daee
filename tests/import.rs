//! `presskit import`: the round trip (each example and test release
//! rendered to text and HTML, imported back, equal field by field) and the
//! hand-made releases of `tests/import/cases`, scored field by field.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use presskit::model::{Block, Inline};
use presskit::{Brand, ImportFormat, Imported, Options, Release};
use presskit_tests::{RENDERER, path};
use serde_json::Value;

/// What a reader sees of a release, field by field.
#[derive(Debug, Default, PartialEq)]
struct Fields {
    lang: String,
    label: Option<String>,
    headline: String,
    subheadline: Option<String>,
    date: String,
    dateline: Option<String>,
    /// Local date and time of the embargo, and its offset in minutes.
    embargo: Option<(String, i32)>,
    body: Vec<String>,
    quotes: Vec<(String, Option<String>)>,
    footnotes: Vec<String>,
    abouts: Vec<(String, String)>,
    notes_to_editors: Vec<String>,
    contacts: Vec<[Option<String>; 5]>,
}

fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn inline_text(inlines: &[Inline], notes: &mut Vec<String>) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Emph(c) | Inline::Strong(c) | Inline::Link { body: c, .. } => {
                out.push_str(&inline_text(c, notes))
            }
            Inline::Footnote { body, .. } => {
                let mut inner = Vec::new();
                let text: Vec<String> =
                    body.iter().flat_map(|b| block_texts(b, &mut inner, &mut Vec::new())).collect();
                notes.push(squeeze(&text.join(" ")));
            }
            Inline::LineBreak => out.push(' '),
            Inline::FootnoteRef(_) => {}
        }
    }
    out
}

/// The texts of a block: a paragraph, each list item, a heading; quotes go
/// to `quotes`.
fn block_texts(
    block: &Block,
    notes: &mut Vec<String>,
    quotes: &mut Vec<(String, Option<String>)>,
) -> Vec<String> {
    match block {
        Block::Paragraph(c) | Block::Heading { body: c, .. } => vec![squeeze(&inline_text(c, notes))],
        Block::List { items, .. } => items
            .iter()
            .flat_map(|item| item.iter().flat_map(|b| block_texts(b, notes, quotes)).collect::<Vec<_>>())
            .collect(),
        Block::Quote { body, attribution } => {
            let text: Vec<String> = body.iter().flat_map(|b| block_texts(b, notes, quotes)).collect();
            let attribution = attribution.as_ref().map(|a| squeeze(&inline_text(a, notes)));
            quotes.push((squeeze(&text.join(" ")), attribution));
            Vec::new()
        }
        Block::Code(t) => vec![squeeze(t)],
        Block::Image(image) => vec![format!("[image: {}]", image.alt)],
        Block::Rule => Vec::new(),
    }
}

fn fields(release: &Release, brand: &Brand) -> Fields {
    let mut f = Fields {
        lang: release.lang.as_str().split('-').next().unwrap_or("en").to_lowercase(),
        label: release.label.clone(),
        headline: squeeze(&release.headline),
        subheadline: release.subheadline.as_deref().map(squeeze),
        date: release.date.to_string(),
        dateline: release.dateline.as_deref().map(|d| squeeze(d).to_lowercase()),
        embargo: release.embargo.map(|e| {
            let (h, m) = e.time();
            (format!("{}T{h:02}:{m:02}", e.date()), e.offset_minutes())
        }),
        ..Fields::default()
    };
    let mut notes = Vec::new();
    let mut quotes = Vec::new();
    for block in &release.body.0 {
        f.body.extend(block_texts(block, &mut notes, &mut quotes));
    }
    f.footnotes = notes;
    f.quotes = quotes;
    let text = |c: &presskit::model::Content| {
        let mut n = Vec::new();
        let mut q = Vec::new();
        squeeze(&c.0.iter().flat_map(|b| block_texts(b, &mut n, &mut q)).collect::<Vec<_>>().join(" "))
    };
    f.abouts = release.boilerplates.iter().map(|b| (squeeze(&b.title), text(&b.body))).collect();
    if let Some(notes) = &release.notes_to_editors {
        let mut n = Vec::new();
        let mut q = Vec::new();
        f.notes_to_editors = notes.0.iter().flat_map(|b| block_texts(b, &mut n, &mut q)).collect();
    }
    let contacts = release.contacts.as_ref().unwrap_or(&brand.contacts);
    f.contacts = contacts
        .iter()
        .map(|c| [Some(c.name.clone()), c.role.clone(), c.org.clone(), c.email.clone(), c.phone.clone()])
        .collect();
    f
}

/// Every release of the examples (translations included) and of the test
/// cases.
fn round_trip_releases() -> Vec<PathBuf> {
    let mut out = Vec::new();
    for dir in ["examples", "tests/cases"] {
        for entry in std::fs::read_dir(path(dir)).expect("the folder") {
            let p = entry.expect("an entry").path();
            // `tests/cases/bad` holds inputs that must fail to load.
            let files: Vec<PathBuf> = if p.ends_with("bad") {
                Vec::new()
            } else if p.is_dir() {
                std::fs::read_dir(&p).expect("the folder").map(|e| e.expect("an entry").path()).collect()
            } else {
                vec![p]
            };
            // The injection case's label, dateline and end mark are Typst
            // syntax, not words a reader could know them by.
            out.extend(files.into_iter().filter(|f| {
                f.extension().is_some_and(|e| e == "md") && !f.ends_with("injection/release.md")
            }));
        }
    }
    out.sort();
    assert!(out.len() >= 6, "only {} releases: {out:?}", out.len());
    out
}

/// Imports and loads a release; an error names the file and shows what
/// was written.
fn import(
    bytes: &[u8],
    format: ImportFormat,
    name: &str,
    brand: Option<&Brand>,
    dir: &Path,
) -> Result<(Imported, Release), String> {
    let imported = Imported::from_bytes(bytes, format, name, brand).map_err(|e| format!("{name}: {e}"))?;
    let origin = presskit::Origin::in_dir(name, dir);
    match imported.release(origin) {
        Ok(release) => Ok((imported, release)),
        Err(e) => Err(format!("{name}: {e}\n{}", imported.markdown())),
    }
}

/// Imports `bytes` and compares the release with the original's fields;
/// a difference or an error is pushed to `failures`.
fn compare(
    bytes: &[u8],
    format: ImportFormat,
    name: &str,
    brand: &Brand,
    dir: &Path,
    want: &Fields,
    failures: &mut Vec<String>,
) {
    match import(bytes, format, name, Some(brand), dir) {
        Ok((imported, release)) => {
            let got = fields(&release, brand);
            if got != *want {
                failures.push(format!(
                    "{name}:\n{}\n--- imported:\n{}",
                    diff(want, &got),
                    imported.markdown()
                ));
            }
        }
        Err(e) => failures.push(e),
    }
}

/// A release rendered to text and to HTML comes back equal from both,
/// field by field, with the brand it rendered with.
#[test]
fn round_trip_through_text_and_html() {
    let mut failures = Vec::new();
    for file in round_trip_releases() {
        let original = Release::from_path(&file).unwrap_or_else(|e| panic!("{e}"));
        let brand = Brand::for_release(&original).unwrap_or_else(|e| panic!("{e}"));
        let want = fields(&original, &brand);
        let dir = file.parent().expect("a folder");
        let options = Options::default();
        let text = RENDERER.text(&original, &brand, &options).unwrap_or_else(|e| panic!("{e}"));
        let html = RENDERER.html(&original, &brand, &options).unwrap_or_else(|e| panic!("{e}"));
        for (format, bytes, ext) in
            [(ImportFormat::Text, text.as_bytes(), "txt"), (ImportFormat::Html, html.as_bytes(), "html")]
        {
            compare(bytes, format, &format!("{}.{ext}", file.display()), &brand, dir, &want, &mut failures);
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The same through Word: each release's HTML opened and saved as .docx
/// by LibreOffice, as a press officer would, then imported back.
#[test]
#[ignore = "needs LibreOffice (soffice); tests/external/run runs it"]
fn round_trip_through_docx() {
    let work = tempfile::tempdir().expect("a temp dir");
    let releases = round_trip_releases();
    let mut pages = Vec::new();
    for (i, file) in releases.iter().enumerate() {
        let original = Release::from_path(file).unwrap_or_else(|e| panic!("{e}"));
        let brand = Brand::for_release(&original).unwrap_or_else(|e| panic!("{e}"));
        let html = RENDERER.html(&original, &brand, &Options::default()).unwrap_or_else(|e| panic!("{e}"));
        // LibreOffice 7.4 drops the raise of a <sup> that has a style.
        let html = html.replace("<sup style=\"font-size:0.7em;line-height:0;\">", "<sup>");
        let page = work.path().join(format!("{i}.html"));
        std::fs::write(&page, html).expect("the page");
        pages.push(page);
    }
    let status = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir"])
        .arg(work.path())
        .args(&pages)
        .env("HOME", work.path())
        .stdout(std::process::Stdio::null())
        .status()
        .expect("soffice runs");
    assert!(status.success(), "soffice failed");
    let mut failures = Vec::new();
    for (i, file) in releases.iter().enumerate() {
        let original = Release::from_path(file).unwrap_or_else(|e| panic!("{e}"));
        let brand = Brand::for_release(&original).unwrap_or_else(|e| panic!("{e}"));
        let docx = std::fs::read(work.path().join(format!("{i}.docx"))).expect("LibreOffice wrote the .docx");
        let name = format!("{}.docx", file.display());
        compare(
            &docx,
            ImportFormat::Docx,
            &name,
            &brand,
            file.parent().expect("a folder"),
            &fields(&original, &brand),
            &mut failures,
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The fields that differ, one line each.
fn diff(want: &Fields, got: &Fields) -> String {
    let each = |f: &Fields| -> Vec<(&'static str, String)> {
        vec![
            ("lang", format!("{:?}", f.lang)),
            ("label", format!("{:?}", f.label)),
            ("headline", format!("{:?}", f.headline)),
            ("subheadline", format!("{:?}", f.subheadline)),
            ("date", format!("{:?}", f.date)),
            ("dateline", format!("{:?}", f.dateline)),
            ("embargo", format!("{:?}", f.embargo)),
            ("body", format!("{:#?}", f.body)),
            ("quotes", format!("{:#?}", f.quotes)),
            ("footnotes", format!("{:#?}", f.footnotes)),
            ("abouts", format!("{:#?}", f.abouts)),
            ("notes_to_editors", format!("{:#?}", f.notes_to_editors)),
            ("contacts", format!("{:?}", f.contacts)),
        ]
    };
    each(want)
        .into_iter()
        .zip(each(got))
        .filter(|(w, g)| w.1 != g.1)
        .map(|((name, w), (_, g))| format!("  {name}:\n    want {w}\n    got  {g}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A field of a hand-made case: right or wrong.
fn score(
    name: &str,
    field: &str,
    ok: bool,
    tally: &mut BTreeMap<String, (usize, usize)>,
    misses: &mut Vec<String>,
    detail: impl FnOnce() -> String,
) {
    let entry = tally.entry(field.to_string()).or_default();
    entry.1 += 1;
    if ok {
        entry.0 += 1;
    } else {
        misses.push(format!("{name}: {field}: {}", detail()));
    }
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(squeeze)
}

fn strings(v: &Value) -> Vec<String> {
    v.as_array().map(|a| a.iter().filter_map(string).collect()).unwrap_or_default()
}

/// Releases typed by hand in Word, pasted into emails, published on
/// newsroom pages: at least 95% of their fields land in the right place.
/// `PRESSKIT_IMPORT_TABLE=1` prints the table by field.
#[test]
fn hand_made_cases_score_95_percent() {
    let dir = path("tests/import/cases");
    let mut tally: BTreeMap<String, (usize, usize)> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut cases = 0;
    let mut entries: Vec<PathBuf> =
        std::fs::read_dir(&dir).expect("the cases").map(|e| e.expect("an entry").path()).collect();
    entries.sort();
    for file in entries {
        let Some(format) = ImportFormat::from_path(&file) else { continue };
        let name = file.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        let expected_path = file.with_extension("expected.json");
        let expected: Value = serde_json::from_str(
            &std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display())),
        )
        .unwrap_or_else(|e| panic!("{}: {e}", expected_path.display()));
        cases += 1;
        let bytes = std::fs::read(&file).expect("the case");
        let (imported, release) = match import(&bytes, format, &name, None, &dir) {
            Ok(done) => done,
            Err(e) => {
                // A release that does not load scores nothing.
                score(&name, "loads", false, &mut tally, &mut misses, || e);
                continue;
            }
        };
        score(&name, "loads", true, &mut tally, &mut misses, String::new);
        let got = fields(&release, &Brand::neutral());
        let report = imported.report();
        let n = name.as_str();
        let mut s =
            |field: &str, ok: bool, detail: String| score(n, field, ok, &mut tally, &mut misses, || detail);
        let e = |k: &str| expected.get(k).cloned().unwrap_or(Value::Null);
        s(
            "lang",
            e("lang").as_str().map(|l| l.split('-').next().unwrap_or(l).to_lowercase())
                == Some(got.lang.clone()),
            format!("{:?}", got.lang),
        );
        s("label", string(&e("label")) == got.label.as_deref().map(squeeze), format!("{:?}", got.label));
        s("headline", string(&e("headline")) == Some(got.headline.clone()), format!("{:?}", got.headline));
        s("subheadline", string(&e("subheadline")) == got.subheadline, format!("{:?}", got.subheadline));
        s("date", string(&e("date")) == Some(got.date.clone()), got.date.clone());
        s(
            "dateline",
            string(&e("dateline")).map(|d| d.to_lowercase()) == got.dateline,
            format!("{:?}", got.dateline),
        );
        let embargo = e("embargo");
        let want_embargo = embargo
            .get("date")
            .and_then(Value::as_str)
            .map(|d| format!("{d}T{}", embargo.get("time").and_then(Value::as_str).unwrap_or("00:00")));
        s(
            "embargo",
            want_embargo == got.embargo.as_ref().map(|(t, _)| t.clone()),
            format!("{:?}", got.embargo),
        );
        // Lists: each expected item is one field.
        let list = |s: &mut dyn FnMut(&str, bool, String), field: &str, want: Vec<String>, got: &[String]| {
            for (i, w) in want.iter().enumerate() {
                let g = got.get(i).cloned().unwrap_or_default();
                s(field, *w == g, format!("item {}: want {w:?}, got {g:?}", i + 1));
            }
            if got.len() > want.len() {
                s(field, false, format!("{} extra: {:?}", got.len() - want.len(), &got[want.len()..]));
            }
        };
        // Tables come as rows of text in the body, where they stood.
        let mut body = got.body.clone();
        for table in e("tables").as_array().cloned().unwrap_or_default() {
            for row in table["rows"].as_array().cloned().unwrap_or_default() {
                let row = strings(&row).join(" | ");
                let at = body.iter().position(|b| *b == row);
                s("table rows", at.is_some(), format!("{row:?} not in the body"));
                if let Some(at) = at {
                    body.remove(at);
                }
            }
        }
        list(&mut s, "body", strings(&e("body")), &body);
        let want_quotes: Vec<String> = e("quotes")
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|q| {
                format!(
                    "{} — {}",
                    string(&q["text"]).unwrap_or_default(),
                    string(&q["attribution"]).unwrap_or_default()
                )
            })
            .collect();
        let got_quotes: Vec<String> =
            got.quotes.iter().map(|(t, a)| format!("{t} — {}", a.clone().unwrap_or_default())).collect();
        list(&mut s, "quotes", want_quotes, &got_quotes);
        list(&mut s, "footnotes", strings(&e("footnotes")), &got.footnotes);
        let want_abouts: Vec<String> = e("abouts")
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .filter(|a| string(&a["title"]) != string(&e("brand")["about_title"]))
            .map(|a| {
                format!(
                    "{}: {}",
                    string(&a["title"]).unwrap_or_default(),
                    string(&a["body"]).unwrap_or_default()
                )
            })
            .collect();
        let got_abouts: Vec<String> = got.abouts.iter().map(|(t, b)| format!("{t}: {b}")).collect();
        list(&mut s, "abouts", want_abouts, &got_abouts);
        list(&mut s, "notes_to_editors", strings(&e("notes_to_editors")), &got.notes_to_editors);
        let contact = |c: &Value| {
            ["name", "role", "org", "email", "phone"].map(|k| string(&c[k]).unwrap_or_default()).join(" / ")
        };
        let want_contacts: Vec<String> =
            e("contacts").as_array().cloned().unwrap_or_default().iter().map(contact).collect();
        let got_contacts: Vec<String> = got
            .contacts
            .iter()
            .map(|c| {
                c.iter()
                    .map(|p| p.as_deref().map(squeeze).unwrap_or_default())
                    .collect::<Vec<_>>()
                    .join(" / ")
            })
            .collect();
        list(&mut s, "contacts", want_contacts, &got_contacts);
        // The brand's parts: its own "About" and the letterhead address.
        let suggested = report.suggested_brand.clone().unwrap_or_default();
        if let Some(title) = string(&e("brand")["about_title"]) {
            s(
                "brand about",
                suggested.contains(&serde_json::to_string(&title).unwrap_or_default()),
                "not in the suggested brand".into(),
            );
        }
        for line in strings(&e("brand")["address"]) {
            s(
                "brand address",
                suggested.contains(&serde_json::to_string(&line).unwrap_or_default()),
                format!("{line:?} not in the suggested brand"),
            );
        }
        // Furniture stays out of the release.
        for text in strings(&e("dropped")) {
            s("dropped", !imported.markdown().contains(&text), format!("{text:?} is in the release"));
        }
    }
    assert!(cases >= 10, "only {cases} cases");
    let (right, all) = tally.values().fold((0, 0), |(r, a), (x, y)| (r + x, a + y));
    let mut table = String::from("| field | right | of |\n|---|---|---|\n");
    for (field, (r, a)) in &tally {
        table.push_str(&format!("| {field} | {r} | {a} |\n"));
    }
    table.push_str(&format!(
        "| **all** | **{right}** | **{all}** ({:.1}%) |\n",
        right as f64 * 100.0 / all as f64
    ));
    if std::env::var_os("PRESSKIT_IMPORT_TABLE").is_some() {
        println!("{table}\nmisses:\n{}", misses.join("\n"));
    }
    assert!(
        right * 100 >= all * 95,
        "{right} of {all} fields right\n{table}\nmisses:\n{}",
        misses.join("\n")
    );
}

/// Shapes of ordinary releases that a review of the importer showed
/// going wrong, each imported as a user would.
#[test]
fn ordinary_shapes_land_in_place() {
    let load = |text: &str, format: ImportFormat| -> (Imported, Release) {
        let imported =
            Imported::from_bytes(text.as_bytes(), format, "case", None).unwrap_or_else(|e| panic!("{e}"));
        let release = imported
            .release(presskit::Origin::named("release.md"))
            .unwrap_or_else(|e| panic!("{e}\n{}", imported.markdown()));
        (imported, release)
    };
    let body = |r: &Release| {
        let mut n = Vec::new();
        let mut q = Vec::new();
        r.body.0.iter().flat_map(|b| block_texts(b, &mut n, &mut q)).collect::<Vec<_>>()
    };

    // No label: the headline above a date is no letterhead.
    let (_, r) = load(
        "Library opens on Sundays\n\n3 March 2026\n\nGHENT – The library opens on Sundays.\n\nENDS\n",
        ImportFormat::Text,
    );
    assert_eq!(r.headline, "Library opens on Sundays");
    assert_eq!(r.dateline.as_deref(), Some("Ghent"));

    // "Acme Corp – the leading maker …" is a sentence, not a dateline;
    // "Note: …" in the body is a sentence, not notes to editors.
    let (_, r) = load(
        "MEDIA RELEASE\n\n3 March 2026\n\nAcme opens a plant\n\nAcme Corp – the leading maker of pumps – opens a plant.\n\nNote: registration is required.\n\nMore text.\n\nENDS\n",
        ImportFormat::Text,
    );
    assert_eq!(r.dateline, None);
    assert_eq!(
        body(&r),
        [
            "Acme Corp – the leading maker of pumps – opens a plant.",
            "Note: registration is required.",
            "More text."
        ]
    );
    assert!(r.notes_to_editors.is_none());

    // "3. März 2026" is the date, not a numbered item.
    let (_, r) = load(
        "PRESSEMITTEILUNG\n3. März 2026\n\nNeue Brücke eröffnet\n\nBonn – Die Brücke ist offen.\n",
        ImportFormat::Text,
    );
    assert_eq!(r.date.to_string(), "2026-03-03");
    assert_eq!(r.headline, "Neue Brücke eröffnet");

    // An email's layout table, list items in paragraphs, an article
    // whose class names a topic, deep nesting: the release all the same.
    let page = format!(
        "<html><body><article class=\"post tag-social-housing\"><table><tr><td>\
         <p>MEDIA RELEASE</p><p>3 March 2026</p><h1>Homes for all</h1>\
         <p>LEEDS – The council builds homes.</p><ul><li><p>200 homes</p></li><li><p>a park</p></li></ul>\
         {}deep text{}</td></tr></table></article></body></html>",
        "<div>".repeat(5000),
        "</div>".repeat(5000)
    );
    let (_, r) = load(&page, ImportFormat::Html);
    assert_eq!(r.headline, "Homes for all");
    assert_eq!(body(&r), ["The council builds homes.", "200 homes", "a park", "deep text"]);

    // UTF-16 from Notepad, with a DOS end-of-file mark.
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(
            "MEDIA RELEASE\r\n3 March 2026\r\n\r\nA headline\r\n\r\nBody.\u{1A}"
                .encode_utf16()
                .flat_map(u16::to_le_bytes),
        )
        .collect();
    let imported = Imported::from_bytes(&utf16, ImportFormat::Text, "notepad.txt", None).expect("imports");
    let r = imported.release(presskit::Origin::named("release.md")).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!((r.headline.as_str(), body(&r)), ("A headline", vec!["Body.".to_string()]));
}

mod properties {
    //! Whatever the source holds, import answers with a release or an
    //! error, never a panic; what it writes loads or fails with an error.

    use super::*;
    use proptest::prelude::*;

    /// Lines a release is made of, and anything at all.
    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("MEDIA RELEASE".to_string()),
            Just("PERSBERICHT | 3 maart 2026".to_string()),
            Just("EMBARGOED UNTIL 00:01 GMT, 3 March 2026".to_string()),
            Just("SPERRFRIST: 12.03.2026, 10 Uhr MEZ".to_string()),
            Just("FOR IMMEDIATE RELEASE".to_string()),
            Just("GHENT, Belgium, 3 March 2026 – The".to_string()),
            Just("SPRINGFIELD, Ill., Feb. 24, 2026 —".to_string()),
            Just("Namur, le 10 mars 2026 –".to_string()),
            Just("“A quote,” she said.".to_string()),
            Just("— Jane Doe, Director".to_string()),
            Just("###".to_string()),
            Just("- ENDS -".to_string()),
            Just("About Riverkeepers Trust:".to_string()),
            Just("Notes to editors".to_string()),
            Just("Media contact".to_string()),
            Just("Jane Doe, Press Officer, jane@example.org, +32 2 555 01 23".to_string()),
            Just("[1] A note.".to_string()),
            Just("1. An item".to_string()),
            Just("• A bullet".to_string()),
            Just("----".to_string()),
            Just("-----Original Message-----".to_string()),
            Just("From: press@example.org".to_string()),
            Just("-- ".to_string()),
            Just("Nr. 14/2026".to_string()),
            Just("Published 19 March 2026 · News".to_string()),
            "[^\n\r]{0,80}",
            any::<String>(),
        ]
    }

    fn lines() -> impl Strategy<Value = Vec<(String, bool)>> {
        prop::collection::vec((line(), any::<bool>()), 0..40)
    }

    fn text_of(lines: &[(String, bool)]) -> String {
        lines.iter().map(|(l, blank)| if *blank { format!("{l}\n\n") } else { format!("{l}\n") }).collect()
    }

    fn html_of(lines: &[(String, bool)]) -> String {
        let tags = ["p", "h1", "h2", "li", "blockquote", "div", "address", "sup", "strong", "nav"];
        let mut out = String::from("<html><body><article>");
        for (i, (l, open)) in lines.iter().enumerate() {
            let tag = tags[i % tags.len()];
            out.push_str(&format!("<{tag} id=\"fn{i}\" class=\"footnotes\">{l}"));
            if *open {
                out.push_str(&format!("</{tag}>"));
            }
        }
        out
    }

    /// Import, then load what was written: either may fail, neither panics.
    fn import_all(bytes: &[u8], format: ImportFormat) {
        if let Ok(imported) = Imported::from_bytes(bytes, format, "case", None) {
            let _ = imported.release(presskit::Origin::named("release.md"));
            let _ = imported.report().to_string();
        }
    }

    proptest! {
        // Failures are kept as unit tests (fields.rs), not in a file.
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn text_markdown_and_html_never_panic(lines in lines()) {
            let text = text_of(&lines);
            import_all(text.as_bytes(), ImportFormat::Text);
            import_all(text.as_bytes(), ImportFormat::Markdown);
            import_all(html_of(&lines).as_bytes(), ImportFormat::Html);
        }

        #[test]
        fn damaged_word_files_never_panic(cut in 0usize..4000, flip in any::<(usize, u8)>()) {
            let file = path("tests/import/cases/docx-manual-nl-museum.docx");
            let mut bytes = std::fs::read(file).expect("the case");
            let at = flip.0 % bytes.len();
            bytes[at] ^= flip.1;
            bytes.truncate(bytes.len().saturating_sub(cut));
            import_all(&bytes, ImportFormat::Docx);
        }
    }
}
