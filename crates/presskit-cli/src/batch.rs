//! Many releases at once: files, folders and patterns, rendered across the
//! cores with one shared renderer (fonts and images loaded once), with a
//! progress line and a summary. One failure does not stop the others.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use presskit::Renderer;

use crate::job::{Format, RenderArgs, Target, check_format, render_one};
use crate::output::{plain_io, plural};
use crate::style::Style;
use crate::{Failure, Say};

/// Whether the command line names more than one release: several paths,
/// a folder, or a pattern.
pub fn is_batch(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.iter().any(|p| p.is_dir() || is_pattern(p))
}

/// A path whose file name has wildcards and that is not a file: a pattern
/// the shell did not expand (quoted, or on Windows).
fn is_pattern(path: &Path) -> bool {
    !path.exists() && path.file_name().is_some_and(|n| n.to_string_lossy().contains(['*', '?']))
}

/// The release files the paths name: a file as given (a missing one fails
/// in its turn), a folder's release files (not `_brand.yml` and other
/// names starting with `_` or `.`), a pattern's matches; in order, once each.
fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Failure> {
    let mut out: Vec<PathBuf> = Vec::new();
    for path in paths {
        let found = if path.is_dir() {
            let files = list(path, |name| !name.starts_with(['_', '.']))?;
            if files.is_empty() {
                return Err(Failure::new(
                    format!("{}: the folder holds no release files", path.display()),
                    "releases end in .md, .yaml, .yml, .json or .toml",
                ));
            }
            files
        } else if is_pattern(path) {
            let pattern = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
            let dir = match path.parent() {
                Some(dir) if !dir.as_os_str().is_empty() => dir,
                _ => Path::new("."),
            };
            let files = list(dir, |name| wildcard(&pattern, name))?;
            if files.is_empty() {
                return Err(Failure::new(
                    format!("{}: no release file matches", path.display()),
                    "check the pattern; it matches file names in one folder (`*` any text, `?` one character)",
                ));
            }
            files
        } else {
            vec![path.clone()]
        };
        out.extend(found.into_iter().filter(|p| !out.contains(p)).collect::<Vec<_>>());
    }
    Ok(out)
}

/// Release files in `dir` whose names pass `keep`, sorted by name.
fn list(dir: &Path, keep: impl Fn(&str) -> bool) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|err| {
        Failure::new(
            format!("{}: cannot read the folder: {}", dir.display(), plain_io(&err)),
            "check the path and its permissions",
        )
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && presskit::Format::from_path(p).is_some())
        .filter(|p| p.file_name().is_some_and(|n| keep(&n.to_string_lossy())))
        .collect();
    files.sort();
    Ok(files)
}

