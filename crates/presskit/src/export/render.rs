//! Compiling a project with Typst and exporting the pages.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use typst::diag::{Severity, SourceDiagnostic};
use typst::foundations::{Bytes, Smart};
use typst::syntax::Source;
use typst::utils::{LazyHash, Scalar};
use typst::{Library, LibraryExt, World, WorldExt};
use typst_layout::PagedDocument;

use crate::error::{Error, ErrorKind, Location, Result, Setting};
use crate::input::images::{self, Bounds, Prepared};
use crate::input::kit::Kit;
use crate::model::{Asset, Brand, Release};
use crate::present::options::Options;
use crate::sandbox::Limits;
use crate::standards::Standards;
use crate::typeset::data::{self, Project, ProjectFile};
use crate::typeset::fonts::{self, FontSet};
use crate::typeset::template;
use crate::typeset::world::{SandboxWorld, file_id};
use crate::warning::{Diagnostic, Warning, WarningKind};

/// Renders releases. Loads the bundled fonts and Typst's library once; share
/// one renderer across threads (it is `Send + Sync`) to render many releases.
pub struct Renderer {
    library: Arc<LazyHash<Library>>,
    /// The bundled fonts: the whole set for brands without fonts of their
    /// own (most of them), the base of the others'.
    bundled: Arc<FontSet>,
    template: Source,
    /// The template library every template may import.
    lib: Source,
    /// Fonts for characters the brand's fonts lack.
    fallback: fonts::Fallback,
    /// How long a brand's own template may run.
    template_time: std::time::Duration,
    /// After each compilation, drop Typst's cached results unused for this
    /// many compilations (`None`: keep them).
    cache_age: Option<usize>,
    /// Images prepared for the page, so that a watch loop or a batch that
    /// shows the same photo decodes and scales it once.
    images: Mutex<ImageCache>,
}

/// A laid-out release, ready to export.
pub struct Document {
    inner: PagedDocument,
    ident: String,
    warnings: Vec<Warning>,
    standards: Standards,
    tagged: bool,
    images: Vec<(String, usize)>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// Creates a renderer with the bundled fonts.
    pub fn new() -> Self {
        Self {
            library: Arc::new(LazyHash::new(Library::default())),
            bundled: Arc::new(FontSet::new(fonts::bundled())),
            template: Source::new(file_id(data::TEMPLATE_PATH), data::TEMPLATE.into()),
            lib: Source::new(file_id(data::LIBRARY_PATH), data::LIBRARY.into()),
            fallback: fonts::Fallback { fonts: Vec::new(), system: true },
            template_time: Self::DEFAULT_TEMPLATE_TIME,
            cache_age: Some(Self::DEFAULT_CACHE_AGE),
            images: Mutex::new(ImageCache::default()),
        }
    }

    /// The default for [`with_cache_eviction`](Self::with_cache_eviction).
    pub const DEFAULT_CACHE_AGE: usize = 10;

    /// How Typst's memoization cache is trimmed after each compilation.
    /// Typst keeps the results of every compilation in one cache for the
    /// whole process (shared with any other Typst compilation it runs);
    /// unless trimmed it grows with each release. By default presskit drops
    /// the entries unused for the last [`DEFAULT_CACHE_AGE`](Self::DEFAULT_CACHE_AGE)
    /// compilations, which keeps a service's memory flat and a watch loop's
    /// re-renders fast. `None` leaves the cache alone, for a process that
    /// trims it itself (`typst::comemo::evict`).
    pub fn with_cache_eviction(mut self, max_age: Option<usize>) -> Self {
        self.cache_age = max_age;
        self
    }

    /// How long a brand's own template may run by default: 20 seconds, far
    /// more than a template that lays out a release needs (milliseconds),
    /// and within the 30 seconds `docs/SECURITY.md` promises for a render.
    pub const DEFAULT_TEMPLATE_TIME: std::time::Duration = std::time::Duration::from_secs(20);

