//! `presskit preview` over HTTP, without a browser (tests/external drives it
//! in Chromium): the page and its script, the state, the pages as SVG, an
//! update after a save, an error with its line that keeps the last pages,
//! and the update stream.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

struct Preview {
    child: Child,
    base: String,
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start(release: &Path) -> Preview {
    let mut child = Command::new(env!("CARGO_BIN_EXE_presskit"))
        .args(["preview", "--quiet"])
        .arg(release)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let line = lines.next().unwrap().unwrap();
    let base = line
        .strip_prefix("presskit preview: ")
        .and_then(|rest| rest.split(' ').next())
        .unwrap_or_else(|| panic!("no address: {line}"))
        .trim_end_matches('/')
        .to_string();
    std::thread::spawn(move || for _ in lines {});
    Preview { child, base }
}

fn state(preview: &Preview) -> Value {
    reqwest::blocking::get(format!("{}/state", preview.base)).unwrap().json().unwrap()
}

/// Waits for a state with a version above `after` (renders take ms).
fn next_state(preview: &Preview, after: u64) -> Value {
    let start = Instant::now();
    loop {
        let state = state(preview);
        if state["version"].as_u64().unwrap() > after {
            return state;
        }
        assert!(start.elapsed() < Duration::from_secs(20), "no new render after version {after}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn the_preview_follows_saves_and_shows_errors_in_place() {
    let dir = tempfile::tempdir().unwrap();
    let release = dir.path().join("release.md");
    let text = "---\nheadline: Library opens on Sundays\ndate: 2026-03-02\n---\nThe library opens.\n";
    std::fs::write(&release, text).unwrap();
    let preview = start(&release);

    let page = reqwest::blocking::get(format!("{}/", preview.base)).unwrap();
    let policy = page.headers()["content-security-policy"].to_str().unwrap().to_string();
    assert!(policy.starts_with("default-src 'self'"), "{policy}");
    let html = page.text().unwrap();
    assert!(html.contains("<script src=\"/preview.js\"></script>") && !html.contains("http"), "{html}");
    let script = reqwest::blocking::get(format!("{}/preview.js", preview.base)).unwrap().text().unwrap();
    assert!(script.contains("EventSource(\"/events\")"));

    let first = next_state(&preview, 0);
    assert_eq!(first["headline"], "Library opens on Sundays");
    assert_eq!(first["pages"].as_array().unwrap().len(), 1);
    assert!(first["warnings"].as_array().unwrap().iter().any(|w| w["code"] == "no-dateline"), "{first}");
    let version = first["version"].as_u64().unwrap();
    let id = first["pages"][0]["id"].as_str().unwrap().to_string();
    let svg = reqwest::blocking::get(format!("{}/page/{id}.svg", preview.base)).unwrap();
    assert_eq!(svg.headers()["content-type"], "image/svg+xml");
    assert!(svg.text().unwrap().starts_with("<svg"));

    // The stream says when a render is done.
    let mut events = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap()
        .get(format!("{}/events", preview.base))
        .send()
        .unwrap();
    assert_eq!(events.headers()["content-type"], "text/event-stream");

    std::fs::write(&release, text.replace("on Sundays", "on Sundays from May")).unwrap();
    let mut chunk = vec![0; 4096];
    let n = events.read(&mut chunk).unwrap();
    let event = String::from_utf8_lossy(&chunk[..n]).into_owned();
    assert!(event.starts_with("event: update\ndata: {"), "{event}");
    let edited = next_state(&preview, version);
    assert_eq!(edited["headline"], "Library opens on Sundays from May");
    // The edited page has a new name; the old one is gone.
    let new_id = edited["pages"][0]["id"].as_str().unwrap().to_string();
    assert_ne!(new_id, id);
    let old = reqwest::blocking::get(format!("{}/page/{id}.svg", preview.base)).unwrap();
    assert_eq!(old.status().as_u16(), 404);

    // Broken: the error with its place; the last pages stay.
    std::fs::write(&release, text.replace("date:", "datee:")).unwrap();
    let broken = next_state(&preview, edited["version"].as_u64().unwrap());
    assert_eq!(broken["error"]["line"], 3, "{broken}");
    assert!(broken["error"]["message"].as_str().unwrap().contains("unknown field `datee`"), "{broken}");
    assert_eq!(broken["pages"].as_array().unwrap().len(), 1);
    let kept = broken["version"].as_u64().unwrap();
    assert_eq!(broken["pages"][0]["id"], new_id.as_str());
    let svg = reqwest::blocking::get(format!("{}/page/{new_id}.svg", preview.base)).unwrap();
    assert_eq!(svg.status().as_u16(), 200);

    // Fixed: pages again, no error.
    std::fs::write(&release, text).unwrap();
    let fixed = next_state(&preview, kept);
    assert!(fixed["error"].is_null(), "{fixed}");
    assert_eq!(fixed["headline"], "Library opens on Sundays");
}
