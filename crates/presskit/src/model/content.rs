//! Rich text as structured data: the blocks and inline runs that Markdown
//! maps to and that the template turns into content. Nothing here is markup:
//! every string is shown as the characters it holds.

use serde::Serialize;

use crate::error::Location;

/// A piece of rich text: a sequence of blocks.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Content(pub Vec<Block>);

impl Content {
    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// All text of the content, with blocks separated by newlines: for
    /// checks and tests that look at what a reader sees.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        for block in &self.0 {
            block.plain_text(&mut out);
        }
        out
    }

    /// Every image, at every depth (footnotes included), in order.
    pub fn images(&self) -> Vec<&Image> {
        fn blocks<'a>(bs: &'a [Block], out: &mut Vec<&'a Image>) {
            for b in bs {
                match b {
                    Block::Image(image) => out.push(image),
                    Block::Paragraph(c) | Block::Heading { body: c, .. } => inlines(c, out),
                    Block::Quote { body, .. } => blocks(body, out),
                    Block::List { items, .. } => items.iter().for_each(|i| blocks(i, out)),
                    Block::Code(_) | Block::Rule => {}
                }
            }
        }
        fn inlines<'a>(is: &'a [Inline], out: &mut Vec<&'a Image>) {
            for i in is {
                match i {
                    Inline::Emph(c) | Inline::Strong(c) | Inline::Link { body: c, .. } => inlines(c, out),
                    Inline::Footnote { body, .. } => blocks(body, out),
                    Inline::Text(_) | Inline::Code(_) | Inline::LineBreak | Inline::FootnoteRef(_) => {}
                }
            }
        }
        let mut out = Vec::new();
        blocks(&self.0, &mut out);
        out
    }

    /// Calls `on_block` and `on_inline` on every block and inline run, at
    /// every depth (footnotes included), to rewrite them in place.
    pub(crate) fn visit_mut(
        &mut self,
        on_block: &mut dyn FnMut(&mut Block),
        on_inline: &mut dyn FnMut(&mut Inline),
    ) {
        fn blocks(bs: &mut [Block], ob: &mut dyn FnMut(&mut Block), oi: &mut dyn FnMut(&mut Inline)) {
            for b in bs {
                ob(b);
                match b {
                    Block::Paragraph(c) | Block::Heading { body: c, .. } => inlines(c, ob, oi),
                    Block::Quote { body, attribution } => {
                        blocks(body, ob, oi);
                        if let Some(a) = attribution {
                            inlines(a, ob, oi);
                        }
                    }
                    Block::List { items, .. } => items.iter_mut().for_each(|i| blocks(i, ob, oi)),
                    Block::Code(_) | Block::Image(_) | Block::Rule => {}
                }
            }
        }
        fn inlines(is: &mut [Inline], ob: &mut dyn FnMut(&mut Block), oi: &mut dyn FnMut(&mut Inline)) {
            for i in is {
                oi(i);
                match i {
                    Inline::Emph(c) | Inline::Strong(c) | Inline::Link { body: c, .. } => inlines(c, ob, oi),
                    Inline::Footnote { body, .. } => blocks(body, ob, oi),
                    Inline::Text(_) | Inline::Code(_) | Inline::LineBreak | Inline::FootnoteRef(_) => {}
                }
            }
        }
        blocks(&mut self.0, on_block, on_inline);
    }
}

/// A block of rich text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", content = "c", rename_all = "kebab-case")]
pub enum Block {
    /// A paragraph.
    Paragraph(Vec<Inline>),
    /// A subheading (`##` in Markdown); level 1 is the largest.
    Heading {
        /// 1 to 6.
        level: u8,
        /// The heading's text.
        body: Vec<Inline>,
    },
    /// A block quote, with the speaker if its last line names one.
    Quote {
        /// What is quoted.
        body: Vec<Block>,
        /// Who said it (the quote's last line, when it starts with `—` or `--`).
        attribution: Option<Vec<Inline>>,
    },
    /// A bulleted or numbered list.
    List {
        /// Numbered (`true`) or bulleted.
        ordered: bool,
        /// The first number of a numbered list.
        start: u64,
        /// The items, each a sequence of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block of code or preformatted text, shown as written (line breaks
    /// and spaces kept).
    #[serde(rename = "code-block")]
    Code(String),
    /// An image with alt text, caption and credit.
    Image(Image),
    /// A thematic break (`---` in Markdown).
    Rule,
}

/// An inline run of rich text.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "t", content = "c", rename_all = "kebab-case")]
pub enum Inline {
    /// Plain text.
    Text(String),
    /// Emphasis (italic).
    Emph(Vec<Inline>),
    /// Strong emphasis (bold).
    Strong(Vec<Inline>),
    /// Inline code, shown as written.
    Code(String),
    /// A link; `url` is `https://…`, `mailto:…` or `tel:…` (other targets
    /// are printed as text).
    Link {
        /// Where the link goes.
        url: String,
        /// The link's text.
        body: Vec<Inline>,
    },
    /// A footnote, placed at the foot of the page. `id` numbers the notes
    /// of one text from 0.
    Footnote {
        /// Identifies the note for later references to it.
        id: usize,
        /// The note's text.
        body: Vec<Block>,
    },
    /// A second reference to a footnote already given: shows its number.
    FootnoteRef(usize),
    /// A forced line break.
    LineBreak,
}

/// An image in rich text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Image {
    /// The path as written, relative to the file that names it.
    pub src: String,
    /// Alternative text for readers who cannot see the image.
    pub alt: String,
    /// What the image shows.
    pub caption: Option<String>,
    /// Who took or owns it ("Photo: Name / Agency").
    pub credit: Option<String>,
    /// Where the image is named in its file, when known; for messages.
    #[serde(skip)]
    pub location: Option<Location>,
}

impl Block {
    fn plain_text(&self, out: &mut String) {
        match self {
            Block::Paragraph(inlines) | Block::Heading { body: inlines, .. } => {
                inlines_text(inlines, out);
            }
            Block::Quote { body, attribution } => {
                for block in body {
                    block.plain_text(out);
                }
                if let Some(attribution) = attribution {
                    inlines_text(attribution, out);
                }
            }
            Block::List { items, .. } => {
                for item in items {
                    for block in item {
                        block.plain_text(out);
                    }
                }
            }
            Block::Code(text) => out.push_str(text),
            Block::Image(image) => {
                for part in [&image.caption, &image.credit].into_iter().flatten() {
                    out.push_str(part);
                    out.push(' ');
                }
            }
            Block::Rule => {}
        }
        out.push('\n');
    }
}

/// The text of inline runs; footnotes are included, set off by spaces.
pub(crate) fn inlines_text(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(text) | Inline::Code(text) => out.push_str(text),
            Inline::Emph(c) | Inline::Strong(c) => inlines_text(c, out),
            Inline::Link { body, .. } => inlines_text(body, out),
            Inline::Footnote { body, .. } => {
                out.push(' ');
                for block in body {
                    block.plain_text(out);
                }
            }
            Inline::LineBreak => out.push('\n'),
            Inline::FootnoteRef(_) => {}
        }
    }
}

/// Whether a link target is one a reader may follow, in every output: a web
/// page, an email address or a phone number. Any other target
/// (`javascript:`, `file:`, `data:`, a path) is shown as its text only.
pub(crate) fn followable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "tel:"].iter().any(|scheme| lower.starts_with(scheme))
}
