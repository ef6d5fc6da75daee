//! Compiling a project with Typst and exporting the pages.

use std::collections::HashMap;
use std::sync::Arc;

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart};
use typst::syntax::Source;
use typst::utils::{LazyHash, Scalar};
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::document::{self, Project};
use crate::error::{Error, ErrorKind, Location, Result};
use crate::fonts::{self, FontSet};
use crate::model::{Brand, Release};
use crate::world::{SandboxWorld, file_id};

/// Renders releases. Loads the bundled fonts and Typst's library once; share
/// one renderer across threads (it is `Send + Sync`) to render many releases.
pub struct Renderer {
    library: LazyHash<Library>,
    /// The bundled fonts: the whole set for brands without fonts of their
    /// own (most of them), the base of the others'.
    bundled: FontSet,
    template: Source,
}

/// Options for PDF export.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct PdfOptions {
    /// Write a tagged PDF (structure for screen readers and reflow).
    /// Default: `true`.
    pub tagged: bool,
}

impl Default for PdfOptions {
    fn default() -> Self {
        Self { tagged: true }
    }
}

/// A laid-out release, ready to export.
pub struct Document {
    inner: PagedDocument,
    ident: String,
    warnings: Vec<String>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// Creates a renderer with the bundled fonts.
    pub fn new() -> Self {
        Self {
            library: LazyHash::new(Library::default()),
            bundled: FontSet::new(fonts::bundled()),
            template: Source::new(file_id(document::TEMPLATE_PATH), document::TEMPLATE.into()),
        }
    }

    /// The font families available to a brand: the bundled ones and the
    /// brand's own.
    pub fn font_families(&self, brand: &Brand) -> Result<Vec<String>> {
        if brand.fonts.is_empty() {
            Ok(self.bundled.family_names())
        } else {
            Ok(fonts::for_brand(&self.bundled, brand)?.family_names())
        }
    }

    /// Lays out a release issued under a brand.
    pub fn compile(&self, release: &Release, brand: &Brand) -> Result<Document> {
        let project = document::build(release, brand);
        let brand_fonts;
        let fonts = if brand.fonts.is_empty() {
            &self.bundled
        } else {
            brand_fonts = fonts::for_brand(&self.bundled, brand)?;
            &brand_fonts
        };
        check_families(&project, fonts, brand)?;

        let mut files = HashMap::new();
        files.insert(file_id(document::DATA_PATH), Bytes::new(project.data));
        for (path, asset) in &project.files {
            files.insert(file_id(path), Bytes::new(Arc::clone(&asset.data)));
        }
        let world = SandboxWorld { library: &self.library, fonts, main: self.template.clone(), files };
        let warned = typst::compile::<PagedDocument>(&world);
        // Long-lived processes would otherwise keep every compilation's
        // memoized results.
        typst::comemo::evict(10);
        let inner = warned.output.map_err(|diags| layout_error(&world, &diags))?;
        let warnings = warned.warnings.iter().map(|w| w.message.to_string()).collect();
        let ident = format!("presskit:{}:{}", release.date, release.headline);
        Ok(Document { inner, ident, warnings })
    }

    /// Renders a release to PDF bytes with default options.
    pub fn pdf(&self, release: &Release, brand: &Brand) -> Result<Vec<u8>> {
        self.compile(release, brand)?.pdf(&PdfOptions::default())
    }
}

/// Typst only warns about an unknown family and falls back silently; a
/// brand that names a family it does not have gets an error instead.
fn check_families(project: &Project, fonts: &FontSet, brand: &Brand) -> Result<()> {
    for family in &project.families {
        if !fonts.has_family(family) {
            let mut err = Error::new(ErrorKind::Font, format!("unknown font family `{family}`")).with_hint(format!(
                "the families available are: {}; add the font under `typography.fonts` with `source: file` or `source: system`",
                fonts.family_names().join(", ")
            ));
            if let Some(origin) = &brand.origin {
                err = err.in_file(&origin.name);
            }
            return Err(err);
        }
    }
    Ok(())
}

fn layout_error(world: &SandboxWorld, diags: &[SourceDiagnostic]) -> Error {
    let Some(diag) = diags.iter().find(|d| d.severity == Severity::Error).or(diags.first()) else {
        return Error::new(ErrorKind::Layout, "Typst failed without a message");
    };
    let location = world.range(diag.span).and_then(|range| {
        let source = world.source(world.main()).ok()?;
        Some(Location::from_offset(source.text(), range.start))
    });
    let mut hints: Vec<&str> = diag.hints.iter().map(|h| h.v.as_str()).collect();
    // Images are checked before layout, but Typst may still refuse one.
    let message = diag.message.to_lowercase();
    let (kind, hint) =
        if ["image", "svg", "decode", "png", "jpeg", "gif", "webp"].iter().any(|w| message.contains(w)) {
            (ErrorKind::Image, "check the images the release and brand name; re-save the one at fault")
        } else {
            (
                ErrorKind::Layout,
                "if the input looks right, this is a bug in presskit: please report it with the input",
            )
        };
    hints.push(hint);
    Error::new(kind, format!("layout failed: {}", diag.message))
        .in_file("presskit template")
        .at(location)
        .with_hint(hints.join("; "))
}

impl Document {
    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.inner.pages().len()
    }

    /// Typst's warnings, if any (none for a well-formed release).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Exports the document as PDF. The same inputs give the same bytes: the
    /// document date is the release date and the identifier is derived from
    /// the release.
    pub fn pdf(&self, options: &PdfOptions) -> Result<Vec<u8>> {
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(self.ident.clone()),
            creator: Smart::Custom(Some(format!("presskit {}", env!("CARGO_PKG_VERSION")))),
            tagged: options.tagged,
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&self.inner, &options).map_err(|diags| {
            let message = diags.first().map_or("unknown error".into(), |d| d.message.to_string());
            Error::new(ErrorKind::Export, format!("PDF export failed: {message}"))
                .with_hint("this is a bug in presskit; please report it with the input that caused it")
        })
    }

    /// Renders page `index` (0-based) as a PNG at `ppi` pixels per inch.
    pub fn png(&self, index: usize, ppi: f32) -> Result<Vec<u8>> {
        let page = self.inner.pages().get(index).ok_or_else(|| {
            Error::new(
                ErrorKind::Export,
                format!("there is no page {} (the document has {})", index + 1, self.page_count()),
            )
        })?;
        let options = typst_render::RenderOptions {
            pixel_per_pt: Scalar::new(f64::from(ppi) / 72.0),
            render_bleed: false,
        };
        typst_render::render(page, &options)
            .encode_png()
            .map_err(|err| Error::new(ErrorKind::Export, format!("PNG encoding failed: {err}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderer_can_be_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Renderer>();
    }
}
