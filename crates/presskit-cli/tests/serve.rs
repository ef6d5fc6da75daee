//! `presskit serve` over real HTTP: the real binary on an ephemeral port, a
//! real client (reqwest). Every endpoint, every error status, the limits,
//! the token, multipart with images, concurrent requests giving the CLI's
//! bytes, a full queue, a time limit, and a graceful stop.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Barrier, Mutex};

use reqwest::blocking::{Client, Response, multipart};
use serde_json::Value;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples").join(name)
}

/// A running `presskit serve`, stopped when dropped.
struct Server {
    child: Child,
    base: String,
    log: Arc<Mutex<String>>,
    _brands: tempfile::TempDir,
}

impl Server {
    /// Starts the service with the examples as brands `ecpat` and
    /// `northwind` (plus `slow`, whose template never ends), and `args`.
    fn start(args: &[&str]) -> Self {
        let brands = tempfile::tempdir().unwrap();
        copy_dir(&example("ecpat-belgium"), &brands.path().join("ecpat"));
        copy_dir(&example("house-template"), &brands.path().join("northwind"));
        let slow = brands.path().join("slow");
        std::fs::create_dir(&slow).unwrap();
        std::fs::write(
            slow.join("_brand.yml"),
            "meta: {name: Slow}\ndefaults: {presskit: {template: slow.typ}}\n",
        )
        .unwrap();
        std::fs::write(
            slow.join("slow.typ"),
            "#let n = 0\n#for i in range(3000) { for j in range(3000) { for k in range(3000) { n += 1 } } }\n#n\n",
        )
        .unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_presskit"))
            .args(["serve", "--bind", "127.0.0.1:0", "--brands"])
            .arg(brands.path())
            .args(args)
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stderr = child.stderr.take().unwrap();
        let (address, log) = (Arc::new(Mutex::new(None)), Arc::new(Mutex::new(String::new())));
        let ready = Arc::new(Barrier::new(2));
        {
            let (address, log, ready) = (Arc::clone(&address), Arc::clone(&log), Arc::clone(&ready));
            // Reads the log for as long as the server runs, so that it
            // never blocks on a full pipe.
            std::thread::spawn(move || {
                let mut signalled = false;
                for line in BufReader::new(stderr).lines() {
                    let Ok(line) = line else { break };
                    if let Some(at) = line.strip_prefix("presskit serve: listening on ") {
                        *address.lock().unwrap() = Some(at.to_string());
                        ready.wait();
                        signalled = true;
                    }
                    log.lock().unwrap().push_str(&(line + "\n"));
                }
                if !signalled {
                    ready.wait();
                }
            });
        }
        ready.wait();
        let base =
            address.lock().unwrap().clone().unwrap_or_else(|| panic!("no address: {}", log.lock().unwrap()));
        Self { child, base, log, _brands: brands }
    }

