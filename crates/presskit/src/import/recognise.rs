//! Finding the parts of a release in a [`Doc`], by the trade's
//! conventions: an email's headers and signature around it, the letterhead,
//! label, release line or embargo, date, headline and subheadline at the
//! top; the dateline, body, quotes and footnotes; after the end mark the
//! "About" sections, notes to editors and media contacts. What cannot be
//! placed stays in the body and is reported.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::fields::{self, Contact};
use super::plain::note_start;
use super::report::{ImportReport, Passage};
use super::source::{Block, Doc, Kind, Line, collapse};
use super::words::{self, Day};

/// What the brand in use already says, to keep it out of the release.
#[derive(Debug, Default)]
pub(crate) struct BrandFacts {
    pub name: Option<String>,
    pub address: Vec<String>,
    /// Whether the caller gave a brand: then an "About" the brand lacks
    /// stays in the release, since no brand file will hold it.
    pub given: bool,
    /// The titles of the brand's own "About", in each of its languages.
    pub about_titles: Vec<String>,
    pub contacts: Vec<(String, Option<String>)>,
    pub us: bool,
}

/// The parts of a release, found.
#[derive(Debug, Default)]
pub(crate) struct Parts {
    pub label: Option<String>,
    pub headline: Option<String>,
    pub subheadline: Option<String>,
    pub date: Option<Day>,
    pub dateline: Option<String>,
    pub embargo: Option<String>,
    pub lang: Option<String>,
    pub region_us: bool,
    pub end_mark: Option<String>,
    /// Markdown blocks of the body.
    pub body: Vec<String>,
    /// Footnotes: number and Markdown.
    pub notes: Vec<(usize, String)>,
    /// "About" sections of the release: title and Markdown.
    pub abouts: Vec<(String, String)>,
    /// The organisation's own "About", for the brand.
    pub brand_about: Option<(String, String)>,
    /// Letterhead lines, for the brand.
    pub brand_address: Vec<String>,
    pub notes_to_editors: Vec<String>,
    pub contacts: Vec<Contact>,
}

/// The section a heading opens.
#[derive(Debug, Clone, PartialEq)]
enum Section {
    About(String),
    Notes,
    Contacts,
}

/// Mail header names, lower case, in the languages of the labels.
const MAIL_KEYS: &[&str] = &[
    "from",
    "to",
    "cc",
    "bcc",
    "subject",
    "date",
    "sent",
    "reply-to",
    "von",
    "an",
    "betreff",
    "gesendet",
    "datum",
    "kopie",
    "de",
    "à",
    "a",
    "objet",
    "envoyé",
    "date",
    "van",
    "aan",
    "onderwerp",
    "verzonden",
    "para",
    "asunto",
    "enviado",
    "fecha",
    "da",
    "oggetto",
    "inviato",
    "data",
    "assunto",
    "enviada",
];

/// Lines that open a forwarded or quoted message.
const FORWARD: &[&str] = &[
    "begin forwarded message",
    "forwarded message",
    "original message",
    "ursprüngliche nachricht",
    "weitergeleitete nachricht",
    "message d'origine",
    "message d’origine",
    "message transféré",
    "doorgestuurd bericht",
    "oorspronkelijk bericht",
    "mensaje reenviado",
    "mensaje original",
    "messaggio inoltrato",
    "messaggio originale",
    "mensagem encaminhada",
    "mensagem original",
];

pub(crate) fn recognise(doc: Doc, brand: &BrandFacts, report: &mut ImportReport) -> Parts {
    let Doc { blocks, notes, dropped, letterhead, .. } = doc;
    for (text, why) in dropped {
        report.dropped.push(Passage { at: String::new(), text, why });
    }
    let mut blocks: Vec<Block> =
        blocks.into_iter().filter(|b| b.kind == Kind::Rule || !b.is_empty()).collect();
    blocks.retain(|b| {
        let furniture = b.kind != Kind::Rule && words::is_page_furniture(&b.plain());
        if furniture {
            report.drop(b, "page furniture");
        }
        !furniture
    });
    let mut quotation = false;
    let blocks = blocks
        .into_iter()
        .map(|b| {
            // "– Name, role" under a quotation is its attribution.
            let after_quote = std::mem::replace(&mut quotation, fields::is_quotation(&b.plain()));
            if after_quote && fields::attribution(&b.plain()).is_some() { b } else { typed_item(b) }
        })
        .collect();
    let mut r = Recogniser {
        blocks,
        parts: Parts::default(),
        report,
        notes,
        refs: Vec::new(),
        orgs: Vec::new(),
        letterhead,
        pictures: Vec::new(),
        checked_run: 0,
        ref_ids: Default::default(),
    };
    r.run(brand);
    r.parts
}

struct Recogniser<'a> {
    blocks: Vec<Block>,
    parts: Parts,
    report: &'a mut ImportReport,
    /// Footnotes the reader found, by id.
    notes: Vec<super::source::Note>,
    /// Footnote references of the body, in order of first use: the id as
    /// written and whether its text is known yet.
    refs: Vec<(String, bool)>,
    /// The ids of `refs`, to look up.
    ref_ids: std::collections::HashSet<String>,
    /// Organisation names the document gives.
    orgs: Vec<String>,
    /// The letterhead the format keeps apart from the text.
    letterhead: Vec<(String, String)>,
    /// Pictures of the header, put first in the body.
    pictures: Vec<String>,
    /// Where the last run of numbered items checked for footnotes ends.
    checked_run: usize,
}

