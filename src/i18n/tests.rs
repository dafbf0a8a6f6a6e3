use std::collections::BTreeSet;
use std::path::Path;

use super::*;

#[test]
fn every_catalog_parses_and_holds_only_strings() {
    for &lang in Lang::ALL {
        let parsed = parse_catalog(lang.source());
        assert!(parsed.is_ok(), "{}.toml: {:?}", lang.code(), parsed.err());
    }
    assert!(parse_catalog("[a]\nb = 1\n").is_err());
}

#[test]
fn every_language_has_englishs_keys_with_the_same_placeholders() {
    let english = parse_catalog(Lang::En.source()).unwrap();
    for &lang in Lang::ALL {
        let other = parse_catalog(lang.source()).unwrap();
        let missing: BTreeSet<_> = english.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: BTreeSet<_> = other.keys().filter(|k| !english.contains_key(*k)).collect();
        assert!(missing.is_empty(), "{}.toml lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{}.toml has keys English lacks: {extra:?}",
            lang.code()
        );
        for (key, text) in &other {
            assert_eq!(
                placeholders(text),
                placeholders(&english[key]),
                "{}.toml `{key}`: placeholders differ from English",
                lang.code()
            );
        }
    }
}

/// Every `t!("key"…)` in the front end's source names a key of the English
/// catalog: a typo would otherwise show the bare key to the user.
#[test]
fn every_key_the_source_uses_exists() {
    fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let english = parse_catalog(Lang::En.source()).unwrap();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut unknown = Vec::new();
    // This module's own docs and tests show the macro with made-up keys.
    let own = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n");
    for file in files.into_iter().filter(|f| !f.starts_with(&own)) {
        let source = std::fs::read_to_string(&file).unwrap();
        for (at, _) in source.match_indices("t!(\"") {
            let before = source[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            let rest = &source[at + 4..];
            let key = &rest[..rest.find('"').unwrap_or(0)];
            if !english.contains_key(key) {
                unknown.push(format!("{}: {key}", file.display()));
            }
        }
    }
    assert!(
        unknown.is_empty(),
        "keys missing from en.toml: {unknown:#?}"
    );
}

#[test]
fn placeholders_are_filled_and_braces_escaped() {
    let n = 3;
    let values: [(&str, &dyn Display); 2] = [("n", &n), ("what", &"errors")];
    assert_eq!(substitute("{n} {what}", &values), "3 errors");
    assert_eq!(substitute("{{n}} is {n}", &values), "{n} is 3");
    // An unknown or unclosed placeholder stays visible.
    assert_eq!(substitute("{other} {n", &values), "{other} {n");
    assert_eq!(substitute("日本語{n}件", &values), "日本語3件");
    assert_eq!(placeholders("{b} {a} {{x}} {b}"), vec!["a", "b"]);
}

#[test]
fn a_missing_key_shows_as_itself() {
    assert_eq!(text("no.such.key"), "no.such.key");
    assert_eq!(text("meta.name"), "English");
}

fn env_of<'a>(vars: &'a [(&str, &str)]) -> impl Fn(&str) -> Option<String> + 'a {
    |name: &str| {
        vars.iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    }
}

#[test]
fn the_locale_chooses_the_language_in_posix_order() {
    let lang = |vars: &[(&str, &str)]| choose(None, None, env_of(vars));
    assert_eq!(lang(&[]), Lang::En);
    assert_eq!(lang(&[("LANG", "ja_JP.UTF-8")]), Lang::Ja);
    assert_eq!(lang(&[("LANG", "ja")]), Lang::Ja);
    assert_eq!(lang(&[("LANG", "C.UTF-8")]), Lang::En);
    assert_eq!(lang(&[("LANG", "en_US.UTF-8")]), Lang::En);
    // LC_ALL outranks LC_MESSAGES, which outranks LANG.
    assert_eq!(lang(&[("LC_ALL", "C"), ("LANG", "ja_JP.UTF-8")]), Lang::En);
    assert_eq!(
        lang(&[("LC_MESSAGES", "ja_JP.eucJP"), ("LANG", "en_GB")]),
        Lang::Ja
    );
    assert_eq!(
        lang(&[("LC_ALL", "ja_JP.UTF-8"), ("LC_MESSAGES", "C")]),
        Lang::Ja
    );
    // An empty variable counts as unset.
    assert_eq!(lang(&[("LC_ALL", ""), ("LANG", "ja_JP.UTF-8")]), Lang::Ja);
    assert_eq!(lang(&[("LC_ALL", ""), ("LANG", "")]), Lang::En);
}

#[test]
fn the_command_line_outranks_the_config_which_outranks_the_locale() {
    let japanese = [("LANG", "ja_JP.UTF-8")];
    assert_eq!(choose(Some(Lang::En), None, env_of(&japanese)), Lang::En);
    assert_eq!(choose(None, Some(Lang::En), env_of(&japanese)), Lang::En);
    assert_eq!(
        choose(Some(Lang::Ja), Some(Lang::En), env_of(&[])),
        Lang::Ja
    );
    assert_eq!(choose(None, Some(Lang::Ja), env_of(&[])), Lang::Ja);
}

#[test]
fn with_lang_changes_this_thread_only_and_restores_it() {
    let outer = lang();
    with_lang(Lang::Ja, || {
        assert_eq!(lang(), Lang::Ja);
        assert_eq!(text("meta.name"), "日本語");
        let other = std::thread::spawn(lang).join().unwrap();
        assert_eq!(other, outer);
        with_lang(Lang::En, || assert_eq!(text("meta.name"), "English"));
        assert_eq!(lang(), Lang::Ja);
    });
    assert_eq!(lang(), outer);
}
