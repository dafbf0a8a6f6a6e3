//! The front end's words. Every sentence terakoya says to a person lives in
//! one TOML catalog per language (`en.toml`, …), embedded at build time, so a
//! translator edits text, never Rust. Keys are dotted paths (`check.summary`);
//! values may hold `{name}` placeholders (`{{` and `}}` for literal braces).
//!
//! The core crate returns types (diagnostic kinds, error variants, hints);
//! the front end turns each into a key and its values here. A key missing in
//! the current language falls back to English, and a key missing everywhere
//! shows as itself: words can be wrong, but never a panic.
//!
//! Use the [`t!`](crate::t) macro: `t!("check.ok")` gives a `&'static str`,
//! `t!("check.summary", errors = n)` a `String`.

use std::cell::Cell;
use std::collections::HashMap;
use std::fmt::{Display, Write as _};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU8, Ordering};

/// An interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Ja,
}

impl Lang {
    /// Every language with a catalog; English first (the fallback).
    pub const ALL: &'static [Lang] = &[Lang::En, Lang::Ja];

    /// The catalog's file name without `.toml`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ja => "ja",
        }
    }

    /// The language of a code as written in the config file or `--lang`
    /// (`ja`, `en`; not case-sensitive).
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL
            .iter()
            .copied()
            .find(|lang| lang.code().eq_ignore_ascii_case(code))
    }

    fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("en.toml"),
            Lang::Ja => include_str!("ja.toml"),
        }
    }

    fn index(self) -> usize {
        Lang::ALL.iter().position(|&l| l == self).unwrap_or(0)
    }
}

/// The locale variables that name the interface language, in the order
/// POSIX gives them weight: the first set and not empty decides.
pub const LOCALE_VARS: [&str; 3] = ["LC_ALL", "LC_MESSAGES", "LANG"];

/// The interface language: `--lang` if given, else the config file's
/// `lang`, else the locale (`env` looks up a variable; see [`from_locale`]).
pub fn choose(
    cli: Option<Lang>,
    config: Option<Lang>,
    env: impl Fn(&str) -> Option<String>,
) -> Lang {
    cli.or(config).unwrap_or_else(|| from_locale(env))
}

/// The language of the locale: the first of [`LOCALE_VARS`] that is set
/// and not empty decides; a value starting with `ja` (`ja_JP.UTF-8`, `ja`)
/// is Japanese, anything else (`C`, `en_US.UTF-8`, `fr_FR`) or nothing is
/// English.
pub fn from_locale(env: impl Fn(&str) -> Option<String>) -> Lang {
    let locale = LOCALE_VARS
        .iter()
        .filter_map(|name| env(name))
        .find(|value| !value.is_empty());
    match locale {
        Some(value) if value.starts_with("ja") => Lang::Ja,
        _ => Lang::En,
    }
}

static CURRENT: AtomicU8 = AtomicU8::new(0);

thread_local! {
    /// A language for this thread only (see [`with_lang`]).
    static OVERRIDE: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Chooses the language of every later message.
pub fn set_lang(lang: Lang) {
    CURRENT.store(u8::try_from(lang.index()).unwrap_or(0), Ordering::Relaxed);
}

/// The language messages are worded in now: this thread's, inside
/// [`with_lang`], else the one [`set_lang`] chose.
pub fn lang() -> Lang {
    if let Some(lang) = OVERRIDE.with(Cell::get) {
        return lang;
    }
    let index = usize::from(CURRENT.load(Ordering::Relaxed));
    Lang::ALL.get(index).copied().unwrap_or(Lang::En)
}

/// Runs `f` with messages in `lang` on this thread only, leaving every
/// other thread's language alone: tests running in parallel can each draw
/// the screen in their own language.
pub fn with_lang<T>(lang: Lang, f: impl FnOnce() -> T) -> T {
    /// Puts the previous language back even if `f` panics.
    struct Restore(Option<Lang>);
    impl Drop for Restore {
        fn drop(&mut self) {
            OVERRIDE.with(|cell| cell.set(self.0));
        }
    }
    let _restore = Restore(OVERRIDE.with(|cell| cell.replace(Some(lang))));
    f()
}

type Catalog = HashMap<String, String>;

fn catalog(lang: Lang) -> &'static Catalog {
    static CATALOGS: [OnceLock<Catalog>; 2] = [OnceLock::new(), OnceLock::new()];
    CATALOGS[lang.index()].get_or_init(|| parse_catalog(lang.source()).unwrap_or_default())
}

/// Flattens a catalog's tables into dotted keys. Only strings are allowed
/// as values; anything else is an error (the tests load every catalog).
fn parse_catalog(source: &str) -> Result<Catalog, String> {
    fn walk(prefix: &str, table: &toml::Table, out: &mut Catalog) -> Result<(), String> {
        for (key, value) in table {
            let path = if prefix.is_empty() {
                key.clone()
            } else {
                format!("{prefix}.{key}")
            };
            match value {
                toml::Value::String(text) => {
                    out.insert(path, text.clone());
                }
                toml::Value::Table(inner) => walk(&path, inner, out)?,
                _ => return Err(format!("`{path}` is not a string")),
            }
        }
        Ok(())
    }
    let table: toml::Table = source.parse().map_err(|e| format!("{e}"))?;
    let mut out = Catalog::new();
    walk("", &table, &mut out)?;
    Ok(out)
}

/// The text of `key` in the current language, else English, else the key.
pub fn text(key: &str) -> &str {
    lookup(lang(), key).unwrap_or(key)
}

fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    catalog(lang)
        .get(key)
        .or_else(|| catalog(Lang::En).get(key))
        .map(String::as_str)
}

/// The text of `key` with each `{name}` replaced by its value. A placeholder
/// with no value given stays visible as `{name}`.
pub fn fill(key: &str, values: &[(&str, &dyn Display)]) -> String {
    substitute(text(key), values)
}

fn substitute(template: &str, values: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(at) = rest.find(['{', '}']) {
        out.push_str(&rest[..at]);
        let tail = &rest[at..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push_str(&tail[..1]);
            rest = &tail[2..];
            continue;
        }
        let name_end = tail.find('}').filter(|_| tail.starts_with('{'));
        match name_end.and_then(|end| {
            let name = &tail[1..end];
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (end, v))
        }) {
            Some((end, value)) => {
                let _ = write!(out, "{value}");
                rest = &tail[end + 1..];
            }
            None => {
                out.push_str(&tail[..1]);
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names of the `{placeholders}` of a template, sorted and deduplicated.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        let tail = &rest[at..];
        if let Some(after) = tail.strip_prefix("{{") {
            rest = after;
            continue;
        }
        match tail.find('}') {
            Some(end) => {
                names.push(&tail[1..end]);
                rest = &tail[end + 1..];
            }
            None => break,
        }
    }
    names.sort_unstable();
    names.dedup();
    names
}

/// A message in the current language: `t!("key")` is a `&'static str`;
/// `t!("key", name = value, …)` fills the `{name}` placeholders (any
/// `Display` value) and gives a `String`.
#[macro_export]
macro_rules! t {
    ($key:literal) => {
        $crate::i18n::text($key)
    };
    ($key:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::fill(
            $key,
            &[$((stringify!($name), &$value as &dyn ::std::fmt::Display)),+],
        )
    };
}

#[cfg(test)]
mod tests;