    /// How long a brand's own template (`defaults.presskit.template`) may
    /// run before the render is given up with an error. Typst cannot stop a
    /// running compilation: the abandoned one goes on in the background
    /// until it ends, holding a core and its memory. The built-in template
    /// is not limited; the input limits bound its time.
    pub fn with_template_time_limit(mut self, limit: std::time::Duration) -> Self {
        self.template_time = limit;
        self
    }

    /// Adds a font (OpenType or TrueType data) for characters the brand's
    /// fonts lack, searched before the bundled emoji and symbol fonts and the installed
    /// fonts. A release that uses one renders with a warning naming it.
    pub fn with_fallback_font(mut self, data: Vec<u8>) -> Result<Self> {
        let fonts: Vec<typst::text::Font> = typst::text::Font::iter(Bytes::new(data)).collect();
        if fonts.is_empty() {
            return Err(Error::new(ErrorKind::Font, "the fallback font is not a font presskit can read")
                .with_hint("give the data of an OpenType (.otf) or TrueType (.ttf) file"));
        }
        self.fallback.fonts.extend(fonts);
        Ok(self)
    }

    /// Whether the fonts installed on the machine are searched for
    /// characters the brand's fonts lack (default: yes). Turn it off for
    /// renders that must not depend on the machine: such characters are
    /// then an error unless a [fallback font](Self::with_fallback_font) or
    /// the bundled emoji and symbol fonts have them.
    pub fn with_system_fallback(mut self, on: bool) -> Self {
        self.fallback.system = on;
        self
    }

    /// The families searched, in order, for characters a brand's fonts
    /// lack, before the installed fonts: those given with
    /// [`with_fallback_font`](Self::with_fallback_font), then the bundled
    /// emoji and symbol fonts.
    pub fn fallback_families(&self) -> Vec<String> {
        let mut families: Vec<String> = Vec::new();
        for font in self.fallback.fonts.iter().chain(fonts::bundled_fallback()) {
            if !families.contains(&font.info().family) {
                families.push(font.info().family.clone());
            }
        }
        families
    }

    /// Everything to say about a release and its brand without laying it
    /// out, as `presskit check` reports it: the brand's fonts loaded as a
    /// render would load them (a broken font file or an uninstalled family
    /// is an error), then the press conventions ([`Release::check`]; `now`
    /// decides whether an embargo is past).
    pub fn check(&self, release: &Release, brand: &Brand, now: std::time::SystemTime) -> Vec<Diagnostic> {
        let fonts = self.font_families(brand).err();
        let fonts = fonts.as_ref().map(Diagnostic::from);
        fonts.into_iter().chain(release.check(brand, now).into_iter().map(Diagnostic::from)).collect()
    }

    /// The font families available to a brand: the bundled ones and the
    /// brand's own.
    pub fn font_families(&self, brand: &Brand) -> Result<Vec<String>> {
        if brand.fonts.is_empty() {
            Ok(self.bundled.family_names())
        } else {
            Ok(fonts::for_brand(&self.bundled, brand)?.family_names())
        }
    }

    /// Lays out a release issued under a brand, with default options.
    pub fn compile(&self, release: &Release, brand: &Brand) -> Result<Document> {
        self.compile_with(release, brand, &Options::default())
    }

    /// Lays out a release issued under a brand. What the standards ask of
    /// the input (alt texts for PDF/UA-1) is checked first.
    pub fn compile_with(&self, release: &Release, brand: &Brand, options: &Options) -> Result<Document> {
        let project = self.project(release, brand, options)?;
        let ident = format!("presskit:{}:{}", release.date, release.headline);
        self.compile_project(project, brand, &release.origin.name, ident, options)
    }

    /// Lays out a media kit: a cover with the kit's title and date, a table
    /// of contents linked to each document, then each document with its own
    /// page numbering, headers and labels.
    pub fn compile_kit(&self, kit: &Kit, brand: &Brand, options: &Options) -> Result<Document> {
        let project = self.kit_project(kit, brand, options)?;
        let ident = format!("presskit-kit:{}:{}", kit.date, kit.title);
        self.compile_project(project, brand, &kit.origin.name, ident, options)
    }

