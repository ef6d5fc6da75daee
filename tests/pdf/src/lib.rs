//! Reads a PDF the way presskit's tests look at one: its text (in reading
//! order, by page, by region, as words with boxes), fonts, images, links,
//! metadata, attachments, structure tree, and whether its cross-reference
//! table holds together.
//!
//! It stands in for poppler-utils and qpdf inside `cargo test`, so that the
//! tests need only Rust. It reads with `hayro-syntax` and `hayro-interpret`,
//! the PDF reader typst already builds. The independent tools still read the
//! same files in `tests/external/run`. Every function panics with a message
//! on a PDF it cannot read: a test should fail loudly, not skip.

mod text;
mod tree;

use hayro_syntax::object::{Array, Dict, Name, ObjRef, Object, Stream};
use hayro_syntax::page::Page;

pub use text::Word;

/// A parsed PDF.
pub struct Pdf {
    inner: hayro_syntax::Pdf,
    bytes: Vec<u8>,
}

/// A font as `pdffonts` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Font {
    /// The `BaseFont` name, with its subset tag (`ABCDEF+Name`) if any.
    pub name: String,
    /// The font's `Subtype` (`Type0`, `TrueType`, `Type1`, `Type3` …).
    pub subtype: String,
    /// Whether the font's program is in the file.
    pub embedded: bool,
}

/// An image drawn on a page, as `pdfimages -list` lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct Image {
    /// The page, from 1.
    pub page: usize,
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
    /// The last stream filter: `DCTDecode` for JPEG, `FlateDecode` …
    pub filter: String,
    /// Pixels per inch across, as placed on the page.
    pub ppi: f64,
    /// Whether it is a stencil mask rather than a picture.
    pub stencil: bool,
}

/// A link annotation.
#[derive(Debug, Clone, PartialEq)]
pub enum Link {
    /// To a URI.
    Uri(String),
    /// To a page of this PDF, from 1.
    Page(usize),
}

/// An element of the structure tree (tagged PDF).
#[derive(Debug, Clone, PartialEq)]
pub struct Element {
    /// Its structure type: `Document`, `P`, `Figure`, `H1` …
    pub kind: String,
    /// Its alternative text, if it has one.
    pub alt: Option<String>,
    /// How deep it sits below the root.
    pub depth: usize,
}

impl Pdf {
    /// Parses `bytes`; panics if they are not a readable PDF.
    pub fn parse(bytes: &[u8]) -> Pdf {
        let inner =
            hayro_syntax::Pdf::new(bytes.to_vec()).unwrap_or_else(|e| panic!("not a readable PDF: {e:?}"));
        Pdf { inner, bytes: bytes.to_vec() }
    }

