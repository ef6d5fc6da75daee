//! What inputs may read, and how large they may be. Inputs may come from a
//! web form: a path in a release or brand reaches only files inside the
//! folders allowed, and every size has a limit that a real release never
//! meets.

use std::path::{Component, Path, PathBuf};

/// The folders inputs may read from and the limits they must keep. Every
/// path an input names resolves against the folder of the file that names
/// it, and must stay inside that folder or one of `allowed_dirs`, after
/// symbolic links are followed. Absolute paths and URLs are refused.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Sandbox {
    /// Folders besides the naming file's own whose files may be named.
    pub allowed_dirs: Vec<PathBuf>,
    /// Size limits.
    pub limits: Limits,
}

impl Sandbox {
    /// The sandbox with one more allowed folder.
    pub fn allowing(mut self, dir: impl Into<PathBuf>) -> Self {
        self.allowed_dirs.push(dir.into());
        self
    }
}

/// Size limits on inputs. The defaults never bother a real release; they
/// stop a hostile input from costing memory or time. Markdown nesting has a
/// fixed limit, [`crate::markdown::MAX_NESTING`], set by the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Limits {
    /// Largest release or brand file, in bytes. Default: 4 MB.
    pub max_input_bytes: usize,
    /// Largest image or font file, in bytes. Default: 64 MB.
    pub max_asset_bytes: u64,
    /// Largest sum of the distinct image files one release or brand file
    /// names, in bytes. Default: 256 MB.
    pub max_total_image_bytes: u64,
    /// Most footnotes in one text. Default: 500.
    pub max_footnotes: usize,
    /// Most references to footnotes in one text, repeated ones included.
    /// Default: 1,000.
    pub max_footnote_refs: usize,
    /// Most blocks (paragraphs, headings, list items, quotes, code blocks)
    /// in one text. Default: 10,000 (a 1 MB body holds about 1,300).
    pub max_blocks: usize,
    /// Most hard line breaks in one text. Default: 10,000.
    pub max_line_breaks: usize,
    /// Longest paragraph, heading or code block, in bytes. Default: 100 KB.
    pub max_block_bytes: usize,
    /// Largest image width or height, in pixels. Default: 20,000.
    pub max_image_side: u32,
    /// Largest decoded image, in bytes (4 a pixel). Default: 512 MiB, about
    /// 134 megapixels.
    pub max_image_bytes: u64,
    /// Largest SVG file, in bytes. Default: 8 MB.
    pub max_svg_bytes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_input_bytes: 4_000_000,
            max_asset_bytes: 64_000_000,
            max_total_image_bytes: 256_000_000,
            max_footnotes: 500,
            max_footnote_refs: 1_000,
            max_blocks: 10_000,
            max_line_breaks: 10_000,
            max_block_bytes: 100_000,
            max_image_side: 20_000,
            max_image_bytes: 512 * 1024 * 1024,
            max_svg_bytes: 8_000_000,
        }
    }
}

/// Why a path was refused.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// A URL: presskit reads only local files.
    Url,
    /// An absolute path.
    Absolute,
    /// Outside the allowed folders (by `..` or a symbolic link).
    Outside,
    /// The file cannot be found or read.
    Io(std::io::Error),
}

/// Opens an input file for reading, if it is a regular file: a FIFO, a
/// device or a folder is refused without waiting on it (a FIFO blocks its
/// reader until a writer comes). On Unix a last component that has become
/// a symbolic link since it was resolved is refused too.
pub(crate) fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    #[cfg(unix)]
    let file: std::fs::File = {
        use rustix::fs::{Mode, OFlags};
        let flags = OFlags::RDONLY | OFlags::NONBLOCK | OFlags::NOFOLLOW | OFlags::CLOEXEC | OFlags::NOCTTY;
        rustix::fs::open(path, flags, Mode::empty())?.into()
    };
    #[cfg(not(unix))]
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, NOT_REGULAR));
    }
    Ok(file)
}

/// The message of [`open_regular`]'s refusal.
pub(crate) const NOT_REGULAR: &str = "not a regular file";

/// A file an input names, found inside the sandbox.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    /// The path as joined from the naming file's folder (for messages).
    pub joined: PathBuf,
    /// The real path, with no `..` and no symbolic link in it.
    pub real: PathBuf,
    /// The allowed folder (canonical) that holds `real`.
    root: PathBuf,
}

