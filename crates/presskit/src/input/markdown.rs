//! Markdown (CommonMark plus footnotes) mapped to structured [`Content`].
//!
//! Footnote definitions may stand anywhere in the text; each reference gets
//! the definition's content, so the template can place it at the foot of the
//! page that refers to it. Raw HTML is kept as text: nothing a user writes is
//! interpreted as anything but Markdown.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

use crate::error::Location;
use crate::model::content::{Block, Content, Image, Inline};
use crate::sandbox::Limits;

/// How deeply Markdown may nest, counting every open element (a quote, a
/// list and its item, emphasis, a link, a footnote's text). Real releases
/// stay under eight; the limit keeps the template's recursion within
/// Typst's call depth.
pub const MAX_NESTING: usize = 20;

/// The result of mapping a piece of Markdown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Parsed {
    /// The structured content.
    pub content: Content,
    /// Every image with the byte offset of its Markdown, for error messages.
    pub images: Vec<(Image, usize)>,
}

/// A problem in Markdown text, with the byte offset where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    /// What is wrong.
    pub message: String,
    /// Byte offset into the Markdown text.
    pub offset: usize,
    /// What to do about it.
    pub hint: &'static str,
}

/// Maps Markdown to structured content, within the default limits.
pub fn parse(text: &str) -> Result<Parsed, MarkdownError> {
    parse_with(text, &Limits::default())
}

/// Maps Markdown to structured content, within `limits`.
pub fn parse_with(text: &str, limits: &Limits) -> Result<Parsed, MarkdownError> {
    // Only footnotes beyond CommonMark: other extensions (strikethrough,
    // tables) would eat characters users type, like `~` and `|`.
    let options = Options::ENABLE_FOOTNOTES;
    let events: Vec<(Event, Range<usize>)> = Parser::new_ext(text, options).into_offset_iter().collect();
    check_layout_cost(&events, limits)?;

    // Footnote definitions are taken out first, so that a reference can be
    // mapped before or after its definition.
    let mut definitions: HashMap<String, Vec<(Event, Range<usize>)>> = HashMap::new();
    let mut main = Vec::with_capacity(events.len());
    let mut iter = events.into_iter();
    while let Some((event, range)) = iter.next() {
        if let Event::Start(Tag::FootnoteDefinition(label)) = &event {
            let mut depth = 1;
            let mut body = Vec::new();
            for (event, range) in iter.by_ref() {
                match &event {
                    Event::Start(_) => depth += 1,
                    Event::End(_) => depth -= 1,
                    _ => {}
                }
                if depth == 0 {
                    break;
                }
                body.push((event, range));
            }
            definitions.entry(normalize_label(label)).or_insert(body);
        } else {
            main.push((event, range));
        }
    }

    let mut mapper = Mapper {
        text,
        max_footnotes: limits.max_footnotes,
        definitions: &definitions,
        notes: HashMap::new(),
        in_note: false,
        images: Vec::new(),
    };
    let blocks = mapper.blocks(main, 0)?;
    Ok(Parsed { content: Content(blocks), images: mapper.images })
}

/// Refuses Markdown whose layout would cost far more than its size says:
/// too many blocks, footnote references or line breaks, or one block too
/// long. Typst's layout time and memory grow faster than the text in each
/// of these; the limits are far above what a release holds.
fn check_layout_cost(events: &[(Event, Range<usize>)], limits: &Limits) -> Result<(), MarkdownError> {
    let (mut blocks, mut refs, mut breaks) = (0, 0, 0);
    for (event, range) in events {
        let over = |message: String, hint| Err(MarkdownError { message, offset: range.start, hint });
        match event {
            // A tight list item holds its text without a paragraph.
            Event::Start(
                Tag::Paragraph | Tag::Heading { .. } | Tag::CodeBlock(_) | Tag::HtmlBlock | Tag::Item,
            ) => {
                blocks += 1;
                if range.len() > limits.max_block_bytes {
                    return over(
                        format!(
                            "a paragraph, list item or code block is longer than {} KB",
                            limits.max_block_bytes / 1000
                        ),
                        "split it into paragraphs; a library caller may raise `Limits::max_block_bytes`",
                    );
                }
            }
            Event::Start(Tag::BlockQuote(_)) => blocks += 1,
            Event::FootnoteReference(_) => refs += 1,
            Event::HardBreak => breaks += 1,
            _ => continue,
        }
        if blocks > limits.max_blocks {
            return over(
                format!("more than {} paragraphs, list items and other blocks", limits.max_blocks),
                "a release is a few pages; split this text, or a library caller may raise `Limits::max_blocks`",
            );
        }
        if refs > limits.max_footnote_refs {
            return over(
                format!("more than {} footnote references", limits.max_footnote_refs),
                "refer to each note once or a few times; a library caller may raise `Limits::max_footnote_refs`",
            );
        }
        if breaks > limits.max_line_breaks {
            return over(
                format!("more than {} line breaks", limits.max_line_breaks),
                "use paragraphs instead of line breaks; a library caller may raise `Limits::max_line_breaks`",
            );
        }
    }
    Ok(())
}

