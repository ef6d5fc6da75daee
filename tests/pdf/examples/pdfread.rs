//! Prints what the tests' PDF reader sees in a file: pages, info, fonts,
//! images, links, structure and text. For writing and debugging tests:
//! `cargo run -p presskit-pdf --example pdfread -- file.pdf`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: pdfread FILE.pdf");
    let pdf = presskit_pdf::Pdf::open(&path);
    pdf.check();
    println!("pages: {}", pdf.page_count());
    for key in ["Title", "Author", "Subject", "Keywords", "Creator", "Producer"] {
        println!("{key}: {:?}", pdf.info(key));
    }
    println!("tagged: {}", pdf.tagged());
    for font in pdf.fonts() {
        println!("font: {font:?}");
    }
    for image in pdf.images() {
        println!("image: {image:?}");
    }
    for page in 1..=pdf.page_count() {
        println!("links of page {page}: {:?}", pdf.links(page));
    }
    for (name, data) in pdf.attachments() {
        println!("attachment: {name} ({} bytes)", data.len());
    }
    for element in pdf.structure().iter().take(40) {
        println!("{}{} {:?}", "  ".repeat(element.depth), element.kind, element.alt);
    }
    print!("{}", pdf.text());
}
