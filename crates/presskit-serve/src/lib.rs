//! presskit as an HTTP service, for newsroom systems that cannot link a Rust
//! crate: POST a release, get back its PDF (or PNG, SVG, HTML, text, email)
//! from one warm [`Renderer`](presskit::Renderer).
//!
//! The service keeps no state between requests besides the brands it reads
//! from a folder, so several instances can stand behind any load balancer.
//! Nothing in a request reaches the server's disk: a release's images come
//! in the request and live in memory, and paths in a release resolve only
//! among the request's own parts and the brand's folder.
//!
//! ```no_run
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let config = presskit_serve::Config { brands: Some("brands".into()), ..Default::default() };
//! let listener = tokio::net::TcpListener::bind("127.0.0.1:8000").await?;
//! presskit_serve::serve(listener, config, std::future::pending()).await?;
//! # Ok(()) }
//! ```

mod api;
mod brands;
mod metrics;
mod openapi;
mod problem;

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

/// How the service runs. `Config::default()` serves the neutral brand only,
/// one render per core, with the limits below.
#[derive(Debug, Clone)]
pub struct Config {
    /// The folder of brands: each subfolder holding a `_brand.yml`, or each
    /// `NAME.yml`, is the brand `NAME`. Read again when its files change.
    pub brands: Option<PathBuf>,
    /// The largest request body, in bytes (the release and its images).
    pub max_body_bytes: usize,
    /// The most images one request may carry.
    pub max_images: usize,
    /// Renders at once. Default: one per core.
    pub workers: usize,
    /// Requests that may wait for a worker; past it, 503 with `Retry-After`.
    pub queue: usize,
    /// How long one request may take, waiting included.
    pub timeout: Duration,
    /// A bearer token every `/v1/` request must carry, if set.
    pub token: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Self {
            brands: None,
            max_body_bytes: 32 * 1024 * 1024,
            max_images: 32,
            workers: std::thread::available_parallelism().map_or(1, |n| n.get()),
            queue: 64,
            timeout: Duration::from_secs(30),
            token: None,
        }
    }
}

/// The service's routes, for a caller that serves them itself (behind its
/// own listener, or nested in a larger router).
pub fn router(config: Config) -> axum::Router {
    api::router(Arc::new(api::State::new(config)))
}

/// Serves the routes on `listener` until `shutdown` completes; then stops
/// taking connections and finishes the requests in flight.
pub async fn serve(
    listener: tokio::net::TcpListener,
    config: Config,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    axum::serve(listener, router(config)).with_graceful_shutdown(shutdown).await
}

/// Completes on SIGTERM or Ctrl-C: what `presskit serve` stops on.
pub async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
