//! Text, HTML and email outputs: each holds the whole release, user text
//! stays text, and the message parses as a mail client reads it
//! (`mail-parser`, `html5ever`; `tests/external/run` reads the same messages
//! with Python's `email` package and html5lib).

use std::path::Path;
use std::time::{Duration, UNIX_EPOCH};

use presskit::{Brand, EmailOptions, Options, Release};
use presskit_tests::{RENDERER, fold, path, release_in_temp};

fn load(release: &Path) -> (Release, Brand) {
    let release = Release::from_path(release).unwrap_or_else(|e| panic!("{e}"));
    let brand = Brand::for_release(&release).unwrap_or_else(|e| panic!("{e}"));
    (release, brand)
}

/// The message as a mail client and an HTML5 parser read it.
fn check(message: &[u8]) -> (serde_json::Value, Vec<u8>) {
    presskit_tests::read_mail(message)
}

fn fixed() -> EmailOptions {
    EmailOptions::default()
        .to("Newsdesk <news@paper.example>")
        .date(UNIX_EPOCH + Duration::from_secs(1_416_470_400))
        .message_id("release-1@ecpat.example")
}

#[test]
fn the_example_as_an_email_holds_every_sentence_and_the_pdf() {
    let (release, brand) = load(&path("examples/ecpat-belgium/release.md"));
    let pdf = RENDERER.pdf(&release, &brand).unwrap();
    let message = RENDERER.email(&release, &brand, &Options::default(), &fixed()).unwrap();
    assert!(message.len() < 300_000, "the message is {} bytes", message.len());
    // The same inputs give the same bytes.
    assert_eq!(message, RENDERER.email(&release, &brand, &Options::default(), &fixed()).unwrap());

    let (found, attached) = check(&message);
    let types: Vec<&str> =
        found["parts"].as_array().unwrap().iter().map(|p| p["type"].as_str().unwrap()).collect();
    assert_eq!(
        types,
        [
            "multipart/mixed",
            "multipart/related",
            "multipart/alternative",
            "text/plain",
            "text/html",
            "image/png",
            "application/pdf"
        ]
    );
    let logo = &found["parts"][5];
    assert_eq!(
        (logo["disposition"].as_str(), logo["cid"].as_str()),
        (Some("inline"), Some("<image1@presskit>"))
    );
    assert_eq!(found["parts"][6]["filename"], "2014-11-20-despite-national-effort-the-commercial-sexual.pdf");
    assert_eq!(attached, pdf, "the attached PDF differs from the render");
    assert_eq!(found["from"], "Ariane Couvreur <arianecouvreur@ecpat.be>");
    assert_eq!(
        found["subject"],
        "Despite national effort, the commercial sexual exploitation of children in Belgium persists"
    );
    assert_eq!(found["html_errors"].as_array().unwrap().len(), 0, "{}", found["html_errors"]);

    let text = fold(found["text"].as_str().unwrap());
    let html = fold(found["html_text"].as_str().unwrap());
    let reference = std::fs::read_to_string(path("tests/cases/ecpat-reference.txt")).unwrap();
    for line in reference.lines().filter(|l| !l.trim().is_empty()) {
        let line = fold(line);
        assert!(text.contains(&line), "text lacks: {line}\n\n{text}");
        assert!(html.contains(&line), "HTML lacks: {line}\n\n{html}");
    }
    let note = "est le seul réseau mondial entièrement dédié";
    assert!(text.contains("[1] ECPAT International (End Child") && text.contains(note), "{text}");
    assert!(html.contains(note), "{html}");
}

