//! What a page draws: its glyphs (with the text each stands for and where
//! it sits) and its images, read by running the page through
//! `hayro-interpret` with a device that records instead of painting.

use hayro_interpret::TransformExt;
use hayro_interpret::font::Glyph as PdfGlyph;
use hayro_interpret::hayro_cmap::BfString;
use hayro_interpret::{
    BlendMode, ClipPath, Context, Device, GlyphDrawMode, Image as PdfImage, InterpreterCache,
    InterpreterSettings, Paint, PathDrawMode, SoftMask, interpret_page,
};
use hayro_syntax::content::ops::TypedInstruction;
use hayro_syntax::object::{Name, Object, dict_or_stream};
use hayro_syntax::page::Page;
use kurbo::{Affine, BezPath, Point, Rect};

use crate::{Image, decode_text};

/// A glyph as placed on the page, in points from the top left corner.
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    text: String,
    x0: f64,
    x1: f64,
    baseline: f64,
    size: f64,
}

/// A word and its box, in points from the top left corner of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    /// The word's text, its letters in visual order (left to right).
    pub text: String,
    /// Left edge.
    pub x_min: f64,
    /// Right edge.
    pub x_max: f64,
    /// Top edge.
    pub y_min: f64,
    /// Bottom edge.
    pub y_max: f64,
}

struct Recorder {
    glyphs: Vec<Glyph>,
    images: Vec<(u32, u32, String, f64, bool)>,
    /// The `ActualText` of each marked-content sequence of the page, in the
    /// order they begin; the interpreter reports tags but not properties.
    actual: std::vec::IntoIter<Option<String>>,
    /// For each open sequence: its `ActualText`, and whether a glyph has
    /// carried it yet.
    open: Vec<Option<(String, bool)>>,
}

