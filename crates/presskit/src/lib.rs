//! presskit turns a structured press release and an organisation's
//! `_brand.yml` into a branded, print-ready PDF.
//!
//! The pipeline runs one way: [`Release`] and [`Brand`] are loaded and checked
//! (errors point at file:line:column), the Markdown becomes structured
//! [`Content`](model::Content), the release becomes data for a static Typst
//! template, and the [`Renderer`] compiles it in a sandboxed in-memory Typst
//! world with bundled fonts into a [`Document`]: PDF (plain, PDF/A or
//! PDF/UA), PNG or SVG. The same renderer writes text, HTML and email from
//! the same presentation. [`Options`] choose the languages, the standards
//! and the image resolution.
//!
//! `docs/API.md` in the repository shows each use (render, check, text, HTML
//! and email, threads, kits, custom templates) and lists the whole surface.
//!
//! User text never becomes Typst source: it reaches the template as JSON data,
//! so nothing a user writes can run as code or change the layout.
//!
//! ```
//! use presskit::{Brand, Format, Origin, Release, Renderer};
//!
//! let text = "---\nheadline: Library opens on Sunday\ndate: 2026-05-01\n---\nThe library opens.\n";
//! let release = Release::from_text(text, Format::Markdown, Origin::named("release.md"))?;
//! let renderer = Renderer::new();
//! let pdf = renderer.pdf(&release, &Brand::neutral())?;
//! assert!(pdf.starts_with(b"%PDF"));
//! # Ok::<(), presskit::Error>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

// The examples of docs/API.md are compiled and run as tests.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/API.md")]
struct ApiExamples;

use std::sync::Arc;

// Shared by every stage.
mod error;
mod format;
mod sandbox;
mod standards;
mod warning;

// The stages, in pipeline order (blank lines keep rustfmt from sorting
// them). A stage uses the shared modules, itself and earlier stages only,
// never a later one: model < input < present < import < typeset < export.
pub mod model;

mod input;

mod present;

// Another way in: releases in other formats, read into this one.
pub mod import;

// Hidden: public only for the project types `Renderer` hands out.
#[doc(hidden)]
pub mod typeset;

mod export;

// The fuzz targets, benches and tests reach these by their old paths.
#[doc(hidden)]
pub use input::markdown;
#[doc(hidden)]
pub use typeset::data as document;

pub use error::{Error, ErrorKind, Location, Result, Setting};
pub use export::email::EmailOptions;
pub use export::render::{Document, Renderer};
pub use format::Format;
pub use import::{ImportFormat, ImportReport, Imported};
pub use input::kit::Kit;
pub use model::{Brand, Lang, Origin, Release};
pub use present::options::{Languages, Options};
pub use sandbox::{Limits, Sandbox};
pub use standards::{Archival, Standards};
pub use typeset::data::ProjectFile;
pub use warning::{Diagnostic, Severity, Warning, WarningKind};

impl Origin {
    /// An origin for in-memory input that names no files: `name` is used in
    /// messages only.
    pub fn named(name: impl Into<std::path::PathBuf>) -> Self {
        Self { name: name.into(), dir: None, sandbox: Sandbox::default(), places: None, files: None }
    }

    /// The origin of a file: named by its path, relative paths resolve
    /// against its folder.
    pub fn for_file(path: &std::path::Path) -> Self {
        let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        Self {
            name: path.to_path_buf(),
            dir: Some(dir),
            sandbox: Sandbox::default(),
            places: None,
            files: None,
        }
    }

    /// An origin for in-memory input whose relative paths resolve against
    /// `dir`.
    pub fn in_dir(name: impl Into<std::path::PathBuf>, dir: impl Into<std::path::PathBuf>) -> Self {
        Self {
            name: name.into(),
            dir: Some(dir.into()),
            sandbox: Sandbox::default(),
            places: None,
            files: None,
        }
    }

    /// The origin with another sandbox: more allowed folders, other limits.
    pub fn with_sandbox(mut self, sandbox: Sandbox) -> Self {
        self.sandbox = sandbox;
        self
    }

    /// The origin with files held in memory that the input may name, such
    /// as the images of a release sent to a service: a name the input gives
    /// (`photo.jpg`, `img/photo.jpg`) is looked up among them first, then
    /// in the origin's folder if it has one. Names that are absolute or
    /// climb out (`..`) are never found here. Each file is held to the
    /// sandbox's limits as a file on disk would be.
    ///
    /// ```
    /// use presskit::{Format, Origin, Release};
    ///
    /// let svg = br#"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"/>"#.to_vec();
    /// let text = "---\nheadline: H\ndate: 2026-03-02\n---\n![A chart](img/chart.svg)\n";
    /// let origin = Origin::named("release.md").with_files([("img/chart.svg".to_string(), svg)]);
    /// let release = Release::from_text(text, Format::Markdown, origin)?;
    /// assert_eq!(release.images().len(), 1);
    /// # Ok::<(), presskit::Error>(())
    /// ```
    pub fn with_files(mut self, files: impl IntoIterator<Item = (String, Vec<u8>)>) -> Self {
        let mut held = self.files.as_deref().cloned().unwrap_or_default();
        for (name, data) in files {
            if let Some(key) = model::memory_key(&name) {
                held.0.insert(key, Arc::from(data));
            }
        }
        self.files = Some(Arc::new(held));
        self
    }
}
