//! The `presskit` command: renders press releases to branded PDFs.
//!
//! Exit codes: 0 success; 1 the input is invalid or could not be rendered or
//! written; 2 the command line is wrong.

mod batch;
mod check;
mod hint;
mod kit;
mod output;
mod render;
mod scaffold;
mod style;
mod watch;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use clap::{Parser, Subcommand};
use presskit::{Brand, Languages, Options, Release, Renderer, Sandbox, Standards};

use crate::output::{check_not_input, human_size, write_atomically};

/// Turns a structured press release into a branded, print-ready PDF.
#[derive(Parser)]
#[command(name = "presskit", version, about, long_about = None)]
#[command(after_help = "Exit codes: 0 success, 1 invalid input or failed render, 2 wrong command line.")]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Print nothing on success; errors and warnings still go to standard
    /// error.
    #[arg(short, long, global = true)]
    quiet: bool,
    /// Say more: each step's time, the files read and written.
    #[arg(short, long, global = true, conflicts_with = "quiet")]
    verbose: bool,
}

#[derive(Subcommand)]
enum Command {
    /// Render a release (.md, .yaml, .json or .toml) to PDF, PNG or SVG.
    Render(render::RenderArgs),
    /// Check releases without rendering: errors as `render` gives them, and
    /// warnings where a release departs from press conventions.
    Check(check::CheckArgs),
    /// Render a release again on every save of it, its brand or a file
    /// they name, printing how long each render took and any error.
    Watch(render::RenderArgs),
    /// Render a media kit: a cover, linked contents and each document with
    /// its own page numbers, in one PDF; --split and --zip for the parts.
    Kit(kit::KitArgs),
    /// Write a release as a Typst project that the stock `typst` command
    /// compiles to the same layout, for hand-tuning.
    Typst(TypstArgs),
    /// Write a release as an email message (.eml): text and HTML bodies from
    /// the same source as the PDF, which is attached. Nothing is sent.
    Email(EmailArgs),
    /// Start a folder with a brand, a release showing every feature and a
    /// placeholder logo; `presskit render DIR/release.md` works right away.
    New(NewArgs),
    /// List the font families a brand can use and where each comes from.
    Fonts(FontsArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
}

#[derive(clap::Args)]
struct NewArgs {
    /// The folder to start; made if missing. Default: the current folder.
    dir: Option<PathBuf>,
    /// Reuse this brand file (and the logo and fonts it names) instead of
    /// the example brand.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
}

#[derive(clap::Args)]
struct FontsArgs {
    /// The brand file whose fonts to list besides the bundled ones.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
}

#[derive(clap::Args)]
struct EmailArgs {
    /// The release file.
    release: PathBuf,
    /// Where to write the message. Default: the release's path with `.eml`.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// The sender, e.g. "Press Office <press@example.org>". Default: the
    /// first media contact with an email address.
    #[arg(long, value_name = "ADDRESS")]
    from: Option<String>,
    /// A recipient (repeat for several). None: no `To` (send with Bcc).
    #[arg(long, value_name = "ADDRESS")]
    to: Vec<String>,
    /// The subject. Default: the headline, after the embargo if any.
    #[arg(long)]
    subject: Option<String>,
    /// The message's date, RFC 3339 (2026-03-02T09:00:00+01:00). Default: now.
    #[arg(long, value_parser = presskit::model::parse_timestamp)]
    date: Option<std::time::SystemTime>,
    /// A fixed Message-ID. Default: derived from the message.
    #[arg(long, value_name = "ID")]
    message_id: Option<String>,
    /// The language to write in: one of the release's.
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    #[command(flatten)]
    input: InputArgs,
}

#[derive(clap::Args)]
struct TypstArgs {
    /// The release file.
    release: PathBuf,
    /// The folder to write the project to; it must be new or empty
    /// unless --force is given.
    #[arg(short, long, value_name = "DIR")]
    output: PathBuf,
    #[command(flatten)]
    input: InputArgs,
    /// Write into a folder that holds files already, replacing those the
    /// project has (never the release or brand).
    #[arg(long)]
    force: bool,
}

/// Where a release's brand and files come from: shared by every command
/// that loads a release.
#[derive(clap::Args, Clone)]
struct SourceArgs {
    /// The brand file. Default: the release's `brand` field, else
    /// `_brand.yml` beside the release, else a neutral built-in brand.
    #[arg(long, value_name = "FILE")]
    brand: Option<PathBuf>,
    /// A folder whose files the release and brand may name, besides their
    /// own folders (repeat for several). Paths out of these are refused.
    #[arg(long = "allow-dir", value_name = "DIR", value_parser = parse_folder)]
    allow_dirs: Vec<PathBuf>,
    /// The look: classic, modern or compact. Default: the brand's
    /// `defaults.presskit.theme`, else classic.
    #[arg(long, value_name = "THEME", value_parser = parse_theme)]
    theme: Option<presskit::model::Theme>,
}

/// What is rendered and how: shared by `render` and `typst`.
#[derive(clap::Args)]
struct InputArgs {
    #[command(flatten)]
    source: SourceArgs,
    /// PDF standards, comma-separated: a-2b, a-3b (carries the release as
    /// JSON), ua-1, or `archival` for a-2b with ua-1.
    #[arg(long, value_name = "STANDARDS", value_parser = parse_standards)]
    standard: Option<Standards>,
    /// The most pixels per inch a photo keeps at its printed size; larger
    /// images are scaled down. Lower it (e.g. 150) for email.
    #[arg(long, value_name = "PPI", default_value_t = Options::DEFAULT_IMAGE_PPI, value_parser = parse_image_ppi)]
    image_ppi: f64,
}

/// `--allow-dir`: a folder that exists, or a usage error (a mistyped one
/// was silently allowed, then every path in it refused).
fn parse_folder(text: &str) -> Result<PathBuf, String> {
    let path = PathBuf::from(text);
    if path.is_dir() { Ok(path) } else { Err(format!("`{text}` is not a folder")) }
}

/// `--image-ppi`: refused on the command line (exit 2) when out of the
/// library's range, as `--ppi` is.
fn parse_image_ppi(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(ppi) if Options::IMAGE_PPI_RANGE.contains(&ppi) => Ok(ppi),
        _ => Err(format!("`{text}` is not a resolution between 30 and 2400 pixels per inch")),
    }
}

