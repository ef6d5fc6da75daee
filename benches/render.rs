//! presskit's speed, stage by stage and end to end. Run with
//! `cargo bench -p presskit --bench render`; figures are medians.
//! docs/PERFORMANCE.md gives the results and the machine.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use presskit::{Brand, Format, Origin, Release, Renderer};

fn main() {
    divan::main();
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ecpat-belgium/release.md")
}

static RENDERER: LazyLock<Renderer> = LazyLock::new(Renderer::new);
static EXAMPLE: LazyLock<(Release, Brand)> = LazyLock::new(|| {
    let release = Release::from_path(example()).expect("example loads");
    let brand = Brand::for_release(&release).expect("brand loads");
    (release, brand)
});

/// The example's text with its body repeated until it fills about ten pages.
/// `salt` makes each release distinct, so that no cache can serve it.
fn long_release(copies: usize, salt: usize) -> String {
    let text = std::fs::read_to_string(example()).expect("example readable");
    let (front, body) = text.rsplit_once("---\n").expect("front matter");
    let (body, notes) = body.split_once("[^1]:").expect("footnote");
    let mut out = format!("{front}---\n");
    for copy in 0..copies {
        out.push_str(&format!("## Part {copy} of release {salt}\n\n{body}\n"));
    }
    out.push_str(&format!("[^1]:{notes}"));
    out.replace("Despite national effort", &format!("Release {salt} despite national effort"))
}

fn load(text: &str, name: &str) -> Release {
    let dir = example().parent().expect("example folder").to_path_buf();
    Release::from_text(text, Format::Markdown, Origin::in_dir(name, dir)).expect("release loads")
}

#[divan::bench]
fn load_and_validate_example() -> Release {
    let release = Release::from_path(example()).expect("example loads");
    let _ = Brand::for_release(&release).expect("brand loads");
    release
}

#[divan::bench]
fn markdown_mapping_example(bencher: divan::Bencher) {
    let text = std::fs::read_to_string(example()).expect("example readable");
    let body = text.rsplit_once("---\n").expect("front matter").1.to_string();
    bencher.bench(|| presskit::markdown::parse(divan::black_box(&body)).expect("maps"));
}

#[divan::bench]
fn typst_compile_example() -> presskit::Document {
    let (release, brand) = &*EXAMPLE;
    RENDERER.compile(release, brand).expect("compiles")
}

#[divan::bench]
fn pdf_export_example(bencher: divan::Bencher) {
    let (release, brand) = &*EXAMPLE;
    let document = RENDERER.compile(release, brand).expect("compiles");
    bencher.bench(|| document.pdf().expect("exports"));
}

#[divan::bench]
fn end_to_end_example() -> Vec<u8> {
    let release = Release::from_path(example()).expect("example loads");
    let brand = Brand::for_release(&release).expect("brand loads");
    RENDERER.pdf(&release, &brand).expect("renders")
}

/// Each iteration renders a release no earlier iteration rendered: one
/// copy of the example's body gives 2 pages, sixteen give 10.
#[divan::bench(args = [1, 16])]
fn end_to_end_distinct(bencher: divan::Bencher, copies: usize) {
    let brand = &EXAMPLE.1;
    let mut salt = 0;
    bencher
        .with_inputs(|| {
            salt += 1;
            load(&long_release(copies, salt), "long.md")
        })
        .bench_local_refs(|release| RENDERER.pdf(release, brand).expect("renders"));
}

/// 100 distinct two-page releases over all cores; divan reports the time
/// for the whole batch.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn batch_100_distinct(bencher: divan::Bencher) {
    let brand = &EXAMPLE.1;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut round = 0;
    bencher
        .with_inputs(|| {
            round += 1;
            (0..100).map(|i| load(&long_release(1, round * 1000 + i), "batch.md")).collect::<Vec<_>>()
        })
        .bench_local_refs(|releases| {
            std::thread::scope(|scope| {
                for chunk in releases.chunks(releases.len().div_ceil(threads)) {
                    scope.spawn(move || {
                        for release in chunk {
                            RENDERER.pdf(release, brand).expect("renders");
                        }
                    });
                }
            });
        });
}