impl Recogniser<'_> {
    fn run(&mut self, brand: &BrandFacts) {
        if let Some(name) = &brand.name {
            self.orgs.push(name.clone());
        }
        let (start, end) = self.frame();
        let mut i = self.header(start, end, brand);
        self.parts.body.append(&mut self.pictures);
        if self.parts.brand_address.is_empty() {
            self.letterhead(brand);
        }
        i = self.body(i, end);
        self.after(i, end);
        self.footnotes();
        self.language(brand);
        self.brand_parts(brand);
        if self.parts.date.is_none() {
            self.report.missing.push("date: no release date found; add `date: YYYY-MM-DD`".into());
        }
        if self.parts.headline.is_none() {
            self.report.missing.push("headline: no headline found; add `headline:`".into());
        }
    }

    /// The release inside an email: after the last forwarded-message
    /// header near the top, before the signature (`-- `) at the end.
    fn frame(&mut self) -> (usize, usize) {
        let n = self.blocks.len();
        let mut start = 0;
        for (i, b) in self.blocks.iter().enumerate().take(n.div_ceil(2)) {
            if mail_header(b) {
                start = i + 1;
            }
        }
        // "Dear journalist, … please find our release below": a cover
        // note above the label is the email's, not the release's.
        let label_at = self.blocks[start..n.div_ceil(2).max(start)]
            .iter()
            .position(|b| {
                b.lines.first().is_some_and(|l| label(collapse(&l.plain).trim_end_matches(':')).is_some())
            })
            .map(|p| start + p);
        if let Some(at) = label_at
            && self.blocks[start..at].iter().any(|b| {
                let plain = b.plain();
                plain.trim_end().ends_with([',', '.', '!']) && !letterhead(b)
            })
        {
            start = at;
        }
        for b in &self.blocks[..start] {
            self.report.drop(b, "the email around the release");
        }
        // "-- " opens a signature: a block whose first line it is, in the
        // second half of the email.
        let half = start + (n - start) / 2;
        let end = self.blocks[half..]
            .iter()
            .position(|b| b.lines.first().is_some_and(|l| matches!(l.plain.trim(), "--" | "__")))
            .map_or(n, |p| half + p);
        for b in &self.blocks[end..] {
            self.report.drop(b, "the email's signature");
        }
        (start, end)
    }

    /// Letterhead, label, release line, embargo, date, headline and
    /// subheadline; contacts where US releases put them. Returns where the
    /// body starts.
    fn header(&mut self, start: usize, end: usize, brand: &BrandFacts) -> usize {
        let mut i = start;
        let mut marker_seen = false;
        let mut letterhead_done = false;
        while i < end {
            let b = self.blocks[i].clone();
            let plain = b.plain();
            if b.kind == Kind::Rule {
                i += 1;
                continue;
            }
            if self.parts.headline.is_none() && release_number(&plain) {
                self.report.drop(&b, "the release's number");
                i += 1;
                continue;
            }
            if self.header_line(&plain, &b) || self.own_label(&b, i, end) {
                marker_seen = true;
                i += 1;
                continue;
            }
            if let Some((Section::Contacts, rest)) = section(&b)
                && self.parts.headline.is_none()
            {
                let mut groups = vec![rest];
                i += 1;
                while i < end && self.blocks[i].lines.iter().any(|l| fields::has_reach(&l.plain)) {
                    groups.push(self.blocks[i].lines.iter().map(|l| collapse(&l.plain)).collect());
                    i += 1;
                }
                self.take_contacts(&groups, &b.at);
                continue;
            }
            // A picture (a logo, a photo) names no field: it stays, first
            // in the body.
            if plain.trim().is_empty() {
                // Above the headline and the label, a picture is the
                // letterhead's logo (written beside the release all the same).
                if self.parts.headline.is_none() && !marker_seen {
                    self.report.for_brand(&b.at, &b.md(), "letterhead (logo)");
                } else {
                    self.pictures.push(b.md());
                }
                i += 1;
                continue;
            }
            if self.parts.headline.is_none() {
                // Short lines above the label are the letterhead.
                // A bare date below a short line is a headline's date, not
                // a letterhead's: then the block must look like an address.
                let marker_follows = self.blocks[i + 1..end.min(i + 7)].iter().any(|n| is_marker(&n.plain()));
                let label_follows = self.blocks[i + 1..end.min(i + 7)].iter().any(|n| {
                    let p = n.plain();
                    is_marker(&p) && words::date_line(&p, self.parts.region_us).is_none()
                });
                // The brand's own name is letterhead however large.
                let names_brand = b.lines.iter().flat_map(|l| SEPARATOR.split(&l.plain)).any(|piece| {
                    let piece = collapse(piece);
                    brand.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&piece))
                        || brand.address.iter().any(|a| collapse(a).eq_ignore_ascii_case(&piece))
                });
                let looks = letterhead(&b) && (label_follows || address_like(&b)) && !b.bold && !b.large;
                if !marker_seen && !letterhead_done && marker_follows && (looks || names_brand) {
                    // "Org · Street · Town" on one line is three lines.
                    for text in b
                        .lines
                        .iter()
                        .flat_map(|l| SEPARATOR.split(&l.plain))
                        .map(collapse)
                        .filter(|t| !t.is_empty())
                    {
                        let known = brand.address.iter().any(|a| collapse(a).eq_ignore_ascii_case(&text))
                            || brand.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&text));
                        if known {
                            self.report.drop_text(&b.at, &text, "in the brand already");
                        } else {
                            self.parts.brand_address.push(text);
                        }
                    }
                    self.report.for_brand(&b.at, &plain, "letterhead (address)");
                    i += 1;
                    continue;
                }
                letterhead_done = true;
                if plain.chars().count() > 300 || b.kind == Kind::Quote {
                    break;
                }
                self.parts.headline = Some(plain);
                self.report.found("headline", &b.at);
                i += 1;
                continue;
            }
            // "Published 19 March 2026 · Health Sciences" under the headline.
            if self.parts.date.is_none()
                && b.lines.len() == 1
                && let Some(day) = byline(&plain, self.parts.region_us)
            {
                self.parts.date = Some(day);
                self.report.found("date", &b.at);
                self.report.drop(&b, "the byline (the date is kept)");
                i += 1;
                continue;
            }
            if self.parts.subheadline.is_none() && subheadline(&b) && i + 1 < end && section(&b).is_none() {
                self.parts.subheadline = Some(plain);
                self.report.found("subheadline", &b.at);
                i += 1;
                continue;
            }
            break;
        }
        i
    }

    /// "FACT SHEET", "JOINT STATEMENT": a short line in capitals right
    /// above the release line or date is a label of the author's own.
    fn own_label(&mut self, b: &Block, i: usize, end: usize) -> bool {
        if self.parts.label.is_some() || self.parts.headline.is_some() || b.lines.is_empty() {
            return false;
        }
        let first = collapse(&b.lines[0].plain);
        let capitals = first.chars().any(char::is_alphabetic) && !first.chars().any(char::is_lowercase);
        if !capitals || first.split_whitespace().count() > 4 || first.chars().count() > 40 {
            return false;
        }
        let us = self.parts.region_us;
        let rest: Vec<String> = b.lines[1..].iter().map(|l| collapse(&l.plain)).collect();
        let below = if rest.is_empty() {
            self.blocks[i + 1..end]
                .first()
                .is_some_and(|n| is_header_text(&n.plain(), us) || fields::embargo(&n.plain(), us).is_some())
        } else {
            rest.iter().all(|l| is_header_text(l, us) || fields::embargo(l, us).is_some())
        };
        if !below {
            return false;
        }
        self.parts.label = Some(first);
        self.report.found("label", &b.at);
        for line in &rest {
            self.header_text(line, b);
        }
        true
    }

    /// The letterhead of a page header or footer: the brand's address.
    fn letterhead(&mut self, brand: &BrandFacts) {
        for (line, at) in std::mem::take(&mut self.letterhead) {
            for text in SEPARATOR.split(&line).map(collapse).filter(|t| !t.is_empty()) {
                let known = brand.address.iter().any(|a| collapse(a).eq_ignore_ascii_case(&text))
                    || brand.name.as_deref().is_some_and(|n| n.eq_ignore_ascii_case(&text));
                if known {
                    self.report.drop_text(&at, &text, "in the brand already");
                } else {
                    self.parts.brand_address.push(text);
                }
            }
            self.report.for_brand(&at, &line, "letterhead (address)");
        }
    }

    /// A line of the header that is a label, release line, embargo or
    /// date (or several of them: "PRESS RELEASE | 3 March 2026").
    fn header_line(&mut self, plain: &str, b: &Block) -> bool {
        // A block of several lines is header only if each line is.
        if b.lines.len() > 1 {
            let lines: Vec<String> =
                b.lines.iter().map(|l| collapse(&l.plain)).filter(|l| !l.is_empty()).collect();
            let us = self.parts.region_us;
            if !lines.iter().all(|l| fields::embargo(l, us).is_some() || is_header_text(l, us)) {
                return false;
            }
            for line in &lines {
                self.header_text(line, b);
            }
            return true;
        }
        self.header_text(plain, b)
    }

    /// One line of the header: see [`Self::header_line`].
    fn header_text(&mut self, plain: &str, b: &Block) -> bool {
        let us = self.parts.region_us;
        let pieces: Vec<&str> = SEPARATOR.split(plain).map(str::trim).filter(|p| !p.is_empty()).collect();
        let embargo_piece = |p: &str| fields::embargo(p, us).is_some();
        // "EMBARGOED UNTIL … · 24 February 2026": the embargo is one piece;
        // an embargo with a separator in it is the whole line.
        let pieces = if is_header_text(plain, us) {
            pieces
        } else if embargo_piece(plain) {
            vec![plain]
        } else {
            return false;
        };
        for piece in pieces {
            if let Some(e) = fields::embargo(piece, us) {
                if self.parts.embargo.is_none() {
                    self.parts.embargo = Some(e.rfc3339);
                    self.report.found("embargo", &b.at);
                    self.report.assumptions.extend(e.assumed.into_iter().map(|a| format!("{}: {a}", b.at)));
                }
                continue;
            }
            let bare = piece.trim_end_matches(':').trim();
            if let Some((_, lang, usual)) = label(bare) {
                if !usual && self.parts.label.is_none() {
                    self.parts.label = Some(bare.to_string());
                    self.report.found("label", &b.at);
                }
                if lang == "en-US" {
                    self.parts.region_us = true;
                }
            } else if let Some(day) = words::date_line(piece, us) {
                if self.parts.date.is_none() {
                    self.parts.date = Some(day);
                    self.report.found("date", &b.at);
                }
            } else if let Some((place, day)) = words::place_date(piece, us) {
                if self.parts.date.is_none() {
                    self.parts.date = Some(day);
                    self.report.found("date", &b.at);
                }
                if self.parts.dateline.is_none() {
                    self.parts.dateline = Some(place);
                    self.report.found("dateline", &b.at);
                }
            }
        }
        true
    }

    /// The body, up to the end mark or the first section after it.
    fn body(&mut self, mut i: usize, end: usize) -> usize {
        let mut first = true;
        let mut list = false;
        while i < end {
            let b = self.blocks[i].clone();
            let plain = b.plain();
            if let Some(mark) = end_mark(&plain) {
                self.set_end_mark(mark, &b.at);
                return i + 1;
            }
            if section(&b).is_some() || (note_start(&plain) && !self.refs.is_empty()) {
                return i;
            }
            if b.kind == Kind::Rule {
                let next = self.blocks.get(i + 1).filter(|_| i + 1 < end);
                if next.is_none_or(|n| {
                    section(n).is_some() || note_start(&n.plain()) || end_mark(&n.plain()).is_some()
                }) {
                    return i + 1;
                }
                self.report.drop(&b, "a rule between paragraphs");
                i += 1;
                continue;
            }
            // An ordered list that answers the waiting footnote references
            // and closes the body: the footnotes.
            if matches!(b.kind, Kind::Item { ordered: true, .. }) && i >= self.checked_run {
                let waiting = self.refs.iter().filter(|(_, known)| !known).count();
                let run = self.blocks[i..end]
                    .iter()
                    .take_while(|n| matches!(n.kind, Kind::Item { ordered: true, .. }))
                    .count();
                let closes = self.blocks[i + run..end].first().is_none_or(|n| {
                    n.kind == Kind::Rule || section(n).is_some() || end_mark(&n.plain()).is_some()
                });
                if waiting > 0 && run == waiting && closes {
                    return i;
                }
                // Checked once for the whole list, not at each item.
                self.checked_run = i + run;
            }
            let is_item = matches!(b.kind, Kind::Item { .. });
            // Quotes: a quote block, or a quotation with an attribution
            // line after it (or as its last line).
            let next_attr = self
                .blocks
                .get(i + 1)
                .filter(|_| i + 1 < end)
                .and_then(|n| fields::attribution(&n.plain()).map(str::to_string));
            if b.kind == Kind::Quote {
                let mut parts = vec![b.clone()];
                while i + 1 < end && self.blocks[i + 1].kind == Kind::Quote {
                    i += 1;
                    parts.push(self.blocks[i].clone());
                }
                let attr = if next_attr.is_some() && parts.len() == 1 {
                    i += 1;
                    next_attr.map(|a| (a, self.blocks[i].md()))
                } else {
                    None
                };
                let md = quote(&parts, attr.map(|(_, md)| md));
                self.collect_refs(&md);
                self.push_body(md, false, &mut list);
                i += 1;
                first = false;
                continue;
            }
            if b.kind == Kind::Para && fields::is_quotation(&plain) && next_attr.is_some() {
                let attr_md = self.blocks[i + 1].md();
                let md = quote(std::slice::from_ref(&b), Some(attr_md));
                self.collect_refs(&md);
                self.push_body(md, false, &mut list);
                i += 2;
                first = false;
                continue;
            }
            if b.kind == Kind::Para && b.lines.len() > 1 {
                let last = &b.lines[b.lines.len() - 1];
                let head = collapse(
                    &b.lines[..b.lines.len() - 1]
                        .iter()
                        .map(|l| l.plain.as_str())
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                if fields::attribution(&last.plain).is_some() && fields::is_quotation(&head) {
                    let mut q = b.clone();
                    q.lines.pop();
                    let md = quote(&[q], Some(collapse(&last.md)));
                    self.collect_refs(&md);
                    self.push_body(md, false, &mut list);
                    i += 1;
                    first = false;
                    continue;
                }
            }
            let mut md = block_md(&b);
            if first && b.kind == Kind::Para {
                md = self.dateline(&b, md);
            }
            first = false;
            self.collect_refs(&md);
            self.push_body(md, is_item, &mut list);
            i += 1;
        }
        i
    }

    /// Takes the dateline off the first paragraph.
    fn dateline(&mut self, b: &Block, md: String) -> String {
        let plain = b.plain();
        let Some(d) = fields::dateline(&plain, self.parts.region_us) else { return md };
        let Some(rest) = strip_plain_prefix(&md, &plain.chars().take(d.chars).collect::<String>()) else {
            return md;
        };
        self.parts.dateline = Some(d.place);
        self.report.found("dateline", &b.at);
        if d.us {
            self.parts.region_us = true;
        }
        if let Some(day) = d.day
            && self.parts.date.is_none()
        {
            self.parts.date = Some(day);
            self.report.found("date", &b.at);
        }
        rest
    }

    fn push_body(&mut self, md: String, item: bool, list: &mut bool) {
        // A dateline alone on its line leaves nothing.
        if md.trim().is_empty() {
            return;
        }
        if item
            && *list
            && let Some(last) = self.parts.body.last_mut()
        {
            last.push('\n');
            last.push_str(&md);
        } else {
            self.parts.body.push(md);
        }
        *list = item;
    }

    fn set_end_mark(&mut self, mark: String, at: &str) {
        if self.parts.end_mark.is_none() {
            self.parts.end_mark = Some(mark);
            self.report.found("end_mark", at);
        }
    }

    /// Footnote references in body Markdown: `[^id]`, or `\[n\]` as plain
    /// text writes them.
    fn collect_refs(&mut self, md: &str) {
        for c in REF.captures_iter(md) {
            let id = c.get(1).or_else(|| c.get(2)).map(|m| m.as_str().to_string()).unwrap_or_default();
            if self.ref_ids.insert(id.clone()) {
                let known = self.notes.iter().any(|n| n.id == id);
                self.refs.push((id, known));
            }
        }
    }

    /// After the body: "About" sections, notes to editors, contacts,
    /// footnotes; what fits none goes into the body and is reported.
    fn after(&mut self, mut i: usize, end: usize) {
        let mut zone: Option<Section> = None;
        let mut contact_groups: Vec<(Vec<String>, String)> = Vec::new();
        while i < end {
            let b = self.blocks[i].clone();
            let plain = b.plain();
            i += 1;
            if b.kind == Kind::Rule {
                continue;
            }
            if let Some(mark) = end_mark(&plain) {
                self.set_end_mark(mark, &b.at);
                continue;
            }
            if let Some((id, text)) = self.footnote(&b, zone.as_ref()) {
                self.notes.push(super::source::Note { id, md: text, at: b.at.clone() });
                continue;
            }
            if let Some((s, rest)) = section(&b) {
                if let Section::About(title) = &s {
                    self.parts.abouts.push((title.clone(), String::new()));
                    self.report.found(&format!("boilerplates: {title}"), &b.at);
                    if let Some(org) = subject(title) {
                        self.orgs.push(org);
                    }
                }
                if s == Section::Notes {
                    self.report.found("notes_to_editors", &b.at);
                }
                zone = Some(s.clone());
                if !rest.is_empty() {
                    match s {
                        Section::Contacts => contact_groups.push((rest, b.at.clone())),
                        _ => self.add_to_section(&s, escape_lines(&rest)),
                    }
                }
                continue;
            }
            match &zone {
                Some(Section::Contacts) => {
                    // A paragraph of prose after the contacts is not one.
                    if b.lines.len() == 1 && plain.len() > 160 && !fields::has_reach(&plain) {
                        self.unplaced(&b);
                    } else {
                        contact_groups
                            .push((b.lines.iter().map(|l| collapse(&l.plain)).collect(), b.at.clone()));
                    }
                }
                Some(s) => {
                    let s = s.clone();
                    self.add_to_section(&s, block_md(&b));
                }
                None => self.unplaced(&b),
            }
        }
        if !contact_groups.is_empty() {
            let groups: Vec<Vec<String>> = contact_groups.iter().map(|(g, _)| g.clone()).collect();
            let at = contact_groups[0].1.clone();
            self.take_contacts(&groups, &at);
        }
    }

    fn add_to_section(&mut self, s: &Section, md: String) {
        match s {
            Section::About(_) => {
                if let Some((_, body)) = self.parts.abouts.last_mut() {
                    if !body.is_empty() {
                        body.push_str("\n\n");
                    }
                    body.push_str(&md);
                }
            }
            Section::Notes => self.parts.notes_to_editors.push(md),
            Section::Contacts => {}
        }
    }

    /// A footnote's text after the body: `[1] …`, or a numbered item
    /// while references wait for their text.
    fn footnote(&mut self, b: &Block, zone: Option<&Section>) -> Option<(String, String)> {
        let plain = b.plain();
        let waiting = self.refs.iter().position(|(_, known)| !known)?;
        let md = block_text_md(b);
        if note_start(&plain) {
            let id: String = plain[1..].chars().take_while(char::is_ascii_digit).collect();
            let pos = self.refs.iter().position(|(r, _)| *r == id)?;
            self.refs[pos].1 = true;
            let text = md.split_once("\\]").map_or(md.clone(), |(_, t)| t.trim().to_string());
            return Some((id, text));
        }
        // Numbered notes to editors are not footnotes.
        if matches!(b.kind, Kind::Item { ordered: true, .. })
            && zone.is_none_or(|z| !matches!(z, Section::Notes))
        {
            let id = self.refs[waiting].0.clone();
            self.refs[waiting].1 = true;
            return Some((id, md));
        }
        None
    }

    fn unplaced(&mut self, b: &Block) {
        self.report.unplace(b);
        let md = block_md(b);
        self.collect_refs(&md);
        self.parts.body.push(md);
    }

    fn take_contacts(&mut self, groups: &[Vec<String>], at: &str) {
        let found = fields::contacts(groups, &self.orgs);
        if !found.is_empty() {
            self.report.found("contacts", at);
        }
        for c in &found {
            if let Some(org) = &c.org {
                self.orgs.push(org.clone());
            }
        }
        self.parts.contacts.extend(found);
    }

    /// Footnote texts numbered 1, 2, … in the order the body cites them;
    /// references rewritten to match.
    fn footnotes(&mut self) {
        let mut number: HashMap<String, usize> = HashMap::new();
        let ids: std::collections::HashSet<&str> = self.notes.iter().map(|n| n.id.as_str()).collect();
        for (id, _) in &self.refs {
            if ids.contains(id.as_str()) {
                let n = number.len() + 1;
                number.insert(id.clone(), n);
            }
        }
        for md in &mut self.parts.body {
            *md = REF
                .replace_all(md, |c: &regex::Captures| {
                    let id = c.get(1).or_else(|| c.get(2)).map_or("", |m| m.as_str());
                    match number.get(id) {
                        Some(n) => format!("[^{n}]"),
                        // A raised number with no note: "m²", as printed.
                        None if c.get(1).is_some() => raised(id),
                        None => c[0].to_string(),
                    }
                })
                .into_owned();
        }
        let mut notes: Vec<(usize, String, String)> = self
            .notes
            .iter()
            .filter_map(|note| number.get(&note.id).map(|n| (*n, note.md.clone(), note.at.clone())))
            .collect();
        notes.sort_by_key(|(n, _, _)| *n);
        notes.dedup_by_key(|(n, _, _)| *n);
        if let Some((_, _, at)) = notes.first() {
            self.report.found("footnotes", at);
        }
        let notes: Vec<(usize, String)> = notes.into_iter().map(|(n, md, _)| (n, md)).collect();
        self.parts.notes = notes;
    }

    /// The language of the body's words, else of the label; American
    /// English where the release follows US conventions.
    fn language(&mut self, brand: &BrandFacts) {
        let text: String =
            self.parts.body.iter().chain(self.parts.headline.iter()).cloned().collect::<Vec<_>>().join(" ");
        let lang = words::language_of(&text)
            .map(str::to_string)
            .or_else(|| self.label_lang())
            .unwrap_or_else(|| {
                self.report.assumptions.push("the language could not be told: English assumed".into());
                "en".into()
            });
        let us = self.parts.region_us
            || (lang == "en"
                && self.parts.end_mark.as_deref().is_some_and(|m| m == "###" || m.contains("30")));
        self.parts.region_us = us && lang == "en";
        self.parts.lang = Some(if self.parts.region_us { "en-US".into() } else { lang });
        if brand.us && self.parts.region_us {
            self.parts.region_us = false;
        }
        // The end mark is left out where the language and region print it.
        let default = default_end_mark(self.parts.lang.as_deref().unwrap_or("en"), us || brand.us);
        if let Some(mark) = &self.parts.end_mark
            && normal_mark(mark) == normal_mark(default)
        {
            self.parts.end_mark = None;
        }
    }

    fn label_lang(&self) -> Option<String> {
        self.parts
            .label
            .as_deref()
            .and_then(label)
            .map(|(_, l, _)| l.split('-').next().unwrap_or(l).to_string())
    }

    /// The organisation's own "About" goes to the brand: the one about the
    /// brand's or the contacts' organisation.
    fn brand_parts(&mut self, brand: &BrandFacts) {
        let own = |title: &str, orgs: &[String]| {
            let subject = subject(title).unwrap_or_default().to_lowercase();
            !subject.is_empty() && orgs.iter().any(|o| o.to_lowercase() == subject)
        };
        let mut kept = Vec::new();
        // Without a brand, a release's only "About" is its issuer's.
        let single = self.parts.abouts.len() == 1;
        for (title, body) in std::mem::take(&mut self.parts.abouts) {
            let in_brand =
                brand.about_titles.iter().any(|t| collapse(t).eq_ignore_ascii_case(&collapse(&title)));
            if in_brand {
                self.report.drop_text("", &title, "in the brand already");
            } else if self.parts.brand_about.is_none()
                && brand.about_titles.is_empty()
                && !brand.given
                && (own(&title, &self.brand_orgs(brand)) || single)
            {
                self.report.for_brand("", &title, "the organisation's own \"About\"");
                self.parts.brand_about = Some((title, body));
            } else {
                kept.push((title, body));
            }
        }
        self.parts.abouts = kept;
        if !brand.contacts.is_empty() {
            let same = self.parts.contacts.len() == brand.contacts.len()
                && self.parts.contacts.iter().zip(&brand.contacts).all(|(a, (name, email))| {
                    a.name.as_deref() == Some(name.as_str()) && a.email.as_deref() == email.as_deref()
                });
            if same {
                self.report.drop_text("", "media contacts", "the brand's contacts already");
                self.parts.contacts.clear();
            }
        }
    }

    /// Names of the organisation the document is from: the brand's, the
    /// letterhead's first line, the contacts' organisations.
    fn brand_orgs(&self, brand: &BrandFacts) -> Vec<String> {
        let mut orgs: Vec<String> = brand.name.iter().cloned().collect();
        orgs.extend(self.parts.brand_address.first().cloned());
        orgs.extend(self.parts.contacts.iter().filter_map(|c| c.org.clone()));
        orgs
    }
}

