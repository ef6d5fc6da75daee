//! `presskit preview`: a local page that shows every page of a release and
//! follows each save of the release, its translations, images or brand.
//! Pages are SVG from the warm renderer; updates reach the page as
//! Server-Sent Events; the page's HTML, script and style are in the binary,
//! so it needs no network.

use std::convert::Infallible;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Instant, SystemTime};

use axum::Router;
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use serde_json::{Value, json};
use tokio::sync::watch;

use crate::job::{SourceArgs, load};
use crate::watcher::Watcher;
use crate::{Failure, Say};

#[derive(clap::Args)]
pub struct PreviewArgs {
    /// The release file.
    release: PathBuf,
    #[command(flatten)]
    source: SourceArgs,
    /// The address to serve the page on. Port 0 picks a free port.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0")]
    bind: SocketAddr,
}

/// One page as the preview serves it.
struct Page {
    id: String,
    svg: String,
    width: f64,
    height: f64,
}

/// The latest render: what the page shows.
#[derive(Default)]
struct Shown {
    version: u64,
    /// The last pages that rendered: each page's name (a hash of its SVG),
    /// the SVG, and its size in CSS pixels.
    pages: Vec<Page>,
    headline: String,
    warnings: Vec<Value>,
    error: Option<Value>,
    took_ms: u128,
}

impl Shown {
    fn json(&self) -> Value {
        json!({
            "version": self.version,
            "headline": self.headline,
            "pages": self
                .pages
                .iter()
                .map(|p| json!({ "id": p.id, "width": p.width, "height": p.height }))
                .collect::<Vec<_>>(),
            "warnings": self.warnings,
            "error": self.error,
            "took_ms": self.took_ms,
        })
    }
}

struct Preview {
    shown: Mutex<Shown>,
    /// The version, to wake the pages' event streams.
    version: watch::Sender<u64>,
}

pub fn preview(args: &PreviewArgs, say: Say) -> Result<(), Failure> {
    let (version, _) = watch::channel(0);
    let state = Arc::new(Preview { shown: Mutex::new(Shown::default()), version });
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| Failure::new(format!("cannot start the preview: {err}"), "report this as a bug"))?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind(args.bind)).map_err(|err| {
        Failure::new(
            format!("cannot listen on {}: {}", args.bind, crate::output::plain_io(&err)),
            "choose another address with --bind",
        )
    })?;
    let address = listener.local_addr().map_or_else(|_| args.bind.to_string(), |a| a.to_string());
    eprintln!("presskit preview: http://{address}/ (press Ctrl-C to stop)");
    {
        let (state, release, source) = (Arc::clone(&state), args.release.clone(), args.source.clone());
        std::thread::spawn(move || render_loop(&state, &release, &source, say));
    }
    runtime.block_on(async move {
        axum::serve(listener, router(state))
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await
            .map_err(|err| Failure::new(format!("the preview stopped: {err}"), "see above"))
    })
}

/// Renders on every change, for as long as the process runs.
fn render_loop(state: &Preview, release: &std::path::Path, source: &SourceArgs, say: Say) {
    let renderer = source.renderer();
    let mut files = vec![release.to_path_buf()];
    loop {
        let start = Instant::now();
        let mut shown = Shown::default();
        let loaded = load(release, source);
        if let Ok((r, b, _)) = &loaded {
            files = crate::watcher::files_of(release, r, b);
        }
        // Watching starts before the render, so a save during it is seen.
        let watcher = Watcher::new(&files);
        match loaded {
            Err(failure) => shown.error = Some(failure_json(&failure, release)),
            Ok((r, b, _)) => {
                shown.headline = r.headline.clone();
                shown.warnings = r.check(&b, SystemTime::now()).iter().map(warning_json).collect();
                match renderer.compile(&r, &b).and_then(|document| {
                    shown.warnings.extend(document.warnings().iter().map(warning_json));
                    let sizes = document.page_sizes();
                    (0..document.page_count())
                        .map(|i| {
                            let (w, h) = sizes.get(i).copied().unwrap_or((595.0, 842.0));
                            let svg = document.svg(i)?;
                            // Points to CSS pixels (96 a inch).
                            Ok(Page {
                                id: page_id(&svg),
                                svg,
                                width: w * 96.0 / 72.0,
                                height: h * 96.0 / 72.0,
                            })
                        })
                        .collect::<presskit::Result<Vec<_>>>()
                }) {
                    Ok(pages) => shown.pages = pages,
                    Err(err) => shown.error = Some(error_json(&err)),
                }
            }
        }
        shown.took_ms = start.elapsed().as_millis();
        {
            let mut current = state.shown.lock().unwrap_or_else(|e| e.into_inner());
            shown.version = current.version + 1;
            if shown.error.is_some() {
                // The last good pages stay on screen.
                shown.pages = std::mem::take(&mut current.pages);
            }
            if !say.quiet {
                match &shown.error {
                    None => eprintln!("rendered {} pages in {} ms", shown.pages.len(), shown.took_ms),
                    Some(error) => eprintln!("error: {}", error["detail"].as_str().unwrap_or_default()),
                }
            }
            let version = shown.version;
            *current = shown;
            state.version.send_replace(version);
        }
        watcher.wait();
    }
}

