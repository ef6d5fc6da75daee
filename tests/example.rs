//! The bundled example, checked the way a reader of the PDF would: its text,
//! its footnote, its links, its fonts and its bytes.

use presskit_pdf::{Link, Pdf};
use presskit_tests::{compile, fold, path};

fn example_pdf() -> (usize, Vec<u8>) {
    let document = compile(&path("examples/ecpat-belgium/release.md"));
    let pdf = document.pdf().expect("pdf export");
    (document.page_count(), pdf)
}

#[test]
fn example_is_two_a4_pages_with_every_sentence() {
    let (pages, pdf) = example_pdf();
    assert_eq!(pages, 2);
    let read = Pdf::parse(&pdf);
    assert_eq!(read.page_count(), 2);
    for page in 1..=2 {
        let (width, height) = read.page_size(page);
        assert!(
            (width - 595.276).abs() < 0.01 && (height - 841.89).abs() < 0.01,
            "not A4: {width} x {height}"
        );
    }
    assert!(read.tagged(), "not tagged");
    assert!(read.info("Title").unwrap().starts_with("Despite national effort"));
    assert_eq!(read.info("Author").as_deref(), Some("ECPAT Belgium"));

    let text = body_text(&Pdf::parse(&pdf), pages);
    let reference = std::fs::read_to_string(path("tests/cases/ecpat-reference.txt")).unwrap();
    let missing: Vec<&str> =
        reference.lines().filter(|l| !l.is_empty() && !text.contains(&fold(l))).collect();
    assert!(
        missing.is_empty(),
        "sentences missing from the PDF text:\n{}\n\nPDF text:\n{text}",
        missing.join("\n")
    );
    // The trade's furniture: release line, continuation, page numbers, end mark.
    let layout = read.text();
    for furniture in
        ["FOR IMMEDIATE RELEASE", "-more-", "Page 1 of 2", "Page 2 of 2", "ENDS", "Media contact"]
    {
        assert!(layout.contains(furniture), "`{furniture}` missing from:\n{layout}");
    }
}

/// The text of the pages' text areas (without running header and footer),
/// in reading order, with the footnote taken out: a sentence that runs on
/// to the next page then reads as one.
fn body_text(pdf: &Pdf, pages: usize) -> String {
    // A4 in points; the template's text area is 22 mm from the top and
    // 26 mm from the bottom.
    let mut text = String::new();
    for page in 1..=pages {
        text.push_str(&pdf.text_in(page, 0.0, 58.0, 595.0, 718.0));
        text.push(' ');
    }
    let text = fold(&text);
    let note = "1ECPAT International (End Child Prostitution, Child Pornography and Trafficking of Children for \
                sexual purposes) est le seul réseau mondial entièrement dédié à la lutte contre l'exploitation \
                sexuelle commerciale des enfants et compte à ce jour 86 groupes dans 78 pays.";
    assert!(text.contains(note), "the footnote is missing from:\n{text}");
    text.replacen(note, "", 1).replace("  ", " ") + " " + &note[1..]
}

#[test]
fn footnote_sits_at_the_foot_of_page_one() {
    let (_, pdf) = example_pdf();
    // Layout mode keeps the page's top-to-bottom order.
    let page1 = fold(&Pdf::parse(&pdf).page_text(1));
    let note = page1.find("est le seul réseau mondial").expect("footnote on page 1");
    let body = page1.find("Belgian minors are exploited").expect("first paragraph on page 1");
    let more = page1.find("-more-").expect("-more- on page 1");
    assert!(
        body < note && note < more,
        "footnote should follow the text and precede the page foot:\n{page1}"
    );
}

#[test]
fn links_are_annotations() {
    let (_, pdf) = example_pdf();
    let links = Pdf::parse(&pdf).all_links();
    for uri in [
        "http://ecpat.be/files/2014/09/A4A_V2_EU_BELGIUM_ENG_FINAL.pdf",
        "mailto:arianecouvreur@ecpat.be",
        "http://www.ecpat.be",
        "http://www.ecpat.net",
        "https://www.ecpat.be",
    ] {
        assert!(links.contains(&Link::Uri(uri.into())), "no link annotation to {uri}: {links:?}");
    }
    // The footnote mark and the note link to each other on page 1.
    assert_eq!(links.iter().filter(|l| **l == Link::Page(1)).count(), 2, "{links:?}");
}

#[test]
fn fonts_are_embedded_and_subset_and_the_file_is_valid() {
    let (_, pdf) = example_pdf();
    let read = Pdf::parse(&pdf);
    let fonts = read.fonts();
    assert!(fonts.len() >= 3, "{fonts:?}");
    for font in fonts {
        // Subset fonts carry a six-letter tag: ABCDEF+Name.
        let tag = font.name.split_once('+').map(|(tag, _)| tag);
        assert!(
            tag.is_some_and(|t| t.len() == 6 && t.bytes().all(|b| b.is_ascii_uppercase())),
            "not a subset: {font:?}"
        );
        assert!(font.embedded, "not embedded: {font:?}");
    }
    read.check();
}

#[test]
fn two_renders_give_identical_bytes() {
    let (_, a) = example_pdf();
    let (_, b) = example_pdf();
    assert!(a == b, "two renders of the example differ");
}
