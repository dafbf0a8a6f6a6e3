use super::*;
use crate::config::keys::parse_key;
use crate::tui::keys::{BINDINGS, labels};

fn remap(action: &str, keys: &[&str]) -> Remap {
    let specs = keys.iter().map(|k| parse_key(k).unwrap()).collect();
    (action.to_owned(), specs, 0..action.len())
}

fn sorted(keymap: &Keymap) -> Vec<String> {
    let mut all: Vec<String> = keymap.bindings().iter().map(|b| format!("{b:?}")).collect();
    all.sort();
    all
}

#[test]
fn no_remaps_is_the_default_table() {
    let (keymap, problems) = Keymap::with_remaps(&[]);
    assert_eq!(keymap, Keymap::default());
    assert!(problems.is_empty());
}

#[test]
fn remapped_keys_replace_the_defaults_in_the_actions_contexts() {
    let (keymap, problems) = Keymap::with_remaps(&[remap("toggle_tick", &["t"])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        labels(&keymap, Context::Checklist, Action::ToggleTick),
        ["t"]
    );
    assert!(labels(&keymap, Context::Global, Action::ToggleTick).is_empty());
    // Other actions keep theirs.
    assert_eq!(
        labels(&keymap, Context::Global, Action::Quit),
        ["q", "Ctrl-c"]
    );
}

#[test]
fn a_default_key_given_again_stays_where_it_was() {
    let (keymap, problems) = Keymap::with_remaps(&[remap("page_down", &["ctrl-f", "space"])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(
        labels(&keymap, Context::Global, Action::PageDown),
        ["Ctrl-f"]
    );
    assert_eq!(
        labels(&keymap, Context::Content, Action::PageDown),
        ["Space"]
    );
    assert_eq!(labels(&keymap, Context::Help, Action::PageDown), ["Space"]);
    assert_eq!(
        labels(&keymap, Context::Checklist, Action::ToggleTick),
        ["Space", "x", "Enter"]
    );
}

#[test]
fn every_default_remapped_to_itself_is_the_default_table() {
    let remaps: Vec<Remap> = default_keys()
        .into_iter()
        .map(|(action, keys)| (action.name().to_owned(), keys, 0..0))
        .collect();
    let (keymap, problems) = Keymap::with_remaps(&remaps);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(sorted(&keymap), sorted(&Keymap::default()));
    assert_eq!(keymap.bindings().len(), BINDINGS.len());
}

#[test]
fn a_key_for_two_actions_in_one_context_names_both() {
    let (keymap, problems) = Keymap::with_remaps(&[remap("quit", &["j"])]);
    assert_eq!(
        problems.iter().map(|p| &p.kind).collect::<Vec<_>>(),
        [&ProblemKind::KeyClash {
            key: "j".into(),
            first: "scroll_down".into(),
            second: "quit".into(),
        }]
    );
    // The clashing remap is left out: quit keeps its defaults.
    assert_eq!(
        labels(&keymap, Context::Global, Action::Quit),
        ["q", "Ctrl-c"]
    );
    assert_eq!(
        labels(&keymap, Context::Global, Action::ScrollDown),
        ["j", "↓"]
    );
}

#[test]
fn of_two_clashing_remaps_the_later_is_dropped() {
    let (keymap, problems) =
        Keymap::with_remaps(&[remap("top", &["t"]), remap("bottom", &["t", "B"])]);
    assert_eq!(problems.len(), 1);
    assert!(matches!(
        &problems[0].kind,
        ProblemKind::KeyClash { first, second, .. } if first == "top" && second == "bottom"
    ));
    assert_eq!(labels(&keymap, Context::Global, Action::Top), ["t"]);
    assert_eq!(
        labels(&keymap, Context::Global, Action::Bottom),
        ["G", "End"]
    );
}

#[test]
fn keys_swapped_between_actions_do_not_clash() {
    let (keymap, problems) =
        Keymap::with_remaps(&[remap("scroll_down", &["k"]), remap("scroll_up", &["j"])]);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(labels(&keymap, Context::Global, Action::ScrollDown), ["k"]);
}

#[test]
fn every_default_key_can_be_written_in_the_file() {
    for binding in BINDINGS {
        let spec = key_spec(binding).unwrap();
        assert_eq!(key_code(spec), (binding.code, binding.mods), "{binding:?}");
        assert_eq!(parse_key(&spec.to_string()), Some(spec), "{binding:?}");
    }
}