fn error_json(err: &presskit::Error) -> Value {
    json!({
        "file": err.file().map(|f| f.display().to_string()),
        "line": err.location().map(|l| l.line),
        "column": err.location().map(|l| l.column),
        "message": err.message(),
        "hint": crate::hint::for_error(err),
        "detail": err.to_string(),
    })
}

fn failure_json(failure: &Failure, release: &std::path::Path) -> Value {
    match &failure.error {
        Some(err) => error_json(err),
        None => json!({
            "file": release.display().to_string(),
            "line": null,
            "column": null,
            "message": failure.message,
            "hint": failure.hint,
            "detail": failure.message,
        }),
    }
}

fn warning_json(w: &presskit::Warning) -> Value {
    json!({
        "file": w.file.display().to_string(),
        "line": w.location.map(|l| l.line),
        "column": w.location.map(|l| l.column),
        "code": w.kind.code(),
        "message": w.message,
        "hint": w.hint,
    })
}

fn router(state: Arc<Preview>) -> Router {
    let asset = |body: &'static str, media: &'static str| {
        move || async move {
            let mut response = body.into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(media));
            response
        }
    };
    Router::new()
        .route("/", get(asset(include_str!("../../assets/preview.html"), "text/html; charset=utf-8")))
        .route(
            "/preview.js",
            get(asset(include_str!("../../assets/preview.js"), "text/javascript; charset=utf-8")),
        )
        .route(
            "/preview.css",
            get(asset(include_str!("../../assets/preview.css"), "text/css; charset=utf-8")),
        )
        .route("/favicon.ico", get(|| async { StatusCode::NO_CONTENT }))
        .route("/state", get(current))
        .route("/events", get(events))
        .route("/page/{file}", get(page))
        .layer(axum::middleware::map_response(|mut response: Response| async move {
            // Everything the page needs comes from here, and nothing else
            // runs; a page's SVG holds its own styles and embedded pictures.
            let svg = response.headers().get(header::CONTENT_TYPE).is_some_and(|t| t == "image/svg+xml");
            let policy = if svg {
                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:"
            } else {
                "default-src 'self'; style-src 'self'; img-src 'self'"
            };
            response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(policy));
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }))
        .with_state(state)
}

async fn current(State(state): State<Arc<Preview>>) -> Response {
    axum::Json(state.shown.lock().unwrap_or_else(|e| e.into_inner()).json()).into_response()
}

/// Sends the state after each render.
async fn events(
    State(state): State<Arc<Preview>>,
) -> Sse<impl futures_util::Stream<Item = Result<Event, Infallible>>> {
    let receiver = state.version.subscribe();
    let stream = futures_util::stream::unfold((receiver, state), |(mut receiver, state)| async move {
        receiver.changed().await.ok()?;
        let data = state.shown.lock().unwrap_or_else(|e| e.into_inner()).json().to_string();
        Some((Ok(Event::default().event("update").data(data)), (receiver, state)))
    });
    Sse::new(stream).keep_alive(KeepAlive::default())
}

/// A page's name: a hash of its SVG, so that the page asks again only for
/// the pages an edit changed.
fn page_id(svg: &str) -> String {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    svg.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// A page of the latest render by its name (`ID.svg`).
async fn page(State(state): State<Arc<Preview>>, UrlPath(file): UrlPath<String>) -> Response {
    let shown = state.shown.lock().unwrap_or_else(|e| e.into_inner());
    let id = file.strip_suffix(".svg").unwrap_or_default();
    match shown.pages.iter().find(|page| page.id == id) {
        Some(page) => {
            let mut response = page.svg.clone().into_response();
            response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("image/svg+xml"));
            response
        }
        None => StatusCode::NOT_FOUND.into_response(),
    }
}
