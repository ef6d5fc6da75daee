//! `presskit email`: a release as an email message (.eml), with text and
//! HTML bodies and the PDF attached. Nothing is sent.

use std::path::{Path, PathBuf};
use std::time::Instant;

use presskit::Languages;

use crate::job::{InputArgs, embargo, load, options};
use crate::output::{self, check_not_input, human_size, write_atomically, write_stdout};
use crate::{Failure, Say};

#[derive(clap::Args)]
pub struct EmailArgs {
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

pub fn email(args: &EmailArgs, say: Say) -> Result<(), Failure> {
    let start = Instant::now();
    let output = args.output.clone().unwrap_or_else(|| args.release.with_extension("eml"));
    let to_stdout = output.as_os_str() == "-";
    let (release, brand, brand_file) = load(&args.release, &args.input.source)?;
    for warning in embargo(&release, &brand) {
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
    let message = args.input.source.renderer().email(&release, &brand, &options, &email)?;
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