struct Mapper<'a> {
    text: &'a str,
    max_footnotes: usize,
    definitions: &'a HashMap<String, Vec<(Event<'a>, Range<usize>)>>,
    /// Notes given so far: label → id. A later reference shows the same
    /// number instead of repeating the note.
    notes: HashMap<String, usize>,
    /// Whether a note's text is being mapped: references there stay text,
    /// so notes cannot nest or multiply.
    in_note: bool,
    images: Vec<(Image, usize)>,
}

/// An open container while walking the events.
enum Frame {
    /// Holds blocks: the root, a quote, a list item.
    Blocks { kind: BlocksKind, blocks: Vec<Block>, last_breaks: Option<Vec<(usize, usize)>> },
    /// Holds inline runs: a paragraph, heading, emphasis, link, image alt text.
    Inlines { kind: InlineKind, inlines: Vec<Inline>, breaks: Vec<(usize, usize)> },
    /// A list: its items.
    List { ordered: bool, start: u64, items: Vec<Vec<Block>> },
    /// A code block's text.
    Code(String),
}

enum BlocksKind {
    Root,
    Quote,
    Item,
}

enum InlineKind {
    Paragraph,
    Heading(u8),
    Emph,
    Strong,
    Link(String),
    Image { src: String, title: String, offset: usize },
}

