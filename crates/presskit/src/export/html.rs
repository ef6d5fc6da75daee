//! The release as email-safe HTML: one column, inline styles, brand colours
//! and fonts with safe fallbacks, images as PNG or JPEG. Every piece of user
//! text is escaped; only http(s), mailto and tel links become links.

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::error::{Error, ErrorKind, Result};
use crate::export::text::contact_lines;
use crate::input::images::{self, Bounds, ImageKind};
use crate::model::content::{Block, Content, Inline};
use crate::model::{Asset, Brand, Release};
use crate::present::look::{LOGO_ALT_FALLBACK, Palette, display_url, logo_alt, tel_link, web_link};
use crate::present::options::Options;
use crate::present::view::View;

/// How the HTML refers to its images.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ImageRefs {
    /// `data:` URLs: one self-contained file.
    Embedded,
    /// `cid:` references to parts of an email.
    ContentIds,
}

/// An image the HTML shows, for an email to carry.
pub(crate) struct HtmlImage {
    pub cid: String,
    pub name: String,
    pub mime: &'static str,
    pub data: Vec<u8>,
}

impl crate::Renderer {
    /// The release as one self-contained, email-safe HTML file: the same
    /// presentation as the PDF (labels, release line, dateline, notes,
    /// contacts), the language the options choose (every language in turn
    /// with [`Languages::Combined`](crate::Languages::Combined)), images
    /// embedded at the options' resolution.
    pub fn html(&self, release: &Release, brand: &Brand, options: &Options) -> Result<String> {
        Ok(html_with(release, brand, options, ImageRefs::Embedded)?.0)
    }
}

/// The HTML, and the images it refers to by content id.
pub(crate) fn html_with(
    release: &Release,
    brand: &Brand,
    options: &Options,
    refs: ImageRefs,
) -> Result<(String, Vec<HtmlImage>)> {
    let views = View::all(release, brand, options)?;
    let mut out = Page {
        refs,
        images: Vec::new(),
        sources: BTreeMap::new(),
        style: Style::new(brand),
        limits: release.origin.sandbox.limits.clone(),
    };
    let lang = views[0].release.lang.as_str().to_string();
    let mut html = String::new();
    let _ = writeln!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\"{}>\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light\">\n<title>{}</title>\n</head>\n\
         <body style=\"margin:0;padding:0;background-color:#f3f4f6;\">",
        esc(&lang),
        dir(&views[0]),
        esc(&views[0].release.headline)
    );
    for (i, view) in views.iter().enumerate() {
        if i > 0 {
            html.push_str(
                "<hr style=\"max-width:640px;margin:0 auto;border:0;border-top:1px solid #d0d0d0;\">\n",
            );
        }
        out.part(view, release, brand, &mut html)?;
    }
    html.push_str("</body>\n</html>\n");
    Ok((html, out.images))
}

fn dir(view: &View) -> &'static str {
    match view.release.lang.language().as_str() {
        "ar" | "he" | "fa" | "ur" | "yi" | "ps" | "sd" | "ug" | "dv" | "ckb" => " dir=\"rtl\"",
        _ => "",
    }
}

struct Style {
    primary: String,
    secondary: String,
    fg: String,
    heading: String,
    serif: String,
    sans: String,
}

impl Style {
    fn new(brand: &Brand) -> Self {
        let palette = Palette::of(brand);
        let family = |f: &Option<String>, default: &str| {
            // Only letters, digits, spaces and hyphens reach the CSS.
            let name: String = f
                .as_deref()
                .unwrap_or(default)
                .chars()
                .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-')
                .collect();
            name.trim().to_string()
        };
        Self {
            secondary: palette.secondary,
            fg: palette.foreground,
            heading: palette.heading,
            // The body's family as in the PDF: the brand's, else the
            // theme's (sans for the modern theme), with a like fallback.
            serif: {
                let theme = brand.layout.settings().text_family;
                let stack = if theme.contains("Sans") {
                    "Helvetica,Arial,sans-serif"
                } else {
                    "Georgia,'Times New Roman',serif"
                };
                format!("'{}',{stack}", family(&brand.base.family, theme))
            },
            sans: format!(
                "'{}',Helvetica,Arial,sans-serif",
                family(&brand.headings.family, crate::typeset::data::DEFAULT_HEADING_FAMILY)
            ),
            primary: palette.primary,
        }
    }
}

struct Page {
    refs: ImageRefs,
    images: Vec<HtmlImage>,
    /// Image name → its `src`, so an image shown twice is carried once.
    sources: BTreeMap<String, String>,
    style: Style,
    /// The caller's limits, as the PDF keeps them.
    limits: crate::sandbox::Limits,
}

