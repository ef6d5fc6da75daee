//! The `presskit` command: renders press releases to branded PDFs.
//!
//! Exit codes: 0 success; 1 the input is invalid or could not be rendered or
//! written; 2 the command line is wrong.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};

/// Turns a structured press release into a branded, print-ready PDF.
#[derive(Parser)]
#[command(name = "presskit", version, about, long_about = None)]
#[command(after_help = "Exit codes: 0 success, 1 invalid input or failed render, 2 wrong command line.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Render a release (.md, .yaml, .json or .toml) to PDF.
    Render(RenderArgs),
}

#[derive(clap::Args)]
struct RenderArgs {
    /// The release file.
    release: PathBuf,
    /// Where to write the PDF; `-` writes to standard output.
    /// Default: the release's path with `.pdf`.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The brand file. Default: the release's `brand` field, else
    /// `_brand.yml` beside the release, else a neutral built-in brand.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
    /// Print nothing on success.
    #[arg(short, long)]
    quiet: bool,
}

/// A failure to report: the library's error, or one of the CLI's own.
struct Failure {
    message: String,
    hint: Option<String>,
}

impl From<presskit::Error> for Failure {
    fn from(err: presskit::Error) -> Self {
        Self { message: err.to_string(), hint: err.hint().map(str::to_string) }
    }
}

impl Failure {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self { message: message.into(), hint: Some(hint.into()) }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Render(args) => render(&args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "error: {}", failure.message);
            if let Some(hint) = failure.hint.filter(|h| !h.is_empty()) {
                let _ = writeln!(stderr, "hint: {hint}");
            }
            ExitCode::from(1)
        }
    }
}

fn render(args: &RenderArgs) -> Result<(), Failure> {
    let start = Instant::now();
    let output = match &args.output {
        Some(path) => path.clone(),
        None => args.release.with_extension("pdf"),
    };
    let to_stdout = output.as_os_str() == "-";
    if !to_stdout {
        check_output(&args.release, args.brand.as_deref(), &output)?;
    }

    let release = presskit::Release::from_path(&args.release)?;
    let brand = match &args.brand {
        Some(path) => presskit::Brand::from_path(path)?,
        None => presskit::Brand::for_release(&release)?,
    };
    let renderer = presskit::Renderer::new();
    let document = renderer.compile(&release, &brand)?;
    for warning in document.warnings() {
        eprintln!("warning: {warning}");
    }
    let pdf = document.pdf(&presskit::PdfOptions::default())?;

    if to_stdout {
        let mut stdout = std::io::stdout().lock();
        return match stdout.write_all(&pdf).and_then(|()| stdout.flush()) {
            Ok(()) => Ok(()),
            // A closed pipe (e.g. `| head`) is the reader's choice, not an error.
            Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(err) => {
                Err(Failure::new(format!("cannot write to standard output: {err}"), "check the pipe"))
            }
        };
    }
    write_atomically(&output, &pdf)?;
    if !args.quiet {
        eprintln!(
            "rendered {} ({} {}, {} KB) in {} ms",
            output.display(),
            document.page_count(),
            if document.page_count() == 1 { "page" } else { "pages" },
            pdf.len().div_ceil(1024),
            start.elapsed().as_millis()
        );
    }
    Ok(())
}

/// Refuses outputs that would overwrite an input or cannot be a PDF.
fn check_output(release: &Path, brand: Option<&Path>, output: &Path) -> Result<(), Failure> {
    let is_pdf = output.extension().is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf {
        return Err(Failure::new(
            format!("{}: the output must be a .pdf file", output.display()),
            "name the output with a .pdf extension, or `-` for standard output",
        ));
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    for input in std::iter::once(release).chain(brand) {
        if same(input, output) {
            return Err(Failure::new(
                format!("{}: the output is the same file as the input", output.display()),
                "choose another output path with -o",
            ));
        }
    }
    Ok(())
}

/// Writes to a temporary file beside the target, then renames it into place,
/// so that a failure never leaves a partial file.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let fail = |err: std::io::Error| {
        Failure::new(
            format!("{}: cannot write the output: {}", path.display(), plain_io(&err)),
            if dir.is_dir() {
                "check that the folder is writable".to_string()
            } else {
                format!("create the folder {} first", dir.display())
            },
        )
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".presskit-").suffix(".tmp");
    // Temporary files are private (0600); the PDF is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder.tempfile_in(dir).map_err(fail)?;
    file.write_all(bytes).and_then(|()| file.as_file().sync_all()).map_err(fail)?;
    file.persist(path).map_err(|err| fail(err.error))?;
    Ok(())
}

fn plain_io(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
