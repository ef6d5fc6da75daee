//! Plain text (a release pasted into an email) and Markdown without front
//! matter, read into a [`Doc`].

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::source::{Block, Doc, Kind, Line, LineBuilder, Note, collapse, plain_line};

/// Plain text: paragraphs between blank lines; lists, indented or `>`
/// quotes and footnotes (`[1] …`) as the text shows them.
pub(crate) fn read_text(text: &str) -> Doc {
    let mut doc = Doc::default();
    let lines: Vec<&str> = text.lines().collect();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && !lines[i].trim().is_empty() {
            i += 1;
        }
        paragraph(&lines[start..i], start + 1, &mut doc.blocks);
    }
    doc
}

/// One run of non-blank lines, `first` the number of its first line.
fn paragraph(lines: &[&str], first: usize, out: &mut Vec<Block>) {
    let at = |n: usize| format!("line {}", first + n);
    let indented = |l: &str| l.starts_with("    ") || l.starts_with('\t');
    // A rule is a block of its own, even with text right under it.
    if let Some(r) = lines.iter().position(|l| is_rule(l)) {
        if r > 0 {
            paragraph(&lines[..r], first, out);
        }
        out.push(Block::new(Kind::Rule, Vec::new(), at(r)));
        if r + 1 < lines.len() {
            paragraph(&lines[r + 1..], first + r + 1, out);
        }
        return;
    }
    if lines.iter().all(|l| indented(l)) || lines.iter().all(|l| l.trim_start().starts_with('>')) {
        let text: Vec<Line> = lines
            .iter()
            .map(|l| l.trim_start().trim_start_matches('>').trim())
            .filter(|l| !l.is_empty())
            .map(plain_line)
            .collect();
        out.push(Block::new(Kind::Quote, text, at(0)));
        return;
    }
    // "– Name, role" under a quotation attributes it; it is no list.
    let after_quote = out.last().is_some_and(|b| super::fields::is_quotation(&b.plain()));
    if lines.len() == 1 && after_quote && super::fields::attribution(lines[0]).is_some() {
        out.push(Block::new(Kind::Para, vec![plain_line(lines[0].trim())], at(0)));
        return;
    }
    // Lines that start an entry: a list item or a footnote; the lines after
    // one that are indented continue it.
    let mut entries: Vec<(usize, Kind, Vec<String>)> = Vec::new();
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if let Some((kind, rest)) = item(trimmed).filter(|_| !indented(line) || entries.is_empty()) {
            entries.push((n, kind, vec![rest.to_string()]));
        } else if note_start(trimmed) && !indented(line) {
            entries.push((n, Kind::Para, vec![trimmed.to_string()]));
        } else if let Some((_, Kind::Item { .. }, text)) =
            // An item's text goes on under it, indented by two or more.
            entries.last_mut().filter(|_| line.starts_with("  ") || indented(line))
        {
            text.push(trimmed.to_string());
        } else if let Some((_, Kind::Para, text)) = entries.last_mut().filter(|(_, _, t)| note_start(&t[0])) {
            text.push(trimmed.to_string());
        } else if entries.is_empty() || !entries.last().is_some_and(|(_, k, _)| *k == Kind::Para) {
            entries.push((n, Kind::Para, vec![trimmed.to_string()]));
        } else if let Some((_, _, text)) = entries.last_mut() {
            text.push(trimmed.to_string());
        }
    }
    for (n, kind, text) in entries {
        // Footnotes and items are one line of text; a paragraph keeps its
        // lines (a contact's name, role and email are lines).
        let lines = match kind {
            Kind::Item { .. } => vec![plain_line(&text.join(" "))],
            _ if note_start(&text[0]) => vec![plain_line(&text.join(" "))],
            _ => text.iter().map(|t| plain_line(t)).collect(),
        };
        out.push(Block::new(kind, lines, at(n)));
    }
}

/// `----`, `____`, `* * *`: a rule (not `###`, an end mark).
fn is_rule(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    t.len() >= 3 && ['-', '_', '*', '='].iter().any(|&r| t.chars().all(|c| c == r))
}

