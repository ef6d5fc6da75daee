//! Archival, accessible and email-sized output: PDF standards, prepared
//! images, page images and the Typst export.

use std::io::Cursor;
use std::path::Path;

use presskit::{Brand, ErrorKind, Options, Release};
use presskit_pdf::Pdf;
use presskit_tests::{RENDERER, fold, path, pdf_text, release_in_temp};

fn load(release: &Path) -> (Release, Brand) {
    let release = Release::from_path(release).unwrap_or_else(|e| panic!("{e}"));
    let brand = Brand::for_release(&release).unwrap_or_else(|e| panic!("{e}"));
    (release, brand)
}

fn render(release: &Path, options: &Options) -> Vec<u8> {
    let (release, brand) = load(release);
    let document = RENDERER.compile_with(&release, &brand, options).unwrap_or_else(|e| panic!("{e}"));
    assert!(document.warnings().is_empty(), "Typst warned: {:?}", document.warnings());
    document.pdf().unwrap_or_else(|e| panic!("{e}"))
}

fn with(standards: &str) -> Options {
    Options::default().with_standards(standards.parse().unwrap())
}

fn example() -> std::path::PathBuf {
    path("examples/ecpat-belgium/release.md")
}

/// A photo-like image: gradients with fine noise, which JPEG cannot
/// squeeze to nothing.
fn photo_jpeg(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        let noise = ((x.wrapping_mul(7919) ^ y.wrapping_mul(104_729)) % 29) as u8;
        image::Rgb([(x / 24 % 256) as u8 ^ noise, (y / 16 % 256) as u8, ((x + y) / 40 % 200) as u8 + noise])
    });
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

fn figure_release(image: &str, alt: &str) -> String {
    format!(
        "---\nheadline: Pictures for the archive\ndate: 2026-03-02\n---\nThe opening.\n\n\
         ![{alt}]({image} \"The new wing | Photo: presskit\")\n\nMore text.\n"
    )
}

#[test]
fn standards_are_declared_in_the_xmp_metadata() {
    let cases = [
        ("a-2b", &["<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"][..]),
        ("a-3b", &["<pdfaid:part>3</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>"]),
        ("ua-1", &["<pdfuaid:part>1</pdfuaid:part>"]),
        ("archival", &["<pdfaid:part>2</pdfaid:part>", "<pdfuaid:part>1</pdfuaid:part>"]),
    ];
    for (standards, expected) in cases {
        let pdf = render(&example(), &with(standards));
        let read = Pdf::parse(&pdf);
        let meta = read.xmp();
        for needle in expected {
            assert!(meta.contains(needle), "{standards}: no {needle} in\n{meta}");
        }
        if !standards.contains("ua") && standards != "archival" {
            assert!(!meta.contains("pdfuaid"), "{standards}: claims PDF/UA");
        }
        assert!(read.tagged(), "{standards}: not tagged");
        read.check();
    }
}

#[test]
fn accessible_pdf_carries_the_alt_texts() {
    let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><circle cx="5" cy="5" r="4"/></svg>"##;
    let (_dir, release) = release_in_temp(
        &figure_release("wing.svg", "The glass front of the new wing"),
        &[("wing.svg", svg.to_vec())],
    );
    let pdf = render(&release, &with("archival"));
    let structure = Pdf::parse(&pdf).structure();
    let figures: Vec<_> = structure.iter().filter(|e| e.kind == "Figure").collect();
    assert!(
        figures.iter().any(|f| f.alt.as_deref() == Some("The glass front of the new wing")),
        "no Figure with the alt text in the structure tree: {structure:?}"
    );
}

#[test]
fn a3b_carries_the_release_as_json() {
    let pdf = render(&example(), &with("a-3b"));
    let files = Pdf::parse(&pdf).attachments();
    let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
    assert_eq!(names, ["release.json"]);
    let json: serde_json::Value = serde_json::from_slice(&files[0].1).unwrap();
    assert!(json["generator"].as_str().unwrap().starts_with("presskit "));
    let release = &json["release"];
    assert_eq!(release["date"], "2014-11-20");
    assert!(release["headline"].as_str().unwrap().starts_with("Despite national effort"));
    assert_eq!(release["body"][0]["t"], "paragraph");
    // Plain PDF and A-2b carry nothing (A-2b may not).
    for options in [Options::default(), with("a-2b")] {
        let files = Pdf::parse(&render(&example(), &options)).attachments();
        assert!(files.is_empty(), "{} embedded files", files.len());
    }
}

