//! Reading input text: formats, front matter, and turning parser errors into
//! presskit errors that point at file:line:column with a hint.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::de::DeserializeOwned;

use crate::error::{Error, ErrorKind, Location, Result, Setting};
use crate::input::tree;
use crate::model::{Asset, Origin, Places};
use crate::sandbox::{self, Limits, Refusal};

/// The syntax of a piece of structured text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Syntax {
    Yaml,
    Json,
    Toml,
}

/// Front matter and body of a Markdown file.
pub(crate) struct Split<'a> {
    pub syntax: Syntax,
    pub front: &'a str,
    /// Lines before the front matter text (the opening fence).
    pub front_line: usize,
    pub body: &'a str,
    /// Lines before the body.
    pub body_line: usize,
}

/// Splits a Markdown file into front matter and body.
pub(crate) fn split_front_matter<'a>(text: &'a str, origin: &Origin) -> Result<Split<'a>> {
    let first_line = text.lines().next().unwrap_or("").trim_end();
    let (syntax, fence) = match first_line {
        "---" => (Syntax::Yaml, "---"),
        "+++" => (Syntax::Toml, "+++"),
        _ => {
            return Err(Error::new(ErrorKind::Syntax, "the release has no front matter")
                .in_file(&origin.name)
                .at(Some(Location { line: 1, column: 1 }))
                .with_hint(
                    "start the file with a `---` line, the fields (headline, date, …) in YAML, \
                     and another `---` line; the body follows",
                ));
        }
    };
    let front_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut offset = front_start;
    // `line` counts the lines up to and including this one.
    for (line, raw) in (2..).zip(text[front_start..].split_inclusive('\n')) {
        if raw.trim_end() == fence {
            let body_start = offset + raw.len();
            return Ok(Split {
                syntax,
                front: &text[front_start..offset],
                front_line: 1,
                body: &text[body_start..],
                body_line: line,
            });
        }
        offset += raw.len();
    }
    Err(Error::new(ErrorKind::Syntax, format!("the front matter is not closed: no second `{fence}` line"))
        .in_file(&origin.name)
        .at(Some(Location { line: 1, column: 1 }))
        .with_hint(format!("end the front matter with a line that holds only `{fence}`")))
}

/// Reads structured text into `T`, mapping parser errors to presskit errors.
/// `line_offset` is the number of lines before `text` in its file.
pub(crate) fn deserialize<T: DeserializeOwned>(
    text: &str,
    syntax: Syntax,
    origin: &Origin,
    line_offset: usize,
) -> Result<T> {
    let result = match syntax {
        Syntax::Yaml => from_yaml(text),
        // serde_json's data errors are messages only; JSON is read by the
        // YAML reader (JSON is YAML) for typed ones, once serde_json has
        // found it well-formed, so that a syntax error reads as JSON's.
        // (`Value`, not `IgnoredAny`: only decoding the strings finds a
        // lone surrogate escape.)
        Syntax::Json => match serde_json::from_str::<serde_json::Value>(text) {
            Ok(_) => from_yaml(text),
            Err(err) => Err(json_error(&err)),
        },
        Syntax::Toml => tree::from_toml(text).map_err(|err| match err {
            tree::TomlError::Syntax(err) => toml_error(&err, text),
            tree::TomlError::Data(err) => data_error(err),
        }),
    };
    result.map_err(|err| {
        let hint = default_hint(&err, syntax);
        err.shifted(line_offset).in_file(&origin.name).with_hint(hint)
    })
}

fn from_yaml<T: DeserializeOwned>(text: &str) -> Result<T> {
    serde_saphyr::from_str_with_options(text, yaml_options()).map_err(|e| yaml_error(&e))
}

