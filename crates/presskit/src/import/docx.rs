//! Word (`.docx`, Office Open XML) read into a [`Doc`]: paragraphs and
//! their styles, bold and italic runs, hyperlinks, real footnotes, lists,
//! tables as text and embedded images with their alt text. The package is
//! read inside the limits of `docs/SECURITY.md`: entries, sizes and
//! compression ratios are checked before anything is inflated further.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use roxmltree::{Document, Node};

use super::source::{Block, Doc, Kind, Line, LineBuilder, Note, Picture, collapse};
use crate::sandbox::Limits;

/// Most entries a Word package may hold.
const MAX_ENTRIES: usize = 10_000;

/// Why a `.docx` could not be read: a message and a hint.
pub(crate) type Failure = (String, String);

pub(crate) fn read(bytes: &[u8], limits: &Limits) -> Result<Doc, Failure> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        return Err((
            "this is an encrypted Word document or an old .doc, not a .docx".into(),
            "open it in Word and save it as .docx (Word Document) without a password".into(),
        ));
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        (format!("this is not a Word document (.docx): {e}"), "save the release from Word as .docx".into())
    })?;
    if zip.len() > MAX_ENTRIES {
        return Err((
            format!("the package holds {} files, more than {MAX_ENTRIES}", zip.len()),
            "a release is a short document: save it again from Word".into(),
        ));
    }
    // Word keeps a letterhead in the page header or footer parts.
    let mut furniture: Vec<String> = zip
        .file_names()
        .filter_map(|n| n.ok().map(|n| n.into_owned()))
        .filter(|n| {
            let n = n.strip_prefix("word/").unwrap_or("");
            (n.starts_with("header") || n.starts_with("footer")) && n.ends_with(".xml") && !n.contains('/')
        })
        .collect();
    furniture.sort();
    let mut package = Package { zip: &mut zip, limits, read: 0 };
    let document = package.text("word/document.xml")?.ok_or_else(|| {
        (
            "the package has no word/document.xml: it is not a Word document".to_string(),
            "save the release from Word as .docx".to_string(),
        )
    })?;
    let rels = package.text("word/_rels/document.xml.rels")?.unwrap_or_default();
    let styles = package.text("word/styles.xml")?.unwrap_or_default();
    let numbering = package.text("word/numbering.xml")?.unwrap_or_default();
    let footnotes = package.text("word/footnotes.xml")?.unwrap_or_default();

    let document = parse(&document, "word/document.xml")?;
    let rels =
        if rels.is_empty() { HashMap::new() } else { relationships(&parse(&rels, "the relationships")?) };
    let styles =
        if styles.is_empty() { HashMap::new() } else { style_names(&parse(&styles, "word/styles.xml")?) };
    let numbering = if numbering.is_empty() {
        HashMap::new()
    } else {
        list_formats(&parse(&numbering, "word/numbering.xml")?)
    };

    let mut reader = Reader {
        rels: &rels,
        styles: &styles,
        numbering: &numbering,
        doc: Doc::default(),
        paragraphs: 0,
        tables: 0,
        pictures: Vec::new(),
    };
    if let Some(body) = document.root_element().children().find(|n| n.tag_name().name() == "body") {
        reader.container(body);
    }
    if !footnotes.is_empty() {
        let footnotes = parse(&footnotes, "word/footnotes.xml")?;
        for note in footnotes.root_element().children().filter(|n| n.tag_name().name() == "footnote") {
            if attr(note, "type").is_some_and(|t| t != "normal") {
                continue;
            }
            let Some(id) = attr(note, "id") else { continue };
            let lines: Vec<Line> = note
                .children()
                .filter(|n| n.tag_name().name() == "p")
                .flat_map(|p| reader.paragraph_lines(p).0)
                .collect();
            let md = collapse(&lines.iter().map(|l| l.md.as_str()).collect::<Vec<_>>().join(" "));
            reader.doc.notes.push(Note { id: id.to_string(), md, at: format!("footnote {id}") });
        }
    }
    for part in &furniture {
        let Some(text) = package.text(part)? else { continue };
        let xml = parse(&text, part)?;
        let short = part.trim_start_matches("word/");
        for p in xml.descendants().filter(|n| n.is_element() && n.tag_name().name() == "p") {
            for line in reader.paragraph_lines(p).0 {
                let plain = collapse(&line.plain);
                if !plain.is_empty() {
                    reader
                        .doc
                        .letterhead
                        .push((plain, format!("the page {}", short.trim_end_matches(".xml"))));
                }
            }
        }
    }
    let mut doc = reader.doc;
    for (name, target) in reader.pictures {
        let path = format!("word/{}", target.trim_start_matches('/').trim_start_matches("word/"));
        match package.bytes(&path, limits.max_asset_bytes)? {
            Some(data) => doc.images.push(Picture { name, data }),
            None => doc.dropped.push((target, "image missing from the package".into())),
        }
    }
    Ok(doc)
}

