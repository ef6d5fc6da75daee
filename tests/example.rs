//! The bundled example, checked the way a reader of the PDF would: its text,
//! its footnote, its links, its fonts and its bytes.

use presskit_tests::{compile, fold, path, pdf_tool};

fn example_pdf() -> (usize, Vec<u8>) {
    let document = compile(&path("examples/ecpat-belgium/release.md"));
    let pdf = document.pdf().expect("pdf export");
    (document.page_count(), pdf)
}

#[test]
fn example_is_two_a4_pages_with_every_sentence() {
    let (pages, pdf) = example_pdf();
    assert_eq!(pages, 2);
    let info = pdf_tool("pdfinfo", &[], &pdf);
    assert!(info.contains("595.276 x 841.89 pts (A4)"), "{info}");
    assert!(info.contains("Tagged:          yes"), "{info}");
    assert!(info.contains("Title:           Despite national effort"), "{info}");
    assert!(info.contains("Author:          ECPAT Belgium"), "{info}");

    let text = body_text(&pdf, pages);
    let reference = std::fs::read_to_string(path("tests/cases/ecpat-reference.txt")).unwrap();
    let missing: Vec<&str> =
        reference.lines().filter(|l| !l.is_empty() && !text.contains(&fold(l))).collect();
    assert!(
        missing.is_empty(),
        "sentences missing from the PDF text:\n{}\n\nPDF text:\n{text}",
        missing.join("\n")
    );
    // The trade's furniture: release line, continuation, page numbers, end mark.
    let layout = pdf_tool("pdftotext", &["-layout"], &pdf);
    for furniture in
        ["FOR IMMEDIATE RELEASE", "-more-", "Page 1 of 2", "Page 2 of 2", "ENDS", "Media contact"]
    {
        assert!(layout.contains(furniture), "`{furniture}` missing from:\n{layout}");
    }
}

/// The text of the pages' text areas (without running header and footer),
/// in reading order, with the footnote taken out: a sentence that runs on
/// to the next page then reads as one.
fn body_text(pdf: &[u8], pages: usize) -> String {
    // A4 in points; the template's text area is 22 mm from the top and
    // 26 mm from the bottom.
    let mut text = String::new();
    for page in 1..=pages {
        let n = page.to_string();
        let args = ["-f", &n, "-l", &n, "-x", "0", "-y", "58", "-W", "595", "-H", "718"];
        text.push_str(&pdf_tool("pdftotext", &args, pdf));
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
    let page1 = fold(&pdf_tool("pdftotext", &["-layout", "-f", "1", "-l", "1"], &pdf));
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
    let qdf = std::env::temp_dir().join(format!("presskit-links-{}.pdf", std::process::id()));
    let src = std::env::temp_dir().join(format!("presskit-links-src-{}.pdf", std::process::id()));
    std::fs::write(&src, &pdf).unwrap();
    let status = std::process::Command::new("qpdf")
        .args(["--qdf", "--object-streams=disable"])
        .arg(&src)
        .arg(&qdf)
        .status()
        .expect("run qpdf (install qpdf; bash .ci/run does)");
    assert!(status.success());
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    let _ = (std::fs::remove_file(&qdf), std::fs::remove_file(&src));
    for uri in [
        "http://ecpat.be/files/2014/09/A4A_V2_EU_BELGIUM_ENG_FINAL.pdf",
        "mailto:arianecouvreur@ecpat.be",
        "http://www.ecpat.be",
        "http://www.ecpat.net",
        "https://www.ecpat.be",
    ] {
        assert!(raw.contains(&format!("/URI ({uri})")), "no link annotation to {uri}");
    }
}

#[test]
fn fonts_are_embedded_and_subset_and_the_file_is_valid() {
    let (_, pdf) = example_pdf();
    let fonts = pdf_tool("pdffonts", &[], &pdf);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 3, "{fonts}");
    for row in rows {
        let name = row.split_whitespace().next().unwrap_or_default();
        // Subset fonts carry a six-letter tag: ABCDEF+Name.
        assert!(name.len() > 7 && name.as_bytes()[6] == b'+', "not a subset: {row}");
        let cols: Vec<&str> = row.split_whitespace().collect();
        let emb = cols[cols.len() - 5];
        assert_eq!(emb, "yes", "not embedded: {row}");
    }
    pdf_tool("qpdf", &["--check"], &pdf);
}

#[test]
fn two_renders_give_identical_bytes() {
    let (_, a) = example_pdf();
    let (_, b) = example_pdf();
    assert!(a == b, "two renders of the example differ");
}
