//! The forms an input file comes in. Shared by every stage: the model keeps
//! the form of the text it was loaded from, to point warnings at lines.

use std::path::Path;

/// The form of a release file, chosen by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    /// Markdown with YAML (`---`) or TOML (`+++`) front matter.
    Markdown,
    /// YAML; the body is the `body` field.
    Yaml,
    /// JSON; the body is the `body` field.
    Json,
    /// TOML; the body is the `body` field.
    Toml,
}

impl Format {
    /// The format for a file name, by extension (`.md`, `.markdown`, `.yaml`,
    /// `.yml`, `.json`, `.toml`).
    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "md" | "markdown" => Self::Markdown,
            "yaml" | "yml" => Self::Yaml,
            "json" => Self::Json,
            "toml" => Self::Toml,
            _ => return None,
        })
    }
}
