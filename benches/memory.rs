//! Memory over many renders in one process: renders distinct releases
//! (benches/releases.rs) and prints the resident set size (Linux) every so
//! often, so that growth after warm-up shows. Run with `cargo bench -p presskit --bench memory`
//! (`PRESSKIT_RENDERS=N` to change the count, default 10,000).

use presskit::Renderer;

mod releases;
use releases::Releases;

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn peak_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    // `cargo bench` passes `--bench`; there are no options to read.
    let renders: usize =
        std::env::var("PRESSKIT_RENDERS").ok().and_then(|n| n.parse().ok()).unwrap_or(10_000);
    let releases = Releases::new();
    let renderer = Renderer::new();

    let mut first = None;
    for i in 0..renders {
        // Two full pages, every paragraph distinct: nothing is served
        // from an earlier render but the brand's own parts.
        let release = releases.release(i, 7);
        renderer.pdf(&release, &releases.brand).expect("renders");
        if i == 0 {
            println!(
                "after 1 render: rss {} KiB, peak {} KiB",
                rss_kib().unwrap_or(0),
                peak_kib().unwrap_or(0)
            );
        }
        if (i + 1) % (renders / 10).max(1) == 0 {
            let rss = rss_kib().unwrap_or(0);
            let warm = *first.get_or_insert(rss);
            println!(
                "after {:>6} renders: rss {rss} KiB ({:+} KiB since the first mark)",
                i + 1,
                rss as i64 - warm as i64
            );
        }
    }
    println!("peak rss {} KiB", peak_kib().unwrap_or(0));
}
