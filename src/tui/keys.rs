//! The one place where keys become actions. The help overlay and the status
//! line hints are generated from the same table, so they cannot drift.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::app::{App, Focus, Screen};
use super::keymap::Keymap;
use super::msg::{Action, Msg, PromptKey};

/// Where a binding applies. A key is looked up in the current contexts, most
/// specific first (see [`contexts`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Global,
    List,
    Lesson,
    Content,
    Checklist,
    /// The table of contents popup.
    Contents,
    /// The library's search results.
    Results,
    Help,
    Review,
    Stats,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    pub code: KeyCode,
    pub mods: KeyModifiers,
    pub context: Context,
    pub action: Action,
}

const fn bind(code: KeyCode, context: Context, action: Action) -> Binding {
    Binding {
        code,
        mods: KeyModifiers::NONE,
        context,
        action,
    }
}

const fn ch(c: char) -> KeyCode {
    KeyCode::Char(c)
}

use Action as A;
use Context as C;

/// The default key table, in the order the help overlay shows it; the
/// config file's `[keys]` remaps it into the app's [`Keymap`].
pub const BINDINGS: &[Binding] = &[
    bind(ch('j'), C::Global, A::ScrollDown),
    bind(KeyCode::Down, C::Global, A::ScrollDown),
    bind(ch('k'), C::Global, A::ScrollUp),
    bind(KeyCode::Up, C::Global, A::ScrollUp),
    bind(KeyCode::PageDown, C::Global, A::PageDown),
    Binding {
        code: ch('f'),
        mods: KeyModifiers::CONTROL,
        context: C::Global,
        action: A::PageDown,
    },
    bind(KeyCode::PageUp, C::Global, A::PageUp),
    Binding {
        code: ch('b'),
        mods: KeyModifiers::CONTROL,
        context: C::Global,
        action: A::PageUp,
    },
    Binding {
        code: ch('d'),
        mods: KeyModifiers::CONTROL,
        context: C::Global,
        action: A::HalfPageDown,
    },
    Binding {
        code: ch('u'),
        mods: KeyModifiers::CONTROL,
        context: C::Global,
        action: A::HalfPageUp,
    },
    bind(ch('g'), C::Global, A::Top),
    bind(KeyCode::Home, C::Global, A::Top),
    bind(ch('G'), C::Global, A::Bottom),
    bind(KeyCode::End, C::Global, A::Bottom),
    bind(ch('?'), C::Global, A::ToggleHelp),
    bind(ch('q'), C::Global, A::Quit),
    Binding {
        code: ch('c'),
        mods: KeyModifiers::CONTROL,
        context: C::Global,
        action: A::Quit,
    },
    Binding {
        code: ch('z'),
        mods: KeyModifiers::CONTROL,
        context: C::Global,
        action: A::Suspend,
    },
    bind(KeyCode::Enter, C::List, A::Open),
    bind(KeyCode::Right, C::List, A::Open),
    bind(ch('l'), C::List, A::Open),
    bind(ch('c'), C::List, A::Resume),
    bind(ch('/'), C::List, A::Search),
    bind(ch(']'), C::Lesson, A::NextSection),
    bind(ch('['), C::Lesson, A::PrevSection),
    bind(ch('p'), C::Lesson, A::PrevSection),
    bind(KeyCode::Tab, C::Lesson, A::ToggleFocus),
    bind(KeyCode::BackTab, C::Lesson, A::ToggleFocus),
    bind(KeyCode::Esc, C::Lesson, A::Back),
    bind(KeyCode::Backspace, C::Lesson, A::Back),
    bind(KeyCode::Left, C::Lesson, A::Back),
    bind(ch('h'), C::Lesson, A::Back),
    bind(ch('/'), C::Lesson, A::Search),
    bind(ch('n'), C::Lesson, A::SearchNext),
    bind(ch('N'), C::Lesson, A::SearchPrev),
    bind(ch('t'), C::Lesson, A::Contents),
    bind(KeyCode::Enter, C::Content, A::Open),
    bind(ch(' '), C::Content, A::PageDown),
    bind(ch('b'), C::Content, A::PageUp),
    bind(ch('d'), C::Content, A::HalfPageDown),
    bind(ch('u'), C::Content, A::HalfPageUp),
    bind(ch(' '), C::Checklist, A::ToggleTick),
    bind(ch('x'), C::Checklist, A::ToggleTick),
    bind(KeyCode::Enter, C::Checklist, A::ToggleTick),
    bind(KeyCode::Enter, C::Contents, A::Open),
    bind(ch('t'), C::Contents, A::Contents),
    bind(KeyCode::Esc, C::Contents, A::Back),
    bind(KeyCode::Enter, C::Results, A::Open),
    bind(KeyCode::Right, C::Results, A::Open),
    bind(ch('l'), C::Results, A::Open),
    bind(ch('/'), C::Results, A::Search),
    bind(KeyCode::Esc, C::Results, A::Back),
    bind(KeyCode::Backspace, C::Results, A::Back),
    bind(KeyCode::Left, C::Results, A::Back),
    bind(ch('h'), C::Results, A::Back),
    bind(ch(' '), C::Help, A::PageDown),
    bind(ch('b'), C::Help, A::PageUp),
    bind(KeyCode::Esc, C::Help, A::ToggleHelp),
    bind(KeyCode::Backspace, C::Help, A::ToggleHelp),
    bind(KeyCode::Enter, C::Help, A::ToggleHelp),
    bind(ch('r'), C::List, A::OpenReview),
    bind(ch('s'), C::List, A::OpenStats),
    bind(ch(' '), C::Review, A::ShowAnswer),
    bind(ch('1'), C::Review, A::RateAgain),
    bind(ch('2'), C::Review, A::RateHard),
    bind(ch('3'), C::Review, A::RateGood),
    bind(ch('4'), C::Review, A::RateEasy),
    bind(ch('u'), C::Review, A::UndoRating),
    bind(KeyCode::Esc, C::Review, A::Back),
    bind(KeyCode::Backspace, C::Review, A::Back),
    bind(KeyCode::Esc, C::Stats, A::Back),
    bind(KeyCode::Backspace, C::Stats, A::Back),
    bind(ch('s'), C::Stats, A::Back),
];

