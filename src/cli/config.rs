//! The config file from the command line: `terakoya config --print-default`
//! and `--check [FILE]`, and reading it at startup for every command (the
//! default lessons path, the language) and the reader (keys, theme, width).

use std::fmt::Write as _;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{ArgGroup, Args};

use super::config_words::{self, locate, report};
use super::diagnostic::render_report;
use super::output;
use super::{EXIT_FAILURE, check};
use crate::config::theme::{Colour, NAMES};
use crate::config::{self as settings, CONFIG_VAR, Config, Loaded, Problem, ReadError};
use crate::t;
use crate::tui::app::Message;
use crate::tui::keymap::{self, Keymap};

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("what").required(true).args(["print_default", "check"])))]
pub struct ConfigArgs {
    /// Print a complete config file with every setting at its default and
    /// every action with its keys, commented
    #[arg(long)]
    pub print_default: bool,
    /// Check a config file [default: the one terakoya reads] and print
    /// every problem (exit 1 when there is any)
    #[arg(long, value_name = "FILE", num_args = 0..=1)]
    pub check: Option<Option<PathBuf>>,
}

/// The config file as the program starts with it.
#[derive(Debug, Clone, Default)]
pub struct Settings {
    pub config: Config,
    pub keymap: Keymap,
    /// The file read, if there was one.
    pub path: Option<PathBuf>,
    /// What was wrong, for the reader's status line (`None`: nothing).
    pub warning: Option<Message>,
}

/// Where the config file is: `--config`, `TERAKOYA_CONFIG`, the default
/// place; and whether it must exist (named by the user).
fn whereabouts(cli_config: Option<&Path>) -> Option<(PathBuf, bool)> {
    let env = std::env::var_os(CONFIG_VAR).map(PathBuf::from);
    let named = cli_config.is_some() || env.as_ref().is_some_and(|p| !p.as_os_str().is_empty());
    settings::locate(cli_config, env).map(|path| (path, named))
}

/// Reads the config file and builds the keymap; every problem, clashes
/// included, in file order.
fn read(path: &Path, required: bool) -> Result<(Loaded, Keymap), ReadError> {
    let mut loaded = settings::load(path, required, &keymap::action_names())?;
    let (keymap, clashes) = Keymap::with_remaps(&loaded.config.keys);
    loaded.problems.extend(clashes);
    loaded.problems.sort_by_key(|p| p.span.start);
    Ok((loaded, keymap))
}

/// The settings to start with. Never fails: what is wrong keeps its
/// default and is said in [`Settings::warning`].
pub fn startup(cli_config: Option<&Path>) -> Settings {
    let Some((path, required)) = whereabouts(cli_config) else {
        return Settings::default();
    };
    match read(&path, required) {
        Ok((loaded, keymap)) => {
            let warning = loaded
                .problems
                .first()
                .map(|first| warning(&path, &loaded, first));
            let mut config = loaded.config;
            config.lessons = config.lessons.map(|l| setting_path(&l, &path));
            config.sync_dir = config.sync_dir.map(|d| setting_path(&d, &path));
            Settings {
                config,
                keymap,
                path: loaded.path,
                warning,
            }
        }
        Err(err) => Settings {
            warning: Some(Message::new(t!(
                "config.unreadable",
                path = super::echo::shown_path(&path),
                error = config_words::read_error(&err)
            ))),
            ..Settings::default()
        },
    }
}

/// `config.toml:3:1: unknown setting …`, and how many more there are.
fn warning(path: &Path, loaded: &Loaded, first: &Problem) -> Message {
    let at = locate(path, &loaded.source, first);
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let essential = format!(
        "{}:{}:{}: {}",
        terakoya_core::bundle::visible(&name),
        at.line,
        at.column,
        terakoya_core::bundle::visible(&config_words::message(&first.kind))
    );
    let command = format!(
        "terakoya config --check {}",
        super::command::shell_quote(&path.to_string_lossy())
    );
    let more = loaded.problems.len() - 1;
    let detail = if more > 0 {
        t!("config.more", count = more, command = command)
    } else {
        t!("config.see", command = command)
    };
    Message::with_detail(essential, detail)
}

/// A path setting (`lessons`, `sync_dir`) as a path: `~/` is the home
/// directory, and a relative path is taken from the config file's directory.
pub(crate) fn setting_path(lessons: &Path, config: &Path) -> PathBuf {
    if let Ok(rest) = lessons.strip_prefix("~")
        && let Some(home) = directories::BaseDirs::new().map(|d| d.home_dir().to_owned())
    {
        return home.join(rest);
    }
    if lessons.is_relative()
        && let Some(dir) = config.parent()
    {
        return dir.join(lessons);
    }
    lessons.to_owned()
}

