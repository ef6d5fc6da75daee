//! A document as the readers hand it over: blocks of lines, each line both
//! as Markdown (for the body) and as plain text (for recognising what it
//! is), with the place it came from. Every reader (Word, HTML, text,
//! Markdown) builds this; the recogniser reads only this.

/// A document read from another format.
#[derive(Debug, Default)]
pub(crate) struct Doc {
    pub blocks: Vec<Block>,
    /// Footnotes by the id their references use.
    pub notes: Vec<Note>,
    /// Images the document holds, by the name the Markdown gives them.
    pub images: Vec<Picture>,
    /// What the reader left out, and why (navigation, scripts …).
    pub dropped: Vec<(String, String)>,
    /// The letterhead's lines where the format keeps it apart (a Word
    /// page header or footer, a page's `<address>`), and where.
    pub letterhead: Vec<(String, String)>,
}

/// A paragraph, heading, list item, quote or table row.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    pub kind: Kind,
    pub lines: Vec<Line>,
    /// Where it came from: "paragraph 4", "line 12".
    pub at: String,
    /// Every character bold (a headline typed without styles).
    pub bold: bool,
    /// Every character italic.
    pub italic: bool,
    /// Set larger than the text around it.
    pub large: bool,
}

/// What a block is, as far as its format says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Para,
    /// A heading of level 1–6; a document title is level 0.
    Heading(u8),
    Subtitle,
    Item {
        ordered: bool,
        depth: u8,
    },
    Quote,
    /// A table row, its cells joined by " | ".
    Row,
    /// A thematic break (`----`, `<hr>`).
    Rule,
}

/// One line of a block.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Line {
    /// As Markdown: emphasis, links and footnote references kept, other
    /// text escaped.
    pub md: String,
    /// As plain text, footnote references left out.
    pub plain: String,
}

/// A footnote's text.
#[derive(Debug, Clone)]
pub(crate) struct Note {
    pub id: String,
    pub md: String,
    /// Where the note's text stands in the source.
    pub at: String,
}

/// An image the document holds.
#[derive(Debug, Clone)]
pub(crate) struct Picture {
    pub name: String,
    pub data: Vec<u8>,
}

impl Block {
    pub fn new(kind: Kind, lines: Vec<Line>, at: String) -> Self {
        Self { kind, lines, at, bold: false, italic: false, large: false }
    }

    /// The lines' plain text joined by spaces, whitespace collapsed.
    pub fn plain(&self) -> String {
        collapse(&self.lines.iter().map(|l| l.plain.as_str()).collect::<Vec<_>>().join(" "))
    }

    /// The lines' Markdown joined by spaces.
    pub fn md(&self) -> String {
        collapse(&self.lines.iter().map(|l| l.md.as_str()).collect::<Vec<_>>().join(" "))
    }

    pub fn is_empty(&self) -> bool {
        self.lines.iter().all(|l| l.plain.trim().is_empty() && !l.md.contains("]("))
    }
}

/// Whitespace runs as one space, trimmed.
pub(crate) fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Builds a line from runs of formatted text, merging neighbours of the
/// same format (Word splits runs anywhere) before writing the Markdown.
#[derive(Debug, Default)]
pub(crate) struct LineBuilder {
    runs: Vec<Run>,
}

#[derive(Debug, Clone, PartialEq)]
enum Run {
    Text {
        text: String,
        bold: bool,
        italic: bool,
        link: Option<String>,
    },
    /// Markdown written as is (a footnote reference, an image).
    Raw(String),
}

impl LineBuilder {
    pub fn text(&mut self, text: &str, bold: bool, italic: bool, link: Option<&str>) {
        // Control characters (C1 codes in a Word file) are no text; a tab
        // is a space here.
        let cleaned: String;
        let text = if text.chars().any(char::is_control) {
            cleaned = text
                .chars()
                .filter_map(|c| if c == '\t' { Some(' ') } else { (!c.is_control()).then_some(c) })
                .collect();
            cleaned.as_str()
        } else {
            text
        };
        if text.is_empty() {
            return;
        }
        let link = link.map(str::to_string);
        if let Some(Run::Text { text: last, bold: b, italic: i, link: l }) = self.runs.last_mut()
            && *b == bold
            && *i == italic
            && *l == link
        {
            last.push_str(text);
            return;
        }
        self.runs.push(Run::Text { text: text.to_string(), bold, italic, link });
    }

    /// A footnote reference.
    pub fn note_ref(&mut self, id: &str) {
        self.runs.push(Run::Raw(format!("[^{id}]")));
    }

    /// Markdown that stands as is.
    pub fn raw(&mut self, md: &str) {
        self.runs.push(Run::Raw(md.to_string()));
    }

    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Whether every character of text is bold / italic (`None`: no text).
    pub fn all(&self, bold: bool) -> Option<bool> {
        let mut any = false;
        for run in &self.runs {
            if let Run::Text { text, bold: b, italic: i, .. } = run
                && !text.trim().is_empty()
            {
                any = true;
                if !(if bold { *b } else { *i }) {
                    return Some(false);
                }
            }
        }
        any.then_some(true)
    }

    pub fn finish(self) -> Line {
        let mut line = Line::default();
        for run in self.runs {
            match run {
                Run::Raw(md) => line.md.push_str(&md),
                Run::Text { text, bold, italic, link } => {
                    line.plain.push_str(&text);
                    // Emphasis markers hug the text: spaces stay outside.
                    let core = text.trim();
                    if core.is_empty() {
                        line.md.push_str(&text);
                        continue;
                    }
                    let lead = &text[..text.len() - text.trim_start().len()];
                    let tail = &text[text.trim_end().len()..];
                    let mut md = escape(core);
                    if let Some(url) = link {
                        md = format!("[{md}](<{}>)", url.replace(['<', '>', '\n'], ""));
                    }
                    if italic {
                        md = format!("*{md}*");
                    }
                    if bold {
                        md = format!("**{md}**");
                    }
                    line.md.push_str(lead);
                    line.md.push_str(&md);
                    line.md.push_str(tail);
                }
            }
        }
        line
    }
}

/// Text as Markdown that reads as that text: characters Markdown gives a
/// meaning are escaped.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#' | '|' | '~' | '&' | '$') {
            out.push('\\');
        }
        out.push(c);
    }
    // What starts a list at the start of a line.
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    } else if out.starts_with(['-', '+']) && out[1..].starts_with(' ') || out == "-" || out == "+" {
        out.insert(0, '\\');
    }
    out
}

/// A plain line: all text, no format.
pub(crate) fn plain_line(text: &str) -> Line {
    let mut builder = LineBuilder::default();
    builder.text(text, false, false, None);
    builder.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_one_format_are_merged_and_markers_hug_the_text() {
        let mut b = LineBuilder::default();
        b.text("The ", false, false, None);
        b.text("new ", true, false, None);
        b.text("library ", true, false, None);
        b.text("opens", false, false, None);
        b.note_ref("1");
        b.text(" at ", false, false, None);
        b.text("x.org", false, false, Some("https://x.org"));
        let line = b.finish();
        assert_eq!(line.md, "The **new library** opens[^1] at [x.org](<https://x.org>)");
        assert_eq!(line.plain, "The new library opens at x.org");
    }

    #[test]
    fn markdown_characters_stay_text() {
        assert_eq!(escape("*not* [a](link) #1 <b>"), r"\*not\* \[a\](link) \#1 \<b\>");
        assert_eq!(escape("1. not a list"), r"1\. not a list");
        assert_eq!(escape("- not an item"), r"\- not an item");
        assert_eq!(escape("2026-03-02"), "2026-03-02");
    }
}
