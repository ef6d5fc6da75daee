//! The routes: `/v1/render`, `/v1/check`, `/v1/brands`, `/healthz`,
//! `/metrics` and `/openapi.json`; the bearer token, the body limit, and
//! the bounded queue in front of the workers.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Instant, SystemTime};

use axum::Router;
use axum::body::{Body, Bytes};
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Query, Request};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use presskit::{
    Brand, Diagnostic, EmailOptions, Lang, Languages, Options, Origin, Release, Renderer, Severity, Standards,
};
use serde::Deserialize;
use serde_json::{Value, json};
use tokio::sync::Semaphore;

use crate::Config;
use crate::brands::{Brands, Missing};
use crate::metrics::Metrics;
use crate::problem::Problem;

/// What every request shares: one warm renderer, the brands, the counters
/// and the workers.
pub struct State {
    config: Config,
    renderer: Arc<Renderer>,
    brands: Brands,
    metrics: Metrics,
    workers: Arc<Semaphore>,
    /// Requests rendering or waiting for a worker.
    admitted: AtomicUsize,
}

impl State {
    pub fn new(config: Config) -> Self {
        let workers = Arc::new(Semaphore::new(config.workers.max(1)));
        Self {
            brands: Brands::new(config.brands.clone()),
            renderer: Arc::new(Renderer::new()),
            metrics: Metrics::default(),
            workers,
            admitted: AtomicUsize::new(0),
            config,
        }
    }
}

type Shared = Arc<State>;

pub fn router(state: Shared) -> Router {
    let v1 = Router::new()
        .route("/v1/render", post(render))
        .route("/v1/check", post(check))
        .route("/v1/brands", get(brands))
        .route_layer(middleware::from_fn_with_state(Arc::clone(&state), authorize));
    Router::new()
        .merge(v1)
        .route("/healthz", get(|| async { "ok\n" }))
        .route("/metrics", get(metrics))
        .route("/openapi.json", get(openapi))
        .fallback(not_found)
        // One INFO line per request: method, path, status, time.
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(tower_http::trace::DefaultMakeSpan::new().level(tracing::Level::INFO))
                .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        .with_state(state)
}

/// Refuses `/v1/` requests without the configured bearer token.
async fn authorize(
    axum::extract::State(state): axum::extract::State<Shared>,
    request: Request,
    next: Next,
) -> Response {
    let Some(token) = &state.config.token else { return next.run(request).await };
    let given = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .unwrap_or_default();
    if same(given.trim().as_bytes(), token.as_bytes()) {
        return next.run(request).await;
    }
    state.metrics.failed("unauthorized");
    let mut response = Problem::new(
        StatusCode::UNAUTHORIZED,
        "unauthorized",
        "the request carries no valid bearer token",
        "send `Authorization: Bearer TOKEN` with the service's token",
    )
    .into_response();
    response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// Compares in time independent of where the two differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

async fn not_found() -> Problem {
    Problem::new(
        StatusCode::NOT_FOUND,
        "not-found",
        "no such endpoint",
        "see /openapi.json for the endpoints",
    )
}

async fn metrics(axum::extract::State(state): axum::extract::State<Shared>) -> Response {
    let mut response = state.metrics.text().into_response();
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"));
    response
}

async fn openapi() -> Response {
    let mut response = crate::openapi::document().to_string().into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
}

async fn brands(axum::extract::State(state): axum::extract::State<Shared>) -> Response {
    let list: Vec<Value> = state
        .brands
        .names()
        .into_iter()
        .map(|name| match state.brands.get(&name) {
            Ok((brand, _)) => json!({ "name": name, "title": brand.name, "valid": true }),
            Err(Missing::Invalid(err)) => json!({ "name": name, "valid": false, "error": err.to_string() }),
            Err(Missing::Unknown(_)) => json!({ "name": name, "valid": false }),
        })
        .collect();
    axum::Json(json!({ "brands": list })).into_response()
}

/// The query of `/v1/render` and `/v1/check`.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct Params {
    brand: Option<String>,
    format: Option<String>,
    lang: Option<String>,
    standard: Option<String>,
    /// The release's own format, where the content type does not tell.
    input: Option<String>,
    page: Option<usize>,
    ppi: Option<f32>,
    image_ppi: Option<f64>,
    from: Option<String>,
    to: Option<String>,
}