impl Page {
    fn part(&mut self, view: &View, original: &Release, brand: &Brand, html: &mut String) -> Result<()> {
        let s = &self.style;
        let (primary, fg, sans, serif) = (s.primary.clone(), s.fg.clone(), s.sans.clone(), s.serif.clone());
        let release = &view.release;
        let _ = writeln!(
            html,
            "<div lang=\"{}\"{} style=\"max-width:640px;margin:0 auto;padding:24px 20px;background-color:#ffffff;\
             font-family:{serif};font-size:16px;line-height:1.55;color:{fg};\
             overflow-wrap:anywhere;word-wrap:break-word;\">",
            esc(release.lang.as_str()),
            dir(view)
        );

        // Letterhead: logo or name, then the address in small type.
        let _ = writeln!(
            html,
            "<div style=\"border-bottom:3px solid {primary};padding-bottom:12px;margin-bottom:20px;\">"
        );
        match &brand.logo {
            Some(logo) => {
                let alt = logo_alt(brand).unwrap_or_else(|| LOGO_ALT_FALLBACK.into());
                let bounds = Bounds { width: 300.0, height: 36.0 };
                let src = self.image(&logo.image, bounds, brand.origin.as_ref().map(|o| o.name.as_path()))?;
                let _ = writeln!(
                    html,
                    "<img src=\"{}\" alt=\"{}\" height=\"48\" style=\"height:48px;width:auto;border:0;display:block;\">",
                    esc(&src),
                    esc(&alt)
                );
            }
            None => {
                if let Some(name) = &brand.name {
                    let _ = writeln!(
                        html,
                        "<p style=\"margin:0;font-family:{sans};font-size:20px;font-weight:bold;color:{primary};\">{}</p>",
                        esc(name)
                    );
                }
            }
        }
        let mut small: Vec<String> = Vec::new();
        if brand.logo.is_some()
            && let Some(name) = &brand.name
        {
            small.push(format!("<strong>{}</strong>", esc(name)));
        }
        small.extend(brand.address.iter().map(|l| esc(l)));
        if let Some(link) = web_link(brand.link.as_deref()) {
            small.push(link_html(&link, &esc(&display_url(&link)), &primary));
        }
        if !small.is_empty() {
            let _ = writeln!(
                html,
                "<p style=\"margin:8px 0 0;font-family:{sans};font-size:12px;line-height:1.5;color:#6b6b6b;\">{}</p>",
                small.join(" · ")
            );
        }
        html.push_str("</div>\n");

        // Label, release line and date, headline.
        let line_color = if release.embargo.is_some() { self.style.secondary.clone() } else { fg.clone() };
        let _ = writeln!(
            html,
            "<p style=\"margin:0;font-family:{sans};font-size:13px;font-weight:bold;letter-spacing:0.12em;color:{primary};\">{}</p>\n\
             <p style=\"margin:4px 0 20px;font-family:{sans};font-size:13px;color:{fg};\"><strong style=\"color:{line_color};\">{}</strong> · {}</p>",
            esc(&view.label),
            esc(&view.line),
            esc(&view.date)
        );
        if release.region == Some(crate::model::Region::Us) || view.region == crate::model::Region::Us {
            self.contacts(view, html, true);
        }
        let heading = self.style.heading.clone();
        let _ = writeln!(
            html,
            "<h1 style=\"margin:0 0 8px;font-family:{sans};font-size:26px;line-height:1.25;color:{heading};\">{}</h1>",
            esc(&release.headline)
        );
        if let Some(sub) = &release.subheadline {
            let _ = writeln!(
                html,
                "<p style=\"margin:0 0 20px;font-family:{sans};font-size:18px;line-height:1.4;color:#5a5a5a;\">{}</p>",
                esc(sub)
            );
        }

        // Body, with the dateline run in, then its notes.
        let mut notes = Notes::default();
        let lead =
            view.dateline.as_ref().map(|(place, sep)| format!("<strong>{}</strong>{}", esc(place), esc(sep)));
        let origin = Some(original.origin.name.as_path());
        self.blocks(&release.body, lead, &mut notes, html, original, origin)?;
        notes.write(self, html, original)?;

        if !view.end_mark.is_empty() {
            let _ = writeln!(
                html,
                "<p style=\"margin:28px 0;text-align:center;font-family:{sans};font-weight:bold;letter-spacing:0.2em;\">{}</p>",
                esc(&view.end_mark)
            );
        }
        for (i, (title, body)) in view.abouts.iter().enumerate() {
            let title = title.trim();
            let lead = if title.is_empty() {
                None
            } else if title.ends_with([':', '.']) {
                Some(format!("<strong>{}</strong> ", esc(title)))
            } else {
                Some(format!("<strong>{}{}</strong> ", esc(title), esc(view.labels.colon)))
            };
            let origin = if i == 0 && view.brand_about {
                brand.origin.as_ref().map(|o| o.name.as_path())
            } else {
                Some(original.origin.name.as_path())
            };
            html.push_str("<div style=\"font-size:14px;\">\n");
            let mut notes = Notes::default();
            self.blocks(body, lead, &mut notes, html, original, origin)?;
            notes.write(self, html, original)?;
            html.push_str("</div>\n");
        }
        if let Some(n) = &release.notes_to_editors {
            let _ = writeln!(
                html,
                "<h2 style=\"margin:24px 0 8px;font-family:{sans};font-size:17px;color:{heading};\">{}</h2>\n<div style=\"font-size:14px;\">",
                esc(view.labels.notes_to_editors)
            );
            let mut notes = Notes::default();
            self.blocks(n, None, &mut notes, html, original, Some(original.origin.name.as_path()))?;
            notes.write(self, html, original)?;
            html.push_str("</div>\n");
        }
        if view.region != crate::model::Region::Us {
            self.contacts(view, html, false);
        }
        html.push_str("</div>\n");
        Ok(())
    }

