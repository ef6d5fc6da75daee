//! presskit's speed, stage by stage and end to end. Run with
//! `cargo bench -p presskit --bench render`; figures are medians.
//! docs/PERFORMANCE.md gives the results and the machine.

use std::sync::LazyLock;

use presskit::{Brand, Release, Renderer};

mod releases;
use releases::{Releases, example};

fn main() {
    divan::main();
}

static RENDERER: LazyLock<Renderer> = LazyLock::new(Renderer::new);
static EXAMPLE: LazyLock<(Release, Brand)> = LazyLock::new(|| {
    let release = Release::from_path(example()).expect("example loads");
    let brand = Brand::for_release(&release).expect("brand loads");
    (release, brand)
});
static RELEASES: LazyLock<Releases> = LazyLock::new(Releases::new);

/// The most body paragraphs a generated release can have and still end on
/// page `pages`: a release that fills its pages, so that the 2-page and the
/// 10-page release hold text in proportion to their pages.
fn paragraphs_filling(pages: usize) -> usize {
    let count = |paragraphs| {
        let release = RELEASES.release(0, paragraphs);
        RENDERER.compile(&release, &RELEASES.brand).expect("compiles").page_count()
    };
    let mut paragraphs = 1;
    while count(paragraphs + 1) <= pages {
        paragraphs += 1;
    }
    assert_eq!(count(paragraphs), pages, "no release of {pages} pages");
    paragraphs
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

/// Each iteration renders a release no earlier iteration rendered, every
/// paragraph its own, filling exactly 2 or 10 pages; they share the brand,
/// its boilerplate and contacts, as a newsroom's releases do.
#[divan::bench(args = [2, 10])]
fn end_to_end_distinct(bencher: divan::Bencher, pages: usize) {
    let paragraphs = paragraphs_filling(pages);
    let mut salt = 1000 * pages;
    bencher
        .with_inputs(|| {
            salt += 1;
            RELEASES.release(salt, paragraphs)
        })
        .bench_local_refs(|release| RENDERER.pdf(release, &RELEASES.brand).expect("renders"));
}

/// 100 distinct two-page releases over all cores; divan reports the time
/// for the whole batch.
#[divan::bench(sample_count = 10, sample_size = 1)]
fn batch_100_distinct(bencher: divan::Bencher) {
    let brand = &RELEASES.brand;
    // Seven paragraphs and a quote: two pages, as benches/process.rs and
    // benches/batch-releases.py write them for the command line.
    let paragraphs = 7;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut round = 0;
    bencher
        .with_inputs(|| {
            round += 1;
            (0..100).map(|i| RELEASES.release(100_000 * round + i, paragraphs)).collect::<Vec<_>>()
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
