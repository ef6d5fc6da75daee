//! Loading releases in every accepted form, and user text that looks like
//! Typst staying text.

use presskit::{Brand, Format, Origin, Release};
use presskit_pdf::Pdf;
use presskit_tests::{RENDERER, compile, fold, path, pdf_text, release_in_temp};

const YAML_FRONT: &str = "---\nheadline: Same in every form\ndate: 2026-03-04\ndateline: Ghent\nembargo: 2026-03-04T10:00:00+01:00\nkeywords: [a, b]\ncontacts:\n  - {name: Jo, email: jo@example.org}\n---\nBody *text*[^1].\n\n[^1]: Note.\n";
const TOML_FRONT: &str = "+++\nheadline = \"Same in every form\"\ndate = 2026-03-04\ndateline = \"Ghent\"\nembargo = 2026-03-04T10:00:00+01:00\nkeywords = [\"a\", \"b\"]\n[[contacts]]\nname = \"Jo\"\nemail = \"jo@example.org\"\n+++\nBody *text*[^1].\n\n[^1]: Note.\n";
const YAML: &str = "headline: Same in every form\ndate: 2026-03-04\ndateline: Ghent\nembargo: 2026-03-04T10:00:00+01:00\nkeywords: [a, b]\ncontacts:\n  - {name: Jo, email: jo@example.org}\nbody: |\n  Body *text*[^1].\n\n  [^1]: Note.\n";
const JSON: &str = r#"{"headline": "Same in every form", "date": "2026-03-04", "dateline": "Ghent",
 "embargo": "2026-03-04T10:00:00+01:00", "keywords": ["a", "b"],
 "contacts": [{"name": "Jo", "email": "jo@example.org"}],
 "body": "Body *text*[^1].\n\n[^1]: Note.\n"}"#;
const TOML: &str = "headline = \"Same in every form\"\ndate = 2026-03-04\ndateline = \"Ghent\"\nembargo = \"2026-03-04T10:00:00+01:00\"\nkeywords = [\"a\", \"b\"]\nbody = \"\"\"\nBody *text*[^1].\n\n[^1]: Note.\n\"\"\"\n[[contacts]]\nname = \"Jo\"\nemail = \"jo@example.org\"\n";

#[test]
fn every_form_loads_the_same_release() {
    let forms = [
        (YAML_FRONT, Format::Markdown),
        (TOML_FRONT, Format::Markdown),
        (YAML, Format::Yaml),
        (JSON, Format::Json),
        (TOML, Format::Toml),
    ];
    let releases: Vec<Release> = forms
        .iter()
        .map(|(text, format)| {
            Release::from_text(text, *format, Origin::named("r"))
                .unwrap_or_else(|e| panic!("{format:?}: {e}"))
        })
        .collect();
    let first = &releases[0];
    assert_eq!(first.headline, "Same in every form");
    assert_eq!(first.embargo.map(|e| e.to_rfc3339()).as_deref(), Some("2026-03-04T10:00:00+01:00"));
    assert_eq!(first.keywords, ["a", "b"]);
    assert!(first.body.plain_text().contains("Note."));
    // Equal as data (the serialized model leaves out where each came from).
    let json = |r: &presskit::Release| serde_json::to_value(r).unwrap();
    for (release, (_, format)) in releases.iter().zip(forms) {
        assert_eq!(json(release), json(first), "{format:?} differs");
        assert_eq!(release.images(), first.images(), "{format:?} differs");
    }
}

#[test]
fn release_files_load_from_disk_with_their_brand() {
    let release = Release::from_path(path("examples/ecpat-belgium/release.md")).unwrap();
    let brand = Brand::for_release(&release).unwrap();
    assert_eq!(brand.name.as_deref(), Some("ECPAT Belgium"));
    assert_eq!(brand.contacts[0].email.as_deref(), Some("arianecouvreur@ecpat.be"));
    assert!(brand.logo.is_some());
    assert_eq!(release.boilerplates.len(), 1);
}

