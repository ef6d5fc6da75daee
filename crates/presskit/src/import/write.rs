//! The parts found, written as a presskit release (Markdown with YAML
//! front matter) and as a suggested `_brand.yml`. Strings are written as
//! JSON strings, which YAML reads as they are: no user text can turn
//! into YAML structure.

use super::fields::Contact;
use super::recognise::Parts;

/// A YAML scalar for any text.
fn q(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The release as Markdown with front matter.
pub(crate) fn release(parts: &Parts) -> String {
    let mut out = String::from("---\n");
    let mut field = |name: &str, value: Option<String>| {
        if let Some(v) = value {
            out.push_str(&format!("{name}: {v}\n"));
        }
    };
    field("headline", parts.headline.as_deref().map(q));
    field("subheadline", parts.subheadline.as_deref().map(q));
    field("date", parts.date.map(|d| d.to_string()));
    field("dateline", parts.dateline.as_deref().map(q));
    field("lang", parts.lang.as_deref().filter(|l| *l != "en").map(q));
    field("region", parts.region_us.then(|| "us".to_string()));
    field("label", parts.label.as_deref().map(q));
    field("embargo", parts.embargo.as_deref().map(q));
    field("end_mark", parts.end_mark.as_deref().map(q));
    if !parts.contacts.is_empty() {
        out.push_str("contacts:\n");
        out.push_str(&contacts(&parts.contacts, "  "));
    }
    if !parts.abouts.is_empty() {
        out.push_str("boilerplates:\n");
        for (title, body) in &parts.abouts {
            out.push_str(&format!("  - title: {}\n    body: {}\n", q(title), q(body)));
        }
    }
    if !parts.notes_to_editors.is_empty() {
        out.push_str(&format!("notes_to_editors: {}\n", q(&notes(&parts.notes_to_editors))));
    }
    out.push_str("---\n");
    out.push_str(&parts.body.join("\n\n"));
    out.push('\n');
    if !parts.notes.is_empty() {
        out.push('\n');
        for (n, text) in &parts.notes {
            out.push_str(&format!("[^{n}]: {text}\n"));
        }
    }
    out
}

/// Notes to editors: a list stays a list, paragraphs stay paragraphs.
fn notes(blocks: &[String]) -> String {
    let mut out = String::new();
    for (i, block) in blocks.iter().enumerate() {
        if i > 0 {
            let list = |b: &str| b.starts_with("- ") || b.starts_with("1. ");
            out.push_str(if list(block) && list(&blocks[i - 1]) { "\n" } else { "\n\n" });
        }
        out.push_str(block);
    }
    out
}

fn contacts(list: &[Contact], indent: &str) -> String {
    let mut out = String::new();
    for c in list {
        let mut first = true;
        for (key, value) in
            [("name", &c.name), ("role", &c.role), ("org", &c.org), ("email", &c.email), ("phone", &c.phone)]
        {
            let Some(value) = value else { continue };
            out.push_str(indent);
            out.push_str(if first { "- " } else { "  " });
            out.push_str(&format!("{key}: {}\n", q(value)));
            first = false;
        }
    }
    out
}

/// A `_brand.yml` with what the document said of the organisation, or
/// `None` when it said nothing the brand lacks.
pub(crate) fn brand(parts: &Parts, name: Option<&str>) -> Option<String> {
    if parts.brand_address.is_empty() && parts.brand_about.is_none() {
        return None;
    }
    let mut out = String::from("# Suggested by presskit import: what the source said of the organisation.\n");
    if let Some(name) = name {
        out.push_str(&format!("meta:\n  name: {}\n", q(name)));
    }
    out.push_str("defaults:\n  presskit:\n");
    // The letterhead prints the name above the address already.
    let address: Vec<&String> =
        parts.brand_address.iter().filter(|l| name.is_none_or(|n| !l.eq_ignore_ascii_case(n))).collect();
    if !address.is_empty() {
        let lines: Vec<String> = address.iter().map(|l| q(l)).collect();
        out.push_str(&format!("    address: [{}]\n", lines.join(", ")));
    }
    if let Some((title, body)) = &parts.brand_about {
        out.push_str(&format!("    boilerplate:\n      title: {}\n      body: {}\n", q(title), q(body)));
    }
    Some(out)
}
