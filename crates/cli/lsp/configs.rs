//! The configuration each open document is checked with: the nearest `.factlint.yaml` above the
//! document (or above the workspace root, for documents not yet saved). A configuration is
//! reloaded when its file's modification time changes, so edits to it apply at the next check
//! whether or not the editor reports the change.

use crate::cli::RuleArgs;
use crate::config::{Config, FILE_NAME};
use crate::input::DEFAULT_SETTINGS_LIMIT;
use crate::pipeline::Setup;
use anyhow::Result;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::SystemTime;

pub struct Configs {
    root: Option<PathBuf>,
    loaded: HashMap<Option<PathBuf>, (Option<SystemTime>, Arc<Setup>)>,
}

impl Configs {
    pub fn new(root: Option<PathBuf>) -> Configs {
        Configs { root, loaded: HashMap::new() }
    }

    /// The configuration file for a document at `path` (`None`: not saved yet).
    pub fn file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        match path {
            Some(path) => Config::discover(path),
            None => self.root.as_deref().and_then(|root| Config::discover(&root.join(FILE_NAME))),
        }
    }

    /// Where a new configuration goes when none applies to `path` yet: the workspace root, else
    /// the document's directory.
    pub fn new_file_for(&self, path: Option<&Path>) -> Option<PathBuf> {
        let dir = self.root.clone().or_else(|| path.and_then(Path::parent).map(Path::to_path_buf))?;
        Some(dir.join(FILE_NAME))
    }

    /// The setup for a document at `path`, loading (or reloading) its configuration.
    pub fn setup_for(&mut self, path: Option<&Path>) -> Result<Arc<Setup>> {
        let file = self.file_for(path);
        let stamp = file.as_deref().and_then(|f| std::fs::metadata(f).and_then(|m| m.modified()).ok());
        if let Some((loaded_stamp, setup)) = self.loaded.get(&file)
            && *loaded_stamp == stamp
        {
            return Ok(setup.clone());
        }
        let config = match &file {
            Some(file) => Config::load(file, DEFAULT_SETTINGS_LIMIT)?,
            None => Config::default(),
        };
        let setup = Arc::new(Setup::new(config, &RuleArgs::default(), None, DEFAULT_SETTINGS_LIMIT)?);
        self.loaded.insert(file, (stamp, setup.clone()));
        Ok(setup)
    }

    /// Forgets every loaded configuration, so the next check reads them again.
    pub fn forget(&mut self) {
        self.loaded.clear();
    }
}