/// The package, read part by part within the limits.
struct Package<'a> {
    zip: &'a mut zip::ZipArchive<Cursor<&'a [u8]>>,
    limits: &'a Limits,
    /// Bytes inflated so far.
    read: u64,
}

impl Package<'_> {
    /// An XML part as text, if the package has it.
    fn text(&mut self, name: &str) -> Result<Option<String>, Failure> {
        // XML parts are text of the size of a release, with markup around
        // it: eight times a release's limit is generous.
        let limit = self.limits.max_input_bytes as u64 * 8;
        let Some(bytes) = self.bytes(name, limit)? else { return Ok(None) };
        String::from_utf8(bytes)
            .map(Some)
            .map_err(|_| (format!("{name} is not UTF-8 text"), "save the release from Word again".into()))
    }

    fn bytes(&mut self, name: &str, limit: u64) -> Result<Option<Vec<u8>>, Failure> {
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(zip::result::ZipError::FileNotFound) => return Ok(None),
            Err(e) => {
                return Err((
                    format!("cannot read {name} in the package: {e}"),
                    "save the release from Word again".into(),
                ));
            }
        };
        // The size a zip declares may lie: read one byte past the limit.
        let mut data = Vec::new();
        let total = self.limits.max_total_image_bytes;
        let room = limit.min(total.saturating_sub(self.read));
        (&mut file).take(room + 1).read_to_end(&mut data).map_err(|e| {
            (format!("cannot inflate {name}: {e}"), "the file is damaged: save it again from Word".into())
        })?;
        if data.len() as u64 > room {
            return Err((
                format!("{name} inflates to more than {} MB", room / 1_000_000),
                "a release is a short document with a few images: make the images smaller, or raise the limits".into(),
            ));
        }
        self.read += data.len() as u64;
        Ok(Some(data))
    }
}

struct Reader<'a> {
    rels: &'a HashMap<String, (String, bool)>,
    styles: &'a HashMap<String, String>,
    numbering: &'a HashMap<(String, String), bool>,
    doc: Doc,
    paragraphs: usize,
    tables: usize,
    /// Images to read from the package: the name given, the target.
    pictures: Vec<(String, String)>,
}

/// An attribute by its local name (`w:val` → `val`).
fn attr<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|a| a.name() == name).map(|a| a.value())
}

fn child<'a, 'i>(node: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    node.children().find(|n| n.tag_name().name() == name)
}

/// A toggle property (`<w:b/>`, `<w:b w:val="0"/>`).
fn on(props: Option<Node>, name: &str) -> bool {
    props.and_then(|p| child(p, name)).is_some_and(|b| !matches!(attr(b, "val"), Some("0" | "false" | "off")))
}