#[test]
fn user_text_is_never_html() {
    let evil = r#"<script>alert(1)</script> <img src=x onerror="alert(2)"> & "quoted" 'single' </p><p>"#;
    let yaml = |s: &str| serde_json::to_string(s).unwrap();
    let text = format!(
        "---\nheadline: {h}\nsubheadline: {h}\ndateline: {h}\nlabel: {h}\nslug: {h}\ndate: 2026-03-02\n\
         contacts: [{{name: {h}, role: {h}, org: {h}, email: press@x.example, phone: {h}}}]\n\
         boilerplates: [{{title: {h}, body: {h}}}]\nnotes_to_editors: {h}\n---\n{body}\n\n[link]({url})\n",
        h = yaml(evil),
        body = evil.replace('<', "\\<"),
        url = "javascript:alert(3)",
    );
    let (_dir, file) = release_in_temp(&text, &[]);
    let (release, brand) = load(&file);
    let message = RENDERER.email(&release, &brand, &Options::default(), &fixed()).unwrap();
    let (found, _) = check(&message);
    assert_eq!(found["scripts"], 0, "a script element got through");
    assert_eq!(
        found["handlers"].as_array().unwrap().len(),
        0,
        "an on* attribute got through: {}",
        found["handlers"]
    );
    assert_eq!(found["html_errors"].as_array().unwrap().len(), 0, "{}", found["html_errors"]);
    let html_text = found["html_text"].as_str().unwrap();
    // Every field shows the characters as typed (headline, subheadline,
    // dateline, label, contact, about title and body, notes, body).
    assert!(html_text.matches("<script>alert(1)</script>").count() >= 10, "{html_text}");
    assert!(html_text.contains(r#"onerror="alert(2)""#) && html_text.contains("'single'"), "{html_text}");
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    assert!(!html.contains("javascript:"), "a javascript: link got through");
    let text = RENDERER.text(&release, &brand, &Options::default()).unwrap();
    assert!(text.contains("<script>alert(1)</script>"), "{text}");
}

#[test]
fn a_french_release_gets_french_labels_everywhere() {
    let (release, brand) = load(&path("examples/ecpat-belgium/release.fr.md"));
    let text = RENDERER.text(&release, &brand, &Options::default()).unwrap();
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    for out in [&text, &html] {
        for label in
            ["COMMUNIQUÉ DE PRESSE", "POUR DIFFUSION IMMÉDIATE", "20 novembre 2014", "FIN", "Contact presse"]
        {
            assert!(out.contains(label), "`{label}` missing");
        }
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"fr-BE\">"));
    // An embargoed French release has a French subject.
    let embargoed = std::fs::read_to_string(path("examples/ecpat-belgium/release.fr.md")).unwrap().replacen(
        "date: 2014-11-20",
        "date: 2014-11-20\nembargo: 2014-11-20T10:00:00+01:00",
        1,
    );
    let (_dir, file) = release_in_temp(&embargoed, &[]);
    let release = Release::from_path(&file).unwrap();
    let message =
        RENDERER.email(&release, &Brand::neutral(), &Options::default(), &fixed().from("p@x.example"));
    let (found, _) = check(&message.unwrap());
    assert_eq!(
        found["subject"],
        "SOUS EMBARGO JUSQU’AU 20 novembre 2014, 10:00 UTC+01:00\u{202F}: Malgré les efforts nationaux, \
         l'exploitation sexuelle commerciale des enfants persiste en Belgique"
    );
}

/// A bidi override in a dateline or a contact is closed at the field's end
/// in the text and the HTML, as in the PDF: it cannot reorder what follows.
#[test]
fn bidi_overrides_are_contained_in_text_and_html() {
    let text = "---\nheadline: Override\ndate: 2026-03-02\ndateline: \"\u{202E}Brussels\"\ncontacts:\n  - {name: \"\u{202E}Dana\", email: d@example.org}\n---\nThe body follows.\n";
    let (_dir, release) = release_in_temp(text, &[]);
    let (release, brand) = load(&release);
    let plain = RENDERER.text(&release, &brand, &Options::default()).unwrap();
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    for (name, output) in [("text", &plain), ("HTML", &html)] {
        for field in ["\u{202E}Brussels\u{202C}", "\u{202E}Dana\u{202C}"] {
            assert!(output.contains(field), "{name}: {field:?} is not closed in:\n{output}");
        }
    }
}

/// The plain text numbers a repeated note in an "About" section as its
/// first reference (the body's notes come first), and puts the contacts at
/// the top for a US release, as the PDF does.
#[test]
fn plain_text_notes_and_us_contacts_agree_with_the_pdf() {
    let text = "---\nheadline: Notes\ndate: 2026-03-02\nregion: us\ndateline: Springfield\n\
                contacts:\n  - {name: Dana Whitfield, email: d@example.org}\n\
                boilerplates:\n  - title: About Us\n    body: \"We count[^x], and count again[^x].\\n\\n[^x]: Since 1990.\\n\"\n\
                ---\nThe body[^a].\n\n[^a]: The body's note.\n";
    let (_dir, release) = release_in_temp(text, &[]);
    let (release, brand) = load(&release);
    let plain = RENDERER.text(&release, &brand, &Options::default()).unwrap();
    assert!(plain.contains("We count[2], and count again[2]."), "{plain}");
    let (contact, headline) = (plain.find("Dana Whitfield").unwrap(), plain.find("Notes").unwrap());
    assert!(contact < headline, "the contacts are not at the top:\n{plain}");
}

/// The HTML sets the body in the theme's family, as the PDF does: sans for
/// the modern theme, serif for the classic one.
#[test]
fn html_uses_the_theme_font() {
    let (release, mut brand) = load(&path("examples/ecpat-belgium/release.md"));
    brand.base.family = None;
    brand.layout.theme = presskit::model::Theme::Modern;
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    assert!(
        html.contains("font-family:'Source Sans 3',Helvetica,Arial,sans-serif;font-size:16px"),
        "{}",
        &html[..1500]
    );
    brand.layout.theme = presskit::model::Theme::Classic;
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    assert!(html.contains("font-family:'Source Serif 4',Georgia"), "{}", &html[..1500]);
}

/// Errors a caller's setting resolves name the setting, not a CLI flag: the
/// front end (the CLI's `--from`, a service's field) adds its own word.
#[test]
fn email_errors_name_the_setting_that_resolves_them() {
    let (_dir, file) = release_in_temp("---\nheadline: H\ndate: 2026-03-02\n---\nBody.\n", &[]);
    let (release, brand) = load(&file);
    let email = |options: EmailOptions| RENDERER.email(&release, &brand, &Options::default(), &options);
    let err = email(EmailOptions::default()).unwrap_err();
    assert_eq!(err.setting(), Some(presskit::Setting::Sender), "{err}");
    assert_eq!(err.hint(), Some("give the sender, or an email to a media contact"));
    let err = email(EmailOptions::default().from("press@x.example").to("not an address")).unwrap_err();
    assert_eq!(err.setting(), Some(presskit::Setting::Recipients), "{err}");
    assert!(err.message().contains("for a recipient"), "{err}");
}

/// The attached PDF is rendered in the language of the message's text and
/// HTML: the caller no longer passes a PDF that could be of another.
#[test]
fn the_attached_pdf_is_in_the_language_of_the_message() {
    let (release, brand) = load(&path("examples/ecpat-belgium/release.md"));
    let french =
        Options::default().with_languages(presskit::Languages::One(presskit::Lang::parse("fr").unwrap()));
    let message = RENDERER.email(&release, &brand, &french, &fixed()).unwrap();
    let (found, attached) = check(&message);
    let pdf = fold(&presskit_tests::pdf_text(&attached));
    assert!(pdf.contains("Malgré les efforts nationaux"), "{pdf}");
    assert!(fold(found["text"].as_str().unwrap()).contains("Malgré les efforts nationaux"));
    assert_eq!(attached, RENDERER.compile_with(&release, &brand, &french).unwrap().pdf().unwrap());
}

/// The brand's link as every output shows it: `www.example.org` in the
/// brand is a web link in the PDF, and must be one in the HTML too (it was
/// plain text there), shown without its scheme in both.
#[test]
fn the_brands_link_is_the_same_link_in_pdf_and_html() {
    let (dir, file) = release_in_temp("---\nheadline: H\ndate: 2026-03-02\n---\nBody.\n", &[]);
    std::fs::write(
        dir.path().join("_brand.yml"),
        "meta:\n  name: Example Org\n  link: www.example.org/press/\n",
    )
    .unwrap();
    let (release, brand) = load(&file);
    let pdf = RENDERER.pdf(&release, &brand).unwrap();
    let links = presskit_pdf::Pdf::parse(&pdf).all_links();
    assert!(links.contains(&presskit_pdf::Link::Uri("https://www.example.org/press/".into())), "{links:?}");
    assert!(fold(&presskit_tests::pdf_text(&pdf)).contains("www.example.org/press"));
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    assert!(html.contains("href=\"https://www.example.org/press/\""), "no link in the HTML");
    assert!(html.contains(">www.example.org/press</a>"), "shown otherwise in the HTML");
}