    /// Reads and parses the file at `path`.
    pub fn open(path: impl AsRef<std::path::Path>) -> Pdf {
        let path = path.as_ref();
        Pdf::parse(&std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())))
    }

    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.inner.pages().len()
    }

    /// The size of page `page` (from 1) in points: width, height.
    pub fn page_size(&self, page: usize) -> (f32, f32) {
        self.page(page).render_dimensions()
    }

    /// An entry of the document information dictionary (`Title`, `Author`,
    /// `Subject`, `Keywords`, `Creator`, `Producer`), decoded.
    pub fn info(&self, key: &str) -> Option<String> {
        let meta = self.inner.metadata();
        let value = match key {
            "Title" => &meta.title,
            "Author" => &meta.author,
            "Subject" => &meta.subject,
            "Keywords" => &meta.keywords,
            "Creator" => &meta.creator,
            "Producer" => &meta.producer,
            other => panic!("no info entry `{other}` is read"),
        };
        value.as_deref().map(decode_text)
    }

    /// The catalog's XMP metadata stream, as text (empty if there is none).
    pub fn xmp(&self) -> String {
        self.catalog()
            .get::<Stream<'_>>(b"Metadata")
            .map(|s| String::from_utf8_lossy(&decoded(&s)).into_owned())
            .unwrap_or_default()
    }

    /// Whether the PDF is tagged: marked, with a structure tree.
    pub fn tagged(&self) -> bool {
        let catalog = self.catalog();
        let marked =
            catalog.get::<Dict<'_>>(b"MarkInfo").and_then(|m| m.get::<bool>(b"Marked")).unwrap_or(false);
        marked && catalog.contains_key(b"StructTreeRoot")
    }

    /// The structure tree, depth first.
    pub fn structure(&self) -> Vec<Element> {
        let mut out = Vec::new();
        if let Some(root) = self.catalog().get::<Dict<'_>>(b"StructTreeRoot") {
            tree::elements(&root, 0, &mut out);
        }
        out
    }

    /// The embedded files (name tree `EmbeddedFiles`): names and contents.
    pub fn attachments(&self) -> Vec<(String, Vec<u8>)> {
        let Some(tree) = self.names_tree(b"EmbeddedFiles") else { return Vec::new() };
        tree::name_tree(&tree)
            .into_iter()
            .map(|(name, spec)| {
                let spec = spec.into_dict().expect("a file specification");
                let file_name = spec
                    .get::<hayro_syntax::object::String<'_>>(b"UF")
                    .or_else(|| spec.get::<hayro_syntax::object::String<'_>>(b"F"))
                    .map(|s| decode_text(s.as_bytes()))
                    .unwrap_or_else(|| decode_text(&name));
                let stream = spec
                    .get::<Dict<'_>>(b"EF")
                    .and_then(|ef| ef.get::<Stream<'_>>(b"F"))
                    .expect("an embedded file stream");
                (file_name, decoded(&stream))
            })
            .collect()
    }

    /// The link annotations of page `page` (from 1), in their order.
    pub fn links(&self, page: usize) -> Vec<Link> {
        let page = self.page(page);
        let Some(annots) = page.raw().get::<Array<'_>>(b"Annots") else { return Vec::new() };
        let mut out = Vec::new();
        for annot in annots.iter::<Dict<'_>>() {
            if annot.get::<Name<'_>>(b"Subtype").is_none_or(|s| s.as_ref() != b"Link") {
                continue;
            }
            let action = annot.get::<Dict<'_>>(b"A");
            if let Some(uri) = action.as_ref().and_then(|a| a.get::<hayro_syntax::object::String<'_>>(b"URI"))
            {
                out.push(Link::Uri(String::from_utf8_lossy(uri.as_bytes()).into_owned()));
                continue;
            }
            let dest =
                annot.get::<Object<'_>>(b"Dest").or_else(|| action.and_then(|a| a.get::<Object<'_>>(b"D")));
            let dest = dest.unwrap_or_else(|| panic!("a link with neither URI nor destination"));
            out.push(Link::Page(self.destination_page(dest)));
        }
        out
    }

    /// Every link of every page.
    pub fn all_links(&self) -> Vec<Link> {
        (1..=self.page_count()).flat_map(|p| self.links(p)).collect()
    }

    /// The fonts the pages use (in their resources and those of their
    /// forms), each once.
    pub fn fonts(&self) -> Vec<Font> {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for page in self.inner.pages().iter() {
            let resources = page.raw().get::<Dict<'_>>(b"Resources").unwrap_or_default();
            tree::fonts(&resources, &mut seen, &mut out, 0);
        }
        out
    }

    /// The images drawn on the pages, in drawing order.
    pub fn images(&self) -> Vec<Image> {
        (1..=self.page_count()).flat_map(|p| text::images(self.page(p), p)).collect()
    }

    /// The text of every page in reading order, pages separated by a form
    /// feed, as `pdftotext` gives it.
    pub fn text(&self) -> String {
        (1..=self.page_count()).map(|p| self.page_text(p) + "\u{c}").collect()
    }

    /// The text of page `page` (from 1): lines top to bottom, words left to
    /// right; wide gaps inside a line kept as runs of spaces.
    pub fn page_text(&self, page: usize) -> String {
        text::lines(&text::glyphs(self.page(page)), None)
    }

    /// The text of page `page` inside a rectangle: `x`, `y` from the top left
    /// corner, `width`, `height`, in points (`pdftotext -x -y -W -H`).
    pub fn text_in(&self, page: usize, x: f64, y: f64, width: f64, height: f64) -> String {
        text::lines(&text::glyphs(self.page(page)), Some(kurbo::Rect::new(x, y, x + width, y + height)))
    }

    /// The words of page `page` with their boxes (`pdftotext -bbox`).
    pub fn words(&self, page: usize) -> Vec<Word> {
        text::words(&text::glyphs(self.page(page)))
    }

    /// Checks the file's structure as `qpdf --check` does for what presskit
    /// writes: header, trailer, a cross-reference table whose every entry
    /// points at its object, every object and page readable, every stream
    /// decodable. Panics naming the first fault.
    pub fn check(&self) {
        tree::check_structure(&self.bytes, &self.inner);
    }

    fn page(&self, page: usize) -> &Page<'_> {
        let pages = self.inner.pages();
        assert!(page >= 1 && page <= pages.len(), "no page {page}: the PDF has {}", pages.len());
        &pages[page - 1]
    }

    fn catalog(&self) -> Dict<'_> {
        let xref = self.inner.xref();
        xref.get::<Dict<'_>>(xref.root_id()).expect("a catalog")
    }

    fn names_tree(&self, which: &[u8]) -> Option<Dict<'_>> {
        self.catalog().get::<Dict<'_>>(b"Names").and_then(|n| n.get::<Dict<'_>>(which))
    }

    /// The page (from 1) a destination goes to: an explicit array whose
    /// first item is the page, or a name looked up in the catalog.
    fn destination_page(&self, dest: Object<'_>) -> usize {
        let array = match dest {
            Object::Array(array) => array,
            Object::Dict(dict) => dict.get::<Array<'_>>(b"D").expect("a destination dictionary with /D"),
            Object::String(name) => self.named_destination(name.as_bytes()),
            Object::Name(name) => self.named_destination(name.as_ref()),
            other => panic!("a destination of an unknown form: {other:?}"),
        };
        let target: ObjRef =
            array.raw_iter().next().and_then(|first| first.as_obj_ref()).expect("a page reference");
        self.inner
            .pages()
            .iter()
            .position(|p| p.raw().obj_id().map(ObjRef::from) == Some(target))
            .map(|i| i + 1)
            .unwrap_or_else(|| panic!("a link to {target:?}, which is not a page"))
    }

    fn named_destination(&self, name: &[u8]) -> Array<'_> {
        let found = self
            .names_tree(b"Dests")
            .and_then(|tree| tree::name_tree(&tree).into_iter().find(|(n, _)| n == name).map(|(_, v)| v))
            .or_else(|| self.catalog().get::<Dict<'_>>(b"Dests").and_then(|d| d.get::<Object<'_>>(name)));
        match found {
            Some(Object::Array(array)) => array,
            Some(Object::Dict(dict)) => dict.get::<Array<'_>>(b"D").expect("a destination with /D"),
            _ => panic!("no destination named {}", String::from_utf8_lossy(name)),
        }
    }
}