impl Reader<'_> {
    fn container(&mut self, node: Node) {
        if node.ancestors().nth(MAX_DEPTH).is_some() {
            return self.paragraph(node);
        }
        for child in node.children() {
            match child.tag_name().name() {
                "p" => self.paragraph(child),
                "tbl" => self.table(child),
                // Content controls and tracked insertions hold paragraphs.
                "sdt" | "sdtContent" | "ins" | "customXml" => self.container(child),
                _ => {}
            }
        }
    }

    fn paragraph(&mut self, p: Node) {
        self.paragraphs += 1;
        let (lines, bold, italic, large) = {
            let (lines, stats) = self.paragraph_lines(p);
            (lines, stats.bold, stats.italic, stats.large)
        };
        let props = child(p, "pPr");
        let style = props.and_then(|pp| child(pp, "pStyle")).and_then(|s| attr(s, "val")).unwrap_or("");
        let name = self.styles.get(style).cloned().unwrap_or_else(|| style.to_lowercase());
        let numbered = props.and_then(|pp| child(pp, "numPr"));
        let kind = if let Some(num) = numbered {
            let id = num
                .children()
                .find(|n| n.tag_name().name() == "numId")
                .and_then(|n| attr(n, "val"))
                .unwrap_or("");
            let level = num
                .children()
                .find(|n| n.tag_name().name() == "ilvl")
                .and_then(|n| attr(n, "val"))
                .unwrap_or("0");
            let ordered = self.numbering.get(&(id.to_string(), level.to_string())).copied().unwrap_or(false);
            Kind::Item { ordered, depth: level.parse().unwrap_or(0) }
        } else if name == "title" {
            Kind::Heading(0)
        } else if name == "subtitle" {
            Kind::Subtitle
        } else if let Some(level) = name.strip_prefix("heading ").and_then(|l| l.trim().parse::<u8>().ok()) {
            Kind::Heading(level.clamp(1, 6))
        } else if name.contains("quote") {
            Kind::Quote
        } else if name.starts_with("list bullet") {
            Kind::Item { ordered: false, depth: 0 }
        } else if name.starts_with("list number") {
            Kind::Item { ordered: true, depth: 0 }
        } else {
            Kind::Para
        };
        let mut block = Block::new(kind, lines, format!("paragraph {}", self.paragraphs));
        (block.bold, block.italic, block.large) = (bold, italic, large);
        if !block.is_empty() {
            self.doc.blocks.push(block);
        }
    }

    /// A paragraph's lines (split at line breaks) and whether all its text
    /// is bold, italic, large.
    fn paragraph_lines(&mut self, p: Node) -> (Vec<Line>, Stats) {
        let mut state = Runs {
            line: LineBuilder::default(),
            lines: Vec::new(),
            stats: Stats { bold: true, italic: true, large: true },
            any: false,
        };
        self.runs(p, None, &mut state);
        if !state.line.is_empty() {
            state.lines.push(state.line.finish());
        }
        let lines: Vec<Line> = state
            .lines
            .into_iter()
            .map(|l| Line { md: l.md.trim().to_string(), plain: collapse(&l.plain) })
            .collect();
        let stats = if state.any { state.stats } else { Stats::default() };
        (lines, stats)
    }

    fn runs(&mut self, node: Node, link: Option<&str>, state: &mut Runs) {
        // Past this depth the markup is hostile: its text is read flat
        // instead of walked (the walk would exhaust the stack).
        if node.ancestors().nth(MAX_DEPTH).is_some() {
            for t in node.descendants().filter(|n| n.tag_name().name() == "t") {
                state.line.text(t.text().unwrap_or(""), false, false, link);
            }
            return;
        }
        for n in node.children() {
            match n.tag_name().name() {
                "r" => self.run(n, link, state),
                "hyperlink" => {
                    let target = attr(n, "id")
                        .and_then(|id| self.rels.get(id))
                        .filter(|(_, external)| *external)
                        .map(|(t, _)| t.as_str());
                    self.runs(n, target.or(link), state);
                }
                // Deleted text of tracked changes is not the text.
                "del" | "pPr" | "moveFrom" => {}
                _ => self.runs(n, link, state),
            }
        }
    }

    fn run(&mut self, r: Node, link: Option<&str>, state: &mut Runs) {
        let props = child(r, "rPr");
        // A character style by its name: LibreOffice's "StrongEmphasis"
        // is named "Strong".
        let style = props.and_then(|p| child(p, "rStyle")).and_then(|s| attr(s, "val")).unwrap_or("");
        let style = self.styles.get(style).cloned().unwrap_or_else(|| style.to_lowercase());
        let bold = on(props, "b") || style == "strong";
        let italic = on(props, "i") || style == "emphasis";
        // A number set raised is a footnote reference typed by hand.
        let raised = props.is_some_and(|p| {
            child(p, "vertAlign").and_then(|v| attr(v, "val")) == Some("superscript")
                || child(p, "position")
                    .and_then(|v| attr(v, "val"))
                    .and_then(|v| v.parse::<i32>().ok())
                    .is_some_and(|v| v > 0)
        });
        let size: u32 = props
            .and_then(|p| child(p, "sz"))
            .and_then(|s| attr(s, "val"))
            .and_then(|v| v.parse().ok())
            .unwrap_or(0);
        for n in r.children() {
            match n.tag_name().name() {
                "t" if raised && is_note_number(n.text().unwrap_or("")) => {
                    state.line.note_ref(n.text().unwrap_or("").trim());
                }
                "t" => {
                    let text = n.text().unwrap_or("");
                    if !text.trim().is_empty() {
                        state.any = true;
                        state.stats.bold &= bold;
                        state.stats.italic &= italic;
                        // Half-points: 28 is 14 pt, larger than body text.
                        state.stats.large &= size >= 28;
                    }
                    state.line.text(text, bold, italic, link);
                }
                "tab" => state.line.text(" ", bold, italic, link),
                "br" | "cr" => {
                    let line = std::mem::take(&mut state.line).finish();
                    state.lines.push(line);
                }
                "noBreakHyphen" => state.line.text("\u{2011}", bold, italic, link),
                "footnoteReference" => {
                    if let Some(id) = attr(n, "id") {
                        state.line.note_ref(id);
                    }
                }
                "drawing" | "pict" => self.picture(n, state),
                _ => {}
            }
        }
    }

    fn picture(&mut self, node: Node, state: &mut Runs) {
        let alt = node
            .descendants()
            .find(|n| n.tag_name().name() == "docPr")
            .and_then(|d| attr(d, "descr").filter(|a| !a.trim().is_empty()).or(attr(d, "title")))
            .unwrap_or("")
            .trim()
            .to_string();
        let Some(id) = node
            .descendants()
            .find(|n| matches!(n.tag_name().name(), "blip" | "imagedata"))
            .and_then(|b| attr(b, "embed").or(attr(b, "id")))
        else {
            return;
        };
        let Some((target, false)) = self.rels.get(id).cloned() else { return };
        let ext = target.rsplit('.').next().unwrap_or("png").to_lowercase();
        let name = format!("image-{}.{ext}", self.pictures.len() + 1);
        state.line.raw(&format!("![{}]({name})", super::source::escape(&alt)));
        self.pictures.push((name, target));
    }

    fn table(&mut self, tbl: Node) {
        self.tables += 1;
        for (row, tr) in tbl.children().filter(|n| n.tag_name().name() == "tr").enumerate() {
            let cells: Vec<Line> = tr
                .children()
                .filter(|n| n.tag_name().name() == "tc")
                .map(|tc| {
                    let lines: Vec<Line> = tc
                        .children()
                        .filter(|n| n.tag_name().name() == "p")
                        .flat_map(|p| self.paragraph_lines(p).0)
                        .collect();
                    Line {
                        md: collapse(&lines.iter().map(|l| l.md.as_str()).collect::<Vec<_>>().join(" ")),
                        plain: collapse(
                            &lines.iter().map(|l| l.plain.as_str()).collect::<Vec<_>>().join(" "),
                        ),
                    }
                })
                .collect();
            if cells.iter().all(|c| c.plain.is_empty()) {
                continue;
            }
            let md = cells.iter().map(|c| c.md.as_str()).collect::<Vec<_>>().join(" \\| ");
            let plain = cells.iter().map(|c| c.plain.as_str()).collect::<Vec<_>>().join(" | ");
            self.doc.blocks.push(Block::new(
                Kind::Row,
                vec![Line { md, plain }],
                format!("table {}, row {}", self.tables, row + 1),
            ));
        }
    }
}