    /// The Typst project for a media kit: the data and prepared images the
    /// template reads.
    pub fn kit_project(&self, kit: &Kit, brand: &Brand, options: &Options) -> Result<Project> {
        for release in &kit.documents {
            check_options(release, brand, options)?;
        }
        data::build_kit(kit, brand, options, &mut |asset, bounds, limits| {
            self.prepare_image(asset, bounds, options.image_ppi(), limits)
        })
    }

    /// Compiles a built project; `name` is the input that errors in its
    /// text are laid at.
    fn compile_project(
        &self,
        project: Project,
        brand: &Brand,
        name: &std::path::Path,
        ident: String,
        options: &Options,
    ) -> Result<Document> {
        let fonts = match self.brand_fonts(brand)? {
            Some(set) => Arc::new(set),
            None => Arc::clone(&self.bundled),
        };
        check_families(&project, &fonts, brand)?;
        let (fonts, fallback_warning) = match self.cover(&project, &fonts, name)? {
            Some((set, warning, _)) => (Arc::new(set), Some(warning)),
            None => (fonts, None),
        };

        let mut files = HashMap::new();
        files.insert(file_id(data::DATA_PATH), Bytes::new(project.data));
        for file in &project.files {
            files.insert(file_id(&file.path), Bytes::new(Arc::clone(&file.data)));
        }
        let (main, disk) = match &brand.layout.template {
            Some(template) => template::custom(template, brand)?,
            None => (self.template.clone(), None),
        };
        // Errors name the template's folder as the brand names it.
        let named = brand
            .layout
            .template
            .as_ref()
            .map(|t| brand.origin.as_ref().and_then(|o| o.dir.clone()).unwrap_or_default().join(&t.name));
        let custom = named.as_ref().map(|n| n.parent().map(std::path::Path::to_path_buf).unwrap_or_default());
        let lib = self.lib.clone();
        let world = SandboxWorld { library: Arc::clone(&self.library), fonts, main, lib, files, disk };
        let (warned, world) = match &named {
            Some(template) => self.compile_limited(world, template)?,
            None => (typst::compile::<PagedDocument>(&world), world),
        };
        if let Some(age) = self.cache_age {
            typst::comemo::evict(age);
        }
        let inner = warned.output.map_err(|diags| match &custom {
            Some(dir) => template::error(&world, &diags, dir),
            None => layout_error(&world, &diags),
        })?;
        let warning = |kind, message: String, hint: &str| Warning {
            kind,
            file: name.to_path_buf(),
            location: None,
            message,
            hint: hint.into(),
        };
        let fallback = fallback_warning.map(|message| {
            warning(
                WarningKind::FontFallback,
                message,
                "for a look of your own, give the brand a font that has them",
            )
        });
        let layout = warned.warnings.iter().map(|w| {
            warning(
                WarningKind::Layout,
                w.message.to_string(),
                "check the output; report it if it looks wrong",
            )
        });
        let warnings = fallback.into_iter().chain(layout).collect();
        let images = project.files.iter().filter_map(|f| Some((f.image.clone()?, f.data.len()))).collect();
        Ok(Document {
            inner,
            ident,
            warnings,
            standards: options.standards(),
            tagged: options.tagged(),
            images,
        })
    }

