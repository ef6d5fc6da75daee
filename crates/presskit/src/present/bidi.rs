//! Keeping explicit bidirectional controls inside the text that holds them.
//! An unclosed right-to-left override in a dateline would otherwise reverse
//! the body it is run into: user text could change the layout around it.

use std::borrow::Cow;

const LRE: char = '\u{202A}';
const RLE: char = '\u{202B}';
const PDF: char = '\u{202C}';
const LRO: char = '\u{202D}';
const RLO: char = '\u{202E}';
const LRI: char = '\u{2066}';
const RLI: char = '\u{2067}';
const FSI: char = '\u{2068}';
const PDI: char = '\u{2069}';

/// The text with every embedding, override and isolate it opens closed at
/// its end, and every closer it has no opener for dropped. Inside the text
/// the controls act as Unicode says; outside it they do nothing.
pub(crate) fn contain(text: &str) -> Cow<'_, str> {
    if !text.contains(|c| matches!(c, LRE..=RLO | LRI..=PDI)) {
        return Cow::Borrowed(text);
    }
    // true: an isolate (closed by PDI); false: an embedding or override
    // (closed by PDF).
    let mut open: Vec<bool> = Vec::new();
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            LRE | RLE | LRO | RLO => open.push(false),
            LRI | RLI | FSI => open.push(true),
            // A PDF closes an embedding opened inside the current isolate.
            PDF if open.last() == Some(&false) => {
                open.pop();
            }
            PDF => continue,
            // A PDI closes its isolate and what was opened inside it.
            PDI if open.contains(&true) => while open.pop() == Some(false) {},
            PDI => continue,
            _ => {}
        }
        out.push(c);
    }
    while let Some(isolate) = open.pop() {
        out.push(if isolate { PDI } else { PDF });
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_are_balanced() {
        assert!(matches!(contain("plain text"), Cow::Borrowed(_)));
        assert_eq!(contain("\u{202E}abc"), "\u{202E}abc\u{202C}");
        assert_eq!(contain("a\u{2067}b\u{202B}c"), "a\u{2067}b\u{202B}c\u{202C}\u{2069}");
        // Closers without openers are dropped.
        assert_eq!(contain("x\u{202C}\u{2069}y"), "xy");
        // A PDI closes embeddings opened inside its isolate.
        assert_eq!(contain("\u{2068}\u{202E}a\u{2069}b"), "\u{2068}\u{202E}a\u{2069}b");
        // A PDF cannot close an embedding from outside an isolate.
        assert_eq!(contain("\u{202B}\u{2066}\u{202C}"), "\u{202B}\u{2066}\u{2069}\u{202C}");
    }
}
