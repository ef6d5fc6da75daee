//! Any bytes, as a Markdown release rendered to PDF with the neutral brand:
//! a PDF or an error, never a panic. The whole pipeline (load, Markdown,
//! the Typst data, layout, export) runs on every input.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use presskit::{Brand, Format, Origin, Release, Renderer};

/// One renderer for the run: the fonts load once.
static RENDERER: LazyLock<Renderer> = LazyLock::new(Renderer::new);

fuzz_target!(|data: &[u8]| {
    let Ok(release) = Release::from_bytes(data, Format::Markdown, Origin::named("fuzz.md")) else { return };
    if let Ok(document) = RENDERER.compile(&release, &Brand::neutral()) {
        let _ = document.pdf();
    }
});
