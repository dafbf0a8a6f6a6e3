//! The config file's problems worded (the `[config]` tables of the
//! catalogs), for `config --check` and the reader's status line.

use std::path::Path;

use terakoya_core::bundle::{Location, Severity, SourceText};

use super::diagnostic::Report;
use crate::config::theme::{Role, ThemeName};
use crate::config::{MIN_READING_WIDTH, Problem, ProblemKind as P, ReadError};
use crate::i18n::Lang;
use crate::t;

/// What the problem is.
pub fn message(kind: &P) -> String {
    match kind {
        P::Syntax(message) => t!("config.message.syntax", message = message),
        P::UnknownSetting { name, .. } => t!("config.message.unknown_setting", name = name),
        P::WrongType { setting, expected } => t!(
            "config.message.wrong_type",
            setting = setting,
            expected = expected_type(expected)
        ),
        P::UnknownLang { value } => t!("config.message.unknown_lang", value = value),
        P::UnknownTheme { value, .. } => t!("config.message.unknown_theme", value = value),
        P::UnknownRole { name, .. } => t!("config.message.unknown_role", name = name),
        P::BadColour { value } => t!("config.message.bad_colour", value = value),
        P::ReadingWidth { value } => t!("config.message.reading_width", value = value),
        P::UnknownRuby { value, .. } => t!("format2.unknown_ruby", value = value),
        P::Retention { value } => t!("review.config_retention", value = value),
        P::Empty { setting } => t!("sync.config_empty", setting = setting),
        P::UnknownAction { name, .. } => t!("config.message.unknown_action", name = name),
        P::BadKey { value, .. } => t!("config.message.bad_key", value = value),
        P::KeyClash { key, first, second } => t!(
            "config.message.key_clash",
            key = key,
            first = first,
            second = second
        ),
    }
}

/// The fix, shown as `= help: …`: the name meant when one is close, else
/// what is allowed.
pub fn help(kind: &P) -> Option<String> {
    let did_you_mean = |name: &String| t!("check.help.did_you_mean", name = name);
    let text = match kind {
        P::Syntax(_) | P::WrongType { .. } => return None,
        P::UnknownSetting {
            suggestion: Some(name),
            ..
        }
        | P::UnknownTheme {
            suggestion: Some(name),
            ..
        }
        | P::UnknownRole {
            suggestion: Some(name),
            ..
        }
        | P::UnknownAction {
            suggestion: Some(name),
            ..
        }
        | P::UnknownRuby {
            suggestion: Some(name),
            ..
        } => did_you_mean(name),
        P::UnknownRuby { .. } => t!(
            "format2.ruby_values",
            names = quoted(crate::config::RUBY_MODES.iter().map(|(n, _)| *n))
        ),
        P::BadKey {
            value, suggestion, ..
        } => match suggestion.as_deref() {
            // A misspelt modifier (`ctlr-q`): the modifier meant, with the
            // key that followed it.
            Some(modifier) if modifier.ends_with('-') => {
                match value.rsplit_once('-').map(|(_, key)| key) {
                    Some(key) if !key.is_empty() => did_you_mean(&format!("{modifier}{key}")),
                    _ => t!("config.help.keys").to_owned(),
                }
            }
            Some(name) if name != value => did_you_mean(&name.to_owned()),
            _ => t!("config.help.keys").to_owned(),
        },
        P::UnknownSetting { .. } => {
            let names = quoted(crate::config::SETTINGS.iter().copied());
            t!("config.help.settings", names = names)
        }
        P::UnknownLang { .. } => t!(
            "config.help.langs",
            names = quoted(Lang::ALL.iter().map(|l| l.code()))
        ),
        P::UnknownTheme { .. } => t!(
            "config.help.themes",
            names = quoted(ThemeName::ALL.iter().map(|(n, _)| *n))
        ),
        P::UnknownRole { .. } => t!(
            "config.help.roles",
            names = quoted(Role::ALL.iter().map(|(n, _)| *n).chain(["base"]))
        ),
        P::BadColour { .. } => t!("config.help.colour").to_owned(),
        P::ReadingWidth { .. } => t!(
            "config.help.reading_width",
            min = MIN_READING_WIDTH,
            max = u16::MAX
        ),
        P::Retention { .. } => {
            let range = terakoya_core::review::RETENTION_RANGE;
            let (min, max) = (
                format!("{:.2}", range.start()),
                format!("{:.2}", range.end()),
            );
            t!("review.config_retention_help", min = min, max = max)
        }
        P::Empty { .. } => return None,
        P::UnknownAction { .. } => {
            t!(
                "config.help.actions",
                command = "terakoya config --print-default"
            )
        }
        P::KeyClash { first, second, .. } => {
            t!("config.help.key_clash", first = first, second = second)
        }
    };
    Some(text)
}

fn quoted<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<String> = names.into_iter().map(|n| format!("`{n}`")).collect();
    names.join(", ")
}

fn expected_type(expected: &str) -> &'static str {
    match expected {
        "string" => t!("config.type.string"),
        "integer" => t!("config.type.integer"),
        "table" => t!("config.type.table"),
        "number" => t!("review.config_number"),
        "string or table" => t!("config.type.string_or_table"),
        _ => t!("config.type.string_or_array"),
    }
}

/// Where `problem` is in `source`: line, display column and quoted line.
pub fn locate(path: &Path, source: &str, problem: &Problem) -> Location {
    SourceText::new(path, source).locate(problem.span.clone())
}

/// A problem as `check` renders a lesson diagnostic.
pub fn report<'a>(path: &'a Path, location: &'a Location, problem: &Problem) -> Report<'a> {
    Report {
        path,
        severity: Severity::Error,
        location: Some(location),
        message: message(&problem.kind),
        help: help(&problem.kind),
    }
}

/// Why a config file could not be read.
pub fn read_error(error: &ReadError) -> String {
    match error {
        ReadError::Io(err) => err.to_string(),
        ReadError::TooLarge => t!("config.too_large", max = crate::config::MAX_BYTES),
        ReadError::NotUtf8 => t!("config.not_utf8").to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_is_worded_with_its_values() {
        let clash = P::KeyClash {
            key: "j".into(),
            first: "scroll_down".into(),
            second: "quit".into(),
        };
        assert_eq!(
            message(&clash),
            "`j` is bound to both `scroll_down` and `quit`"
        );
        let action = P::UnknownAction {
            name: "togle_tick".into(),
            suggestion: Some("toggle_tick".into()),
        };
        assert_eq!(help(&action).unwrap(), "did you mean `toggle_tick`?");
        let theme = P::UnknownTheme {
            value: "x".into(),
            suggestion: None,
        };
        assert_eq!(
            help(&theme).unwrap(),
            "the themes are `default`, `light`, `dark`"
        );
        let wrong = P::WrongType {
            setting: "reading_width".into(),
            expected: "integer",
        };
        assert_eq!(message(&wrong), "`reading_width` must be a whole number");
    }
}
