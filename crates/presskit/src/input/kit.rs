//! Media kits: several releases and fact sheets under one cover, from a
//! kit file (`kit.yml`) that names them.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};

use crate::error::{Error, ErrorKind, Result};
use crate::input::parse::{self, Syntax};
use crate::model::{Brand, Date, Lang, Origin, Release};
use crate::sandbox::Sandbox;

/// A media kit: a title and date for the cover, and its documents in order.
/// A fact sheet is a release-shaped file with a label of its own.
#[derive(Debug, Clone, PartialEq)]
pub struct Kit {
    /// The kit's title, on the cover and as the PDF title.
    pub title: String,
    /// A line under the title.
    pub subtitle: Option<String>,
    /// The kit's date, on the cover.
    pub date: Date,
    /// The language of the cover and contents; default: the first
    /// document's.
    pub lang: Option<Lang>,
    /// The brand file the kit names, as written.
    pub brand: Option<String>,
    /// The documents, loaded, with their labels applied.
    pub documents: Vec<Release>,
    /// Where the kit came from.
    pub origin: Origin,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawKit {
    title: String,
    subtitle: Option<String>,
    date: Date,
    lang: Option<Lang>,
    brand: Option<String>,
    documents: Vec<RawDocument>,
}

/// A document as the kit names it: `factsheet.md`, or
/// `{file: factsheet.md, label: FACT SHEET}`.
struct RawDocument {
    file: String,
    label: Option<String>,
}

impl<'de> Deserialize<'de> for RawDocument {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Entry {
            file: String,
            label: Option<String>,
        }
        struct Document;
        impl<'de> Visitor<'de> for Document {
            type Value = RawDocument;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a file name, or `{file: NAME, label: LABEL}`")
            }
            fn visit_str<E: de::Error>(self, file: &str) -> std::result::Result<RawDocument, E> {
                Ok(RawDocument { file: file.into(), label: None })
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> std::result::Result<RawDocument, A::Error> {
                let entry = Entry::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(RawDocument { file: entry.file, label: entry.label })
            }
        }
        deserializer.deserialize_any(Document)
    }
}