/// A footnote reference in Markdown: `[^id]`, or `\[n\]` as plain text
/// writes it.
static REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\[\^([^\]\s]+)\]|\\\[(\d{1,3})\\\]").expect("valid"));

/// " | ", " – ", " — ", " · " between parts of a header line.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+[|–—·•/-]\s+|\s*\|\s*").expect("valid"));

fn header_piece(piece: &str, us: bool) -> bool {
    let bare = piece.trim_end_matches(':').trim();
    label(bare).is_some()
        || immediate(bare)
        || words::date_line(piece, us).is_some()
        || words::place_date(piece, us).is_some()
}

/// "Nr. 14/2026", "Ref: PR-2026-031", "N° 12": the release's number.
fn release_number(plain: &str) -> bool {
    static NUMBER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:nr|no|n°|nº|núm|num|ref|réf|referenz|reference|référence|kenmerk)\.?\s*:?\s*[\w./-]*\d[\w./-]*$").expect("valid")
    });
    NUMBER.is_match(plain.trim())
}

/// A paragraph typed as a list item ("• text", "1. text"): an item.
fn typed_item(mut b: Block) -> Block {
    if b.kind != Kind::Para || b.lines.len() != 1 || end_mark(&b.lines[0].plain).is_some() {
        return b;
    }
    let plain = b.lines[0].plain.clone();
    let Some((kind, rest)) = super::plain::item(&plain) else { return b };
    // "3. März 2026" is a date, not an item.
    if rest.split_whitespace().next().and_then(|w| words::month(w.trim_end_matches([',', '.']))).is_some() {
        return b;
    }
    let start = rest.as_ptr() as usize - plain.as_ptr() as usize;
    let marker = &plain[..start];
    if let Some(md) = strip_plain_prefix(&b.lines[0].md, marker) {
        b.lines[0] = Line { md, plain: rest.to_string() };
        b.kind = kind;
    }
    b
}

