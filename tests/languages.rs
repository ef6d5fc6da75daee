//! Languages, regional conventions, embargoes and multilingual releases, as
//! a reader of the PDF sees them.

use std::path::Path;

use presskit::{Brand, ErrorKind, Format, Options, Origin, Release, Warning, WarningKind};
use presskit_pdf::Pdf;
use presskit_tests::{RENDERER, fold, path, pdf_text, release_in_temp};

fn load(release: &Path) -> (Release, Brand) {
    let release = Release::from_path(release).unwrap_or_else(|e| panic!("{e}"));
    let brand = Brand::for_release(&release).unwrap_or_else(|e| panic!("{e}"));
    (release, brand)
}

/// The PDF's text in layout order, and the PDF.
fn render(release: &Release, brand: &Brand, options: &Options) -> (String, Vec<u8>) {
    let document = RENDERER.compile_with(release, brand, options).unwrap_or_else(|e| panic!("{e}"));
    assert!(document.warnings().is_empty(), "{:?}", document.warnings());
    let pdf = document.pdf().unwrap();
    (pdf_text(&pdf), pdf)
}

/// Whether `text` holds `needle`, reading letter-spaced labels
/// ("M E D I A") as words.
fn has(text: &str, needle: &str) -> bool {
    text.contains(needle) || squash(text).contains(&squash(needle))
}

fn squash(text: &str) -> String {
    text.chars().filter(|c| *c != ' ').collect()
}

fn example(file: &str) -> (Release, Brand) {
    load(&path(&format!("examples/ecpat-belgium/{file}")))
}

#[test]
fn the_french_example_reads_as_french() {
    let (release, brand) = example("release.fr.md");
    let (text, _) = render(&release, &brand, &Options::default());
    // The spaces as laid out (pdftotext reads a narrow space as a space).
    let laid_out = RENDERER.compile(&release, &brand).unwrap().text();
    for expected in [
        "COMMUNIQUÉ DE PRESSE",
        "POUR DIFFUSION IMMÉDIATE",
        "20 novembre 2014",
        "Page 1 sur 2",
        "…/…",
        "FIN",
        "Contact presse",
        // French sets a narrow no-break space inside guillemets.
        "«\u{202F}L’ESEC persiste",
    ] {
        assert!(has(&text, expected), "`{expected}` missing from:\n{text}");
    }
    for expected in [
        // Narrow no-break spaces before : and ; and inside « ».
        "Parmi elles\u{202F}:",
        "contre l’ESEC\u{202F};",
        "«\u{202F}",
        "\u{202F}», déclare",
        // The brand's own "About" in French, with its elided article.
        "À propos d’ECPAT Belgique\u{202F}:",
    ] {
        assert!(laid_out.contains(expected), "`{expected:?}` missing from:\n{laid_out:?}");
    }
    // Hyphenated as French: a word broken at a French syllable.
    assert!(text.contains("Bel\u{ad}\n"), "no French hyphenation in:\n{text}");
}

#[test]
fn the_dutch_example_reads_as_dutch() {
    let (release, brand) = example("release.nl.md");
    let (text, _) = render(&release, &brand, &Options::default());
    for expected in [
        "PERSBERICHT",
        "VOOR ONMIDDELLIJKE PUBLICATIE",
        "20 november 2014",
        "Pagina 1 van 2",
        "-meer-",
        "EINDE",
    ] {
        assert!(has(&text, expected), "`{expected}` missing from:\n{text}");
    }
    assert!(fold(&text).contains("Over ECPAT België: ECPAT België werd in 1993 opgericht"), "{text}");
    assert!(text.contains("“CSEC blijft bestaan"), "Dutch quotes missing:\n{text}");
}