/// A hint for errors that the parsers report without one.
fn default_hint(err: &Error, syntax: Syntax) -> &'static str {
    match (err.kind(), syntax) {
        (ErrorKind::Syntax, Syntax::Yaml) => {
            "check the YAML here: indentation, a missing `:`, or a value with `:`, `#` or brackets that needs quotes"
        }
        (ErrorKind::Syntax, Syntax::Json) => "check the JSON here: quotes, commas and brackets",
        (ErrorKind::Syntax, Syntax::Toml) => "check the TOML here: `key = value`, strings in quotes",
        _ => "correct the value at this place",
    }
}

/// A value of the wrong type or form: "invalid type: integer `5`,
/// expected a string", with the hint to write what was expected.
fn invalid(what: &str, found: &str, expected: &str) -> Error {
    Error::new(ErrorKind::InvalidValue, format!("{what}: {found}, expected {expected}"))
        .with_hint(format!("write {expected} here"))
}

fn unknown_value(value: &str, expected: &[&str]) -> Error {
    Error::new(
        ErrorKind::InvalidValue,
        format!("unknown value `{value}`, expected one of: {}", expected.join(", ")),
    )
    .with_hint("use one of the values listed")
}

/// A value that does not fit the model, as the TOML reader found it.
fn data_error(err: tree::DeError) -> Error {
    use tree::DeErrorKind as K;
    let out = match &err.what {
        K::UnknownField { field, expected } => unknown_field(field, expected),
        K::MissingField(field) => missing_field(field),
        K::UnknownVariant { variant, expected } => unknown_value(variant, expected),
        K::Invalid { found, expected } => invalid("invalid value", found, expected),
        K::Custom(message) => Error::new(ErrorKind::InvalidValue, message.clone()),
    };
    out.at(err.at)
}

pub(crate) fn yaml_options() -> serde_saphyr::Options {
    let mut options = serde_saphyr::Options::default();
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options
}

fn yaml_error(err: &serde_saphyr::Error) -> Error {
    let location = err.location().and_then(yaml_location);
    use serde_saphyr::Error as E;
    let inner = err.without_snippet();
    let message = inner.to_string();
    let message = strip_location(&message);
    let err = match inner {
        E::SerdeUnknownField { field, expected, .. } => unknown_field(field, expected),
        E::SerdeMissingField { field, .. } => missing_field(field),
        E::SerdeUnknownVariant { variant, expected, .. } => unknown_value(variant, expected),
        E::SerdeInvalidType { unexpected, expected, .. } => invalid("invalid type", unexpected, expected),
        E::SerdeInvalidValue { unexpected, expected, .. } => invalid("invalid value", unexpected, expected),
        // A structure where a value belongs: a list for a text, say.
        E::Unexpected { expected, .. } => {
            let what = expected.trim_end_matches(" scalar");
            Error::new(ErrorKind::InvalidValue, format!("wrong type here: expected a {what}"))
                .with_hint(format!("write a {what} here; quote text that starts with `[`, `{{`, `&` or `*`"))
        }
        // serde-saphyr's own texts for these speak to Rust programmers
        // ("use Option<String>", "set DuplicateKeyPolicy").
        E::NullIntoString { .. } => Error::new(ErrorKind::InvalidValue, "this value is empty")
            .with_hint("write the text here, or remove the line"),
        E::DuplicateMappingKey { key, .. } => Error::new(
            ErrorKind::InvalidValue,
            match key {
                Some(key) => format!("`{key}` is given twice"),
                None => "a key is given twice".to_string(),
            },
        )
        .with_hint("keep one of the two"),
        E::MultipleDocuments { .. } => {
            Error::new(ErrorKind::Syntax, "the file holds more than one YAML document (a second `---` line)")
                .with_hint("keep one document: remove the `---` line and what follows, or merge them")
        }
        E::Budget { .. } | E::AliasReplayLimitExceeded { .. } | E::AliasExpansionLimitExceeded { .. } => {
            Error::new(ErrorKind::InvalidValue, "the YAML is too large, too deeply nested or repeats aliases too often")
                .with_hint("a release or brand is a short file: write the values out, without deep nesting or many `*aliases`")
        }
        E::Message { .. }
        | E::SerdeInvalidLength { .. }
        | E::InvalidScalar { .. }
        | E::InvalidBooleanStrict { .. }
        | E::NonFiniteFloat { .. } => Error::new(ErrorKind::InvalidValue, message),
        _ => Error::new(ErrorKind::Syntax, format!("invalid YAML: {message}")),
    };
    err.at(location)
}

