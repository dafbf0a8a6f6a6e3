use std::path::Path;

use terakoya_core::bundle::{load_course_bytes, load_lesson_bytes};

use super::*;

/// The first unknown-key diagnostic of a lesson file.
fn unknown_key(text: &str) -> Diagnostic {
    let found = load_lesson_bytes(Path::new("c/l.toml"), text.as_bytes()).1;
    found
        .into_iter()
        .find(|d| matches!(d.kind, K::UnknownKey { .. }))
        .unwrap()
}

#[test]
fn renders_rustc_style_with_carets_under_japanese() {
    let found = unknown_key("title = \"日本\"\nlabl = 1\n");
    assert_eq!(
        render_plain(&found),
        "c/l.toml:2:1: error: unknown key `labl` in a lesson\n  |\n2 | labl = 1\n  | ^^^^\n  = help: did you mean `label`?\n"
    );
    let found = unknown_key("title = \"日本\"\n\"見出し\" = 1\n");
    assert!(
        render_plain(&found).contains("\n2 | \"見出し\" = 1\n  | ^^^^^^^^\n"),
        "{}",
        render_plain(&found)
    );
}

#[test]
fn every_part_goes_through_the_style() {
    let (_, found) = load_course_bytes(Path::new("l.toml"), b"title = 1\n");
    let marked = render(&found[0], &|part, text| format!("<{part:?}>{text}</>"));
    assert_eq!(
        marked,
        "<Path>l.toml:1:9:</> <Severity(Error)>error</>: <Message>`title` must be a string, found an integer</>\n\
         <Gutter>  |</>\n\
         <Gutter>1 |</> title = 1\n\
         <Gutter>  |</>         <Carets(Error)>^</>\n\
         <Gutter>  =</> <Help>help</>: write it in quotes: title = \"...\"\n"
    );
}

#[test]
fn file_names_and_messages_cannot_inject_escapes() {
    let d = Diagnostic::whole(
        Path::new("a\x1b[2J.toml"),
        K::InvalidToml {
            message: "key `\x1b]0;x\x07`\u{9b}".to_owned(),
        },
    );
    assert_eq!(
        render_plain(&d),
        "a␛[2J.toml: error: invalid TOML: key `␛]0;x␇`<U+009B>\n"
    );
    assert_eq!(
        headline(&d),
        "a␛[2J.toml: error: invalid TOML: key `␛]0;x␇`<U+009B>"
    );
}

#[test]
fn unknown_keys_without_a_near_one_list_the_allowed_keys() {
    let found = unknown_key("title = \"t\"\ncolour = 1\n");
    assert_eq!(
        help(&found.kind).unwrap(),
        "the keys allowed here are: `format`, `id`, `label`, `title`, `intro`, `lecturer`, `sections`, `summary`"
    );
}
