//! `presskit typst`: a release as a Typst project that the stock `typst`
//! command compiles to the same layout, for hand-tuning.

use std::path::{Path, PathBuf};

use crate::job::{InputArgs, load, options};
use crate::output::{self, check_not_input, write_atomically};
use crate::{Failure, Say};

#[derive(clap::Args)]
pub struct TypstArgs {
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

pub fn typst(args: &TypstArgs, say: Say) -> Result<(), Failure> {
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
    let files = args.input.source.renderer().typst_project(&release, &brand, &options(&args.input)?)?;
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
