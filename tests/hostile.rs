//! Hostile input, round two: inputs found to crash presskit, to use
//! gigabytes of memory, to hang it or to turn text into something that
//! runs. Each outcome is listed in docs/SECURITY.md.

use presskit::{Brand, EmailOptions, ErrorKind, Options, Release, WarningKind};
use presskit_pdf::{Link, Pdf};
use presskit_tests::{RENDERER, compile, fold, path, pdf_text, release_in_temp};

fn load(release: &std::path::Path) -> presskit::Result<(Release, Brand)> {
    let release = Release::from_path(release)?;
    let brand = Brand::for_release(&release)?;
    Ok((release, brand))
}

fn render(release: &std::path::Path) -> presskit::Result<Vec<u8>> {
    let (release, brand) = load(release)?;
    RENDERER.compile(&release, &brand)?.pdf()
}

/// Only web, mail and phone links are links in any output; a `javascript:`,
/// `file:` or `data:` target, or a bare Windows path, is shown as text.
#[test]
fn only_web_mail_and_phone_links_are_followable() {
    let body = "[web](https://example.org/a) [mail](mailto:press@example.org) [phone](tel:+3225226323) \
                [script](javascript:alert(1)) [file](file:///etc/passwd) [data](data:text/html,<b>x</b>) \
                [drive](C:/Windows/win.ini) [share](\\\\server\\share) [relative](notes.html).\n";
    let (_dir, release) =
        release_in_temp(&format!("---\nheadline: Links\ndate: 2026-03-02\n---\n{body}"), &[]);
    let (release, brand) = load(&release).unwrap();
    let document = RENDERER.compile(&release, &brand).unwrap();
    let pdf = Pdf::parse(&document.pdf().unwrap());
    let mut uris: Vec<String> = pdf
        .all_links()
        .into_iter()
        .filter_map(|link| match link {
            Link::Uri(uri) => Some(uri),
            Link::Page(_) => None,
        })
        .collect();
    uris.sort();
    assert_eq!(uris, ["https://example.org/a", "mailto:press@example.org", "tel:+3225226323"]);
    let text = fold(&pdf.text());
    let shown = "web mail phone script file data drive share relative.";
    assert!(text.contains(shown), "`{shown}` is not in:\n{text}");
    // Plain text shows the address of a followable link, never of another.
    let plain = RENDERER.text(&release, &brand, &Options::default()).unwrap();
    for hidden in ["javascript:", "file:", "data:", "C:/Windows", "server"] {
        assert!(!plain.contains(hidden), "`{hidden}` is in the plain text:\n{plain}");
    }
    let html = RENDERER.html(&release, &brand, &Options::default()).unwrap();
    for hidden in ["javascript:", "file:", "data:text", "C:/Windows", "notes.html"] {
        assert!(!html.contains(hidden), "`{hidden}` is in the HTML");
    }
}

/// A PNG page is refused before its pixels are allocated when it would be
/// larger than a photo presskit reads; a ppi that is not a number, too.
#[test]
fn raster_pages_are_bounded_before_allocating() {
    let document = compile(&path("examples/ecpat-belgium/release.md"));
    for ppi in [1.0e6, f32::INFINITY, f32::NAN, 0.0, -72.0] {
        let err = document.png(0, ppi).expect_err("a page this size must be refused");
        assert_eq!(err.kind(), ErrorKind::Export, "{err}");
        assert!(err.hint().is_some(), "{err}");
    }
    assert!(document.png(0, 600.0).is_ok());
}

/// A custom template that sets an absurd page size: PNG and SVG of it are
/// refused, not a crash.
#[test]
fn a_template_with_a_huge_page_is_refused_as_png() {
    let brand = "meta:\n  name: Big Page\ndefaults:\n  presskit:\n    template: big.typ\n";
    let template = "#set page(width: 1e30pt, height: 1pt)\nHello\n";
    let (_dir, release) = release_in_temp(
        "---\nheadline: Big\ndate: 2026-03-02\n---\nBody.\n",
        &[("_brand.yml", brand.into()), ("big.typ", template.into())],
    );
    let (release, brand) = load(&release).unwrap();
    let document = RENDERER.compile(&release, &brand).unwrap();
    let err = document.png(0, 72.0).expect_err("a 1e30 pt page");
    assert!(err.to_string().contains("pixels"), "{err}");
}

