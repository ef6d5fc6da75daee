//! Helpers shared by presskit's integration tests: paths, one renderer for
//! all tests, and the PDF tools (poppler-utils, qpdf) the checks run.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use presskit::{Brand, Document, Release, Renderer};

/// One renderer for every test in a process: fonts load once.
pub static RENDERER: LazyLock<Renderer> = LazyLock::new(Renderer::new);

/// The repository's root folder.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().expect("tests/ has a parent").to_path_buf()
}

/// A path below the repository's root.
pub fn path(relative: &str) -> PathBuf {
    root().join(relative)
}

/// Loads a release and its brand (as the CLI does) and lays it out.
pub fn compile(release: &Path) -> Document {
    let release = Release::from_path(release).unwrap_or_else(|e| panic!("{e}"));
    let brand = Brand::for_release(&release).unwrap_or_else(|e| panic!("{e}"));
    let document = RENDERER.compile(&release, &brand).unwrap_or_else(|e| panic!("{e}"));
    // A warning (an unknown font family, say) would mean a silent fallback.
    assert!(document.warnings().is_empty(), "Typst warned: {:?}", document.warnings());
    document
}

/// Runs a PDF tool on `pdf` (written to a temporary file; `{}` in `args`
/// stands for it, else it comes last) and returns its standard output. Panics with an install hint when the tool is missing.
pub fn pdf_tool(tool: &str, args: &[&str], pdf: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("presskit-tests-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join(format!("{tool}-{}.pdf", unique()));
    std::fs::File::create(&file).and_then(|mut f| f.write_all(pdf)).expect("write temp pdf");
    // `{}` in the arguments stands for the file; else it comes last.
    let mut argv: Vec<std::ffi::OsString> =
        args.iter().map(|a| if *a == "{}" { file.clone().into() } else { (*a).into() }).collect();
    if !args.contains(&"{}") {
        argv.push(file.clone().into());
        if tool == "pdftotext" {
            argv.push("-".into());
        }
    }
    let output = Command::new(tool).args(&argv).stdin(Stdio::null()).output().unwrap_or_else(|e| {
        panic!("cannot run `{tool}` ({e}); install poppler-utils and qpdf (bash .ci/run does)")
    });
    let _ = std::fs::remove_file(&file);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    // qpdf --check reports problems on stdout as well as in its exit code.
    assert!(output.status.success(), "`{tool}` failed: {stdout}{}", String::from_utf8_lossy(&output.stderr));
    stdout
}

fn unique() -> u64 {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Text as a reader compares it: runs of white space folded to one space,
/// words broken by a hyphen at a line end joined again (the PDF marks such
/// hyphens as soft), and typographic quotes read as straight ones.
pub fn fold(text: &str) -> String {
    let text: String = text
        .chars()
        .map(|c| match c {
            '“' | '”' | '„' | '«' | '»' | '″' => '"',
            '‘' | '’' | '‚' | '‹' | '›' | '′' => '\'',
            c => c,
        })
        .collect();
    let joined = text.split('\u{ad}').map(str::trim_end).collect::<Vec<_>>();
    let mut out = String::new();
    for (i, part) in joined.iter().enumerate() {
        out.push_str(if i == 0 { part } else { part.trim_start() });
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A release in a fresh temporary folder, with extra files beside it.
pub fn release_in_temp(text: &str, files: &[(&str, Vec<u8>)]) -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for (name, data) in files {
        std::fs::write(dir.path().join(name), data).unwrap();
    }
    let release = dir.path().join("release.md");
    std::fs::write(&release, text).unwrap();
    (dir, release)
}

/// Runs Python (`$PRESSKIT_PYTHON`, else `python3`) with `args`; panics
/// unless it succeeds, naming `needs` (what to `pip install`). Returns its
/// standard output.
pub fn python(args: &[&std::ffi::OsStr], needs: &str) -> Vec<u8> {
    let python = std::env::var("PRESSKIT_PYTHON").unwrap_or_else(|_| "python3".into());
    let output = Command::new(&python)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python} ({e}); set PRESSKIT_PYTHON (bash .ci/run does)"));
    assert!(
        output.status.success(),
        "{python} failed (it needs `pip install {needs}`; bash .ci/run installs it):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}
