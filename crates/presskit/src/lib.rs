//! presskit turns a structured press release and an organisation's
//! `_brand.yml` into a branded, print-ready PDF.
//!
//! The pipeline runs one way: [`Release`] and [`Brand`] are loaded and checked
//! (errors point at file:line:column), the Markdown becomes structured
//! [`Content`], the [`document`] stage turns the model into data for a static
//! Typst template, and the [`Renderer`] compiles it in a sandboxed in-memory
//! Typst world with bundled fonts and exports PDF (plain, PDF/A or PDF/UA),
//! PNG or SVG. [`Options`] choose the standards and image resolution.
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

mod bidi;
mod brand;
mod content;
mod conventions;
pub mod document;
mod email;
mod error;
mod fonts;
mod html;
mod images;
mod kit;
mod labels;
mod layout;
mod load;
pub mod markdown;
mod model;
mod options;
mod plain;
mod release;
mod render;
mod sandbox;
mod standards;
mod template;
mod view;
mod world;

pub use brand::BRAND_FILE_NAME;
pub use content::{Block, Content, Image, Inline};
pub use conventions::{Warning, conventions};
pub use email::{EmailOptions, attachment_name, email, email_subject};
pub use error::{Error, ErrorKind, Location, Result, Setting};
pub use html::html;
pub use images::ImageKind;
pub use kit::Kit;
pub use labels::{LANGUAGES, Labels, Words};
pub use layout::{Accent, AddressPlace, Layout, Margins, Side, Theme};
pub use load::Format;
pub use model::{
    Asset, BaseTypography, Boilerplate, Brand, BrandFont, Color, Colors, Contact, Date, Embargo,
    HeadingTypography, Lang, Logo, Origin, Paper, Region, Release, Translation, parse_timestamp,
};
pub use options::{Languages, Options};
pub use plain::text;
pub use render::{Document, Renderer};
pub use sandbox::{Limits, Sandbox};
pub use standards::{Archival, Standards};

impl Origin {
    /// An origin for in-memory input that names no files: `name` is used in
    /// messages only.
    pub fn named(name: impl Into<std::path::PathBuf>) -> Self {
        Self { name: name.into(), dir: None, sandbox: Sandbox::default(), source: None }
    }

    /// The origin of a file: named by its path, relative paths resolve
    /// against its folder.
    pub fn for_file(path: &std::path::Path) -> Self {
        let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        Self { name: path.to_path_buf(), dir: Some(dir), sandbox: Sandbox::default(), source: None }
    }

    /// An origin for in-memory input whose relative paths resolve against
    /// `dir`.
    pub fn in_dir(name: impl Into<std::path::PathBuf>, dir: impl Into<std::path::PathBuf>) -> Self {
        Self { name: name.into(), dir: Some(dir.into()), sandbox: Sandbox::default(), source: None }
    }

    /// The origin with another sandbox: more allowed folders, other limits.
    pub fn with_sandbox(mut self, sandbox: Sandbox) -> Self {
        self.sandbox = sandbox;
        self
    }
}