/// A YAML parser location as presskit's, if it is known.
pub(crate) fn yaml_location(loc: serde_saphyr::Location) -> Option<Location> {
    (loc.line() > 0).then(|| Location { line: loc.line() as usize, column: loc.column().max(1) as usize })
}

/// A trimmed string, or nothing if it is empty.
pub(crate) fn nonempty(text: Option<String>) -> Option<String> {
    text.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// A JSON syntax error (the data is read as YAML, see [`deserialize`]).
fn json_error(err: &serde_json::Error) -> Error {
    let location = (err.line() > 0).then(|| Location { line: err.line(), column: err.column().max(1) });
    let message = err.to_string();
    let message = strip_location(&message);
    Error::new(ErrorKind::Syntax, format!("invalid JSON: {message}")).at(location)
}

/// A TOML syntax error (its data errors are [`data_error`]s).
fn toml_error(err: &toml::de::Error, text: &str) -> Error {
    let location = err.span().map(|span| Location::from_offset(text, span.start));
    Error::new(ErrorKind::Syntax, format!("invalid TOML: {}", err.message().trim())).at(location)
}

/// Removes a trailing " at line X column Y" that some parsers append: the
/// location is reported separately.
fn strip_location(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains(" column ") => &message[..i],
        _ => message,
    }
}

/// "unknown field `headlne`, did you mean `headline`?"
pub(crate) fn unknown_field(field: &str, expected: &[&str]) -> Error {
    let mut message = format!("unknown field `{field}`");
    if let Some(best) = suggest(field, expected) {
        message.push_str(&format!(", did you mean `{best}`?"));
    }
    let hint = if expected.is_empty() {
        "remove it: nothing is expected here".to_string()
    } else {
        format!("the fields allowed here are: {}", expected.join(", "))
    };
    Error::new(ErrorKind::UnknownField, message).with_hint(hint)
}

fn missing_field(field: &str) -> Error {
    Error::new(ErrorKind::MissingField, format!("missing required field `{field}`"))
        .with_hint(format!("add `{field}: …`"))
}

/// The closest of `candidates` to `word`, if one is close enough to be a typo.
pub(crate) fn suggest<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    let norm = |s: &str| s.to_lowercase().replace('-', "_");
    let word = norm(word);
    candidates
        .iter()
        .map(|&c| (c, strsim::damerau_levenshtein(&word, &norm(c))))
        .filter(|&(c, d)| d <= (c.chars().count() / 3).max(2))
        .min_by_key(|&(_, d)| d)
        .map(|(c, _)| c)
}

/// Strips a UTF-8 byte order mark.
pub(crate) fn strip_bom(text: &str) -> &str {
    text.strip_prefix('\u{feff}').unwrap_or(text)
}

/// Reads a text input file, of at most `limits.max_input_bytes`.
pub(crate) fn read_text(path: &Path, limits: &Limits) -> Result<String> {
    let file = crate::sandbox::open_regular(path).map_err(|err| io_error(path, &err))?;
    read_text_from(file, path, limits)
}

/// Reads a text input file another input names (a brand, translation or
/// kit document), from what was checked inside the sandbox.
pub(crate) fn read_resolved_text(path: &ResolvedPath, limits: &Limits) -> Result<String> {
    let file = path.open().map_err(|err| io_error(&path.shown, &err))?;
    read_text_from(file, &path.shown, limits)
}