/// How much to say on standard error.
#[derive(Clone, Copy)]
struct Say {
    quiet: bool,
    verbose: bool,
}

/// A failure to report: the library's error, or one of the CLI's own.
struct Failure {
    message: String,
    hint: Option<String>,
    /// The library's error, for reports that show its parts.
    error: Option<Box<presskit::Error>>,
}

impl From<presskit::Error> for Failure {
    fn from(err: presskit::Error) -> Self {
        Self { message: err.to_string(), hint: hint::for_error(&err), error: Some(Box::new(err)) }
    }
}

impl Failure {
    fn new(message: impl Into<String>, hint: impl Into<String>) -> Self {
        Self { message: message.into(), hint: Some(hint.into()), error: None }
    }

    /// Exit 1 with nothing more to say: the command has reported already.
    fn silent() -> Self {
        Self { message: String::new(), hint: None, error: None }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let say = Say { quiet: cli.quiet, verbose: cli.verbose };
    let result = match cli.command {
        Command::Render(args) => render::render(&args, say),
        Command::Check(args) => check::check(&args, cli.quiet),
        Command::Watch(args) => watch::watch(&args, say),
        Command::Kit(args) => kit::kit(&args, say),
        Command::Typst(args) => typst(&args, say),
        Command::Email(args) => email(&args, say),
        Command::New(args) => new(&args, say),
        Command::Fonts(args) => fonts(&args),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "presskit", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            match clap_mangen::Man::new(command).render(&mut page) {
                Ok(()) => write_stdout(&page),
                Err(err) => {
                    Err(Failure::new(format!("cannot write the man page: {err}"), "report this as a bug"))
                }
            }
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            if !failure.message.is_empty() {
                report(&failure);
            }
            ExitCode::from(1)
        }
    }
}

/// Prints a failure: `error: …` and `hint: …` lines on standard error.
fn report(failure: &Failure) {
    let style = style::Style::stderr();
    let mut stderr = std::io::stderr().lock();
    let _ = writeln!(stderr, "{} {}", style.error(), failure.message);
    if let Some(hint) = failure.hint.as_deref().filter(|h| !h.is_empty()) {
        let _ = writeln!(stderr, "{} {hint}", style.hint());
    }
}

fn parse_theme(text: &str) -> Result<presskit::model::Theme, String> {
    text.parse()
}

fn parse_standards(text: &str) -> Result<Standards, String> {
    text.parse()
}

/// The release and brand, loaded; the brand file's path, if any.
fn load(release: &Path, input: &SourceArgs) -> Result<(Release, Brand, Option<PathBuf>), Failure> {
    let release = Release::from_path_in(release, input.sandbox())?;
    let brand = input.brand(|| Brand::for_release(&release))?;
    let brand_file = brand.origin.as_ref().map(|o| o.name.clone());
    Ok((release, brand, brand_file))
}

impl SourceArgs {
    /// The sandbox the command line allows.
    fn sandbox(&self) -> Sandbox {
        Sandbox { allowed_dirs: self.allow_dirs.clone(), ..Sandbox::default() }
    }

