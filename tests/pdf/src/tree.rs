//! The object tree: structure elements, name trees, fonts, and the checks
//! of the file's cross-reference table.

use hayro_syntax::object::{Array, Dict, Name, Object, ObjectIdentifier, Stream};

use crate::{Element, Font, decode_text};

/// Nesting deeper than this is taken for a cycle.
const MAX_DEPTH: usize = 64;

/// The structure elements below `node` (a `StructTreeRoot` or an element),
/// depth first.
pub(crate) fn elements(node: &Dict<'_>, depth: usize, out: &mut Vec<Element>) {
    assert!(depth < MAX_DEPTH, "the structure tree nests deeper than {MAX_DEPTH}: a cycle?");
    let kids: Vec<Dict<'_>> = match node.get::<Object<'_>>(b"K") {
        Some(Object::Dict(kid)) => vec![kid],
        Some(Object::Array(kids)) => kids.iter::<Object<'_>>().filter_map(Object::into_dict).collect(),
        _ => Vec::new(),
    };
    for kid in kids {
        // Marked-content and object references are leaves, not elements.
        let Some(kind) = kid.get::<Name<'_>>(b"S") else { continue };
        let alt = kid.get::<hayro_syntax::object::String<'_>>(b"Alt").map(|s| decode_text(s.as_bytes()));
        out.push(Element { kind: kind.as_str().to_string(), alt, depth });
        elements(&kid, depth + 1, out);
    }
}

/// The entries of a name tree: keys and values, in order.
pub(crate) fn name_tree<'a>(node: &Dict<'a>) -> Vec<(Vec<u8>, Object<'a>)> {
    let mut out = Vec::new();
    collect_names(node, 0, &mut out);
    out
}

fn collect_names<'a>(node: &Dict<'a>, depth: usize, out: &mut Vec<(Vec<u8>, Object<'a>)>) {
    assert!(depth < MAX_DEPTH, "a name tree nests deeper than {MAX_DEPTH}");
    if let Some(names) = node.get::<Array<'a>>(b"Names") {
        let items: Vec<Object<'a>> = names.iter::<Object<'a>>().collect();
        for pair in items.chunks(2) {
            if let [Object::String(key), value] = pair {
                out.push((key.as_bytes().to_vec(), value.clone()));
            }
        }
    }
    if let Some(kids) = node.get::<Array<'a>>(b"Kids") {
        for kid in kids.iter::<Dict<'a>>() {
            collect_names(&kid, depth + 1, out);
        }
    }
}

/// The fonts in `resources` and in the resources of the forms and Type 3
/// fonts it holds, each font object once.
pub(crate) fn fonts(
    resources: &Dict<'_>,
    seen: &mut Vec<ObjectIdentifier>,
    out: &mut Vec<Font>,
    depth: usize,
) {
    if depth > MAX_DEPTH {
        return;
    }
    let font_dict = resources.get::<Dict<'_>>(b"Font").unwrap_or_default();
    for key in font_dict.keys() {
        let Some(font) = font_dict.get::<Dict<'_>>(key.as_ref()) else { continue };
        if let Some(id) = font.obj_id() {
            if seen.contains(&id) {
                continue;
            }
            seen.push(id);
        }
        let name = |d: &Dict<'_>| d.get::<Name<'_>>(b"BaseFont").map(|n| n.as_str().to_string());
        let subtype = font.get::<Name<'_>>(b"Subtype").map(|n| n.as_str().to_string()).unwrap_or_default();
        // A composite font keeps its program in its descendant's descriptor.
        let descendant = font.get::<Array<'_>>(b"DescendantFonts").and_then(|a| a.iter::<Dict<'_>>().next());
        let described = descendant.as_ref().unwrap_or(&font);
        let embedded = subtype == "Type3"
            || described.get::<Dict<'_>>(b"FontDescriptor").is_some_and(|d| {
                ["FontFile", "FontFile2", "FontFile3"].iter().any(|k| d.contains_key(k.as_bytes()))
            });
        out.push(Font {
            name: name(&font).or_else(|| name(described)).unwrap_or_else(|| "[none]".into()),
            subtype: subtype.clone(),
            embedded,
        });
        if let Some(inner) = font.get::<Dict<'_>>(b"Resources") {
            fonts(&inner, seen, out, depth + 1);
        }
    }
    let forms = resources.get::<Dict<'_>>(b"XObject").unwrap_or_default();
    for key in forms.keys() {
        let Some(form) = forms.get::<Stream<'_>>(key.as_ref()) else { continue };
        if let Some(inner) = form.dict().get::<Dict<'_>>(b"Resources") {
            fonts(&inner, seen, out, depth + 1);
        }
    }
}