/// The contexts that apply now, most specific first.
pub fn contexts(app: &App) -> &'static [Context] {
    if app.help.is_some() {
        return &[C::Help, C::Global];
    }
    if app.search.contents.is_some() {
        return &[C::Contents, C::Global];
    }
    match (&app.screen, app.focus()) {
        (Screen::List, _) => &[C::List, C::Global],
        (Screen::Results, _) => &[C::Results, C::Global],
        (Screen::Lesson, Focus::Checklist) => &[C::Checklist, C::Lesson, C::Global],
        (Screen::Lesson, Focus::Content) => &[C::Content, C::Lesson, C::Global],
        (Screen::Review, _) => &[C::Review, C::Global],
        (Screen::Stats, _) => &[C::Stats, C::Global],
    }
}

/// The message a key press means now: a key for the search prompt while
/// it is open (typed as is, full-width included), else an action.
pub fn msg_for(app: &App, key: KeyEvent) -> Option<Msg> {
    if app.search.prompt.is_none() {
        return action_for(app, key).map(Msg::Action);
    }
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let prompt = match key.code {
        KeyCode::Char('c') if ctrl => return Some(Msg::Action(A::Quit)),
        KeyCode::Char('z') if ctrl => return Some(Msg::Action(A::Suspend)),
        KeyCode::Char('u') if ctrl => PromptKey::Clear,
        KeyCode::Char(c)
            if !ctrl && !key.modifiers.contains(KeyModifiers::ALT) && !c.is_control() =>
        {
            PromptKey::Char(c)
        }
        KeyCode::Backspace => PromptKey::Backspace,
        KeyCode::Enter => PromptKey::Accept,
        KeyCode::Esc => PromptKey::Cancel,
        _ => return None,
    };
    Some(Msg::Prompt(prompt))
}

/// The action a key press means in the app's current state, if any.
pub fn action_for(app: &App, key: KeyEvent) -> Option<Action> {
    if key.kind == KeyEventKind::Release {
        return None;
    }
    let mods = key.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = half_width(key.code);
    contexts(app).iter().find_map(|&context| {
        app.keymap
            .bindings()
            .iter()
            .find(|b| b.context == context && b.code == code && b.mods == mods)
            .map(|b| b.action)
    })
}

/// A key typed with a Japanese input method in full-width mode, as the
/// ASCII key it stands for: U+FF01..U+FF5E are ASCII + 0xFEE0, and the
/// ideographic space is Space. So `ｊ` scrolls as `j` does.
pub fn half_width(code: KeyCode) -> KeyCode {
    match code {
        KeyCode::Char('\u{3000}') => KeyCode::Char(' '),
        KeyCode::Char(c @ '\u{FF01}'..='\u{FF5E}') => {
            char::from_u32(u32::from(c) - 0xFEE0).map_or(code, KeyCode::Char)
        }
        other => other,
    }
}

/// How a key is written in the help and the hints.
pub fn key_label(binding: &Binding) -> String {
    let mut key = super::strings::key_name(binding.code);
    if binding.mods.contains(KeyModifiers::ALT) {
        key = super::strings::with_alt(&key);
    }
    if binding.mods.contains(KeyModifiers::CONTROL) {
        key = super::strings::with_ctrl(&key);
    }
    key
}

/// The keys bound to `action` in `context`, as labels.
pub fn labels(keymap: &Keymap, context: Context, action: Action) -> Vec<String> {
    keymap
        .bindings()
        .iter()
        .filter(|b| b.context == context && b.action == action)
        .map(key_label)
        .collect()
}

