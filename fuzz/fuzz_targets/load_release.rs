//! Any bytes, as a release in any format: a release or an error, never a
//! panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presskit::{Format, Origin, Release};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let format = [Format::Markdown, Format::Yaml, Format::Json, Format::Toml][usize::from(pick % 4)];
    let _ = Release::from_bytes(rest, format, Origin::named("fuzz"));
});
