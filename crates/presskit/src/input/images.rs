//! Images the inputs name. They are checked when loaded (format and size,
//! from the header, so a decompression bomb costs nothing) and prepared for
//! the page when rendered: decoded with limits, turned upright by their EXIF
//! orientation, scaled down to the resolution they print at, and re-encoded
//! without metadata (a press photo's EXIF may hold where it was taken).

use std::collections::HashSet;
use std::io::Cursor;
use std::sync::Arc;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageFormat, ImageReader};

use crate::model::Asset;
use crate::sandbox::Limits;

/// The image formats presskit accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF.
    Gif,
    /// WebP.
    Webp,
    /// SVG.
    Svg,
}

impl ImageKind {
    /// The file extension Typst recognises the format by.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Png => "png",
            Self::Jpeg => "jpg",
            Self::Gif => "gif",
            Self::Webp => "webp",
            Self::Svg => "svg",
        }
    }

    fn from_format(format: ImageFormat) -> Option<Self> {
        match format {
            ImageFormat::Png => Some(Self::Png),
            ImageFormat::Jpeg => Some(Self::Jpeg),
            ImageFormat::Gif => Some(Self::Gif),
            ImageFormat::WebP => Some(Self::Webp),
            _ => None,
        }
    }
}

/// The kind of an image by its first bytes, without decoding it.
pub(crate) fn kind(data: &[u8]) -> Option<ImageKind> {
    if looks_like_svg(data) {
        return Some(ImageKind::Svg);
    }
    ImageKind::from_format(image::guess_format(data).ok()?)
}

/// Draws an SVG as a PNG that fills `bounds` (SVG units read as points) at
/// `ppi`, for mail clients that show no SVG. Text in the SVG is not drawn.
pub(crate) fn svg_to_png(data: &Arc<[u8]>, bounds: Bounds, ppi: f64) -> Result<Vec<u8>, String> {
    let data = unlink_svg(data)?;
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(&data, &options).map_err(|err| err.to_string())?;
    let size = tree.size();
    let fit = (bounds.width / f64::from(size.width())).min(bounds.height / f64::from(size.height()));
    let scale = (fit * ppi / 72.0) as f32;
    let width = (size.width() * scale).ceil().clamp(1.0, 4096.0) as u32;
    let height = (size.height() * scale).ceil().clamp(1.0, 4096.0) as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height).ok_or("the SVG has no size")?;
    resvg::render(&tree, resvg::tiny_skia::Transform::from_scale(scale, scale), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|err| err.to_string())
}

/// JPEG quality for photos: no visible loss at print size.
const JPEG_QUALITY: u8 = 88;

/// The largest box an image is printed in, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Bounds {
    /// Width, in points.
    pub width: f64,
    /// Height, in points.
    pub height: f64,
}

/// An image ready for the page.
#[derive(Debug, Clone)]
pub(crate) struct Prepared {
    /// The encoded image.
    pub data: Arc<[u8]>,
    /// Its format.
    pub kind: ImageKind,
}

/// Checks an image as it is loaded and tells its kind. Raster images are
/// judged by their header (format, dimensions, decoded size), SVG is parsed.
/// Damage further into a raster file shows when it is prepared.
pub fn check(asset: &Asset, limits: &Limits) -> Result<ImageKind, String> {
    let name = &asset.name;
    let data = &asset.data[..];
    if data.is_empty() {
        return Err(format!("the image `{name}` is an empty file"));
    }
    if looks_like_svg(data) {
        if data.len() > limits.max_svg_bytes {
            return Err(format!(
                "the SVG image `{name}` is larger than {} MB",
                limits.max_svg_bytes / 1_000_000
            ));
        }
        return check_svg(name, data, limits).map(|()| ImageKind::Svg);
    }
    header(name, data, limits).map(|(kind, _, _)| kind)
}