    fn contacts(&self, view: &View, html: &mut String, top: bool) {
        if view.contacts.is_empty() {
            return;
        }
        let s = &self.style;
        let title = view.labels.contact[usize::from(view.contacts.len() > 1)];
        let _ = writeln!(
            html,
            "<h2 style=\"margin:{};font-family:{};font-size:{};color:{};\">{}</h2>",
            if top { "0 0 4px" } else { "24px 0 8px" },
            s.sans,
            if top { "13px" } else { "17px" },
            s.heading,
            esc(title)
        );
        for contact in &view.contacts {
            let mut lines = Vec::new();
            for (i, line) in contact_lines(contact).iter().enumerate() {
                let shown = esc(line);
                lines.push(if i == 0 {
                    format!("<strong>{shown}</strong>")
                } else if Some(line) == contact.email.as_ref() {
                    link_html(&format!("mailto:{line}"), &shown, &s.primary)
                } else if Some(line) == contact.phone.as_ref() {
                    match tel_link(line) {
                        Some(tel) => link_html(&tel, &shown, &s.primary),
                        None => shown,
                    }
                } else {
                    shown
                });
            }
            let _ = writeln!(
                html,
                "<p style=\"margin:0 0 12px;font-size:{};line-height:1.45;\">{}</p>",
                if top { "13px" } else { "14px" },
                lines.join(if top { " · " } else { "<br>\n" })
            );
        }
    }

    fn blocks(
        &mut self,
        content: &Content,
        mut lead: Option<String>,
        notes: &mut Notes,
        html: &mut String,
        release: &Release,
        origin: Option<&std::path::Path>,
    ) -> Result<()> {
        for block in &content.0 {
            self.block(block, &mut lead, notes, html, release, origin)?;
        }
        if let Some(lead) = lead {
            let _ = writeln!(html, "<p style=\"margin:0 0 14px;\">{lead}</p>");
        }
        Ok(())
    }

