//! `presskit import` of a long Word file: the goal is a 20-page `.docx`
//! in under 100 ms. Run with `cargo bench -p presskit --bench import`;
//! figures are medians. The file is made here, as Word writes one: styled
//! title and subtitle, paragraphs split into many runs, bold and italic,
//! links, footnotes, a list and a table. Its page count, as presskit
//! lays it out, is printed first, so the "20 pages" can be checked.

use std::io::Write;
use std::sync::LazyLock;

use presskit::{Brand, ImportFormat, Imported, Origin, Renderer};

fn main() {
    let imported = Imported::from_bytes(&DOCX, ImportFormat::Docx, "long.docx", None).expect("imports");
    let dir = tempfile::tempdir().expect("a temp dir");
    let release = imported.release(Origin::in_dir("long.md", dir.path())).expect("loads");
    let brand = Brand::neutral();
    let pages = Renderer::new().compile(&release, &brand).expect("compiles").page_count();
    println!("long.docx: {} KB, {pages} pages as presskit lays it out", DOCX.len() / 1024);
    divan::main();
}

/// Body paragraphs: about 20 pages of A4 at 11 pt with the notes.
const PARAGRAPHS: usize = 110;

static DOCX: LazyLock<Vec<u8>> = LazyLock::new(long_docx);

#[divan::bench]
fn import_20_page_docx() -> Imported {
    Imported::from_bytes(divan::black_box(&DOCX), ImportFormat::Docx, "long.docx", None).expect("imports")
}

fn paragraph(style: Option<&str>, runs: &str) -> String {
    let style = style.map(|s| format!("<w:pPr><w:pStyle w:val=\"{s}\"/></w:pPr>")).unwrap_or_default();
    format!("<w:p>{style}{runs}</w:p>")
}

/// A run as Word writes it, with revision ids and properties.
fn run(text: &str, bold: bool, italic: bool) -> String {
    let props = match (bold, italic) {
        (false, false) => String::new(),
        _ => format!(
            "<w:rPr>{}{}</w:rPr>",
            if bold { "<w:b/>" } else { "" },
            if italic { "<w:i/>" } else { "" }
        ),
    };
    format!("<w:r w:rsidR=\"00A1B2C3\">{props}<w:t xml:space=\"preserve\">{text}</w:t></w:r>")
}

fn long_docx() -> Vec<u8> {
    let sentence = "The council approved the river plan on Tuesday after a long debate about flooding, \
                    the cost of the new dykes and who will pay for them over the next ten years. ";
    let mut body = String::new();
    body.push_str(&paragraph(None, &run("MEDIA RELEASE", true, false)));
    body.push_str(&paragraph(None, &run("FOR IMMEDIATE RELEASE", false, false)));
    body.push_str(&paragraph(None, &run("2 March 2026", false, false)));
    body.push_str(&paragraph(
        Some("Title"),
        &run("Council approves the river plan after a year of debate", false, false),
    ));
    body.push_str(&paragraph(
        Some("Subtitle"),
        &run("New dykes, wider banks and a fund for the villages", false, false),
    ));
    let mut notes = String::new();
    for i in 0..PARAGRAPHS {
        let mut runs = String::new();
        if i == 0 {
            runs.push_str(&run("Brussels, Belgium — ", false, false));
        }
        // Word splits a paragraph into many runs: one per edit session.
        for (j, words) in sentence.repeat(4).split_inclusive(", ").enumerate() {
            runs.push_str(&run(words, j % 7 == 3, j % 11 == 5));
        }
        if i % 5 == 0 {
            let id = i / 5 + 1;
            runs.push_str(&format!(
                "<w:r><w:rPr><w:rStyle w:val=\"FootnoteReference\"/></w:rPr><w:footnoteReference w:id=\"{id}\"/></w:r>"
            ));
            notes.push_str(&format!(
                "<w:footnote w:id=\"{id}\"><w:p><w:r><w:t>Source: the council's minutes, item {id}.</w:t></w:r></w:p></w:footnote>"
            ));
        }
        if i % 9 == 0 {
            runs.push_str("<w:hyperlink r:id=\"rId9\"><w:r><w:t>the plan</w:t></w:r></w:hyperlink>");
        }
        body.push_str(&paragraph(None, &runs));
        if i % 20 == 10 {
            for item in ["higher dykes", "wider banks", "a fund for the villages"] {
                body.push_str(&format!(
                    "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
                    run(item, false, false)
                ));
            }
            body.push_str(&paragraph(
                None,
                &run("\u{201c}We listened to every village.\u{201d}", false, true),
            ));
            body.push_str(&paragraph(None, &run("— Anna Peeters, mayor", false, false)));
        }
        if i == 50 {
            let cell = |t: &str| format!("<w:tc><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:tc>");
            body.push_str("<w:tbl>");
            for row in [["Year", "Cost"], ["2026", "€12 m"], ["2027", "€18 m"]] {
                body.push_str(&format!("<w:tr>{}{}</w:tr>", cell(row[0]), cell(row[1])));
            }
            body.push_str("</w:tbl>");
        }
    }
    body.push_str(&paragraph(None, &run("ENDS", false, false)));
    body.push_str(&paragraph(None, &run("About the council", true, false)));
    body.push_str(&paragraph(None, &run("The council runs the river basin for twelve towns.", false, false)));
    body.push_str(&paragraph(None, &run("Media contact", true, false)));
    body.push_str(&paragraph(
        None,
        &run("Anna Peeters, press officer, anna@example.org, +32 2 555 01 23", false, false),
    ));

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
                     xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    let parts = [
        (
            "[Content_Types].xml",
            "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
             <Default Extension=\"xml\" ContentType=\"application/xml\"/></Types>"
                .to_string(),
        ),
        ("word/document.xml", format!("<?xml version=\"1.0\"?><w:document {W}><w:body>{body}</w:body></w:document>")),
        ("word/footnotes.xml", format!("<?xml version=\"1.0\"?><w:footnotes {W}>{notes}</w:footnotes>")),
        (
            "word/_rels/document.xml.rels",
            "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
             <Relationship Id=\"rId9\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" \
             Target=\"https://example.org/river-plan\" TargetMode=\"External\"/></Relationships>"
                .to_string(),
        ),
        (
            "word/styles.xml",
            format!(
                "<?xml version=\"1.0\"?><w:styles {W}>\
                 <w:style w:styleId=\"Title\"><w:name w:val=\"Title\"/></w:style>\
                 <w:style w:styleId=\"Subtitle\"><w:name w:val=\"Subtitle\"/></w:style>\
                 <w:style w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/></w:style></w:styles>"
            ),
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts {
        zip.start_file(name, options).expect("a zip entry");
        zip.write_all(text.as_bytes()).expect("written");
    }
    zip.finish().expect("the zip").into_inner()
}