#[test]
fn every_language_of_a_release_renders_alone_or_combined() {
    let (release, brand) = example("release.md");
    let langs: Vec<String> = release.languages().iter().map(|l| l.as_str().to_string()).collect();
    assert_eq!(langs, ["en", "fr-BE", "nl-BE"]);
    for (lang, label, page) in
        [("fr", "COMMUNIQUÉ DE PRESSE", "Page 2 sur 2"), ("nl-BE", "PERSBERICHT", "Pagina 2 van 2")]
    {
        let options =
            Options::default().with_languages(presskit::Languages::One(presskit::Lang::parse(lang).unwrap()));
        let (text, _) = render(&release, &brand, &options);
        assert!(has(&text, label) && text.contains(page), "{lang}:\n{text}");
        assert!(!has(&text, "MEDIA RELEASE"), "{lang}:\n{text}");
    }
    // All three in one PDF, each part numbered on its own.
    let (text, pdf) =
        render(&release, &brand, &Options::default().with_languages(presskit::Languages::Combined));
    assert_eq!(Pdf::parse(&pdf).page_count(), 6);
    let order: Vec<usize> = [
        "MEDIA RELEASE",
        "Page 2 of 2",
        "COMMUNIQUÉ DE PRESSE",
        "Page 2 sur 2",
        "PERSBERICHT",
        "Pagina 2 van 2",
    ]
    .iter()
    .map(|needle| squash(&text).find(&squash(needle)).unwrap_or_else(|| panic!("no `{needle}`")))
    .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "parts out of order: {order:?}");
    // Footnotes are numbered from 1 in each part.
    assert_eq!(text.matches("network1,").count() + text.matches("International1,").count(), 3, "{text}");
    // A language the release does not have is an error that lists those it has.
    let options =
        Options::default().with_languages(presskit::Languages::One(presskit::Lang::parse("de").unwrap()));
    let err = RENDERER.compile_with(&release, &brand, &options).err().expect("no German version");
    assert!(err.hint().unwrap().contains("en, fr-BE, nl-BE"), "{err}");
}

const REGIONAL: &str = "---\nheadline: Library opens on Sundays\ndate: 2026-03-02\ndateline: Springfield, Ill.\n\
                        region: REGION\ncontacts: [{name: Dana Whitfield, email: press@library.example}]\n\
                        notes_to_editors: Photos on request.\n---\nThe library opens on Sundays.\n";

#[test]
fn us_and_uk_presets_differ_as_the_trade_does() {
    let text = |region: &str| {
        let (_dir, file) = release_in_temp(&REGIONAL.replace("REGION", region), &[]);
        let release = Release::from_path(&file).unwrap();
        render(&release, &Brand::neutral(), &Options::default()).0
    };
    let us = text("us");
    let uk = text("uk");
    for expected in [
        "NEWS RELEASE",
        "March 2, 2026",
        "SPRINGFIELD, Ill., March 2, 2026 — The library",
        "###",
        "Notes to Editors",
        "MEDIA CONTACT:",
    ] {
        assert!(has(&us, expected), "us: `{expected}` missing from:\n{us}");
    }
    for expected in [
        "MEDIA RELEASE",
        "2 March 2026",
        "Springfield, Ill.—The library",
        "ENDS",
        "Notes to editors",
        "Media contact",
    ] {
        assert!(has(&uk, expected), "uk: `{expected}` missing from:\n{uk}");
    }
    // The US contact block stands above the headline; the UK one at the end.
    let before = |t: &str, a: &str, b: &str| t.find(a).unwrap() < t.find(b).unwrap();
    assert!(before(&us, "Dana Whitfield", "Library opens on Sundays"));
    assert!(before(&uk, "Library opens on Sundays", "Dana Whitfield"));
}

#[test]
fn an_embargo_is_on_every_page_and_in_the_metadata() {
    let body = "Paragraph of text that fills the page. ".repeat(40);
    let text = format!(
        "---\nheadline: Embargoed news\ndate: 2026-03-02\nlang: de\nembargo: 2026-03-02T10:00:00+01:00\n---\n{}\n",
        vec![body; 14].join("\n\n")
    );
    let (_dir, file) = release_in_temp(&text, &[]);
    let release = Release::from_path(&file).unwrap();
    let (layout, pdf) = render(&release, &Brand::neutral(), &Options::default());
    let line = "SPERRFRIST: 2. März 2026, 10:00 Uhr UTC+01:00";
    let pages = layout.split('\u{c}').filter(|p| !p.trim().is_empty()).count();
    assert!(pages >= 2, "{pages} pages");
    assert_eq!(layout.matches(line).count(), pages, "the embargo line is not on every page:\n{layout}");
    let read = Pdf::parse(&pdf);
    assert_eq!(read.info("Subject").as_deref(), Some(line));
    let keywords = read.info("Keywords").unwrap_or_default();
    assert!(keywords.contains("embargoed-until:2026-03-02T10:00:00+01:00"), "{keywords}");
}