/// The outputs `/v1/render` makes.
#[derive(Clone, Copy)]
enum Output {
    Pdf,
    Png,
    Svg,
    Html,
    Txt,
    Eml,
}

impl Output {
    fn parse(text: Option<&str>) -> Result<Self, Problem> {
        Ok(match text.unwrap_or("pdf") {
            "pdf" => Self::Pdf,
            "png" => Self::Png,
            "svg" => Self::Svg,
            "html" => Self::Html,
            "txt" => Self::Txt,
            "eml" => Self::Eml,
            other => {
                return Err(bad_request(
                    format!("`{other}` is not an output format"),
                    "use format=pdf, png, svg, html, txt or eml",
                ));
            }
        })
    }

    fn name(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Png => "png",
            Self::Svg => "svg",
            Self::Html => "html",
            Self::Txt => "txt",
            Self::Eml => "eml",
        }
    }

    fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Svg => "image/svg+xml",
            Self::Html => "text/html; charset=utf-8",
            Self::Txt => "text/plain; charset=utf-8",
            Self::Eml => "message/rfc822",
        }
    }
}

fn bad_request(message: impl Into<String>, hint: impl Into<String>) -> Problem {
    Problem::new(StatusCode::BAD_REQUEST, "bad-request", message, hint)
}

/// A release as sent: its text, its format, a name for messages, and the
/// images sent with it.
struct Sent {
    bytes: Bytes,
    format: presskit::Format,
    name: String,
    files: Vec<(String, Vec<u8>)>,
}

/// The input formats by media type.
fn format_of_type(media: &str) -> Option<presskit::Format> {
    Some(match media {
        "text/markdown" | "text/x-markdown" => presskit::Format::Markdown,
        "application/yaml" | "application/x-yaml" | "text/yaml" | "text/x-yaml" => presskit::Format::Yaml,
        "application/json" => presskit::Format::Json,
        "application/toml" | "text/toml" => presskit::Format::Toml,
        _ => return None,
    })
}

fn format_of_name(name: &str) -> Option<presskit::Format> {
    Some(match name {
        "md" | "markdown" => presskit::Format::Markdown,
        "yaml" | "yml" => presskit::Format::Yaml,
        "json" => presskit::Format::Json,
        "toml" => presskit::Format::Toml,
        _ => return None,
    })
}

fn extension(format: presskit::Format) -> &'static str {
    match format {
        presskit::Format::Json => "json",
        presskit::Format::Yaml => "yaml",
        presskit::Format::Toml => "toml",
        _ => "md",
    }
}

fn unsupported(what: &str) -> Problem {
    Problem::new(
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported-media-type",
        format!("{what} is not a release format presskit reads"),
        "send text/markdown, application/yaml, application/json or application/toml, or multipart/form-data \
         with a `release` part and its images",
    )
}