/// Names, roles and every field that reaches a mail header are one line:
/// a line break inside one is folded to a space at load.
#[test]
fn line_breaks_in_contact_fields_are_folded() {
    let (_dir, release) = release_in_temp(
        "---\nheadline: \"Two\\nlines\"\ndate: 2026-03-02\ncontacts:\n  - name: \"Dana\\r\\nWhitfield\"\n    \
         role: \"Press\\nOfficer\"\n    email: press@example.org\n---\nBody.\n",
        &[],
    );
    let (release, brand) = load(&release).unwrap();
    let pdf = RENDERER.pdf(&release, &brand).unwrap();
    let message = RENDERER
        .email(&release, &brand, &Options::default(), &EmailOptions::default())
        .expect("an email with folded names");
    let (found, _) = presskit_tests::read_mail(&message);
    assert_eq!(found["from"], "Dana Whitfield <press@example.org>", "{found}");
    assert_eq!(found["subject"], "Two lines", "{found}");
    assert!(fold(&pdf_text(&pdf)).contains("Dana Whitfield Press Officer"));
}

/// An SVG that embeds a raster image as a `data:` URL is held to the same
/// pixel limit as that image on its own.
#[test]
fn an_svg_embedding_a_bomb_is_refused() {
    let bomb = std::fs::read(path("tests/cases/bad/bomb.png")).unwrap();
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">\
         <image width=\"100\" height=\"100\" href=\"data:image/png;base64,{}\"/></svg>",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &bomb)
    );
    let (_dir, release) = release_in_temp(
        "---\nheadline: Bomb\ndate: 2026-03-02\n---\nText.\n\n![A chart](chart.svg)\n",
        &[("chart.svg", svg.into_bytes())],
    );
    let err = render(&release).expect_err("the embedded bomb must be refused");
    assert_eq!(err.kind(), ErrorKind::Image, "{err}");
    assert!(err.to_string().contains("`chart.svg` embeds an image of 50000 × 50000 pixels"), "{err}");
}

/// A font collection declaring billions of fonts, or hundreds of thousands
/// that all point at one face, is refused from its header.
#[test]
fn font_collections_are_refused_from_their_header() {
    let mut header = b"ttcf\0\x01\0\0\xff\xff\xff\xff".to_vec();
    header.extend([0; 16]);
    let mut many = b"ttcf\0\x01\0\0".to_vec();
    many.extend(600_000u32.to_be_bytes());
    many.extend(std::iter::repeat_n(12u32.to_be_bytes(), 600_000).flatten());
    for (data, expect) in [(header, "declares 4294967295 fonts"), (many, "declares 600000 fonts")] {
        let brand = "meta:\n  name: Fonts\ntypography:\n  fonts:\n    - family: Odd\n      source: file\n      \
                     files: [odd.ttc]\n  base:\n    family: Odd\n";
        let (_dir, release) = release_in_temp(
            "---\nheadline: Fonts\ndate: 2026-03-02\n---\nBody.\n",
            &[("_brand.yml", brand.into()), ("odd.ttc", data)],
        );
        let err = render(&release).expect_err("the collection must be refused");
        assert_eq!(err.kind(), ErrorKind::Font, "{err}");
        assert!(err.to_string().contains(expect), "{err}");
    }
}

/// A FIFO (or device) where an image should be is refused without opening
/// it: opening a FIFO for reading blocks until a writer comes.
#[cfg(unix)]
#[test]
fn a_fifo_is_not_read() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let (dir, release) =
        release_in_temp("---\nheadline: Pipe\ndate: 2026-03-02\n---\nText.\n\n![A photo](pipe.png)\n", &[]);
    let fifo = dir.path().join("pipe.png");
    rustix::fs::mknodat(rustix::fs::CWD, &fifo, rustix::fs::FileType::Fifo, 0o600.into(), 0).unwrap();
    // Should presskit open the FIFO, this writer lets it go on (and fail
    // the test) instead of hanging.
    let done = std::sync::Arc::new(AtomicBool::new(false));
    let writer = {
        let (done, fifo) = (done.clone(), fifo.clone());
        std::thread::spawn(move || {
            let flags = rustix::fs::OFlags::WRONLY | rustix::fs::OFlags::NONBLOCK;
            while !done.load(Ordering::Relaxed) {
                drop(rustix::fs::open(&fifo, flags, 0.into()));
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
        })
    };
    let result = render(&release);
    done.store(true, Ordering::Relaxed);
    writer.join().unwrap();
    let err = result.expect_err("a FIFO is no image");
    assert!(err.to_string().contains("`pipe.png` is not a regular file"), "{err}");
}

