//! The brands a service renders under, read from a folder: a subfolder with
//! a `_brand.yml` or a file `NAME.yml` is the brand `NAME`. A brand is read
//! when first asked for and again when one of its files changes (the brand
//! file, its logo, fonts, images or template), so editing a brand needs no
//! restart.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use presskit::Brand;

/// A brand as loaded, and the modification times of the files it was read
/// from, to tell when to read it again.
struct Loaded {
    brand: Arc<Brand>,
    stamps: Vec<(PathBuf, Option<SystemTime>)>,
}

/// The brand folder and the brands read from it.
pub struct Brands {
    dir: Option<PathBuf>,
    loaded: Mutex<BTreeMap<String, Loaded>>,
}

/// Why a brand could not be had.
pub enum Missing {
    /// No brand of that name in the folder.
    Unknown(Vec<String>),
    /// The brand's files do not load.
    Invalid(presskit::Error),
}

impl Brands {
    pub fn new(dir: Option<PathBuf>) -> Self {
        Self { dir, loaded: Mutex::new(BTreeMap::new()) }
    }

    /// The brands' names, sorted.
    pub fn names(&self) -> Vec<String> {
        let Some(dir) = &self.dir else { return Vec::new() };
        let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
        let mut names: Vec<String> = entries
            .filter_map(Result::ok)
            .filter_map(|entry| {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                if name.starts_with(['.', '_']) {
                    return None;
                }
                if path.join(Brand::FILE_NAME).is_file() {
                    return Some(name);
                }
                let stem = name.strip_suffix(".yml").or_else(|| name.strip_suffix(".yaml"))?;
                path.is_file().then(|| stem.to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }

    /// The brand file of a brand name, if the folder has one. Names are
    /// plain names: nothing with a path separator or a leading dot.
    fn file(&self, name: &str) -> Option<PathBuf> {
        let dir = self.dir.as_ref()?;
        if name.is_empty()
            || name.starts_with(['.', '_'])
            || name.contains(['/', '\\'])
            || name.contains("..")
        {
            return None;
        }
        [
            dir.join(name).join(Brand::FILE_NAME),
            dir.join(format!("{name}.yml")),
            dir.join(format!("{name}.yaml")),
        ]
        .into_iter()
        .find(|p| p.is_file())
    }

    /// The brand `name`, read again if any of its files changed.
    pub fn get(&self, name: &str) -> Result<(Arc<Brand>, PathBuf), Missing> {
        let Some(path) = self.file(name) else { return Err(Missing::Unknown(self.names())) };
        let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        {
            let loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(known) = loaded.get(name)
                && known.stamps.iter().all(|(file, stamp)| modified(file) == *stamp)
                && known.brand.origin().is_some_and(|o| o.name == path)
            {
                return Ok((Arc::clone(&known.brand), folder));
            }
        }
        // Read without the lock: requests for other brands need not wait
        // for this one's fonts and logo. The brand file is stamped before it
        // is read, so an edit during the read is seen at the next request.
        let before = modified(&path);
        let brand = Arc::new(Brand::from_path(&path).map_err(Missing::Invalid)?);
        let stamps = brand
            .files()
            .into_iter()
            .map(|file| {
                let stamp = if file == path { before } else { modified(&file) };
                (file, stamp)
            })
            .collect();
        let mut loaded = self.loaded.lock().unwrap_or_else(|e| e.into_inner());
        loaded.insert(name.to_string(), Loaded { brand: Arc::clone(&brand), stamps });
        Ok((brand, folder))
    }
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}