pub fn run(cli_config: Option<&Path>, args: &ConfigArgs) -> anyhow::Result<ExitCode> {
    if args.print_default {
        let mut out = io::stdout().lock();
        output::ignore_broken_pipe(out.write_all(default_file().as_bytes()))?;
        return Ok(ExitCode::SUCCESS);
    }
    let (path, required) = match args.check.clone().flatten() {
        Some(path) => (path, true),
        None => match whereabouts(cli_config) {
            Some(found) => found,
            None => anyhow::bail!("{}", t!("config.none", path = "?")),
        },
    };
    let shown = super::echo::shown_path(&path);
    let (loaded, _) = read(&path, required).map_err(|err| {
        let error = config_words::read_error(&err);
        anyhow::anyhow!("{}", t!("config.cannot_read", path = shown, error = error))
    })?;
    let stdout = io::stdout();
    let colour = output::colour(&stdout);
    let mut out = BufWriter::new(stdout.lock());
    let written = write_check(&mut out, &path, &loaded, colour).and_then(|()| out.flush());
    output::ignore_broken_pipe(written)?;
    Ok(if loaded.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILURE)
    })
}

fn write_check(out: &mut impl Write, path: &Path, loaded: &Loaded, colour: bool) -> io::Result<()> {
    let shown = super::echo::shown_path(path);
    if loaded.path.is_none() {
        return writeln!(out, "{}", t!("config.none", path = shown));
    }
    let paint = if colour { check::colored } else { check::plain };
    for problem in &loaded.problems {
        let at = locate(path, &loaded.source, problem);
        writeln!(
            out,
            "{}",
            render_report(&report(path, &at, problem), &paint)
        )?;
    }
    let errors = loaded.problems.len();
    if errors == 0 {
        return writeln!(out, "{}", t!("config.ok", path = shown));
    }
    let errors = if errors == 1 {
        t!("check.count.error", n = errors)
    } else {
        t!("check.count.errors", n = errors)
    };
    writeln!(
        out,
        "{}",
        t!("config.summary", errors = errors, path = shown)
    )
}

/// A complete config file: every setting at its default, every action with
/// its default keys (from the key table: it cannot drift), commented in
/// the current language. It reads back to the defaults.
pub fn default_file() -> String {
    let mut out = String::new();
    let comment = |out: &mut String, text: &str| {
        for line in text.lines() {
            let _ = writeln!(out, "# {line}");
        }
    };
    comment(&mut out, t!("config.default.header"));
    out.push('\n');
    comment(&mut out, t!("config.default.lang"));
    out.push_str("# lang = \"ja\"\n\n");
    comment(&mut out, t!("config.default.lessons"));
    out.push_str("# lessons = \"~/courses\"\n\n");
    comment(&mut out, t!("config.default.reading_width"));
    let _ = writeln!(out, "reading_width = {}\n", settings::DEFAULT_READING_WIDTH);
    comment(&mut out, t!("format2.default_ruby"));
    out.push_str("ruby = \"inline\"\n\n");
    comment(&mut out, t!("config.default.theme"));
    out.push_str("theme = \"default\"\n");
    out.push_str("# [theme]\n# base = \"default\"\n");
    let base = crate::config::theme::Theme::default();
    for (at, (name, role)) in crate::config::theme::Role::ALL.iter().enumerate() {
        let colour = toml_string(&colour_name(base.colour(*role)));
        let _ = write!(out, "# {name} = {colour}");
        if at == 0 {
            let _ = write!(out, "    # {}", t!("config.default.theme_table"));
        }
        out.push('\n');
    }
    out.push('\n');
    comment(&mut out, t!("review.default_retention"));
    let retention = terakoya_core::review::DEFAULT_RETENTION;
    let _ = writeln!(out, "# retention = {retention:.2}\n");
    comment(&mut out, t!("sync.default_sync_dir"));
    out.push_str("# sync_dir = \"~/Sync/terakoya\"\n\n");
    comment(&mut out, t!("sync.default_machine"));
    out.push_str("# machine = \"laptop\"\n\n");
    comment(&mut out, t!("config.default.keys"));
    out.push_str("[keys]\n");
    for (action, keys) in keymap::default_keys() {
        let keys: Vec<String> = keys.iter().map(|k| toml_string(&k.to_string())).collect();
        let _ = writeln!(out, "{} = [{}]", action.name(), keys.join(", "));
    }
    out
}

/// A colour as the config file writes it.
fn colour_name(colour: Colour) -> String {
    match colour {
        Colour::Reset => "reset".to_owned(),
        Colour::Ansi(index) => NAMES
            .get(usize::from(index))
            .map_or_else(|| index.to_string(), |n| (*n).to_owned()),
        Colour::Indexed(index) => index.to_string(),
        Colour::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
    }
}

/// `text` as a TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

#[cfg(test)]
#[path = "config_tests.rs"]
mod tests;
