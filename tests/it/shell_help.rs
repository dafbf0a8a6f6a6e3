//! `completions` and `man` print what shells and man(1) read.

fn terakoya(args: &[&str]) -> std::process::Output {
    crate::support::terakoya()
        .env_remove("TERAKOYA_DATA_DIR")
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn completions_name_every_subcommand_for_each_shell() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let output = terakoya(&["completions", shell]);
        assert!(output.status.success(), "{shell}: {output:?}");
        let script = String::from_utf8(output.stdout).unwrap();
        for sub in ["check", "list", "show", "progress", "search"] {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let bash = terakoya(&["completions", "bash"]);
    let script = String::from_utf8(bash.stdout).unwrap();
    assert!(script.contains("complete -F") && script.contains("--lessons"));
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    assert_eq!(terakoya(&["completions", "tcsh"]).status.code(), Some(2));
}

#[test]
fn man_prints_a_roff_page() {
    let output = terakoya(&["man"]);
    assert!(output.status.success());
    let page = String::from_utf8(output.stdout).unwrap();
    assert!(
        page.starts_with(".ie") || page.contains(".TH terakoya"),
        "{}",
        &page[..200.min(page.len())]
    );
    assert!(page.contains(".SH NAME") && page.contains("terakoya"));
    assert!(page.contains("\\-\\-lessons"), "options are listed");
}
