//! `presskit watch`: renders a release again on every save of it, its
//! brand, its translations or a file they name, and keeps going after an
//! error. The renderer stays warm between renders, so a re-render costs a
//! fraction of the first.

use std::time::Instant;

use crate::job::{Format, RenderArgs, Target, check_format, load, render_one};
use crate::output::plural;
use crate::style;
use crate::watcher::Watcher;
use crate::{Failure, Say, batch};

pub fn watch(args: &RenderArgs, say: Say) -> Result<(), Failure> {
    if args.releases.len() != 1 || batch::is_batch(&args.releases) {
        return Err(Failure::new("watch takes one release file", "run a watch for each release"));
    }
    let release = &args.releases[0];
    let to_stdout = args.output.as_deref().is_some_and(|o| o.as_os_str() == "-");
    if to_stdout {
        return Err(Failure::new("watch writes a file on every change", "name the output with -o"));
    }
    let named = args.output.clone();
    let format = args.format.or(named.as_deref().and_then(Format::from_path)).unwrap_or(Format::Pdf);
    check_format(args, format, false)?;
    let target = named.map_or(Target::Beside, Target::File);
    let renderer = args.input.source.renderer();
    let mut files = vec![release.clone()];
    let mut first = true;
    loop {
        // What to watch: what the release and brand were read from. While
        // they do not load, the last good list (and the release) stays.
        if let Ok((r, b, _)) = load(release, &args.input.source) {
            files = crate::watcher::files_of(release, &r, &b);
        }
        // Watching starts before the render, so a save during it is seen.
        let watcher = Watcher::new(&files);
        let start = Instant::now();
        let warn = |w: String| anstream::eprintln!("{} {w}", style::warning());
        match render_one(release, &target, format, args, &renderer, Say { quiet: true, ..say }, &warn) {
            Ok(written) => {
                if !say.quiet {
                    anstream::eprintln!(
                        "{} {} in {} ms",
                        style::good("rendered"),
                        written.join(", "),
                        start.elapsed().as_millis()
                    );
                }
            }
            Err(failure) => crate::report(&failure),
        }
        if first && !say.quiet {
            let others = files.len() - 1;
            eprintln!(
                "watching {}{} for changes; press Ctrl-C to stop",
                release.display(),
                if others > 0 { format!(" and {}", plural(others, "file")) } else { String::new() }
            );
        }
        first = false;
        let changed = watcher.wait();
        if !say.quiet {
            eprintln!("{} changed", changed.display());
        }
    }
}