/// A web page's byline: a date with a few words ("Published", "Updated
/// on") and short pieces after separators (a department, an author).
fn byline(plain: &str, us: bool) -> Option<words::Day> {
    const PUBLISHED: &[&str] = &[
        "published",
        "posted",
        "updated",
        "publié",
        "mis à jour",
        "veröffentlicht",
        "aktualisiert",
        "gepubliceerd",
        "bijgewerkt",
        "publicado",
        "actualizado",
        "pubblicato",
        "aggiornato",
        "atualizado",
    ];
    let lower = plain.trim_start().to_lowercase();
    if PUBLISHED.iter().any(|p| lower.starts_with(p)) && plain.chars().count() <= 200 {
        return words::find_date(plain, us).map(|(d, _)| d);
    }
    if plain.chars().count() > 120 || plain.trim_end().ends_with('.') {
        return None;
    }
    let pieces: Vec<&str> = SEPARATOR.split(plain).map(str::trim).filter(|p| !p.is_empty()).collect();
    let mut day = None;
    for piece in &pieces {
        if day.is_none()
            && let Some((d, range)) = words::find_date(piece, us)
        {
            let rest = format!("{} {}", &piece[..range.start], &piece[range.end..]);
            if rest.split_whitespace().count() <= 3 {
                day = Some(d);
                continue;
            }
        }
        if piece.split_whitespace().count() > 6 {
            return None;
        }
    }
    day
}

