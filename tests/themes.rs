//! Every built-in theme with everything the model has: the bilingual
//! example, an embargoed release with a photo and footnotes, a long release.

use std::io::Cursor;

use presskit::model::Theme;
use presskit::{Brand, Options, Release};
use presskit_tests::{RENDERER, fold, path, pdf_text, release_in_temp};

fn photo() -> Vec<u8> {
    let img = image::RgbImage::from_fn(600, 400, |x, y| image::Rgb([(x / 3) as u8, (y / 2) as u8, 140]));
    let mut out = Vec::new();
    image::DynamicImage::ImageRgb8(img)
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .unwrap();
    out
}

const EMBARGOED: &str = "---\nheadline: Harbour museum reopens with a new wing\ndate: 2026-05-04\n\
dateline: Antwerp\nembargo: 2026-05-04T10:00:00+02:00\n\
contacts:\n  - {name: Lea Maes, email: lea@museum.example, phone: '+32 3 000 00 00'}\n---\n\
The museum reopens on Monday[^1] after two years of works.\n\n\
![The new wing seen from the quay](wing.jpg \"The new wing | Photo: Museum\")\n\n\
> \"We built it for the city,\" says the director.\n\n[^1]: At 10 a.m.\n";

/// Renders and returns (pages, text of each page).
fn render(release: &Release, brand: &Brand, options: &Options) -> Vec<String> {
    let document = RENDERER.compile_with(release, brand, options).unwrap_or_else(|e| panic!("{e}"));
    assert!(document.warnings().is_empty(), "Typst warned: {:?}", document.warnings());
    let pdf = document.pdf().unwrap();
    let text = pdf_text(&pdf);
    let pages: Vec<String> = text.split('\u{c}').filter(|p| !p.trim().is_empty()).map(fold).collect();
    assert_eq!(pages.len(), document.page_count());
    pages
}

fn themed(mut brand: Brand, theme: Theme) -> Brand {
    brand.layout.theme = theme;
    brand
}

#[test]
fn every_theme_lays_out_the_bilingual_example() {
    let release = Release::from_path(path("examples/ecpat-belgium/release.md")).unwrap();
    let brand = Brand::for_release(&release).unwrap();
    for theme in Theme::ALL {
        let pages = render(
            &release,
            &themed(brand.clone(), theme),
            &Options::default().with_languages(presskit::Languages::Combined),
        );
        let all = pages.join("\n");
        for needle in
            ["Despite national effort", "Malgré les efforts nationaux", "Ondanks nationale inspanningen"]
        {
            assert!(all.contains(needle), "{theme}: `{needle}` missing");
        }
        assert!(
            pages[0].contains("MEDIA RELEASE") || pages[0].contains("M E D I A"),
            "{theme}: {}",
            pages[0]
        );
        assert!(
            all.contains("Page 1 of") && all.contains("Page 1 sur") && all.contains("Pagina 1 van"),
            "{theme}"
        );
    }
}

#[test]
fn every_theme_lays_out_an_embargoed_release_with_a_photo() {
    let (_dir, file) = release_in_temp(EMBARGOED, &[("wing.jpg", photo())]);
    let release = Release::from_path(&file).unwrap();
    for theme in Theme::ALL {
        let pages = render(&release, &themed(Brand::neutral(), theme), &Options::default());
        let first = &pages[0];
        assert!(first.contains("EMBARGO"), "{theme}: no embargo line: {first}");
        assert!(first.contains("The new wing Photo: Museum"), "{theme}: no caption: {first}");
        assert!(
            first.contains("1At 10 a.m.") || first.contains("1 At 10 a.m."),
            "{theme}: footnote not at the foot: {first}"
        );
    }
}

#[test]
fn every_theme_lays_out_a_long_release_page_after_page() {
    let body: String = (1..=40)
        .map(|i| format!("Paragraph {i} tells the story at length, so that the release runs over several pages and every page but the last says it continues.[^n{i}]\n\n[^n{i}]: Note {i}.\n\n"))
        .collect();
    let text = format!("---\nheadline: A long release\ndate: 2026-05-04\ndateline: Ghent\n---\n{body}");
    let release =
        Release::from_text(&text, presskit::Format::Markdown, presskit::Origin::named("long.md")).unwrap();
    for theme in Theme::ALL {
        let pages = render(&release, &themed(Brand::neutral(), theme), &Options::default());
        let count = pages.len();
        assert!(count >= 3, "{theme}: {count} pages");
        for (i, page) in pages.iter().enumerate() {
            assert!(page.contains(&format!("Page {} of {count}", i + 1)), "{theme} page {}: {page}", i + 1);
            assert_eq!(page.contains("-more-"), i + 1 < count, "{theme} page {}: {page}", i + 1);
        }
        assert!(pages[count - 1].contains("Paragraph 40") && pages[count - 1].contains("Note 40"), "{theme}");
    }
}

#[test]
fn layout_settings_are_checked_and_name_the_valid_values() {
    let brand = |presskit: &str| {
        Brand::from_text(
            &format!("defaults:\n  presskit:\n{presskit}"),
            presskit::Origin::named("_brand.yml"),
        )
    };
    let err = brand("    theme: fancy\n").unwrap_err();
    assert!(err.to_string().contains("_brand.yml:3:") && err.message().contains("classic"), "{err}");
    assert!(err.message().contains("modern") && err.message().contains("compact"), "{err}");
    let err = brand("    logo_position: middle\n").unwrap_err();
    assert!(err.message().contains("left") && err.message().contains("right"), "{err}");
    let err = brand("    margins: {top: 3 furlongs}\n").unwrap_err();
    assert!(err.message().contains("mm, cm, in or pt"), "{err}");
    let ok = brand("    theme: compact\n    logo_position: left\n    logo_height: 2cm\n    address_position: header\n    accent: band\n    margins: {left: 30}\n").unwrap();
    assert_eq!(ok.layout.theme, Theme::Compact);
    assert_eq!(ok.layout.logo_height_mm, Some(20.0));
    assert_eq!(ok.layout.margins.left, Some(30.0));
}
