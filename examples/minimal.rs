//! Embedding presskit: render a release held in memory to PDF bytes.
//!
//! Run with `cargo run -p presskit --example minimal > release.pdf`.

use std::io::Write;

use presskit::{Brand, Format, Origin, Release, Renderer};

const RELEASE: &str = "---
headline: Riverside park reopens after two-year restoration
date: 2026-06-01
dateline: Ghent, Belgium
---
The riverside park reopens on Saturday with new wetlands, paths and a playground.
";

fn main() -> Result<(), presskit::Error> {
    let release = Release::from_text(RELEASE, Format::Markdown, Origin::named("release.md"))?;
    // One renderer loads the fonts once; share it to render many releases.
    let renderer = Renderer::new();
    let pdf = renderer.pdf(&release, &Brand::neutral())?;
    std::io::stdout().write_all(&pdf).expect("write PDF to standard output");
    eprintln!("{} bytes of PDF", pdf.len());
    Ok(())
}
