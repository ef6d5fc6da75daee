//! `presskit serve` under load, as a newsroom system would load it: the real
//! binary on a local port, 100 distinct 2-page releases (benches/releases.rs)
//! under the example's brand, sent by 16 clients for a minute; then 200
//! clients at once against a small queue. Reports renders a second, latency
//! percentiles, errors, and the service's resident memory (sampled every
//! 100 ms from /proc). Run with `cargo bench -p presskit-cli --bench serve`;
//! `PRESSKIT_LOAD_SECONDS=N` for another duration.
//!
//! Goals (issue 16, this 2-core machine): at least 60 renders a second with
//! 16 clients, p99 at most 250 ms, no errors, memory at most 256 MB and
//! flat; with 200 clients the excess answered 503 within 50 ms.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[allow(dead_code)] // The in-process benchmarks use the rest.
mod releases;
use releases::{Releases, example};

fn main() {
    let seconds: u64 = std::env::var("PRESSKIT_LOAD_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(60);
    let brands = tempfile::tempdir().expect("temporary folder");
    let brand = brands.path().join("ecpat");
    std::fs::create_dir(&brand).expect("brand folder");
    let folder = example().parent().expect("example folder").to_path_buf();
    for name in ["_brand.yml", "logo.svg"] {
        std::fs::copy(folder.join(name), brand.join(name)).expect("brand copied");
    }
    let releases = Releases::new();
    let bodies: Arc<Vec<String>> = Arc::new((1..=100).map(|i| releases.text(i, 7)).collect());

    println!("16 clients, {seconds} s, 100 distinct 2-page releases:");
    let mut server = start(brands.path(), &[]);
    let load = run(&server, &bodies, 16, Duration::from_secs(seconds));
    load.print();
    stop(&mut server);

    println!("\n200 clients at once, 10 s, --queue 16:");
    let mut server = start(brands.path(), &["--queue", "16"]);
    let load = run(&server, &bodies, 200, Duration::from_secs(10));
    load.print();
    let up =
        reqwest::blocking::get(format!("{}/healthz", server.base)).is_ok_and(|r| r.status().is_success());
    println!("  service up afterwards: {up}");
    stop(&mut server);
}

struct Server {
    child: Child,
    base: String,
}

fn start(brands: &std::path::Path, args: &[&str]) -> Server {
    let mut child = Command::new(env!("CARGO_BIN_EXE_presskit"))
        .args(["serve", "--quiet", "--bind", "127.0.0.1:0", "--brands"])
        .arg(brands)
        .args(args)
        .stderr(Stdio::piped())
        .spawn()
        .expect("presskit serve starts");
    let mut lines = BufReader::new(child.stderr.take().expect("stderr")).lines();
    let base = loop {
        let line = lines.next().expect("the address line").expect("readable");
        if let Some(at) = line.strip_prefix("presskit serve: listening on ") {
            break at.to_string();
        }
    };
    // Keep draining the log so the service never blocks on it.
    std::thread::spawn(move || for _ in lines {});
    Server { child, base }
}

fn stop(server: &mut Server) {
    let _ = Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status();
    let _ = server.child.wait();
}

/// What one run measured.
struct Load {
    took: Duration,
    ok: Vec<Duration>,
    busy: Vec<Duration>,
    errors: usize,
    rss_kb: Vec<u64>,
}

impl Load {
    fn print(&self) {
        let pct = |list: &[Duration], p: f64| -> String {
            if list.is_empty() {
                return "-".into();
            }
            let mut sorted = list.to_vec();
            sorted.sort();
            let at = ((sorted.len() as f64 * p).ceil() as usize).clamp(1, sorted.len()) - 1;
            format!("{:.1} ms", sorted[at].as_secs_f64() * 1000.0)
        };
        println!(
            "  rendered {} in {:.1} s: {:.1} a second; latency p50 {}, p99 {}, max {}",
            self.ok.len(),
            self.took.as_secs_f64(),
            self.ok.len() as f64 / self.took.as_secs_f64(),
            pct(&self.ok, 0.5),
            pct(&self.ok, 0.99),
            pct(&self.ok, 1.0)
        );
        println!(
            "  503 busy: {} (p99 {}, max {}); other errors: {}",
            self.busy.len(),
            pct(&self.busy, 0.99),
            pct(&self.busy, 1.0),
            self.errors
        );
        if let (Some(first), Some(max)) = (self.rss_kb.first(), self.rss_kb.iter().max()) {
            let tenth = self.rss_kb.len() / 10;
            let (early, late) =
                (&self.rss_kb[tenth..2 * tenth.max(1)], &self.rss_kb[self.rss_kb.len() - tenth.max(1)..]);
            let mean = |s: &[u64]| s.iter().sum::<u64>() as f64 / s.len().max(1) as f64 / 1024.0;
            println!(
                "  resident memory: {:.1} MB at start, {:.1} MB max; mean {:.1} MB in the second tenth, {:.1} MB in the last",
                *first as f64 / 1024.0,
                *max as f64 / 1024.0,
                mean(early),
                mean(late)
            );
        }
    }
}

fn rss_kb(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn run(server: &Server, bodies: &Arc<Vec<String>>, clients: usize, duration: Duration) -> Load {
    let url = format!("{}/v1/render?brand=ecpat", server.base);
    let ok = Arc::new(Mutex::new(Vec::new()));
    let busy = Arc::new(Mutex::new(Vec::new()));
    let errors = Arc::new(AtomicUsize::new(0));
    let next = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicBool::new(false));
    let pid = server.child.id();
    let sampler = {
        let done = Arc::clone(&done);
        std::thread::spawn(move || {
            let mut samples = Vec::new();
            while !done.load(Ordering::Relaxed) {
                samples.extend(rss_kb(pid));
                std::thread::sleep(Duration::from_millis(100));
            }
            samples
        })
    };
    let start = Instant::now();
    let threads: Vec<_> = (0..clients)
        .map(|_| {
            let (url, bodies, ok, busy, errors, next) = (
                url.clone(),
                Arc::clone(bodies),
                Arc::clone(&ok),
                Arc::clone(&busy),
                Arc::clone(&errors),
                Arc::clone(&next),
            );
            std::thread::spawn(move || {
                let client = reqwest::blocking::Client::builder()
                    .timeout(Duration::from_secs(60))
                    .build()
                    .expect("client");
                while start.elapsed() < duration {
                    let body = bodies[next.fetch_add(1, Ordering::Relaxed) % bodies.len()].clone();
                    let sent = Instant::now();
                    let response =
                        client.post(&url).header("content-type", "text/markdown").body(body).send();
                    let took = sent.elapsed();
                    match response.map(|r| (r.status().as_u16(), r.bytes())) {
                        Ok((200, Ok(_))) => ok.lock().expect("lock").push(took),
                        Ok((503, _)) => {
                            busy.lock().expect("lock").push(took);
                            // A client honours Retry-After (1 s) in spirit,
                            // without stalling the run: a short pause.
                            std::thread::sleep(Duration::from_millis(50));
                        }
                        _ => {
                            errors.fetch_add(1, Ordering::Relaxed);
                        }
                    }
                }
            })
        })
        .collect();
    for thread in threads {
        let _ = thread.join();
    }
    let took = start.elapsed();
    done.store(true, Ordering::Relaxed);
    let rss_kb = sampler.join().unwrap_or_default();
    let take = |m: Arc<Mutex<Vec<Duration>>>| std::mem::take(&mut *m.lock().expect("lock"));
    Load { took, ok: take(ok), busy: take(busy), errors: errors.load(Ordering::Relaxed), rss_kb }
}
