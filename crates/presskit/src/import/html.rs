//! HTML (a newsroom page, an email body) read into a [`Doc`]: the article's
//! content, not the site's navigation, banners or scripts.

use std::sync::LazyLock;

use base64::Engine;
use ego_tree::NodeRef;
use regex::Regex;
use scraper::{ElementRef, Html, Node, Selector};

use super::source::{Block, Doc, Kind, Line, LineBuilder, Note, Picture, collapse};

/// Where a page keeps its article, most specific first.
const ROOTS: &[&str] = &[
    "article",
    "main",
    "[role=main]",
    "[itemprop=articleBody]",
    ".press-release",
    ".pressrelease",
    ".news-release",
    ".release",
    ".article",
    ".post",
    ".entry-content",
    "#content",
    ".content",
];

/// Elements that are never the release.
const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "aside", "form", "button", "iframe", "svg", "select",
    "input", "textarea", "head", "menu", "dialog", "object", "video", "audio", "canvas",
];

/// Class, id or role words of page furniture.
const NOISE: &[&str] = &[
    "download",
    "telechargement",
    "cookie",
    "consent",
    "gdpr",
    "share",
    "social",
    "breadcrumb",
    "related",
    "sidebar",
    "newsletter",
    "navbar",
    "menu",
    "skip",
    "popup",
    "modal",
    "advert",
    "promo",
    "comment",
    "subscribe",
    "toolbar",
    "pagination",
];

const NOISE_ROLES: &[&str] = &["navigation", "banner", "contentinfo", "complementary", "search", "dialog"];

pub(crate) fn read(text: &str) -> Doc {
    let html = Html::parse_document(text);
    let root = article(&html);
    let page_len = root.text().map(str::len).sum();
    let mut reader = Reader {
        doc: Doc::default(),
        page_level: root.value().name() == "body",
        page_len,
        ..Reader::default()
    };
    reader.children(*root);
    reader.flush();
    reader.doc.letterhead = address(&html);
    reader.doc
}

/// The organisation's postal address, where the page gives one: an
/// `<address>` or an element named for it, usually in the page footer.
fn address(html: &Html) -> Vec<(String, String)> {
    // "address", "adresse", "adres", "coordonnées", "Anschrift".
    let css =
        "address, [class*=address], [id*=address], [class*=adres], [class*=coordonn], [class*=anschrift]";
    let Ok(selector) = Selector::parse(css) else { return Vec::new() };
    let Some(e) = html.select(&selector).next() else { return Vec::new() };
    let mut reader = Reader::default();
    reader.children(*e);
    reader.flush();
    reader
        .doc
        .blocks
        .iter()
        .flat_map(|b| b.lines.iter().map(|l| (l.plain.clone(), "the page's address".to_string())))
        .collect()
}

/// The element that holds the release: the largest of the first kind of
/// article container the page has, else the body.
fn article(html: &Html) -> ElementRef<'_> {
    let text_len = |e: &ElementRef| e.text().map(|t| t.trim().len()).sum::<usize>();
    for css in ROOTS {
        let Ok(selector) = Selector::parse(css) else { continue };
        if let Some(best) = html.select(&selector).filter(|e| !noise(e)).max_by_key(text_len)
            && text_len(&best) >= 200
        {
            return best;
        }
    }
    let body = Selector::parse("body").expect("a valid selector");
    html.select(&body).next().unwrap_or_else(|| html.root_element())
}

fn noise(e: &ElementRef) -> bool {
    let el = e.value();
    let words = [el.id().unwrap_or(""), el.attr("class").unwrap_or("")].join(" ").to_lowercase();
    // Whole words of a class or id: "cookie-banner", "site_share", not
    // "tag-social-housing" on an article.
    let named = |w: &str, n: &str| {
        w == n
            || w.strip_prefix(n).is_some_and(|r| r == "s" || r.starts_with(['-', '_']))
            || w.strip_suffix(n).is_some_and(|r| r.ends_with(['-', '_']))
    };
    words.split_whitespace().any(|w| NOISE.iter().any(|n| named(w, n)))
        || el.attr("role").is_some_and(|r| NOISE_ROLES.contains(&r.to_lowercase().as_str()))
        || el.attr("aria-hidden") == Some("true")
        || el.attr("hidden").is_some()
        || el.attr("style").is_some_and(|s| s.replace(' ', "").contains("display:none"))
}

