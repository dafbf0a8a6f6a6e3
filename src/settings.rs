//! The settings of review and sync, from the config file (read quietly:
//! `config --check` reports its problems; here a wrong setting is simply
//! left at its default).

use std::path::{Path, PathBuf};

use terakoya_core::progress::sync::SyncDir;

use crate::config;

/// The environment variables naming the sync directory and this machine.
pub const SYNC_DIR_VAR: &str = "TERAKOYA_SYNC_DIR";
pub const MACHINE_VAR: &str = "TERAKOYA_MACHINE";

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Settings {
    pub retention: Option<f32>,
    pub sync_dir: Option<PathBuf>,
    pub machine: Option<String>,
}

impl Settings {
    /// The config file's settings (`--config`, else `TERAKOYA_CONFIG`, else
    /// the platform's config file), or none.
    pub fn load(config_flag: Option<&Path>) -> Settings {
        let env = std::env::var_os(config::CONFIG_VAR).map(PathBuf::from);
        let Some(path) = config::locate(config_flag, env) else {
            return Settings::default();
        };
        let Ok(loaded) = config::load(&path, false, &[]) else {
            return Settings::default();
        };
        Settings {
            retention: loaded.config.retention.map(|r| r.0),
            sync_dir: (loaded.config.sync_dir)
                .map(|dir| crate::cli::config::setting_path(&dir, &path)),
            machine: loaded.config.machine,
        }
    }
}

/// A variable's value unless unset or empty (as an empty variable usually
/// counts as unset).
fn var(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// The sync directory: `--sync-dir`, else `TERAKOYA_SYNC_DIR`, else the
/// config's `sync_dir`; none means no sync. This machine's name:
/// `TERAKOYA_MACHINE`, else the config's `machine`, else the host name.
pub fn sync_dir(flag: Option<&Path>, config_flag: Option<&Path>) -> Option<SyncDir> {
    let flag = flag
        .filter(|p| !p.as_os_str().is_empty())
        .map(Path::to_path_buf);
    let env = var(SYNC_DIR_VAR).map(PathBuf::from);
    let needs_config = flag.is_none() && env.is_none() || var(MACHINE_VAR).is_none();
    let settings = if needs_config {
        Settings::load(config_flag)
    } else {
        Settings::default()
    };
    let dir = flag.or(env).or(settings.sync_dir)?;
    let machine = var(MACHINE_VAR)
        .or(settings.machine)
        .or_else(host_name)
        .unwrap_or_default();
    Some(SyncDir::new(dir, &machine))
}

/// The host name, where the system says it without a command.
fn host_name() -> Option<String> {
    ["/proc/sys/kernel/hostname", "/etc/hostname"]
        .iter()
        .find_map(|path| std::fs::read_to_string(path).ok())
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .or_else(|| var("HOSTNAME"))
        .or_else(|| var("COMPUTERNAME"))
}