/// A line made only of header pieces.
fn is_header_text(plain: &str, us: bool) -> bool {
    let mut pieces = SEPARATOR.split(plain).map(str::trim).filter(|p| !p.is_empty()).peekable();
    pieces.peek().is_some() && pieces.all(|p| header_piece(p, us) || fields::embargo(p, us).is_some())
}

/// Whether a line names a label, release line, embargo or date: what
/// stands at the top of a release.
fn is_marker(plain: &str) -> bool {
    fields::embargo_rest(plain).is_some() || is_header_text(plain, false)
}

/// A label: its text, language and whether presskit prints it itself.
fn label(text: &str) -> Option<(&'static str, &'static str, bool)> {
    label_exact(text).or_else(|| {
        // "Communiqué de presse commun", "Joint press release": a label
        // with a word of its own is the author's label.
        let words: Vec<&str> = text.split_whitespace().collect();
        if words.len() < 2 || words.len() > 5 {
            return None;
        }
        [&words[..words.len() - 1], &words[1..]]
            .into_iter()
            .find_map(|w| label_exact(&w.join(" ")))
            .map(|(l, lang, _)| (l, lang, false))
    })
}

fn label_exact(text: &str) -> Option<(&'static str, &'static str, bool)> {
    let upper = collapse(text).to_uppercase();
    words::LABELS.iter().find(|(l, _, _)| *l == upper).copied()
}