impl Found {
    /// Opens the file that was checked, as [`open_regular`] does, by walking
    /// from its allowed folder one component at a time without following a
    /// symbolic link: a folder on the way swapped for a link after the
    /// check makes the open fail instead of reading what the link leads to.
    pub(crate) fn open(&self) -> std::io::Result<std::fs::File> {
        #[cfg(unix)]
        {
            use rustix::fs::{Mode, OFlags};
            let rest = self.real.strip_prefix(&self.root).map_err(|_| moved())?;
            let base = OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC;
            // Folders on the way need only be searchable, not readable.
            #[cfg(any(target_os = "linux", target_os = "android"))]
            let folder = OFlags::DIRECTORY | OFlags::PATH;
            #[cfg(not(any(target_os = "linux", target_os = "android")))]
            let folder = OFlags::DIRECTORY;
            let mut fd = rustix::fs::open(&self.root, base | folder, Mode::empty())?;
            let mut parts = rest.components().peekable();
            while let Some(part) = parts.next() {
                let Component::Normal(name) = part else { return Err(moved()) };
                let flags = if parts.peek().is_some() { folder } else { OFlags::NONBLOCK | OFlags::NOCTTY };
                fd = rustix::fs::openat(&fd, name, base | flags, Mode::empty()).map_err(|err| {
                    if err == rustix::io::Errno::LOOP || err == rustix::io::Errno::NOTDIR {
                        moved()
                    } else {
                        err.into()
                    }
                })?;
            }
            let file = std::fs::File::from(fd);
            if !file.metadata()?.is_file() {
                return Err(std::io::Error::new(std::io::ErrorKind::InvalidInput, NOT_REGULAR));
            }
            Ok(file)
        }
        #[cfg(not(unix))]
        open_regular(&self.real)
    }
}

/// A path that changed between its check and its opening.
#[cfg(unix)]
fn moved() -> std::io::Error {
    std::io::Error::other("a folder on its path became a symbolic link while presskit read it")
}

/// Resolves `name` against `dir` and checks that the file it names lies in
/// `dir` or one of `allowed`, after `..` and symbolic links. Read it with
/// [`Found::open`]: on Unix that reads what was checked (elsewhere it opens
/// the real path again).
pub(crate) fn resolve(dir: &Path, name: &str, allowed: &[PathBuf]) -> Result<Found, Refusal> {
    if name.contains("://") || name.starts_with("data:") {
        return Err(Refusal::Url);
    }
    let path = Path::new(name);
    // `C:foo` and `\\server\share` are absolute in spirit on any system.
    if path.is_absolute()
        || name.starts_with(['/', '\\'])
        || path.components().any(|c| matches!(c, Component::Prefix(_)))
    {
        return Err(Refusal::Absolute);
    }
    // A file in the current folder has `` as its folder.
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let joined: PathBuf = dir.join(path).components().filter(|c| *c != Component::CurDir).collect();
    let real = joined.canonicalize().map_err(Refusal::Io)?;
    // The deepest allowed folder that holds it: the walk is shortest.
    let root = std::iter::once(dir)
        .chain(allowed.iter().map(PathBuf::as_path))
        .filter_map(|root| root.canonicalize().ok())
        .filter(|root| real.starts_with(root))
        .max_by_key(|root| root.components().count());
    match root {
        Some(root) => Ok(Found { joined, real, root }),
        None => Err(Refusal::Outside),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside_the_allowed_folders() {
        let base = tempfile::tempdir().unwrap();
        let dir = base.path().join("release");
        let shared = base.path().join("shared");
        std::fs::create_dir_all(dir.join("img")).unwrap();
        std::fs::create_dir_all(&shared).unwrap();
        std::fs::write(dir.join("img/a.png"), b"x").unwrap();
        std::fs::write(shared.join("logo.svg"), b"x").unwrap();

        assert!(resolve(&dir, "img/a.png", &[]).is_ok());
        assert!(resolve(&dir, "./img/../img/a.png", &[]).is_ok());
        assert!(matches!(resolve(&dir, "../shared/logo.svg", &[]), Err(Refusal::Outside)));
        assert!(resolve(&dir, "../shared/logo.svg", std::slice::from_ref(&shared)).is_ok());
        assert!(matches!(resolve(&dir, "/etc/passwd", &[]), Err(Refusal::Absolute)));
        assert!(matches!(resolve(&dir, "\\\\server\\share\\x.png", &[]), Err(Refusal::Absolute)));
        assert!(matches!(resolve(&dir, "../../../../../../etc/passwd", &[]), Err(Refusal::Outside)));
        assert!(matches!(resolve(&dir, "https://example.com/a.png", &[]), Err(Refusal::Url)));
        assert!(matches!(resolve(&dir, "missing.png", &[]), Err(Refusal::Io(_))));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(shared.join("logo.svg"), dir.join("link.png")).unwrap();
            assert!(matches!(resolve(&dir, "link.png", &[]), Err(Refusal::Outside)));
        }
    }
}