/// A stream's decoded data; panics if a filter fails.
fn decoded(stream: &Stream<'_>) -> Vec<u8> {
    stream.decoded().unwrap_or_else(|e| panic!("a stream does not decode: {e:?}")).into_owned()
}

/// A PDF text string: UTF-16BE with a byte order mark, UTF-8 with one, or
/// PDFDocEncoding (read as Latin-1, which it matches for text we write).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = rest.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|&b| char::from(b)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-page PDF written by hand, its cross-reference table computed.
    fn minimal(title: &[u8], shift: usize) -> Vec<u8> {
        let objects: [&[u8]; 5] = [
            b"<< /Type /Catalog /Pages 2 0 R /Names << /Dests << /Names [(top) [3 0 R /Fit]] >> >> >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Annots [4 0 R 5 0 R] >>",
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /A << /S /URI /URI (https://example.org) >> >>",
            b"<< /Type /Annot /Subtype /Link /Rect [0 0 1 1] /Dest (top) >>",
        ];
        let mut out = b"%PDF-1.7\n".to_vec();
        let mut offsets = Vec::new();
        for (i, object) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend(*object);
            out.extend(b"\nendobj\n");
        }
        offsets.push(out.len());
        out.extend(b"6 0 obj\n<< /Title (");
        out.extend(title);
        out.extend(b") >>\nendobj\n");
        let xref = out.len();
        out.extend(b"xref\n0 7\n0000000000 65535 f \n");
        for offset in offsets {
            out.extend(format!("{:010} 00000 n \n", offset + shift).as_bytes());
        }
        out.extend(
            format!("trailer\n<< /Size 7 /Root 1 0 R /Info 6 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
        );
        out
    }

    #[test]
    fn reads_pages_info_and_links() {
        let pdf = Pdf::parse(&minimal(b"Plain", 0));
        pdf.check();
        assert_eq!(pdf.page_count(), 1);
        assert_eq!(pdf.page_size(1), (200.0, 100.0));
        assert_eq!(pdf.info("Title").as_deref(), Some("Plain"));
        assert_eq!(pdf.links(1), [Link::Uri("https://example.org".into()), Link::Page(1)]);
        assert!(!pdf.tagged() && pdf.attachments().is_empty() && pdf.fonts().is_empty());
    }

    #[test]
    fn decodes_utf16_text_strings() {
        let pdf = Pdf::parse(&minimal(b"\xFE\xFF\x00C\x00a\x00f\x00\xE9", 0));
        assert_eq!(pdf.info("Title").as_deref(), Some("Café"));
    }

    #[test]
    #[should_panic(expected = "points at byte")]
    fn a_cross_reference_table_off_by_one_fails_the_check() {
        // The reader repairs such a file; the check must not.
        Pdf::parse(&minimal(b"Plain", 1)).check();
    }

    #[test]
    #[should_panic(expected = "no page 2")]
    fn a_missing_page_is_an_error() {
        Pdf::parse(&minimal(b"Plain", 0)).page_text(2);
    }
}
