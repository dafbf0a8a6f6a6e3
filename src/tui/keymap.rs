//! The key table in use: the defaults of [`BINDINGS`] with the config
//! file's `[keys]` remaps applied, built once at startup and kept in the
//! `App` as data, so `update` stays pure and the help and hints show the
//! keys as remapped.

use std::ops::Range;

use ratatui::crossterm::event::{KeyCode, KeyModifiers};

use super::keys::{BINDINGS, Binding, Context};
use super::msg::Action;
use crate::config::keys::{Key, KeySpec};
use crate::config::{Problem, ProblemKind};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Self {
        Keymap {
            bindings: BINDINGS.to_vec(),
        }
    }
}

/// One `[keys]` entry as the config parser gives it.
pub type Remap = (String, Vec<KeySpec>, Range<usize>);

impl Keymap {
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The defaults with `remaps` applied: each remapped action gets the
    /// keys given, in every context it had by default, instead of its
    /// default keys. A remap whose key another action already has in the
    /// same context is a [`ProblemKind::KeyClash`] and is left out (that
    /// action keeps its defaults); clashes among the defaults themselves
    /// (a more specific context shadowing a general one) are by design.
    pub fn with_remaps(remaps: &[Remap]) -> (Keymap, Vec<Problem>) {
        let mut accepted: Vec<(Action, &[KeySpec], &Range<usize>)> = remaps
            .iter()
            .filter_map(|(name, keys, span)| {
                Some((Action::from_name(name)?, keys.as_slice(), span))
            })
            .collect();
        let mut problems = Vec::new();
        loop {
            let keymap = build(&accepted);
            let Some((kept, dropped, spec)) = first_clash(&keymap, &accepted) else {
                return (keymap, problems);
            };
            let Some(at) = accepted.iter().rposition(|(a, ..)| *a == dropped) else {
                return (keymap, problems);
            };
            let (_, _, span) = accepted.remove(at);
            problems.push(Problem {
                span: span.clone(),
                kind: ProblemKind::KeyClash {
                    key: spec.to_string(),
                    first: kept.name().to_owned(),
                    second: dropped.name().to_owned(),
                },
            });
        }
    }
}

/// The defaults, with the bindings of each remapped action replaced where
/// its first default binding was (so the table keeps its order). A key the
/// action had by default stays in the contexts it had it in; a new key goes
/// to every context the action had: `page_down = ["ctrl-f", "space"]` keeps
/// Space for the text and the help, not for the checklist.
fn build(remaps: &[(Action, &[KeySpec], &Range<usize>)]) -> Keymap {
    let mut bindings: Vec<Binding> = Vec::new();
    let mut done: Vec<Action> = Vec::new();
    for default in BINDINGS {
        let Some((action, keys, _)) = remaps.iter().find(|(a, ..)| *a == default.action) else {
            bindings.push(*default);
            continue;
        };
        if done.contains(action) {
            continue;
        }
        done.push(*action);
        for spec in *keys {
            let (code, mods) = key_code(*spec);
            let had: Vec<Context> = BINDINGS
                .iter()
                .filter(|b| b.action == *action && b.code == code && b.mods == mods)
                .map(|b| b.context)
                .collect();
            let contexts = if had.is_empty() {
                default_contexts(*action)
            } else {
                had
            };
            for context in contexts {
                let binding = Binding {
                    code,
                    mods,
                    context,
                    action: *action,
                };
                if !bindings.contains(&binding) {
                    bindings.push(binding);
                }
            }
        }
    }
    Keymap { bindings }
}

/// The contexts `action` has keys in by default, in table order.
fn default_contexts(action: Action) -> Vec<Context> {
    let mut contexts = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.action == action) {
        if !contexts.contains(&binding.context) {
            contexts.push(binding.context);
        }
    }
    contexts
}

/// The first key bound to two actions in one context where at least one
/// of them was remapped: (the action keeping it, the remapped action to
/// drop, the key). Of two remapped actions, the later one is dropped.
fn first_clash(
    keymap: &Keymap,
    remaps: &[(Action, &[KeySpec], &Range<usize>)],
) -> Option<(Action, Action, KeySpec)> {
    let order = |action: Action| remaps.iter().position(|(a, ..)| *a == action);
    for (i, a) in keymap.bindings.iter().enumerate() {
        for b in &keymap.bindings[i + 1..] {
            if a.context != b.context || a.code != b.code || a.mods != b.mods {
                continue;
            }
            if a.action == b.action {
                continue;
            }
            let (kept, dropped) = match (order(a.action), order(b.action)) {
                (None, None) => continue,
                (Some(x), Some(y)) if x > y => (b.action, a.action),
                (Some(_), None) => (b.action, a.action),
                _ => (a.action, b.action),
            };
            let spec = remaps
                .iter()
                .find(|(action, ..)| *action == dropped)
                .and_then(|(_, keys, _)| {
                    keys.iter()
                        .find(|k| key_code(**k) == (a.code, a.mods))
                        .copied()
                })?;
            return Some((kept, dropped, spec));
        }
    }
    None
}

/// The crossterm key of a key as the config file writes it.
pub fn key_code(spec: KeySpec) -> (KeyCode, KeyModifiers) {
    let code = match spec.key {
        Key::Char(c) => KeyCode::Char(c),
        Key::Enter => KeyCode::Enter,
        Key::Esc => KeyCode::Esc,
        Key::Tab => KeyCode::Tab,
        Key::BackTab => KeyCode::BackTab,
        Key::Backspace => KeyCode::Backspace,
        Key::Up => KeyCode::Up,
        Key::Down => KeyCode::Down,
        Key::Left => KeyCode::Left,
        Key::Right => KeyCode::Right,
        Key::PageUp => KeyCode::PageUp,
        Key::PageDown => KeyCode::PageDown,
        Key::Home => KeyCode::Home,
        Key::End => KeyCode::End,
        Key::F(n) => KeyCode::F(n),
    };
    let mut mods = KeyModifiers::NONE;
    if spec.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if spec.alt {
        mods |= KeyModifiers::ALT;
    }
    (code, mods)
}

/// A binding's key as the config file writes it (for `config
/// --print-default`), if the file can write it.
pub fn key_spec(binding: &Binding) -> Option<KeySpec> {
    let key = match binding.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::F(n) => Key::F(n),
        _ => return None,
    };
    Some(KeySpec {
        key,
        ctrl: binding.mods.contains(KeyModifiers::CONTROL),
        alt: binding.mods.contains(KeyModifiers::ALT),
    })
}

/// Every action's stable name, for the config file's `[keys]`.
pub fn action_names() -> Vec<&'static str> {
    Action::all().map(Action::name).collect()
}

/// Each action with its default keys as the config file writes them, in
/// the help's order (for `config --print-default`: generated, so it
/// cannot drift from the table).
pub fn default_keys() -> Vec<(Action, Vec<KeySpec>)> {
    Action::all()
        .map(|action| {
            let mut keys: Vec<KeySpec> = Vec::new();
            for spec in BINDINGS
                .iter()
                .filter(|b| b.action == action)
                .filter_map(key_spec)
            {
                if !keys.contains(&spec) {
                    keys.push(spec);
                }
            }
            (action, keys)
        })
        .collect()
}

#[cfg(test)]
#[path = "keymap_tests.rs"]
mod tests;
