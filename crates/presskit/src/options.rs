//! How a release is rendered: the PDF standards, tagging and image
//! resolution.

use crate::model::Lang;
use crate::standards::Standards;

/// Options for rendering. `Options::default()` gives a tagged PDF 1.7
/// with images at up to 300 pixels per inch.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Options {
    /// The PDF standards to conform to. Default: none.
    pub standards: Standards,
    /// Write a tagged PDF (structure for screen readers and reflow).
    /// PDF/UA-1 needs it. Default: `true`.
    pub tagged: bool,
    /// The most pixels per inch a raster image keeps at the size it is
    /// printed; larger images are scaled down. 300 suits print, 150 email.
    pub image_ppi: f64,
    /// The language to render: the release's own or one of its
    /// translations. Default: the release's own.
    pub language: Option<Lang>,
    /// Render every language in turn in one document, each with its own
    /// labels, hyphenation and page numbering. Default: `false`.
    pub all_languages: bool,
}

impl Options {
    /// The default image resolution, for print.
    pub const DEFAULT_IMAGE_PPI: f64 = 300.0;

    /// The options with other standards.
    pub fn with_standards(mut self, standards: Standards) -> Self {
        self.standards = standards;
        self
    }

    /// The options with another image resolution.
    pub fn with_image_ppi(mut self, ppi: f64) -> Self {
        self.image_ppi = ppi;
        self
    }

    /// The options for one of the release's languages.
    pub fn with_language(mut self, lang: Lang) -> Self {
        self.language = Some(lang);
        self
    }

    /// The options for all the release's languages in one document.
    pub fn with_all_languages(mut self, all: bool) -> Self {
        self.all_languages = all;
        self
    }

    /// The options with tagging on or off.
    pub fn with_tagged(mut self, tagged: bool) -> Self {
        self.tagged = tagged;
        self
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            standards: Standards::default(),
            tagged: true,
            image_ppi: Self::DEFAULT_IMAGE_PPI,
            language: None,
            all_languages: false,
        }
    }
}
