//! presskit for Python: the `presskit._presskit` extension module. The
//! package `presskit` (python/presskit) re-exports it with its type stubs.
//!
//! Every call that renders lets go of the interpreter (`Python::detach`), so
//! threads render in parallel; every presskit error becomes a Python
//! exception of its kind carrying the file, line, column, message and hint.

use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict};

pyo3::create_exception!(
    _presskit,
    Error,
    PyException,
    "A presskit error: see .kind, .file, .line, .column, .message, .hint."
);
pyo3::create_exception!(_presskit, FileError, Error, "A file could not be read.");
pyo3::create_exception!(
    _presskit,
    ParseError,
    Error,
    "A file is not well-formed YAML, TOML, JSON or front matter."
);
pyo3::create_exception!(_presskit, UnknownFieldError, Error, "A field that is not part of the format.");
pyo3::create_exception!(_presskit, MissingFieldError, Error, "A required field is absent.");
pyo3::create_exception!(
    _presskit,
    InvalidValueError,
    Error,
    "A field has a value of the wrong type or out of range."
);
pyo3::create_exception!(_presskit, ImageError, Error, "An image is missing or cannot be decoded.");
pyo3::create_exception!(_presskit, FontError, Error, "A font is unknown, or no font has a character.");
pyo3::create_exception!(
    _presskit,
    LayoutError,
    Error,
    "The layout failed (a bug in presskit or in a brand's template)."
);
pyo3::create_exception!(_presskit, ExportError, Error, "The PDF, PNG or SVG export failed.");

/// A presskit error as the Python exception of its kind.
fn raise(py: Python<'_>, err: presskit::Error) -> PyErr {
    use presskit::ErrorKind as K;
    let text = match err.hint() {
        Some(hint) => format!("{err}\nhint: {hint}"),
        None => err.to_string(),
    };
    let exception = match err.kind() {
        K::Io => FileError::new_err(text),
        K::Syntax => ParseError::new_err(text),
        K::UnknownField => UnknownFieldError::new_err(text),
        K::MissingField => MissingFieldError::new_err(text),
        K::InvalidValue => InvalidValueError::new_err(text),
        K::Image => ImageError::new_err(text),
        K::Font => FontError::new_err(text),
        K::Layout => LayoutError::new_err(text),
        K::Export => ExportError::new_err(text),
        _ => Error::new_err(text),
    };
    let value = exception.value(py);
    let file = err.file().map(|f| f.display().to_string());
    let location = err.location();
    // Attributes on the instance; setting them cannot fail on an exception.
    let _ = value.setattr("kind", err.kind().code());
    let _ = value.setattr("file", file);
    let _ = value.setattr("line", location.map(|l| l.line));
    let _ = value.setattr("column", location.map(|l| l.column));
    let _ = value.setattr("message", err.message());
    let _ = value.setattr("hint", err.hint());
    exception
}

/// Runs presskit without the interpreter (so that other threads run
/// meanwhile), turning its errors into exceptions and a panic, should one
/// happen, into a `presskit.Error` instead of unwinding into Python.
fn run<T: Send>(py: Python<'_>, work: impl FnOnce() -> presskit::Result<T> + Send) -> PyResult<T> {
    match py.detach(|| std::panic::catch_unwind(AssertUnwindSafe(work))) {
        Ok(done) => done.map_err(|e| raise(py, e)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            let err = Error::new_err(format!("internal error in presskit: {what}\nhint: please report it"));
            let value = err.value(py);
            let _ = value.setattr("kind", "internal");
            for name in ["file", "line", "column", "hint"] {
                let _ = value.setattr(name, py.None());
            }
            let _ = value.setattr("message", format!("internal error in presskit: {what}"));
            Err(err)
        }
    }
}

/// A press release, loaded and checked.
#[pyclass(frozen, module = "presskit")]
struct Release {
    inner: presskit::Release,
}

fn format_of(name: &str) -> PyResult<presskit::Format> {
    Ok(match name {
        "md" | "markdown" => presskit::Format::Markdown,
        "yaml" | "yml" => presskit::Format::Yaml,
        "json" => presskit::Format::Json,
        "toml" => presskit::Format::Toml,
        other => {
            return Err(PyValueError::new_err(format!(
                "`{other}` is not a release format: use md, yaml, json or toml"
            )));
        }
    })
}

