//! A corpus of broken and hostile inputs (`tests/cases/bad/`), each with
//! the outcome it must have: it renders, or it fails with a clear error that
//! names the file and place. docs/SECURITY.md lists the same cases.

use std::path::Path;

use presskit::{Brand, ErrorKind, Release};
use presskit_tests::{RENDERER, fold, path, pdf_text, release_in_temp};

enum Expect {
    /// Renders; the page text holds these.
    Renders(&'static [&'static str]),
    /// Fails with this kind and a message holding this text.
    Fails(ErrorKind, &'static str),
}

use Expect::{Fails, Renders};

const CASES: &[(&str, Expect)] = &[
    ("empty.md", Fails(ErrorKind::Syntax, "empty.md:1:1: the release has no front matter")),
    ("garbage.md", Fails(ErrorKind::Io, "garbage.md:1:1: the file is not valid UTF-8 text")),
    ("invalid-utf8.md", Fails(ErrorKind::Io, "invalid-utf8.md:2:14: the file is not valid UTF-8 text")),
    ("bom.md", Renders(&["A release", "The body."])),
    ("crlf.md", Renders(&["A release", "The body."])),
    (
        "truncated-front-matter.md",
        Fails(ErrorKind::Syntax, "truncated-front-matter.md:1:1: the front matter is not closed"),
    ),
    (
        "wrong-types.yaml",
        Fails(ErrorKind::InvalidValue, "wrong-types.yaml:1:11: wrong type here: expected a string"),
    ),
    (
        "wrong-date-type.md",
        Fails(ErrorKind::InvalidValue, "wrong-date-type.md:3:1: invalid type: boolean `true`"),
    ),
    (
        "impossible-date.md",
        Fails(ErrorKind::InvalidValue, "impossible-date.md:3:7: `2014-02-30` is not a day of the calendar"),
    ),
    (
        "embargo-without-offset.md",
        Fails(
            ErrorKind::InvalidValue,
            "embargo-without-offset.md:4:10: embargo `2026-03-02T10:00:00` has no UTC offset",
        ),
    ),
    ("huge-numbers.md", Renders(&["123456789012345678901234567890123456789"])),
    ("huge-year.md", Fails(ErrorKind::InvalidValue, "huge-year.md:3:7: `99999999-01-01` is not a date")),
    ("duplicate-keys.md", Fails(ErrorKind::InvalidValue, "duplicate-keys.md:3:1: `headline` is given twice")),
    ("billion-laughs.yaml", Fails(ErrorKind::InvalidValue, "billion-laughs.yaml:5:8: wrong type here")),
    (
        "deep-lists.md",
        Fails(ErrorKind::InvalidValue, "deep-lists.md:15:21: in `body`: Markdown is nested too deeply"),
    ),
    (
        "deep-quotes.md",
        Fails(ErrorKind::InvalidValue, "deep-quotes.md:5:21: in `body`: Markdown is nested too deeply"),
    ),
    (
        "many-footnotes.md",
        Fails(ErrorKind::InvalidValue, "many-footnotes.md:507:9: in `body`: more than 500 footnotes"),
    ),
    // Bidi controls act as Unicode says, inside their own paragraph.
    ("invisible-controls.md", Renders(&["Zero\u{200b}width and", "\u{2066}isolates\u{2069}", "joiners"])),
    ("unpaired-surrogate.json", Fails(ErrorKind::Syntax, "unpaired-surrogate.json:1:28: invalid JSON")),
    (
        "corrupt-png.md",
        Fails(ErrorKind::Image, "corrupt-png.md:7:1: the image `corrupt.png` cannot be decoded"),
    ),
    (
        "corrupt-jpg.md",
        Fails(ErrorKind::Image, "corrupt-jpg.md:7:1: the image `corrupt.jpg` cannot be decoded"),
    ),
    (
        "corrupt-gif.md",
        Fails(ErrorKind::Image, "corrupt-gif.md:7:1: the image `corrupt.gif` cannot be decoded"),
    ),
    (
        "corrupt-webp.md",
        Fails(ErrorKind::Image, "corrupt-webp.md:7:1: the image `corrupt.webp` cannot be decoded"),
    ),
    (
        "corrupt-svg.md",
        Fails(ErrorKind::Image, "corrupt-svg.md:7:1: the image `corrupt.svg` is not valid SVG"),
    ),
    ("bomb.md", Fails(ErrorKind::Image, "bomb.md:7:1: the image `bomb.png` is 50000 × 50000 pixels")),
    ("external-links.md", Renders(&["Intro."])),
    (
        "absolute-path.md",
        Fails(ErrorKind::Image, "absolute-path.md:7:1: the image path `/etc/passwd` is absolute"),
    ),
    (
        "escape-path.md",
        Fails(
            ErrorKind::Image,
            "escape-path.md:7:1: the image `../../../../../../../../etc/passwd` is outside the folders",
        ),
    ),
    (
        "url-image.md",
        Fails(
            ErrorKind::Image,
            "url-image.md:7:1: the image `http://169.254.169.254/latest/meta-data/` is a URL",
        ),
    ),
    (
        "symlink/release.md",
        Fails(ErrorKind::Image, "release.md:7:1: the image `photo.jpg` is outside the folders"),
    ),
    (
        "brand-escape/release.md",
        Fails(
            ErrorKind::Io,
            "release.md:4:8: the brand file `../../../../../../../etc/passwd` is outside the folders",
        ),
    ),
    (
        "logo-escape/release.md",
        Fails(
            ErrorKind::Image,
            "_brand.yml:2:7: the logo `../../../../../../../etc/passwd` is outside the folders",
        ),
    ),
    (
        "bad-font/release.md",
        Fails(ErrorKind::Font, "_brand.yml: the font file `font.otf` of `Broken Sans` is not a font"),
    ),
    (
        "huge-font-size/release.md",
        Fails(
            ErrorKind::InvalidValue,
            "_brand.yml:3:9: `typography.base.size` of 5000pt is outside 6pt to 24pt",
        ),
    ),
];