/// Reads the request's body (within the limit) into a release and its
/// images.
async fn read_release(state: &State, params: &Params, request: Request) -> Result<Sent, Problem> {
    let limit = state.config.max_body_bytes;
    let too_large = || {
        Problem::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            "too-large",
            format!("the request is larger than the service's limit of {limit} bytes"),
            "send smaller images, or fewer",
        )
    };
    let declared =
        request.headers().get(header::CONTENT_LENGTH).and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return Err(too_large());
    }
    let media = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .unwrap_or_default();
    let given = match params.input.as_deref() {
        Some(name) => Some(format_of_name(name).ok_or_else(|| unsupported(&format!("`input={name}`")))?),
        None => None,
    };
    let (parts, body) = request.into_parts();
    let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| too_large())?;
    if media != "multipart/form-data" {
        let format = match given.or_else(|| format_of_type(&media)) {
            Some(format) => format,
            None if media.is_empty() => return Err(unsupported("a body without a Content-Type")),
            None => return Err(unsupported(&format!("`{media}`"))),
        };
        return Ok(Sent { bytes, format, name: format!("release.{}", extension(format)), files: Vec::new() });
    }
    let request = Request::from_parts(parts, Body::from(bytes));
    let mut multipart = axum::extract::Multipart::from_request(request, &()).await.map_err(|err| {
        bad_request(format!("the multipart body cannot be read: {err}"), "check the boundary")
    })?;
    let mut release: Option<(Bytes, Option<presskit::Format>, String)> = None;
    let mut format_field = None;
    let mut files = Vec::new();
    while let Some(field) = multipart
        .next_field()
        .await
        .map_err(|err| bad_request(format!("a part cannot be read: {err}"), "check the multipart body"))?
    {
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().map(str::to_string);
        let media =
            field.content_type().map(|m| m.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
        let data = field.bytes().await.map_err(|err| {
            bad_request(format!("the part `{name}` cannot be read: {err}"), "check the multipart body")
        })?;
        match name.as_str() {
            "release" => {
                let by_name = file_name
                    .as_deref()
                    .and_then(|n| n.rsplit_once('.'))
                    .and_then(|(_, ext)| format_of_name(&ext.to_ascii_lowercase()));
                let format = by_name.or_else(|| media.as_deref().and_then(format_of_type));
                release = Some((data, format, file_name.unwrap_or_default()));
            }
            "format" => format_field = Some(String::from_utf8_lossy(&data).trim().to_string()),
            _ => {
                if files.len() >= state.config.max_images {
                    return Err(Problem::new(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "too-many-images",
                        format!("the request carries more than {} images", state.config.max_images),
                        "send fewer images",
                    ));
                }
                files.push((file_name.unwrap_or(name), data.to_vec()));
            }
        }
    }
    let Some((bytes, by_part, file_name)) = release else {
        return Err(bad_request(
            "the multipart body has no `release` part",
            "send the release as a part named `release`",
        ));
    };
    let by_field = match format_field.as_deref() {
        Some(name) => Some(format_of_name(name).ok_or_else(|| unsupported(&format!("`format={name}`")))?),
        None => None,
    };
    let format = given.or(by_field).or(by_part).ok_or_else(|| unsupported("the `release` part's type"))?;
    let name = Some(file_name)
        .filter(|n| !n.is_empty() && !n.contains(['/', '\\']))
        .unwrap_or_else(|| format!("release.{}", extension(format)));
    Ok(Sent { bytes, format, name, files })
}

/// The brand a request names (with its folder, where the release's paths
/// may also lead), or the neutral brand.
fn brand_for(state: &State, params: &Params) -> Result<(Arc<Brand>, Option<PathBuf>), Problem> {
    let Some(name) = &params.brand else { return Ok((Arc::new(Brand::neutral()), None)) };
    match state.brands.get(name) {
        Ok((brand, dir)) => Ok((brand, Some(dir))),
        Err(Missing::Unknown(names)) => Err(Problem::new(
            StatusCode::NOT_FOUND,
            "unknown-brand",
            format!("there is no brand `{name}`"),
            if names.is_empty() {
                "this service has no brands; leave out `brand` for the neutral one".to_string()
            } else {
                format!("the brands are: {}", names.join(", "))
            },
        )),
        Err(Missing::Invalid(err)) => Err(Problem::from_error(&err)),
    }
}