    /// Compiles a brand's own template on a thread of its own, waiting at
    /// most the template time limit; past it, the compilation is left to
    /// finish unobserved and the render fails.
    fn compile_limited(
        &self,
        world: SandboxWorld,
        template: &std::path::Path,
    ) -> Result<(typst::diag::Warned<typst::diag::SourceResult<PagedDocument>>, SandboxWorld)> {
        use std::sync::atomic::Ordering;
        let given_up = ABANDONED.load(Ordering::SeqCst);
        if given_up >= MAX_ABANDONED {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "in the template: {given_up} earlier renders of templates that ran too long still run"
                ),
            )
            .in_file(template)
            .with_hint("wait for them to end, or restart the process"));
        }
        // Whether the render stopped waiting: set and read under one lock
        // with the thread's end, so the count of abandoned ones stays right.
        let abandoned = Arc::new(Mutex::new(false));
        let (done, wait) = std::sync::mpsc::sync_channel(1);
        let flag = Arc::clone(&abandoned);
        std::thread::Builder::new()
            .name("presskit-template".into())
            // Typst recurses deeply in layout; the main thread's stack size.
            .stack_size(8 << 20)
            .spawn(move || {
                let warned = typst::compile::<PagedDocument>(&world);
                // Sent under the lock: a waiter that timed out looks once more
                // under it before giving up.
                let Ok(given_up) = flag.lock() else { return };
                if *given_up {
                    ABANDONED.fetch_sub(1, Ordering::SeqCst);
                } else {
                    let _ = done.send((warned, world));
                }
            })
            .map_err(|err| {
                Error::new(ErrorKind::Layout, format!("cannot start a thread for the template: {err}"))
                    .with_hint("the machine is short of threads or memory; try again")
            })?;
        match wait.recv_timeout(self.template_time) {
            Ok(result) => Ok(result),
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                let mut flag = abandoned.lock().map_err(|_| crashed(template))?;
                // It may have ended just now.
                if let Ok(result) = wait.try_recv() {
                    return Ok(result);
                }
                *flag = true;
                ABANDONED.fetch_add(1, Ordering::SeqCst);
                Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!(
                        "in the template: it ran longer than {} s and was given up",
                        self.template_time.as_secs_f64()
                    ),
                )
                .in_file(template)
                .with_hint("look for loops over large ranges or nested loops in the template"))
            }
            Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => Err(crashed(template)),
        }
    }

    /// Renders a release to PDF bytes with default options.
    pub fn pdf(&self, release: &Release, brand: &Brand) -> Result<Vec<u8>> {
        self.compile(release, brand)?.pdf()
    }

    /// The Typst project for a release: the data and prepared images the
    /// template reads. The options are checked against the input here.
    pub fn project(&self, release: &Release, brand: &Brand, options: &Options) -> Result<Project> {
        check_options(release, brand, options)?;
        data::build(release, brand, options, &mut |asset, bounds, limits| {
            self.prepare_image(asset, bounds, options.image_ppi(), limits)
        })
    }

    /// The files of a Typst project that the stock `typst` command compiles
    /// to the same layout: `release.typ` (the template), `data.json`, the
    /// prepared images, the fonts the layout uses under `fonts/`, and a
    /// `README.md` saying how to compile it. Paths are relative.
    pub fn typst_project(
        &self,
        release: &Release,
        brand: &Brand,
        options: &Options,
    ) -> Result<Vec<ProjectFile>> {
        let project = self.project(release, brand, options)?;
        let brand_fonts = self.brand_fonts(brand)?;
        let fonts = brand_fonts.as_ref().unwrap_or(&*self.bundled);
        check_families(&project, fonts, brand)?;
        // Fallback fonts go into the project too: stock Typst finds them
        // there as presskit's world does.
        let covered = self.cover(&project, fonts, &release.origin.name)?;
        let (fonts, fallback_families) = match &covered {
            Some((set, _, families)) => (set, families.clone()),
            None => (fonts, Vec::new()),
        };
        let file =
            |path: &str, data: Vec<u8>| ProjectFile { path: path.into(), data: data.into(), image: None };
        let mut out = vec![
            file(data::TEMPLATE_PATH.trim_start_matches('/'), data::TEMPLATE.as_bytes().to_vec()),
            file(data::LIBRARY_PATH.trim_start_matches('/'), data::LIBRARY.as_bytes().to_vec()),
            file(data::DATA_PATH.trim_start_matches('/'), project.data),
        ];
        out.extend(
            project
                .files
                .into_iter()
                .map(|f| ProjectFile { path: f.path.trim_start_matches('/').into(), ..f }),
        );
        let mut font_names = Vec::new();
        let mut seen: Vec<&[u8]> = Vec::new();
        for font in &fonts.fonts {
            let family = &font.info().family;
            let data = font.data().as_slice();
            let used =
                project.families.iter().chain(&fallback_families).any(|f| f.eq_ignore_ascii_case(family));
            if !used || seen.contains(&data) {
                continue;
            }
            seen.push(data);
            let mut name = fonts::file_name(font);
            if out.iter().any(|f| f.path == format!("fonts/{name}")) {
                name = format!("{}-{}", font_names.len(), name);
            }
            font_names.push(format!("- `fonts/{name}`: {family}"));
            out.push(file(&format!("fonts/{name}"), data.to_vec()));
        }
        out.push(file("data.schema.json", data::SCHEMA.as_bytes().to_vec()));
        out.push(file("README.md", project_readme(&font_names).into_bytes()));
        Ok(out)
    }

    /// The fonts of a brand that brings its own, beside the bundled ones;
    /// `None` for the others, which use the bundled set as it is.
    fn brand_fonts(&self, brand: &Brand) -> Result<Option<FontSet>> {
        if brand.fonts.is_empty() { Ok(None) } else { fonts::for_brand(&self.bundled, brand).map(Some) }
    }

    fn prepare_image(
        &self,
        asset: &Asset,
        bounds: Bounds,
        ppi: f64,
        limits: &Limits,
    ) -> std::result::Result<Prepared, String> {
        let key = typst::utils::hash128(&(
            &asset.data[..],
            bounds.width.to_bits(),
            bounds.height.to_bits(),
            ppi.to_bits(),
        ));
        if let Some(hit) = self.images.lock().ok().and_then(|cache| cache.get(key)) {
            return Ok(hit);
        }
        let prepared = images::prepare(asset, bounds, ppi, limits)?;
        if let Ok(mut cache) = self.images.lock() {
            cache.insert(key, prepared.clone());
        }
        Ok(prepared)
    }
}

