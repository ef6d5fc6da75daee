//! `presskit serve`: the HTTP render service (crate `presskit-serve`) on a
//! tokio runtime, with access logs on standard error, until SIGTERM or
//! Ctrl-C; the renders in flight finish first.

use std::net::SocketAddr;
use std::num::NonZeroUsize;
use std::path::PathBuf;
use std::time::Duration;

use crate::{Failure, Say, output};

#[derive(clap::Args)]
pub struct ServeArgs {
    /// The address to listen on. Port 0 picks a free port (printed).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8000")]
    bind: SocketAddr,
    /// The folder of brands: each subfolder with a `_brand.yml`, or each
    /// NAME.yml, is a brand, chosen with `?brand=NAME`. Read again when its
    /// files change.
    #[arg(long, value_name = "DIR", value_parser = crate::job::parse_folder)]
    brands: Option<PathBuf>,
    /// A file holding the bearer token every /v1/ request must carry.
    #[arg(long, value_name = "FILE")]
    token_file: Option<PathBuf>,
    /// Renders at once. Default: one per core.
    #[arg(long, value_name = "N")]
    workers: Option<NonZeroUsize>,
    /// Requests that may wait for a worker; beyond, 503 with Retry-After.
    #[arg(long, value_name = "N", default_value_t = 64)]
    queue: usize,
    /// The time one request may take, waiting included, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
    timeout: u64,
    /// The largest request (the release and its images), e.g. 32MB.
    #[arg(long, value_name = "SIZE", default_value = "32MB", value_parser = output::parse_size)]
    max_body: u64,
    /// The most images one request may carry.
    #[arg(long, value_name = "N", default_value_t = 32)]
    max_images: usize,
}

pub fn serve(args: &ServeArgs, say: Say) -> Result<(), Failure> {
    let token = match &args.token_file {
        None => None,
        Some(path) => {
            let text = std::fs::read_to_string(path).map_err(|err| {
                Failure::new(
                    format!("{}: cannot read the token: {}", path.display(), output::plain_io(&err)),
                    "give a readable file holding the token on its first line",
                )
            })?;
            let token = text.lines().next().unwrap_or_default().trim().to_string();
            if token.len() < 16 {
                return Err(Failure::new(
                    format!("{}: the token is shorter than 16 characters", path.display()),
                    "use a long random token, e.g. `openssl rand -hex 32 > token`",
                ));
            }
            Some(token)
        }
    };
    let defaults = presskit_serve::Config::default();
    let config = presskit_serve::Config {
        brands: args.brands.clone(),
        max_body_bytes: usize::try_from(args.max_body).unwrap_or(usize::MAX),
        max_images: args.max_images,
        workers: args.workers.map_or(defaults.workers, NonZeroUsize::get),
        queue: args.queue,
        timeout: Duration::from_secs(args.timeout),
        token,
    };
    let level = if say.quiet { "warn" } else { "info" };
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    // Colour only on a terminal and without NO_COLOR: logs usually go to a
    // file or a journal.
    let colour =
        std::io::IsTerminal::is_terminal(&std::io::stderr()) && std::env::var_os("NO_COLOR").is_none();
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(colour)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build().map_err(|err| {
        Failure::new(format!("cannot start the service's runtime: {err}"), "report this as a bug")
    })?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(args.bind).await.map_err(|err| {
            Failure::new(
                format!("cannot listen on {}: {}", args.bind, output::plain_io(&err)),
                "choose another address or port with --bind, or stop what uses it",
            )
        })?;
        let address = listener.local_addr().map_or_else(|_| args.bind.to_string(), |a| a.to_string());
        // Always printed, even with --quiet: a caller that asked for port 0
        // learns the port here.
        eprintln!("presskit serve: listening on http://{address}");
        presskit_serve::serve(listener, config, presskit_serve::shutdown_signal())
            .await
            .map_err(|err| Failure::new(format!("the service stopped: {err}"), "see the log above"))
    })
}
