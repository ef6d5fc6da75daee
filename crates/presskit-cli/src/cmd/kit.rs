//! `presskit kit`: a media kit as one PDF with a cover and linked contents;
//! with `--split`, also each document as a PDF with a page-1 thumbnail and
//! a `manifest.json`, in a folder or (`--zip`) one archive.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

use presskit::Kit;
use serde_json::json;

use crate::job::{InputArgs, options, parse_ppi};
use crate::output::{check_not_input, human_size, write_atomically};
use crate::{Failure, Say};

#[derive(clap::Args)]
pub struct KitArgs {
    /// The kit file (YAML): title, date and the documents in order.
    kit: PathBuf,
    /// Where to write: the combined PDF; with --split a folder; with --zip
    /// a .zip file. Default: beside the kit file, named after it.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Also write each document as a PDF of its own, with a PNG of its
    /// first page and a manifest.json listing the files.
    #[arg(long)]
    split: bool,
    /// Bundle the split files into one .zip.
    #[arg(long, requires = "split")]
    zip: bool,
    /// Pixels per inch of the page-1 thumbnails.
    #[arg(long, value_name = "PPI", default_value_t = 48.0, value_parser = parse_ppi)]
    thumbnail_ppi: f32,
    #[command(flatten)]
    input: InputArgs,
}

/// A file of the kit's output, by its name in the folder or archive.
struct OutFile {
    name: String,
    data: Vec<u8>,
}

pub fn kit(args: &KitArgs, say: Say) -> Result<(), Failure> {
    let start = Instant::now();
    let source = &args.input.source;
    let kit = Kit::from_path_in(&args.kit, source.sandbox())?;
    let brand = source.brand(|| kit.brand())?;
    let options = options(&args.input)?;
    let renderer = args.input.source.renderer();
    let stem = args.kit.file_stem().map_or("kit".into(), |s| s.to_string_lossy().into_owned());

    let combined = renderer.compile_kit(&kit, &brand, &options)?;
    for warning in combined.warnings() {
        anstream::eprintln!("{} {warning}", crate::style::warning());
    }
    let combined_pdf = combined.pdf()?;
    let inputs: Vec<PathBuf> = kit.files().into_iter().chain(brand.files()).collect();
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();

    if !args.split {
        let out = args.output.clone().unwrap_or_else(|| args.kit.with_extension("pdf"));
        check_not_input(&out, &inputs)?;
        write_atomically(&out, &combined_pdf)?;
        if !say.quiet {
            eprintln!(
                "wrote {} ({} documents, {} pages, {}) in {} ms",
                out.display(),
                kit.documents.len(),
                combined.page_count(),
                human_size(combined_pdf.len() as u64),
                start.elapsed().as_millis()
            );
        }
        return Ok(());
    }

    // Each document alone, in the kit's brand, with a thumbnail.
    let mut files = vec![OutFile { name: format!("{stem}.pdf"), data: combined_pdf }];
    let mut entries = Vec::new();
    for (i, release) in kit.documents.iter().enumerate() {
        let document = renderer.compile_with(release, &brand, &options)?;
        let pdf = document.pdf()?;
        let png = document.png(0, args.thumbnail_ppi)?;
        let name = format!("{:02}-{}", i + 1, release.file_stem());
        entries.push(json!({
            "file": format!("{name}.pdf"),
            "thumbnail": format!("{name}.png"),
            "title": release.headline,
            "label": release.label,
            "languages": release.languages().iter().map(|l| l.as_str().to_string()).collect::<Vec<_>>(),
            "date": release.date.to_string(),
            "pages": document.page_count(),
            "bytes": pdf.len(),
            "thumbnail_bytes": png.len(),
            "source": release.origin().name.file_name().map(|n| n.to_string_lossy().into_owned()),
        }));
        files.push(OutFile { name: format!("{name}.pdf"), data: pdf });
        files.push(OutFile { name: format!("{name}.png"), data: png });
    }
    let manifest = json!({
        "generator": concat!("presskit ", env!("CARGO_PKG_VERSION")),
        "title": kit.title,
        "subtitle": kit.subtitle,
        "date": kit.date.to_string(),
        "combined": { "file": files[0].name, "pages": combined.page_count(), "bytes": files[0].data.len() },
        "documents": entries,
    });
    let mut text = serde_json::to_string_pretty(&manifest).unwrap_or_default();
    text.push('\n');
    files.push(OutFile { name: "manifest.json".into(), data: text.into_bytes() });
    let total: usize = files.iter().map(|f| f.data.len()).sum();

    let written = if args.zip {
        let out = args.output.clone().unwrap_or_else(|| args.kit.with_extension("zip"));
        check_not_input(&out, &inputs)?;
        write_atomically(&out, &zip(&files, &kit)?)?;
        out
    } else {
        let dir = args.output.clone().unwrap_or_else(|| args.kit.with_file_name(&stem));
        write_folder(&dir, &files, &inputs)?;
        dir
    };
    if !say.quiet {
        eprintln!(
            "wrote {} ({} files, {}: the kit and {} documents, each with a thumbnail) in {} ms",
            written.display(),
            files.len(),
            human_size(total as u64),
            kit.documents.len(),
            start.elapsed().as_millis()
        );
    }
    Ok(())
}

fn write_folder(dir: &Path, files: &[OutFile], inputs: &[&Path]) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|err| {
        Failure::new(
            format!("{}: cannot create the folder: {}", dir.display(), crate::output::plain_io(&err)),
            "check that its parent is writable",
        )
    })?;
    for file in files {
        check_not_input(&dir.join(&file.name), inputs)?;
    }
    for file in files {
        write_atomically(&dir.join(&file.name), &file.data)?;
    }
    Ok(())
}

/// The files as a zip archive, the same bytes for the same kit: entries in
/// order, dated with the kit's date, deflated at one fixed level.
fn zip(files: &[OutFile], kit: &Kit) -> Result<Vec<u8>, Failure> {
    use zip::write::SimpleFileOptions;
    let fail = |err: zip::result::ZipError| {
        Failure::new(format!("cannot build the .zip: {err}"), "report this as a bug")
    };
    let date = zip::DateTime::from_date_and_time(
        u16::try_from(kit.date.year().clamp(1980, 2107)).unwrap_or(1980),
        kit.date.month(),
        kit.date.day(),
        0,
        0,
        0,
    )
    .unwrap_or_default();
    let options = SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .compression_level(Some(6))
        .last_modified_time(date)
        .unix_permissions(0o644);
    let mut archive = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for file in files {
        archive.start_file(file.name.as_str(), options).map_err(fail)?;
        archive.write_all(&file.data).map_err(|err| fail(err.into()))?;
    }
    Ok(archive.finish().map_err(fail)?.into_inner())
}