#[test]
fn ua1_refuses_an_image_without_alt_text() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>"#;
    let (_dir, release) = release_in_temp(&figure_release("plan.svg", ""), &[("plan.svg", svg.to_vec())]);
    let (release, brand) = load(&release);
    // Without PDF/UA the image renders; with it, the input is refused.
    assert!(RENDERER.compile(&release, &brand).is_ok());
    let err = RENDERER.compile_with(&release, &brand, &with("ua-1")).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::MissingField);
    let text = err.to_string();
    assert!(text.contains("release.md:7:1:") && text.contains("`plan.svg` has no alt text"), "{text}");
    assert!(err.hint().unwrap().contains("![A crowd at the launch](plan.svg)"));
}

#[test]
fn a_24_megapixel_photo_is_email_sized_at_150_ppi() {
    let photo = photo_jpeg(6000, 4000);
    assert!(photo.len() > 2_000_000, "the test photo is only {} bytes", photo.len());
    let (_dir, release) =
        release_in_temp(&figure_release("photo.jpg", "The new wing"), &[("photo.jpg", photo)]);
    let pdf = render(&release, &Options::default().with_image_ppi(150.0).unwrap());
    assert!(pdf.len() < 1_000_000, "the PDF is {} bytes", pdf.len());
    // One JPEG, printed at 150 ppi: sharp at its size, no larger.
    let images = Pdf::parse(&pdf).images();
    let [image] = &images[..] else { panic!("not one image: {images:?}") };
    assert_eq!(image.filter, "DCTDecode", "not a JPEG: {image:?}");
    assert!((140.0..=151.5).contains(&image.ppi) && image.width < 1000, "{image:?}");
}

#[test]
fn the_example_pdf_stays_small() {
    let pdf = render(&example(), &Options::default());
    assert!(pdf.len() < 100_000, "the example PDF is {} bytes", pdf.len());
}

#[test]
fn bombs_and_cut_off_images_are_clear_errors() {
    // A PNG that claims 50,000 × 50,000 pixels.
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    for (kind, data) in [
        (&b"IHDR"[..], [&50_000u32.to_be_bytes()[..], &50_000u32.to_be_bytes(), &[8, 2, 0, 0, 0]].concat()),
        (b"IDAT", vec![0x78, 0x9c, 0x03, 0x00]),
    ] {
        png.extend((data.len() as u32).to_be_bytes());
        let chunk = [kind, &data].concat();
        png.extend(&chunk);
        png.extend(crc32fast::hash(&chunk).to_be_bytes());
    }
    let (_dir, release) = release_in_temp(&figure_release("bomb.png", "A bomb"), &[("bomb.png", png)]);
    let err = Release::from_path(&release).expect_err("refused when loaded");
    assert_eq!(err.kind(), ErrorKind::Image);
    assert!(
        err.to_string().contains("release.md:7:1: the image `bomb.png` is 50000 × 50000 pixels"),
        "{err}"
    );

    let photo = photo_jpeg(800, 600);
    let cut = photo[..photo.len() * 3 / 5].to_vec();
    let (_dir, release) = release_in_temp(&figure_release("cut.jpg", "A cut-off photo"), &[("cut.jpg", cut)]);
    let (release, brand) = load(&release);
    let err = RENDERER.compile(&release, &brand).err().expect("refused when rendered");
    assert_eq!(err.kind(), ErrorKind::Image);
    assert!(err.to_string().contains("release.md:7:1: the image `cut.jpg` is cut off"), "{err}");
}

#[test]
fn svg_links_outside_the_sandbox_are_cut() {
    let svg = std::fs::read(path("tests/cases/images/external-links.svg")).unwrap();
    let text = String::from_utf8_lossy(&svg);
    assert!(text.contains("file:///etc/passwd") && text.contains("http://169.254.169.254"));
    let (_dir, release) =
        release_in_temp(&figure_release("links.svg", "A green field"), &[("links.svg", svg)]);
    let pdf = render(&release, &Options::default());
    let text = fold(&pdf_text(&pdf));
    assert!(text.contains("The new wing Photo: presskit"), "{text}");
    // The drawing's own shapes remain: a vector figure, no raster image.
    assert_eq!(Pdf::parse(&pdf).images(), []);
}

