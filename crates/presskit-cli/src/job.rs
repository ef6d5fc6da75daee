//! One release to its outputs: where it comes from (`SourceArgs`,
//! `InputArgs`), loading it, and rendering it to files or standard output.
//! `render`, `watch` and the batch share it; the other commands load
//! through it. It uses no command and not the batch, so that the commands
//! and the batch can all use it.

use std::path::{Path, PathBuf};
use std::time::{Instant, SystemTime};

use clap::ValueEnum;
use presskit::{Brand, Languages, Options, Release, Renderer, Sandbox, Standards, Warning, WarningKind};

use crate::output::{
    check_not_input, human_size, input_files, page_path, plural, stale_pages, write_all_or_none,
    write_atomically, write_stdout,
};
use crate::{Failure, Say, output};

/// Where a release's brand and files come from: shared by every command
/// that loads a release.
#[derive(clap::Args, Clone)]
pub struct SourceArgs {
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
    /// Use only the bundled fonts and the brand's: a character they lack
    /// is an error instead of being set in a font installed on this
    /// machine, so the output does not depend on the machine.
    #[arg(long)]
    no_system_fonts: bool,
}

impl SourceArgs {
    /// A renderer for these sources: installed fonts searched for missing
    /// characters unless `--no-system-fonts`.
    pub fn renderer(&self) -> Renderer {
        Renderer::new().with_system_fallback(!self.no_system_fonts)
    }
}

/// What is rendered and how: shared by `render`, `typst`, `email` and `kit`.
#[derive(clap::Args)]
pub struct InputArgs {
    #[command(flatten)]
    pub source: SourceArgs,
    /// PDF standards, comma-separated: a-2b, a-3b (carries the release as
    /// JSON), ua-1, or `archival` for a-2b with ua-1.
    #[arg(long, value_name = "STANDARDS", value_parser = parse_standards)]
    pub standard: Option<Standards>,
    /// The most pixels per inch a photo keeps at its printed size; larger
    /// images are scaled down. Lower it (e.g. 150) for email.
    #[arg(long, value_name = "PPI", default_value_t = Options::DEFAULT_IMAGE_PPI, value_parser = parse_image_ppi)]
    image_ppi: f64,
}

/// `--allow-dir`: a folder that exists, or a usage error (a mistyped one
/// was silently allowed, then every path in it refused).
pub fn parse_folder(text: &str) -> Result<PathBuf, String> {
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

fn parse_theme(text: &str) -> Result<presskit::model::Theme, String> {
    text.parse()
}

fn parse_standards(text: &str) -> Result<Standards, String> {
    text.parse()
}

impl SourceArgs {
    /// The sandbox the command line allows.
    pub fn sandbox(&self) -> Sandbox {
        Sandbox { allowed_dirs: self.allow_dirs.clone(), ..Sandbox::default() }
    }

    /// The brand `--brand` names, else `default`'s, with `--theme` applied.
    pub fn brand(&self, default: impl FnOnce() -> presskit::Result<Brand>) -> Result<Brand, Failure> {
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

/// The release and brand, loaded; the brand file's path, if any.
pub fn load(release: &Path, input: &SourceArgs) -> Result<(Release, Brand, Option<PathBuf>), Failure> {
    let release = Release::from_path_in(release, input.sandbox())?;
    let brand = input.brand(|| Brand::for_release(&release))?;
    let brand_file = brand.origin().map(|o| o.name.clone());
    Ok((release, brand, brand_file))
}

/// The library's options from the command line.
pub fn options(input: &InputArgs) -> Result<Options, Failure> {
    Ok(Options::default()
        .with_standards(input.standard.unwrap_or_default())
        .with_image_ppi(input.image_ppi)?)
}

/// What `render` and `email` say about the embargo before rendering: that
/// it is past, or ends before the release date.
pub fn embargo(release: &Release, brand: &Brand) -> Vec<Warning> {
    let embargo = |w: &Warning| matches!(w.kind, WarningKind::EmbargoPast | WarningKind::EmbargoBeforeDate);
    release.check(brand, SystemTime::now()).into_iter().filter(embargo).collect()
}

#[derive(clap::Args)]
pub struct RenderArgs {
    /// The release file; or several, folders of them, or patterns
    /// (`releases/*.md`), all rendered at once across the cores.
    #[arg(required = true, value_name = "RELEASE")]
    pub releases: Vec<PathBuf>,
    /// Where to write: a .pdf, .png, .svg, .txt or .html file (several
    /// pages give name-1.png, name-2.png, …); `-` writes to standard
    /// output. With several releases: a folder. Default: beside each
    /// release, with the format's extension.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// The output format. Default: the output's extension, else PDF.
    #[arg(short, long, value_enum)]
    pub format: Option<Format>,
    #[command(flatten)]
    pub input: InputArgs,
    /// Pixels per inch of PNG pages (default 144) and of the preview
    /// (default 72).
    #[arg(long, value_name = "PPI", value_parser = parse_ppi)]
    ppi: Option<f32>,
    /// Also write a PNG of page 1 beside the PDF: a thumbnail for web
    /// pages and email.
    #[arg(long)]
    preview: bool,
    /// Fail, writing nothing, if the output would be larger than this
    /// (e.g. 2MB, 500KB); the error names the largest images.
    #[arg(long, value_name = "SIZE", value_parser = output::parse_size)]
    max_size: Option<u64>,
    /// The language to render: one of the release's (`fr`), or `all` for one
    /// file per language (name.fr.pdf, name.nl.pdf, …).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// All the release's languages in one PDF, each in turn with its own
    /// labels and page numbering.
    #[arg(long, conflicts_with = "lang")]
    combine: bool,
    /// How many releases to render at once. Default: one per core.
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<std::num::NonZeroUsize>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Pdf,
    Png,
    Svg,
    /// Plain text, wrapped at 72 columns.
    Txt,
    /// Self-contained, email-safe HTML.
    Html,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Txt => "txt",
            Self::Html => "html",
        }
    }

    pub fn from_path(path: &Path) -> Option<Self> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        let ext = if ext == "htm" { "html".to_string() } else { ext };
        [Self::Pdf, Self::Png, Self::Svg, Self::Txt, Self::Html].into_iter().find(|f| f.extension() == ext)
    }

    /// Whether the format is laid out by Typst (has pages).
    fn paged(self) -> bool {
        matches!(self, Self::Pdf | Self::Png | Self::Svg)
    }
}