impl Kit {
    /// Loads a kit file (YAML, or JSON or TOML by extension) and the
    /// documents it names, relative to it and inside its folder.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Self> {
        Self::from_path_in(path, Sandbox::default())
    }

    /// Loads a kit file; its documents may read files in the kit's folder,
    /// their own, and the sandbox's allowed folders.
    pub fn from_path_in(path: impl AsRef<Path>, sandbox: Sandbox) -> Result<Self> {
        let path = path.as_ref();
        let text = parse::read_text(path, &sandbox.limits)?;
        let origin = Origin::for_file(path).with_sandbox(sandbox);
        Self::from_text(&text, origin)
    }

    /// Loads a kit from text; `origin` names it and gives the folder its
    /// document paths resolve against.
    pub fn from_text(text: &str, origin: Origin) -> Result<Self> {
        parse::check_input_size(text.len(), &origin.name, &origin.sandbox.limits)?;
        parse::check_text(text, &origin.name)?;
        let text = parse::strip_bom(text);
        let syntax = match origin.name.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("json") => Syntax::Json,
            Some(e) if e.eq_ignore_ascii_case("toml") => Syntax::Toml,
            _ => Syntax::Yaml,
        };
        let raw: RawKit = parse::deserialize(text, syntax, &origin, 0)?;
        // Noted to place errors found after parsing.
        let mut origin = origin;
        origin.places = Some(std::sync::Arc::new(parse::places(text, syntax, 0, text.len())));
        let invalid = |message: &str, hint: &str| {
            Error::new(ErrorKind::InvalidValue, message).in_file(&origin.name).with_hint(hint)
        };
        if raw.title.trim().is_empty() {
            return Err(invalid("the kit's title is empty", "write the kit's title in `title`"));
        }
        if raw.documents.is_empty() {
            return Err(invalid(
                "the kit has no documents",
                "list its releases and fact sheets under `documents`",
            ));
        }
        // Documents may use files beside the kit as well as their own.
        let mut sandbox = origin.sandbox.clone();
        sandbox.allowed_dirs.extend(origin.dir.clone());
        let mut documents = Vec::new();
        let mut seen: Vec<PathBuf> = Vec::new();
        for doc in &raw.documents {
            let at = parse::locate_value(&origin, "file", &doc.file);
            let path = parse::resolve(&origin, &doc.file, "document", at)?;
            if !path.real.is_file() {
                return Err(Error::new(ErrorKind::Io, format!("the document `{}` is not a file", doc.file))
                    .in_file(&origin.name)
                    .with_hint("document paths are relative to the kit file"));
            }
            if documents.iter().any(|d: &Release| d.origin.name == path.shown) || seen.contains(&path.real) {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("the document `{}` is listed twice", doc.file),
                )
                .in_file(&origin.name)
                .with_hint("list each document once"));
            }
            seen.push(path.real.clone());
            let mut release = Release::from_resolved(&path, sandbox.clone(), false)?;
            if let Some(label) = parse::nonempty(doc.label.clone()) {
                release.label = Some(label);
            }
            documents.push(release);
            // The kit is laid out as one document: its documents together
            // are held to the size limit of one input.
            // Translation files count by their size on disk.
            let together: usize = documents
                .iter()
                .map(|d| {
                    let own = d.origin.places.as_ref().map_or(0, |p| p.size as usize);
                    let translated: u64 =
                        d.translation_files.iter().map(|f| std::fs::metadata(f).map_or(0, |m| m.len())).sum();
                    own + translated as usize
                })
                .sum();
            let limit = origin.sandbox.limits.max_input_bytes;
            // The documents' images are read for each document: together
            // they are held to the image total of one input.
            let mut held = std::collections::HashSet::new();
            let images: u64 = documents
                .iter()
                .flat_map(|d| &d.images)
                .filter(|a| held.insert(std::sync::Arc::as_ptr(&a.data).cast::<u8>()))
                .map(|a| a.data.len() as u64)
                .sum();
            if images > origin.sandbox.limits.max_total_image_bytes {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!(
                        "the kit's images are larger than {} MB together",
                        origin.sandbox.limits.max_total_image_bytes / 1_000_000
                    ),
                )
                .in_file(&origin.name)
                .with_hint("use fewer or smaller images, or split the kit"));
            }
            if together > limit {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("the kit's documents are larger than {} MB together", limit / 1_000_000),
                )
                .in_file(&origin.name)
                .with_hint("split the kit; a library caller may raise `Limits::max_input_bytes`"));
            }
        }
        Ok(Kit {
            title: raw.title.trim().into(),
            subtitle: parse::nonempty(raw.subtitle),
            date: raw.date,
            lang: raw.lang,
            brand: parse::nonempty(raw.brand),
            documents,
            origin,
        })
    }

    /// The brand the kit is issued under: the file its `brand` field names,
    /// else `_brand.yml` beside the kit, else the first document's brand.
    pub fn brand(&self) -> Result<Brand> {
        match Brand::named_in(&self.origin, self.brand.as_deref())? {
            Some(brand) => Ok(brand),
            None => Brand::for_release(&self.documents[0]),
        }
    }

    /// The files the kit was read from: the kit file and each document's.
    pub fn files(&self) -> Vec<PathBuf> {
        std::iter::once(self.origin.name.clone())
            .chain(self.documents.iter().flat_map(Release::files))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dir_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).unwrap();
        }
        dir
    }

    const RELEASE: &str = "---\nheadline: Library opens\ndate: 2026-03-02\n---\nText.\n";

    #[test]
    fn documents_load_in_order_with_their_labels() {
        let dir = dir_with(&[
            ("a.md", RELEASE),
            ("facts.md", "---\nheadline: The library in numbers\ndate: 2026-03-02\n---\n- 3 floors\n"),
            (
                "kit.yml",
                "title: Spring kit\ndate: 2026-03-02\ndocuments:\n  - a.md\n  - {file: facts.md, label: FACT SHEET}\n",
            ),
        ]);
        let kit = Kit::from_path(dir.path().join("kit.yml")).unwrap();
        assert_eq!(kit.title, "Spring kit");
        let labels: Vec<Option<&str>> = kit.documents.iter().map(|d| d.label.as_deref()).collect();
        assert_eq!(labels, [None, Some("FACT SHEET")]);
        assert_eq!(kit.files().len(), 3);
        assert_eq!(kit.brand().unwrap(), Brand::neutral());
    }

    #[test]
    fn errors_name_the_kit_file_and_place() {
        let dir = dir_with(&[
            ("a.md", RELEASE),
            ("kit.yml", "title: K\ndate: 2026-03-02\ndocuments: [a.md, b.md]\n"),
        ]);
        let err = Kit::from_path(dir.path().join("kit.yml")).unwrap_err();
        assert!(err.to_string().contains("kit.yml") && err.message().contains("b.md"), "{err}");
        std::fs::write(
            dir.path().join("kit.yml"),
            "title: K\ndate: 2026-03-02\ndocuments:\n  - {file: a.md, lable: X}\n",
        )
        .unwrap();
        let err = Kit::from_path(dir.path().join("kit.yml")).unwrap_err();
        assert_eq!(err.location().map(|l| l.line), Some(4), "{err}");
        std::fs::write(dir.path().join("kit.yml"), "title: K\ndate: 2026-03-02\ndocuments: []\n").unwrap();
        assert!(Kit::from_path(dir.path().join("kit.yml")).unwrap_err().message().contains("no documents"));
        std::fs::write(dir.path().join("kit.yml"), "title: K\ndate: 2026-03-02\ndocuments: [../a.md]\n")
            .unwrap();
        assert_eq!(Kit::from_path(dir.path().join("kit.yml")).unwrap_err().kind(), ErrorKind::Io);
    }
}