/// Loads, lays out and exports a release as the CLI does.
fn render(release: &Path) -> presskit::Result<Vec<u8>> {
    let release = Release::from_path(release)?;
    let brand = Brand::for_release(&release)?;
    RENDERER.compile(&release, &brand)?.pdf()
}

#[test]
fn every_case_has_its_expected_outcome() {
    let mut wrong = Vec::new();
    for (file, expect) in CASES {
        let result = render(&path(&format!("tests/cases/bad/{file}")));
        match (expect, result) {
            (Renders(texts), Ok(pdf)) => {
                let text = fold(&pdf_text(&pdf));
                for needle in *texts {
                    if !text.contains(needle) {
                        wrong.push(format!("{file}: rendered without `{needle}`: {text}"));
                    }
                }
            }
            (Renders(_), Err(err)) => wrong.push(format!("{file}: should render, failed: {err}")),
            (Fails(..), Ok(_)) => wrong.push(format!("{file}: should fail, rendered")),
            (Fails(kind, message), Err(err)) => {
                if err.kind() != *kind || !err.to_string().contains(message) || err.hint().is_none() {
                    wrong
                        .push(format!("{file}: expected {kind:?} `{message}`, got {:?} `{err}`", err.kind()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{} cases went wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn security_md_lists_every_case() {
    let doc = std::fs::read_to_string(path("docs/SECURITY.md")).unwrap();
    let missing: Vec<&str> =
        CASES.iter().map(|(f, _)| *f).filter(|f| !doc.contains(&format!("`{f}`"))).collect();
    assert!(missing.is_empty(), "docs/SECURITY.md does not list: {missing:?}");
}

#[test]
fn a_one_megabyte_body_renders() {
    let paragraph =
        "The council approved the plan on Tuesday after a long debate about the river. ".repeat(10);
    let body = vec![paragraph; 1300].join("\n\n");
    assert!(body.len() > 1_000_000);
    let (_dir, release) =
        release_in_temp(&format!("---\nheadline: Long\ndate: 2026-03-02\n---\n{body}\n"), &[]);
    let release = Release::from_path(&release).unwrap();
    let document = RENDERER.compile(&release, &Brand::neutral()).unwrap();
    assert!(document.page_count() > 200, "{} pages", document.page_count());
}

#[test]
fn an_input_over_the_size_limit_is_refused_before_parsing() {
    let body = "x".repeat(presskit::Limits::default().max_input_bytes);
    let (_dir, release) =
        release_in_temp(&format!("---\nheadline: Huge\ndate: 2026-03-02\n---\n{body}\n"), &[]);
    let err = Release::from_path(&release).unwrap_err();
    assert!(err.to_string().contains("the file is larger than 4 MB"), "{err}");
}

/// One renderer shared by 8 threads, 100 renders each, gives the same
/// bytes as one thread.
#[test]
fn a_shared_renderer_is_deterministic_across_threads() {
    let releases: Vec<(Release, Brand)> = ["examples/ecpat-belgium/release.md", "tests/cases/everything.md"]
        .iter()
        .map(|p| {
            let release = Release::from_path(path(p)).unwrap();
            let brand = Brand::for_release(&release).unwrap();
            (release, brand)
        })
        .collect();
    let expected: Vec<Vec<u8>> = releases.iter().map(|(r, b)| RENDERER.pdf(r, b).unwrap()).collect();
    std::thread::scope(|scope| {
        for thread in 0..8 {
            let (releases, expected) = (&releases, &expected);
            scope.spawn(move || {
                for i in 0..100 {
                    let which = (thread + i) % releases.len();
                    let (release, brand) = &releases[which];
                    assert!(
                        RENDERER.pdf(release, brand).unwrap() == expected[which],
                        "thread {thread}, render {i}"
                    );
                }
            });
        }
    });
}