/// One image under many spellings is read once: its bytes are shared.
#[test]
fn one_image_under_many_spellings_is_read_once() {
    let png = std::fs::read(path("tests/ref/kit-1.png")).unwrap();
    let mut body = String::from("Text.\n\n");
    let mut spelling = String::from("img.png");
    for _ in 0..50 {
        body.push_str(&format!("![A chart]({spelling})\n\n"));
        spelling = format!("./{spelling}");
    }
    body.push_str("![A chart](sub/../img.png)\n");
    let (dir, release) = release_in_temp(
        &format!("---\nheadline: Charts\ndate: 2026-03-02\n---\n{body}"),
        &[("img.png", png)],
    );
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let release = Release::from_path(&release).unwrap();
    assert_eq!(release.images().len(), 51);
    assert!(release.images().iter().all(|a| std::sync::Arc::ptr_eq(&a.data, &release.images()[0].data)));
}

/// The distinct images of one release are held to a total.
#[test]
fn the_images_of_a_release_have_a_total_limit() {
    let png = std::fs::read(path("tests/ref/kit-1.png")).unwrap();
    let files: Vec<(String, Vec<u8>)> = (0..4).map(|i| (format!("{i}.png"), png.clone())).collect();
    let body: String = (0..4).map(|i| format!("![Chart {i}]({i}.png)\n\n")).collect();
    let (_dir, release) = release_in_temp(
        &format!("---\nheadline: Charts\ndate: 2026-03-02\n---\n{body}"),
        &files.iter().map(|(n, d)| (n.as_str(), d.clone())).collect::<Vec<_>>(),
    );
    let mut sandbox = presskit::Sandbox::default();
    sandbox.limits.max_total_image_bytes = png.len() as u64 * 3;
    let err = Release::from_path_in(&release, sandbox).expect_err("four images over a total of three");
    assert!(err.to_string().contains("release.md:11:1: the images of this file are larger than"), "{err}");
}

/// A translation file named for several languages is refused; the release
/// and its translation files together are held to the input size limit.
#[test]
fn translation_files_cannot_multiply_the_input() {
    let translation = "---\nheadline: Titre\ndate: 2026-03-02\nlang: fr\n---\nTexte.\n";
    let (_dir, release) = release_in_temp(
        "---\nheadline: Title\ndate: 2026-03-02\ntranslations:\n  - {lang: fr-x-a, file: t.md}\n  - {lang: fr-x-b, file: ./t.md}\n---\nText.\n",
        &[("t.md", translation.into())],
    );
    let err = Release::from_path(&release).expect_err("one file for two languages");
    assert!(err.to_string().contains("the translation file `./t.md` is named twice"), "{err}");

    let big = format!("{translation}{}\n", format!("{}\n\n", "Texte en français. ".repeat(30)).repeat(1_200));
    let (_dir, release) = release_in_temp(
        "---\nheadline: Title\ndate: 2026-03-02\ntranslations:\n  - {lang: fr, file: a.md}\n  - {lang: nl, file: b.md}\n---\nText.\n",
        &[("a.md", big.clone().into()), ("b.md", big.into())],
    );
    let mut sandbox = presskit::Sandbox::default();
    sandbox.limits.max_input_bytes = 1_000_000;
    let err = Release::from_path_in(&release, sandbox).expect_err("1.4 MB over a 1 MB limit");
    assert!(err.to_string().contains("larger than 1 MB together"), "{err}");
}