#[test]
fn typst_syntax_in_user_text_renders_as_text() {
    let document = compile(&path("tests/cases/injection/release.md"));
    let pdf = document.pdf().unwrap();
    let text = fold(&pdf_text(&pdf));
    for expected in [
        r#"#read("/etc/passwd") #set text(fill: red) $x$ ] <label> @ref \ // /* = - + * _"#,
        r##"#set page(width: 10cm) #import "x.typ": * #eval("1+1")"##,
        "#place(top)[X] $a^2$",
        "#box[LABEL] <l>",
        "#text(size: 40pt)[Big] Name",
        "$role$ @cite",
        "] org [",
        "a#b@example.org",
        "+32 #2 <3>",
        "#about [x]",
        "Boiler #set text(fill: red) and #code and $m$.",
        r#"Body with typst: #set text(fill: red) #read("/etc/passwd") $x + y$ <label> @ref"#,
        r"] * _ \ // /* = - + end.",
        r"Note #let x = 1 #x $\sum$ <tag> @ref ] [ // comment",
        "#end",
    ] {
        assert!(text.contains(expected), "`{expected}` is not in the text:\n{text}");
    }
    assert!(!text.contains("root:"), "a file was read");
    // Nothing changed the page: it stays A4 (the injected
    // `#set page(width: 10cm)` must not apply), and metadata is text too.
    let read = Pdf::parse(&pdf);
    let (width, height) = read.page_size(1);
    assert!((width - 595.276).abs() < 0.01 && (height - 841.89).abs() < 0.01, "not A4: {width} x {height}");
    assert!(read.info("Title").unwrap().starts_with(r#"#read("/etc/passwd")"#), "{:?}", read.info("Title"));
    assert_eq!(read.info("Keywords").as_deref(), Some("#kw, $k$"));
}

#[test]
fn in_memory_release_with_neutral_brand() {
    let release = Release::from_text(YAML_FRONT, Format::Markdown, Origin::named("memory.md")).unwrap();
    let document = RENDERER.compile(&release, &Brand::neutral()).unwrap();
    assert_eq!(document.page_count(), 1);
    assert!(document.warnings().is_empty(), "{:?}", document.warnings());
    let text = fold(&pdf_text(&document.pdf().unwrap()));
    assert!(text.contains("EMBARGOED UNTIL 10:00 UTC+01:00, 4 March 2026"), "{text}");
    assert!(text.contains("Ghent—Body text"), "{text}");
}

#[test]
fn nesting_at_the_limit_and_repeated_footnotes_render() {
    let depth = presskit::markdown::MAX_NESTING - 2;
    let mut list = String::new();
    for level in 0..9 {
        list.push_str(&format!("{}- level {level}\n", "  ".repeat(level)));
    }
    let text = format!(
        "---\nheadline: Deep\ndate: 2026-01-01\n---\n{} *deep quote*\n\n{list}\nOne[^a] and again[^a].\n\n[^a]: Once only.\n",
        ">".repeat(depth)
    );
    let (_dir, release) = release_in_temp(&text, &[]);
    let pdf = compile(&release).pdf().unwrap();
    let text = fold(&pdf_text(&pdf));
    assert!(text.contains("deep quote") && text.contains("level 8"), "{text}");
    assert_eq!(text.matches("Once only.").count(), 1, "{text}");
    assert!(text.contains("One1 and again1."), "{text}");
}

#[test]
fn images_render_as_figures_with_caption_and_credit() {
    let mut png = Vec::new();
    image::RgbImage::from_fn(60, 40, |x, y| image::Rgb([(x * 4) as u8, (y * 6) as u8, 128]))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4" fill="#c00"/></svg>"##;
    let text = "---\nheadline: Pictures\ndate: 2026-01-01\n---\nIntro.\n\n\
                ![A gradient](photo.png \"The test card | Photo: presskit\")\n\n\
                ![A red dot](dot.svg \"A dot\")\n";
    let (_dir, release) = release_in_temp(text, &[("photo.png", png), ("dot.svg", svg.to_vec())]);
    let pdf = compile(&release).pdf().unwrap();
    let text = fold(&pdf_text(&pdf));
    assert!(text.contains("The test card Photo: presskit"), "{text}");
    assert!(text.contains("A dot"), "{text}");
    let images = Pdf::parse(&pdf).images();
    assert!(images.iter().any(|i| (i.width, i.height) == (60, 40)), "no raster image in the PDF: {images:?}");
}

#[test]
fn brand_font_files_are_loaded_and_used() {
    let font = std::fs::read(path("fonts/source-sans-3/SourceSans3-Bold.otf")).unwrap();
    let brand = "meta: {name: Font Test}\n\
                 typography:\n  fonts:\n    - {family: Source Sans 3, source: file, files: [brand-font.otf]}\n\
                 \x20 base: {family: Source Sans 3, size: 11pt}\n";
    let text = "---\nheadline: Sans body\ndate: 2026-01-01\n---\nAll text in the brand's sans.\n";
    let (dir, release) =
        release_in_temp(text, &[("brand-font.otf", font), ("_brand.yml", brand.as_bytes().to_vec())]);
    let pdf = compile(&release).pdf().unwrap();
    let fonts = Pdf::parse(&pdf).fonts();
    assert!(fonts.iter().any(|f| f.name.contains("SourceSans3-Bold")), "{fonts:?}");
    assert!(
        !fonts.iter().any(|f| f.name.contains("SourceSerif")),
        "the body should not use the serif: {fonts:?}"
    );
    drop(dir);
}

/// Images given in memory with a release held in memory (what a service
/// receives): found by the names the release gives, never by `..`, held to
/// the asset limit, and only then looked for on disk, inside the sandbox.
#[test]
fn images_given_in_memory_are_found_by_name_and_nothing_else() {
    let photo = std::fs::read(path("tests/cases/images/cmyk.jpg")).unwrap();
    let text = "---\nheadline: Photos sent with the release\ndate: 2026-03-02\n---\n\
                ![The quay at dawn](img/quay.jpg \"The quay | Photo: Port Ellis\")\n";
    let files = || [("./img//quay.jpg".to_string(), photo.clone())];
    let release =
        Release::from_text(text, Format::Markdown, Origin::named("sent.md").with_files(files())).unwrap();
    let pdf = RENDERER.pdf(&release, &Brand::neutral()).unwrap();
    assert_eq!(Pdf::parse(&pdf).images().len(), 1);
    assert!(fold(&pdf_text(&pdf)).contains("The quay"));

    // Not among the files, and no folder to look in.
    let missing = text.replace("img/quay.jpg", "img/other.jpg");
    let err = Release::from_text(&missing, Format::Markdown, Origin::named("sent.md").with_files(files()))
        .unwrap_err();
    assert!(err.message().contains("`img/other.jpg` is not among the files given"), "{err}");
    // A name that climbs never matches a file given in memory: it is
    // looked for on disk, where it is not.
    let dir = tempfile::tempdir().unwrap();
    let climbing = text.replace("img/quay.jpg", "../img/quay.jpg");
    let origin = Origin::in_dir("sent.md", dir.path()).with_files(files());
    let err = Release::from_text(&climbing, Format::Markdown, origin).unwrap_err();
    assert!(err.message().contains("cannot read the image `../img/quay.jpg`"), "{err}");
    // Held to the asset limit like a file on disk.
    let mut sandbox = presskit::Sandbox::default();
    sandbox.limits.max_asset_bytes = 100;
    let origin = Origin::named("sent.md").with_files(files()).with_sandbox(sandbox);
    let err = Release::from_text(text, Format::Markdown, origin).unwrap_err();
    assert!(err.message().contains("is larger than"), "{err}");
    // With a folder too, a name not in memory is read from the folder.
    std::fs::create_dir(dir.path().join("img")).unwrap();
    std::fs::write(dir.path().join("img/other.jpg"), &photo).unwrap();
    let origin = Origin::in_dir("sent.md", dir.path()).with_files(files());
    let release = Release::from_text(&missing, Format::Markdown, origin).unwrap();
    assert_eq!(release.images().len(), 1);
}