/// Whether `name` matches `pattern`: `*` is any text, `?` one character.
fn wildcard(pattern: &str, name: &str) -> bool {
    let (p, n): (Vec<char>, Vec<char>) = (pattern.chars().collect(), name.chars().collect());
    // The classic two-pointer match with backtracking to the last `*`.
    let (mut i, mut j, mut star, mut mark) = (0, 0, None, 0);
    while j < n.len() {
        if i < p.len() && (p[i] == '?' || p[i] == n[j]) {
            i += 1;
            j += 1;
        } else if i < p.len() && p[i] == '*' {
            star = Some(i);
            mark = j;
            i += 1;
        } else if let Some(s) = star {
            i = s + 1;
            mark += 1;
            j = mark;
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

/// One release's outcome.
struct Done {
    index: usize,
    result: Result<Vec<String>, Failure>,
    warnings: Vec<String>,
}

/// `presskit render` with several releases.
pub fn render(args: &RenderArgs, say: Say) -> Result<(), Failure> {
    let start = Instant::now();
    let format = args.format.unwrap_or(Format::Pdf);
    let target = match args.output.as_deref() {
        Some(out) if out.as_os_str() == "-" => {
            return Err(Failure::new(
                "several releases cannot all go to standard output",
                "write them to a folder with -o DIR",
            ));
        }
        Some(dir) if Format::from_path(dir).is_some() && !dir.is_dir() => {
            return Err(Failure::new(
                format!("{}: with several releases, -o names a folder", dir.display()),
                "give a folder (made if missing), and --format for the kind of file",
            ));
        }
        Some(dir) => {
            std::fs::create_dir_all(dir).map_err(|err| {
                Failure::new(
                    format!("{}: cannot create the folder: {}", dir.display(), plain_io(&err)),
                    "check that its parent is writable",
                )
            })?;
            Target::Folder(dir.to_path_buf())
        }
        None => Target::Beside,
    };
    check_format(args, format, false)?;
    let files = expand(&args.releases)?;
    check_collisions(&files, &target, format)?;

    let jobs = args
        .jobs
        .map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), |n| n.get())
        .min(files.len());
    let renderer = Renderer::new();
    let next = AtomicUsize::new(0);
    let mut progress = Progress::new(files.len(), say);
    let mut failed: Vec<(usize, Failure)> = Vec::new();
    let (sender, receiver) = std::sync::mpsc::channel::<Done>();
    std::thread::scope(|scope| {
        for _ in 0..jobs {
            let sender = sender.clone();
            let (next, files, target, renderer) = (&next, &files, &target, &renderer);
            scope.spawn(move || {
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    let Some(path) = files.get(index) else { break };
                    let warnings = Mutex::new(Vec::new());
                    let warn = |w: String| warnings.lock().unwrap_or_else(|e| e.into_inner()).push(w);
                    let quiet = Say { quiet: true, verbose: false };
                    let result = render_one(path, target, format, args, renderer, quiet, &warn);
                    let warnings = warnings.into_inner().unwrap_or_else(|e| e.into_inner());
                    if sender.send(Done { index, result, warnings }).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        for done in receiver {
            progress.finished(&files[done.index], &done);
            if let Err(failure) = done.result {
                failed.push((done.index, failure));
            }
        }
    });
    progress.clear();

    let took = start.elapsed();
    let rendered = files.len() - failed.len();
    if !say.quiet || !failed.is_empty() {
        eprintln!(
            "rendered {rendered} of {} in {} ({:.0} a second){}",
            plural(files.len(), "release"),
            seconds(took),
            rendered as f64 / took.as_secs_f64().max(1e-3),
            if failed.is_empty() { String::new() } else { format!("; {} failed:", failed.len()) }
        );
    }
    failed.sort_by_key(|(i, _)| *i);
    for (index, failure) in &failed {
        // A failure without a file (e.g. a write error) names the release.
        let message = match &failure.error {
            Some(err) if err.file().is_some() => failure.message.clone(),
            _ => format!("{}: {}", files[*index].display(), failure.message),
        };
        crate::report(&Failure { message, hint: failure.hint.clone(), error: None });
    }
    if failed.is_empty() { Ok(()) } else { Err(Failure::silent()) }
}

/// Refuses a batch in which two releases would write the same file
/// (`a/release.md` and `b/release.md` into one folder).
fn check_collisions(files: &[PathBuf], target: &Target, format: Format) -> Result<(), Failure> {
    let mut seen: Vec<(PathBuf, &Path)> = Vec::new();
    for file in files {
        let beside = file.with_extension(format.extension());
        let out = match target {
            Target::Folder(dir) => dir.join(beside.file_name().unwrap_or_default()),
            _ => beside,
        };
        if let Some((_, other)) = seen.iter().find(|(o, _)| *o == out) {
            return Err(Failure::new(
                format!("{} and {} would both write {}", other.display(), file.display(), out.display()),
                "render them into different folders, or rename one",
            ));
        }
        seen.push((out, file));
    }
    Ok(())
}

fn seconds(d: Duration) -> String {
    if d.as_secs_f64() < 1.0 { format!("{} ms", d.as_millis()) } else { format!("{:.1} s", d.as_secs_f64()) }
}

/// The progress line on a terminal, or a plain line per release elsewhere.
struct Progress {
    total: usize,
    done: usize,
    failed: usize,
    say: Say,
    style: Style,
}

impl Progress {
    fn new(total: usize, say: Say) -> Self {
        Self { total, done: 0, failed: 0, say, style: Style::stderr() }
    }

    fn finished(&mut self, path: &Path, done: &Done) {
        self.done += 1;
        let mut err = std::io::stderr().lock();
        let redraw = self.style.is_terminal();
        if redraw {
            let _ = write!(err, "\r\x1b[2K");
        }
        for w in &done.warnings {
            let _ = writeln!(err, "{} {w}", self.style.warning());
        }
        match &done.result {
            Ok(written) if !self.say.quiet && (!redraw || self.say.verbose) => {
                let _ =
                    writeln!(err, "{} {} → {}", self.style.good("ok"), path.display(), written.join(", "));
            }
            Err(_) => {
                self.failed += 1;
                if !redraw {
                    let _ = writeln!(
                        err,
                        "{} {} (the error follows at the end)",
                        self.style.error(),
                        path.display()
                    );
                }
            }
            Ok(_) => {}
        }
        if redraw {
            let width = 30;
            let filled = width * self.done / self.total.max(1);
            let bar = format!("{}{}", "=".repeat(filled), " ".repeat(width - filled));
            let failed = if self.failed > 0 { format!("  {} failed", self.failed) } else { String::new() };
            let _ = write!(
                err,
                "[{bar}] {}/{}{failed}  {}",
                self.done,
                self.total,
                self.style.dim(&path.display().to_string())
            );
        }
        let _ = err.flush();
    }

    fn clear(&self) {
        if self.style.is_terminal() {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_as_shells_do() {
        assert!(wildcard("*.md", "release.md"));
        assert!(wildcard("r?lease*.md", "release.fr.md"));
        assert!(wildcard("*", "x"));
        assert!(!wildcard("*.md", "release.yaml"));
        assert!(!wildcard("a*b", "ac"));
        assert!(wildcard("a*b*c", "aXbYbc"));
    }
}