/// The first key for `action` in the current contexts (for hints).
pub fn first_label(app: &App, action: Action) -> Option<String> {
    contexts(app).iter().find_map(|&context| {
        app.keymap
            .bindings()
            .iter()
            .find(|b| b.context == context && b.action == action)
            .map(key_label)
    })
}

/// The actions worth a hint in the status line, per situation.
pub fn hint_actions(app: &App) -> &'static [Action] {
    // Help first: at narrow widths only the first hints fit.
    match contexts(app).first() {
        Some(C::List) => &[
            A::ToggleHelp,
            A::ScrollDown,
            A::Open,
            A::Resume,
            A::Search,
            A::Quit,
        ],
        Some(C::Results) => &[A::ToggleHelp, A::ScrollDown, A::Open, A::Back, A::Quit],
        Some(C::Contents) => &[A::ToggleHelp, A::ScrollDown, A::Open, A::Quit],
        Some(C::Stats) => &[A::ToggleHelp, A::ScrollDown, A::Back, A::Quit],
        Some(C::Content) => &[
            A::ToggleHelp,
            A::PageDown,
            A::ToggleFocus,
            A::NextSection,
            A::Back,
            A::Quit,
        ],
        Some(C::Checklist) => &[
            A::ToggleHelp,
            A::ToggleTick,
            A::ScrollDown,
            A::ToggleFocus,
            A::Back,
            A::Quit,
        ],
        _ => &[A::ToggleHelp, A::ScrollDown, A::Quit],
    }
}

/// The contexts in the order the help overlay lists them.
pub const HELP_ORDER: [Context; 10] = [
    C::Global,
    C::List,
    C::Results,
    C::Lesson,
    C::Content,
    C::Checklist,
    C::Contents,
    C::Review,
    C::Stats,
    C::Help,
];

/// One line of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpLine {
    Heading(&'static str),
    Key {
        keys: String,
        what: &'static str,
    },
    /// A line of its own, wrapped when narrow.
    Note(&'static str),
    Blank,
}

/// The help overlay's lines, generated from the keymap: per context, each
/// action with all its keys.
pub fn help_lines(keymap: &Keymap) -> Vec<HelpLine> {
    let mut out = Vec::new();
    for context in HELP_ORDER {
        let entries: Vec<HelpLine> = Action::all()
            .filter_map(|action| {
                let keys = labels(keymap, context, action);
                (!keys.is_empty()).then(|| HelpLine::Key {
                    keys: keys.join(" "),
                    what: super::strings::action_help(context, action),
                })
            })
            .collect();
        if entries.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(HelpLine::Blank);
        }
        out.push(HelpLine::Heading(super::strings::context_heading(context)));
        out.extend(entries);
    }
    out.push(HelpLine::Blank);
    out.push(HelpLine::Note(super::strings::full_width_note()));
    out.push(HelpLine::Blank);
    out.push(HelpLine::Heading(super::strings::mouse_heading()));
    for (what_to_do, what) in super::strings::mouse_help() {
        out.push(HelpLine::Key {
            keys: what_to_do.to_owned(),
            what,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        let mut seen = HashSet::new();
        for b in BINDINGS {
            assert!(
                seen.insert((b.context, b.code, b.mods)),
                "{b:?} is bound twice"
            );
        }
    }

    #[test]
    fn every_action_has_a_key() {
        for action in Action::all() {
            assert!(
                BINDINGS.iter().any(|b| b.action == action),
                "{} has no key",
                action.name()
            );
        }
    }

    #[test]
    fn help_lists_every_binding() {
        let text: Vec<String> = help_lines(&Keymap::default())
            .into_iter()
            .filter_map(|l| match l {
                HelpLine::Key { keys, .. } => Some(keys),
                _ => None,
            })
            .collect();
        for binding in BINDINGS {
            let label = key_label(binding);
            assert!(
                text.iter().any(|keys| keys.split(' ').any(|k| k == label)),
                "{label} missing from the help"
            );
        }
    }

    #[test]
    fn full_width_keys_are_their_ascii_twins() {
        for c in '!'..='~' {
            let wide = char::from_u32(u32::from(c) + 0xFEE0).unwrap();
            assert_eq!(half_width(KeyCode::Char(wide)), KeyCode::Char(c));
        }
        assert_eq!(half_width(KeyCode::Char('\u{3000}')), KeyCode::Char(' '));
        assert_eq!(half_width(KeyCode::Char('あ')), KeyCode::Char('あ'));
        assert_eq!(half_width(KeyCode::Enter), KeyCode::Enter);
    }

    #[test]
    fn labels_read_like_keys() {
        let keymap = Keymap::default();
        assert_eq!(labels(&keymap, C::Content, A::PageDown), ["Space"]);
        assert_eq!(labels(&keymap, C::Global, A::Quit), ["q", "Ctrl-c"]);
        assert_eq!(labels(&keymap, C::Global, A::ScrollDown), ["j", "↓"]);
    }
}
