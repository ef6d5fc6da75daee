//! Any bytes, as a brand file: a brand or an error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use presskit::{Brand, Origin};

fuzz_target!(|data: &[u8]| {
    let _ = Brand::from_bytes(data, Origin::named("_brand.yml"));
});