fn options(params: &Params) -> Result<Options, Problem> {
    let mut options = Options::default();
    if let Some(tag) = &params.lang {
        let lang =
            Lang::parse(tag).map_err(|err| bad_request(err, "give a language tag like fr or nl-BE"))?;
        options = options.with_languages(Languages::One(lang));
    }
    if let Some(text) = &params.standard {
        let standards: Standards =
            text.parse().map_err(|err: String| bad_request(err, "use a-2b, a-3b, ua-1 or archival"))?;
        options = options.with_standards(standards);
    }
    if let Some(ppi) = params.image_ppi {
        options = options.with_image_ppi(ppi).map_err(|err| Problem::from_error(&err))?;
    }
    Ok(options)
}

/// Holds a place among the admitted requests; frees it when dropped.
struct Admitted<'a>(&'a AtomicUsize);

impl Drop for Admitted<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn busy(message: &str) -> Problem {
    Problem::new(
        StatusCode::SERVICE_UNAVAILABLE,
        "busy",
        message,
        "try again in a moment; the service renders a few releases at a time",
    )
    .retry_after(1)
}

/// Runs `work` on a worker thread once a worker is free, within the
/// request's time; a full queue is answered at once.
async fn on_worker<T: Send + 'static>(
    state: &Shared,
    start: Instant,
    work: impl FnOnce(&Renderer) -> T + Send + 'static,
) -> Result<T, Problem> {
    let config = &state.config;
    if state.admitted.fetch_add(1, Ordering::SeqCst) >= config.workers.max(1) + config.queue {
        state.admitted.fetch_sub(1, Ordering::SeqCst);
        return Err(busy("the service is busy: every worker is rendering and the queue is full"));
    }
    let _admitted = Admitted(&state.admitted);
    let deadline = start + config.timeout;
    state.metrics.waiting.fetch_add(1, Ordering::Relaxed);
    let permit = tokio::time::timeout_at(deadline.into(), Arc::clone(&state.workers).acquire_owned()).await;
    state.metrics.waiting.fetch_sub(1, Ordering::Relaxed);
    let Ok(Ok(permit)) = permit else {
        return Err(busy("the request waited longer than the service's time limit for a worker"));
    };
    let renderer = Arc::clone(&state.renderer);
    let task = tokio::task::spawn_blocking(move || {
        // The worker stays taken until the render ends, even when the
        // request has given up: the CPU it uses is still in use.
        let _permit = permit;
        work(&renderer)
    });
    state.metrics.rendering.fetch_add(1, Ordering::Relaxed);
    let done = tokio::time::timeout_at(deadline.into(), task).await;
    state.metrics.rendering.fetch_sub(1, Ordering::Relaxed);
    match done {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(_)) => Err(Problem::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            "crash",
            "the render stopped unexpectedly",
            "this is a bug in presskit; please report it with the release",
        )),
        Err(_) => Err(Problem::new(
            StatusCode::SERVICE_UNAVAILABLE,
            "timeout",
            format!("the render took longer than the service's limit of {} s", config.timeout.as_secs()),
            "render a shorter release, or ask for a higher limit",
        )
        .retry_after(1)),
    }
}

fn counted(state: &State, problem: Problem) -> Response {
    state.metrics.failed(problem.kind());
    problem.into_response()
}

/// The query, or the problem with it.
fn query(query: Result<Query<Params>, QueryRejection>) -> Result<Params, Problem> {
    query.map(|Query(params)| params).map_err(|err| {
        bad_request(
            format!("the query is not understood: {}", err.body_text()),
            "the parameters are brand, format, lang, standard, input, page, ppi, image_ppi, from and to",
        )
    })
}

async fn render(
    axum::extract::State(state): axum::extract::State<Shared>,
    params: Result<Query<Params>, QueryRejection>,
    request: Request,
) -> Response {
    let result = match query(params) {
        Ok(params) => render_response(&state, params, request).await,
        Err(problem) => Err(problem),
    };
    match result {
        Ok(response) => response,
        Err(problem) => counted(&state, problem),
    }
}