/// A folder swapped for a symbolic link to an outside folder, again and
/// again while releases load (`renameat2(RENAME_EXCHANGE)`): a load either
/// reads the picture inside or fails; it never reads the one outside.
#[cfg(target_os = "linux")]
#[test]
fn a_folder_swapped_for_a_link_never_leaks_an_outside_file() {
    use std::sync::atomic::{AtomicBool, Ordering};
    let outside = tempfile::tempdir().unwrap();
    let inside_png = std::fs::read(path("tests/ref/kit-1.png")).unwrap();
    let outside_png = std::fs::read(path("tests/ref/kit-2.png")).unwrap();
    std::fs::write(outside.path().join("photo.png"), &outside_png).unwrap();
    let (dir, release) = release_in_temp(
        "---\nheadline: Race\ndate: 2026-03-02\n---\nText.\n\n![A photo](img/photo.png)\n",
        &[],
    );
    std::fs::create_dir(dir.path().join("img")).unwrap();
    std::fs::write(dir.path().join("img/photo.png"), &inside_png).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("link")).unwrap();

    let stop = std::sync::Arc::new(AtomicBool::new(false));
    let swapper = {
        let (stop, root) = (stop.clone(), dir.path().to_path_buf());
        std::thread::spawn(move || {
            let (img, link) = (root.join("img"), root.join("link"));
            let mut swaps = 0u32;
            while !stop.load(Ordering::Relaxed) {
                let flags = rustix::fs::RenameFlags::EXCHANGE;
                rustix::fs::renameat_with(rustix::fs::CWD, &img, rustix::fs::CWD, &link, flags).unwrap();
                swaps += 1;
            }
            // Leave `img` a folder again.
            if swaps % 2 == 1 {
                let flags = rustix::fs::RenameFlags::EXCHANGE;
                rustix::fs::renameat_with(rustix::fs::CWD, &img, rustix::fs::CWD, &link, flags).unwrap();
            }
        })
    };
    let (mut read, mut refused, mut leaked) = (0, 0, 0);
    for _ in 0..200 {
        match Release::from_path(&release) {
            Ok(release) if release.images()[0].data[..] == inside_png[..] => read += 1,
            Ok(_) => leaked += 1,
            Err(_) => refused += 1,
        }
    }
    stop.store(true, Ordering::Relaxed);
    swapper.join().unwrap();
    assert_eq!(leaked, 0, "{leaked} of 200 loads read the outside file ({read} inside, {refused} refused)");
}

/// Thousands of combining marks on one letter (3.1 GB for 40,000 in the
/// body) are refused at load, with the place; a few render.
#[test]
fn combining_marks_are_bounded() {
    let few =
        format!("---\nheadline: Caf\u{e9}\ndate: 2026-03-02\n---\nA{} and o\u{308}.\n", "\u{301}\u{323}");
    let (_dir, release) = release_in_temp(&few, &[]);
    assert!(render(&release).is_ok());
    let many =
        format!("---\nheadline: Marks\ndate: 2026-03-02\n---\nSome text.\n\na{}\n", "\u{301}".repeat(40_000));
    let (_dir, release) = release_in_temp(&many, &[]);
    let err = Release::from_path(&release).expect_err("40,000 marks on one letter");
    assert!(
        err.to_string().contains("release.md:7:32: a character carries more than 30 combining marks"),
        "{err}"
    );
}

/// What layout costs is bounded, not only bytes: blocks, footnote
/// references, line breaks and the length of one block each have a limit,
/// reported with the place.
#[test]
fn layout_cost_has_limits() {
    let head = "---\nheadline: Costly\ndate: 2026-03-02\n---\n";
    let items: String = (0..10_001).map(|i| format!("- item {i}\n")).collect();
    let refs = format!("{}\n\n[^a]: The note.\n", "Text[^a]. ".repeat(1_001));
    let breaks = format!("{}end\n", "a line\\\n".repeat(10_001));
    let code = "    let x = 1; // a line of code in a block\n".repeat(2_500);
    for (body, expect) in [
        (items, "release.md:10005:1: in `body`: more than 10000 paragraphs, list items and other blocks"),
        (refs, "release.md:5:10005: in `body`: more than 1000 footnote references"),
        (breaks, "release.md:10005:7: in `body`: more than 10000 line breaks"),
        (code, "release.md:5:5: in `body`: a paragraph, list item or code block is longer than 100 KB"),
    ] {
        let (_dir, release) = release_in_temp(&format!("{head}{body}"), &[]);
        let err = Release::from_path(&release).expect_err(expect);
        assert!(err.to_string().contains(expect), "expected `{expect}`, got `{err}`");
        assert!(err.hint().is_some());
    }
}

