//! The sandboxed, in-memory Typst World: it serves the template, the data,
//! the images the document stage put in the project, and fonts. Nothing else:
//! no files from disk, no packages, no network, no clock.

use std::collections::HashMap;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, World};

use crate::fonts::FontSet;

/// The virtual file id of a project path like `/data.json`.
pub(crate) fn file_id(path: &str) -> FileId {
    // The paths are presskit's own constants and generated names, always valid.
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| VirtualPath::new("/invalid").expect("valid path"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// One compilation's world.
pub(crate) struct SandboxWorld<'a> {
    /// Typst's standard library, shared by all renders.
    pub library: &'a LazyHash<Library>,
    /// The fonts and their book.
    pub fonts: &'a FontSet,
    /// The template, the main source file.
    pub main: Source,
    /// All other files, by id.
    pub files: HashMap<FileId, Bytes>,
}

impl World for SandboxWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(not_found(id)) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files.get(&id).cloned().ok_or_else(|| not_found(id))
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