#[test]
fn every_page_renders_as_png_and_svg() {
    let (release, brand) = load(&example());
    let document = RENDERER.compile(&release, &brand).unwrap();
    assert_eq!(document.page_count(), 2);
    for page in 0..2 {
        let png = image::load_from_memory(&document.png(page, 36.0).unwrap()).unwrap();
        assert_eq!((png.width(), png.height()), (298, 421));
        let svg = document.svg(page).unwrap();
        assert!(
            svg.starts_with("<svg") && svg.contains("width=\"595.275590551pt\" height=\"841.88976378pt\"")
        );
    }
    assert!(document.svg(2).is_err() && document.png(2, 36.0).is_err());
}

/// The Typst export compiles on its own, in a plain Typst world that reads
/// the exported folder and nothing else, to the same pages and text. (The
/// stock `typst` compiler builds it too, in `tests/external/run`.)
#[test]
fn typst_export_compiles_on_its_own() {
    let photo = photo_jpeg(1200, 800);
    let (_dir, release) =
        release_in_temp(&figure_release("photo.jpg", "The new wing"), &[("photo.jpg", photo)]);
    for release in [example(), release] {
        let (release, brand) = load(&release);
        let options = Options::default();
        let ours = RENDERER.compile_with(&release, &brand, &options).unwrap().pdf().unwrap();
        let project = tempfile::tempdir().unwrap();
        for file in RENDERER.typst_project(&release, &brand, &options).unwrap() {
            let target = project.path().join(&file.path);
            std::fs::create_dir_all(target.parent().unwrap()).unwrap();
            std::fs::write(target, &file.data).unwrap();
        }
        assert!(project.path().join("fonts").read_dir().unwrap().count() >= 4);
        let theirs = Pdf::parse(&presskit_tests::compile_folder(project.path(), "release.typ"));
        let ours = Pdf::parse(&ours);
        assert_eq!(theirs.page_count(), ours.page_count());
        assert_eq!(theirs.text(), ours.text());
        assert_eq!(theirs.images().len(), ours.images().len());
    }
}

/// An image without alt text in a translation is refused for PDF/UA by
/// name, as one in the main text is (it failed at export, unnamed).
#[test]
fn ua1_refuses_a_translated_image_without_alt_text() {
    let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"/>"#;
    let text = "---\nheadline: Plans\ndate: 2026-03-02\ntranslations:\n  - lang: fr\n    headline: Plans\n    \
                body: \"Le plan.\\n\\n![](plan.svg)\\n\"\n---\nThe plan.\n";
    let (_dir, release) = release_in_temp(text, &[("plan.svg", svg.to_vec())]);
    let (release, brand) = load(&release);
    let options = with("ua-1").with_languages(presskit::Languages::Combined);
    let err = RENDERER.compile_with(&release, &brand, &options).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::MissingField, "{err}");
    assert!(
        err.to_string().contains("release.md") && err.to_string().contains("`plan.svg` has no alt text"),
        "{err}"
    );
}

/// A kit's keywords hold each document's keywords once, whatever their
/// order.
#[test]
fn kit_keywords_are_each_listed_once() {
    let doc = |keywords: &str| {
        format!("---\nheadline: Doc\ndate: 2026-03-02\nkeywords: [{keywords}]\n---\nText.\n")
    };
    let kit = "title: Kit\ndate: 2026-03-02\ndocuments:\n  - file: a.md\n  - file: b.md\n";
    let (_dir, kit) = release_in_temp(
        kit,
        &[("a.md", doc("library, Sunday").into()), ("b.md", doc("sunday, library, opening").into())],
    );
    let kit = presskit::Kit::from_path(&kit).unwrap();
    let brand = kit.brand().unwrap();
    let pdf = RENDERER.compile_kit(&kit, &brand, &Options::default()).unwrap().pdf().unwrap();
    assert_eq!(Pdf::parse(&pdf).info("Keywords").as_deref(), Some("library, Sunday, opening"));
}
