//! Emails read as a mail client reads them (`mail-parser`), and their HTML
//! as a browser parses it (`html5ever`, through `scraper`). The result has
//! the shape `tests/external/email_check.py` prints, which reads the same messages
//! with Python's `email` package and html5lib in `tests/external/run`.

use mail_parser::{MessageParser, MimeHeaders, PartType};
use scraper::{Html, Node};
use serde_json::{Value, json};

/// Reads `message`: its sender, recipient and subject, every MIME part in
/// order (type, disposition, file name, content id, size), the text body,
/// and what a reader sees of the HTML body. Also returns the attached PDF,
/// if there is one.
pub fn read_mail(message: &[u8]) -> (Value, Vec<u8>) {
    let parsed = MessageParser::default().parse(message).expect("a parsable message");
    let address = |a: Option<&mail_parser::Address<'_>>| {
        let addr = a.and_then(|a| a.first()).expect("an address");
        match (addr.name(), addr.address()) {
            (Some(name), Some(address)) => format!("{name} <{address}>"),
            (None, Some(address)) => address.to_string(),
            _ => String::new(),
        }
    };
    let (mut parts, mut text, mut html, mut pdf) = (Vec::new(), None, None, Vec::new());
    for part in &parsed.parts {
        let kind = part
            .content_type()
            .map(|t| format!("{}/{}", t.ctype(), t.subtype().unwrap_or_default()).to_lowercase())
            .unwrap_or_else(|| "text/plain".into());
        if let PartType::Multipart(_) = part.body {
            parts.push(json!({ "type": kind }));
            continue;
        }
        parts.push(json!({
            "type": kind,
            "disposition": part.content_disposition().map(|d| d.ctype().to_lowercase()),
            "filename": part.attachment_name(),
            "cid": part.content_id().map(|id| format!("<{}>", id.trim_matches(['<', '>']))),
            "size": part.contents().len(),
        }));
        match kind.as_str() {
            "text/plain" => text = part.text_contents().map(str::to_string),
            "text/html" => html = part.text_contents().map(str::to_string),
            "application/pdf" => pdf = part.contents().to_vec(),
            _ => {}
        }
    }
    let html = html.expect("an HTML body");
    let reading = read_html(&html);
    let found = json!({
        "from": address(parsed.from()),
        "to": parsed.to().map(|_| address(parsed.to())),
        "subject": parsed.subject(),
        "parts": parts,
        "text": text,
        "html_text": reading.text,
        "html_errors": reading.errors,
        "scripts": reading.scripts,
        "handlers": reading.handlers,
    });
    (found, pdf)
}

/// What an HTML5 parser makes of a page.
#[derive(Debug)]
pub struct HtmlReading {
    /// The text a reader sees (not that of scripts, styles or the title),
    /// with a space where a block starts.
    pub text: String,
    /// The parse errors of an HTML5 parser.
    pub errors: Vec<String>,
    /// How many `script` elements there are.
    pub scripts: usize,
    /// The event-handler attributes (`on…`) found.
    pub handlers: Vec<String>,
}

/// Parses `html` as a browser does.
pub fn read_html(html: &str) -> HtmlReading {
    let document = Html::parse_document(html);
    let mut reading = HtmlReading {
        text: String::new(),
        errors: document.errors.iter().map(|e| e.to_string()).collect(),
        scripts: 0,
        handlers: Vec::new(),
    };
    for node in document.tree.root().descendants() {
        match node.value() {
            Node::Element(element) => {
                let name = element.name();
                reading.scripts += usize::from(name == "script");
                reading.handlers.extend(
                    element
                        .attrs()
                        .map(|(k, _)| k.to_string())
                        .filter(|k| k.to_ascii_lowercase().starts_with("on")),
                );
                if ["p", "br", "li", "h1", "h2", "h3", "div", "figcaption"].contains(&name) {
                    reading.text.push(' ');
                }
            }
            Node::Text(text) => {
                let hidden = node.ancestors().any(|a| {
                    a.value().as_element().is_some_and(|e| ["script", "style", "title"].contains(&e.name()))
                });
                if !hidden {
                    reading.text.push_str(text);
                }
            }
            _ => {}
        }
    }
    reading
}
