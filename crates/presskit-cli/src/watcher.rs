//! Waiting for a file to change, for `watch` and `preview`: the OS's file
//! events (inotify, FSEvents, ReadDirectoryChangesW through `notify`), or
//! polling where the OS gives none (network drives, some containers).

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use notify::{EventKind, RecursiveMode};

/// How often files are polled where there are no events.
const POLL: Duration = Duration::from_millis(150);
/// Editors write in steps (truncate, write, rename): events that come this
/// close together are one change.
const SETTLE: Duration = Duration::from_millis(15);

/// What to watch for a release at `path`: the files it and its brand were
/// read from (translations, images, logo, fonts, template), the release
/// first even when it was given in another spelling.
pub fn files_of(path: &Path, release: &presskit::Release, brand: &presskit::Brand) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = release.files().into_iter().chain(brand.files()).collect();
    if !files.iter().any(|f| f == path) {
        files.insert(0, path.to_path_buf());
    }
    files
}

/// Watches a set of files.
pub struct Watcher {
    /// The files, as given and as the OS names them in its events.
    files: Vec<(PathBuf, PathBuf)>,
    events: Receiver<notify::Result<notify::Event>>,
    _inner: Box<dyn notify::Watcher + Send>,
}

impl Watcher {
    /// Starts watching `files` (their folders, so that a file an editor
    /// replaces by renaming is still seen).
    pub fn new(files: &[PathBuf]) -> Self {
        let files: Vec<(PathBuf, PathBuf)> = files.iter().map(|f| (f.clone(), canonical(f))).collect();
        let (sender, events) = channel();
        let mut inner: Box<dyn notify::Watcher + Send> = match notify::recommended_watcher(sender.clone()) {
            Ok(watcher) => Box::new(watcher),
            Err(_) => Box::new(poller(sender.clone())),
        };
        let mut folders: Vec<&Path> = files.iter().filter_map(|(_, real)| real.parent()).collect();
        folders.sort();
        folders.dedup();
        let mut failed = false;
        for folder in &folders {
            failed |= inner.watch(folder, RecursiveMode::NonRecursive).is_err();
        }
        if failed {
            // Out of inotify watches, say: poll instead.
            let mut polling: Box<dyn notify::Watcher + Send> = Box::new(poller(sender));
            for folder in &folders {
                let _ = polling.watch(folder, RecursiveMode::NonRecursive);
            }
            inner = polling;
        }
        Self { files, events, _inner: inner }
    }

    /// Waits until one of the files changes; returns it as given.
    pub fn wait(&self) -> PathBuf {
        loop {
            let Ok(event) = self.events.recv() else {
                // The watcher is gone; nothing more will come.
                std::thread::sleep(POLL);
                continue;
            };
            let Some(changed) = self.changed(event) else { continue };
            // Let the editor finish, and take what it sent meanwhile.
            while self.events.recv_timeout(SETTLE).is_ok() {}
            return changed;
        }
    }

    /// The watched file an event is about, if it changes its content.
    fn changed(&self, event: notify::Result<notify::Event>) -> Option<PathBuf> {
        let event = event.ok()?;
        if !matches!(
            event.kind,
            EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_) | EventKind::Any
        ) {
            return None;
        }
        self.files
            .iter()
            .find(|(_, real)| event.paths.iter().any(|p| p == real))
            .map(|(given, _)| given.clone())
    }
}

fn poller(sender: std::sync::mpsc::Sender<notify::Result<notify::Event>>) -> notify::PollWatcher {
    let config = notify::Config::default().with_poll_interval(POLL).with_compare_contents(false);
    // A poll watcher cannot fail to start.
    notify::PollWatcher::new(sender, config).unwrap_or_else(|_| unreachable!("a poll watcher starts"))
}

/// The path the OS will name a file by: its folder resolved, its name kept
/// (the file itself may not exist yet, or be a link an editor replaces).
fn canonical(path: &Path) -> PathBuf {
    let name = path.file_name().map(PathBuf::from).unwrap_or_default();
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::canonicalize(&folder).unwrap_or(folder).join(name)
}
