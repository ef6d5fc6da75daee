//! The PDF standards presskit writes to: archival (PDF/A) and accessible
//! (PDF/UA).

use std::fmt;
use std::str::FromStr;

/// A PDF/A conformance level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Archival {
    /// PDF/A-2b: long-term archiving, visual appearance preserved.
    A2b,
    /// PDF/A-3b: as A-2b, and may carry attached files; presskit attaches
    /// the release as JSON.
    A3b,
}

/// The standards a PDF conforms to: at most one PDF/A level, with or
/// without PDF/UA-1. The default is none (a plain, tagged PDF 1.7).
///
/// Written as text (`FromStr`, `Display`) as a comma-separated list of
/// `a-2b`, `a-3b`, `ua-1`, or the preset `archival` (A-2b with UA-1).
///
/// ```
/// use presskit::{Archival, Standards};
///
/// let s: Standards = "archival".parse().unwrap();
/// assert_eq!(s, Standards { archival: Some(Archival::A2b), ua1: true });
/// assert_eq!("a-3b,ua-1".parse::<Standards>().unwrap().to_string(), "a-3b,ua-1");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Standards {
    /// The PDF/A level, if any.
    pub archival: Option<Archival>,
    /// Whether the PDF conforms to PDF/UA-1 (accessible).
    pub ua1: bool,
}

impl Standards {
    /// The recommended archival and accessible preset: PDF/A-2b with
    /// PDF/UA-1 (`archival`).
    pub const ARCHIVAL: Self = Self { archival: Some(Archival::A2b), ua1: true };

    /// The names accepted by `FromStr`, for help texts.
    pub const NAMES: [&str; 4] = ["a-2b", "a-3b", "ua-1", "archival"];

    /// Whether the PDF carries the release as an attached JSON file.
    pub fn attaches_release(self) -> bool {
        self.archival == Some(Archival::A3b)
    }

    /// Whether any standard is asked for.
    pub fn is_empty(self) -> bool {
        self.archival.is_none() && !self.ua1
    }

    pub(crate) fn to_typst(self) -> Vec<typst_pdf::PdfStandard> {
        let mut list = Vec::new();
        match self.archival {
            Some(Archival::A2b) => list.push(typst_pdf::PdfStandard::A_2b),
            Some(Archival::A3b) => list.push(typst_pdf::PdfStandard::A_3b),
            None => {}
        }
        if self.ua1 {
            list.push(typst_pdf::PdfStandard::Ua_1);
        }
        list
    }
}

impl FromStr for Standards {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut out = Self::default();
        let set_archival = |level: Archival, out: &mut Self| match out.archival {
            Some(other) if other != level => {
                Err("choose one PDF/A level: a-2b or a-3b, not both".to_string())
            }
            _ => {
                out.archival = Some(level);
                Ok(())
            }
        };
        for part in text.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let name = part.to_ascii_lowercase();
            let name = name.strip_prefix("pdf/").or(name.strip_prefix("pdf")).unwrap_or(&name);
            match name.trim_start_matches(['-', '/']) {
                "a-2b" | "a2b" => set_archival(Archival::A2b, &mut out)?,
                "a-3b" | "a3b" => set_archival(Archival::A3b, &mut out)?,
                "ua-1" | "ua1" => out.ua1 = true,
                "archival" => {
                    set_archival(Archival::A2b, &mut out)?;
                    out.ua1 = true;
                }
                _ => {
                    return Err(format!(
                        "unknown PDF standard `{part}`; the standards are {}",
                        Self::NAMES.join(", ")
                    ));
                }
            }
        }
        if out.is_empty() {
            return Err(format!("no PDF standard given; the standards are {}", Self::NAMES.join(", ")));
        }
        Ok(out)
    }
}

impl fmt::Display for Standards {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        match self.archival {
            Some(Archival::A2b) => parts.push("a-2b"),
            Some(Archival::A3b) => parts.push("a-3b"),
            None => {}
        }
        if self.ua1 {
            parts.push("ua-1");
        }
        if parts.is_empty() { f.write_str("none") } else { f.write_str(&parts.join(",")) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse() {
        let parse = |s: &str| s.parse::<Standards>();
        assert_eq!(parse("A-2b"), Ok(Standards { archival: Some(Archival::A2b), ua1: false }));
        assert_eq!(parse("pdf/a-3b, PDF/UA-1"), Ok(Standards { archival: Some(Archival::A3b), ua1: true }));
        assert_eq!(parse("ua-1"), Ok(Standards { archival: None, ua1: true }));
        assert_eq!(parse("archival"), Ok(Standards::ARCHIVAL));
        assert!(parse("a-2b,a-3b").unwrap_err().contains("one PDF/A level"));
        assert!(parse("a-1b").unwrap_err().contains("a-2b, a-3b, ua-1, archival"));
        assert!(parse("").is_err());
        assert!(Standards { archival: Some(Archival::A3b), ua1: false }.attaches_release());
        assert!(!Standards::ARCHIVAL.attaches_release());
    }
}