pub(crate) fn parse_ppi(text: &str) -> Result<f32, String> {
    match text.parse::<f32>() {
        Ok(ppi) if (9.0..=1200.0).contains(&ppi) => Ok(ppi),
        _ => Err(format!("`{text}` is not a resolution between 9 and 1200 pixels per inch")),
    }
}

/// Where one release's output goes.
pub enum Target {
    /// This file, as the user named it.
    File(PathBuf),
    /// Beside the release, with the format's extension.
    Beside,
    /// Into this folder, named after the release.
    Folder(PathBuf),
    /// Standard output.
    Stdout,
}

/// Refuses options that do not go with the format.
pub fn check_format(args: &RenderArgs, format: Format, to_stdout: bool) -> Result<(), Failure> {
    if format != Format::Pdf && args.input.standard.is_some() {
        return Err(Failure::new(
            "--standard applies to PDF output only",
            "drop --standard, or render to a .pdf file",
        ));
    }
    if args.preview && (format != Format::Pdf || to_stdout) {
        return Err(Failure::new(
            "--preview writes a PNG beside a PDF file",
            "render to a .pdf file, or render page PNGs with -o NAME.png",
        ));
    }
    if to_stdout && args.lang.as_deref() == Some("all") {
        return Err(Failure::new(
            "--lang all writes a file for each language, and standard output takes one",
            "write to files with -o NAME.pdf, or use --combine for one PDF",
        ));
    }
    Ok(())
}