/// A kit is laid out as one document: its documents together are held to
/// the size limit of one input.
#[test]
fn a_kit_is_held_to_one_input_size() {
    let doc = format!(
        "---\nheadline: Part\ndate: 2026-03-02\n---\n{}\n",
        format!("{}\n\n", "Some words in a paragraph. ".repeat(20)).repeat(1_200)
    );
    let kit = "title: Kit\ndate: 2026-03-02\ndocuments:\n  - file: a.md\n  - file: b.md\n";
    let (_dir, kit) = release_in_temp(kit, &[("a.md", doc.clone().into()), ("b.md", doc.into())]);
    let mut sandbox = presskit::Sandbox::default();
    sandbox.limits.max_input_bytes = 1_000_000;
    let err = presskit::Kit::from_path_in(&kit, sandbox).expect_err("1.1 MB of documents over 1 MB");
    assert!(err.to_string().contains("the kit's documents are larger than 1 MB together"), "{err}");
}

/// YAML errors speak to the person who wrote the file, not to a Rust
/// programmer; a template error does not point at typst-cli's `--root`.
#[test]
fn messages_do_not_leak_internals() {
    let cases = [
        (
            "---\nheadline: A\ndate: 2026-03-02\ncontacts:\n  - name: ~\n---\nBody.\n",
            "release.md:5:11: this value is empty",
        ),
        (
            "---\nheadline: A\nheadline: B\ndate: 2026-03-02\n---\nBody.\n",
            "release.md:3:1: `headline` is given twice",
        ),
    ];
    for (text, expect) in cases {
        let (_dir, release) = release_in_temp(text, &[]);
        let err = Release::from_path(&release).expect_err(expect).to_string();
        assert!(err.contains(expect), "expected `{expect}`, got `{err}`");
        assert!(!err.contains("Option<") && !err.contains("DuplicateKeyPolicy"), "{err}");
    }
    let (_dir, release) = release_in_temp("headline: A\ndate: 2026-03-02\n---\nheadline: B\n", &[]);
    let yaml = release.with_extension("yaml");
    std::fs::rename(&release, &yaml).unwrap();
    let err = Release::from_path(&yaml).expect_err("two documents").to_string();
    assert!(err.contains("more than one YAML document") && !err.contains("from_str_multiple"), "{err}");

    let brand = "meta:\n  name: No\n";
    let (_dir, release) =
        release_in_temp("---\nheadline: A\ndate: 2026-03-02\n---\nB.\n", &[("_brand.yml", brand.into())]);
    let release = Release::from_path(&release).unwrap();
    let err = Brand::for_release(&release).expect_err("`No` is a boolean in YAML").to_string();
    assert!(err.contains("quote a name"), "{err}");

    let brand = "meta:\n  name: T\ndefaults:\n  presskit:\n    template: t.typ\n";
    let (_dir, release) = release_in_temp(
        "---\nheadline: A\ndate: 2026-03-02\n---\nB.\n",
        &[("_brand.yml", brand.into()), ("t.typ", "#import \"../../x.typ\"\n".into())],
    );
    let err = render(&release).expect_err("a path out of the template's folder");
    assert!(!err.hint().unwrap_or_default().contains("--root"), "{:?}", err.hint());
}

/// A quote between digits is a thousands separator, not a prime; after a
/// digit alone it stays Typst's prime (5'10").
#[test]
fn a_quote_between_digits_is_an_apostrophe() {
    let (_dir, release) = release_in_temp(
        "---\nheadline: Price\ndate: 2026-03-02\n---\nIt costs CHF 1'000'000 and he is 5' tall; it's 'quoted'; 1'2'3.\n",
        &[],
    );
    let text = pdf_text(&render(&release).unwrap());
    assert!(
        text.contains(
            "CHF 1\u{2019}000\u{2019}000 and he is 5\u{2032} tall; it\u{2019}s \u{2018}quoted\u{2019}; 1\u{2019}2\u{2019}3"
        ),
        "{text}"
    );
}

