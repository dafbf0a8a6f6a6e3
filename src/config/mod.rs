//! The config file: `$XDG_CONFIG_HOME/terakoya/config.toml` (the platform
//! config directory elsewhere), or `--config FILE` / `TERAKOYA_CONFIG`.
//! Documented in docs/config.md.
//!
//! Reading never fails as a whole: every setting that is wrong is reported
//! as a [`Problem`] with its place in the file and left at its default, so
//! the reader always opens (`config --check` exits 1 on any problem).

pub mod keys;
pub mod theme;

use std::ops::Range;
use std::path::{Path, PathBuf};

use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::i18n::Lang;
use keys::{KeySpec, parse_key};
use terakoya_core::text::styled::RubyMode;
use theme::{Role, Theme, ThemeName, parse_colour};

/// The environment variable naming the config file.
pub const CONFIG_VAR: &str = "TERAKOYA_CONFIG";

/// The widest text column by default, in display columns.
pub const DEFAULT_READING_WIDTH: u16 = 80;
/// The narrowest `reading_width` accepted.
pub const MIN_READING_WIDTH: u16 = 20;

/// The settings, each at its default unless the file set it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub lang: Option<Lang>,
    pub lessons: Option<PathBuf>,
    pub theme: Theme,
    pub reading_width: u16,
    /// How furigana is shown, in the reader and by `show` without `--ruby`.
    pub ruby: RubyMode,
    /// Actions remapped by name, each to the keys that replace its defaults.
    pub keys: Vec<(String, Vec<KeySpec>, Range<usize>)>,
    /// Review: the recall probability aimed for (0.70–0.99).
    pub retention: Option<Retention>,
    /// Sync: the shared directory, and this machine's name in it.
    pub sync_dir: Option<PathBuf>,
    pub machine: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            lang: None,
            lessons: None,
            theme: Theme::default(),
            reading_width: DEFAULT_READING_WIDTH,
            ruby: RubyMode::Inline,
            keys: Vec::new(),
            retention: None,
            sync_dir: None,
            machine: None,
        }
    }
}

/// A desired retention, checked to be within
/// [`RETENTION_RANGE`](terakoya_core::review::RETENTION_RANGE) (so never NaN).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Retention(pub f32);

impl Eq for Retention {}

/// What is wrong with one setting, for the front end to word.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    /// The file is not valid TOML (toml's own message).
    Syntax(String),
    UnknownSetting {
        name: String,
        suggestion: Option<String>,
    },
    WrongType {
        setting: String,
        expected: &'static str,
    },
    UnknownLang {
        value: String,
    },
    UnknownTheme {
        value: String,
        suggestion: Option<String>,
    },
    UnknownRole {
        name: String,
        suggestion: Option<String>,
    },
    BadColour {
        value: String,
    },
    ReadingWidth {
        value: i64,
    },
    /// `ruby` is neither `inline` nor `hide`.
    UnknownRuby {
        value: String,
        suggestion: Option<String>,
    },
    /// A `retention` that is a number but outside the review range (as
    /// written in the file).
    Retention {
        value: String,
    },
    /// A path or name given as an empty string.
    Empty {
        setting: String,
    },
    UnknownAction {
        name: String,
        suggestion: Option<String>,
    },
    BadKey {
        value: String,
        suggestion: Option<String>,
    },
    /// One key for two actions where both apply.
    KeyClash {
        key: String,
        first: String,
        second: String,
    },
}

/// A problem and where it is in the file (byte range).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub span: Range<usize>,
    pub kind: ProblemKind,
}

/// A config file as read: the settings, the problems, and the text (for
/// quoting the lines of problems).
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    pub config: Config,
    pub problems: Vec<Problem>,
    /// The file read, if any.
    pub path: Option<PathBuf>,
    pub source: String,
}

/// Where the config file is: `--config`, else `TERAKOYA_CONFIG` (empty
/// counts as unset), else the platform's config directory.
pub fn locate(cli: Option<&Path>, env: Option<PathBuf>) -> Option<PathBuf> {
    cli.map(Path::to_owned)
        .or(env.filter(|p| !p.as_os_str().is_empty()))
        .or_else(default_path)
}

/// `config.toml` in the platform config directory
/// (`$XDG_CONFIG_HOME/terakoya` on Linux).
pub fn default_path() -> Option<PathBuf> {
    directories::ProjectDirs::from("", "", "terakoya").map(|d| d.config_dir().join("config.toml"))
}

/// Why a config file could not be read at all.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("the file is larger than {MAX_BYTES} bytes")]
    TooLarge,
    #[error("the file is not UTF-8 text")]
    NotUtf8,
}

/// A config file is small; anything larger is not one.
pub const MAX_BYTES: u64 = 1 << 20;

