//! The settings of review and sync, from the config file (read quietly:
//! `config --check` reports its problems; here a wrong setting is simply
//! left at its default).

use std::path::PathBuf;

use crate::config;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub retention: Option<f32>,
    pub sync_dir: Option<PathBuf>,
    pub machine: Option<String>,
}

impl Settings {
    /// The config file's settings (`TERAKOYA_CONFIG`, else the platform's
    /// config file), or none.
    pub fn load() -> Settings {
        let env = std::env::var_os(config::CONFIG_VAR).map(PathBuf::from);
        let Some(path) = config::locate(None, env) else {
            return Settings::default();
        };
        let Ok(loaded) = config::load(&path, false, &[]) else {
            return Settings::default();
        };
        Settings {
            retention: loaded.config.retention.map(|r| r.0),
            sync_dir: loaded.config.sync_dir,
            machine: loaded.config.machine,
        }
    }
}