#[derive(Default, Clone, Copy)]
struct Stats {
    bold: bool,
    italic: bool,
    large: bool,
}

struct Runs {
    line: LineBuilder,
    lines: Vec<Line>,
    stats: Stats,
    any: bool,
}

/// Relationship id → (target, external).
fn relationships(doc: &Document) -> HashMap<String, (String, bool)> {
    doc.root_element()
        .children()
        .filter(|n| n.is_element())
        .filter_map(|n| {
            let external = attr(n, "TargetMode") == Some("External");
            Some((attr(n, "Id")?.to_string(), (attr(n, "Target")?.to_string(), external)))
        })
        .collect()
}

/// Style id → style name, lower case ("Heading1" → "heading 1"; the names
/// are English whatever the language of Word).
fn style_names(doc: &Document) -> HashMap<String, String> {
    doc.root_element()
        .children()
        .filter(|n| n.tag_name().name() == "style")
        .filter_map(|s| {
            let id = attr(s, "styleId")?;
            let name = child(s, "name").and_then(|n| attr(n, "val")).unwrap_or(id);
            Some((id.to_string(), name.to_lowercase()))
        })
        .collect()
}

/// (numbering id, level) → whether the list is numbered.
fn list_formats(doc: &Document) -> HashMap<(String, String), bool> {
    let root = doc.root_element();
    let mut abstract_levels: HashMap<String, HashMap<String, bool>> = HashMap::new();
    for a in root.children().filter(|n| n.tag_name().name() == "abstractNum") {
        let Some(id) = attr(a, "abstractNumId") else { continue };
        let levels = a
            .children()
            .filter(|n| n.tag_name().name() == "lvl")
            .filter_map(|l| {
                let format = child(l, "numFmt").and_then(|f| attr(f, "val")).unwrap_or("bullet");
                Some((attr(l, "ilvl")?.to_string(), !matches!(format, "bullet" | "none")))
            })
            .collect();
        abstract_levels.insert(id.to_string(), levels);
    }
    let mut out = HashMap::new();
    for num in root.children().filter(|n| n.tag_name().name() == "num") {
        let (Some(id), Some(abs)) =
            (attr(num, "numId"), child(num, "abstractNumId").and_then(|a| attr(a, "val")))
        else {
            continue;
        };
        for (level, ordered) in abstract_levels.get(abs).into_iter().flatten() {
            out.insert((id.to_string(), level.clone()), *ordered);
        }
    }
    out
}

