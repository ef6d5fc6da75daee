//! Many releases at once: files, folders and patterns, rendered across the
//! cores with one shared renderer (fonts and images loaded once), with a
//! progress bar and a summary. One failure does not stop the others. It
//! renders each release through `job`, and uses no command.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use globset::{GlobBuilder, GlobMatcher};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::job::{Format, RenderArgs, Target, check_format, render_one};
use crate::output::{plain_io, plural};
use crate::{Failure, Say, style};

/// What a pattern may hold, for the hint when one fails.
const PATTERN_HINT: &str = "check the pattern; it matches file names in one folder (`*` any text, \
                            `?` one character, `[abc]` one of these, `{a,b}` either)";

/// Whether the command line names more than one release: several paths,
/// a folder, or a pattern.
pub fn is_batch(paths: &[PathBuf]) -> bool {
    paths.len() > 1 || paths.iter().any(|p| p.is_dir() || is_pattern(p))
}

/// A path whose file name has wildcards and that is not a file: a pattern
/// the shell did not expand (quoted, or on Windows).
fn is_pattern(path: &Path) -> bool {
    !path.exists() && path.file_name().is_some_and(|n| n.to_string_lossy().contains(['*', '?', '[', '{']))
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
            let matcher = wildcard(&pattern).map_err(|err| {
                Failure::new(format!("{}: not a pattern: {}", path.display(), err.kind()), PATTERN_HINT)
            })?;
            let files = list(dir, |name| matcher.is_match(name))?;
            if files.is_empty() {
                return Err(Failure::new(
                    format!("{}: no release file matches", path.display()),
                    PATTERN_HINT,
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

/// The matcher for a file-name pattern, as a shell reads it: `*` any text,
/// `?` one character, `[abc]` one of these, `{a,b}` either.
///
/// globset matches bytes (file names need not be UTF-8), so `?` and `[…]`
/// take one byte: `caf?.md` misses `café.md`, which `caf*.md` finds.
fn wildcard(pattern: &str) -> Result<GlobMatcher, globset::Error> {
    // Names in one folder: `*` never crosses a `/`.
    Ok(GlobBuilder::new(pattern).literal_separator(true).build()?.compile_matcher())
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
    let renderer = args.input.source.renderer();
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

/// The progress bar on a terminal, or a plain line per release elsewhere.
struct Progress {
    bar: ProgressBar,
    failed: usize,
    say: Say,
    /// Whether the bar's path may be dimmed: the bar is drawn by indicatif,
    /// not through `anstream`, so `NO_COLOR` is applied here.
    colour: bool,
}

impl Progress {
    fn new(total: usize, say: Say) -> Self {
        // The stderr target hides itself when standard error is not a
        // terminal: nothing is drawn there, colour or not.
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
        let look = ProgressStyle::with_template("[{bar:30}] {pos}/{len}{wide_msg}")
            .map_or_else(|_| ProgressStyle::default_bar(), |look| look.progress_chars("= "));
        bar.set_style(look);
        Self { bar, failed: 0, say, colour: style::stderr_in_colour() }
    }

    fn finished(&mut self, path: &Path, done: &Done) {
        let drawn = !self.bar.is_hidden();
        if done.result.is_err() {
            self.failed += 1;
        }
        // Lines go above the bar: `suspend` clears it while they are
        // written and draws it again after; hidden, it just writes them.
        self.bar.suspend(|| {
            let mut err = anstream::stderr().lock();
            for w in &done.warnings {
                let _ = writeln!(err, "{} {w}", style::warning());
            }
            match &done.result {
                Ok(written) if !self.say.quiet && (!drawn || self.say.verbose) => {
                    let _ =
                        writeln!(err, "{} {} → {}", style::good("ok"), path.display(), written.join(", "));
                }
                Err(_) if !drawn => {
                    let _ =
                        writeln!(err, "{} {} (the error follows at the end)", style::error(), path.display());
                }
                Ok(_) | Err(_) => {}
            }
        });
        let failed = if self.failed > 0 { format!("  {} failed", self.failed) } else { String::new() };
        let shown = path.display().to_string();
        let shown = if self.colour { style::dim(&shown) } else { shown };
        self.bar.set_message(format!("{failed}  {shown}"));
        self.bar.inc(1);
    }

    fn clear(&self) {
        self.bar.finish_and_clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wildcards_match_as_shells_do() {
        let matches = |pattern: &str, name: &str| wildcard(pattern).unwrap().is_match(name);
        assert!(matches("*.md", "release.md"));
        assert!(matches("r?lease*.md", "release.fr.md"));
        assert!(matches("*", "x"));
        assert!(!matches("*.md", "release.yaml"));
        assert!(!matches("a*b", "ac"));
        assert!(matches("a*b*c", "aXbYbc"));
        assert!(matches("r[aeiou]lease.md", "release.md"));
        assert!(!matches("r[ab]lease.md", "release.md"));
        assert!(matches("*.{md,yaml}", "release.yaml"));
        assert!(matches("{spring,autumn}-*.md", "autumn-1.md"));
        assert!(!matches("{spring,autumn}-*.md", "winter-1.md"));
        assert!(wildcard("release[.md").is_err());
    }
}