impl<'a> Mapper<'a> {
    /// Maps events to blocks; `depth` is how deeply they sit already.
    fn blocks(
        &mut self,
        events: Vec<(Event<'a>, Range<usize>)>,
        depth: usize,
    ) -> Result<Vec<Block>, MarkdownError> {
        let mut stack = vec![Frame::Blocks { kind: BlocksKind::Root, blocks: Vec::new(), last_breaks: None }];
        for (event, range) in events {
            match event {
                Event::Start(tag) => {
                    if depth + stack.len() > MAX_NESTING {
                        return Err(MarkdownError {
                            message: format!(
                                "Markdown is nested too deeply (more than {MAX_NESTING} levels)"
                            ),
                            offset: range.start,
                            hint: "flatten the nested quotes or lists",
                        });
                    }
                    self.start(&mut stack, tag, range.start);
                }
                Event::End(end) => self.end(&mut stack, end),
                Event::Text(text) | Event::Html(text) | Event::InlineHtml(text) => {
                    push_text(&mut stack, &text)
                }
                Event::Code(code) => push_inline(&mut stack, Inline::Code(code.to_string())),
                Event::SoftBreak => {
                    if let Some(Frame::Inlines { inlines, breaks, .. }) = stack.last_mut() {
                        breaks.push(match inlines.last() {
                            Some(Inline::Text(text)) => (inlines.len() - 1, text.len()),
                            _ => (inlines.len(), 0),
                        });
                    }
                    push_text(&mut stack, " ");
                }
                Event::HardBreak => push_inline(&mut stack, Inline::LineBreak),
                Event::Rule => push_block(&mut stack, Block::Rule),
                Event::FootnoteReference(label) => {
                    let note = self.footnote(&label, depth + stack.len())?;
                    match note {
                        Some(note) => push_inline(&mut stack, note),
                        None => push_text(&mut stack, &format!("[^{label}]")),
                    }
                }
                Event::TaskListMarker(done) => push_text(&mut stack, if done { "☒ " } else { "☐ " }),
                Event::InlineMath(text) | Event::DisplayMath(text) => push_text(&mut stack, &text),
            }
        }
        match stack.pop() {
            Some(Frame::Blocks { blocks, .. }) => Ok(blocks),
            _ => Ok(Vec::new()),
        }
    }

    /// The note for a reference: the note itself the first time, its
    /// number after that, `None` (shown as typed) when there is no such note
    /// or the reference stands inside a note.
    fn footnote(&mut self, label: &str, depth: usize) -> Result<Option<Inline>, MarkdownError> {
        let label = normalize_label(label);
        if self.in_note {
            return Ok(None);
        }
        if let Some(&id) = self.notes.get(&label) {
            return Ok(Some(Inline::FootnoteRef(id)));
        }
        let Some(events) = self.definitions.get(&label) else { return Ok(None) };
        let id = self.notes.len();
        if id == self.max_footnotes {
            return Err(MarkdownError {
                message: format!("more than {} footnotes", self.max_footnotes),
                offset: events.first().map_or(0, |(_, range)| range.start),
                hint: "merge notes or split the release; a library caller may raise `Limits::max_footnotes`",
            });
        }
        self.notes.insert(label, id);
        self.in_note = true;
        let body = self.blocks(events.clone(), depth + 1);
        self.in_note = false;
        Ok(Some(Inline::Footnote { id, body: body? }))
    }

    fn start(&mut self, stack: &mut Vec<Frame>, tag: Tag<'a>, offset: usize) {
        let inlines = |kind| Frame::Inlines { kind, inlines: Vec::new(), breaks: Vec::new() };
        let frame = match tag {
            Tag::Paragraph => inlines(InlineKind::Paragraph),
            Tag::Heading { level, .. } => inlines(InlineKind::Heading(level as u8)),
            Tag::BlockQuote(_) => {
                Frame::Blocks { kind: BlocksKind::Quote, blocks: Vec::new(), last_breaks: None }
            }
            Tag::CodeBlock(_) | Tag::HtmlBlock => Frame::Code(String::new()),
            Tag::List(start) => {
                Frame::List { ordered: start.is_some(), start: start.unwrap_or(1), items: Vec::new() }
            }
            Tag::Item => Frame::Blocks { kind: BlocksKind::Item, blocks: Vec::new(), last_breaks: None },
            Tag::Emphasis => inlines(InlineKind::Emph),
            Tag::Strong => inlines(InlineKind::Strong),
            Tag::Link { link_type, dest_url, .. } => inlines(InlineKind::Link(link_url(link_type, dest_url))),
            Tag::Image { dest_url, title, .. } => {
                inlines(InlineKind::Image { src: dest_url.to_string(), title: title.to_string(), offset })
            }
            // Not enabled in the parser options; map their text all the same.
            _ => inlines(InlineKind::Emph),
        };
        stack.push(frame);
    }

    fn end(&mut self, stack: &mut Vec<Frame>, end: TagEnd) {
        let Some(frame) = stack.pop() else { return };
        match frame {
            Frame::Inlines { kind, inlines, breaks } => match kind {
                InlineKind::Paragraph => {
                    if !inlines.is_empty() {
                        push_block(stack, Block::Paragraph(inlines));
                        if let Some(Frame::Blocks { last_breaks, .. }) = stack.last_mut() {
                            *last_breaks = Some(breaks);
                        }
                    }
                }
                InlineKind::Heading(level) => push_block(stack, Block::Heading { level, body: inlines }),
                InlineKind::Emph => push_inline(stack, Inline::Emph(inlines)),
                InlineKind::Strong => push_inline(stack, Inline::Strong(inlines)),
                // A link left empty by lifting out its image goes.
                InlineKind::Link(_) if inlines.is_empty() => {}
                // Only targets a reader may follow are links; others are
                // their text, so no output can run or open them.
                InlineKind::Link(url) if !crate::model::content::followable(&url) => {
                    for inline in inlines {
                        push_inline(stack, inline);
                    }
                }
                InlineKind::Link(url) => push_inline(stack, Inline::Link { url, body: inlines }),
                InlineKind::Image { src, title, offset } => {
                    let mut alt = String::new();
                    crate::model::content::inlines_text(&inlines, &mut alt);
                    let alt = alt.replace('\n', " ");
                    let (caption, credit) = split_title(&title);
                    let location = Some(Location::from_offset(self.text, offset));
                    let image = Image { src, alt, caption, credit, location };
                    self.images.push((image.clone(), offset));
                    push_image(stack, image);
                }
            },
            Frame::Blocks { kind, mut blocks, last_breaks } => match kind {
                BlocksKind::Quote => {
                    let attribution = take_attribution(&mut blocks, last_breaks.as_deref());
                    push_block(stack, Block::Quote { body: blocks, attribution });
                }
                BlocksKind::Item => {
                    if let Some(Frame::List { items, .. }) = stack.last_mut() {
                        items.push(blocks);
                    }
                }
                BlocksKind::Root => stack.push(Frame::Blocks { kind, blocks, last_breaks }),
            },
            Frame::List { ordered, start, items } => push_block(stack, Block::List { ordered, start, items }),
            Frame::Code(text) => {
                let text = text.trim_end_matches('\n').to_string();
                if matches!(end, TagEnd::HtmlBlock) {
                    push_block(stack, Block::Paragraph(vec![Inline::Text(text)]));
                } else {
                    push_block(stack, Block::Code(text));
                }
            }
        }
    }
}

/// Footnote labels match as CommonMark link labels do: without regard to
/// case or runs of white space.
fn normalize_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A link's target as the model keeps it: an email autolink
/// (`<press@x.org>`) becomes a `mailto:` link.
pub(crate) fn link_url(link_type: LinkType, dest: CowStr) -> String {
    match link_type {
        LinkType::Email if !dest.starts_with("mailto:") => format!("mailto:{dest}"),
        _ => dest.to_string(),
    }
}

/// Splits an image title `Caption | Credit` into its parts.
fn split_title(title: &str) -> (Option<String>, Option<String>) {
    let nonempty = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    match title.rsplit_once('|') {
        Some((caption, credit)) => (nonempty(caption), nonempty(credit)),
        None => (nonempty(title), None),
    }
}

/// Takes the attribution off the end of a quote: the last line of its last
/// paragraph when that line starts with an em dash or `--`. `breaks` are the
/// soft line breaks of that paragraph as (run index, byte offset of the space).
fn take_attribution(blocks: &mut Vec<Block>, breaks: Option<&[(usize, usize)]>) -> Option<Vec<Inline>> {
    let Some(Block::Paragraph(inlines)) = blocks.last_mut() else { return None };
    // Where the last line starts: just after the last soft break's space.
    let (run, offset) = breaks.and_then(|b| b.last()).map_or((0, 0), |&(run, at)| (run, at + 1));
    let Some(Inline::Text(first)) = inlines.get(run) else { return None };
    let line = first.get(offset..)?.trim_start();
    let rest = line.strip_prefix('—').or_else(|| line.strip_prefix("--"))?;
    let rest = rest.trim_start_matches('-').trim_start().to_string();

    let mut attribution = inlines.split_off(run + 1);
    if let Some(Inline::Text(head)) = inlines.last_mut() {
        head.truncate(offset);
        let keep = head.trim_end().len();
        head.truncate(keep);
        if head.is_empty() {
            inlines.pop();
        }
    }
    if !rest.is_empty() {
        attribution.insert(0, Inline::Text(rest));
    }
    if inlines.is_empty() {
        blocks.pop();
    }
    Some(attribution)
}

fn push_text(stack: &mut [Frame], text: &str) {
    match stack.last_mut() {
        Some(Frame::Code(code)) => code.push_str(text),
        Some(Frame::Inlines { inlines, .. }) => {
            if let Some(Inline::Text(last)) = inlines.last_mut() {
                last.push_str(text);
            } else {
                inlines.push(Inline::Text(text.to_string()));
            }
        }
        // Text directly in a block container (a tight list item): wrap it
        // in a paragraph, merging with one that is already open there.
        Some(Frame::Blocks { blocks, .. }) => match blocks.last_mut() {
            Some(Block::Paragraph(inlines)) => match inlines.last_mut() {
                Some(Inline::Text(last)) => last.push_str(text),
                _ => inlines.push(Inline::Text(text.to_string())),
            },
            _ => blocks.push(Block::Paragraph(vec![Inline::Text(text.to_string())])),
        },
        _ => {}
    }
}

fn push_inline(stack: &mut [Frame], inline: Inline) {
    match stack.last_mut() {
        Some(Frame::Inlines { inlines, .. }) => inlines.push(inline),
        Some(Frame::Blocks { blocks, .. }) => match blocks.last_mut() {
            Some(Block::Paragraph(inlines)) => inlines.push(inline),
            _ => blocks.push(Block::Paragraph(vec![inline])),
        },
        Some(Frame::Code(code)) => {
            let mut text = String::new();
            crate::model::content::inlines_text(std::slice::from_ref(&inline), &mut text);
            code.push_str(&text);
        }
        _ => {}
    }
}

fn push_block(stack: &mut [Frame], block: Block) {
    if let Some(Frame::Blocks { blocks, .. }) = stack.last_mut() {
        blocks.push(block);
    }
}

/// Images are blocks (figures). An image inside a paragraph closes the text
/// before it; the rest of the paragraph continues after the figure.
fn push_image(stack: &mut Vec<Frame>, image: Image) {
    // Find the nearest block container; close the inline frames above it
    // into a paragraph before the image and reopen them after.
    let Some(pos) = stack.iter().rposition(|f| matches!(f, Frame::Blocks { .. })) else { return };
    if pos + 1 == stack.len() {
        push_block(stack, Block::Image(image));
        return;
    }
    // Only the paragraph level is split; nested emphasis around an image is
    // rare and keeps its text on the paragraph before the figure.
    let mut open: Vec<Frame> = stack.drain(pos + 1..).collect();
    let mut before = Vec::new();
    for frame in open.iter_mut().rev() {
        if let Frame::Inlines { inlines, .. } = frame {
            let mut taken = std::mem::take(inlines);
            taken.append(&mut before);
            before = taken;
        }
    }
    let has_text = before.iter().any(|i| !matches!(i, Inline::Text(t) if t.trim().is_empty()));
    if has_text {
        push_block(stack, Block::Paragraph(before));
    }
    push_block(stack, Block::Image(image));
    for frame in &mut open {
        if let Frame::Inlines { breaks, .. } = frame {
            breaks.clear();
        }
    }
    stack.extend(open);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(md: &str) -> Vec<Block> {
        parse(md).unwrap().content.0
    }

    fn text(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn paragraphs_emphasis_and_strong() {
        assert_eq!(
            blocks("One *two* **three**\nfour.\n\nFive."),
            vec![
                Block::Paragraph(vec![
                    text("One "),
                    Inline::Emph(vec![text("two")]),
                    text(" "),
                    Inline::Strong(vec![text("three")]),
                    text(" four."),
                ]),
                Block::Paragraph(vec![text("Five.")]),
            ]
        );
    }

    #[test]
    fn links_autolinks_and_email() {
        let b = blocks("[site](https://a.org) <https://b.org> <jo@c.org>");
        let Block::Paragraph(inl) = &b[0] else { panic!() };
        assert_eq!(inl[0], Inline::Link { url: "https://a.org".into(), body: vec![text("site")] });
        assert_eq!(inl[2], Inline::Link { url: "https://b.org".into(), body: vec![text("https://b.org")] });
        assert_eq!(inl[4], Inline::Link { url: "mailto:jo@c.org".into(), body: vec![text("jo@c.org")] });
    }

    #[test]
    fn footnote_defined_after_use_is_inlined() {
        let b = blocks("Text[^1] more.\n\n[^1]: The *note*.\n");
        assert_eq!(
            b,
            vec![Block::Paragraph(vec![
                text("Text"),
                Inline::Footnote {
                    id: 0,
                    body: vec![Block::Paragraph(vec![
                        text("The "),
                        Inline::Emph(vec![text("note")]),
                        text(".")
                    ])]
                },
                text(" more."),
            ])]
        );
    }

    #[test]
    fn undefined_footnote_stays_text() {
        let plain = parse("See [^x].").unwrap().content.plain_text();
        assert_eq!(plain.trim(), "See [^x].");
    }

    #[test]
    fn references_inside_notes_stay_text() {
        let parsed = parse("A[^a]\n\n[^a]: B[^a] and [^b]\n\n[^b]: C\n").unwrap();
        assert_eq!(parsed.content.plain_text().trim(), "A B[^a] and [^b]");
    }

    #[test]
    fn notes_match_labels_without_case_and_repeat_by_number() {
        let b = blocks("A[^Note] B[^note].\n\n[^note]: N.\n");
        let Block::Paragraph(inl) = &b[0] else { panic!() };
        assert!(matches!(&inl[1], Inline::Footnote { id: 0, .. }), "{inl:?}");
        assert_eq!(inl[3], Inline::FootnoteRef(0));
    }

    #[test]
    fn notes_that_reference_each_other_do_not_multiply() {
        // Each note naming the next twice would double at every step if
        // notes were expanded inside notes.
        let mut md = String::from("Start[^n0]\n\n");
        for i in 0..40 {
            md.push_str(&format!("[^n{i}]: [^n{}][^n{}]\n", i + 1, i + 1));
        }
        let parsed = parse(&md).unwrap();
        assert!(parsed.content.plain_text().len() < 100);
    }

    #[test]
    fn tildes_and_pipes_stay() {
        let plain = parse("~~not struck~~ | a | b |").unwrap().content.plain_text();
        assert_eq!(plain.trim(), "~~not struck~~ | a | b |");
    }

    #[test]
    fn linked_image_keeps_no_empty_link() {
        let b = blocks("[![Logo](l.png)](https://x.org)");
        assert_eq!(b.len(), 1, "{b:?}");
        assert!(matches!(b[0], Block::Image(_)));
    }

    #[test]
    fn quote_with_attribution_on_last_line() {
        let b = blocks("> \"We did it.\"\n> — Jane Doe, Director\n");
        assert_eq!(
            b,
            vec![Block::Quote {
                body: vec![Block::Paragraph(vec![text("\"We did it.\"")])],
                attribution: Some(vec![text("Jane Doe, Director")]),
            }]
        );
    }

    #[test]
    fn quote_with_attribution_paragraph_and_double_dash() {
        let b = blocks("> Said *this*.\n>\n> -- **Jo**, CEO\n");
        assert_eq!(
            b,
            vec![Block::Quote {
                body: vec![Block::Paragraph(vec![
                    text("Said "),
                    Inline::Emph(vec![text("this")]),
                    text(".")
                ])],
                attribution: Some(vec![Inline::Strong(vec![text("Jo")]), text(", CEO")]),
            }]
        );
    }

    #[test]
    fn quote_without_attribution() {
        let b = blocks("> Just words\n> over two lines.\n");
        assert_eq!(
            b,
            vec![Block::Quote {
                body: vec![Block::Paragraph(vec![text("Just words over two lines.")])],
                attribution: None
            }]
        );
    }

    #[test]
    fn lists_headings_breaks() {
        let b = blocks("## Facts\n\n3. one\n4. two  \n   next\n\n- a\n- b\n");
        assert_eq!(b[0], Block::Heading { level: 2, body: vec![text("Facts")] });
        assert_eq!(
            b[1],
            Block::List {
                ordered: true,
                start: 3,
                items: vec![
                    vec![Block::Paragraph(vec![text("one")])],
                    vec![Block::Paragraph(vec![text("two"), Inline::LineBreak, text("next")])],
                ]
            }
        );
        assert!(matches!(&b[2], Block::List { ordered: false, items, .. } if items.len() == 2));
    }

    #[test]
    fn tight_list_item_keeps_text_after_emphasis() {
        let b = blocks("1. From the *report*.\n2. Two\n");
        let Block::List { items, .. } = &b[0] else { panic!("{b:?}") };
        assert_eq!(
            items[0],
            vec![Block::Paragraph(vec![text("From the "), Inline::Emph(vec![text("report")]), text(".")])]
        );
    }

    #[test]
    fn image_with_caption_and_credit() {
        let parsed = parse("Before\n\n![A child](photo.jpg \"At school | Photo: Jo / AP\")\n").unwrap();
        let image = Image {
            src: "photo.jpg".into(),
            alt: "A child".into(),
            caption: Some("At school".into()),
            credit: Some("Photo: Jo / AP".into()),
            location: Some(Location { line: 3, column: 1 }),
        };
        assert_eq!(parsed.content.0[1], Block::Image(image.clone()));
        assert_eq!(parsed.images, vec![(image, 8)]);
    }

    #[test]
    fn image_inside_text_splits_paragraph() {
        let b = blocks("Look ![x](a.png) here");
        assert_eq!(b.len(), 3);
        assert!(matches!(b[1], Block::Image(_)));
        assert_eq!(b[2], Block::Paragraph(vec![text(" here")]));
    }

    #[test]
    fn html_and_typst_syntax_are_text() {
        let src = "<b>x</b> #set text(fill: red) $x$ <label> @ref";
        let plain = parse(src).unwrap().content.plain_text();
        assert_eq!(plain.trim(), src);
    }

    #[test]
    fn deep_nesting_is_an_error() {
        let md = ">".repeat(100) + " deep";
        let err = parse(&md).unwrap_err();
        assert!(err.message.contains("nested too deeply"));
        // At the limit it maps (the render of such a text is tested too).
        assert!(parse(&(">".repeat(MAX_NESTING - 2) + " *deep*")).is_ok());
    }
}