/// Prepared images by a hash of the image and how it was prepared. Bounded:
/// when full it is emptied, which suits batches that share a few images.
#[derive(Default)]
struct ImageCache {
    entries: HashMap<u128, Prepared>,
    bytes: usize,
}

impl ImageCache {
    const MAX_BYTES: usize = 64 * 1024 * 1024;

    fn get(&self, key: u128) -> Option<Prepared> {
        self.entries.get(&key).cloned()
    }

    fn insert(&mut self, key: u128, prepared: Prepared) {
        let size = prepared.data.len();
        if size > Self::MAX_BYTES / 4 {
            return;
        }
        if self.bytes + size > Self::MAX_BYTES {
            self.entries.clear();
            self.bytes = 0;
        }
        self.bytes += size;
        self.entries.insert(key, prepared);
    }
}

/// Checks that the input can meet the options: PDF/UA-1 needs a text
/// alternative for the logo and every image.
fn check_options(release: &Release, brand: &Brand, options: &Options) -> Result<()> {
    if !options.standards().ua1 {
        return Ok(());
    }
    if !options.tagged() {
        return Err(Error::new(ErrorKind::InvalidValue, "PDF/UA-1 needs a tagged PDF")
            .with_hint("leave tagging on when asking for PDF/UA-1"));
    }
    if let Some(logo) = &brand.logo
        && crate::present::look::logo_alt(brand).is_none()
    {
        let mut err = Error::new(
            ErrorKind::MissingField,
            format!("the logo `{}` has no text alternative, which PDF/UA-1 needs", logo.image.name),
        )
        .with_hint("give the brand a `meta.name`, or the logo an `alt`: `logo: {path: logo.svg, alt: Name}`");
        if let Some(origin) = &brand.origin {
            err = err.in_file(&origin.name);
        }
        return Err(err);
    }
    // Every language's texts: an image without alt text in a translation
    // failed only at export, without its place.
    let release_images = release.texts().flat_map(|c| c.images()).map(|image| (image, Some(&release.origin)));
    let brand_texts = brand.boilerplate.iter().chain(brand.boilerplate_translations.iter().map(|(_, b)| b));
    let brand_images = brand_texts.flat_map(|b| b.body.images()).map(|image| (image, brand.origin.as_ref()));
    for (image, origin) in release_images.chain(brand_images) {
        if image.alt.trim().is_empty() {
            let mut err = Error::new(
                ErrorKind::MissingField,
                format!("the image `{}` has no alt text, which PDF/UA-1 needs", image.src),
            )
            .at(image.location)
            .with_hint(format!(
                "say what the image shows between the brackets: ![A crowd at the launch]({})",
                image.src
            ));
            if let Some(origin) = origin {
                err = err.in_file(&origin.name);
            }
            return Err(err);
        }
    }
    Ok(())
}

