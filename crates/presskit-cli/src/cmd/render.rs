//! `presskit render`: one release to PDF, PNG, SVG, text or HTML, or many
//! at once across all cores. This decides which; `job` renders one release
//! and `batch` many.

use std::time::Instant;

use crate::job::{Format, RenderArgs, Target, check_format, render_one};
use crate::{Failure, Say, batch};

/// `presskit render`: the output's format from `--format` or the output's
/// name, then one release rendered here, or several handed to the batch.
pub fn render(args: &RenderArgs, say: Say) -> Result<(), Failure> {
    if batch::is_batch(&args.releases) {
        return batch::render(args, say);
    }
    let start = Instant::now();
    let release = &args.releases[0];
    let named = args.output.as_deref().filter(|o| o.as_os_str() != "-");
    let to_stdout = args.output.as_deref().is_some_and(|o| o.as_os_str() == "-");
    let by_name = named.map(|o| {
        Format::from_path(o).ok_or_else(|| {
            Failure::new(
                format!("{}: the output must be a .pdf, .png, .svg, .txt or .html file", o.display()),
                "name the output with one of those extensions, or `-` for standard output",
            )
        })
    });
    let format = match (args.format, by_name.transpose()?) {
        (Some(given), Some(named)) if given != named => {
            return Err(Failure::new(
                format!("--format {} does not match the output's extension", given.extension()),
                "drop --format, or name the output to match it",
            ));
        }
        (Some(format), _) | (None, Some(format)) => format,
        (None, None) => Format::Pdf,
    };
    check_format(args, format, to_stdout)?;
    let target = match named {
        Some(path) => Target::File(path.to_path_buf()),
        None if to_stdout => Target::Stdout,
        None => Target::Beside,
    };
    let warn = |w: String| anstream::eprintln!("{} {w}", crate::style::warning());
    let written = render_one(release, &target, format, args, &args.input.source.renderer(), say, &warn)?;
    if !say.quiet && !to_stdout {
        eprintln!("rendered {} in {} ms", written.join(", "), start.elapsed().as_millis());
    }
    Ok(())
}
