//! Time and peak memory of the inputs that cost most: each layout limit at
//! its value, the largest input, and hostile inputs refused at load.
//! docs/SECURITY.md promises that no input of at most 4 MB takes more than
//! 30 s or 1 GB; this measures it. Run with
//! `cargo bench -p presskit --bench hostile`. Each case runs in a process
//! of its own (this program, started again), so that its peak memory
//! (Linux: the high-water mark of the resident set) is its own.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use presskit::{Brand, Kit, Release, Renderer};

/// The process's peak resident set size, in MB.
fn peak_mb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse::<u64>().ok().map(|kib| kib / 1024)
}

fn release(dir: &Path, name: &str, body: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, format!("---\nheadline: A costly release\ndate: 2026-03-02\n---\n{body}\n"))
        .expect("write case");
    path
}

/// Loads and renders a release to PDF: its page count, or the error.
fn render(renderer: &Renderer, path: &Path) -> String {
    let outcome = Release::from_path(path).and_then(|release| {
        let brand = Brand::for_release(&release)?;
        let document = renderer.compile(&release, &brand)?;
        document.pdf()?;
        Ok(document.page_count())
    });
    match outcome {
        Ok(pages) => format!("{pages} pages"),
        Err(err) => format!("refused: {}", err.message()),
    }
}

fn main() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dir = dir.path();
    let renderer = Renderer::new().with_template_time_limit(Duration::from_secs(5));
    let paragraph =
        "The council approved the plan on Tuesday after a long debate about the river. ".repeat(10);

    let mut cases: Vec<(&str, PathBuf)> = vec![
        (
            "3.9 MB body, 4,900 paragraphs",
            release(dir, "big.md", &vec![paragraph.as_str(); 4_900].join("\n\n")),
        ),
        (
            "10,000 list items (the limit)",
            release(
                dir,
                "list.md",
                &(0..9_999).map(|i| format!("- item {i} of the list\n")).collect::<String>(),
            ),
        ),
        (
            "1,000 footnote references (the limit)",
            release(dir, "refs.md", &format!("{}\n\n[^a]: A note.", "Text[^a]. ".repeat(1_000))),
        ),
        (
            "10,000 line breaks (the limit)",
            release(dir, "breaks.md", &format!("{}end", "a line\\\n".repeat(10_000))),
        ),
        (
            "a 100 KB code block (the limit)",
            release(dir, "code.md", &"    let x = 1; // a line of code in a block\n".repeat(2_200)),
        ),
        ("a 95 KB paragraph of one-letter words", release(dir, "para.md", &"a ".repeat(47_000))),
        (
            "40,000 combining marks on a letter",
            release(dir, "marks.md", &format!("a{}", "\u{301}".repeat(40_000))),
        ),
        ("1.6 MB of list items (over the limit)", release(dir, "list-big.md", &"- item\n".repeat(230_000))),
    ];

    // A 100 x 100 SVG embedding a PNG header that declares 40,000 x 40,000
    // pixels (its checksum is not right: refused either way, from the header).
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend(40_000u32.to_be_bytes());
    png.extend(40_000u32.to_be_bytes());
    png.extend([8, 2, 0, 0, 0, 0, 0, 0, 0]);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\"><image width=\"100\" height=\"100\" \
         href=\"data:image/png;base64,{}\"/></svg>",
        base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &png)
    );
    std::fs::write(dir.join("chart.svg"), svg).expect("write svg");
    cases.push((
        "an SVG embedding a 40,000 x 40,000 PNG",
        release(dir, "svg.md", "Text.\n\n![A chart](chart.svg)"),
    ));

    // A brand template of three nested loops, given up after 5 s here.
    let slow = dir.join("slow");
    std::fs::create_dir(&slow).expect("folder");
    std::fs::write(
        slow.join("_brand.yml"),
        "meta:\n  name: Slow\ndefaults:\n  presskit:\n    template: slow.typ\n",
    )
    .expect("brand");
    std::fs::write(
        slow.join("slow.typ"),
        "#for i in range(3000) { for j in range(3000) { for k in range(3000) { } } }\n",
    )
    .expect("template");
    cases.push(("a template looping for hours (limit 5 s)", release(&slow, "release.md", "Body.")));

    // Run as a child for one case: measure it alone.
    if let Some(case) = std::env::var("PRESSKIT_HOSTILE_CASE").ok().and_then(|c| c.parse::<usize>().ok()) {
        run_case(&renderer, &cases, case, dir, &paragraph);
        return;
    }
    println!("{:<45} {:>9} {:>9}  outcome", "case", "time (s)", "peak MB");
    let exe = std::env::current_exe().expect("own path");
    for case in 0..=cases.len() {
        let out = std::process::Command::new(&exe)
            .env("PRESSKIT_HOSTILE_CASE", case.to_string())
            .output()
            .expect("run a case");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            println!("case {case} failed: {}", String::from_utf8_lossy(&out.stderr));
        }
    }
}

/// Runs case `case` (the kit after the others) and prints its line.
fn run_case(renderer: &Renderer, cases: &[(&str, PathBuf)], case: usize, dir: &Path, paragraph: &str) {
    if let Some((name, path)) = cases.get(case) {
        let start = Instant::now();
        let outcome = render(renderer, path);
        let time = start.elapsed().as_secs_f64();
        let peak = peak_mb().map_or("?".to_string(), |mb| mb.to_string());
        println!("{name:<45} {time:>9.2} {peak:>9}  {}", outcome.chars().take(90).collect::<String>());
        return;
    }

    // A kit of two 1 MB documents: laid out as one document.
    let big = vec![paragraph; 1_300].join("\n\n");
    release(dir, "a.md", &big);
    release(dir, "b.md", &big);
    let kit_file = dir.join("kit.yml");
    std::fs::write(&kit_file, "title: Kit\ndate: 2026-03-02\ndocuments:\n  - file: a.md\n  - file: b.md\n")
        .expect("kit");
    let start = Instant::now();
    let outcome = Kit::from_path(&kit_file).and_then(|kit| {
        let brand = kit.brand()?;
        let document = renderer.compile_kit(&kit, &brand, &presskit::Options::default())?;
        document.pdf()?;
        Ok(document.page_count())
    });
    let outcome = match outcome {
        Ok(pages) => format!("{pages} pages"),
        Err(err) => format!("refused: {}", err.message()),
    };
    let peak = peak_mb().map_or("?".to_string(), |mb| mb.to_string());
    println!(
        "{:<45} {:>9.2} {peak:>9}  {outcome}",
        "a kit of two 1 MB documents",
        start.elapsed().as_secs_f64()
    );
}
