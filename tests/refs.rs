//! Reference-image tests: real renders of whole pages compared with the
//! PNGs in `tests/ref/`. Set `PRESSKIT_UPDATE_REFS=1` to write new
//! references; a failure writes `tests/out/NAME-diff.png` (reference,
//! render, differences in red).

use std::path::Path;

use image::{Rgba, RgbaImage};
use presskit_tests::{compile, path};

/// Pixels per inch of the references: enough to see the layout, small files.
const PPI: f32 = 40.0;
/// A pixel differs when a channel moves by more than this.
const CHANNEL_TOLERANCE: u8 = 24;
/// Share of differing pixels allowed (anti-aliasing across CPUs).
const PIXEL_TOLERANCE: f64 = 0.002;

fn check(name: &str, release: &str) {
    let document = compile(&path(release));
    check_pages(name, &document, document.page_count());
}

/// Compares the first `pages` pages of `document` with their references.
fn check_pages(name: &str, document: &presskit::Document, pages: usize) {
    let update = std::env::var_os("PRESSKIT_UPDATE_REFS").is_some_and(|v| v != "0");
    let mut failures = Vec::new();
    for page in 0..pages {
        let png = document.png(page, PPI).expect("png export");
        let file = format!("{name}-{}.png", page + 1);
        let reference = path("tests/ref").join(&file);
        if update {
            std::fs::write(&reference, &png).expect("write reference");
            continue;
        }
        let Ok(expected) = image::open(&reference) else {
            failures.push(format!("{file}: no reference; run with PRESSKIT_UPDATE_REFS=1 to create it"));
            continue;
        };
        let actual = image::load_from_memory(&png).expect("decode render").to_rgba8();
        if let Some(problem) = compare(&expected.to_rgba8(), &actual, &file) {
            failures.push(problem);
        }
    }
    // A page that disappeared leaves its reference behind.
    let extra = path("tests/ref").join(format!("{name}-{}.png", pages + 1));
    if !update && extra.exists() {
        failures.push(format!("{name}: the render has {pages} pages, the references more"));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn compare(expected: &RgbaImage, actual: &RgbaImage, file: &str) -> Option<String> {
    if expected.dimensions() != actual.dimensions() {
        write_diff(expected, actual, file);
        return Some(format!(
            "{file}: size {:?}, reference {:?}",
            actual.dimensions(),
            expected.dimensions()
        ));
    }
    let differing = expected
        .pixels()
        .zip(actual.pixels())
        .filter(|(a, b)| a.0.iter().zip(b.0).any(|(x, y)| x.abs_diff(y) > CHANNEL_TOLERANCE))
        .count();
    let share = differing as f64 / f64::from(expected.width() * expected.height());
    if share > PIXEL_TOLERANCE {
        let diff = write_diff(expected, actual, file);
        return Some(format!(
            "{file}: {differing} pixels differ ({:.2}%); see {}",
            share * 100.0,
            diff.display()
        ));
    }
    None
}

/// Writes reference | render | differences side by side.
fn write_diff(expected: &RgbaImage, actual: &RgbaImage, file: &str) -> std::path::PathBuf {
    let (w1, h1) = expected.dimensions();
    let (w2, h2) = actual.dimensions();
    let (w, h) = (w1.max(w2), h1.max(h2));
    let mut out = RgbaImage::from_pixel(w * 3 + 8, h, Rgba([128, 128, 128, 255]));
    image::imageops::overlay(&mut out, expected, 0, 0);
    image::imageops::overlay(&mut out, actual, i64::from(w) + 4, 0);
    for y in 0..h {
        for x in 0..w {
            let a = expected.get_pixel_checked(x, y).copied().unwrap_or(Rgba([0, 0, 0, 0]));
            let b = actual.get_pixel_checked(x, y).copied().unwrap_or(Rgba([0, 0, 0, 0]));
            let differs = a.0.iter().zip(b.0).any(|(p, q)| p.abs_diff(q) > CHANNEL_TOLERANCE);
            let gray = (u16::from(b.0[0]) + u16::from(b.0[1]) + u16::from(b.0[2])) / 3;
            let faint = (200 + gray / 5).min(255) as u8;
            let pixel = if differs { Rgba([220, 0, 0, 255]) } else { Rgba([faint, faint, faint, 255]) };
            out.put_pixel(2 * w + 8 + x, y, pixel);
        }
    }
    let dir = path("tests/out");
    std::fs::create_dir_all(&dir).expect("create tests/out");
    let target = dir.join(Path::new(file).with_extension("").to_string_lossy().into_owned() + "-diff.png");
    out.save(&target).expect("write diff picture");
    target
}

#[test]
fn ecpat_example() {
    check("ecpat", "examples/ecpat-belgium/release.md");
}

#[test]
fn us_embargoed_release_with_everything() {
    check("everything", "tests/cases/everything.md");
}

/// A media kit: the cover, the contents, and the first document's first
/// page (no running header there, the numbering restarted).
#[test]
fn ecpat_media_kit() {
    let kit =
        presskit::Kit::from_path(path("examples/ecpat-belgium/kit.yml")).unwrap_or_else(|e| panic!("{e}"));
    let brand = kit.brand().unwrap_or_else(|e| panic!("{e}"));
    let document = presskit_tests::RENDERER.compile_kit(&kit, &brand, &presskit::Options::default()).unwrap();
    assert!(document.warnings().is_empty(), "Typst warned: {:?}", document.warnings());
    assert_eq!(document.page_count(), 9);
    check_pages("kit", &document, 3);
}

/// Page 1 of the example in each theme but the classic one (above).
#[test]
fn themes_page_one() {
    let release = presskit::Release::from_path(path("examples/ecpat-belgium/release.md")).unwrap();
    for theme in [presskit::Theme::Modern, presskit::Theme::Compact] {
        let mut brand = presskit::Brand::for_release(&release).unwrap();
        brand.layout.theme = theme;
        let document = presskit_tests::RENDERER.compile(&release, &brand).unwrap();
        check_pages(&format!("theme-{theme}"), &document, 1);
    }
}