fn read_text_from(file: std::fs::File, name: &Path, limits: &Limits) -> Result<String> {
    let mut bytes = Vec::new();
    file.take(limits.max_input_bytes as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|err| io_error(name, &err))?;
    check_input_size(bytes.len(), name, limits)?;
    text_from_bytes(bytes, name)
}

/// The most combining marks one character may carry: the Stream-Safe Text
/// Format's limit (UAX #15). Real text needs a few; thousands on one letter
/// made text shaping take gigabytes.
pub(crate) const MAX_COMBINING_MARKS: usize = 30;

/// Refuses text that no real release holds: a control character (other
/// than tab and line ends), and, since it costs layout far more than its
/// size, a character with more than [`MAX_COMBINING_MARKS`] combining
/// marks. The error points at the character.
pub(crate) fn check_text(text: &str, name: &Path) -> Result<()> {
    let mut run = 0;
    for (offset, c) in text.char_indices() {
        // A control character prints nothing, or a box: refused, as a
        // slip from copying out of another program.
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("the text holds the control character U+{:04X}, which prints nothing", c as u32),
            )
            .in_file(name)
            .at(Some(Location::from_offset(text, offset)))
            .with_hint("remove it; such characters come from copying out of other programs"));
        }
        let mark = unicode_normalization::char::is_combining_mark(c)
            || unicode_normalization::char::canonical_combining_class(c) != 0;
        // Joiners and variation selectors stay in the same cluster: they
        // neither count nor end a run.
        let joins =
            matches!(c, '\u{200c}' | '\u{200d}' | '\u{fe00}'..='\u{fe0f}' | '\u{e0100}'..='\u{e01ef}');
        run = if mark {
            run + 1
        } else if joins {
            run
        } else {
            0
        };
        if run > MAX_COMBINING_MARKS {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("a character carries more than {MAX_COMBINING_MARKS} combining marks"),
            )
            .in_file(name)
            .at(Some(Location::from_offset(text, offset)))
            .with_hint("a letter takes a few accents at most; remove the repeated marks"));
        }
    }
    Ok(())
}

/// Refuses an input text over the limit.
pub(crate) fn check_input_size(len: usize, name: &Path, limits: &Limits) -> Result<()> {
    if len > limits.max_input_bytes {
        return Err(Error::new(
            ErrorKind::InvalidValue,
            format!("the file is larger than {} MB", limits.max_input_bytes / 1_000_000),
        )
        .in_file(name)
        .with_hint("a release is text of a few pages; raise `Limits::max_input_bytes` if this one is real"));
    }
    Ok(())
}

/// Checks that input bytes are UTF-8; the error points at the first bad byte.
pub(crate) fn text_from_bytes(bytes: Vec<u8>, name: &Path) -> Result<String> {
    String::from_utf8(bytes).map_err(|err| {
        let bytes = err.as_bytes();
        let valid = err.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&bytes[..valid]);
        Error::new(ErrorKind::Io, "the file is not valid UTF-8 text")
            .in_file(name)
            .at(Some(Location::from_offset(&text, valid)))
            .with_hint("save the file as UTF-8")
    })
}

pub(crate) fn io_error(path: &Path, err: &std::io::Error) -> Error {
    let hint = match err.kind() {
        std::io::ErrorKind::NotFound => {
            "check the path; relative paths start at the folder of the file that names them"
        }
        std::io::ErrorKind::PermissionDenied => "check the file's permissions",
        _ => "check that the path names a readable file",
    };
    Error::new(ErrorKind::Io, format!("cannot read the file: {}", io_message(err)))
        .in_file(path)
        .with_hint(hint)
}