impl<'a> Device<'a> for Recorder {
    fn set_soft_mask(&mut self, _: Option<SoftMask<'a>>) {}
    fn set_blend_mode(&mut self, _: BlendMode) {}
    fn draw_path(&mut self, _: &BezPath, _: Affine, _: &Paint<'a>, _: &PathDrawMode) {}
    fn push_clip_path(&mut self, _: &ClipPath) {}
    fn push_transparency_group(&mut self, _: f32, _: Option<SoftMask<'a>>, _: BlendMode) {}
    fn pop_clip_path(&mut self) {}
    fn pop_transparency_group(&mut self) {}

    fn draw_glyph(
        &mut self,
        glyph: &PdfGlyph<'a>,
        transform: Affine,
        glyph_transform: Affine,
        _: &Paint<'a>,
        _: &GlyphDrawMode,
    ) {
        // Glyph space has 1000 units to the em.
        let full = transform * glyph_transform;
        let origin = full * Point::ZERO;
        let advance = match glyph {
            PdfGlyph::Outline(outline) => outline.advance_width().unwrap_or(500.0),
            PdfGlyph::Type3(_) => 500.0,
        };
        let end = full * Point::new(f64::from(advance), 0.0);
        let size = full.determinant().abs().sqrt() * 1000.0;
        // Inside an `ActualText` span the first glyph carries the span's
        // text and the others none: the span replaces what they show.
        let text = match self.open.iter_mut().rev().find_map(Option::as_mut) {
            Some((actual, used)) => {
                if *used {
                    String::new()
                } else {
                    *used = true;
                    actual.clone()
                }
            }
            None => match glyph.as_unicode() {
                Some(BfString::Char(c)) => c.to_string(),
                Some(BfString::String(s)) => s,
                None => "\u{fffd}".to_string(),
            },
        };
        let (x0, x1) = if origin.x <= end.x { (origin.x, end.x) } else { (end.x, origin.x) };
        self.glyphs.push(Glyph { text, x0, x1, baseline: origin.y, size });
    }

    fn draw_image(&mut self, image: PdfImage<'a, '_>, transform: Affine) {
        // The transform takes a pixel to its place on the page, in points.
        let pixel = (transform * Point::new(1.0, 0.0) - transform * Point::ZERO).hypot();
        let (width, height) = (image.width(), image.height());
        let ppi = 72.0 / pixel;
        let (filter, stencil) = match &image {
            PdfImage::Raster(raster) => (last_filter(raster.stream().dict()), false),
            PdfImage::Stencil(_) => (String::new(), true),
        };
        self.images.push((width, height, filter, ppi, stencil));
    }

    fn begin_marked_content(&mut self, _: &[u8], _: Option<i32>) {
        let actual = self.actual.next().flatten();
        self.open.push(actual.map(|a| (a, false)));
    }

    fn end_marked_content(&mut self) {
        self.open.pop();
    }
}

fn last_filter(dict: &hayro_syntax::object::Dict<'_>) -> String {
    match dict.get::<Object<'_>>(b"Filter") {
        Some(Object::Name(name)) => name.as_str().to_string(),
        Some(Object::Array(array)) => {
            array.iter::<Name<'_>>().last().map(|n| n.as_str().to_string()).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// The `ActualText` of each marked-content sequence that `page`'s content
/// stream begins, in order.
fn actual_texts(page: &Page<'_>) -> Vec<Option<String>> {
    let mut out = Vec::new();
    let mut ops = page.typed_operations();
    while let Some(op) = ops.next() {
        match op {
            TypedInstruction::BeginMarkedContentWithProperties(bdc) => {
                let actual = dict_or_stream(bdc.1)
                    .and_then(|(props, _)| props.get::<hayro_syntax::object::String<'_>>(b"ActualText"))
                    .map(|s| decode_text(s.as_bytes()));
                out.push(actual);
            }
            TypedInstruction::BeginMarkedContent(_) => out.push(None),
            _ => {}
        }
    }
    out
}

fn record(page: &Page<'_>) -> Recorder {
    let cache = InterpreterCache::new();
    let (width, height) = page.render_dimensions();
    let mut context = Context::new(
        page.initial_transform(true).to_kurbo(),
        Rect::new(0.0, 0.0, f64::from(width), f64::from(height)),
        &cache,
        page.xref(),
        InterpreterSettings::default(),
    );
    let mut recorder = Recorder {
        glyphs: Vec::new(),
        images: Vec::new(),
        actual: actual_texts(page).into_iter(),
        open: Vec::new(),
    };
    interpret_page(page, &mut context, &mut recorder);
    recorder
}

/// The glyphs of `page`.
pub(crate) fn glyphs(page: &Page<'_>) -> Vec<Glyph> {
    record(page).glyphs
}

/// The images of `page` (numbered `number`).
pub(crate) fn images(page: &Page<'_>, number: usize) -> Vec<Image> {
    record(page)
        .images
        .into_iter()
        .map(|(width, height, filter, ppi, stencil)| Image {
            page: number,
            width,
            height,
            filter,
            ppi,
            stencil,
        })
        .collect()
}

/// Glyphs grouped into lines, top to bottom, each left to right. A glyph
/// joins a line whose baseline is within half an em of its own, so raised
/// footnote marks stay on their line.
fn group(glyphs: &[Glyph], clip: Option<Rect>) -> Vec<Vec<Glyph>> {
    let mut sorted: Vec<Glyph> = glyphs
        .iter()
        .filter(|g| !g.text.is_empty() || g.x1 > g.x0)
        .filter(|g| {
            clip.is_none_or(|c| c.contains(Point::new((g.x0 + g.x1) / 2.0, g.baseline - g.size * 0.3)))
        })
        .cloned()
        .collect();
    sorted.sort_by(|a, b| a.baseline.total_cmp(&b.baseline));
    // Each line: its glyphs, and the baseline and size of its largest glyph.
    let mut lines: Vec<(Vec<Glyph>, f64, f64)> = Vec::new();
    for glyph in sorted {
        match lines.last_mut() {
            Some((line, baseline, size))
                if (glyph.baseline - *baseline).abs() < 0.5 * size.max(glyph.size) =>
            {
                if glyph.size > *size {
                    (*baseline, *size) = (glyph.baseline, glyph.size);
                }
                line.push(glyph);
            }
            _ => {
                let (baseline, size) = (glyph.baseline, glyph.size);
                lines.push((vec![glyph], baseline, size));
            }
        }
    }
    lines
        .into_iter()
        .map(|(mut line, _, _)| {
            line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            line
        })
        .collect()
}

/// How many spaces stand for the gap after glyph `i` of a line: none for
/// the even gaps of letter-spaced text (a gap counts only by what it adds
/// to the smaller of its neighbours), one for a word space, and for a wide
/// gap as many as keep its width, as columns.
fn spaces(line: &[Glyph], i: usize) -> usize {
    let gap = |j: usize| line[j + 1].x0 - line[j].x1;
    let size = line[i].size.max(line[i + 1].size);
    let tracking = [i.checked_sub(1), (i + 2 < line.len()).then_some(i + 1)]
        .into_iter()
        .flatten()
        .map(gap)
        .fold(f64::INFINITY, f64::min)
        .clamp(0.0, 0.3 * size);
    let extra = gap(i) - if tracking.is_finite() { tracking } else { 0.0 };
    if gap(i) < 0.1 * size || extra < 0.1 * size {
        0
    } else if gap(i) < 1.5 * size {
        1
    } else {
        (gap(i) / (0.5 * size)).round() as usize
    }
}

/// The text of `glyphs` inside `clip`, a line of text per line.
pub(crate) fn lines(glyphs: &[Glyph], clip: Option<Rect>) -> String {
    let mut out = String::new();
    for line in group(glyphs, clip) {
        for (i, glyph) in line.iter().enumerate() {
            if i > 0 {
                let p = &line[i - 1];
                let blank =
                    p.text.ends_with(char::is_whitespace) || glyph.text.starts_with(char::is_whitespace);
                if !blank {
                    out.extend(std::iter::repeat_n(' ', spaces(&line, i - 1)));
                }
            }
            out.push_str(&glyph.text);
        }
        out.push('\n');
    }
    out
}

/// The words of `glyphs`, line by line.
pub(crate) fn words(glyphs: &[Glyph]) -> Vec<Word> {
    let mut out = Vec::new();
    for line in group(glyphs, None) {
        let mut current: Option<Word> = None;
        for (i, glyph) in line.iter().enumerate() {
            let gap = i > 0 && spaces(&line, i - 1) > 0;
            let blank = glyph.text.trim().is_empty();
            if (gap || blank)
                && let Some(word) = current.take()
            {
                out.push(word);
            }
            if blank {
                continue;
            }
            let (top, bottom) = (glyph.baseline - 0.8 * glyph.size, glyph.baseline + 0.2 * glyph.size);
            match &mut current {
                Some(word) => {
                    word.text.push_str(&glyph.text);
                    word.x_max = word.x_max.max(glyph.x1);
                    word.y_min = word.y_min.min(top);
                    word.y_max = word.y_max.max(bottom);
                }
                None => {
                    current = Some(Word {
                        text: glyph.text.clone(),
                        x_min: glyph.x0,
                        x_max: glyph.x1,
                        y_min: top,
                        y_max: bottom,
                    })
                }
            }
        }
        out.extend(current);
    }
    out
}
