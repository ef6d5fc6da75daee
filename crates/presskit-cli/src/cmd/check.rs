//! `presskit check`: loads releases as `render` would, without layout, and
//! reports errors and departures from press conventions.

use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

use clap::ValueEnum;
use presskit::{Diagnostic, Renderer, Severity};
use serde_json::{Value, json};

use crate::Failure;
use crate::job::{SourceArgs, load};
use crate::output::{plural, write_stdout};
use crate::style;

#[derive(clap::Args)]
pub struct CheckArgs {
    /// The release files.
    #[arg(required = true)]
    releases: Vec<PathBuf>,
    #[command(flatten)]
    source: SourceArgs,
    /// Fail (exit 1) on warnings too: for CI.
    #[arg(long)]
    deny_warnings: bool,
    /// How to report: `human` lines on standard error, or `json` on
    /// standard output for tools.
    #[arg(long, value_enum, default_value_t = Report::Human)]
    format: Report,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Report {
    Human,
    Json,
}

/// A load error as a finding, with the CLI's hint where it has one (the
/// flag that resolves it).
fn error_finding(err: &presskit::Error) -> Diagnostic {
    let mut found = Diagnostic::from(err);
    if let Some(hint) = crate::hint::for_error(err) {
        found.hint = hint;
    }
    found
}

/// Everything found in one release and its brand.
fn check_one(path: &std::path::Path, source: &SourceArgs, renderer: &Renderer) -> Vec<Diagnostic> {
    match load(path, source) {
        Ok((release, brand, _)) => renderer.check(&release, &brand, SystemTime::now()),
        Err(failure) => vec![match &failure.error {
            Some(err) => error_finding(err),
            None => Diagnostic {
                severity: Severity::Error,
                code: "error",
                file: None,
                line: None,
                column: None,
                message: failure.message,
                hint: failure.hint.unwrap_or_default(),
            },
        }],
    }
}

pub fn check(args: &CheckArgs, quiet: bool) -> Result<(), Failure> {
    let renderer = args.source.renderer();
    let results: Vec<(PathBuf, Vec<Diagnostic>)> =
        args.releases.iter().map(|p| (p.clone(), check_one(p, &args.source, &renderer))).collect();
    let errors = results.iter().flat_map(|(_, f)| f).filter(|f| f.severity == Severity::Error).count();
    let warnings = results.iter().flat_map(|(_, f)| f).filter(|f| f.severity == Severity::Warning).count();

    match args.format {
        Report::Json => {
            let files: Vec<Value> = results
                .iter()
                .map(|(path, findings)| {
                    json!({
                        "file": path,
                        "ok": !findings.iter().any(|f| f.severity == Severity::Error),
                        "diagnostics": findings.iter().map(|f| finding_json(f, path)).collect::<Vec<_>>(),
                    })
                })
                .collect();
            let report = json!({ "files": files, "errors": errors, "warnings": warnings });
            let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
            text.push('\n');
            write_stdout(text.as_bytes())?;
        }
        Report::Human => {
            let mut err = anstream::stderr().lock();
            for (path, findings) in &results {
                for f in findings {
                    let label = if f.severity == Severity::Error { style::error() } else { style::warning() };
                    let file = f.file.as_ref().unwrap_or(path);
                    let place = f.line.map(|l| format!(":{l}:{}", f.column.unwrap_or(1))).unwrap_or_default();
                    let _ = writeln!(
                        err,
                        "{label} {}{place}: {} {}",
                        file.display(),
                        f.message,
                        style::dim(&format!("[{}]", f.code))
                    );
                    if !f.hint.is_empty() {
                        let _ = writeln!(err, "  {} {}", style::hint(), f.hint);
                    }
                }
                if findings.is_empty() && !quiet {
                    let _ = writeln!(err, "{} {}", style::good("ok"), path.display());
                }
            }
            if !quiet && (results.len() > 1 || errors + warnings > 0) {
                let _ = writeln!(
                    err,
                    "checked {}: {}, {}",
                    plural(results.len(), "file"),
                    plural(errors, "error"),
                    plural(warnings, "warning")
                );
            }
        }
    }
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        return Err(Failure::silent());
    }
    Ok(())
}

/// A finding as JSON, with the release's path where it names no file.
fn finding_json(found: &Diagnostic, path: &std::path::Path) -> Value {
    let mut value = serde_json::to_value(found).unwrap_or_default();
    if found.file.is_none() {
        value["file"] = json!(path);
    }
    value
}
