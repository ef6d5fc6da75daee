//! A plain Typst world over a folder, for checking that an exported Typst
//! project stands on its own: it reads the folder's files and the fonts in
//! its `fonts/` folder, as the stock `typst compile --font-path fonts
//! --ignore-system-fonts` would, and nothing of presskit's.

use std::path::{Path, PathBuf};

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

struct Folder {
    root: PathBuf,
    main: FileId,
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

impl World for Folder {
    fn library(&self) -> &LazyHash<Library> {
        &self.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.book
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        Ok(Source::new(id, text.into()))
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        let relative = id.get().vpath().get_without_slash();
        let path = self.root.join(relative);
        std::fs::read(&path).map(Bytes::new).map_err(|e| FileError::from_io(e, &path))
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.get(index).cloned()
    }

    fn today(&self, _: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// Compiles `main` (a path inside `root`) to PDF with the fonts of
/// `root/fonts`; panics with Typst's errors if it does not compile.
pub fn compile_folder(root: &Path, main: &str) -> Vec<u8> {
    let mut fonts = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("fonts"))
        .map(|dir| dir.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.sort();
    for file in files {
        fonts.extend(Font::iter(Bytes::new(std::fs::read(&file).unwrap())));
    }
    let vpath = VirtualPath::new(main).unwrap_or_else(|e| panic!("{main}: {e:?}"));
    let world = Folder {
        root: root.to_path_buf(),
        main: FileId::new(RootedPath::new(VirtualRoot::Project, vpath)),
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    };
    let document = typst::compile::<PagedDocument>(&world).output.unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        panic!("the project in {} does not compile: {}", root.display(), messages.join("; "))
    });
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).unwrap_or_else(|errors| {
        let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
        panic!("the project in {} does not export: {}", root.display(), messages.join("; "))
    })
}