/// A Python value as JSON text, through Python's own `json` module.
fn to_json(py: Python<'_>, value: &Bound<'_, PyAny>) -> PyResult<String> {
    py.import("json")?.call_method1("dumps", (value,))?.extract()
}

/// Where relative paths of text given in memory resolve.
fn origin(name: &str, base: Option<PathBuf>) -> presskit::Origin {
    match base {
        Some(dir) => presskit::Origin::in_dir(name, dir),
        None => presskit::Origin::named(name),
    }
}

/// Text as `str` or as UTF-8 `bytes`.
#[derive(FromPyObject)]
enum Text {
    Str(String),
    Bytes(Vec<u8>),
}

#[pymethods]
impl Release {
    /// Loads a release file (.md, .yaml, .json or .toml); `path` is a `str`
    /// or a `pathlib.Path`.
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        run(py, || presskit::Release::from_path(&path)).map(|inner| Self { inner })
    }

    /// Loads a release from text (`str` or UTF-8 `bytes`); `format` is md,
    /// yaml, json or toml; `name` names it in errors; `base` is the folder
    /// its image paths resolve in.
    #[staticmethod]
    #[pyo3(signature = (text, format = "md", *, name = "release.md", base = None))]
    fn from_str(
        py: Python<'_>,
        text: Text,
        format: &str,
        name: &str,
        base: Option<PathBuf>,
    ) -> PyResult<Self> {
        let format = format_of(format)?;
        let origin = origin(name, base);
        let loaded = match text {
            Text::Str(text) => run(py, || presskit::Release::from_text(&text, format, origin)),
            Text::Bytes(bytes) => run(py, || presskit::Release::from_bytes(&bytes, format, origin)),
        };
        loaded.map(|inner| Self { inner })
    }

    /// Loads a release from a dict of its fields, as in the JSON format
    /// (`body` in Markdown).
    #[staticmethod]
    #[pyo3(signature = (fields, *, name = "release.json", base = None))]
    fn from_dict(
        py: Python<'_>,
        fields: &Bound<'_, PyDict>,
        name: &str,
        base: Option<PathBuf>,
    ) -> PyResult<Self> {
        let json = to_json(py, fields.as_any())?;
        Self::from_str(py, Text::Str(json), "json", name, base)
    }

    /// The release's fields as a dict, as in the JSON format (the body as
    /// structured content, not Markdown); `Release.from_dict` does not read
    /// it back.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(&self.inner).map_err(|e| PyValueError::new_err(e.to_string()))?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// The headline.
    #[getter]
    fn headline(&self) -> String {
        self.inner.headline.clone()
    }

    /// The release date, `YYYY-MM-DD`.
    #[getter]
    fn date(&self) -> String {
        self.inner.date.to_string()
    }

    /// The language tag of the release's own text.
    #[getter]
    fn lang(&self) -> String {
        self.inner.lang.as_str().to_string()
    }

    /// The languages the release is written in: its own, then its
    /// translations'.
    #[getter]
    fn languages(&self) -> Vec<String> {
        self.inner.languages().iter().map(|l| l.as_str().to_string()).collect()
    }

    /// A file name for the release without extension (date and headline).
    fn file_stem(&self) -> String {
        self.inner.file_stem()
    }

    fn __repr__(&self) -> String {
        format!("Release({:?})", self.inner.headline)
    }
}

/// An organisation's brand: logo, colours, fonts, address, contacts.
#[pyclass(frozen, module = "presskit")]
#[derive(Clone)]
struct Brand {
    inner: presskit::Brand,
}

#[pymethods]
impl Brand {
    /// Loads a brand file (`_brand.yml`).
    #[staticmethod]
    fn from_path(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        run(py, || presskit::Brand::from_path(&path)).map(|inner| Self { inner })
    }

    /// The brand a release names, else the `_brand.yml` beside it, else the
    /// neutral brand.
    #[staticmethod]
    fn for_release(py: Python<'_>, release: &Release) -> PyResult<Self> {
        run(py, || presskit::Brand::for_release(&release.inner)).map(|inner| Self { inner })
    }