#[test]
fn embargo_warnings() {
    let text = "---\nheadline: x\ndate: 2026-03-02\nembargo: 2026-03-01T10:00:00Z\n---\nBody.\n";
    let release = Release::from_text(text, Format::Markdown, Origin::named("r.md")).unwrap();
    let embargo = |now| -> Vec<(WarningKind, String)> {
        let warnings = release.check(&presskit::Brand::neutral(), now);
        let embargo =
            |w: &&Warning| matches!(w.kind, WarningKind::EmbargoPast | WarningKind::EmbargoBeforeDate);
        warnings.iter().filter(embargo).map(|w| (w.kind, w.message.clone())).collect()
    };
    let long_ago = std::time::UNIX_EPOCH;
    assert_eq!(
        embargo(long_ago),
        [(
            WarningKind::EmbargoBeforeDate,
            "the embargo ends on 2026-03-01, before the release date 2026-03-02".into()
        )]
    );
    let later = std::time::UNIX_EPOCH + std::time::Duration::from_secs(2_000_000_000);
    let found = embargo(later);
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].0, WarningKind::EmbargoPast);
    assert!(found[0].1.contains("already past"), "{found:?}");
}

#[test]
fn greek_and_cyrillic_use_the_bundled_fonts() {
    let text = "---\nheadline: Η βιβλιοθήκη ανοίγει\ndate: 2026-03-02\nlang: el\n---\nБиблиотека открывается по воскресеньям.\n";
    let (_dir, file) = release_in_temp(text, &[]);
    let release = Release::from_path(&file).unwrap();
    let (layout, _) = render(&release, &Brand::neutral(), &Options::default());
    assert!(layout.contains("Η βιβλιοθήκη ανοίγει") && layout.contains("Библиотека открывается"), "{layout}");
    assert!(layout.contains("2 Μαρτίου 2026"), "{layout}");
}

/// The Amiri font comes with the tests (`tests/fonts/amiri`, OFL), as a
/// brand's font file.
#[test]
fn arabic_with_a_font_is_set_right_to_left() {
    let brand = "meta: {name: Library}\ntypography:\n  fonts: [{family: Amiri, source: file, files: [Amiri-Regular.ttf]}]\n  base: {family: Amiri}\n";
    let font = std::fs::read(path("tests/fonts/amiri/Amiri-Regular.ttf")).unwrap();
    let text = "---\nheadline: المكتبة تفتح أبوابها\ndate: 2026-03-02\nlang: ar\n---\nتفتح المكتبة أبوابها أيام الأحد.\n";
    let (_dir, file) =
        release_in_temp(text, &[("_brand.yml", brand.as_bytes().to_vec()), ("Amiri-Regular.ttf", font)]);
    let release = Release::from_path(&file).unwrap();
    let brand = Brand::for_release(&release).unwrap_or_else(|e| panic!("{e}"));
    let document = RENDERER.compile_with(&release, &brand, &Options::default()).unwrap();
    let pdf = Pdf::parse(&document.pdf().unwrap());
    assert!(pdf.fonts().iter().any(|f| f.name.contains("Amiri")), "{:?}", pdf.fonts());
    // Right to left: the body's first word, "تفتح", sits at the right
    // margin (its letters come in visual order, as pdftotext gives them).
    let words = pdf.words(1);
    let x_max = words.iter().filter(|w| w.text == "حتفت").map(|w| w.x_max).fold(0.0, f64::max);
    let margin = 595.0 - 22.0 / 25.4 * 72.0;
    assert!(
        (x_max - margin).abs() < 2.0,
        "the first word ends at {x_max}, not at the right margin {margin}: {words:?}"
    );
}

#[test]
fn chinese_without_a_font_is_a_clear_error() {
    let text = "---\nheadline: 图书馆周日开放\ndate: 2026-03-02\nlang: zh\n---\n图书馆将在周日开放。\n";
    let release = Release::from_text(text, Format::Markdown, Origin::named("zh.md")).unwrap();
    let err = RENDERER.compile(&release, &Brand::neutral()).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::Font);
    let message = err.to_string();
    assert!(message.starts_with("zh.md: no available font has the characters"), "{message}");
    assert!(message.contains("(Han script)"), "{message}");
    assert!(err.hint().unwrap().contains("typography"), "{err:?}");
}