/// Prepares an image for printing in `bounds` at `ppi` pixels per inch at
/// most. SVG scales, so it keeps its size, but loses its links to other
/// files.
pub(crate) fn prepare(asset: &Asset, bounds: Bounds, ppi: f64, limits: &Limits) -> Result<Prepared, String> {
    let name = &asset.name;
    let data = &asset.data[..];
    if looks_like_svg(data) {
        let data =
            unlink_svg(&asset.data).map_err(|err| format!("the image `{name}` is not valid SVG: {err}"))?;
        return Ok(Prepared { data, kind: ImageKind::Svg });
    }
    // The JPEG decoder fills in what a cut-off file lacks; a cut-off photo
    // is an error here, not a grey band on the page.
    if image::guess_format(data).ok() == Some(ImageFormat::Jpeg) && !jpeg_is_complete(data) {
        return Err(format!("the image `{name}` is cut off: the JPEG data ends before the picture does"));
    }
    let (kind, ..) = header(name, data, limits)?;
    let mut reader = open(name, data)?.1;
    reader.limits(decode_limits(limits));
    let mut decoder = reader.into_decoder().map_err(|err| damaged(name, &err))?;
    let orientation = decoder.orientation().unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder).map_err(|err| damaged(name, &err))?;
    img.apply_orientation(orientation);

    let (width, height) = target_size(img.width(), img.height(), bounds, ppi);
    if (width, height) != (img.width(), img.height()) {
        img = img.resize_exact(width, height, image::imageops::FilterType::CatmullRom);
    }
    let alpha = uses_alpha(&img);
    let photo = !alpha && (kind == ImageKind::Jpeg || many_colours(&img));
    let encoded = if photo { encode_jpeg(&img) } else { encode_png(&img, alpha) }
        .map_err(|err| format!("cannot re-encode the image `{name}`: {err}"))?;
    Ok(Prepared { data: encoded.into(), kind: if photo { ImageKind::Jpeg } else { ImageKind::Png } })
}

/// The pixel size to keep: the image's own, or less when that is more than
/// `ppi` at the size it prints (it fills `bounds` keeping its proportions).
fn target_size(width: u32, height: u32, bounds: Bounds, ppi: f64) -> (u32, u32) {
    let (w, h) = (f64::from(width), f64::from(height));
    let printed_width = bounds.width.min(bounds.height * w / h);
    let wanted = (printed_width / 72.0 * ppi).ceil();
    if wanted >= w || wanted < 1.0 {
        return (width, height);
    }
    // Both are below the original's size, so they fit in u32.
    let new_height = (h * wanted / w).round().max(1.0);
    (wanted as u32, new_height as u32)
}

fn header(name: &str, data: &[u8], limits: &Limits) -> Result<(ImageKind, u32, u32), String> {
    let (kind, reader) = open(name, data)?;
    let (width, height) = reader.into_dimensions().map_err(|err| damaged(name, &err))?;
    if width == 0 || height == 0 {
        return Err(format!("the image `{name}` has no pixels ({width} × {height})"));
    }
    if width.max(height) > limits.max_image_side
        || u64::from(width) * u64::from(height) * 4 > limits.max_image_bytes
    {
        return Err(format!(
            "the image `{name}` is {width} × {height} pixels, more than presskit takes \
             (at most {} on a side and {} megapixels)",
            limits.max_image_side,
            limits.max_image_bytes / 4 / 1_000_000
        ));
    }
    Ok((kind, width, height))
}

type Reader<'a> = ImageReader<Cursor<&'a [u8]>>;

fn open<'a>(name: &str, data: &'a [u8]) -> Result<(ImageKind, Reader<'a>), String> {
    let reader = ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(|err| format!("cannot read the image `{name}`: {err}"))?;
    let kind = match reader.format() {
        Some(format) => ImageKind::from_format(format)
            .ok_or_else(|| format!("the image `{name}` is {format:?}, which presskit does not take"))?,
        None => return Err(format!("the image `{name}` is not a PNG, JPEG, GIF, WebP or SVG file")),
    };
    Ok((kind, reader))
}