    /// A brand from a dict of its fields (as in `_brand.yml`); `base` is the
    /// folder its logo and fonts resolve in.
    #[staticmethod]
    #[pyo3(signature = (fields, *, name = "_brand.yml", base = None))]
    fn from_dict(
        py: Python<'_>,
        fields: &Bound<'_, PyDict>,
        name: &str,
        base: Option<PathBuf>,
    ) -> PyResult<Self> {
        // JSON is YAML: the brand loader reads it as it is.
        let json = to_json(py, fields.as_any())?;
        let origin = origin(name, base);
        run(py, || presskit::Brand::from_text(&json, origin)).map(|inner| Self { inner })
    }

    /// The built-in neutral brand.
    #[staticmethod]
    fn neutral() -> Self {
        Self { inner: presskit::Brand::neutral() }
    }

    /// The organisation's name, if the brand gives one.
    #[getter]
    fn name(&self) -> Option<String> {
        self.inner.name.clone()
    }

    fn __repr__(&self) -> String {
        format!("Brand({:?})", self.inner.name.as_deref().unwrap_or("neutral"))
    }
}

/// One finding of a check or a render: an error or a warning, with its
/// place.
#[pyclass(frozen, get_all, module = "presskit")]
struct Diagnostic {
    /// `"error"` (the release does not render) or `"warning"`.
    severity: &'static str,
    /// A short, stable name: `headline-too-long`, `unknown-field`, …
    code: &'static str,
    /// The file it is about, if any.
    file: Option<String>,
    /// The line, from 1, when known.
    line: Option<usize>,
    /// The column, from 1, when known.
    column: Option<usize>,
    /// What is wrong.
    message: String,
    /// What to do about it ("" when there is nothing to add).
    hint: String,
}

impl From<presskit::Diagnostic> for Diagnostic {
    fn from(d: presskit::Diagnostic) -> Self {
        Self {
            severity: match d.severity {
                presskit::Severity::Error => "error",
                _ => "warning",
            },
            code: d.code,
            file: d.file.map(|f| f.display().to_string()),
            line: d.line,
            column: d.column,
            message: d.message,
            hint: d.hint,
        }
    }
}

#[pymethods]
impl Diagnostic {
    /// The fields as a dict (the JSON of `presskit check --format json`).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        dict.set_item("severity", self.severity)?;
        dict.set_item("code", self.code)?;
        dict.set_item("file", &self.file)?;
        dict.set_item("line", self.line)?;
        dict.set_item("column", self.column)?;
        dict.set_item("message", &self.message)?;
        dict.set_item("hint", &self.hint)?;
        Ok(dict)
    }

    /// `file:line:column: message`, as the command line prints it.
    fn __str__(&self) -> String {
        let mut out = String::new();
        if let Some(file) = &self.file {
            out.push_str(file);
            if let Some(line) = self.line {
                out.push_str(&format!(":{line}:{}", self.column.unwrap_or(1)));
            }
            out.push_str(": ");
        }
        out.push_str(&self.message);
        out
    }

    fn __repr__(&self) -> String {
        format!("Diagnostic({}, {:?}, {:?})", self.severity, self.code, self.__str__())
    }
}

/// A laid-out release: its PDF, its pages as PNG or SVG.
#[pyclass(frozen, module = "presskit")]
struct Document {
    inner: presskit::Document,
}

#[pymethods]
impl Document {
    /// The PDF.
    fn pdf<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        let pdf = run(py, || self.inner.pdf())?;
        Ok(PyBytes::new(py, &pdf))
    }

    /// Page `page` (0-based) as PNG at `ppi` pixels per inch.
    #[pyo3(signature = (page = 0, ppi = 144.0))]
    fn png<'py>(&self, py: Python<'py>, page: usize, ppi: f32) -> PyResult<Bound<'py, PyBytes>> {
        let png = run(py, || self.inner.png(page, ppi))?;
        Ok(PyBytes::new(py, &png))
    }

    /// Page `page` (0-based) as SVG.
    #[pyo3(signature = (page = 0))]
    fn svg(&self, py: Python<'_>, page: usize) -> PyResult<String> {
        run(py, || self.inner.svg(page))
    }

    /// The number of pages.
    #[getter]
    fn page_count(&self) -> usize {
        self.inner.page_count()
    }

    /// What the render worked around (characters set in a fallback font …).
    #[getter]
    fn warnings(&self) -> Vec<Diagnostic> {
        self.inner.warnings().iter().cloned().map(|w| presskit::Diagnostic::from(w).into()).collect()
    }

    /// Page 1, for notebooks.
    fn _repr_png_<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyBytes>> {
        self.png(py, 0, 72.0)
    }

    fn __repr__(&self) -> String {
        format!("Document(pages={})", self.inner.page_count())
    }
}