/// Characters the brand's fonts lack are set in a fallback font that has
/// them, with a warning naming it; with no such font, the error names them.
#[test]
fn missing_characters_fall_back_to_a_font_that_has_them() {
    let text = "---\nheadline: Bibliothèque مكتبة\ndate: 2026-03-02\n---\nThe library (مكتبة) opens.\n";
    let (_dir, release) = release_in_temp(text, &[]);
    let (release, brand) = load(&release).unwrap();
    let err = RENDERER.compile(&release, &brand).err().expect("no bundled font has Arabic");
    assert!(err.to_string().contains("no available font has the characters"), "{err}");

    let amiri = std::fs::read(path("tests/fonts/amiri/Amiri-Regular.ttf")).unwrap();
    let renderer = presskit::Renderer::new().with_system_fallback(false).with_fallback_font(amiri).unwrap();
    let document = renderer.compile(&release, &brand).unwrap();
    let warning =
        &document.warnings().iter().find(|w| w.kind == WarningKind::FontFallback).expect("a warning").message;
    assert!(warning.contains("مكتبة") || warning.contains('م'), "{warning}");
    assert!(warning.ends_with("set in Amiri"), "{warning}");
    let pdf = document.pdf().unwrap();
    let fonts = Pdf::parse(&pdf).fonts();
    assert!(fonts.iter().any(|f| f.name.contains("Amiri")), "{fonts:?}");
    assert!(fold(&pdf_text(&pdf)).contains("The library ("), "{}", pdf_text(&pdf));
    // The same inputs, the same bytes.
    assert_eq!(pdf, renderer.compile(&release, &brand).unwrap().pdf().unwrap());
    // The Typst export carries the fallback font: stock Typst, with no
    // font but the project's, sets the same text.
    let project = tempfile::tempdir().unwrap();
    for file in renderer.typst_project(&release, &brand, &Options::default()).unwrap() {
        let target = project.path().join(&file.path);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::write(target, &file.data).unwrap();
    }
    let stock = presskit_tests::compile_folder(project.path(), "release.typ");
    assert_eq!(pdf_text(&stock), pdf_text(&pdf));

    // Chinese: neither Amiri nor the bundled emoji font has it; the error
    // names only what no font has.
    let (_dir, release) =
        release_in_temp("---\nheadline: Hello 你好 😀\ndate: 2026-03-02\n---\nBody.\n", &[]);
    let (release, brand) = load(&release).unwrap();
    let err = renderer.compile(&release, &brand).err().expect("no font has them");
    assert!(err.to_string().contains("no available font has the characters 你好 (Han script)"), "{err}");
}

/// Emoji and symbols the brand's fonts lack come from the bundled Noto
/// Emoji, on any machine: with no installed font searched, the release
/// renders, the same bytes each time, the text as typed.
#[test]
fn emoji_are_set_in_the_bundled_emoji_font() {
    let text = "---\nheadline: We did it 🎉\ndate: 2026-03-02\n---\nThanks 👍 to all ★ volunteers ❤️ and the 👩‍🔬 team.\n";
    let (_dir, release) = release_in_temp(text, &[]);
    let (release, brand) = load(&release).unwrap();
    let document = RENDERER.compile(&release, &brand).unwrap();
    let warning =
        &document.warnings().iter().find(|w| w.kind == WarningKind::FontFallback).expect("a warning").message;
    assert!(
        warning.contains('🎉') && warning.ends_with("set in Noto Sans Symbols 2, Noto Emoji"),
        "{warning}"
    );
    let pdf = document.pdf().unwrap();
    let fonts = Pdf::parse(&pdf).fonts();
    assert!(fonts.iter().any(|f| f.name.contains("NotoEmoji")), "{fonts:?}");
    assert!(fonts.iter().any(|f| f.name.contains("NotoSansSymbols2")), "{fonts:?}");
    let printed = fold(&pdf_text(&pdf));
    assert!(printed.contains("We did it 🎉"), "{printed}");
    assert!(printed.contains("Thanks 👍 to all ★ volunteers"), "{printed}");
    assert_eq!(pdf, RENDERER.compile(&release, &brand).unwrap().pdf().unwrap());
}

