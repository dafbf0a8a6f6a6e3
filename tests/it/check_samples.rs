//! `check` and `list` on the sample lessons and on the built-in samples.

use assert_cmd::Command;

fn terakoya(data_dir: &tempfile::TempDir) -> Command {
    let mut cmd = crate::support::terakoya();
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("TERAKOYA_DATA_DIR")
        .arg("--data-dir")
        .arg(data_dir.path());
    cmd
}

#[test]
fn check_on_the_sample_lessons_is_clean() {
    let data = tempfile::tempdir().unwrap();
    let out = terakoya(&data)
        .args(["--lessons", "lessons", "check"])
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(stdout.starts_with("ok: "), "{stdout}");
    assert!(!stdout.contains("error"), "{stdout}");
}

#[test]
fn without_lessons_option_in_an_empty_directory_the_built_in_samples_load() {
    let data = tempfile::tempdir().unwrap();
    let empty = tempfile::tempdir().unwrap();
    let out = terakoya(&data)
        .current_dir(empty.path())
        .args(["list", "--json"])
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let ids: Vec<&str> = json["courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["basics", "career"]);
    let career = &json["courses"][1]["lessons"];
    assert_eq!(career[0]["id"], "06-sns");
    assert_eq!(career[1]["id"], "07-keep-learning");

    let out = terakoya(&data)
        .current_dir(empty.path())
        .arg("check")
        .assert()
        .success();
    let stdout = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.starts_with("ok: 7 files checked, 2 courses, 5 lessons"),
        "{stdout}"
    );
}