/// The OS message without Rust's " (os error 2)" tail.
pub(crate) fn io_message(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// Reads a file that an input names (image, font), resolving relative paths
/// against the input's directory, inside its sandbox. Errors name the input
/// file and `location`.
pub(crate) fn read_asset(
    origin: &Origin,
    name: &str,
    what: &str,
    location: Option<Location>,
) -> Result<Asset> {
    let fail = |message: String, hint: String| {
        Error::new(ErrorKind::Io, message).in_file(&origin.name).at(location).with_hint(hint)
    };
    let limit = origin.sandbox.limits.max_asset_bytes;
    if let Some(data) = origin.files.as_ref().and_then(|files| files.get(name)) {
        if data.len() as u64 > limit {
            return Err(fail(
                format!("the {what} `{name}` is larger than {} MB", limit / 1_000_000),
                format!("use a smaller {what}, or raise the limit (`Limits::max_asset_bytes`)"),
            ));
        }
        return Ok(Asset { name: name.to_string(), data: Arc::clone(data), path: None });
    }
    let path = resolve(origin, name, what, location)?;
    let data = path.open().and_then(|file| {
        let mut data = Vec::new();
        // One byte over the limit tells that the file is too large.
        file.take(limit.saturating_add(1)).read_to_end(&mut data)?;
        Ok(data)
    });
    match data {
        Ok(data) if data.len() as u64 > limit => Err(fail(
            format!("the {what} `{name}` is larger than {} MB", limit / 1_000_000),
            format!("use a smaller {what}, or raise the limit (`Limits::max_asset_bytes`)"),
        )),
        Ok(data) => Ok(Asset { name: name.to_string(), data: Arc::from(data), path: Some(path.real) }),
        Err(err) if err.kind() == std::io::ErrorKind::InvalidInput => Err(fail(
            format!("the {what} `{name}` is not a regular file"),
            "name a file, not a pipe, device or folder".into(),
        )),
        Err(err) => Err(fail(
            format!("cannot read the {what} `{name}` ({}: {})", path.shown.display(), io_message(&err)),
            "check that the path names a readable file".into(),
        )),
    }
}

/// Reads an image an input names unless one of `known` is the same file
/// under another spelling (`./a.png`, `x/../a.png`): then its bytes are
/// shared, not read again. The distinct images of one input are held to
/// `Limits::max_total_image_bytes` together.
pub(crate) fn read_image_among(
    origin: &Origin,
    name: &str,
    location: Option<Location>,
    known: &[Asset],
) -> Result<Asset> {
    let in_memory = origin.files.as_ref().is_some_and(|files| files.get(name).is_some());
    if !in_memory {
        let path = resolve(origin, name, "image", location)?;
        if let Some(same) = known.iter().find(|a| a.path.as_deref() == Some(path.real.as_path())) {
            return Ok(Asset {
                name: name.to_string(),
                data: Arc::clone(&same.data),
                path: same.path.clone(),
            });
        }
    }
    let asset = read_asset(origin, name, "image", location)?;
    let mut seen = std::collections::HashSet::new();
    let together: u64 = known
        .iter()
        .chain(std::iter::once(&asset))
        .filter(|a| seen.insert(Arc::as_ptr(&a.data).cast::<u8>()))
        .map(|a| a.data.len() as u64)
        .sum();
    let limit = origin.sandbox.limits.max_total_image_bytes;
    if together > limit {
        return Err(Error::new(
            ErrorKind::Io,
            format!("the images of this file are larger than {} together", size_text(limit)),
        )
        .in_file(&origin.name)
        .at(location)
        .with_hint("use fewer or smaller images (a release is read on screen and printed at A4), or raise `Limits::max_total_image_bytes`"));
    }
    Ok(asset)
}

/// Where a scalar value (a path, a family name) stands in the file an
/// input was loaded from, for errors found after parsing: in a field named
/// `key` if one holds it, else anywhere.
pub(crate) fn locate_value(origin: &Origin, key: &str, value: &str) -> Option<Location> {
    origin.places.as_ref()?.value(key, value)
}

/// Notes where the fields of structured `text` stand (see [`Places`]);
/// `line_offset` is the number of lines before it in its file, `size` the
/// whole file's.
pub(crate) fn places(text: &str, syntax: Syntax, line_offset: usize, size: usize) -> Places {
    Places { fields: tree::fields(text, syntax, line_offset), size: size as u64, ..Places::default() }
}

/// A byte count as people read it: `256 MB`, `30 KB`.
fn size_text(bytes: u64) -> String {
    if bytes >= 1_000_000 {
        format!("{} MB", bytes / 1_000_000)
    } else {
        format!("{} KB", bytes.div_ceil(1000))
    }
}

/// A path an input names: as joined (for messages) and as found on disk.
pub(crate) struct ResolvedPath {
    pub shown: PathBuf,
    pub real: PathBuf,
    found: sandbox::Found,
}

impl ResolvedPath {
    /// Opens the file that was checked (see [`sandbox::Found::open`]).
    pub(crate) fn open(&self) -> std::io::Result<std::fs::File> {
        self.found.open()
    }
}

/// Resolves a path an input names, inside the input's sandbox.
pub(crate) fn resolve(
    origin: &Origin,
    name: &str,
    what: &str,
    location: Option<Location>,
) -> Result<ResolvedPath> {
    let fail = |message: String, hint: String| {
        Error::new(ErrorKind::Io, message).in_file(&origin.name).at(location).with_hint(hint)
    };
    if name.trim().is_empty() {
        return Err(fail(format!("the {what} path is empty"), format!("give the path of the {what} file")));
    }
    let Some(dir) = &origin.dir else {
        if origin.files.is_some() {
            return Err(fail(
                format!("the {what} `{name}` is not among the files given with this input"),
                format!("give the {what} with the input under that name"),
            ));
        }
        return Err(fail(
            format!("cannot read the {what} `{name}`: this input was given as text with no folder"),
            "load the input from a file, or set its origin folder".into(),
        ));
    };
    match sandbox::resolve(dir, name, &origin.sandbox.allowed_dirs) {
        Ok(found) => Ok(ResolvedPath { shown: found.joined.clone(), real: found.real.clone(), found }),
        Err(Refusal::Url) => Err(fail(
            format!("the {what} `{name}` is a URL; presskit reads only local files"),
            format!("download the {what} and name the local file"),
        )),
        Err(Refusal::Absolute) => Err(fail(
            format!(
                "the {what} path `{name}` is absolute; paths must be relative to {}",
                origin_dir_text(origin)
            ),
            format!("name the {what} relative to the file that names it"),
        )),
        Err(Refusal::Outside) => Err(fail(
            format!(
                "the {what} `{name}` is outside the folders presskit may read ({})",
                origin_dir_text(origin)
            ),
            "move the file into that folder, or allow its folder".into(),
        )
        .for_setting(Setting::AllowedFolders)),
        Err(Refusal::Io(err)) => Err(fail(
            format!("cannot read the {what} `{name}` ({}: {})", dir.join(name).display(), io_message(&err)),
            format!("check the path: it is relative to {}", origin_dir_text(origin)),
        )),
    }
}

fn origin_dir_text(origin: &Origin) -> String {
    match &origin.dir {
        Some(dir) if dir.as_os_str().is_empty() => "the current folder".into(),
        Some(dir) => format!("the folder {}", dir.display()),
        None => "nothing".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Doc {
        headline: String,
        #[serde(default)]
        count: u32,
    }

    fn origin() -> Origin {
        Origin::named("r.md")
    }

    #[test]
    fn yaml_alias_bombs_are_refused() {
        // "Billion laughs": nine levels of nine aliases, 387 million strings.
        let mut yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n".to_string();
        for (name, prev) in "bcdefghi".chars().zip("abcdefgh".chars()) {
            yaml.push_str(&format!("{name}: &{name} [{}]\n", vec![format!("*{prev}"); 9].join(", ")));
        }
        let result: std::result::Result<serde::de::IgnoredAny, _> =
            serde_saphyr::from_str_with_options(&yaml, yaml_options());
        let err = result.expect_err("the expansion is refused").to_string();
        assert!(err.contains("budget") || err.contains("limit"), "{err}");
    }

    #[test]
    fn suggestions_catch_typos() {
        let fields = ["headline", "subheadline", "date", "notes_to_editors"];
        assert_eq!(suggest("headlne", &fields), Some("headline"));
        assert_eq!(suggest("notes-to-editors", &fields), Some("notes_to_editors"));
        assert_eq!(suggest("dat", &fields), Some("date"));
        assert_eq!(suggest("completely_else", &fields), None);
    }

    #[test]
    fn front_matter_yaml_and_toml() {
        let split = split_front_matter("---\na: 1\n---\nBody\n", &origin()).ok().unwrap();
        assert_eq!(
            (split.syntax, split.front, split.body, split.body_line),
            (Syntax::Yaml, "a: 1\n", "Body\n", 3)
        );
        let split = split_front_matter("+++\r\na = 1\r\n+++\r\nBody", &origin()).ok().unwrap();
        assert_eq!((split.syntax, split.front, split.body), (Syntax::Toml, "a = 1\r\n", "Body"));
        let err = split_front_matter("---\na: 1\n", &origin()).err().unwrap();
        assert!(err.message().contains("not closed"));
        let err = split_front_matter("# Title\n", &origin()).err().unwrap();
        assert!(err.message().contains("no front matter"));
    }

    #[test]
    fn unknown_field_errors_in_every_syntax() {
        let cases = [
            (Syntax::Yaml, "headline: x\nheadlne: y\n", 2),
            (Syntax::Json, "{\"headline\": \"x\",\n \"headlne\": 1}", 2),
            (Syntax::Toml, "headline = \"x\"\nheadlne = 1\n", 2),
        ];
        for (syntax, text, line) in cases {
            let err = deserialize::<Doc>(text, syntax, &origin(), 1).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::UnknownField, "{syntax:?}: {err}");
            assert!(err.message().contains("did you mean `headline`?"), "{syntax:?}: {err}");
            assert_eq!(err.location().map(|l| l.line), Some(line + 1), "{syntax:?}: {err}");
            assert_eq!(err.file(), Some(Path::new("r.md")));
        }
    }

    #[test]
    fn missing_field_and_bad_types() {
        for (syntax, text) in
            [(Syntax::Yaml, "count: 1\n"), (Syntax::Json, "{\"count\": 1}"), (Syntax::Toml, "count = 1")]
        {
            let err = deserialize::<Doc>(text, syntax, &origin(), 0).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::MissingField, "{syntax:?}: {err}");
            assert!(err.message().contains("`headline`"));
        }
        for (syntax, text) in [
            (Syntax::Yaml, "headline: x\ncount: many\n"),
            (Syntax::Json, "{\"headline\": \"x\", \"count\": \"many\"}"),
            (Syntax::Toml, "headline = \"x\"\ncount = \"many\""),
        ] {
            let err = deserialize::<Doc>(text, syntax, &origin(), 0).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidValue, "{syntax:?}: {err}");
            assert!(err.location().is_some(), "{syntax:?}: {err}");
        }
    }

    #[test]
    fn syntax_errors_are_located() {
        for (syntax, text, line) in [
            (Syntax::Yaml, "headline: x\n  bad: [\n", 2),
            (Syntax::Json, "{\"headline\": \"x\",\n\n}", 3),
            (Syntax::Toml, "headline = \"x\"\nthis is not toml\n", 2),
        ] {
            let err = deserialize::<Doc>(text, syntax, &origin(), 0).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Syntax, "{syntax:?}: {err}");
            assert_eq!(err.location().map(|l| l.line), Some(line), "{syntax:?}: {err}");
        }
    }

    #[test]
    fn duplicate_yaml_keys_are_errors() {
        let err = deserialize::<Doc>("headline: a\nheadline: b\n", Syntax::Yaml, &origin(), 0).unwrap_err();
        assert!(err.message().contains("headline"), "{err}");
    }
}