/// What to render: a language, PDF standards, the image resolution.
fn options(
    lang: Option<&str>,
    standard: Option<&str>,
    image_ppi: Option<f64>,
) -> PyResult<presskit::Options> {
    let mut options = presskit::Options::default();
    if let Some(tag) = lang {
        options = options.with_languages(match tag {
            "all" => presskit::Languages::Combined,
            tag => presskit::Languages::One(presskit::Lang::parse(tag).map_err(PyValueError::new_err)?),
        });
    }
    if let Some(text) = standard {
        let standards: presskit::Standards = text.parse().map_err(PyValueError::new_err)?;
        options = options.with_standards(standards);
    }
    if let Some(ppi) = image_ppi {
        options = options.with_image_ppi(ppi).map_err(|e| PyValueError::new_err(e.to_string()))?;
    }
    Ok(options)
}

/// A release as given: a loaded `Release`, or the path of a release file.
#[derive(FromPyObject)]
enum Source<'py> {
    Release(PyRef<'py, Release>),
    Path(PathBuf),
}

impl Source<'_> {
    fn load(self, py: Python<'_>) -> PyResult<presskit::Release> {
        match self {
            Source::Release(r) => Ok(r.inner.clone()),
            Source::Path(path) => run(py, || presskit::Release::from_path(&path)),
        }
    }
}

/// The brand given, else the release's own.
fn brand_for(
    py: Python<'_>,
    release: &presskit::Release,
    brand: Option<&Brand>,
) -> PyResult<presskit::Brand> {
    match brand {
        Some(b) => Ok(b.inner.clone()),
        None => run(py, || presskit::Brand::for_release(release)),
    }
}

/// A time as Python gives it: a `datetime` (naive ones are local time) or
/// seconds since 1970.
fn system_time(value: &Bound<'_, PyAny>) -> PyResult<SystemTime> {
    let seconds: f64 = match value.extract() {
        Ok(seconds) => seconds,
        Err(_) => value.call_method0("timestamp")?.extract()?,
    };
    if !seconds.is_finite() || seconds < 0.0 {
        return Err(PyValueError::new_err("the date must be after 1970"));
    }
    Ok(SystemTime::UNIX_EPOCH + Duration::from_secs_f64(seconds))
}

/// Renders releases; loads fonts once. Share one between threads: renders
/// release the interpreter and run in parallel.
#[pyclass(frozen, module = "presskit", name = "Renderer")]
struct PyRenderer {
    inner: presskit::Renderer,
}

#[pymethods]
impl PyRenderer {
    /// `system_fonts=False` keeps the machine's installed fonts out: only
    /// the bundled fonts and the brand's are used.
    #[new]
    #[pyo3(signature = (*, system_fonts = true), text_signature = "(*, system_fonts=True)")]
    fn new(system_fonts: bool) -> Self {
        Self { inner: presskit::Renderer::new().with_system_fallback(system_fonts) }
    }

    /// Lays a release (a `Release` or a path) out under a brand (default:
    /// the brand the release names or finds beside it, else the neutral
    /// one). `lang` picks a language (`"all"`: every language in turn),
    /// `standard` PDF standards (`"a-2b"`, `"ua-1"`, `"archival"`),
    /// `image_ppi` the resolution images are kept at.
    #[pyo3(signature = (release, brand = None, *, lang = None, standard = None, image_ppi = None))]
    fn render(
        &self,
        py: Python<'_>,
        release: Source<'_>,
        brand: Option<&Brand>,
        lang: Option<&str>,
        standard: Option<&str>,
        image_ppi: Option<f64>,
    ) -> PyResult<Document> {
        let options = options(lang, standard, image_ppi)?;
        let release = release.load(py)?;
        let brand = brand_for(py, &release, brand)?;
        run(py, || self.inner.compile_with(&release, &brand, &options)).map(|inner| Document { inner })
    }