/// Checks the header, trailer and cross-reference data of `bytes`, then
/// reads every object, stream and page of `pdf`. Panics on the first fault.
pub(crate) fn check_structure(bytes: &[u8], pdf: &hayro_syntax::Pdf) {
    assert!(bytes.starts_with(b"%PDF-1.") || bytes.starts_with(b"%PDF-2."), "no %PDF- header");
    assert!(bytes.trim_ascii_end().ends_with(b"%%EOF"), "the file does not end with %%EOF");
    let at = rfind(bytes, b"startxref").expect("no startxref");
    let offset: usize = std::str::from_utf8(&bytes[at + 9..])
        .ok()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|s| s.parse().ok())
        .or_else(|| {
            let rest = &bytes[at + 9..];
            let digits: String =
                String::from_utf8_lossy(rest).trim_start().chars().take_while(char::is_ascii_digit).collect();
            digits.parse().ok()
        })
        .expect("startxref holds no offset");
    assert!(offset < bytes.len(), "startxref points past the end of the file");
    let entries = if bytes[offset..].starts_with(b"xref") {
        table_entries(bytes, offset)
    } else {
        stream_entries(bytes, offset, pdf)
    };
    assert!(!entries.is_empty(), "the cross-reference data lists no objects");
    for (number, generation, object_offset) in entries {
        let expected = format!("{number} {generation} obj");
        let found = bytes.get(object_offset..object_offset + expected.len());
        assert!(
            found == Some(expected.as_bytes()),
            "the cross-reference entry of object {number} points at byte {object_offset}, where `{expected}` is not"
        );
    }
    for object in pdf.objects() {
        if let Object::Stream(stream) = object {
            // Image data is checked by its decoder; the rest must inflate.
            let image = stream.dict().get::<Name<'_>>(b"Subtype").is_some_and(|s| s.as_ref() == b"Image");
            if !image {
                stream
                    .decoded()
                    .unwrap_or_else(|e| panic!("stream {:?} does not decode: {e:?}", stream.obj_id()));
            }
        }
    }
    for page in pdf.pages().iter() {
        let mut ops = page.typed_operations();
        while ops.next().is_some() {}
    }
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

/// The in-use entries of a classic `xref` table: number, generation, offset.
fn table_entries(bytes: &[u8], offset: usize) -> Vec<(u32, u32, usize)> {
    let text = String::from_utf8_lossy(&bytes[offset..]);
    let mut lines = text.lines().skip(1).map(str::trim);
    let mut entries = Vec::new();
    while let Some(header) = lines.next() {
        if header.starts_with("trailer") {
            return entries;
        }
        let mut parts = header.split_whitespace().map(|p| p.parse::<u32>());
        let (Some(Ok(first)), Some(Ok(count)), None) = (parts.next(), parts.next(), parts.next()) else {
            panic!("a cross-reference subsection header is malformed: `{header}`");
        };
        for number in first..first + count {
            let entry =
                lines.next().unwrap_or_else(|| panic!("the cross-reference table ends inside a subsection"));
            let fields: Vec<&str> = entry.split_whitespace().collect();
            assert!(
                fields.len() == 3 && fields[0].len() == 10 && fields[1].len() == 5,
                "a malformed cross-reference entry: `{entry}`"
            );
            if fields[2] == "n" {
                entries.push((number, fields[1].parse().unwrap(), fields[0].parse().unwrap()));
            } else {
                assert_eq!(fields[2], "f", "a cross-reference entry neither in use nor free: `{entry}`");
            }
        }
    }
    panic!("the cross-reference table has no trailer")
}

/// The uncompressed entries of a cross-reference stream (objects inside
/// object streams are read through `pdf` instead).
fn stream_entries(bytes: &[u8], offset: usize, pdf: &hayro_syntax::Pdf) -> Vec<(u32, u32, usize)> {
    let head = String::from_utf8_lossy(&bytes[offset..(offset + 40).min(bytes.len())]).into_owned();
    let mut parts = head.split_whitespace();
    let (Some(number), Some(generation), Some("obj")) = (
        parts.next().and_then(|n| n.parse::<i32>().ok()),
        parts.next().and_then(|n| n.parse::<i32>().ok()),
        parts.next(),
    ) else {
        panic!("startxref points at neither `xref` nor an object");
    };
    let stream = pdf
        .xref()
        .get::<Stream<'_>>(ObjectIdentifier::new(number, generation))
        .expect("startxref points at an object that is not a stream");
    let dict = stream.dict();
    assert!(
        dict.get::<Name<'_>>(b"Type").is_some_and(|t| t.as_ref() == b"XRef"),
        "startxref points at a stream that is not /XRef"
    );
    let widths: Vec<usize> = dict.get::<Array<'_>>(b"W").expect("/W").iter::<usize>().collect();
    assert_eq!(widths.len(), 3, "/W has {} fields", widths.len());
    let size: u32 = dict.get::<u32>(b"Size").expect("/Size");
    let index: Vec<u32> =
        dict.get::<Array<'_>>(b"Index").map(|a| a.iter::<u32>().collect()).unwrap_or(vec![0, size]);
    let data = stream.decoded().expect("the cross-reference stream decodes");
    let row = widths.iter().sum::<usize>();
    let field = |chunk: &[u8]| chunk.iter().fold(0usize, |acc, &b| acc << 8 | usize::from(b));
    let mut rows = data.chunks_exact(row);
    let mut entries = Vec::new();
    for range in index.chunks(2) {
        for number in range[0]..range[0] + range[1] {
            let row = rows.next().expect("the cross-reference stream is shorter than /Index says");
            let kind = if widths[0] == 0 { 1 } else { field(&row[..widths[0]]) };
            let second = field(&row[widths[0]..widths[0] + widths[1]]);
            let third = field(&row[widths[0] + widths[1]..]);
            match kind {
                1 => entries.push((number, third as u32, second)),
                2 => {
                    let id = ObjectIdentifier::new(number as i32, 0);
                    assert!(
                        pdf.xref().get::<Object<'_>>(id).is_some(),
                        "object {number} in an object stream does not read"
                    );
                }
                _ => {}
            }
        }
    }
    entries
}
