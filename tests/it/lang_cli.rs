//! The interface language on the command line: chosen from LC_ALL,
//! LC_MESSAGES or LANG, overridden by `--lang`.

use assert_cmd::Command;
use tempfile::TempDir;

const BROKEN: &str = "tests/invalid_bundles/course_missing_title";

/// terakoya with the locale `vars` (every other locale variable removed)
/// and a data directory of its own.
fn terakoya(vars: &[(&str, &str)], data: &TempDir) -> Command {
    let mut cmd = Command::cargo_bin("terakoya").unwrap();
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        cmd.env_remove(name);
    }
    cmd.envs(vars.iter().copied())
        .env("TERAKOYA_DATA_DIR", data.path());
    cmd
}

fn output(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap()
}

#[test]
fn a_japanese_locale_gives_japanese_messages() {
    let data = TempDir::new().unwrap();
    let text = output(terakoya(&[("LANG", "ja_JP.UTF-8")], &data).args(["-L", BROKEN, "check"]));
    assert!(
        text.contains("エラー: course.tomlに必須のキー `title` がありません"),
        "{text}"
    );
    assert!(text.contains("1 件のエラー"), "{text}");
    assert!(!text.contains("error"), "{text}");
}

#[test]
fn lang_en_overrides_a_japanese_locale() {
    let data = TempDir::new().unwrap();
    let text = output(
        terakoya(&[("LANG", "ja_JP.UTF-8")], &data).args(["--lang", "en", "-L", BROKEN, "check"]),
    );
    assert!(
        text.contains("error: missing required key `title`"),
        "{text}"
    );
    assert!(!text.contains("エラー"), "{text}");
    // Given after the subcommand too (a global option).
    let text = output(terakoya(&[], &data).args(["-L", BROKEN, "check", "--lang", "ja"]));
    assert!(text.contains("エラー"), "{text}");
}

#[test]
fn lc_all_outranks_lang_and_an_empty_one_does_not_count() {
    let data = TempDir::new().unwrap();
    let check = |vars: &[(&str, &str)]| output(terakoya(vars, &data).args(["-L", BROKEN, "check"]));
    let text = check(&[("LC_ALL", "C.UTF-8"), ("LANG", "ja_JP.UTF-8")]);
    assert!(text.contains("error:"), "{text}");
    let text = check(&[("LC_ALL", ""), ("LC_MESSAGES", "ja_JP.UTF-8")]);
    assert!(text.contains("エラー"), "{text}");
}

#[test]
fn subcommands_speak_japanese_too() {
    let data = TempDir::new().unwrap();
    let ja = [("LANG", "ja_JP.UTF-8")];
    let text = output(terakoya(&ja, &data).args(["show", "no-such-lesson"]));
    assert!(
        text.contains("エラー: レッスン `no-such-lesson` はありません。"),
        "{text}"
    );
    let text = output(terakoya(&ja, &data).arg("list"));
    assert!(text.starts_with("レッスン"), "{text}");
    let text = output(terakoya(&ja, &data).arg("progress"));
    assert!(text.starts_with("コース"), "{text}");
    let text = output(terakoya(&ja, &data).args(["progress", "reset", "c/zzz", "--yes"]));
    assert!(
        text.contains("`c/zzz` の進捗は保存されていません。"),
        "{text}"
    );
    let text = output(terakoya(&ja, &data).args(["progress", "reset", "--all"]));
    assert!(text.contains("消去する進捗はありません。"), "{text}");
}