async fn render_response(state: &Shared, params: Params, request: Request) -> Result<Response, Problem> {
    let start = Instant::now();
    let output = Output::parse(params.format.as_deref())?;
    let options = options(&params)?;
    let (brand, dir) = brand_for(state, &params)?;
    let sent = read_release(state, &params, request).await?;
    let (page, ppi) = (params.page.unwrap_or(1), params.ppi.unwrap_or(144.0));
    if page == 0 || !(9.0..=1200.0).contains(&ppi) {
        return Err(bad_request(
            "`page` counts from 1 and `ppi` lies between 9 and 1200",
            "correct the query",
        ));
    }
    let mut email = EmailOptions::default();
    email.from.clone_from(&params.from);
    email.to.extend(params.to.clone());
    let rendered =
        on_worker(state, start, move |renderer| -> presskit::Result<(Vec<u8>, Option<usize>, String)> {
            let origin = match dir {
                Some(dir) => Origin::in_dir(&sent.name, dir),
                None => Origin::named(&sent.name),
            };
            let release = Release::from_bytes(&sent.bytes, sent.format, origin.with_files(sent.files))?;
            let stem = release.file_stem();
            let paged = |renderer: &Renderer| renderer.compile_with(&release, &brand, &options);
            Ok(match output {
                Output::Pdf => {
                    let document = paged(renderer)?;
                    (document.pdf()?, Some(document.page_count()), stem)
                }
                Output::Png | Output::Svg => {
                    let document = paged(renderer)?;
                    let count = document.page_count();
                    if page > count {
                        return Err(presskit::Error::new(
                            presskit::ErrorKind::InvalidValue,
                            format!("the release has {count} pages; there is no page {page}"),
                        )
                        .with_hint("ask for a page from 1 to the page count"));
                    }
                    let bytes = match output {
                        Output::Png => document.png(page - 1, ppi)?,
                        _ => document.svg(page - 1)?.into_bytes(),
                    };
                    (bytes, Some(count), format!("{stem}-{page}"))
                }
                Output::Html => (renderer.html(&release, &brand, &options)?.into_bytes(), None, stem),
                Output::Txt => (renderer.text(&release, &brand, &options)?.into_bytes(), None, stem),
                Output::Eml => (renderer.email(&release, &brand, &options, &email)?, None, stem),
            })
        })
        .await?;
    let (bytes, pages, stem) = rendered.map_err(|err| Problem::from_error(&err))?;
    state.metrics.rendered(output.name(), start.elapsed());
    let mut headers = HeaderMap::new();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(output.content_type()));
    let disposition = format!("inline; filename=\"{stem}.{}\"", output.name());
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    if let Some(pages) = pages {
        headers.insert("x-page-count", HeaderValue::from(pages));
    }
    Ok((StatusCode::OK, headers, bytes).into_response())
}

async fn check(
    axum::extract::State(state): axum::extract::State<Shared>,
    params: Result<Query<Params>, QueryRejection>,
    request: Request,
) -> Response {
    let start = Instant::now();
    let result = async {
        let params = query(params)?;
        let (brand, dir) = brand_for(&state, &params)?;
        let sent = read_release(&state, &params, request).await?;
        on_worker(&state, start, move |renderer| {
            let name = sent.name.clone();
            let origin = match dir {
                Some(dir) => Origin::in_dir(&sent.name, dir),
                None => Origin::named(&sent.name),
            };
            // As `presskit check`: the same records, the brand's fonts
            // loaded too.
            let diagnostics: Vec<Diagnostic> =
                match Release::from_bytes(&sent.bytes, sent.format, origin.with_files(sent.files)) {
                    Err(err) => vec![Diagnostic::from(&err)],
                    Ok(release) => renderer.check(&release, &brand, SystemTime::now()),
                };
            let errors = diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
            json!({
                "file": name,
                "ok": errors == 0,
                "errors": errors,
                "warnings": diagnostics.len() - errors,
                "diagnostics": diagnostics,
            })
        })
        .await
    }
    .await;
    match result {
        Ok(report) => axum::Json(report).into_response(),
        Err(problem) => counted(&state, problem),
    }
}