#[derive(Default)]
struct Reader {
    doc: Doc,
    /// The root is the whole body: page headers and footers are furniture.
    page_level: bool,
    kind: Option<Kind>,
    line: LineBuilder,
    lines: Vec<Line>,
    bold: usize,
    italic: usize,
    link: Option<String>,
    lists: Vec<bool>,
    quote: usize,
    cells: Vec<String>,
    count: usize,
    large: bool,
    /// Inside the footnotes: their heading and back links are furniture.
    notes: bool,
    /// Elements open around the one being read.
    depth: usize,
    /// The length of the text of the part of the page read.
    page_len: usize,
}

/// How deep elements are walked; releases nest a dozen levels.
const MAX_DEPTH: usize = 128;

/// A footnotes section: `<section class="footnotes">`, `<ol id="endnotes">`.
fn is_notes(e: &ElementRef) -> bool {
    let el = e.value();
    let words = [el.id().unwrap_or(""), el.attr("class").unwrap_or(""), el.attr("role").unwrap_or("")]
        .join(" ")
        .to_lowercase();
    ["footnote", "endnote", "doc-endnotes"].iter().any(|w| words.contains(w))
}

/// A footnote's number from its id: `fn1`, `fn:1`, `footnote-1`, `ftn1`.
fn note_id(e: &ElementRef) -> Option<String> {
    static ID: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:fn|footnote|endnote|note|ftn|edn)[-_:]?(\d{1,3})$").expect("valid")
    });
    ID.captures(e.value().id()?).map(|c| c[1].to_string())
}

