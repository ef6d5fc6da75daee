//! Writing outputs safely: to a temporary file beside the target, renamed
//! into place, so that a failure never leaves a partial file and an input is
//! never overwritten; to standard output; and the words that tell people
//! what was written (sizes, counts).

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::Failure;

/// Every file a render of `release` in `brand` reads, with the files
/// `named` on the command line: what no output may replace.
pub fn input_files(release: &presskit::Release, brand: &presskit::Brand, named: &[&Path]) -> Vec<PathBuf> {
    named.iter().map(|p| p.to_path_buf()).chain(release.files()).chain(brand.files()).collect()
}

/// Refuses an output that is one of the inputs.
pub fn check_not_input(output: &Path, inputs: &[&Path]) -> Result<(), Failure> {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    if inputs.iter().any(|input| same(input, output)) {
        return Err(Failure::new(
            format!("{}: the output is the same file as an input", output.display()),
            "choose another output path with -o",
        ));
    }
    Ok(())
}

/// Writes to a temporary file beside the target, then renames it into place.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    write_all_or_none([(path, bytes)])
}

/// Writes several files as one: each to a temporary file beside its target
/// first, and only when all are written are they renamed into place. A
/// failure to write (a full disk, say) leaves every old file as it was; the
/// renames that follow do not fail in practice (same folder, same disk).
pub fn write_all_or_none<'a>(files: impl IntoIterator<Item = (&'a Path, &'a [u8])>) -> Result<(), Failure> {
    let mut written = Vec::new();
    for (path, bytes) in files {
        written.push((temp_beside(path, bytes)?, path));
    }
    for (temp, path) in written {
        temp.persist(path).map_err(|err| write_failure(path, &err.error))?;
    }
    Ok(())
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

fn write_failure(path: &Path, err: &std::io::Error) -> Failure {
    let dir = folder_of(path);
    Failure::new(
        format!("{}: cannot write the output: {}", path.display(), plain_io(err)),
        if dir.is_dir() {
            "check that the folder is writable".to_string()
        } else {
            format!("create the folder {} first", dir.display())
        },
    )
}

/// `bytes` in a new temporary file in `path`'s folder, removed when dropped.
fn temp_beside(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Failure> {
    let fail = |err: std::io::Error| write_failure(path, &err);
    let mut builder = tempfile::Builder::new();
    builder.prefix(".presskit-").suffix(".tmp");
    // Temporary files are private (0600); outputs are ordinary files.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut file = builder.tempfile_in(folder_of(path)).map_err(fail)?;
    file.write_all(bytes).and_then(|()| file.as_file().sync_all()).map_err(fail)?;
    Ok(file)
}

/// Pages of an earlier, longer set written to `base` (`name-4.png` after a
/// render of three pages), left beside the new set: they are told, not
/// removed, since a file of that name may be the user's own.
pub fn stale_pages(base: &Path, pages: usize) -> Vec<PathBuf> {
    if pages <= 1 {
        return Vec::new();
    }
    (pages + 1..).map(|n| page_path(base, n, 2)).take_while(|p| p.is_file()).collect()
}

/// Page `n` of `total` written to `base`: the name itself for one page,
/// else `name-1.png`, `name-2.png`, …
pub fn page_path(base: &Path, n: usize, total: usize) -> PathBuf {
    if total <= 1 {
        return base.to_path_buf();
    }
    let stem = base.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let ext = base.extension().map(|e| format!(".{}", e.to_string_lossy())).unwrap_or_default();
    base.with_file_name(format!("{stem}-{n}{ext}"))
}

/// Writes `bytes` to standard output; a closed pipe is not an error.
pub fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(bytes).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (e.g. `| head`) is the reader's choice, not an error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(err) => Err(Failure::new(
            format!("cannot write to standard output: {}", plain_io(&err)),
            "check the pipe",
        )),
    }
}

/// An I/O error without Rust's "(os error N)".
pub fn plain_io(err: &std::io::Error) -> String {
    let text = err.to_string();
    match text.find(" (os error") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}

/// A size for people: `812 B`, `40 KB`, `1.2 MB` (powers of 1000).
pub fn human_size(bytes: u64) -> String {
    match bytes {
        0..1_000 => format!("{bytes} B"),
        1_000..1_000_000 => format!("{} KB", bytes.div_ceil(1_000)),
        _ => format!("{:.1} MB", bytes as f64 / 1e6),
    }
}

/// `1 release`, `3 releases`.
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

/// Parses a size like `2MB`, `500 KB`, `1.5M`, `3MiB` or `200000`.
pub fn parse_size(text: &str) -> Result<u64, String> {
    let lower = text.trim().to_ascii_lowercase();
    let split = lower.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(lower.len());
    let (number, unit) = lower.split_at(split);
    let number: f64 = number.parse().map_err(|_| format!("`{text}` is not a size like 2MB or 500KB"))?;
    let factor = match unit.trim() {
        "" | "b" => 1.0,
        "k" | "kb" => 1e3,
        "m" | "mb" => 1e6,
        "g" | "gb" => 1e9,
        "kib" => 1024.0,
        "mib" => 1024.0 * 1024.0,
        "gib" => 1024.0 * 1024.0 * 1024.0,
        _ => return Err(format!("`{text}` has an unknown unit; use B, KB, MB, KiB or MiB")),
    };
    let bytes = number * factor;
    if !(bytes.is_finite() && bytes >= 1.0) {
        return Err(format!("`{text}` is not a size above zero"));
    }
    Ok(bytes as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("2MB"), Ok(2_000_000));
        assert_eq!(parse_size("500 kb"), Ok(500_000));
        assert_eq!(parse_size("1.5M"), Ok(1_500_000));
        assert_eq!(parse_size("1MiB"), Ok(1_048_576));
        assert_eq!(parse_size("1234"), Ok(1234));
        assert!(parse_size("2 parsecs").is_err());
        assert!(parse_size("MB").is_err());
        assert!(parse_size("0").is_err());
        assert_eq!(human_size(812), "812 B");
        assert_eq!(human_size(40_564), "41 KB");
        assert_eq!(human_size(1_234_567), "1.2 MB");
    }

    #[test]
    fn pages_get_numbers_when_there_are_several() {
        assert_eq!(page_path(Path::new("out/r.png"), 1, 1), Path::new("out/r.png"));
        assert_eq!(page_path(Path::new("out/r.png"), 2, 3), Path::new("out/r-2.png"));
    }
}