/// A list item's kind and text.
pub(crate) fn item(line: &str) -> Option<(Kind, &str)> {
    for bullet in ["- ", "• ", "* ", "– ", "· ", "▪ "] {
        if let Some(rest) = line.strip_prefix(bullet) {
            return Some((Kind::Item { ordered: false, depth: 0 }, rest.trim()));
        }
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let rest = &line[digits..];
        // "3. März 2026" is a date, not an item.
        let date = |r: &str| {
            r.split_whitespace()
                .next()
                .and_then(|w| super::words::month(w.trim_end_matches([',', '.'])))
                .is_some()
        };
        if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") "))
            && !date(rest)
        {
            return Some((Kind::Item { ordered: true, depth: 0 }, rest.trim()));
        }
    }
    None
}

/// `[1] …`: a footnote as plain text writes it.
pub(crate) fn note_start(line: &str) -> bool {
    let Some(rest) = line.strip_prefix('[') else { return false };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && rest[digits..].starts_with("] ")
}

/// Markdown without front matter: its blocks and footnotes as written.
pub(crate) fn read_markdown(text: &str) -> Doc {
    let mut doc = Doc::default();
    let line_of = |offset: usize| text[..offset].matches('\n').count() + 1;
    let options = Options::ENABLE_FOOTNOTES | Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut kind = Kind::Para;
    let mut lists: Vec<bool> = Vec::new();
    let mut quote = 0usize;
    let (mut bold, mut italic) = (0usize, 0usize);
    let mut link: Option<String> = None;
    let mut line = LineBuilder::default();
    let mut lines: Vec<Line> = Vec::new();
    let mut start = 0usize;
    let mut note: Option<(String, Vec<Line>)> = None;
    let mut cells: Vec<String> = Vec::new();
    let mut image: Option<(String, String)> = None;
    let mut block_bold = true;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Heading { .. } | Tag::Item | Tag::TableCell => {
                    if matches!(tag, Tag::Item) {
                        kind = Kind::Item {
                            ordered: *lists.last().unwrap_or(&false),
                            depth: lists.len().saturating_sub(1) as u8,
                        };
                    } else if let Tag::Heading { level, .. } = tag {
                        kind = Kind::Heading(level as u8);
                    } else if matches!(tag, Tag::Paragraph) && !matches!(kind, Kind::Item { .. }) {
                        kind = if quote > 0 { Kind::Quote } else { Kind::Para };
                    }
                    if !matches!(tag, Tag::TableCell) {
                        start = range.start;
                    }
                }
                Tag::TableRow | Tag::TableHead => {
                    cells.clear();
                    start = range.start;
                }
                Tag::BlockQuote(_) => quote += 1,
                Tag::List(first) => lists.push(first.is_some()),
                Tag::Emphasis => italic += 1,
                Tag::Strong => bold += 1,
                Tag::Link { dest_url, .. } => link = Some(dest_url.to_string()),
                Tag::Image { dest_url, .. } => image = Some((dest_url.to_string(), String::new())),
                Tag::FootnoteDefinition(label) => note = Some((label.to_string(), Vec::new())),
                _ => {}
            },
            Event::End(end) => match end {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::Item => {
                    if !line.is_empty() {
                        block_bold &= line.all(true).unwrap_or(false);
                        lines.push(std::mem::take(&mut line).finish());
                    }
                    if let Some((_, note_lines)) = note.as_mut() {
                        note_lines.append(&mut lines);
                    } else if !lines.is_empty() {
                        let mut block =
                            Block::new(kind, std::mem::take(&mut lines), format!("line {}", line_of(start)));
                        block.bold = block_bold;
                        doc.blocks.push(block);
                    }
                    block_bold = true;
                    if matches!(end, TagEnd::Item) {
                        kind = Kind::Para;
                    }
                }
                TagEnd::TableCell => {
                    cells.push(std::mem::take(&mut line).finish().md);
                }
                TagEnd::TableRow | TagEnd::TableHead => {
                    let md = cells.join(" \\| ");
                    let plain = collapse(&md.replace("\\|", "|").replace('\\', ""));
                    doc.blocks.push(Block::new(
                        Kind::Row,
                        vec![Line { md, plain }],
                        format!("line {}", line_of(start)),
                    ));
                }
                TagEnd::BlockQuote(_) => quote = quote.saturating_sub(1),
                TagEnd::List(_) => {
                    lists.pop();
                }
                TagEnd::Emphasis => italic = italic.saturating_sub(1),
                TagEnd::Strong => bold = bold.saturating_sub(1),
                TagEnd::Link => link = None,
                TagEnd::Image => {
                    if let Some((src, alt)) = image.take() {
                        line.raw(&format!("![{}](<{src}>)", super::source::escape(&alt)));
                    }
                }
                TagEnd::FootnoteDefinition => {
                    if let Some((id, note_lines)) = note.take() {
                        let md =
                            collapse(&note_lines.iter().map(|l| l.md.as_str()).collect::<Vec<_>>().join(" "));
                        let at = format!("line {}", line_of(range.start));
                        doc.notes.push(Note { id, md, at });
                    }
                }
                _ => {}
            },
            Event::Text(t) => {
                if let Some((_, alt)) = image.as_mut() {
                    alt.push_str(&t);
                } else {
                    line.text(&t, bold > 0, italic > 0, link.as_deref());
                }
            }
            Event::Code(code) => line.raw(&format!("`{code}`")),
            // A line of its own, as in plain text: contacts are lines.
            Event::SoftBreak => lines.push(std::mem::take(&mut line).finish()),
            Event::HardBreak => lines.push(std::mem::take(&mut line).finish()),
            Event::FootnoteReference(label) => line.note_ref(&label),
            Event::Rule => {
                doc.blocks.push(Block::new(Kind::Rule, Vec::new(), format!("line {}", line_of(range.start))))
            }
            Event::Html(html) | Event::InlineHtml(html) => line.text(&html, false, false, None),
            _ => {}
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_paragraphs_lists_quotes_and_notes() {
        let doc = read_text(
            "MEDIA RELEASE\n\nA paragraph that wraps\nover two lines.\n\n- one\n- two\n\n    \"Quoted,\" she said.\n    — Jo, Chair\n\n----\n[1] A note\n    that wraps.\n[2] Another.\n",
        );
        let kinds: Vec<(Kind, String)> = doc.blocks.iter().map(|b| (b.kind, b.plain())).collect();
        assert_eq!(
            kinds,
            [
                (Kind::Para, "MEDIA RELEASE".into()),
                (Kind::Para, "A paragraph that wraps over two lines.".into()),
                (Kind::Item { ordered: false, depth: 0 }, "one".into()),
                (Kind::Item { ordered: false, depth: 0 }, "two".into()),
                (Kind::Quote, "\"Quoted,\" she said. — Jo, Chair".into()),
                (Kind::Rule, String::new()),
                (Kind::Para, "[1] A note that wraps.".into()),
                (Kind::Para, "[2] Another.".into()),
            ]
        );
        assert_eq!(doc.blocks[1].lines.len(), 2);
    }

    #[test]
    fn markdown_blocks_keep_their_markup() {
        let doc =
            read_markdown("# Title\n\nSome **bold** text[^1].\n\n> A quote\n\n1. First\n\n[^1]: The note.\n");
        let got: Vec<(Kind, String)> = doc.blocks.iter().map(|b| (b.kind, b.md())).collect();
        assert_eq!(
            got,
            [
                (Kind::Heading(1), "Title".into()),
                (Kind::Para, "Some **bold** text[^1].".into()),
                (Kind::Quote, "A quote".into()),
                (Kind::Item { ordered: true, depth: 0 }, "First".into()),
            ]
        );
        assert_eq!((doc.notes[0].id.as_str(), doc.notes[0].md.as_str()), ("1", "The note."));
    }
}
