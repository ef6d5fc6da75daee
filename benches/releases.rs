//! Distinct releases for the benchmarks, by the recipe that
//! `benches/batch-releases.py` follows (with other text) for timing by hand: the
//! example's English sentences in an order of the release's own, with
//! figures of its own, so that no two releases share a paragraph and no
//! cache can serve one. They share what releases of one organisation
//! share: the example's brand, its boilerplate and its contacts.

use std::path::{Path, PathBuf};

use presskit::{Brand, Format, Origin, Release};

/// The bundled example release.
pub fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/ecpat-belgium/release.md")
}

/// Writes releases of any length, each distinct by its `salt`.
pub struct Releases {
    sentences: Vec<String>,
    dir: PathBuf,
    /// The example's brand, which every release uses.
    pub brand: Brand,
}

impl Releases {
    /// Reads the example's sentences and brand.
    pub fn new() -> Self {
        let text = std::fs::read_to_string(example()).expect("example readable");
        let body = text.splitn(3, "---\n").nth(2).expect("front matter");
        let words: Vec<&str> =
            body.lines().filter(|line| !line.starts_with("[^")).flat_map(str::split_whitespace).collect();
        let mut sentences = Vec::new();
        let mut sentence = String::new();
        for word in words {
            let word = word.replace("[^1]", "").replace(['"', '#', '>', '*', '_'], "");
            if word.is_empty() {
                continue;
            }
            sentence.push_str(&word);
            sentence.push(' ');
            if word.ends_with(['.', '!', '?']) {
                let done = std::mem::take(&mut sentence);
                // English sentences of the body only: no links, no French note.
                let english = !["http", "<", " est "].iter().any(|s| done.contains(s));
                if english && done.split_whitespace().count() >= 6 {
                    sentences.push(done.trim_end().to_string());
                }
            }
        }
        assert!(sentences.len() >= 8, "the example has too few sentences");
        let release = Release::from_path(example()).expect("example loads");
        let brand = Brand::for_release(&release).expect("brand loads");
        let dir = example().parent().expect("folder").to_path_buf();
        Self { sentences, dir, brand }
    }

    /// The Markdown of release `salt` with `paragraphs` body paragraphs (and
    /// a quote after the third).
    pub fn text(&self, salt: usize, paragraphs: usize) -> String {
        let mut rng = SplitMix(salt as u64);
        let mut body = Vec::new();
        for p in 0..paragraphs {
            let a = &self.sentences[rng.below(self.sentences.len())];
            let b = &self.sentences[rng.below(self.sentences.len())];
            let figure = 12 + rng.below(968);
            body.push(format!(
                "{a} {b} In {}, {figure} cases were reported in region {salt}-{p}.",
                2000 + (salt + p) % 25
            ));
            if p == 2 {
                let quote = &self.sentences[rng.below(self.sentences.len())];
                body.push(format!("> \"{quote}\"\n>\n> — Spokesperson {salt}, ECPAT Belgium"));
            }
        }
        format!(
            "---\nheadline: Report {salt} finds exploitation of children persists\n\
             subheadline: Figures for region {salt} show where national effort falls short\n\
             date: 2026-{:02}-{:02}\ndateline: Brussels, Belgium\n---\n{}\n",
            1 + salt % 12,
            1 + salt % 28,
            body.join("\n\n")
        )
    }

    /// Release `salt`, loaded as if from the example's folder.
    pub fn release(&self, salt: usize, paragraphs: usize) -> Release {
        let origin = Origin::in_dir(format!("r{salt}.md"), self.dir.clone());
        Release::from_text(&self.text(salt, paragraphs), Format::Markdown, origin).expect("release loads")
    }
}

/// A small deterministic generator (SplitMix64): the same salt gives the
/// same release on every run.
struct SplitMix(u64);

impl SplitMix {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        ((z ^ (z >> 31)) % n as u64) as usize
    }
}
