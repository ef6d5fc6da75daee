//! Helpers shared by presskit's integration tests: paths, one renderer for
//! all tests, reading PDFs and emails, and compiling a Typst export on its
//! own. Everything is Rust: `cargo test` needs no other tool.

mod folder;
mod mail;

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

pub use folder::compile_folder;
pub use mail::{HtmlReading, read_html, read_mail};

use presskit::{Brand, Document, Release, Renderer};

/// One renderer for every test in a process: fonts load once. Installed
/// fonts are not searched for missing characters, so that the tests give
/// the same results on every machine.
pub static RENDERER: LazyLock<Renderer> = LazyLock::new(|| Renderer::new().with_system_fallback(false));

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

/// The text of a PDF, pages separated by form feeds, read by the tests'
/// PDF reader (see `presskit-pdf`).
pub fn pdf_text(pdf: &[u8]) -> String {
    presskit_pdf::Pdf::parse(pdf).text()
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
