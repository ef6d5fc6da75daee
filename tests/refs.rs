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

/// Every reference set: the test that renders it, its file name (the pages
/// are `tests/ref/NAME-1.png`, `NAME-2.png`, …), what it shows, and the
/// render with how many of its pages are compared. Each entry is a test of
/// its own; a PNG in `tests/ref/` that no entry names fails
/// `no_reference_is_orphaned`.
macro_rules! references {
    ($($test:ident: $name:literal, $shows:literal, $render:expr;)*) => {
        /// (name, what it shows) of every reference set.
        const REFERENCES: &[(&str, &str)] = &[$(($name, $shows)),*];
        $(
            #[doc = $shows]
            #[test]
            fn $test() {
                let (document, pages): (presskit::Document, usize) = $render;
                check_pages($name, &document, pages);
            }
        )*
    };
}

references! {
    ecpat_example: "ecpat",
        "The bundled example, both pages: letterhead, label, release line, footnote at the foot \
         of page 1, -more-, running header on page 2, end mark, boilerplates, contact, Page X of Y.",
        whole("examples/ecpat-belgium/release.md");
    us_embargoed_release_with_everything: "everything",
        "tests/cases/everything.md: a US-style embargoed release: contacts at the top, \
         subheadline, dateline, a section heading, a list, a pull quote, a footnote, notes to \
         editors, the embargo line.",
        whole("tests/cases/everything.md");
    ecpat_media_kit: "kit",
        "The example media kit: the cover, the linked contents, and the first document's first \
         page (no running header, numbering restarted).",
        (kit("examples/ecpat-belgium/kit.yml", 9), 3);
    theme_modern: "theme-modern",
        "Page 1 of the example in the modern theme.",
        (themed(presskit::model::Theme::Modern), 1);
    theme_compact: "theme-compact",
        "Page 1 of the example in the compact theme.",
        (themed(presskit::model::Theme::Compact), 1);
}

/// A release rendered with its brand, every page compared.
fn whole(release: &str) -> (presskit::Document, usize) {
    let document = compile(&path(release));
    let pages = document.page_count();
    (document, pages)
}

/// A media kit of `pages` pages, rendered without warnings.
fn kit(file: &str, pages: usize) -> presskit::Document {
    let kit = presskit::Kit::from_path(path(file)).unwrap_or_else(|e| panic!("{e}"));
    let brand = kit.brand().unwrap_or_else(|e| panic!("{e}"));
    let document = presskit_tests::RENDERER.compile_kit(&kit, &brand, &presskit::Options::default()).unwrap();
    assert!(document.warnings().is_empty(), "Typst warned: {:?}", document.warnings());
    assert_eq!(document.page_count(), pages);
    document
}

/// The example in another theme than its brand's.
fn themed(theme: presskit::model::Theme) -> presskit::Document {
    let release = presskit::Release::from_path(path("examples/ecpat-belgium/release.md")).unwrap();
    let mut brand = presskit::Brand::for_release(&release).unwrap();
    brand.layout.theme = theme;
    presskit_tests::RENDERER.compile(&release, &brand).unwrap()
}

/// The reference files of set `name`: page number and path.
fn files_of(name: &str) -> Vec<(usize, std::path::PathBuf)> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path("tests/ref")).expect("read tests/ref") {
        let file = entry.expect("read tests/ref").path();
        if let Some((set, page)) = split_name(&file)
            && set == name
        {
            files.push((page, file));
        }
    }
    files
}

/// `NAME-PAGE.png` as (NAME, PAGE).
fn split_name(file: &Path) -> Option<(String, usize)> {
    let stem = file.file_name()?.to_str()?.strip_suffix(".png")?;
    let (set, page) = stem.rsplit_once('-')?;
    Some((set.to_owned(), page.parse().ok()?))
}

#[test]
fn no_reference_is_orphaned() {
    let mut orphans = Vec::new();
    for entry in std::fs::read_dir(path("tests/ref")).expect("read tests/ref") {
        let file = entry.expect("read tests/ref").path();
        let known = split_name(&file).is_some_and(|(set, _)| REFERENCES.iter().any(|(name, _)| *name == set));
        if !known {
            orphans.push(file.display().to_string());
        }
    }
    assert!(
        orphans.is_empty(),
        "files in tests/ref that no reference test uses (delete them, or add an entry to \
         `references!` in tests/refs.rs):\n{}",
        orphans.join("\n")
    );
    for (name, shows) in REFERENCES {
        assert!(shows.len() > 20, "reference `{name}` does not say what it shows");
        assert!(
            !files_of(name).is_empty(),
            "reference `{name}` has no images; run with PRESSKIT_UPDATE_REFS=1"
        );
    }
}

/// Compares the first `pages` pages of `document` with their references.
fn check_pages(name: &str, document: &presskit::Document, pages: usize) {
    let update = std::env::var_os("PRESSKIT_UPDATE_REFS").is_some_and(|v| v != "0");
    let mut failures = Vec::new();
    // Pages no longer compared (or rendered) leave their references behind.
    for (page, file) in files_of(name) {
        if page == 0 || page > pages {
            if update {
                std::fs::remove_file(&file).expect("remove stale reference");
            } else {
                failures.push(format!("{}: only {pages} pages are compared; delete it", file.display()));
            }
        }
    }
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
    let shows = REFERENCES.iter().find(|(n, _)| *n == name).map_or("", |(_, shows)| shows);
    assert!(failures.is_empty(), "{}\n(the reference shows: {shows})", failures.join("\n"));
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