/// Renders one release to `target`; returns what was written, for the
/// summary line. Warnings go to `warn`.
pub fn render_one(
    path: &Path,
    target: &Target,
    format: Format,
    args: &RenderArgs,
    renderer: &Renderer,
    say: Say,
    warn: &(dyn Fn(String) + Sync),
) -> Result<Vec<String>, Failure> {
    let start = Instant::now();
    let to_stdout = matches!(target, Target::Stdout);
    let (release, brand, brand_file) = load(path, &args.input.source)?;
    if say.verbose {
        let brand_name = brand_file.as_ref().map_or("the neutral brand".into(), |b| b.display().to_string());
        let images = release.images().len() + brand.images().len();
        eprintln!(
            "loaded {} with {brand_name} and {} in {} ms",
            path.display(),
            plural(images, "image"),
            start.elapsed().as_millis()
        );
    }
    for warning in embargo(&release, &brand) {
        warn(warning.to_string());
    }
    // Every file the render reads is an input, and no output may replace
    // one: the release, its brand, translations, images, logo, fonts and
    // template.
    let named: Vec<&Path> = std::iter::once(path).chain(brand_file.as_deref()).collect();
    let read = input_files(&release, &brand, &named);
    let inputs: Vec<&Path> = read.iter().map(PathBuf::as_path).collect();
    let beside = path.with_extension(format.extension());
    let base = match target {
        Target::File(named) => named.clone(),
        Target::Folder(dir) => dir.join(beside.file_name().unwrap_or_default()),
        Target::Beside | Target::Stdout => beside,
    };
    let named = matches!(target, Target::File(_));

    // What to render: one language (the release's own by default), each
    // language to a file of its own, or all in one document.
    let options = options(&args.input)?;
    let jobs: Vec<(Options, PathBuf)> = match args.lang.as_deref() {
        _ if args.combine => vec![(options.with_languages(Languages::Combined), base)],
        None => vec![(options, base)],
        Some("all") => {
            // Files are named by language (`fr`), or by the full tag when two
            // share a language (`fr-BE`, `fr-CH`).
            let langs = release.languages();
            let shared =
                |lang: &presskit::Lang| langs.iter().filter(|l| l.language() == lang.language()).count() > 1;
            langs
                .iter()
                .map(|lang| {
                    let name = if shared(lang) { lang.as_str().to_string() } else { lang.language() };
                    (options.clone().with_languages(Languages::One(lang.clone())), with_suffix(&base, &name))
                })
                .collect()
        }
        Some(tag) => {
            let lang = presskit::Lang::parse(tag)
                .map_err(|err| Failure::new(err, "give a language tag like fr or nl-BE, or `all`"))?;
            let path = if named { base } else { with_suffix(&base, &lang.language()) };
            vec![(options.with_languages(Languages::One(lang)), path)]
        }
    };

    let mut written = Vec::new();
    for (options, output) in jobs {
        if !format.paged() {
            let text = match format {
                Format::Html => renderer.html(&release, &brand, &options)?,
                _ => renderer.text(&release, &brand, &options)?,
            };
            if to_stdout {
                write_stdout(text.as_bytes())?;
                return Ok(written);
            }
            check_not_input(&output, &inputs)?;
            write_atomically(&output, text.as_bytes())?;
            written.push(format!("{} ({})", output.display(), human_size(text.len() as u64)));
            continue;
        }
        let laid_out = Instant::now();
        let document = renderer.compile_with(&release, &brand, &options)?;
        for warning in document.warnings() {
            warn(warning.to_string());
        }
        let pages = document.page_count();
        if say.verbose {
            eprintln!("laid out {} in {} ms", plural(pages, "page"), laid_out.elapsed().as_millis());
        }
        let exported = Instant::now();
        let outputs: Vec<(PathBuf, Vec<u8>)> = match format {
            Format::Pdf => vec![(output.clone(), document.pdf()?)],
            Format::Png => (0..pages)
                .map(|i| Ok((page_path(&output, i + 1, pages), document.png(i, args.ppi.unwrap_or(144.0))?)))
                .collect::<Result<_, Failure>>()?,
            // Text and HTML were written above, without layout.
            Format::Svg | Format::Txt | Format::Html => (0..pages)
                .map(|i| Ok((page_path(&output, i + 1, pages), document.svg(i)?.into_bytes())))
                .collect::<Result<_, Failure>>()?,
        };
        let total: u64 = outputs.iter().map(|(_, bytes)| bytes.len() as u64).sum();
        if say.verbose {
            eprintln!("exported {} in {} ms", human_size(total), exported.elapsed().as_millis());
        }
        if let Some(max) = args.max_size
            && total > max
        {
            return Err(too_large(&output, total, max, &document));
        }

        if to_stdout {
            if outputs.len() > 1 {
                return Err(Failure::new(
                    format!("the release has {pages} pages, and standard output takes one file"),
                    "write the pages to files with -o NAME.png",
                ));
            }
            write_stdout(&outputs[0].1)?;
            return Ok(written);
        }
        for (path, _) in &outputs {
            check_not_input(path, &inputs)?;
        }
        let preview = if args.preview {
            let path = output.with_extension("png");
            check_not_input(&path, &inputs)?;
            Some((path, document.png(0, args.ppi.unwrap_or(72.0))?))
        } else {
            None
        };
        // The pages (and preview) are one set: all written, or none.
        write_all_or_none(outputs.iter().chain(preview.as_ref()).map(|(p, b)| (p.as_path(), b.as_slice())))?;
        if matches!(format, Format::Png | Format::Svg) {
            for stale in stale_pages(&output, pages) {
                warn(format!("{}: left from an earlier render with more pages", stale.display()));
            }
        }
        let names = match outputs.as_slice() {
            [(path, _)] => path.display().to_string(),
            [(first, _), .., (last, _)] => format!("{} … {}", first.display(), last.display()),
            [] => String::new(),
        };
        let standards = if document.standards().is_empty() {
            String::new()
        } else {
            format!(", {}", document.standards())
        };
        written.push(format!(
            "{names} ({pages} {}, {}{standards})",
            if pages == 1 { "page" } else { "pages" },
            human_size(total)
        ));
        if let Some((path, bytes)) = &preview {
            written.push(format!("preview {} ({})", path.display(), human_size(bytes.len() as u64)));
        }
    }
    Ok(written)
}

/// `release.pdf` for French: `release.fr.pdf`.
fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = path.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    path.with_file_name(format!("{stem}.{suffix}{ext}"))
}

fn too_large(output: &Path, total: u64, max: u64, document: &presskit::Document) -> Failure {
    let images = document.images();
    let message = format!(
        "{} would be {}, more than the {} allowed",
        output.display(),
        human_size(total),
        human_size(max)
    );
    if images.is_empty() {
        return Failure::new(message, "the text and fonts alone take this much; raise --max-size");
    }
    let largest: Vec<String> =
        images.iter().take(3).map(|(name, size)| format!("{name} ({})", human_size(*size as u64))).collect();
    Failure::new(
        format!("{message}; the largest images: {}", largest.join(", ")),
        "lower --image-ppi (150 suits email), or use smaller images",
    )
}
