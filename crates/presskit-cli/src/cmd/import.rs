//! `presskit import`: a release in another format (Word, a web page, text
//! from an email, Markdown without front matter) written as a presskit
//! release, with a report of what was found where.

use std::path::{Path, PathBuf};

use presskit::{Brand, Imported, Origin};

use crate::output::{self, check_not_input, write_all_or_none};
use crate::{Failure, Say};

#[derive(clap::Args)]
pub struct ImportArgs {
    /// The release to import: .docx, .html, .txt or .md (without front
    /// matter).
    file: PathBuf,
    /// Where to write the release (Markdown with front matter); `-` for
    /// standard output. Default: the file's name with `.md`, beside it.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// The brand the release will render with: what it already says
    /// (address, "About", contacts) is left out of the release. Default:
    /// `_brand.yml` beside the output, if there is one.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
    /// How to print the report: `text` on standard error, or `json` on
    /// standard output (then the release cannot go there too).
    #[arg(long, value_enum, default_value = "text")]
    format: ReportFormat,
    /// Replace the output and image files if they exist (never the input).
    #[arg(long)]
    force: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum ReportFormat {
    Text,
    Json,
}

pub fn import(args: &ImportArgs, say: Say) -> Result<(), Failure> {
    let to_stdout = args.output.as_deref() == Some(Path::new("-"));
    if to_stdout && matches!(args.format, ReportFormat::Json) {
        return Err(Failure::new(
            "the release and the JSON report cannot both go to standard output",
            "give the release a file with -o, or print the report as text",
        ));
    }
    let output = match &args.output {
        Some(path) => path.clone(),
        None => default_output(&args.file),
    };
    let dir = match output.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let beside = if dir == Path::new(".") { PathBuf::from("_brand.yml") } else { dir.join("_brand.yml") };
    let brand_file = args.brand.clone().or_else(|| (!to_stdout && beside.is_file()).then(|| beside.clone()));
    let brand = brand_file.as_deref().map(Brand::from_path).transpose()?;
    let imported = Imported::from_path(&args.file, brand.as_ref())?;

    let mut files: Vec<(PathBuf, Vec<u8>)> = Vec::new();
    if !to_stdout {
        files.push((output.clone(), imported.markdown().as_bytes().to_vec()));
        for (name, data) in imported.images() {
            files.push((dir.join(name), data.clone()));
        }
    }
    // The brand's parts get a brand file when there is none to hold them.
    let suggested = imported.report().suggested_brand.as_deref();
    let write_brand = !to_stdout && brand_file.is_none() && suggested.is_some() && !beside.exists();
    if write_brand && let Some(text) = suggested {
        files.push((beside.clone(), text.as_bytes().to_vec()));
    }
    let inputs: Vec<&Path> = std::iter::once(args.file.as_path()).chain(brand_file.as_deref()).collect();
    for (path, _) in &files {
        check_not_input(path, &inputs)?;
        if !args.force && path.exists() && *path != beside {
            return Err(Failure::new(
                format!("{}: the file exists", path.display()),
                "choose another output with -o, or add --force to replace it",
            ));
        }
    }
    write_all_or_none(files.iter().map(|(p, d)| (p.as_path(), d.as_slice())))?;
    if to_stdout {
        output::write_stdout(imported.markdown().as_bytes())?;
    }

    let report = imported.report();
    match args.format {
        ReportFormat::Json => {
            let json = serde_json::to_string_pretty(report)
                .map_err(|e| Failure::new(format!("cannot write the report: {e}"), "report this as a bug"))?;
            output::write_stdout(format!("{json}\n").as_bytes())?;
        }
        ReportFormat::Text if !say.quiet => eprint!("{report}"),
        ReportFormat::Text => {}
    }
    if !say.quiet {
        if !to_stdout {
            eprintln!(
                "wrote {}{}",
                output.display(),
                match imported.images().len() {
                    0 => String::new(),
                    n => format!(" and {} beside it", output::plural(n, "image")),
                }
            );
        }
        if to_stdout && !imported.images().is_empty() {
            eprintln!(
                "warning: the release names {} that standard output cannot hold: import with -o FILE to write them",
                output::plural(imported.images().len(), "image")
            );
        }
        if write_brand {
            eprintln!(
                "wrote {} with the organisation's address and \"About\" found in the source",
                beside.display()
            );
        } else if suggested.is_some() && brand_file.is_none() && !to_stdout {
            eprintln!(
                "{} exists: the suggested brand parts are in the report (--format json)",
                beside.display()
            );
        }
    }
    // A release that does not load says so now, not at the first render.
    let origin = if to_stdout { Origin::named("release.md") } else { Origin::for_file(&output) };
    if let Err(err) = imported.release(origin) {
        let hint = match err.hint() {
            Some(hint) => format!("{hint}; then `presskit check` it"),
            None => "add what the report lists as missing, then `presskit check` it".to_string(),
        };
        return Err(Failure::new(format!("the imported release does not load yet: {err}"), hint));
    }
    Ok(())
}

/// `release.docx` → `release.md`; a Markdown source gets `-release.md`, so
/// it is never the output.
fn default_output(file: &Path) -> PathBuf {
    let stem = file.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "release".into());
    let is_md =
        file.extension().is_some_and(|e| e.eq_ignore_ascii_case("md") || e.eq_ignore_ascii_case("markdown"));
    let name = if is_md { format!("{stem}-release.md") } else { format!("{stem}.md") };
    file.with_file_name(name)
}
