//! `presskit fonts`: the font families a brand can use and where each
//! comes from.

use std::io::Write;
use std::path::PathBuf;

use presskit::{Brand, Renderer};

use crate::Failure;

#[derive(clap::Args)]
pub struct FontsArgs {
    /// The brand file whose fonts to list besides the bundled ones.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
}

pub fn fonts(args: &FontsArgs) -> Result<(), Failure> {
    let renderer = Renderer::new();
    let brand = match &args.brand {
        Some(path) => Brand::from_path(path)?,
        None => Brand::neutral(),
    };
    // Listing the families loads them: a font that does not parse or is
    // not installed is an error here, as it would be in a render.
    let all = renderer.font_families(&brand)?;
    let bundled = renderer.font_families(&Brand::neutral())?;
    let mut rows: Vec<(String, String)> =
        bundled.iter().map(|f| (f.clone(), "bundled with presskit".to_string())).collect();
    for font in &brand.fonts {
        match font {
            presskit::model::BrandFont::Files { family, files } => {
                let names: Vec<&str> = files.iter().map(|a| a.name.as_str()).collect();
                rows.push((family.clone(), format!("brand file: {}", names.join(", "))));
            }
            presskit::model::BrandFont::System { family } => {
                rows.push((family.clone(), "installed (system)".into()))
            }
        }
    }
    // Families a brand file holds under another name than it gives.
    let others: Vec<String> =
        all.into_iter().filter(|f| !rows.iter().any(|(r, _)| r.eq_ignore_ascii_case(f))).collect();
    rows.extend(others.into_iter().map(|family| (family, "brand".to_string())));
    for family in renderer.fallback_families() {
        rows.push((family, "bundled, for characters the fonts above lack".into()));
    }
    let width = rows.iter().map(|(f, _)| f.chars().count()).max().unwrap_or(0);
    let mut stdout = std::io::stdout().lock();
    for (family, source) in rows {
        let _ = writeln!(stdout, "{family:width$}  {source}");
    }
    Ok(())
}
