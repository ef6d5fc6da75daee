//! The brand and contacts as every output shows them: colours with their
//! defaults, the organisation's link and how it reads, the logo's text
//! alternative, a phone number's `tel:` target. Written once, here, so the
//! PDF, HTML, text and email cannot come to differ.

use crate::model::{Brand, Theme};

/// The brand's colours as `#rrggbb`, its theme's defaults filled in.
pub(crate) struct Palette {
    pub primary: String,
    pub secondary: String,
    pub foreground: String,
    pub heading: String,
    /// The headline's: the heading colour, the primary one in the modern
    /// theme.
    pub headline: String,
    pub background: Option<String>,
}

/// The colours presskit uses where a brand gives none.
const DEFAULT_PRIMARY: &str = "#24405f";
const DEFAULT_FOREGROUND: &str = "#1a1a1a";

impl Palette {
    pub(crate) fn of(brand: &Brand) -> Self {
        let primary = brand.colors.primary.map_or(DEFAULT_PRIMARY.into(), |c| c.to_hex());
        let heading = brand
            .headings
            .color
            .or(brand.colors.foreground)
            .map_or(DEFAULT_FOREGROUND.into(), |c| c.to_hex());
        Self {
            secondary: brand.colors.secondary.map_or(primary.clone(), |c| c.to_hex()),
            foreground: brand.colors.foreground.map_or(DEFAULT_FOREGROUND.into(), |c| c.to_hex()),
            background: brand.colors.background.map(|c| c.to_hex()),
            headline: if brand.layout.theme == Theme::Modern { primary.clone() } else { heading.clone() },
            heading,
            primary,
        }
    }
}

/// The brand's link as a followable address: as given when it is one
/// (`https://…`, `mailto:…`), `https://` added to a bare domain
/// (`www.example.org`), nothing for anything else.
pub(crate) fn web_link(url: Option<&str>) -> Option<String> {
    let url = url?.trim();
    if crate::model::content::followable(url) {
        Some(url.to_string())
    } else if !url.contains(':') && !url.starts_with(['/', '\\', '.']) && url.contains('.') {
        Some(format!("https://{url}"))
    } else {
        None
    }
}

/// An address as people read it: without its scheme or a trailing slash
/// (`https://www.ecpat.be/` reads `www.ecpat.be`).
pub(crate) fn display_url(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.trim_end_matches('/').to_string()
}

/// The logo's text alternative: its own, else the organisation's name.
pub(crate) fn logo_alt(brand: &Brand) -> Option<String> {
    let logo = brand.logo.as_ref()?;
    logo.alt.as_deref().or(brand.name.as_deref()).map(str::trim).filter(|a| !a.is_empty()).map(str::to_string)
}

/// What the logo is called where it has no text alternative of its own.
pub(crate) const LOGO_ALT_FALLBACK: &str = "Logo";

/// The `tel:` target of a phone number as written (`+32 2 000 00 00`):
/// its digits and plus sign, if there are more than three of them.
pub(crate) fn tel_link(phone: &str) -> Option<String> {
    let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
    (digits.len() > 3).then(|| format!("tel:{digits}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_read_the_same_everywhere() {
        assert_eq!(web_link(Some("www.x.org")).as_deref(), Some("https://www.x.org"));
        assert_eq!(web_link(Some("https://x.org/")).as_deref(), Some("https://x.org/"));
        assert_eq!(web_link(Some("javascript:alert(1)")), None);
        assert_eq!(web_link(Some("/etc/passwd")), None);
        assert_eq!(display_url("https://www.ecpat.be/"), "www.ecpat.be");
        assert_eq!(display_url("www.x.org"), "www.x.org");
        assert_eq!(tel_link("+32 (0)2 000 00 00").as_deref(), Some("tel:+32020000000"));
        assert_eq!(tel_link("ext. 12"), None);
    }
}
