//! `presskit check`: loads releases as `render` would, without layout, and
//! reports errors and departures from press conventions.

use std::io::Write;
use std::path::PathBuf;
use std::time::SystemTime;

use clap::ValueEnum;
use presskit::{Renderer, Warning};
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

/// One finding: an error that stops a render, or a warning.
struct Finding {
    error: bool,
    file: Option<PathBuf>,
    location: Option<presskit::Location>,
    code: &'static str,
    message: String,
    hint: String,
}

impl From<Warning> for Finding {
    fn from(w: Warning) -> Self {
        Self {
            error: false,
            file: Some(w.file),
            location: w.location,
            code: w.kind.code(),
            message: w.message,
            hint: w.hint,
        }
    }
}

impl From<presskit::Error> for Finding {
    fn from(e: presskit::Error) -> Self {
        Self {
            error: true,
            file: e.file().map(PathBuf::from),
            location: e.location(),
            code: e.kind().code(),
            message: e.message().to_string(),
            hint: crate::hint::for_error(&e).unwrap_or_default(),
        }
    }
}

impl From<Failure> for Finding {
    fn from(f: Failure) -> Self {
        Self {
            error: true,
            file: None,
            location: None,
            code: "error",
            message: f.message,
            hint: f.hint.unwrap_or_default(),
        }
    }
}

/// Everything found in one release and its brand.
fn check_one(path: &std::path::Path, source: &SourceArgs, renderer: &Renderer) -> Vec<Finding> {
    let (release, brand, _) = match load(path, source) {
        Ok(loaded) => loaded,
        Err(failure) => return vec![failure.into_finding()],
    };
    let mut findings = Vec::new();
    // Fonts are loaded at render time; load them now so a bad font file or
    // an uninstalled family is reported here, as render would.
    if let Err(err) = renderer.font_families(&brand) {
        findings.push(Finding::from(err));
    }
    findings.extend(release.check(&brand, SystemTime::now()).into_iter().map(Finding::from));
    findings
}

pub fn check(args: &CheckArgs, quiet: bool) -> Result<(), Failure> {
    let renderer = args.source.renderer();
    let results: Vec<(PathBuf, Vec<Finding>)> =
        args.releases.iter().map(|p| (p.clone(), check_one(p, &args.source, &renderer))).collect();
    let errors = results.iter().flat_map(|(_, f)| f).filter(|f| f.error).count();
    let warnings = results.iter().flat_map(|(_, f)| f).filter(|f| !f.error).count();

    match args.format {
        Report::Json => {
            let files: Vec<Value> = results
                .iter()
                .map(|(path, findings)| {
                    json!({
                        "file": path,
                        "ok": !findings.iter().any(|f| f.error),
                        "diagnostics": findings.iter().map(|f| f.json(path)).collect::<Vec<_>>(),
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
                    let label = if f.error { style::error() } else { style::warning() };
                    let file = f.file.as_ref().unwrap_or(path);
                    let place = f.location.map(|l| format!(":{}:{}", l.line, l.column)).unwrap_or_default();
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

impl Finding {
    fn json(&self, path: &std::path::Path) -> Value {
        json!({
            "severity": if self.error { "error" } else { "warning" },
            "code": self.code,
            "file": self.file.as_deref().unwrap_or(path),
            "line": self.location.map(|l| l.line),
            "column": self.location.map(|l| l.column),
            "message": self.message,
            "hint": self.hint,
        })
    }
}

impl Failure {
    fn into_finding(self) -> Finding {
        match self.error {
            Some(err) => Finding::from(*err),
            None => Finding::from(self),
        }
    }
}
