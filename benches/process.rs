//! `presskit` as a whole process, the way a user or a script runs it: the
//! example, and a folder of 100 distinct releases (benches/releases.rs)
//! rendered with one command on all cores. Run with `cargo bench -p
//! presskit-cli --bench process`, or everything with `cargo bench`.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

#[allow(dead_code)] // The in-process benchmarks use the rest.
mod releases;
use releases::{Releases, example};

/// A scratch folder for this run, removed when `main` ends.
static SCRATCH: OnceLock<PathBuf> = OnceLock::new();

fn main() {
    let scratch = tempfile::tempdir().expect("temporary folder");
    let batch = scratch.path().join("batch");
    std::fs::create_dir(&batch).expect("batch folder");
    let folder = example().parent().expect("example folder").to_path_buf();
    for name in ["_brand.yml", "logo.svg"] {
        std::fs::copy(folder.join(name), batch.join(name)).expect("brand copied");
    }
    let releases = Releases::new();
    for i in 1..=100 {
        std::fs::write(batch.join(format!("r{i:03}.md")), releases.text(i, 7)).expect("release written");
    }
    SCRATCH.set(scratch.path().to_path_buf()).expect("set once");
    divan::main();
}

fn presskit(args: &[&Path]) {
    let status = Command::new(env!("CARGO_BIN_EXE_presskit"))
        .arg("render")
        .args(args)
        .arg("-q")
        .status()
        .expect("presskit runs");
    assert!(status.success(), "presskit failed");
}

/// `presskit render examples/ecpat-belgium/release.md -o x.pdf`: start,
/// load, cold layout, export, write.
#[divan::bench(sample_count = 50, sample_size = 1)]
fn whole_process_example() {
    let scratch = SCRATCH.get().expect("scratch");
    presskit(&[&example(), Path::new("-o"), &scratch.join("example.pdf")]);
}

/// `presskit render FOLDER -o OUT` of 100 distinct two-page releases: the
/// batch rate is 100 over this time.
#[divan::bench(sample_count = 5, sample_size = 1)]
fn whole_process_batch_100() {
    let scratch = SCRATCH.get().expect("scratch");
    presskit(&[&scratch.join("batch"), Path::new("-o"), &scratch.join("out")]);
}