    fn brands(&self) -> &Path {
        self._brands.path()
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Waits (at most 20 s) until a render holds a worker, as `/metrics`
    /// tells, or `done` says the request ended first.
    fn wait_rendering(&self, done: impl Fn() -> bool) {
        let start = std::time::Instant::now();
        while start.elapsed() < std::time::Duration::from_secs(20) && !done() {
            let metrics = reqwest::blocking::get(self.url("/metrics")).unwrap().text().unwrap();
            if metrics.contains("\npresskit_rendering 1\n") {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
    }

    fn post(&self, path: &str, media: &str, body: impl Into<reqwest::blocking::Body>) -> Response {
        Client::new().post(self.url(path)).header("content-type", media).body(body).send().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

fn release_text() -> String {
    std::fs::read_to_string(example("ecpat-belgium/release.md")).unwrap()
}

/// A problem answer: its status, media type and JSON.
fn problem(response: Response) -> (u16, Value) {
    let status = response.status().as_u16();
    let media = response.headers()["content-type"].to_str().unwrap().to_string();
    assert_eq!(media, "application/problem+json", "status {status}");
    let body: Value = response.json().unwrap();
    assert_eq!(body["status"], status);
    (status, body)
}

/// The CLI's PDF of the example under its own brand.
fn cli_pdf() -> Vec<u8> {
    let out = tempfile::tempdir().unwrap();
    let pdf = out.path().join("x.pdf");
    let status = Command::new(env!("CARGO_BIN_EXE_presskit"))
        .args(["render", "-q", "-o"])
        .arg(&pdf)
        .arg(example("ecpat-belgium/release.md"))
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(pdf).unwrap()
}

#[test]
fn every_endpoint_answers() {
    let server = Server::start(&[]);
    let health = reqwest::blocking::get(server.url("/healthz")).unwrap();
    assert_eq!((health.status().as_u16(), health.text().unwrap()), (200, "ok\n".to_string()));

    let spec: Value = reqwest::blocking::get(server.url("/openapi.json")).unwrap().json().unwrap();
    assert_eq!(spec["openapi"], "3.1.0");
    for path in ["/v1/render", "/v1/check", "/v1/brands", "/healthz", "/metrics", "/openapi.json"] {
        assert!(spec["paths"][path].is_object(), "{path} is not described");
    }

    let brands: Value = reqwest::blocking::get(server.url("/v1/brands")).unwrap().json().unwrap();
    let names: Vec<&str> =
        brands["brands"].as_array().unwrap().iter().map(|b| b["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["ecpat", "northwind", "slow"]);
    assert_eq!(brands["brands"][0]["title"], "ECPAT Belgium");

    // The PDF, byte for byte the CLI's, named after the release.
    let response = server.post("/v1/render?brand=ecpat", "text/markdown", release_text());
    assert_eq!(response.status().as_u16(), 200);
    let headers = response.headers().clone();
    assert_eq!(headers["content-type"], "application/pdf");
    assert_eq!(headers["x-page-count"], "2");
    assert_eq!(
        headers["content-disposition"],
        "inline; filename=\"2014-11-20-despite-national-effort-the-commercial-sexual.pdf\""
    );
    assert_eq!(response.bytes().unwrap().to_vec(), cli_pdf());

    // Every other output.
    for (format, media, starts) in [
        ("png", "image/png", &b"\x89PNG"[..]),
        ("svg", "image/svg+xml", b"<svg"),
        ("html", "text/html; charset=utf-8", b"<!DOCTYPE html>"),
        ("txt", "text/plain; charset=utf-8", b"MEDIA RELEASE"),
        ("eml", "message/rfc822", b"From: "),
    ] {
        let response = server.post(
            &format!("/v1/render?brand=ecpat&format={format}&page=2"),
            "text/markdown",
            release_text(),
        );
        assert_eq!(response.status().as_u16(), 200, "{format}");
        assert_eq!(response.headers()["content-type"], media);
        let body = response.bytes().unwrap();
        assert!(
            body.starts_with(starts),
            "{format}: {:?}",
            String::from_utf8_lossy(&body[..40.min(body.len())])
        );
    }
    // A language of the release, and the other input formats.
    let french = server.post("/v1/render?brand=ecpat&format=txt&lang=fr", "text/markdown", release_text());
    assert!(french.text().unwrap().contains("COMMUNIQUÉ DE PRESSE"));
    let yaml = "headline: From YAML\ndate: 2026-03-02\nbody: Hello.\n";
    let json = r#"{"headline": "From JSON", "date": "2026-03-02", "body": "Hello."}"#;
    let toml = "headline = \"From TOML\"\ndate = 2026-03-02\nbody = \"Hello.\"\n";
    for (media, body, headline) in [
        ("application/yaml", yaml, "From YAML"),
        ("application/json", json, "From JSON"),
        ("application/toml", toml, "From TOML"),
    ] {
        let text = server.post("/v1/render?format=txt", media, body).text().unwrap();
        assert!(text.contains(headline), "{media}: {text}");
    }

    // The format told another way: `input=` for a body of another type, a
    // `format` field in a multipart form; an email with its addresses.
    let text = server.post("/v1/render?format=txt&input=yaml", "text/plain", yaml).text().unwrap();
    assert!(text.contains("From YAML"), "{text}");
    let form = multipart::Form::new().text("format", "toml").part("release", multipart::Part::text(toml));
    let text = Client::new()
        .post(server.url("/v1/render?format=txt"))
        .multipart(form)
        .send()
        .unwrap()
        .text()
        .unwrap();
    assert!(text.contains("From TOML"), "{text}");
    let eml = server
        .post(
            "/v1/render?format=eml&from=press%40x.example&to=desk%40paper.example",
            "application/json",
            json,
        )
        .text()
        .unwrap();
    assert!(eml.contains("From: press@x.example") && eml.contains("To: desk@paper.example"), "{eml}");

    // check: the diagnostics `presskit check --format json` gives.
    let report: Value = server
        .post("/v1/check", "text/markdown", "---\nheadline: A headline.\ndate: 2026-03-02\n---\nBody.\n")
        .json()
        .unwrap();
    assert_eq!(report["ok"], true);
    let codes: Vec<&str> =
        report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"headline-full-stop") && codes.contains(&"no-dateline"), "{codes:?}");
    let report: Value =
        server.post("/v1/check", "text/markdown", "---\nheadline: H\n---\nBody.\n").json().unwrap();
    assert_eq!(
        (report["ok"].clone(), report["diagnostics"][0]["code"].clone()),
        (false.into(), "missing-field".into())
    );

    let metrics = reqwest::blocking::get(server.url("/metrics")).unwrap().text().unwrap();
    assert!(metrics.contains("presskit_renders_total{format=\"pdf\"} 1"), "{metrics}");
    assert!(metrics.contains("presskit_render_seconds_count"), "{metrics}");
    assert!(server.log.lock().unwrap().contains("status=200"), "no access log");
}

#[test]
fn bad_requests_get_problems_with_their_place() {
    let server = Server::start(&["--max-body", "64KB", "--max-images", "1"]);
    // An invalid release: 422 with the file, line and column.
    let (status, body) = problem(server.post(
        "/v1/render",
        "text/markdown",
        "---\nheadline: H\ndatee: 2026-03-02\n---\nBody.\n",
    ));
    assert_eq!(status, 422);
    assert_eq!(
        (body["kind"].as_str(), body["line"].as_u64(), body["column"].as_u64()),
        (Some("unknown-field"), Some(3), Some(1))
    );
    assert_eq!(body["file"], "release.md");
    assert!(body["message"].as_str().unwrap().contains("did you mean `date`?"), "{body}");
    assert!(body["hint"].is_string());

    let cases: Vec<(Response, u16, &str)> = vec![
        (server.post("/v1/render", "image/gif", "GIF89a"), 415, "unsupported-media-type"),
        (server.post("/v1/render?brand=nope", "text/markdown", release_text()), 404, "unknown-brand"),
        (server.post("/v1/render?brand=../ecpat", "text/markdown", release_text()), 404, "unknown-brand"),
        (server.post("/v1/render?format=docx", "text/markdown", release_text()), 400, "bad-request"),
        (server.post("/v1/render?colour=red", "text/markdown", release_text()), 400, "bad-request"),
        (
            server.post(
                "/v1/render?lang=fr",
                "text/markdown",
                "---\nheadline: H\ndate: 2026-03-02\n---\nB.\n",
            ),
            422,
            "invalid-value",
        ),
        (
            server.post(
                "/v1/render?format=png&page=9",
                "text/markdown",
                "---\nheadline: H\ndate: 2026-03-02\n---\nB.\n",
            ),
            422,
            "invalid-value",
        ),
        (server.post("/v1/render", "text/markdown", "x".repeat(70_000)), 413, "too-large"),
        (Client::new().get(server.url("/v1/nothing")).send().unwrap(), 404, "not-found"),
    ];
    for (response, status, kind) in cases {
        let (got, body) = problem(response);
        assert_eq!((got, body["kind"].as_str().unwrap()), (status, kind), "{body}");
    }
    // Too many images: the limit is 1.
    let form = multipart::Form::new()
        .part(
            "release",
            multipart::Part::text("---\nheadline: H\ndate: 2026-03-02\n---\nB.\n").file_name("r.md"),
        )
        .part("a", multipart::Part::bytes(vec![1, 2, 3]).file_name("a.png"))
        .part("b", multipart::Part::bytes(vec![1, 2, 3]).file_name("b.png"));
    let response = Client::new().post(server.url("/v1/render")).multipart(form).send().unwrap();
    let (status, body) = problem(response);
    assert_eq!((status, body["kind"].as_str().unwrap()), (413, "too-many-images"));
    let metrics = reqwest::blocking::get(server.url("/metrics")).unwrap().text().unwrap();
    assert!(metrics.contains("presskit_failures_total{kind=\"unsupported-media-type\"} 1"), "{metrics}");
}

#[test]
fn a_release_and_its_images_come_in_one_multipart_request() {
    let server = Server::start(&[]);
    let photo =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/cases/images/cmyk.jpg"))
            .unwrap();
    let text = "---\nheadline: The quay at dawn\ndate: 2026-03-02\n---\n![The quay](photos/quay.jpg \"Quay | Photo: P. Ellis\")\n";
    let form = || {
        multipart::Form::new()
            .part("release", multipart::Part::text(text).file_name("quay.md"))
            .part("photo", multipart::Part::bytes(photo.clone()).file_name("photos/quay.jpg"))
    };
    let response = Client::new().post(server.url("/v1/render")).multipart(form()).send().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let pdf = response.bytes().unwrap();
    assert_eq!(presskit_pdf::Pdf::parse(&pdf).images().len(), 1);
    // A picture the release names but the request lacks: 422, named. And
    // nothing outside the request and the brand folder is reached.
    for (src, needle) in [
        ("photos/other.jpg", "photos/other.jpg"),
        ("/etc/hosts", "absolute"),
        ("../../etc/hosts", "etc/hosts"),
    ] {
        let form = multipart::Form::new()
            .part("release", multipart::Part::text(text.replace("photos/quay.jpg", src)).file_name("quay.md"))
            .part("photo", multipart::Part::bytes(photo.clone()).file_name("photos/quay.jpg"));
        let response =
            Client::new().post(server.url("/v1/render?brand=ecpat")).multipart(form).send().unwrap();
        let (status, body) = problem(response);
        assert_eq!(status, 422, "{body}");
        assert!(body["message"].as_str().unwrap().contains(needle), "{src}: {body}");
    }
}

#[test]
fn concurrent_requests_give_the_clis_bytes() {
    let server = Arc::new(Server::start(&["--workers", "2"]));
    let expected = cli_pdf();
    let start = Arc::new(Barrier::new(8));
    let threads: Vec<_> = (0..8)
        .map(|_| {
            let (server, start) = (Arc::clone(&server), Arc::clone(&start));
            std::thread::spawn(move || {
                start.wait();
                let response = server.post("/v1/render?brand=ecpat", "text/markdown", release_text());
                assert_eq!(response.status().as_u16(), 200);
                response.bytes().unwrap().to_vec()
            })
        })
        .collect();
    for thread in threads {
        assert!(thread.join().unwrap() == expected, "a PDF differs from the CLI's");
    }
}

#[test]
fn a_full_queue_is_answered_at_once_and_a_slow_render_in_time() {
    let server = Arc::new(Server::start(&["--workers", "1", "--queue", "0", "--timeout", "2"]));
    // The slow brand's template never ends: its request is given up at the
    // time limit, and the requests that come meanwhile find no room.
    let slow = {
        let server = Arc::clone(&server);
        std::thread::spawn(move || {
            server.post(
                "/v1/render?brand=slow",
                "text/markdown",
                "---\nheadline: H\ndate: 2026-03-02\n---\nB.\n",
            )
        })
    };
    server.wait_rendering(|| slow.is_finished());
    let started = std::time::Instant::now();
    let response =
        server.post("/v1/render", "text/markdown", "---\nheadline: H\ndate: 2026-03-02\n---\nB.\n");
    let answered = started.elapsed();
    assert_eq!(response.headers()["retry-after"], "1");
    let (status, body) = problem(response);
    assert_eq!((status, body["kind"].as_str().unwrap()), (503, "busy"));
    assert!(answered < std::time::Duration::from_millis(500), "the 503 took {answered:?}");
    let (status, body) = problem(slow.join().unwrap());
    assert_eq!((status, body["kind"].as_str().unwrap()), (503, "timeout"));
    // The service is still up.
    assert_eq!(reqwest::blocking::get(server.url("/healthz")).unwrap().status().as_u16(), 200);
}

#[test]
fn a_token_guards_the_api() {
    let dir = tempfile::tempdir().unwrap();
    let token = "3f6c1d0e9b8a7f6e5d4c3b2a19081726";
    std::fs::write(dir.path().join("token"), format!("{token}\n")).unwrap();
    let server = Server::start(&["--token-file", dir.path().join("token").to_str().unwrap()]);
    let body = "---\nheadline: H\ndate: 2026-03-02\n---\nB.\n";
    for auth in [None, Some("Bearer wrong"), Some(token)] {
        let mut request =
            Client::new().post(server.url("/v1/render")).header("content-type", "text/markdown");
        if let Some(auth) = auth {
            request = request.header("authorization", auth);
        }
        let response = request.body(body).send().unwrap();
        assert_eq!(response.headers()["www-authenticate"], "Bearer");
        let (status, problem) = problem(response);
        assert_eq!((status, problem["kind"].as_str().unwrap()), (401, "unauthorized"));
    }
    let response = Client::new()
        .post(server.url("/v1/render"))
        .header("content-type", "text/markdown")
        .bearer_auth(token)
        .body(body)
        .send()
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    // Health and metrics stay open, for load balancers and monitoring.
    assert_eq!(reqwest::blocking::get(server.url("/healthz")).unwrap().status().as_u16(), 200);
    assert_eq!(reqwest::blocking::get(server.url("/metrics")).unwrap().status().as_u16(), 200);
    // A short token is refused at start.
    std::fs::write(dir.path().join("short"), "abc").unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_presskit"))
        .args(["serve", "--bind", "127.0.0.1:0", "--token-file"])
        .arg(dir.path().join("short"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("shorter than 16 characters"));
}

#[cfg(unix)]
#[test]
fn sigterm_finishes_the_renders_in_flight() {
    let mut server = Server::start(&[]);
    let url = server.url("/v1/render?brand=ecpat&format=png&ppi=450");
    let request = std::thread::spawn(move || {
        Client::new().post(url).header("content-type", "text/markdown").body(release_text()).send().unwrap()
    });
    server.wait_rendering(|| request.is_finished());
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let response = request.join().unwrap();
    assert_eq!(response.status().as_u16(), 200);
    assert!(response.bytes().unwrap().starts_with(b"\x89PNG"));
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status:?}: {}", server.log.lock().unwrap());
}

/// A brand is read again when its file changes: no restart to edit it.
#[test]
fn an_edited_brand_is_read_again() {
    let server = Server::start(&[]);
    let body = "---\nheadline: H\ndate: 2026-03-02\n---\nB.\n";
    let html = |server: &Server| {
        server.post("/v1/render?brand=northwind&format=html", "text/markdown", body).text().unwrap()
    };
    assert!(html(&server).contains("Northwind Ferries"));
    let file = server.brands().join("northwind/_brand.yml");
    let text = std::fs::read_to_string(&file).unwrap();
    // A later modification time than the first read, on any file system.
    std::thread::sleep(std::time::Duration::from_millis(20));
    std::fs::write(&file, text.replace("name: Northwind Ferries", "name: Southwind Ferries")).unwrap();
    let mut shown = html(&server);
    let start = std::time::Instant::now();
    while !shown.contains("Southwind Ferries") && start.elapsed() < std::time::Duration::from_secs(5) {
        // A coarse file clock may need a moment to tick.
        std::thread::sleep(std::time::Duration::from_millis(100));
        let _ = std::fs::write(&file, text.replace("name: Northwind Ferries", "name: Southwind Ferries"));
        shown = html(&server);
    }
    assert!(shown.contains("Southwind Ferries"), "the brand was not read again");
    let brands: Value = reqwest::blocking::get(server.url("/v1/brands")).unwrap().json().unwrap();
    assert_eq!(brands["brands"][1]["title"], "Southwind Ferries");
    // A brand that no longer loads is a 422 naming its file.
    std::fs::write(&file, "meta: [unclosed\n").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let (status, problem) = problem(server.post("/v1/render?brand=northwind", "text/markdown", body));
    assert_eq!(status, 422);
    assert!(problem["file"].as_str().unwrap().ends_with("_brand.yml"), "{problem}");
}