/// Reads and checks the file at `path`. A missing file is no error when
/// `required` is false (the default location need not exist).
pub fn load(path: &Path, required: bool, actions: &[&str]) -> Result<Loaded, ReadError> {
    use std::io::Read;
    let file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(err) if !required && err.kind() == std::io::ErrorKind::NotFound => {
            return Ok(Loaded::default());
        }
        Err(err) => return Err(err.into()),
    };
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file").into());
    }
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(ReadError::TooLarge);
    }
    let source = String::from_utf8(bytes).map_err(|_| ReadError::NotUtf8)?;
    let (config, problems) = parse(&source, actions);
    Ok(Loaded {
        config,
        problems,
        path: Some(path.to_owned()),
        source,
    })
}

/// The top-level settings, for did-you-mean hints.
pub const SETTINGS: &[&str] = &[
    "lang",
    "lessons",
    "theme",
    "reading_width",
    "ruby",
    "keys",
    "retention",
    "sync_dir",
    "machine",
];

/// The values of `ruby`, as the file spells them.
pub const RUBY_MODES: &[(&str, RubyMode)] =
    &[("inline", RubyMode::Inline), ("hide", RubyMode::Hide)];

/// Checks `source`: the settings it sets, and every problem. `actions` are
/// the names `[keys]` may remap.
pub fn parse(source: &str, actions: &[&str]) -> (Config, Vec<Problem>) {
    let mut config = Config::default();
    let mut problems = Vec::new();
    let root = match DeTable::parse(source) {
        Ok(root) => root,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            problems.push(Problem {
                span,
                kind: ProblemKind::Syntax(err.message().to_owned()),
            });
            return (config, problems);
        }
    };
    let mut read = Reader {
        problems: &mut problems,
    };
    for (key, value) in root.get_ref() {
        let name = key.get_ref().as_ref();
        match name {
            "lang" => config.lang = read.lang(name, value).or(config.lang),
            "lessons" => {
                if let Some(path) = read.string(name, value) {
                    config.lessons = Some(PathBuf::from(path));
                }
            }
            "reading_width" => {
                if let Some(width) = read.reading_width(name, value) {
                    config.reading_width = width;
                }
            }
            "ruby" => {
                if let Some(ruby) = read.ruby(name, value) {
                    config.ruby = ruby;
                }
            }
            "theme" => read.theme(value, &mut config.theme),
            "keys" => read.keys(value, actions, &mut config.keys),
            "retention" => config.retention = read.retention(name, value),
            "sync_dir" => config.sync_dir = read.non_empty(name, value).map(PathBuf::from),
            "machine" => config.machine = read.non_empty(name, value).map(str::to_owned),
            _ => read.problem(
                key.span(),
                ProblemKind::UnknownSetting {
                    name: name.to_owned(),
                    suggestion: did_you_mean(name, SETTINGS.iter().copied()),
                },
            ),
        }
    }
    (config, problems)
}

