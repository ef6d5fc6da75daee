//! The `presskit` command: renders press releases to branded PDFs.
//!
//! Exit codes: 0 success; 1 the input is invalid or could not be rendered or
//! written; 2 the command line is wrong.

mod batch;
mod cmd;
mod hint;
mod job;
mod output;
mod style;
mod watcher;

use std::io::Write;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::cmd::{check, email, fonts, import, kit, new, preview, render, serve, typst, watch};

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
    Render(job::RenderArgs),
    /// Check releases without rendering: errors as `render` gives them, and
    /// warnings where a release departs from press conventions.
    Check(check::CheckArgs),
    /// Render a release again on every save of it, its brand or a file
    /// they name, printing how long each render took and any error.
    Watch(job::RenderArgs),
    /// Render a media kit: a cover, linked contents and each document with
    /// its own page numbers, in one PDF; --split and --zip for the parts.
    Kit(kit::KitArgs),
    /// Write a release as a Typst project that the stock `typst` command
    /// compiles to the same layout, for hand-tuning.
    Typst(typst::TypstArgs),
    /// Write a release as an email message (.eml): text and HTML bodies from
    /// the same source as the PDF, which is attached. Nothing is sent.
    Email(email::EmailArgs),
    /// Import a release from Word (.docx), a web page (.html), text from an
    /// email (.txt) or Markdown without front matter: write it as a
    /// presskit release and report what was found where.
    Import(import::ImportArgs),
    /// Start a folder with a brand, a release showing every feature and a
    /// placeholder logo; `presskit render DIR/release.md` works right away.
    New(new::NewArgs),
    /// List the font families a brand can use and where each comes from.
    Fonts(fonts::FontsArgs),
    /// Show a release's pages in the browser, updated on every save of it,
    /// its translations, images or brand, with check's warnings beside.
    Preview(preview::PreviewArgs),
    /// Serve renders over HTTP for newsroom systems: POST /v1/render with a
    /// release, get its PDF (or PNG, SVG, HTML, text, email). See
    /// docs/SERVICE.md.
    Serve(serve::ServeArgs),
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff).
    Man,
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
        Command::Typst(args) => typst::typst(&args, say),
        Command::Email(args) => email::email(&args, say),
        Command::New(args) => new::new(&args, say),
        Command::Import(args) => import::import(&args, say),
        Command::Fonts(args) => fonts::fonts(&args),
        Command::Serve(args) => serve::serve(&args, say),
        Command::Preview(args) => preview::preview(&args, say),
        Command::Completions { shell } => {
            let mut command = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut command, "presskit", &mut std::io::stdout());
            Ok(())
        }
        Command::Man => {
            let command = <Cli as clap::CommandFactory>::command();
            let mut page = Vec::new();
            match clap_mangen::Man::new(command).render(&mut page) {
                Ok(()) => output::write_stdout(&page),
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
    let mut stderr = anstream::stderr().lock();
    let _ = writeln!(stderr, "{} {}", style::error(), failure.message);
    if let Some(hint) = failure.hint.as_deref().filter(|h| !h.is_empty()) {
        let _ = writeln!(stderr, "{} {hint}", style::hint());
    }
}