fn project_readme(fonts: &[String]) -> String {
    format!(
        "# A presskit release as a Typst project\n\n\
         Written by {}. `release.typ` is presskit's template; it reads the release\n\
         from `data.json` and the prepared images from `assets/` and `images/`.\n\
         Edit either to hand-tune this release, then compile it with the stock\n\
         `typst` command (0.15) and the fonts in `fonts/`:\n\n\
         ```sh\ntypst compile --font-path fonts --ignore-system-fonts release.typ release.pdf\n```\n\n\
         Fonts used:\n\n{}\n\n\
         To make `release.typ` your organisation's own layout for every release,\n\
         edit it, put it beside `_brand.yml` and name it there:\n\
         `defaults: {{presskit: {{template: house.typ}}}}`. It receives the data\n\
         described by `data.schema.json` (version {}) and docs/TEMPLATES.md.\n",
        data::GENERATOR,
        fonts.join("\n"),
        data::SCHEMA_VERSION
    )
}

/// Typst only warns about an unknown family and falls back silently; a
/// brand that names a family it does not have gets an error instead.
fn check_families(project: &Project, fonts: &FontSet, brand: &Brand) -> Result<()> {
    for family in &project.families {
        if !fonts.has_family(family) {
            let mut err = Error::new(ErrorKind::Font, format!("unknown font family `{family}`")).with_hint(format!(
                "the families available are: {}; add the font under `typography.fonts` with `source: file` or `source: system`",
                fonts.family_names().join(", ")
            ));
            if let Some(origin) = &brand.origin {
                err =
                    err.in_file(&origin.name).at(crate::input::parse::locate_value(origin, "family", family));
            }
            return Err(err);
        }
    }
    Ok(())
}

/// Typst draws a box for a character no font has; presskit refuses the
/// release instead, naming the characters, their script and the remedy.
impl Renderer {
    /// The fonts with fallback fonts for the characters they lack, and the
    /// warning that says which; `None` when the fonts have every character.
    fn cover(&self, project: &Project, fonts: &FontSet, name: &std::path::Path) -> Result<Option<Covered>> {
        let lacking: Vec<char> = project
            .chars
            .iter()
            .copied()
            .filter(|&c| !c.is_whitespace() && !c.is_control() && !is_invisible(c))
            .filter(|&c| !fonts.fonts.iter().any(|font| font.info().coverage.contains(c as u32)))
            .collect();
        if lacking.is_empty() {
            return Ok(None);
        }
        let cover = self.fallback.cover(&lacking);
        if !cover.missing.is_empty() {
            return Err(coverage_error(&cover.missing, name));
        }
        let shown: String = lacking.iter().take(12).collect();
        let more =
            if lacking.len() > 12 { format!(" and {} more", lacking.len() - 12) } else { String::new() };
        let warning = format!(
            "the characters {shown}{more} are in none of the brand's fonts: they are set in {}",
            cover.families.join(", ")
        );
        let mut all = fonts.fonts.clone();
        all.extend(cover.fonts);
        Ok(Some((FontSet::new(all), warning, cover.families)))
    }
}

/// Fonts with fallbacks added: the set, the warning, the fallback families.
type Covered = (FontSet, String, Vec<String>);

/// No font, the brand's or a fallback, has these characters.
fn coverage_error(missing: &[char], name: &std::path::Path) -> Error {
    use unicode_script::UnicodeScript;
    let mut scripts: Vec<String> = missing
        .iter()
        .map(|c| c.script())
        .filter(|s| !matches!(s, unicode_script::Script::Common | unicode_script::Script::Inherited))
        .map(|s| s.full_name().replace('_', " "))
        .collect();
    scripts.sort();
    scripts.dedup();
    let scripts = match scripts.as_slice() {
        [] => String::new(),
        [one] => format!(" ({one} script)"),
        many => format!(" ({} scripts)", many.join(", ")),
    };
    let shown: String = missing.iter().take(12).collect();
    let more = if missing.len() > 12 { format!(" and {} more", missing.len() - 12) } else { String::new() };
    Error::new(ErrorKind::Font, format!("no available font has the characters {shown}{more}{scripts}"))
        .in_file(name)
        .with_hint(
        "add a font that has them to the brand, e.g. `typography: {fonts: [{family: Noto Sans SC, source: file, \
         files: [NotoSansSC-Regular.otf]}], base: {family: Noto Sans SC}}`, or install one that has them",
        )
}

