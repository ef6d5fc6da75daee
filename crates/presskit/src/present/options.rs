//! What to render (which languages) and how (the PDF standards, tagging and
//! image resolution), each checked when it is set.

use crate::error::{Error, ErrorKind, Result};
use crate::model::Lang;
use crate::standards::Standards;

/// Which of a release's languages a document holds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Languages {
    /// The release's own language.
    #[default]
    Original,
    /// One language: the release's own or one of its translations
    /// (matched by tag, then by language alone: `fr` finds `fr-BE`).
    One(Lang),
    /// Every language in turn in one document, each with its own labels,
    /// hyphenation and page numbering. For one document per language, render
    /// each of [`Release::languages`](crate::Release::languages) with
    /// [`Languages::One`].
    Combined,
}

/// Options for rendering. `Options::default()` gives the release's own
/// language in a tagged PDF 1.7 with images at up to 300 pixels per inch.
///
/// The language choice applies to every output (PDF, PNG, SVG, HTML, text,
/// email). The standards and tagging concern the PDF only; the image
/// resolution applies to the pages (PDF, PNG, SVG) and to the images an
/// HTML page or email carries.
///
/// ```
/// use presskit::{Lang, Languages, Options, Standards};
///
/// let options = Options::default()
///     .with_languages(Languages::One(Lang::parse("fr").unwrap()))
///     .with_standards(Standards::ARCHIVAL)
///     .with_image_ppi(150.0)?;
/// assert_eq!(options.image_ppi(), 150.0);
/// assert!(Options::default().with_image_ppi(f64::NAN).is_err());
/// # Ok::<(), presskit::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    languages: Languages,
    standards: Standards,
    tagged: bool,
    image_ppi: f64,
}

impl Options {
    /// The default image resolution, for print.
    pub const DEFAULT_IMAGE_PPI: f64 = 300.0;

    /// The lowest and highest image resolutions accepted, in pixels per inch.
    pub const IMAGE_PPI_RANGE: std::ops::RangeInclusive<f64> = 30.0..=2400.0;

    /// The options for other languages.
    pub fn with_languages(mut self, languages: Languages) -> Self {
        self.languages = languages;
        self
    }

    /// The options with other PDF standards.
    pub fn with_standards(mut self, standards: Standards) -> Self {
        self.standards = standards;
        self
    }

    /// The options with tagging (structure for screen readers and reflow)
    /// on or off. PDF/UA-1 needs it: asking for both is refused at render.
    pub fn with_tagged(mut self, tagged: bool) -> Self {
        self.tagged = tagged;
        self
    }

    /// The options with another image resolution: the most pixels per inch
    /// a raster image keeps at the size it is printed (larger ones are
    /// scaled down). 300 suits print, 150 email. An error outside
    /// [`IMAGE_PPI_RANGE`](Self::IMAGE_PPI_RANGE) or not a number.
    pub fn with_image_ppi(mut self, ppi: f64) -> Result<Self> {
        if !(ppi.is_finite() && Self::IMAGE_PPI_RANGE.contains(&ppi)) {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("an image resolution of {ppi} pixels per inch is out of range"),
            )
            .with_hint("choose between 30 and 2400; 300 suits print, 150 email"));
        }
        self.image_ppi = ppi;
        Ok(self)
    }

    /// The languages the document holds.
    pub fn languages(&self) -> &Languages {
        &self.languages
    }

    /// The PDF standards to conform to. Default: none.
    pub fn standards(&self) -> Standards {
        self.standards
    }

    /// Whether the PDF is tagged. Default: yes.
    pub fn tagged(&self) -> bool {
        self.tagged
    }

    /// The most pixels per inch an image keeps. Default: 300.
    pub fn image_ppi(&self) -> f64 {
        self.image_ppi
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            languages: Languages::Original,
            standards: Standards::default(),
            tagged: true,
            image_ppi: Self::DEFAULT_IMAGE_PPI,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn image_resolution_is_checked_when_set() {
        for ppi in [f64::NAN, f64::INFINITY, 29.9, 2400.1, -300.0] {
            assert!(Options::default().with_image_ppi(ppi).is_err(), "{ppi}");
        }
        for ppi in [30.0, 150.0, 2400.0] {
            assert_eq!(Options::default().with_image_ppi(ppi).unwrap().image_ppi(), ppi);
        }
    }
}