/// Whether a JPEG's data runs to its end-of-image marker: walks the
/// segments to the scans, then each scan's entropy-coded data (where a
/// 0xFF byte is always followed by 0x00 or a restart marker).
fn jpeg_is_complete(data: &[u8]) -> bool {
    let mut at = 2; // after SOI
    while at + 4 <= data.len() {
        if data[at] != 0xFF {
            return false;
        }
        let marker = data[at + 1];
        match marker {
            0xD9 => return true,
            0xFF => at += 1, // fill byte
            0x01 | 0xD0..=0xD7 => at += 2,
            _ => {
                let length = usize::from(u16::from_be_bytes([data[at + 2], data[at + 3]]));
                at += 2 + length;
                if marker == 0xDA {
                    // Entropy-coded data up to the next marker.
                    let is_marker =
                        |at: usize| data[at] == 0xFF && !matches!(data[at + 1], 0x00 | 0xD0..=0xD7);
                    while at + 1 < data.len() && !is_marker(at) {
                        at += 1;
                    }
                }
            }
        }
    }
    // Only the end marker itself may close the file.
    data.get(at..at + 2) == Some(&[0xFF, 0xD9])
}

fn decode_limits(limits: &Limits) -> image::Limits {
    let mut out = image::Limits::default();
    out.max_image_width = Some(limits.max_image_side);
    out.max_image_height = Some(limits.max_image_side);
    // Room for the decoded image and the decoder's own buffers.
    out.max_alloc = Some(limits.max_image_bytes.saturating_mul(2));
    out
}

fn damaged(name: &str, err: &image::ImageError) -> String {
    format!("the image `{name}` cannot be decoded: {err}")
}

fn uses_alpha(img: &DynamicImage) -> bool {
    img.color().has_alpha() && img.to_rgba8().pixels().any(|p| p.0[3] < 255)
}

/// Photos have thousands of colours; logos, charts and screenshots few.
fn many_colours(img: &DynamicImage) -> bool {
    const ENOUGH: usize = 2048;
    let rgb = img.to_rgb8();
    let step = (rgb.len() / 3 / 40_000).max(1);
    let mut seen = HashSet::new();
    for pixel in rgb.pixels().step_by(step) {
        seen.insert(pixel.0);
        if seen.len() > ENOUGH {
            return true;
        }
    }
    false
}

fn encode_jpeg(img: &DynamicImage) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    let encoder = JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY);
    if img.color().has_color() {
        let rgb = img.to_rgb8();
        encoder.write_image(&rgb, rgb.width(), rgb.height(), ExtendedColorType::Rgb8)?;
    } else {
        let luma = img.to_luma8();
        encoder.write_image(&luma, luma.width(), luma.height(), ExtendedColorType::L8)?;
    }
    Ok(out)
}

fn encode_png(img: &DynamicImage, alpha: bool) -> image::ImageResult<Vec<u8>> {
    let mut out = Vec::new();
    let encoder = PngEncoder::new_with_quality(&mut out, CompressionType::Best, FilterType::Adaptive);
    let (w, h) = (img.width(), img.height());
    match (img.color().has_color(), alpha) {
        (true, true) => encoder.write_image(&img.to_rgba8(), w, h, ExtendedColorType::Rgba8)?,
        (true, false) => encoder.write_image(&img.to_rgb8(), w, h, ExtendedColorType::Rgb8)?,
        (false, true) => encoder.write_image(&img.to_luma_alpha8(), w, h, ExtendedColorType::La8)?,
        (false, false) => encoder.write_image(&img.to_luma8(), w, h, ExtendedColorType::L8)?,
    }
    Ok(out)
}