/// A long URL or a very long word breaks at the margin instead of running
/// off the page; the text stays as typed (no zero-width spaces in it).
#[test]
fn long_words_and_urls_stay_inside_the_margins() {
    let url = "https://www.example.org/reports/2026/annual/very_long_directory_name_for_the_report/final.pdf";
    let word = "DonaudampfschifffahrtselektrizitätenhauptbetriebswerkbauunterbeamtengesellschaftXYZ0123456789ABCDEFGHIJ";
    let text = format!(
        "---\nheadline: Long words\ndate: 2026-03-02\n---\nThe report is at {url} today.\n\nA word: {word} ends.\n\nA link: <{url}>.\n"
    );
    let (_dir, release) = release_in_temp(&text, &[]);
    let pdf = render(&release).unwrap();
    let read = Pdf::parse(&pdf);
    // The text column is as far from the right edge as from the left.
    let (width, _) = read.page_size(1);
    let words = read.words(1);
    let left = words.iter().map(|w| w.x_min).fold(f64::MAX, f64::min);
    let right = f64::from(width) - left;
    for word in &words {
        assert!(
            word.x_max <= right + 1.0,
            "`{}` runs to {:.1} pt, past the column's {right:.1}",
            word.text,
            word.x_max
        );
    }
    let text = fold(&read.text()).replace("\u{ad}", "");
    assert!(!text.contains('\u{200b}'));
    assert!(read.all_links().contains(&Link::Uri(url.into())));
    // The URL and the word read back whole, only cut by line ends.
    let joined = text.replace(' ', "");
    assert!(joined.contains(url) && joined.contains(word), "{text}");
}

/// A brand's own template that loops for long is given up after the
/// renderer's time limit, with an error naming the template.
#[test]
fn a_template_that_runs_too_long_is_given_up() {
    let brand = "meta:\n  name: Slow\ndefaults:\n  presskit:\n    template: slow.typ\n";
    // Three nested loops, each under Typst's own limit: millions of steps.
    let template = "#for i in range(200) { for j in range(200) { for k in range(200) { } } }\nDone.\n";
    let (_dir, release) = release_in_temp(
        "---\nheadline: Slow\ndate: 2026-03-02\n---\nBody.\n",
        &[("_brand.yml", brand.into()), ("slow.typ", template.into())],
    );
    let (release, brand) = load(&release).unwrap();
    let renderer = presskit::Renderer::new()
        .with_system_fallback(false)
        .with_template_time_limit(std::time::Duration::from_millis(300));
    let err = renderer.compile(&release, &brand).err().expect("the template is given up");
    assert_eq!(err.kind(), ErrorKind::InvalidValue, "{err}");
    assert!(err.to_string().contains("slow.typ: in the template: it ran longer than 0.3 s"), "{err}");
    // A quick template is not limited by the same renderer.
    let (_dir, quick) = release_in_temp(
        "---\nheadline: Quick\ndate: 2026-03-02\n---\nBody.\n",
        &[
            ("_brand.yml", brand_quick().into()),
            ("quick.typ", "#let d = json(\"/data.json\")\nA quick template.\n".into()),
        ],
    );
    let (quick, quick_brand) = load(&quick).unwrap();
    let document = renderer.compile(&quick, &quick_brand).unwrap();
    assert!(document.text().contains("A quick template."));
}

fn brand_quick() -> &'static str {
    "meta:\n  name: Quick\ndefaults:\n  presskit:\n    template: quick.typ\n"
}