/// Marks that print nothing of their own: joiners, direction marks,
/// variation selectors, soft hyphens.
fn is_invisible(c: char) -> bool {
    matches!(c as u32, 0x00AD | 0x034F | 0x061C | 0x180B..=0x180F | 0x200B..=0x200F | 0x202A..=0x202E
        | 0x2060..=0x206F | 0xFE00..=0xFE0F | 0xFEFF | 0xE0000..=0xE0FFF)
}

fn layout_error(world: &SandboxWorld, diags: &[SourceDiagnostic]) -> Error {
    let Some(diag) = diags.iter().find(|d| d.severity == Severity::Error).or(diags.first()) else {
        return Error::new(ErrorKind::Layout, "Typst failed without a message");
    };
    let location = world.range(diag.span).and_then(|range| {
        let source = world.source(world.main()).ok()?;
        Some(Location::from_offset(source.text(), range.start))
    });
    let mut hints: Vec<&str> = diag.hints.iter().map(|h| h.v.as_str()).collect();
    // Images are checked before layout, but Typst may still refuse one.
    let message = diag.message.to_lowercase();
    let (kind, hint) =
        if ["image", "svg", "decode", "png", "jpeg", "gif", "webp"].iter().any(|w| message.contains(w)) {
            (ErrorKind::Image, "check the images the release and brand name; re-save the one at fault")
        } else {
            (
                ErrorKind::Layout,
                "if the input looks right, this is a bug in presskit: please report it with the input",
            )
        };
    hints.push(hint);
    Error::new(kind, format!("layout failed: {}", diag.message))
        .in_file("presskit template")
        .at(location)
        .with_hint(hints.join("; "))
}

impl Document {
    /// The number of pages.
    pub fn page_count(&self) -> usize {
        self.inner.pages().len()
    }

    /// What the render worked around: characters set in a fallback font,
    /// Typst's own warnings (none for a well-formed release).
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The images in the document, by the path the input names them, with
    /// their size in bytes as prepared for the page; largest first.
    pub fn images(&self) -> Vec<(&str, usize)> {
        let mut list: Vec<(&str, usize)> = self.images.iter().map(|(n, s)| (n.as_str(), *s)).collect();
        list.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        list
    }

    /// The text as laid out, page by page (pages end with a form feed), in
    /// the order Typst placed it: for checks of what a reader sees.
    pub fn text(&self) -> String {
        fn collect(frame: &typst::layout::Frame, out: &mut String) {
            for (_, item) in frame.items() {
                match item {
                    typst::layout::FrameItem::Group(group) => collect(&group.frame, out),
                    typst::layout::FrameItem::Text(text) => {
                        out.push_str(&text.text);
                        out.push(' ');
                    }
                    _ => {}
                }
            }
        }
        let mut out = String::new();
        for page in self.inner.pages() {
            collect(&page.frame, &mut out);
            out.push('\u{c}');
        }
        out
    }

    /// Each page's size in points: width and height.
    pub fn page_sizes(&self) -> Vec<(f64, f64)> {
        self.inner.pages().iter().map(|p| (p.frame.width().to_pt(), p.frame.height().to_pt())).collect()
    }

    /// The standards the PDF conforms to.
    pub fn standards(&self) -> Standards {
        self.standards
    }