fn immediate(text: &str) -> bool {
    let upper = collapse(text).to_uppercase();
    words::IMMEDIATE.iter().any(|(l, _)| *l == upper)
}

fn end_mark(plain: &str) -> Option<String> {
    let t = collapse(plain);
    let upper = t.to_uppercase();
    // "– Ende –", "- ENDS -": the mark between dashes.
    let core = upper.trim_matches(['-', '–', '—', ' ']);
    words::END_MARKS.iter().any(|m| *m == upper || *m == core).then_some(t)
}

/// "-ENDS-", "- ENDS -" and "ENDS" are one mark.
fn normal_mark(mark: &str) -> String {
    mark.chars().filter(|c| c.is_alphanumeric() || *c == '#').collect::<String>().to_uppercase()
}

fn default_end_mark(lang: &str, us: bool) -> &'static str {
    if us && lang.starts_with("en") {
        return "###";
    }
    match lang.split('-').next().unwrap_or("en") {
        "fr" | "es" => "FIN",
        "nl" => "EINDE",
        "de" => "ENDE",
        "it" => "FINE",
        "pt" => "FIM",
        _ => "ENDS",
    }
}

/// A heading that opens a section after the body, and the lines that run
/// in after it ("Pressekontakt:\nJonas Petersen", "Notes to editors: …").
fn section(b: &Block) -> Option<(Section, Vec<String>)> {
    if !matches!(b.kind, Kind::Para | Kind::Heading(_)) {
        return None;
    }
    let first = collapse(&b.lines.first()?.plain);
    let mut rest: Vec<String> =
        b.lines[1..].iter().map(|l| collapse(&l.plain)).filter(|l| !l.is_empty()).collect();
    let (head, tail) = match first.split_once(':') {
        Some((h, t))
            if !t.trim().is_empty()
                && (h.split_whitespace().count() <= 5
                    || subject(h.trim()).is_some() && h.split_whitespace().count() <= 10) =>
        {
            (h.trim().to_string(), Some(t.trim().to_string()))
        }
        _ => (first.trim_end_matches([':', '.']).trim().to_string(), None),
    };
    let lower = head.to_lowercase();
    // "**About X:** text": the run-in heading is bold or italic.
    let head_marked = tail.is_some() && b.lines[0].md.starts_with(['*', '_']);
    // "Noot voor de redactie, niet voor publicatie".
    let notes_head = words::NOTES.iter().any(|n| {
        lower.strip_prefix(n).is_some_and(|r| r.is_empty() || r.starts_with(',') || r.starts_with(" ("))
    });
    // "Note: registration is required." is a sentence of the body; a
    // generic word heads notes only as a heading, in bold or alone.
    const GENERIC: &[&str] = &[
        "note",
        "notes",
        "background",
        "notas",
        "noten",
        "hinweise",
        "anmerkungen",
        "opmerkingen",
        "nota bene",
    ];
    let generic = GENERIC.contains(&lower.as_str());
    let headed = tail.is_none() || b.bold || head_marked || matches!(b.kind, Kind::Heading(_));
    let s = if notes_head && (!generic || headed) {
        Section::Notes
    } else if words::CONTACTS.contains(&lower.as_str()) {
        Section::Contacts
    } else if subject(&head).is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase))
        && head.chars().next().is_some_and(char::is_uppercase)
        && head.split_whitespace().count() <= 12
        && (tail.is_some() || !first.trim_end().ends_with('.'))
        && (tail.is_none()
            || b.bold
            || head_marked
            || matches!(b.kind, Kind::Heading(_))
            || b.lines.len() > 1)
    {
        // A heading, not "About 300 people attended."
        Section::About(head.clone())
    } else {
        return None;
    };
    if let Some(t) = tail {
        rest.insert(0, t);
    }
    Some((s, rest))
}