/// Found in review: a translation file that names itself, spellings of a
/// data: URL another decoder reads differently, escaped combining marks,
/// one document listed many times in a kit, one huge list item.
#[test]
fn second_review_bypasses_are_closed() {
    // A translation file naming itself recursed until the stack overflowed.
    let own = "---\nheadline: Self\ndate: 2026-03-02\ntranslations:\n  - {lang: fr, file: release.md}\n---\nText.\n";
    let (_dir, release) = release_in_temp(own, &[]);
    let err = Release::from_path(&release).expect_err("a file naming itself");
    assert!(err.to_string().contains("a translation file has translations of its own"), "{err}");

    // usvg takes `; base64` with a space; so does the check.
    let bomb = std::fs::read(path("tests/cases/bad/bomb.png")).unwrap();
    let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &bomb);
    for href in [format!("data:image/png; base64,{encoded}"), format!("data:image/png;base64,{encoded}#frag")]
    {
        let svg = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><image width=\"10\" height=\"10\" href=\"{href}\"/></svg>"
        );
        let (_dir, release) = release_in_temp(
            "---\nheadline: Bomb\ndate: 2026-03-02\n---\nText.\n\n![A chart](chart.svg)\n",
            &[("chart.svg", svg.into_bytes())],
        );
        let err = render(&release).expect_err(&href[..30]);
        assert!(err.to_string().contains("embeds an image"), "{err}");
    }

    // Combining marks written as JSON escapes.
    let json = format!(
        "{{\"headline\": \"a{}\", \"date\": \"2026-03-02\", \"body\": \"B.\"}}",
        "\\u0301".repeat(40)
    );
    let (dir, _) = release_in_temp("", &[("release.json", json.into())]);
    let err = Release::from_path(dir.path().join("release.json")).expect_err("escaped marks");
    assert!(err.to_string().contains("more than 30 combining marks"), "{err}");

    // One document listed twice in a kit.
    let kit = "title: Kit\ndate: 2026-03-02\ndocuments:\n  - file: a.md\n  - file: ./a.md\n";
    let (_dir, kit) =
        release_in_temp(kit, &[("a.md", "---\nheadline: A\ndate: 2026-03-02\n---\nA.\n".into())]);
    let err = presskit::Kit::from_path(&kit).expect_err("listed twice");
    assert!(err.to_string().contains("the document `./a.md` is listed twice"), "{err}");

    // One tight list item of 110 KB.
    let item = format!("- {}\n- short\n", "word ".repeat(22_000));
    let (_dir, release) =
        release_in_temp(&format!("---\nheadline: Item\ndate: 2026-03-02\n---\n{item}"), &[]);
    let err = Release::from_path(&release).expect_err("a huge item");
    assert!(err.to_string().contains("list item or code block is longer than 100 KB"), "{err}");
}

/// A control character is refused with its place, not drawn as a box.
#[test]
fn control_characters_are_refused() {
    let (_dir, release) = release_in_temp(
        "---\nheadline: Bell\ndate: 2026-03-02\n---\nA bell \u{7} here.\n\tTabs stay.\n",
        &[],
    );
    let err = Release::from_path(&release).expect_err("a bell");
    assert!(err.to_string().contains("release.md:5:8: the text holds the control character U+0007"), "{err}");
    let json = "{\"headline\": \"A\\u0001B\", \"date\": \"2026-03-02\", \"body\": \"B.\"}";
    let (dir, _) = release_in_temp("", &[("release.json", json.into())]);
    let err = Release::from_path(dir.path().join("release.json")).expect_err("an escaped control");
    assert!(err.to_string().contains("control character U+0001"), "{err}");
}

/// Paths a release or kit names that lead out of the folder are reported
/// at their line and column.
#[test]
fn paths_out_of_the_folder_have_a_place() {
    let text = "---\nheadline: A\ndate: 2026-03-02\ntranslations:\n  - {lang: fr, file: ../../../etc/fr.md}\n---\nB.\n";
    let (_dir, release) = release_in_temp(text, &[]);
    let err = Release::from_path(&release).expect_err("outside");
    assert!(err.to_string().contains("release.md:5:22: cannot read the translation file"), "{err}");
    let kit = "title: Kit\ndate: 2026-03-02\ndocuments:\n  - file: ../../../etc/a.md\n";
    let (_dir, kit) = release_in_temp(kit, &[]);
    let err = presskit::Kit::from_path(&kit).expect_err("outside");
    assert!(err.to_string().contains("release.md:4:11: "), "{err}");
}

/// A release whose text a caller changed after loading it, to name an image
/// it did not load, is refused with the image's name: not a Typst "file
/// not found" reported as a bug in presskit.
#[test]
fn an_image_added_after_loading_is_refused_by_name() {
    let (_dir, file) = release_in_temp("---\nheadline: H\ndate: 2026-03-02\n---\nBody.\n", &[]);
    let (mut release, brand) = load(&file).unwrap();
    release.body.0.push(presskit::model::Block::Image(presskit::model::Image {
        src: "never-loaded.png".into(),
        alt: "A picture".into(),
        caption: None,
        credit: None,
        location: None,
    }));
    let err = RENDERER.compile(&release, &brand).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::Image, "{err}");
    assert!(
        err.to_string().contains("`never-loaded.png` is in the release's text but was not loaded"),
        "{err}"
    );
}