/// The SVG without links to other files: every `href` that is not a
/// `data:` URL or a reference inside the drawing (`#id`) is cut out. Typst
/// would refuse such a link (its world serves no other file); cut out, the
/// rest of the drawing renders and nothing outside is read or fetched.
fn unlink_svg(data: &Arc<[u8]>) -> Result<Arc<[u8]>, String> {
    let text = std::str::from_utf8(data).map_err(|_| "it is not UTF-8 text".to_string())?;
    let options = roxmltree::ParsingOptions { allow_dtd: true, ..roxmltree::ParsingOptions::default() };
    let doc = roxmltree::Document::parse_with_options(text, options).map_err(|err| err.to_string())?;
    let mut cuts: Vec<std::ops::Range<usize>> = doc
        .descendants()
        .flat_map(|node| node.attributes())
        .filter(|attr| {
            let value = attr.value().trim_start();
            attr.name() == "href" && !value.starts_with("data:") && !value.starts_with('#')
        })
        .map(|attr| attr.range())
        .collect();
    if cuts.is_empty() {
        return Ok(Arc::clone(data));
    }
    cuts.sort_by_key(|range| range.start);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for cut in cuts {
        // Attributes from entities share a range; take each span once.
        if cut.start >= at && cut.end <= text.len() {
            out.push_str(&text[at..cut.start]);
            at = cut.end;
        }
    }
    out.push_str(&text[at..]);
    Ok(out.into_bytes().into())
}

/// Parses an SVG as Typst will. Files it names are not read here (nor by
/// Typst, whose world serves only presskit's project). The raster images
/// it embeds as `data:` URLs, in SVGs it embeds too, are held to the limits
/// of an image on its own, their decoded sizes added up: Typst decodes each
/// when it writes the PDF. They are judged inside usvg's own resolver, so
/// exactly the images usvg takes are judged.
fn check_svg(name: &str, data: &[u8], limits: &Limits) -> Result<(), String> {
    use std::sync::{Arc, Mutex};
    // The first image too large, and the decoded bytes so far.
    let state: Arc<Mutex<(Option<String>, u64)>> = Arc::default();
    let judge = {
        let (state, limits, name) = (Arc::clone(&state), limits.clone(), name.to_string());
        move |data: &[u8]| {
            let Ok(mut state) = state.lock() else { return };
            let Ok((_, reader)) = open(&name, data) else { return };
            let (width, height) = match reader.into_dimensions() {
                Ok(size) => size,
                Err(err) => {
                    state.0.get_or_insert(format!(
                        "the image `{name}` embeds an image that cannot be decoded ({err})"
                    ));
                    return;
                }
            };
            state.1 += u64::from(width) * u64::from(height) * 4;
            if width.max(height) > limits.max_image_side || state.1 > limits.max_image_bytes {
                state.0.get_or_insert(format!(
                    "the image `{name}` embeds an image of {width} × {height} pixels, more than presskit \
                     takes (at most {} on a side and {} megapixels in all)",
                    limits.max_image_side,
                    limits.max_image_bytes / 4 / 1_000_000
                ));
            }
        }
    };
    let default = usvg::ImageHrefResolver::default_data_resolver();
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: Box::new(move |mime, data, options| {
                let kind = default(mime, data, options)?;
                match &kind {
                    usvg::ImageKind::JPEG(bytes)
                    | usvg::ImageKind::PNG(bytes)
                    | usvg::ImageKind::GIF(bytes)
                    | usvg::ImageKind::WEBP(bytes) => judge(bytes),
                    // Its own images went through this resolver.
                    usvg::ImageKind::SVG(_) => {}
                }
                Some(kind)
            }),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_data(data, &options)
        .map_err(|err| format!("the image `{name}` is not valid SVG: {err}"))?;
    match state.lock().map(|state| state.0.clone()) {
        Ok(Some(refusal)) => Err(refusal),
        _ => Ok(()),
    }
}