/// The subject of "About Riverkeepers Trust": "Riverkeepers Trust".
pub(crate) fn subject(title: &str) -> Option<String> {
    let lower = title.to_lowercase();
    let subject =
        words::ABOUT.iter().find(|a| lower.starts_with(*a)).and_then(|a| title.get(a.len()..))?.trim();
    // "Über die Stiftung Lesezeit", "À propos de l'Unicef": the name
    // without its article.
    let mut subject = subject;
    for article in [
        "the ", "die ", "der ", "das ", "den ", "het ", "de ", "la ", "le ", "les ", "l'", "l’", "el ",
        "los ", "las ", "il ", "lo ", "os ", "as ", "o ", "a ",
    ] {
        if subject.to_lowercase().starts_with(article) && subject.len() > article.len() {
            subject = subject[article.len()..].trim_start();
            break;
        }
    }
    (!subject.is_empty()).then(|| subject.to_string())
}

/// A forwarded-message marker or a block of mail headers.
fn mail_header(b: &Block) -> bool {
    let first = b.plain().to_lowercase();
    if FORWARD.iter().any(|f| first.trim_matches(['-', ' ', ':', '>', '_']).starts_with(f)) {
        return true;
    }
    let header = |l: &str| {
        l.split_once(':').is_some_and(|(k, v)| {
            MAIL_KEYS.contains(&k.trim().to_lowercase().as_str()) && !v.trim().is_empty()
        })
    };
    let count = b.lines.iter().filter(|l| header(&l.plain)).count();
    count >= 2 && count * 2 >= b.lines.len()
}

/// An address by its look: several lines, or a number (street, postcode,
/// phone), a web or mail address, or parts between separators.
fn address_like(b: &Block) -> bool {
    let plain = b.plain();
    b.lines.len() > 1
        || plain.chars().any(|c| c.is_ascii_digit())
        || plain.contains("www.")
        || plain.contains('@')
        || SEPARATOR.is_match(&plain)
}

/// "2" as a raised "²": a reference with no note, as it was printed.
fn raised(id: &str) -> String {
    if !id.bytes().all(|b| b.is_ascii_digit()) {
        return format!("\\[{id}\\]");
    }
    id.chars()
        .map(|c| match c {
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            d => char::from_u32(0x2070 + d.to_digit(10).unwrap_or(0)).unwrap_or(d),
        })
        .collect()
}

