//! Counters for `/metrics`, in the Prometheus text format: renders by
//! output format, failures by kind, a histogram of render times, and the
//! requests rendering and waiting now.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Mutex;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::Duration;

/// Upper bounds of the render-time buckets, in seconds.
const BUCKETS: [f64; 10] = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0];

#[derive(Default)]
pub struct Metrics {
    renders: Mutex<BTreeMap<&'static str, u64>>,
    failures: Mutex<BTreeMap<String, u64>>,
    /// Counts per bucket (the last is +Inf), the sum of seconds, the count.
    times: Mutex<([u64; BUCKETS.len() + 1], f64, u64)>,
    /// Requests holding a worker now.
    pub rendering: AtomicI64,
    /// Requests waiting for a worker now.
    pub waiting: AtomicI64,
}

impl Metrics {
    /// A render done, in `format`, that took `took`.
    pub fn rendered(&self, format: &'static str, took: Duration) {
        *self.renders.lock().unwrap_or_else(|e| e.into_inner()).entry(format).or_default() += 1;
        let seconds = took.as_secs_f64();
        let mut times = self.times.lock().unwrap_or_else(|e| e.into_inner());
        let bucket = BUCKETS.iter().position(|b| seconds <= *b).unwrap_or(BUCKETS.len());
        times.0[bucket] += 1;
        times.1 += seconds;
        times.2 += 1;
    }

    /// A request answered with a problem of `kind`.
    pub fn failed(&self, kind: &str) {
        *self.failures.lock().unwrap_or_else(|e| e.into_inner()).entry(kind.to_string()).or_default() += 1;
    }

    /// The text `/metrics` serves.
    pub fn text(&self) -> String {
        let mut out = String::new();
        out.push_str("# HELP presskit_renders_total Releases rendered, by output format.\n");
        out.push_str("# TYPE presskit_renders_total counter\n");
        for (format, n) in self.renders.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let _ = writeln!(out, "presskit_renders_total{{format=\"{format}\"}} {n}");
        }
        out.push_str("# HELP presskit_failures_total Requests answered with a problem, by kind.\n");
        out.push_str("# TYPE presskit_failures_total counter\n");
        for (kind, n) in self.failures.lock().unwrap_or_else(|e| e.into_inner()).iter() {
            let _ = writeln!(out, "presskit_failures_total{{kind=\"{kind}\"}} {n}");
        }
        out.push_str("# HELP presskit_render_seconds Time to render a release, waiting excluded.\n");
        out.push_str("# TYPE presskit_render_seconds histogram\n");
        let (counts, sum, count) = *self.times.lock().unwrap_or_else(|e| e.into_inner());
        let mut cumulative = 0;
        for (bound, n) in BUCKETS.iter().zip(counts) {
            cumulative += n;
            let _ = writeln!(out, "presskit_render_seconds_bucket{{le=\"{bound}\"}} {cumulative}");
        }
        let _ = writeln!(out, "presskit_render_seconds_bucket{{le=\"+Inf\"}} {count}");
        let _ = writeln!(out, "presskit_render_seconds_sum {sum}");
        let _ = writeln!(out, "presskit_render_seconds_count {count}");
        out.push_str("# HELP presskit_rendering Requests rendering now.\n# TYPE presskit_rendering gauge\n");
        let _ = writeln!(out, "presskit_rendering {}", self.rendering.load(Ordering::Relaxed));
        out.push_str("# HELP presskit_queue_depth Requests waiting for a worker now.\n");
        out.push_str("# TYPE presskit_queue_depth gauge\n");
        let _ = writeln!(out, "presskit_queue_depth {}", self.waiting.load(Ordering::Relaxed));
        out
    }
}
