//! The sandboxed, in-memory Typst World: it serves the template, the data,
//! the images [`data`](super::data) put in the project, and fonts. A brand's
//! own template may also read files beside it, inside the sandbox. Nothing
//! else: no packages, no network, no clock.

use std::collections::HashMap;
use std::io::Read;
use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::typeset::fonts::FontSet;

/// The virtual file id of a project path like `/data.json`.
pub(crate) fn file_id(path: &str) -> FileId {
    // The paths are presskit's own constants and generated names, always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid").expect("valid path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// One compilation's world. It owns what it serves (shared parts behind
/// `Arc`), so that a brand's template can be compiled on a thread of its
/// own and abandoned when it runs too long.
pub(crate) struct SandboxWorld {
    /// Typst's standard library, shared by all renders.
    pub library: Arc<LazyHash<Library>>,
    /// The fonts and their book.
    pub fonts: Arc<FontSet>,
    /// The template, the main source file.
    pub main: Source,
    /// presskit's template library, `/presskit.typ`, parsed once.
    pub lib: Source,
    /// All other files, by id.
    pub files: HashMap<FileId, Bytes>,
    /// For a brand's own template: the folder its relative paths start
    /// from, and the sandbox they must stay in.
    pub disk: Option<Disk>,
}

/// Files a custom template may read: in its folder (or an allowed one),
/// through no link out, no larger than the asset limit.
pub(crate) struct Disk {
    pub dir: std::path::PathBuf,
    pub allowed: Vec<std::path::PathBuf>,
    pub max_bytes: u64,
}

impl Disk {
    fn read(&self, id: FileId) -> FileResult<Vec<u8>> {
        let name = id.get().vpath().get_without_slash();
        let found =
            crate::sandbox::resolve(&self.dir, name, &self.allowed).map_err(|refusal| match refusal {
                crate::sandbox::Refusal::Io(_) => not_found(id),
                _ => FileError::Other(Some(
                    format!(
                        "{name} lies outside the folders presskit may read (the template's, and those allowed)"
                    )
                    .into(),
                )),
            })?;
        let file = found.open().map_err(|err| {
            if err.kind() == std::io::ErrorKind::InvalidInput {
                FileError::Other(Some(format!("{name} is not a regular file").into()))
            } else {
                not_found(id)
            }
        })?;
        let mut data = Vec::new();
        // One byte over the limit tells that the file is too large.
        file.take(self.max_bytes.saturating_add(1)).read_to_end(&mut data).map_err(|_| not_found(id))?;
        if data.len() as u64 > self.max_bytes {
            return Err(FileError::Other(Some(format!("{name} is larger than the asset limit").into())));
        }
        Ok(data)
    }
}

impl World for SandboxWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            return Ok(self.main.clone());
        }
        if id == self.lib.id() {
            return Ok(self.lib.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        if id == self.lib.id() {
            return Ok(Bytes::from_string(self.lib.clone()));
        }
        if matches!(id.get().root(), VirtualRoot::Package(_)) {
            return Err(FileError::Other(Some(
                "packages are not available: presskit renders offline; copy what you need beside the template"
                    .into(),
            )));
        }
        if let Some(bytes) = self.files.get(&id) {
            return Ok(bytes.clone());
        }
        match &self.disk {
            Some(disk) => disk.read(id).map(Bytes::new),
            None => Err(not_found(id)),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    /// No clock: the document's date is the release date, so that output
    /// depends only on the inputs.
    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

fn not_found(id: FileId) -> FileError {
    FileError::NotFound(id.get().vpath().get_without_slash().into())
}
