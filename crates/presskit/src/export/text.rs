//! The release as plain text, wrapped at 72 columns: for the body of an
//! email and for pasting into a CMS. Footnotes become `[1]` with the notes
//! after the body; links show their address.

use crate::error::Result;
use crate::model::content::{Block, Inline};
use crate::model::{Brand, Contact, Region, Release};
use crate::present::options::Options;
use crate::present::view::View;

/// Columns a line may take.
const WIDTH: usize = 72;

impl crate::Renderer {
    /// The release as plain text, wrapped at 72 columns, in the language the
    /// options choose (every language in turn with
    /// [`Languages::Combined`](crate::Languages::Combined)): what the PDF
    /// says, for an email body or a wire service.
    pub fn text(&self, release: &Release, brand: &Brand, options: &Options) -> Result<String> {
        text(release, brand, options)
    }
}

/// The release as plain text.
pub(crate) fn text(release: &Release, brand: &Brand, options: &Options) -> Result<String> {
    let views = View::all(release, brand, options)?;
    let parts: Vec<String> = views.iter().map(part).collect();
    Ok(parts.join(&format!("\n{}\n\n", "=".repeat(WIDTH))))
}

fn part(view: &View) -> String {
    let release = &view.release;
    let mut out = Writer::default();
    out.line(&view.label);
    out.line(&view.line);
    out.line(&view.date);
    // The US trade puts the media contacts at the top, as the PDF does.
    if view.region == Region::Us {
        contacts(&mut out, view);
    }
    out.blank();
    out.wrap(&release.headline, "", "");
    if let Some(sub) = &release.subheadline {
        out.blank();
        out.wrap(sub, "", "");
    }
    out.blank();
    let lead = view.dateline.as_ref().map(|(place, sep)| format!("{place}{sep}"));
    out.numbers.clear();
    out.blocks(&release.body.0, "", lead);
    let notes = std::mem::take(&mut out.notes);
    if !notes.is_empty() {
        out.blank();
        out.line("----");
        for (n, body) in notes {
            out.blocks(&body, "    ", Some(format!("[{n}] ")));
        }
    }
    if !view.end_mark.is_empty() {
        out.blank();
        out.line(&view.end_mark);
    }
    for (title, body) in &view.abouts {
        out.blank();
        let title = title.trim();
        let lead = if title.is_empty() || title.ends_with([':', '.']) {
            format!("{title} ")
        } else {
            format!("{title}{} ", view.labels.colon)
        };
        out.numbers.clear();
        out.blocks(&body.0, "", Some(lead.trim_start().to_string()));
    }
    if let Some(notes) = &release.notes_to_editors {
        out.blank();
        out.line(view.labels.notes_to_editors);
        out.blank();
        out.numbers.clear();
        out.blocks(&notes.0, "", None);
    }
    if view.region != Region::Us {
        contacts(&mut out, view);
    }
    let mut text = out.text;
    // The notes of "About" sections and notes to editors.
    if !out.notes.is_empty() {
        let mut more = Writer { next_note: 0, ..Writer::default() };
        more.blank();
        more.line("----");
        for (n, body) in out.notes {
            more.blocks(&body, "    ", Some(format!("[{n}] ")));
        }
        text.push_str(&more.text);
    }
    text
}

/// The media-contact block.
fn contacts(out: &mut Writer, view: &View) {
    if view.contacts.is_empty() {
        return;
    }
    out.blank();
    out.line(view.labels.contact[usize::from(view.contacts.len() > 1)]);
    for contact in &view.contacts {
        out.blank();
        for line in contact_lines(contact) {
            out.line(&line);
        }
    }
}

/// A contact's lines: name, role, organisation, email, phone.
pub(crate) fn contact_lines(contact: &Contact) -> Vec<String> {
    [
        Some(&contact.name),
        contact.role.as_ref(),
        contact.org.as_ref(),
        contact.email.as_ref(),
        contact.phone.as_ref(),
    ]
    .into_iter()
    .flatten()
    .map(|s| s.trim().to_string())
    .filter(|s| !s.is_empty())
    .collect()
}

#[derive(Default)]
struct Writer {
    text: String,
    /// Footnotes met so far, to print after the text: number and body.
    notes: Vec<(usize, Vec<Block>)>,
    next_note: usize,
    /// The numbers given to the notes of the text being written, by their
    /// id in that text: a later reference repeats the number.
    numbers: std::collections::HashMap<usize, usize>,
}

impl Writer {
    fn line(&mut self, line: &str) {
        self.text.push_str(line.trim_end());
        self.text.push('\n');
    }