impl Reader {
    fn children(&mut self, node: NodeRef<'_, Node>) {
        for child in node.children() {
            self.node(child);
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>) {
        match node.value() {
            Node::Text(text) => {
                let text = text.replace(['\n', '\r', '\t'], " ");
                if !text.trim().is_empty() || !self.line.is_empty() {
                    let squeezed = squeeze(&text);
                    self.line.text(&squeezed, self.bold > 0, self.italic > 0, self.link.as_deref());
                }
            }
            Node::Element(_) => {
                let Some(e) = ElementRef::wrap(node) else { return };
                self.element(e);
            }
            _ => {}
        }
    }

    fn element(&mut self, e: ElementRef<'_>) {
        // Past this depth a page is hostile, not a release: its text is
        // read flat instead of walked (the walk would exhaust the stack).
        if self.depth >= MAX_DEPTH {
            let text = collapse(&e.text().collect::<String>());
            self.line.text(&text, false, false, None);
            return;
        }
        self.depth += 1;
        self.element_in(e);
        self.depth -= 1;
    }

    fn element_in(&mut self, e: ElementRef<'_>) {
        let name = e.value().name();
        if !self.notes && is_notes(&e) {
            self.notes = true;
            self.element(e);
            self.notes = false;
            return;
        }
        // An element with most of the page's text is the release, whatever
        // its class says.
        let most = |e: &ElementRef| e.text().map(str::len).sum::<usize>() * 2 > self.page_len;
        // (ASP.NET pages wrap the whole body in a form.)
        if (SKIP.contains(&name) && !(name == "form" && most(&e)))
            || (noise(&e) && !most(&e))
            || (self.page_level && matches!(name, "header" | "footer") && !most(&e))
        {
            let text = collapse(&e.text().collect::<String>());
            if !text.is_empty() {
                let what =
                    if SKIP.contains(&name) { format!("<{name}>") } else { "page furniture".to_string() };
                self.doc.dropped.push((text.chars().take(80).collect(), what));
            }
            return;
        }
        match name {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if self.notes => {
                let text = collapse(&e.text().collect::<String>());
                self.doc.dropped.push((text, "the footnotes' heading".into()));
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = name[1..].parse().unwrap_or(2);
                self.block(Kind::Heading(level), e);
            }
            "p" | "div" | "section" | "article" | "main" | "header" | "footer" | "address" | "figure"
            | "figcaption" | "dd" | "dt" | "center" => {
                self.flush();
                // `<li><p>…</p></li>`: the item's paragraph is the item.
                let kind = match self.kind {
                    _ if self.quote > 0 => Kind::Quote,
                    Some(item @ Kind::Item { .. }) => item,
                    _ => Kind::Para,
                };
                let large = e.value().attr("style").is_some_and(big_font);
                self.large = large;
                self.block(kind, e);
            }
            "blockquote" => {
                self.flush();
                self.quote += 1;
                self.block(Kind::Quote, e);
                self.quote -= 1;
            }
            "ul" | "ol" => {
                self.flush();
                self.lists.push(name == "ol");
                self.children(*e);
                self.lists.pop();
            }
            "li" if note_id(&e).is_some() => {
                self.flush();
                let mut inner = Reader { notes: true, ..Reader::default() };
                inner.children(*e);
                inner.flush();
                let md: Vec<String> = inner.doc.blocks.iter().map(|b| b.md()).collect();
                let md = collapse(&md.join(" "));
                if !md.is_empty() {
                    self.count += 1;
                    let at = format!("block {}", self.count);
                    self.doc.notes.push(Note { id: note_id(&e).unwrap_or_default(), md, at });
                }
            }
            "li" => {
                self.flush();
                let depth = self.lists.len().saturating_sub(1) as u8;
                let ordered = *self.lists.last().unwrap_or(&false);
                self.block(Kind::Item { ordered, depth }, e);
            }
            // A table laid out with paragraphs in its cells (an email's
            // layout) holds blocks, not a row of data.
            "tr" if e.descendants().filter_map(ElementRef::wrap).any(|d| {
                matches!(
                    d.value().name(),
                    "p" | "div" | "h1" | "h2" | "h3" | "ul" | "ol" | "table" | "blockquote" | "br"
                )
            }) =>
            {
                self.flush();
                for cell in e.child_elements() {
                    self.children(*cell);
                    self.flush();
                }
            }
            "tr" => {
                self.flush();
                self.cells.clear();
                for cell in e.child_elements().filter(|c| matches!(c.value().name(), "td" | "th")) {
                    let mut inner = Reader::default();
                    inner.children(*cell);
                    inner.lines.push(inner.line.finish());
                    let md: Vec<String> = inner.lines.iter().map(|l| l.md.clone()).collect();
                    self.cells.push(collapse(&md.join(" ")));
                }
                let md = self.cells.join(" \\| ");
                let plain = collapse(&md.replace("\\|", "|").replace('\\', ""));
                self.count += 1;
                self.doc.blocks.push(Block::new(
                    Kind::Row,
                    vec![Line { md, plain }],
                    format!("block {}", self.count),
                ));
            }
            "br" => {
                let line = std::mem::take(&mut self.line).finish();
                self.lines.push(line);
            }
            "hr" => {
                self.flush();
                self.count += 1;
                self.doc.blocks.push(Block::new(Kind::Rule, Vec::new(), format!("block {}", self.count)));
            }
            "strong" | "b" => {
                self.bold += 1;
                self.children(*e);
                self.bold -= 1;
            }
            // `<blockquote><p>…</p><cite>Name</cite></blockquote>`: the
            // attribution, on a line of its own.
            "cite"
                if self.quote > 0
                    && e.parent()
                        .and_then(ElementRef::wrap)
                        .is_some_and(|p| p.value().name() == "blockquote") =>
            {
                self.flush();
                self.kind = Some(Kind::Quote);
                self.line.text("— ", false, false, None);
                self.children(*e);
                self.flush();
            }
            "em" | "i" | "cite" => {
                self.italic += 1;
                self.children(*e);
                self.italic -= 1;
            }
            // The way back from a footnote to its reference.
            "a" if self.notes && e.value().attr("href").is_some_and(|h| h.starts_with('#')) => {}
            "a" => {
                let href = e.value().attr("href").map(str::trim).filter(|h| {
                    !h.is_empty() && !h.starts_with('#') && !h.to_ascii_lowercase().starts_with("javascript:")
                });
                let before = self.link.take();
                self.link = href.map(str::to_string).or(before.clone());
                self.children(*e);
                self.link = before;
            }
            "sup" => {
                let text = collapse(&e.text().collect::<String>());
                let number = text.trim_matches(['[', ']']);
                if !number.is_empty() && number.len() <= 3 && number.chars().all(|c| c.is_ascii_digit()) {
                    self.line.note_ref(number);
                } else {
                    self.children(*e);
                }
            }
            "img" => self.image(e),
            _ => self.children(*e),
        }
    }

    /// The element's content as one block of `kind`; blocks inside it
    /// (a `div` of paragraphs) become blocks of their own.
    fn block(&mut self, kind: Kind, e: ElementRef<'_>) {
        self.kind = Some(kind);
        self.children(*e);
        self.flush();
    }

    fn flush(&mut self) {
        if !self.line.is_empty() {
            let line = std::mem::take(&mut self.line).finish();
            self.lines.push(line);
        }
        let lines: Vec<Line> = std::mem::take(&mut self.lines)
            .into_iter()
            .map(|l| Line { md: l.md.trim().to_string(), plain: collapse(&l.plain) })
            .filter(|l| !l.md.is_empty())
            .collect();
        let kind = self.kind.unwrap_or(Kind::Para);
        if lines.is_empty() {
            return;
        }
        self.count += 1;
        let mut block = Block::new(kind, lines, format!("block {}", self.count));
        block.large = std::mem::take(&mut self.large);
        block.bold = block.lines.iter().all(|l| is_all_bold(&l.md));
        block.italic = block
            .lines
            .iter()
            .all(|l| l.md.starts_with('*') && !l.md.starts_with("**") && l.md.ends_with('*'));
        self.doc.blocks.push(block);
        self.kind = None;
    }

    fn image(&mut self, e: ElementRef<'_>) {
        let alt = e.value().attr("alt").unwrap_or("").trim().to_string();
        let src = e.value().attr("src").unwrap_or("");
        if let Some((mime, data)) = data_url(src) {
            let ext = match mime.as_str() {
                "image/jpeg" => "jpg",
                "image/gif" => "gif",
                "image/webp" => "webp",
                "image/svg+xml" => "svg",
                _ => "png",
            };
            let name = format!("image-{}.{ext}", self.doc.images.len() + 1);
            self.line.raw(&format!("![{}]({name})", super::source::escape(&alt)));
            self.doc.images.push(Picture { name, data });
        } else if !src.is_empty() {
            self.doc.dropped.push((format!("{src} ({alt})"), "image on the web, not fetched".into()));
        }
    }
}

/// HTML whitespace: runs as one space.
fn squeeze(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out
}

fn is_all_bold(md: &str) -> bool {
    md.starts_with("**") && md.ends_with("**") && md.len() > 4 && !md[2..md.len() - 2].contains("**")
}

/// `font-size` of 20px, 1.5em or more.
fn big_font(style: &str) -> bool {
    let style = style.replace(' ', "").to_lowercase();
    let Some(at) = style.find("font-size:") else { return false };
    let value = &style[at + 10..];
    let number: String = value.chars().take_while(|c| c.is_ascii_digit() || *c == '.').collect();
    let Ok(n) = number.parse::<f32>() else { return false };
    let unit = &value[number.len()..];
    (unit.starts_with("px") && n >= 20.0)
        || (unit.starts_with("pt") && n >= 15.0)
        || (unit.starts_with("em") && n >= 1.4)
}

/// The media type and bytes of a `data:` URL.
fn data_url(src: &str) -> Option<(String, Vec<u8>)> {
    let rest = src.strip_prefix("data:")?;
    let (meta, data) = rest.split_once(',')?;
    let mime = meta.split(';').next().unwrap_or("").to_lowercase();
    if !meta.ends_with(";base64") || !mime.starts_with("image/") {
        return None;
    }
    let bytes = base64::engine::general_purpose::STANDARD.decode(data.trim()).ok()?;
    Some((mime, bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_article_without_the_page_around_it() {
        let page = r##"<html><head><script>track()</script></head><body>
            <header><nav><a href="/">Home</a> <a href="/news">News</a></nav></header>
            <div id="cookie-banner">We use cookies. <button>Accept</button></div>
            <main><article>
              <h1>Museum reopens after two years</h1>
              <p><strong>GHENT, 3 March 2026</strong> — The museum reopens<sup><a href="#fn1">1</a></sup> on
                 <a href="https://museum.example/visit">Saturday</a>.</p>
              <blockquote><p>"We are ready," said the director.</p></blockquote>
              <ul><li>Free entry</li><li>New café</li></ul>
              <p>Long enough text to be the article of this page, without doubt, and more words here.</p>
            </article>
            <aside class="related"><article><h2>Other news</h2></article></aside></main>
            <footer>Museum Street 1 · Privacy</footer></body></html>"##;
        let doc = read(page);
        let got: Vec<(Kind, String)> = doc.blocks.iter().map(|b| (b.kind, b.md())).collect();
        assert_eq!(got[0], (Kind::Heading(1), "Museum reopens after two years".into()));
        assert_eq!(
            got[1].1,
            "**GHENT, 3 March 2026** — The museum reopens[^1] on [Saturday](<https://museum.example/visit>)."
        );
        assert_eq!(got[2], (Kind::Quote, "\"We are ready,\" said the director.".into()));
        assert_eq!(got[3].0, Kind::Item { ordered: false, depth: 0 });
        assert!(
            !got.iter().any(|(_, t)| t.contains("cookies") || t.contains("Home") || t.contains("Other news"))
        );
    }
}