    fn block(
        &mut self,
        block: &Block,
        lead: &mut Option<String>,
        notes: &mut Notes,
        html: &mut String,
        release: &Release,
        origin: Option<&std::path::Path>,
    ) -> Result<()> {
        let s = &self.style;
        let (sans, heading, primary) = (s.sans.clone(), s.heading.clone(), s.primary.clone());
        match block {
            Block::Paragraph(inlines) => {
                let text = self.inlines(inlines, notes);
                let _ = writeln!(
                    html,
                    "<p style=\"margin:0 0 14px;\">{}{text}</p>",
                    lead.take().unwrap_or_default()
                );
            }
            Block::Heading { level, body } => {
                if let Some(lead) = lead.take() {
                    let _ = writeln!(html, "<p style=\"margin:0 0 14px;\">{lead}</p>");
                }
                let tag = if *level <= 1 { "h2" } else { "h3" };
                let size = if *level <= 1 { "18px" } else { "16px" };
                let text = self.inlines(body, notes);
                let _ = writeln!(
                    html,
                    "<{tag} style=\"margin:22px 0 8px;font-family:{sans};font-size:{size};color:{heading};\">{text}</{tag}>"
                );
            }
            Block::Quote { body, attribution } => {
                let _ = writeln!(
                    html,
                    "<blockquote style=\"margin:16px 0;padding:2px 0 2px 16px;border-left:3px solid {primary};\">"
                );
                let mut inner = lead.take();
                for block in body {
                    self.block(block, &mut inner, notes, html, release, origin)?;
                }
                if let Some(who) = attribution {
                    let who = self.inlines(who, notes);
                    let _ = writeln!(
                        html,
                        "<p style=\"margin:0 0 8px;text-align:right;font-family:{sans};font-size:14px;color:#6b6b6b;\">— {who}</p>"
                    );
                }
                html.push_str("</blockquote>\n");
            }
            Block::List { ordered, start, items } => {
                if let Some(lead) = lead.take() {
                    let _ = writeln!(html, "<p style=\"margin:0 0 14px;\">{lead}</p>");
                }
                let tag = if *ordered { "ol" } else { "ul" };
                let start =
                    if *ordered && *start != 1 { format!(" start=\"{start}\"") } else { String::new() };
                let _ = writeln!(html, "<{tag}{start} style=\"margin:0 0 14px;padding-left:24px;\">");
                for item in items {
                    html.push_str("<li style=\"margin:0 0 4px;\">");
                    if let [Block::Paragraph(inlines)] = item.as_slice() {
                        let text = self.inlines(inlines, notes);
                        html.push_str(&text);
                    } else {
                        for block in item {
                            self.block(block, &mut None, notes, html, release, origin)?;
                        }
                    }
                    html.push_str("</li>\n");
                }
                let _ = writeln!(html, "</{tag}>");
            }
            Block::Code(code) => {
                let _ = writeln!(
                    html,
                    "<pre style=\"margin:0 0 14px;padding:8px;background-color:#f5f5f5;font-size:13px;white-space:pre-wrap;\">{}</pre>",
                    esc(code)
                );
            }
            Block::Image(image) => {
                if let Some(lead) = lead.take() {
                    let _ = writeln!(html, "<p style=\"margin:0 0 14px;\">{lead}</p>");
                }
                let asset = release.images.iter().find(|a| a.name == image.src);
                if let Some(asset) = asset {
                    let src = self.image(asset, Bounds { width: 450.0, height: 330.0 }, origin)?;
                    let caption: Vec<String> =
                        [&image.caption, &image.credit].into_iter().flatten().map(|c| esc(c)).collect();
                    let _ = write!(
                        html,
                        "<figure style=\"margin:16px 0;\"><img src=\"{}\" alt=\"{}\" width=\"600\" style=\"display:block;width:100%;max-width:600px;height:auto;border:0;\">",
                        esc(&src),
                        esc(&image.alt)
                    );
                    if !caption.is_empty() {
                        let _ = write!(
                            html,
                            "<figcaption style=\"margin:6px 0 0;font-family:{sans};font-size:13px;color:#6b6b6b;\">{}</figcaption>",
                            caption.join(" · ")
                        );
                    }
                    html.push_str("</figure>\n");
                }
            }
            Block::Rule => {
                html.push_str("<hr style=\"border:0;border-top:1px solid #d0d0d0;margin:20px 0;\">\n")
            }
        }
        Ok(())
    }

    fn inlines(&mut self, inlines: &[Inline], notes: &mut Notes) -> String {
        let mut out = String::new();
        for inline in inlines {
            match inline {
                Inline::Text(text) => out.push_str(&esc(text)),
                Inline::Code(text) => {
                    let _ = write!(out, "<code style=\"font-size:0.9em;\">{}</code>", esc(text));
                }
                Inline::Emph(body) => {
                    let _ = write!(out, "<em>{}</em>", self.inlines(body, notes));
                }
                Inline::Strong(body) => {
                    let _ = write!(out, "<strong>{}</strong>", self.inlines(body, notes));
                }
                Inline::Link { url, body } => {
                    let text = self.inlines(body, notes);
                    let text = if text.is_empty() { esc(url) } else { text };
                    out.push_str(&link_html(url, &text, &self.style.primary));
                }
                Inline::Footnote { id, body } => {
                    let n = notes.add(*id, body.clone());
                    let _ = write!(out, "<sup style=\"font-size:0.7em;line-height:0;\">{n}</sup>");
                }
                Inline::FootnoteRef(id) => {
                    let n = notes.number(*id);
                    let _ = write!(out, "<sup style=\"font-size:0.7em;line-height:0;\">{n}</sup>");
                }
                Inline::LineBreak => out.push_str("<br>\n"),
            }
        }
        out
    }