    /// The brand `--brand` names, else `default`'s, with `--theme` applied.
    fn brand(&self, default: impl FnOnce() -> presskit::Result<Brand>) -> Result<Brand, Failure> {
        let mut brand = match &self.brand {
            Some(path) => Brand::from_path_in(path, self.sandbox())?,
            None => default()?,
        };
        if let Some(theme) = self.theme {
            brand.layout.theme = theme;
        }
        Ok(brand)
    }
}

fn options(input: &InputArgs) -> Result<Options, Failure> {
    Ok(Options::default()
        .with_standards(input.standard.unwrap_or_default())
        .with_image_ppi(input.image_ppi)?)
}

fn new(args: &NewArgs, say: Say) -> Result<(), Failure> {
    let dir = args.dir.clone().unwrap_or_else(|| PathBuf::from("."));
    let written = scaffold::new(&dir, args.brand.as_deref())?;
    if !say.quiet {
        for path in &written {
            eprintln!("wrote {}", path.display());
        }
        eprintln!("next: presskit render {}", dir.join("release.md").display());
    }
    Ok(())
}

fn fonts(args: &FontsArgs) -> Result<(), Failure> {
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

fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (e.g. `| head`) is the reader's choice, not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Failure::new(
            format!("cannot write to standard output: {}", output::plain_io(&err)),
            "check the pipe",
        )),
    }
}

fn email(args: &EmailArgs, say: Say) -> Result<(), Failure> {
    let start = Instant::now();
    let output = args.output.clone().unwrap_or_else(|| args.release.with_extension("eml"));
    let to_stdout = output.as_os_str() == "-";
    let (release, brand, brand_file) = load(&args.release, &args.input.source)?;
    for warning in check::embargo(&release, &brand) {
        eprintln!("warning: {warning}");
    }
    let mut options = options(&args.input)?;
    if let Some(tag) = &args.lang {
        let lang = presskit::Lang::parse(tag)
            .map_err(|err| Failure::new(err, "give a language tag like fr or nl-BE"))?;
        options = options.with_languages(Languages::One(lang));
    }
    let mut email = presskit::EmailOptions::default();
    email.from.clone_from(&args.from);
    email.to.clone_from(&args.to);
    email.subject.clone_from(&args.subject);
    email.date = args.date;
    email.message_id.clone_from(&args.message_id);
    let message = Renderer::new().email(&release, &brand, &options, &email)?;
    if to_stdout {
        return write_stdout(&message);
    }
    let named: Vec<&Path> = std::iter::once(args.release.as_path()).chain(brand_file.as_deref()).collect();
    let read = output::input_files(&release, &brand, &named);
    let inputs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
    check_not_input(&output, &inputs)?;
    write_atomically(&output, &message)?;
    if !say.quiet {
        eprintln!(
            "wrote {} ({}, with {}.pdf attached) in {} ms",
            output.display(),
            human_size(message.len() as u64),
            release.file_stem(),
            start.elapsed().as_millis()
        );
    }
    Ok(())
}

fn typst(args: &TypstArgs, say: Say) -> Result<(), Failure> {
    let dir = &args.output;
    if !args.force
        && let Ok(mut entries) = std::fs::read_dir(dir)
        && entries.next().is_some()
    {
        return Err(Failure::new(
            format!("{}: the folder is not empty", dir.display()),
            "choose a new folder, or add --force to replace the project's files in it",
        ));
    }
    if dir.exists() && !dir.is_dir() {
        return Err(Failure::new(format!("{}: is a file, not a folder", dir.display()), "choose a folder"));
    }
    let (release, brand, brand_file) = load(&args.release, &args.input.source)?;
    let named: Vec<&Path> = std::iter::once(args.release.as_path()).chain(brand_file.as_deref()).collect();
    let read = output::input_files(&release, &brand, &named);
    let inputs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
    let files = Renderer::new().typst_project(&release, &brand, &options(&args.input)?)?;
    for file in &files {
        check_not_input(&dir.join(&file.path), &inputs)?;
    }
    for file in &files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|err| {
                Failure::new(
                    format!("{}: cannot create the folder: {}", parent.display(), output::plain_io(&err)),
                    "check that the folder is writable",
                )
            })?;
        }
        write_atomically(&path, &file.data)?;
    }
    if !say.quiet {
        eprintln!("wrote a Typst project of {} files to {}", files.len(), dir.display());
        eprintln!(
            "compile it with: typst compile --font-path {} --ignore-system-fonts {}",
            dir.join("fonts").display(),
            dir.join("release.typ").display()
        );
    }
    Ok(())
}