    /// Exports the document as PDF, to the standards it was compiled for.
    /// The same inputs give the same bytes: the document date is the
    /// release date and the identifier is derived from the release.
    pub fn pdf(&self) -> Result<Vec<u8>> {
        let standards = typst_pdf::PdfStandards::new(&self.standards.to_typst()).map_err(|err| {
            Error::new(ErrorKind::Export, format!("cannot combine {}: {}", self.standards, err.message()))
                .with_hint("choose one PDF/A level, with or without ua-1")
        })?;
        let options = typst_pdf::PdfOptions {
            ident: Smart::Custom(self.ident.clone()),
            creator: Smart::Custom(Some(data::GENERATOR.into())),
            tagged: self.tagged,
            standards,
            ..typst_pdf::PdfOptions::default()
        };
        typst_pdf::pdf(&self.inner, &options).map_err(|diags| {
            let message = diags.iter().map(|d| d.message.as_str()).collect::<Vec<_>>().join("; ");
            let hint = if self.standards.is_empty() {
                "this is a bug in presskit; please report it with the input that caused it".to_string()
            } else {
                format!(
                    "the document cannot meet {}; render it without these standards, and report the input",
                    self.standards
                )
            };
            let err = Error::new(ErrorKind::Export, format!("PDF export failed: {message}")).with_hint(hint);
            if self.standards.is_empty() { err } else { err.for_setting(Setting::Standards) }
        })
    }

    /// Renders page `index` (0-based) as SVG.
    pub fn svg(&self, index: usize) -> Result<String> {
        let page = self.page(index)?;
        Ok(typst_svg::svg(page, &typst_svg::SvgOptions::default()))
    }

    fn page(&self, index: usize) -> Result<&typst_layout::Page> {
        self.inner.pages().get(index).ok_or_else(|| {
            Error::new(
                ErrorKind::Export,
                format!("there is no page {} (the document has {})", index + 1, self.page_count()),
            )
        })
    }

    /// Renders page `index` (0-based) as a PNG at `ppi` pixels per inch.
    ///
    /// A page of more than 150 megapixels (an A4 page at 1200 ppi is 139)
    /// is refused before its pixels are allocated, as is a `ppi` that is not
    /// a positive number.
    pub fn png(&self, index: usize, ppi: f32) -> Result<Vec<u8>> {
        let page = self.page(index)?;
        let size = page.frame.size();
        let scale = f64::from(ppi) / 72.0;
        let (width, height) = ((size.x.to_pt() * scale).ceil(), (size.y.to_pt() * scale).ceil());
        let pixels = width * height;
        if !(scale > 0.0 && pixels.is_finite() && width >= 1.0 && height >= 1.0 && pixels <= MAX_PNG_PIXELS) {
            let inches = |pt: f64| pt / 72.0;
            return Err(Error::new(
                ErrorKind::Export,
                format!(
                    "page {} is {:.1} × {:.1} inches: at {ppi} pixels per inch that is not an image of at \
                     most {} megapixels",
                    index + 1,
                    inches(size.x.to_pt()),
                    inches(size.y.to_pt()),
                    MAX_PNG_PIXELS / 1e6
                ),
            )
            .with_hint("choose fewer pixels per inch, or a smaller page"));
        }
        let options = typst_render::RenderOptions {
            pixel_per_pt: Scalar::new(f64::from(ppi) / 72.0),
            render_bleed: false,
        };
        typst_render::render(page, &options)
            .encode_png()
            .map_err(|err| Error::new(ErrorKind::Export, format!("PNG encoding failed: {err}")))
    }
}

/// Compilations of brand templates given up for their time and still
/// running; past [`MAX_ABANDONED`], templates are refused until some end.
static ABANDONED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
const MAX_ABANDONED: usize = 4;

/// The template's compilation ended without a result: it panicked.
fn crashed(template: &std::path::Path) -> Error {
    Error::new(ErrorKind::Layout, "in the template: Typst stopped without a result")
        .in_file(template)
        .with_hint("this is a bug in Typst or presskit; please report it with the template")
}

/// The most pixels of a PNG page: 600 MB of RGBA at most.
const MAX_PNG_PIXELS: f64 = 150e6;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renderer_can_be_shared_across_threads() {
        fn assert_send_sync<T: Send + Sync>() {}
        assert_send_sync::<Renderer>();
    }
}