fn looks_like_svg(data: &[u8]) -> bool {
    let head = &data[..data.len().min(1024)];
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    text.starts_with("<?xml")
        || text.starts_with("<svg")
        || text.starts_with("<!--")
        || text.starts_with("<!DOCTYPE svg")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(data: Vec<u8>) -> Asset {
        Asset { name: "x".into(), data: Arc::from(data), path: None }
    }

    fn encode(img: &DynamicImage, format: ImageFormat) -> Vec<u8> {
        let mut out = Vec::new();
        img.write_to(&mut Cursor::new(&mut out), format).unwrap();
        out
    }

    /// A photo-like image: smooth gradients with fine noise.
    fn photo(width: u32, height: u32) -> DynamicImage {
        DynamicImage::ImageRgb8(image::RgbImage::from_fn(width, height, |x, y| {
            let noise = ((x * 7919 + y * 104_729) % 23) as u8;
            image::Rgb([(x % 256) as u8 ^ noise, (y % 256) as u8, ((x + y) % 256) as u8 / 2 + noise])
        }))
    }

    fn check_(asset: &Asset) -> Result<ImageKind, String> {
        check(asset, &Limits::default())
    }

    const A4_FIGURE: Bounds = Bounds { width: 470.0, height: 255.0 };

    #[test]
    fn headers_are_checked_without_decoding() {
        let png = encode(&DynamicImage::new_rgb8(3, 2), ImageFormat::Png);
        assert_eq!(check_(&asset(png.clone())), Ok(ImageKind::Png));
        // Damage after the header shows when the image is prepared.
        let mut truncated = png;
        truncated.truncate(truncated.len() - 20);
        assert_eq!(check_(&asset(truncated.clone())), Ok(ImageKind::Png));
        let err = prepare(&asset(truncated), A4_FIGURE, 300.0, &Limits::default()).unwrap_err();
        assert!(err.contains("cannot be decoded"), "{err}");
    }

    #[test]
    fn svg_and_garbage() {
        let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
        assert_eq!(check_(&asset(svg)), Ok(ImageKind::Svg));
        assert!(check_(&asset(b"\x00\x01garbage".to_vec())).is_err());
        let broken = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>".to_vec();
        assert!(check_(&asset(broken)).unwrap_err().contains("not valid SVG"));
        assert!(check_(&asset(Vec::new())).unwrap_err().contains("empty"));
    }

    #[test]
    fn svg_links_to_other_files_are_cut() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">
            <image href="file:///etc/passwd"/><image xlink:href="http://example.com/a.png"/>
            <image href="data:image/png;base64,AAAA"/><use href="#dot"/><circle id="dot" r="1"/></svg>"##;
        let out = unlink_svg(&Arc::from(&svg[..])).unwrap();
        let out = std::str::from_utf8(&out).unwrap();
        assert!(!out.contains("passwd") && !out.contains("example.com"), "{out}");
        assert!(out.contains("data:image/png") && out.contains("href=\"#dot\""), "{out}");
        assert!(check_svg("x.svg", out.as_bytes(), &Limits::default()).is_ok());
        let plain: Arc<[u8]> = Arc::from(&b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"[..]);
        assert!(Arc::ptr_eq(&unlink_svg(&plain).unwrap(), &plain));
    }

    #[test]
    fn sizes_follow_the_printed_size() {
        // A 3:2 photo in a 470 × 255 pt box prints 382.5 pt wide.
        assert_eq!(target_size(6000, 4000, A4_FIGURE, 300.0), (1594, 1063));
        assert_eq!(target_size(6000, 4000, A4_FIGURE, 150.0), (797, 531));
        // Small images are kept as they are, never enlarged.
        assert_eq!(target_size(640, 480, A4_FIGURE, 300.0), (640, 480));
        // A tall, narrow image is bounded by the height.
        assert_eq!(target_size(1000, 8000, A4_FIGURE, 300.0), (133, 1064));
    }

    #[test]
    fn photos_become_scaled_jpegs_and_graphics_pngs() {
        let jpeg = encode(&photo(2400, 1600), ImageFormat::Jpeg);
        let prepared = prepare(&asset(jpeg), A4_FIGURE, 150.0, &Limits::default()).unwrap();
        assert_eq!(prepared.kind, ImageKind::Jpeg);
        let out = image::load_from_memory(&prepared.data).unwrap();
        assert_eq!((out.width(), out.height()), (797, 531));

        let photo_png = encode(&photo(300, 200), ImageFormat::Png);
        assert_eq!(
            prepare(&asset(photo_png), A4_FIGURE, 300.0, &Limits::default()).unwrap().kind,
            ImageKind::Jpeg
        );

        let mut chart = image::RgbaImage::new(300, 200);
        for (x, _, p) in chart.enumerate_pixels_mut() {
            *p = if x < 150 { image::Rgba([200, 30, 30, 255]) } else { image::Rgba([0, 0, 0, 0]) };
        }
        let chart = encode(&DynamicImage::ImageRgba8(chart), ImageFormat::Png);
        let prepared = prepare(&asset(chart), A4_FIGURE, 300.0, &Limits::default()).unwrap();
        assert_eq!(prepared.kind, ImageKind::Png);
        assert!(image::load_from_memory(&prepared.data).unwrap().color().has_alpha());
    }

    #[test]
    fn exif_orientation_is_applied_and_dropped() {
        // A 40 × 20 JPEG whose EXIF says "rotate 90° clockwise".
        let mut jpeg = Vec::new();
        let mut encoder = JpegEncoder::new_with_quality(&mut jpeg, 90);
        let exif =
            [b"MM\0*\0\0\0\x08\0\x01".as_slice(), &[0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0], &[0, 0, 0, 0]]
                .concat();
        encoder.set_exif_metadata(exif).unwrap();
        let img = photo(40, 20).to_rgb8();
        encoder.write_image(&img, 40, 20, ExtendedColorType::Rgb8).unwrap();
        let prepared = prepare(&asset(jpeg), A4_FIGURE, 300.0, &Limits::default()).unwrap();
        let mut decoder = ImageReader::new(Cursor::new(&prepared.data[..]))
            .with_guessed_format()
            .unwrap()
            .into_decoder()
            .unwrap();
        assert_eq!(decoder.dimensions(), (20, 40));
        assert_eq!(decoder.exif_metadata().unwrap(), None);
    }

    #[test]
    fn cmyk_jpegs_keep_their_colours() {
        let cmyk = include_bytes!("../../../../tests/cases/images/cmyk.jpg");
        let prepared = prepare(&asset(cmyk.to_vec()), A4_FIGURE, 300.0, &Limits::default()).unwrap();
        let rgb = image::load_from_memory(&prepared.data).unwrap().to_rgb8();
        let expected = [((16, 16), [220, 30, 30]), ((48, 16), [30, 160, 60]), ((16, 48), [40, 60, 200])];
        for ((x, y), want) in expected {
            let got = rgb.get_pixel(x, y).0;
            let off = got.iter().zip(want).map(|(g, w)| (i32::from(*g) - w).abs()).max().unwrap();
            assert!(off < 24, "pixel {x},{y} is {got:?}, expected about {want:?}");
        }
    }

    #[test]
    fn cut_off_jpegs_are_errors() {
        let jpeg = encode(&photo(64, 48), ImageFormat::Jpeg);
        assert!(jpeg_is_complete(&jpeg));
        let mut with_trailer = jpeg.clone();
        with_trailer.extend(b"camera trailer");
        assert!(jpeg_is_complete(&with_trailer));
        for cut in [3, jpeg.len() / 3, jpeg.len() - 2, jpeg.len() - 1] {
            assert!(!jpeg_is_complete(&jpeg[..cut]), "cut at {cut}");
        }
        let err = prepare(&asset(jpeg[..jpeg.len() / 2].to_vec()), A4_FIGURE, 300.0, &Limits::default())
            .unwrap_err();
        assert!(err.contains("cut off"), "{err}");
    }

    #[test]
    fn bombs_are_refused_from_the_header() {
        // A PNG header claiming 50,000 × 50,000 pixels, with no pixels.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut ihdr = b"IHDR".to_vec();
        ihdr.extend(50_000u32.to_be_bytes());
        ihdr.extend(50_000u32.to_be_bytes());
        ihdr.extend([8, 2, 0, 0, 0]);
        png.extend(13u32.to_be_bytes());
        png.extend(&ihdr);
        png.extend(crc32fast::hash(&ihdr).to_be_bytes());
        png.extend(0u32.to_be_bytes());
        png.extend(b"IDAT");
        png.extend(crc32fast::hash(b"IDAT").to_be_bytes());
        let err = check_(&asset(png)).unwrap_err();
        assert!(err.contains("50000 × 50000 pixels"), "{err}");
    }
}
