//! The library's surface as a front end sees it: its messages name no
//! command-line flag (the CLI adds those from `Error::setting`).

use presskit_tests::path;

/// The string literals of Rust code, each with the line it starts on,
/// without their quotes (escapes kept). Comment lines and `'"'` are skipped.
fn literals(code: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let (mut line, mut in_literal, mut escaped, mut start) = (1, false, false, 0);
    let mut chars = code.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\n' => line += 1,
            '/' if !in_literal && chars.peek().is_some_and(|(_, c)| *c == '/') => {
                // A comment: skip to the end of the line.
                while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                    chars.next();
                }
            }
            '\'' if !in_literal && (code[i..].starts_with("'\"'") || code[i..].starts_with("'\\\"'")) => {
                while chars.next().is_some_and(|(_, c)| c != '"') {}
                chars.next();
            }
            '\\' if in_literal && !escaped => {
                escaped = true;
                continue;
            }
            '"' if !escaped => {
                if in_literal {
                    let first = line - code[start..i].matches('\n').count();
                    found.push((first, &code[start..i]));
                } else {
                    start = i + 1;
                }
                in_literal = !in_literal;
            }
            _ => {}
        }
        escaped = false;
    }
    found
}

/// The `--flags` in text: two dashes and a letter, not an HTML comment.
fn flags(text: &str) -> Vec<&str> {
    text.match_indices("--")
        .filter(|(i, _)| {
            text[i + 2..].starts_with(|c: char| c.is_ascii_lowercase()) && !text[..*i].ends_with("<!")
        })
        .map(|(i, _)| {
            let rest = &text[i..];
            &rest[..rest.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-')).unwrap_or(rest.len())]
        })
        .collect()
}

/// Flags of the stock `typst` command, which the Typst export's README and
/// Typst's own hints name.
const TYPST_FLAGS: [&str; 3] = ["--root", "--font-path", "--ignore-system-fonts"];

/// The `.rs` files under `dir`, in its stage folders too.
fn rust_files(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let file = entry.unwrap().path();
        if file.is_dir() {
            files.extend(rust_files(&file));
        } else if file.extension().is_some_and(|e| e == "rs") {
            files.push(file);
        }
    }
    files
}

#[test]
fn library_messages_name_no_command_line_flag() {
    let mut found = Vec::new();
    for file in rust_files(&path("crates/presskit/src")) {
        let text = std::fs::read_to_string(&file).unwrap();
        // Unit tests may run the CLI's words; the library's code may not.
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (line, literal) in literals(code) {
            for flag in flags(literal).into_iter().filter(|f| !TYPST_FLAGS.contains(f)) {
                found.push(format!("{}:{line}: {flag}", file.display()));
            }
        }
    }
    assert!(found.is_empty(), "flags in library messages:\n{}", found.join("\n"));
}

#[test]
fn the_flag_finder_finds_flags() {
    let code = "// \"--no\"\nf(\"give --from\", '\"', \"x\\\"y\",\n \"a \\\n b\")";
    assert_eq!(literals(code), [(2, "give --from"), (2, "x\\\"y"), (3, "a \\\n b")]);
    assert_eq!(flags("try --to A without --standard and"), ["--to", "--standard"]);
    assert!(flags("<!-- comment --> a -- b").is_empty());
}

/// The library's stages, in pipeline order; files at the top of `src/` are
/// shared by all.
const STAGES: [&str; 6] = ["model", "input", "present", "import", "typeset", "export"];

/// A stage uses only itself, the shared modules and earlier stages: the
/// pipeline runs one way (docs links aside, which are not code).
#[test]
fn each_stage_uses_only_earlier_stages() {
    let src = path("crates/presskit/src");
    let mut backward = Vec::new();
    for file in rust_files(&src) {
        let relative = file.strip_prefix(&src).unwrap();
        let stage = relative.components().next().and_then(|c| c.as_os_str().to_str()).unwrap_or_default();
        // Shared modules are below every stage.
        let own = STAGES.iter().position(|s| *s == stage).map_or(-1, |i| i as isize);
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("//") {
                continue;
            }
            for (i, later) in STAGES.iter().enumerate() {
                if i as isize > own && line.contains(&format!("crate::{later}::")) {
                    backward.push(format!("{}:{}: {stage} uses {later}", relative.display(), n + 1));
                }
            }
        }
    }
    assert!(backward.is_empty(), "backward edges:\n{}", backward.join("\n"));
}