    fn blank(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    /// Wraps `text` at the width: the first line starts with `first`, the
    /// others with `indent`. Explicit line breaks are kept.
    fn wrap(&mut self, text: &str, first: &str, indent: &str) {
        let mut prefix = first.to_string();
        for (i, hard) in text.split('\n').enumerate() {
            if i > 0 {
                prefix = indent.to_string();
            }
            let mut line = prefix.clone();
            let mut empty = true;
            for word in hard.split(' ').filter(|w| !w.is_empty()) {
                let width = line.chars().count();
                if !empty && width + 1 + word.chars().count() > WIDTH {
                    self.line(&line);
                    line = indent.to_string();
                    empty = true;
                }
                if !empty {
                    line.push(' ');
                }
                line.push_str(word);
                empty = false;
            }
            self.line(&line);
        }
    }

    /// Blocks, each followed by a blank line; `lead` runs into the first
    /// paragraph (a dateline, an "About" title, a note's number).
    fn blocks(&mut self, blocks: &[Block], indent: &str, mut lead: Option<String>) {
        for block in blocks {
            match block {
                Block::Paragraph(inlines) => {
                    let text = format!("{}{}", lead.take().unwrap_or_default(), self.inlines(inlines));
                    let first = if indent.is_empty() { String::new() } else { indent.to_string() };
                    // A note's number hangs in the indent.
                    let (first, rest) = match text.strip_prefix('[') {
                        Some(_) if !indent.is_empty() => (String::new(), indent),
                        _ => (first, indent),
                    };
                    self.wrap(&text, &first, rest);
                }
                Block::Heading { body, .. } => {
                    if let Some(lead) = lead.take() {
                        self.wrap(lead.trim_end(), indent, indent);
                        self.blank();
                    }
                    let heading = self.inlines(body);
                    self.wrap(&heading, indent, indent);
                }
                Block::Quote { body, attribution } => {
                    let inner = format!("{indent}    ");
                    self.blocks(body, &inner, lead.take());
                    if let Some(who) = attribution {
                        // The attribution sits right under the quote.
                        if self.text.ends_with("\n\n") {
                            self.text.pop();
                        }
                        let who = self.inlines(who);
                        self.wrap(&format!("— {who}"), &inner, &inner);
                        self.blank();
                    }
                    continue;
                }
                Block::List { ordered, start, items } => {
                    if let Some(lead) = lead.take() {
                        self.wrap(lead.trim_end(), indent, indent);
                    }
                    for (i, item) in items.iter().enumerate() {
                        let marker =
                            if *ordered { format!("{}. ", *start as usize + i) } else { "- ".into() };
                        let hang = format!("{indent}{}", " ".repeat(marker.chars().count()));
                        let mut text = String::new();
                        for block in item {
                            if let Block::Paragraph(inlines) = block {
                                if !text.is_empty() {
                                    text.push('\n');
                                }
                                text.push_str(&self.inlines(inlines));
                            }
                        }
                        self.wrap(&text, &format!("{indent}{marker}"), &hang);
                        for block in item.iter().filter(|b| !matches!(b, Block::Paragraph(_))) {
                            self.blocks(std::slice::from_ref(block), &hang, None);
                        }
                    }
                }
                Block::Code(code) => {
                    for line in code.lines() {
                        self.line(&format!("{indent}    {line}"));
                    }
                }
                Block::Image(image) => {
                    let parts: Vec<&str> =
                        [Some(image.alt.as_str()), image.caption.as_deref(), image.credit.as_deref()]
                            .into_iter()
                            .flatten()
                            .filter(|s| !s.trim().is_empty())
                            .collect();
                    self.wrap(&format!("[{}]", parts.join(" — ")), indent, indent);
                }
                Block::Rule => self.line(&format!("{indent}----")),
            }
            self.blank();
        }
        if let Some(lead) = lead {
            self.wrap(lead.trim_end(), indent, indent);
            self.blank();
        }
    }

    fn inlines(&mut self, inlines: &[Inline]) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Emph(body) | Inline::Strong(body) => out.push_str(&self.inlines(body)),
                Inline::Link { url, body } => {
                    let text = self.inlines(body);
                    let bare = url.strip_prefix("mailto:").unwrap_or(url);
                    let schemeless = crate::present::look::display_url(bare);
                    if text == schemeless {
                        out.push_str(&text);
                    } else if text.is_empty() || text == *url || text == bare {
                        out.push_str(bare);
                    } else {
                        out.push_str(&format!("{text} <{bare}>"));
                    }
                }
                Inline::Footnote { id, body } => {
                    self.next_note += 1;
                    self.numbers.insert(*id, self.next_note);
                    out.push_str(&format!("[{}]", self.next_note));
                    self.notes.push((self.next_note, body.clone()));
                }
                Inline::FootnoteRef(id) => {
                    // A second reference repeats the first's number (ids
                    // count within one text; the numbers run through all).
                    let number = self.numbers.get(id).copied().unwrap_or(id + 1);
                    out.push_str(&format!("[{number}]"));
                }
                Inline::LineBreak => out.push('\n'),
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Format, Origin};

    fn release(text: &str) -> Release {
        Release::from_text(text, Format::Markdown, Origin::named("r.md")).unwrap()
    }

    #[test]
    fn text_is_wrapped_with_notes_and_links() {
        let r = release(
            "---\nheadline: Library opens\ndate: 2026-03-02\ndateline: Ghent\n\
             contacts: [{name: Ann Lee, email: ann@x.org}]\n---\n\
             The library opens on Sundays, as the council decided after a long debate about the opening hours[^1]. \
             See [the plan](https://x.org/plan) or <https://x.org>.\n\n\
             > \"We are glad.\"\n> — Jo, mayor\n\n- one\n- two\n\n[^1]: In 2025.\n",
        );
        let text = text(&r, &Brand::neutral(), &Options::default()).unwrap();
        assert!(text.lines().all(|l| l.chars().count() <= WIDTH), "{text}");
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Ghent—The library opens on Sundays"), "{text}");
        assert!(flat.contains("hours[1]. See the plan <https://x.org/plan> or https://x.org."), "{text}");
        for expected in [
            "MEDIA RELEASE\nFOR IMMEDIATE RELEASE\n2 March 2026\n\nLibrary opens\n",
            "    \"We are glad.\"\n    — Jo, mayor",
            "- one\n- two",
            "----\n[1] In 2025.\n\nENDS\n",
            "Media contact\n\nAnn Lee\nann@x.org\n",
        ] {
            assert!(text.contains(expected), "`{expected}` not in:\n{text}");
        }
    }
}