    /// Lays a media kit (`kit.yml`: a cover and several documents) out as
    /// one document, under the brand the kit names or finds beside it.
    #[pyo3(signature = (path, *, lang = None, standard = None))]
    fn render_kit(
        &self,
        py: Python<'_>,
        path: PathBuf,
        lang: Option<&str>,
        standard: Option<&str>,
    ) -> PyResult<Document> {
        let options = options(lang, standard, None)?;
        run(py, || {
            let kit = presskit::Kit::from_path(&path)?;
            let brand = kit.brand()?;
            self.inner.compile_kit(&kit, &brand, &options)
        })
        .map(|inner| Document { inner })
    }

    /// The release as plain text, from the same presentation as the PDF.
    #[pyo3(signature = (release, brand = None, *, lang = None))]
    fn text(
        &self,
        py: Python<'_>,
        release: Source<'_>,
        brand: Option<&Brand>,
        lang: Option<&str>,
    ) -> PyResult<String> {
        let options = options(lang, None, None)?;
        let release = release.load(py)?;
        let brand = brand_for(py, &release, brand)?;
        run(py, || self.inner.text(&release, &brand, &options))
    }

    /// The release as one self-contained HTML page.
    #[pyo3(signature = (release, brand = None, *, lang = None))]
    fn html(
        &self,
        py: Python<'_>,
        release: Source<'_>,
        brand: Option<&Brand>,
        lang: Option<&str>,
    ) -> PyResult<String> {
        let options = options(lang, None, None)?;
        let release = release.load(py)?;
        let brand = brand_for(py, &release, brand)?;
        run(py, || self.inner.html(&release, &brand, &options))
    }

    /// The release as an email message (RFC 5322 bytes, an `.eml`): text
    /// and HTML bodies and the PDF attached, in one language. `sender`
    /// defaults to the first media contact with an email address; `date`
    /// (a `datetime` or seconds since 1970) to now.
    #[pyo3(signature = (release, brand = None, *, lang = None, sender = None, to = None, subject = None, date = None, message_id = None))]
    #[allow(clippy::too_many_arguments)]
    fn email<'py>(
        &self,
        py: Python<'py>,
        release: Source<'_>,
        brand: Option<&Brand>,
        lang: Option<&str>,
        sender: Option<String>,
        to: Option<Vec<String>>,
        subject: Option<String>,
        date: Option<&Bound<'_, PyAny>>,
        message_id: Option<String>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let options = options(lang, None, None)?;
        let release = release.load(py)?;
        let brand = brand_for(py, &release, brand)?;
        let mut email = presskit::EmailOptions::default();
        if let Some(sender) = sender {
            email = email.from(sender);
        }
        for to in to.unwrap_or_default() {
            email = email.to(to);
        }
        if let Some(subject) = subject {
            email = email.subject(subject);
        }
        if let Some(date) = date {
            email = email.date(system_time(date)?);
        }
        if let Some(id) = message_id {
            email = email.message_id(id);
        }
        let message = run(py, || self.inner.email(&release, &brand, &options, &email))?;
        Ok(PyBytes::new(py, &message))
    }

    /// Everything `presskit check` reports: a release file that does not
    /// load gives its error; a loaded one, the brand's fonts and the trade's
    /// conventions. `now` (a `datetime` or seconds) decides whether an
    /// embargo is past.
    #[pyo3(signature = (release, brand = None, *, now = None))]
    fn check(
        &self,
        py: Python<'_>,
        release: Source<'_>,
        brand: Option<&Brand>,
        now: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Diagnostic>> {
        let now = now.map(system_time).transpose()?.unwrap_or_else(SystemTime::now);
        let loaded = match release {
            Source::Release(r) => Ok(r.inner.clone()),
            Source::Path(path) => py.detach(|| presskit::Release::from_path(&path)),
        };
        let release = match loaded {
            Ok(release) => release,
            Err(err) => return Ok(vec![presskit::Diagnostic::from(&err).into()]),
        };
        let brand = match brand {
            Some(b) => b.inner.clone(),
            None => match py.detach(|| presskit::Brand::for_release(&release)) {
                Ok(brand) => brand,
                Err(err) => return Ok(vec![presskit::Diagnostic::from(&err).into()]),
            },
        };
        let found = run(py, || Ok(self.inner.check(&release, &brand, now)))?;
        Ok(found.into_iter().map(Diagnostic::from).collect())
    }
}