/// How deep elements are walked; Word nests a dozen levels.
const MAX_DEPTH: usize = 128;

/// "1" to "999": what a footnote reference typed as a raised number holds.
fn is_note_number(text: &str) -> bool {
    let t = text.trim();
    (1..=3).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit()) && t != "0"
}

/// Parses one XML part of the package.
fn parse<'a>(text: &'a str, part: &str) -> Result<Document<'a>, (String, String)> {
    Document::parse(text).map_err(|e| {
        (format!("{part} is not well-formed XML: {e}"), "save the release from Word again".to_string())
    })
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn package(parts: &[(&str, &[u8])]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options =
            zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, data) in parts {
            zip.start_file(*name, options).expect("an entry");
            zip.write_all(data).expect("written");
        }
        zip.finish().expect("the zip").into_inner()
    }

    #[test]
    fn raised_numbers_are_references_and_styles_are_read_by_name() {
        const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
        let document = format!(
            "<w:document {W}><w:body><w:p>\
             <w:r><w:rPr><w:rStyle w:val=\"StrongEmphasis\"/></w:rPr><w:t>About us:</w:t></w:r>\
             <w:r><w:t xml:space=\"preserve\"> the network</w:t></w:r>\
             <w:r><w:rPr><w:position w:val=\"8\"/></w:rPr><w:t>1</w:t></w:r>\
             <w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr><w:t>th</w:t></w:r>\
             </w:p></w:body></w:document>"
        );
        let styles = format!(
            "<w:styles {W}><w:style w:type=\"character\" w:styleId=\"StrongEmphasis\"><w:name w:val=\"Strong\"/></w:style></w:styles>"
        );
        let doc = read(
            &package(&[("word/document.xml", document.as_bytes()), ("word/styles.xml", styles.as_bytes())]),
            &Limits::default(),
        )
        .expect("read");
        assert_eq!(doc.blocks[0].md(), "**About us:** the network[^1]th");
    }

    #[test]
    fn encrypted_damaged_and_bombs_are_refused() {
        let limits = Limits::default();
        // Word saves a document with a password as an OLE compound file.
        let mut encrypted = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        encrypted.extend([0; 512]);
        let (message, hint) = read(&encrypted, &limits).expect_err("refused");
        assert!(message.contains("encrypted") && hint.contains("without a password"), "{message}");

        let (message, _) = read(b"PK\x03\x04 cut short", &limits).expect_err("refused");
        assert!(message.contains("not a Word document") || message.contains("zip"), "{message}");

        let (message, _) = read(&package(&[("word/styles.xml", b"<x/>")]), &limits).expect_err("refused");
        assert!(message.contains("no word/document.xml"), "{message}");

        // 40 MB of markup in a few kilobytes: refused past the limit, not
        // inflated whole.
        let small = Limits { max_input_bytes: 100_000, ..Limits::default() };
        let bomb = package(&[("word/document.xml", &vec![b' '; 40_000_000])]);
        assert!(bomb.len() < 100_000, "{} bytes", bomb.len());
        let (message, _) = read(&bomb, &small).expect_err("refused");
        assert!(message.contains("inflates to more than"), "{message}");
    }
}