struct Reader<'p> {
    problems: &'p mut Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, span: Range<usize>, kind: ProblemKind) {
        self.problems.push(Problem { span, kind });
    }

    fn wrong_type(&mut self, setting: &str, value: &Spanned<DeValue<'_>>, expected: &'static str) {
        self.problem(
            value.span(),
            ProblemKind::WrongType {
                setting: setting.to_owned(),
                expected,
            },
        );
    }

    fn string<'v>(&mut self, setting: &str, value: &'v Spanned<DeValue<'_>>) -> Option<&'v str> {
        match value.get_ref() {
            DeValue::String(text) => Some(text.as_ref()),
            _ => {
                self.wrong_type(setting, value, "string");
                None
            }
        }
    }

    /// A string that must not be empty (a path, a name): `sync_dir = ""`
    /// would otherwise mean the working directory.
    fn non_empty<'v>(&mut self, setting: &str, value: &'v Spanned<DeValue<'_>>) -> Option<&'v str> {
        let text = self.string(setting, value)?;
        if text.trim().is_empty() {
            let setting = setting.to_owned();
            self.problem(value.span(), ProblemKind::Empty { setting });
            return None;
        }
        Some(text)
    }

    fn lang(&mut self, setting: &str, value: &Spanned<DeValue<'_>>) -> Option<Lang> {
        let text = self.string(setting, value)?;
        let lang = Lang::from_code(text);
        if lang.is_none() {
            self.problem(
                value.span(),
                ProblemKind::UnknownLang {
                    value: text.to_owned(),
                },
            );
        }
        lang
    }

    /// `ruby = "inline" | "hide"`.
    fn ruby(&mut self, setting: &str, value: &Spanned<DeValue<'_>>) -> Option<RubyMode> {
        let text = self.string(setting, value)?;
        let mode = RUBY_MODES
            .iter()
            .find(|(name, _)| *name == text)
            .map(|(_, mode)| *mode);
        if mode.is_none() {
            self.problem(
                value.span(),
                ProblemKind::UnknownRuby {
                    value: text.to_owned(),
                    suggestion: did_you_mean(text, RUBY_MODES.iter().map(|(n, _)| *n)),
                },
            );
        }
        mode
    }

    fn reading_width(&mut self, setting: &str, value: &Spanned<DeValue<'_>>) -> Option<u16> {
        let DeValue::Integer(integer) = value.get_ref() else {
            self.wrong_type(setting, value, "integer");
            return None;
        };
        let number = i64::from_str_radix(integer.as_str(), integer.radix()).unwrap_or(-1);
        match u16::try_from(number) {
            Ok(width) if width >= MIN_READING_WIDTH => Some(width),
            _ => {
                self.problem(value.span(), ProblemKind::ReadingWidth { value: number });
                None
            }
        }
    }

    /// `retention = 0.9`: a float within the review range.
    fn retention(&mut self, setting: &str, value: &Spanned<DeValue<'_>>) -> Option<Retention> {
        let range = terakoya_core::review::RETENTION_RANGE;
        let written = match value.get_ref() {
            DeValue::Float(float) => float.as_str(),
            DeValue::Integer(integer) => integer.as_str(),
            _ => {
                self.wrong_type(setting, value, "number");
                return None;
            }
        };
        match written.parse::<f32>() {
            Ok(number) if range.contains(&number) => Some(Retention(number)),
            _ => {
                let value_text = written.to_owned();
                self.problem(value.span(), ProblemKind::Retention { value: value_text });
                None
            }
        }
    }

    /// `theme = "dark"`, or a `[theme]` table with `base` and role colours.
    fn theme(&mut self, value: &Spanned<DeValue<'_>>, theme: &mut Theme) {
        match value.get_ref() {
            DeValue::String(name) => self.theme_name(name, value.span(), theme),
            DeValue::Table(table) => {
                for (key, value) in table {
                    let name = key.get_ref().as_ref();
                    if name == "base" {
                        if let Some(base) = self.string("theme.base", value) {
                            self.theme_name(base, value.span(), theme);
                        }
                        continue;
                    }
                    let Some(role) = Role::parse(name) else {
                        let names = Role::ALL.iter().map(|(n, _)| *n).chain(["base"]);
                        self.problem(
                            key.span(),
                            ProblemKind::UnknownRole {
                                name: name.to_owned(),
                                suggestion: did_you_mean(name, names),
                            },
                        );
                        continue;
                    };
                    let Some(text) = self.string(&format!("theme.{name}"), value) else {
                        continue;
                    };
                    match parse_colour(text) {
                        Some(colour) => theme.overrides.push((role, colour)),
                        None => self.problem(
                            value.span(),
                            ProblemKind::BadColour {
                                value: text.to_owned(),
                            },
                        ),
                    }
                }
            }
            _ => self.wrong_type("theme", value, "string or table"),
        }
    }

    fn theme_name(&mut self, name: &str, span: Range<usize>, theme: &mut Theme) {
        match ThemeName::parse(name) {
            Some(base) => theme.base = base,
            None => self.problem(
                span,
                ProblemKind::UnknownTheme {
                    value: name.to_owned(),
                    suggestion: did_you_mean(name, ThemeName::ALL.iter().map(|(n, _)| *n)),
                },
            ),
        }
    }

    /// `[keys]`: `action = "key"` or `action = ["key", …]`.
    fn keys(
        &mut self,
        value: &Spanned<DeValue<'_>>,
        actions: &[&str],
        out: &mut Vec<(String, Vec<KeySpec>, Range<usize>)>,
    ) {
        let DeValue::Table(table) = value.get_ref() else {
            self.wrong_type("keys", value, "table");
            return;
        };
        for (key, value) in table {
            let action = key.get_ref().as_ref();
            if !actions.contains(&action) {
                self.problem(
                    key.span(),
                    ProblemKind::UnknownAction {
                        name: action.to_owned(),
                        suggestion: did_you_mean(action, actions.iter().copied()),
                    },
                );
                continue;
            }
            let items: Vec<&Spanned<DeValue<'_>>> = match value.get_ref() {
                DeValue::String(_) => vec![value],
                DeValue::Array(array) => array.iter().collect(),
                _ => {
                    self.wrong_type(&format!("keys.{action}"), value, "string or array");
                    continue;
                }
            };
            let mut specs = Vec::new();
            let problems_before = self.problems.len();
            for item in items {
                let Some(text) = self.string(&format!("keys.{action}"), item) else {
                    continue;
                };
                match parse_key(text) {
                    Some(spec) => specs.push(spec),
                    None => self.problem(
                        item.span(),
                        ProblemKind::BadKey {
                            value: text.to_owned(),
                            suggestion: did_you_mean(&text.to_ascii_lowercase(), keys::key_names()),
                        },
                    ),
                }
            }
            // A remap with a wrong key keeps the action's default keys
            // rather than leaving it with fewer keys than meant.
            if self.problems.len() == problems_before {
                out.push((action.to_owned(), specs, key.span().start..value.span().end));
            }
        }
    }
}

/// The closest of `candidates` to `word`, if any is close enough to be
/// what was meant (as lesson diagnostics suggest keys).
pub fn did_you_mean<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    candidates
        .map(|c| (strsim::jaro_winkler(word, c), c))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, c)| c.to_owned())
}

#[cfg(test)]
mod tests;