/// The renderer the module's functions share: fonts loaded once.
fn shared_py(py: Python<'_>) -> PyResult<Py<PyRenderer>> {
    static SHARED: OnceLock<Py<PyRenderer>> = OnceLock::new();
    if let Some(renderer) = SHARED.get() {
        return Ok(renderer.clone_ref(py));
    }
    let renderer = Py::new(py, PyRenderer::new(true))?;
    Ok(SHARED.get_or_init(|| renderer).clone_ref(py))
}

/// A release's PDF in one call: `release` is a path or a `Release`, under
/// the brand it names or finds beside it (or `brand`).
#[pyfunction]
#[pyo3(signature = (release, brand = None, *, lang = None, standard = None))]
fn render_pdf<'py>(
    py: Python<'py>,
    release: Source<'_>,
    brand: Option<&Brand>,
    lang: Option<&str>,
    standard: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    let document = shared_py(py)?.get().render(py, release, brand, lang, standard, None)?;
    document.pdf(py)
}

/// The release as plain text (see `Renderer.text`).
#[pyfunction]
#[pyo3(signature = (release, brand = None, *, lang = None))]
fn text(py: Python<'_>, release: Source<'_>, brand: Option<&Brand>, lang: Option<&str>) -> PyResult<String> {
    shared_py(py)?.get().text(py, release, brand, lang)
}

/// The release as one self-contained HTML page (see `Renderer.html`).
#[pyfunction]
#[pyo3(signature = (release, brand = None, *, lang = None))]
fn html(py: Python<'_>, release: Source<'_>, brand: Option<&Brand>, lang: Option<&str>) -> PyResult<String> {
    shared_py(py)?.get().html(py, release, brand, lang)
}

/// The release as an email message (see `Renderer.email`).
#[pyfunction]
#[pyo3(signature = (release, brand = None, *, lang = None, sender = None, to = None, subject = None, date = None, message_id = None))]
#[allow(clippy::too_many_arguments)]
fn email<'py>(
    py: Python<'py>,
    release: Source<'_>,
    brand: Option<&Brand>,
    lang: Option<&str>,
    sender: Option<String>,
    to: Option<Vec<String>>,
    subject: Option<String>,
    date: Option<&Bound<'_, PyAny>>,
    message_id: Option<String>,
) -> PyResult<Bound<'py, PyBytes>> {
    shared_py(py)?.get().email(py, release, brand, lang, sender, to, subject, date, message_id)
}

/// A media kit's PDF in one call (see `Renderer.render_kit`).
#[pyfunction]
#[pyo3(signature = (path, *, lang = None, standard = None))]
fn kit<'py>(
    py: Python<'py>,
    path: PathBuf,
    lang: Option<&str>,
    standard: Option<&str>,
) -> PyResult<Bound<'py, PyBytes>> {
    shared_py(py)?.get().render_kit(py, path, lang, standard)?.pdf(py)
}

/// Everything `presskit check` reports (see `Renderer.check`).
#[pyfunction]
#[pyo3(signature = (release, brand = None, *, now = None))]
fn check(
    py: Python<'_>,
    release: Source<'_>,
    brand: Option<&Brand>,
    now: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Diagnostic>> {
    shared_py(py)?.get().check(py, release, brand, now)
}

/// A release imported from Word, HTML, text or Markdown without front
/// matter: its Markdown, its images and the report.
#[pyclass(frozen, module = "presskit")]
struct Imported {
    inner: presskit::Imported,
}

#[pymethods]
impl Imported {
    /// The release as Markdown with YAML front matter.
    #[getter]
    fn markdown(&self) -> &str {
        self.inner.markdown()
    }

    /// The images the source held, by the names the Markdown gives them.
    #[getter]
    fn images<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let dict = PyDict::new(py);
        for (name, data) in self.inner.images() {
            dict.set_item(name, PyBytes::new(py, data))?;
        }
        Ok(dict)
    }

    /// What was found where, for the brand, not placed and left out, as
    /// `presskit import --format json` prints it.
    #[getter]
    fn report<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let json = serde_json::to_string(self.inner.report())
            .map_err(|e| Error::new_err(format!("cannot write the report: {e}")))?;
        py.import("json")?.call_method1("loads", (json,))
    }

    /// The release, loaded and checked; its images resolve among
    /// `images`, then in `base` (a folder) if given.
    #[pyo3(signature = (*, name = "release.md", base = None))]
    fn release(&self, py: Python<'_>, name: &str, base: Option<PathBuf>) -> PyResult<Release> {
        let origin = origin(name, base);
        run(py, || self.inner.release(origin)).map(|inner| Release { inner })
    }

    fn __repr__(&self) -> String {
        format!("<presskit.Imported from {}>", self.inner.report().source)
    }
}

