//! Checking the images that inputs name before they reach Typst: a missing
//! or corrupt image is a presskit error that names the file, not a Typst one.

use std::io::Cursor;

use crate::model::Asset;

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
}

/// The kind of an image by its first bytes, without decoding it.
pub fn kind(data: &[u8]) -> Option<ImageKind> {
    if looks_like_svg(data) {
        return Some(ImageKind::Svg);
    }
    match image::guess_format(data).ok()? {
        image::ImageFormat::Png => Some(ImageKind::Png),
        image::ImageFormat::Jpeg => Some(ImageKind::Jpeg),
        image::ImageFormat::Gif => Some(ImageKind::Gif),
        image::ImageFormat::WebP => Some(ImageKind::Webp),
        _ => None,
    }
}

/// Largest width or height accepted, in pixels.
const MAX_DIMENSION: u32 = 20_000;
/// Largest decoded size accepted, in bytes.
const MAX_DECODED: u64 = 512 * 1024 * 1024;

/// Checks that an image decodes, and tells its kind. Raster images are fully
/// decoded (with limits, so a decompression bomb is an error); SVG must be
/// UTF-8 text with an `<svg` element.
pub fn check(asset: &Asset) -> Result<ImageKind, String> {
    let name = &asset.name;
    let data = &asset.data[..];
    if data.is_empty() {
        return Err(format!("the image `{name}` is an empty file"));
    }
    if looks_like_svg(data) {
        return check_svg(data)
            .map(|()| ImageKind::Svg)
            .map_err(|err| format!("the image `{name}` is not valid SVG: {err}"));
    }
    let reader = image::ImageReader::new(Cursor::new(data))
        .with_guessed_format()
        .map_err(|err| format!("cannot read the image `{name}`: {err}"))?;
    let kind = match reader.format() {
        Some(image::ImageFormat::Png) => ImageKind::Png,
        Some(image::ImageFormat::Jpeg) => ImageKind::Jpeg,
        Some(image::ImageFormat::Gif) => ImageKind::Gif,
        Some(image::ImageFormat::WebP) => ImageKind::Webp,
        Some(other) => {
            return Err(format!("the image `{name}` is {other:?}, which presskit does not take"));
        }
        None => return Err(format!("the image `{name}` is not a PNG, JPEG, GIF, WebP or SVG file")),
    };
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_DIMENSION);
    limits.max_image_height = Some(MAX_DIMENSION);
    limits.max_alloc = Some(MAX_DECODED);
    let mut reader = reader;
    reader.limits(limits);
    reader.decode().map_err(|err| format!("the image `{name}` cannot be decoded: {err}"))?;
    Ok(kind)
}

/// Parses an SVG as Typst will. Files it names are not read here (nor by
/// Typst, whose world serves only presskit's project).
fn check_svg(data: &[u8]) -> Result<(), String> {
    let options = usvg::Options {
        image_href_resolver: usvg::ImageHrefResolver {
            resolve_data: usvg::ImageHrefResolver::default_data_resolver(),
            resolve_string: Box::new(|_, _| None),
        },
        ..usvg::Options::default()
    };
    usvg::Tree::from_data(data, &options).map(|_| ()).map_err(|err| err.to_string())
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
    use std::sync::Arc;

    fn asset(data: Vec<u8>) -> Asset {
        Asset { name: "x".into(), data: Arc::from(data) }
    }

    #[test]
    fn png_is_decoded() {
        let mut png = Vec::new();
        image::RgbImage::new(3, 2).write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png).unwrap();
        assert_eq!(check(&asset(png.clone())), Ok(ImageKind::Png));
        png.truncate(png.len() / 2);
        assert!(check(&asset(png)).unwrap_err().contains("cannot be decoded"));
    }

    #[test]
    fn svg_and_garbage() {
        let svg = b"<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec();
        assert_eq!(check(&asset(svg)), Ok(ImageKind::Svg));
        assert!(check(&asset(b"\x00\x01garbage".to_vec())).is_err());
        let broken = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect></svg>".to_vec();
        assert!(check(&asset(broken)).unwrap_err().contains("not valid SVG"));
        assert!(check(&asset(Vec::new())).unwrap_err().contains("empty"));
    }
}