    /// The `src` of an image: a PNG or JPEG for mail clients (SVG drawn to
    /// PNG), embedded or by content id.
    fn image(&mut self, asset: &Asset, bounds: Bounds, origin: Option<&std::path::Path>) -> Result<String> {
        if let Some(src) = self.sources.get(&asset.name) {
            return Ok(src.clone());
        }
        let fail = |message: String| {
            let err = Error::new(ErrorKind::Image, message).with_hint("re-save the image as PNG or JPEG");
            match origin {
                Some(origin) => err.in_file(origin),
                None => err,
            }
        };
        let (data, mime) = if images::kind(&asset.data) == Some(ImageKind::Svg) {
            (
                images::svg_to_png(&asset.data, bounds, 192.0)
                    .map_err(|m| fail(format!("the image `{}`: {m}", asset.name)))?,
                "image/png",
            )
        } else {
            let prepared = images::prepare(asset, bounds, 192.0, &self.limits).map_err(fail)?;
            let mime = if prepared.kind == ImageKind::Jpeg { "image/jpeg" } else { "image/png" };
            (prepared.data.to_vec(), mime)
        };
        let src = match self.refs {
            ImageRefs::Embedded => {
                use base64::Engine;
                format!("data:{mime};base64,{}", base64::engine::general_purpose::STANDARD.encode(&data))
            }
            ImageRefs::ContentIds => {
                let cid = format!("image{}@presskit", self.images.len() + 1);
                let ext = if mime == "image/jpeg" { "jpg" } else { "png" };
                let stem = std::path::Path::new(&asset.name)
                    .file_stem()
                    .map_or("image".into(), |s| s.to_string_lossy().into_owned());
                self.images.push(HtmlImage { cid: cid.clone(), name: format!("{stem}.{ext}"), mime, data });
                format!("cid:{cid}")
            }
        };
        self.sources.insert(asset.name.clone(), src.clone());
        Ok(src)
    }
}

/// The footnotes of one text, numbered from 1 in the order met.
#[derive(Default)]
struct Notes {
    list: Vec<(usize, Vec<Block>)>,
}

impl Notes {
    fn add(&mut self, id: usize, body: Vec<Block>) -> usize {
        self.list.push((id, body));
        self.list.len()
    }

    fn number(&self, id: usize) -> usize {
        self.list.iter().position(|(i, _)| *i == id).map_or(id + 1, |p| p + 1)
    }

    fn write(self, page: &mut Page, html: &mut String, release: &Release) -> Result<()> {
        if self.list.is_empty() {
            return Ok(());
        }
        html.push_str("<ol style=\"margin:8px 0 14px;padding:8px 0 0 24px;border-top:1px solid #d0d0d0;font-size:13px;color:#4a4a4a;\">\n");
        for (_, body) in self.list {
            html.push_str("<li style=\"margin:0 0 4px;\">");
            let mut inner = Notes::default();
            if let [Block::Paragraph(inlines)] = body.as_slice() {
                let text = page.inlines(inlines, &mut inner);
                html.push_str(&text);
            } else {
                for block in &body {
                    page.block(
                        block,
                        &mut None,
                        &mut inner,
                        html,
                        release,
                        Some(release.origin.name.as_path()),
                    )?;
                }
            }
            html.push_str("</li>\n");
        }
        html.push_str("</ol>\n");
        Ok(())
    }
}

/// A link, if its address is one a mail client may follow; else the text.
fn link_html(url: &str, text: &str, color: &str) -> String {
    if crate::model::content::followable(url) {
        format!("<a href=\"{}\" style=\"color:{color};\">{text}</a>", esc(url.trim()))
    } else {
        text.to_string()
    }
}

/// Escapes text for HTML content and attribute values.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not characters HTML allows.
            '\0'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => {}
            '\u{c}' => out.push(' '),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaping_and_links() {
        assert_eq!(esc("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
        assert_eq!(link_html("javascript:alert(1)", "x", "#000"), "x");
        assert_eq!(
            link_html("https://a.b/?q=1&r=\"2\"", "x", "#000"),
            "<a href=\"https://a.b/?q=1&amp;r=&quot;2&quot;\" style=\"color:#000;\">x</a>"
        );
        assert!(link_html("MAILTO:a@b.c", "a", "#000").starts_with("<a href"));
    }
}