/// Imports a release from Word (.docx), a web page (.html), text from an
/// email (.txt) or Markdown without front matter (.md). `source` is a path
/// (`str` or `pathlib.Path`), or `bytes` with `format` ("docx", "html",
/// "text", "markdown"). With `brand`, what it already says is left out.
#[pyfunction]
#[pyo3(signature = (source, brand = None, *, format = None, name = None))]
fn import_release(
    py: Python<'_>,
    source: Input,
    brand: Option<&Brand>,
    format: Option<&str>,
    name: Option<&str>,
) -> PyResult<Imported> {
    let brand = brand.map(|b| b.inner.clone());
    let format = format
        .map(|f| match f {
            "docx" => Ok(presskit::ImportFormat::Docx),
            "html" => Ok(presskit::ImportFormat::Html),
            "text" | "txt" => Ok(presskit::ImportFormat::Text),
            "markdown" | "md" => Ok(presskit::ImportFormat::Markdown),
            other => Err(PyValueError::new_err(format!(
                "`{other}` is not a format import reads: use docx, html, text or markdown"
            ))),
        })
        .transpose()?;
    let inner = match source {
        Input::Path(path) => match format {
            Some(format) => {
                let bytes = std::fs::read(&path)
                    .map_err(|e| FileError::new_err(format!("{}: {e}", path.display())))?;
                run(py, || presskit::Imported::from_bytes(&bytes, format, &path, brand.as_ref()))
            }
            None => run(py, || presskit::Imported::from_path(&path, brand.as_ref())),
        },
        Input::Bytes(bytes) => {
            let format = format.ok_or_else(|| {
                PyValueError::new_err(
                    "bytes need a format: format=\"docx\", \"html\", \"text\" or \"markdown\"",
                )
            })?;
            let name = name.unwrap_or("release");
            run(py, || presskit::Imported::from_bytes(&bytes, format, name, brand.as_ref()))
        }
    }?;
    Ok(Imported { inner })
}

/// A path or the bytes of a file.
#[derive(FromPyObject)]
enum Input {
    Bytes(Vec<u8>),
    Path(PathBuf),
}

#[pymodule]
fn _presskit(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_class::<PyRenderer>()?;
    m.add_class::<Release>()?;
    m.add_class::<Brand>()?;
    m.add_class::<Document>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Imported>()?;
    m.add_function(wrap_pyfunction!(import_release, m)?)?;
    m.add_function(wrap_pyfunction!(render_pdf, m)?)?;
    m.add_function(wrap_pyfunction!(text, m)?)?;
    m.add_function(wrap_pyfunction!(html, m)?)?;
    m.add_function(wrap_pyfunction!(email, m)?)?;
    m.add_function(wrap_pyfunction!(kit, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("FileError", py.get_type::<FileError>())?;
    m.add("ParseError", py.get_type::<ParseError>())?;
    m.add("UnknownFieldError", py.get_type::<UnknownFieldError>())?;
    m.add("MissingFieldError", py.get_type::<MissingFieldError>())?;
    m.add("InvalidValueError", py.get_type::<InvalidValueError>())?;
    m.add("ImageError", py.get_type::<ImageError>())?;
    m.add("FontError", py.get_type::<FontError>())?;
    m.add("LayoutError", py.get_type::<LayoutError>())?;
    m.add("ExportError", py.get_type::<ExportError>())?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