/// Short lines with no sentence in them: an address.
fn letterhead(b: &Block) -> bool {
    matches!(b.kind, Kind::Para | Kind::Row)
        && !b.large
        && b.lines.iter().all(|l| l.plain.chars().count() <= 70 && !l.plain.trim_end().ends_with('.'))
}

fn subheadline(b: &Block) -> bool {
    let plain = b.plain();
    let marked = matches!(b.kind, Kind::Subtitle | Kind::Heading(2..)) || b.italic || b.bold;
    let ends = plain.trim_end().ends_with(['.', '!', '?', '"', '”', '»', '“', ')']);
    plain.chars().count() <= 300
        && fields::dateline(&plain, false).is_none()
        && end_mark(&plain).is_none()
        && b.kind != Kind::Quote
        && (marked || !ends)
}

/// A block as body Markdown.
fn block_md(b: &Block) -> String {
    let md = block_text_md(b);
    match b.kind {
        Kind::Heading(_) | Kind::Subtitle => format!("## {md}"),
        Kind::Item { ordered, depth } => {
            format!("{}{} {md}", "   ".repeat(depth as usize), if ordered { "1." } else { "-" })
        }
        Kind::Quote => format!("> {md}"),
        _ => md,
    }
}

/// A block's Markdown without its kind's marker: lines joined by spaces.
fn block_text_md(b: &Block) -> String {
    b.md()
}

/// A quote of one or more paragraphs, and its attribution.
fn quote(parts: &[Block], attribution: Option<String>) -> String {
    let mut paragraphs: Vec<String> = parts.iter().map(Block::md).collect();
    let mut attribution = attribution;
    // An attribution as the last line of the last paragraph.
    if attribution.is_none()
        && let Some(last) = parts.last()
        && last.lines.len() > 1
        && fields::attribution(&last.lines[last.lines.len() - 1].plain).is_some()
    {
        let head = &last.lines[..last.lines.len() - 1];
        paragraphs.pop();
        paragraphs.push(collapse(&head.iter().map(|l| l.md.as_str()).collect::<Vec<_>>().join(" ")));
        attribution = Some(collapse(&last.lines[last.lines.len() - 1].md));
    } else if attribution.is_none() && paragraphs.len() > 1 {
        let last_plain = parts[parts.len() - 1].plain();
        if fields::attribution(&last_plain).is_some() {
            attribution = paragraphs.pop();
        }
    }
    let mut out = paragraphs.iter().map(|p| format!("> {p}")).collect::<Vec<_>>().join("\n>\n");
    if let Some(a) = attribution {
        let a = a.trim_start_matches(['—', '–', '-', '―', '\\', ' ']);
        out.push_str("\n> — ");
        out.push_str(a);
    }
    out
}

/// Plain lines as Markdown paragraphs.
fn escape_lines(lines: &[String]) -> String {
    super::source::escape(&lines.join(" "))
}

/// `md` without the Markdown that writes `prefix` (plain text): the
/// dateline written in bold, escaped or not.
fn strip_plain_prefix(md: &str, prefix: &str) -> Option<String> {
    let want: Vec<char> = prefix.chars().filter(|c| !c.is_whitespace()).collect();
    let mut matched = 0;
    // Emphasis runs still open: a run that repeats the last one closes it.
    let mut open: Vec<String> = Vec::new();
    let mut run = String::new();
    let close = |run: &mut String, open: &mut Vec<String>| {
        if !run.is_empty() {
            if open.last() == Some(run) {
                open.pop();
            } else {
                open.push(run.clone());
            }
            run.clear();
        }
    };
    let mut chars = md.char_indices().peekable();
    let mut cut = md.len();
    while let Some((at, c)) = chars.next() {
        if matched == want.len() {
            cut = at;
            break;
        }
        if c.is_whitespace() {
            continue;
        }
        if c != '*' && c != '_' {
            close(&mut run, &mut open);
        }
        if c == '\\'
            && let Some(&(_, next)) = chars.peek()
            && next == want[matched]
        {
            chars.next();
            matched += 1;
            continue;
        }
        if c == want[matched] {
            matched += 1;
        } else if c == '*' || c == '_' {
            run.push(c);
        } else {
            return None;
        }
    }
    close(&mut run, &mut open);
    if matched < want.len() {
        return None;
    }
    let markers: String = open.concat();
    let rest = md[cut..].trim_start();
    // Emphasis that closed with the dateline goes with it; emphasis that
    // goes on is opened again.
    let rest = match rest.strip_prefix(markers.as_str()) {
        Some(r) if !markers.is_empty() => r.trim_start().to_string(),
        _ => format!("{markers}{rest}"),
    };
    Some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dateline_comes_off_bold_or_escaped() {
        assert_eq!(
            strip_plain_prefix("**Leeds, 3 March 2026 –** More than", "Leeds, 3 March 2026 – ").as_deref(),
            Some("More than")
        );
        assert_eq!(
            strip_plain_prefix("Brussels — The \\*report", "Brussels — ").as_deref(),
            Some("The \\*report")
        );
        assert_eq!(
            strip_plain_prefix("**Brussels — The report** says", "Brussels — ").as_deref(),
            Some("**The report** says")
        );
        assert_eq!(
            strip_plain_prefix("**Brussels, Belgium**—ECPAT", "Brussels, Belgium—").as_deref(),
            Some("ECPAT")
        );
    }

    #[test]
    fn sections_and_their_run_in_text() {
        let block = |text: &str| {
            Block::new(
                Kind::Para,
                text.lines().map(super::super::source::plain_line).collect(),
                "line 1".into(),
            )
        };
        assert_eq!(section(&block("Notes to editors")).map(|s| s.0), Some(Section::Notes));
        assert_eq!(
            section(&block("Pressekontakt:\nJonas Petersen")),
            Some((Section::Contacts, vec!["Jonas Petersen".into()]))
        );
        assert_eq!(
            section(&block("About Riverkeepers Trust")).map(|s| s.0),
            Some(Section::About("About Riverkeepers Trust".into()))
        );
        assert_eq!(section(&block("About 300 people came to the opening on Sunday.")), None);
        assert_eq!(section(&block("Contact the library for details: it opens at nine")), None);
    }
}
