//! Keys as written in the config file (`ctrl-f`, `shift-tab`, `]`), in a
//! neutral form that knows no terminal library (as helix's input types):
//! the reader maps them to crossterm's events.

use std::fmt;

/// A key without modifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, as typed (`G` is shift-g).
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Backspace,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    /// F1 to F12.
    F(u8),
}

/// A key with the modifiers a binding may ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct KeySpec {
    pub key: Key,
    pub ctrl: bool,
    pub alt: bool,
}

impl KeySpec {
    pub const fn plain(key: Key) -> KeySpec {
        KeySpec {
            key,
            ctrl: false,
            alt: false,
        }
    }

    pub const fn ctrl(c: char) -> KeySpec {
        KeySpec {
            key: Key::Char(c),
            ctrl: true,
            alt: false,
        }
    }
}

/// The names of keys without a character, as written in the file.
const NAMED: &[(&str, Key)] = &[
    ("enter", Key::Enter),
    ("esc", Key::Esc),
    ("space", Key::Char(' ')),
    ("tab", Key::Tab),
    ("backspace", Key::Backspace),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("pgup", Key::PageUp),
    ("pgdn", Key::PageDown),
    ("home", Key::Home),
    ("end", Key::End),
];

/// Every key name the file accepts besides single characters and `f1`–`f12`
/// (for did-you-mean hints).
pub fn key_names() -> impl Iterator<Item = &'static str> {
    NAMED
        .iter()
        .map(|(name, _)| *name)
        .chain(["shift-tab", "ctrl-", "alt-"])
}

/// Reads a key as written in the config file: a single character (`j`,
/// `G`, `]`, `？`), a name (`enter`, `pgdn`, `f5`, …), `shift-tab`, or
/// `ctrl-`/`alt-` before either. Names are not case-sensitive; a single
/// character is (`G` is not `g`).
pub fn parse_key(text: &str) -> Option<KeySpec> {
    let mut spec = KeySpec::plain(Key::Esc);
    let mut rest = text;
    loop {
        let lower = rest.to_ascii_lowercase();
        if lower.starts_with("ctrl-") && rest.chars().count() > 5 {
            spec.ctrl = true;
            rest = &rest[5..];
        } else if lower.starts_with("alt-") && rest.chars().count() > 4 {
            spec.alt = true;
            rest = &rest[4..];
        } else {
            break;
        }
    }
    let mut chars = rest.chars();
    spec.key = match (chars.next(), chars.next()) {
        (Some(c), None) if !c.is_control() && !c.is_whitespace() => {
            // Ctrl with a letter is the same key whatever the case.
            Key::Char(if spec.ctrl { c.to_ascii_lowercase() } else { c })
        }
        _ => named(&rest.to_ascii_lowercase())?,
    };
    Some(spec)
}

fn named(name: &str) -> Option<Key> {
    if name == "shift-tab" || name == "backtab" {
        return Some(Key::BackTab);
    }
    if let Some(n) = name.strip_prefix('f').and_then(|n| n.parse::<u8>().ok()) {
        return (1..=12).contains(&n).then_some(Key::F(n));
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|(_, key)| *key)
}

/// Written as the file writes it, so that `config --print-default` can
/// be read back.
impl fmt::Display for KeySpec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("ctrl-")?;
        }
        if self.alt {
            f.write_str("alt-")?;
        }
        match self.key {
            Key::Char(' ') => f.write_str("space"),
            Key::Char(c) => write!(f, "{c}"),
            Key::BackTab => f.write_str("shift-tab"),
            Key::F(n) => write!(f, "f{n}"),
            key => {
                let name = NAMED
                    .iter()
                    .find(|(_, k)| *k == key)
                    .map_or("?", |(n, _)| n);
                f.write_str(name)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_key_form_parses() {
        assert_eq!(parse_key("t"), Some(KeySpec::plain(Key::Char('t'))));
        assert_eq!(parse_key("G"), Some(KeySpec::plain(Key::Char('G'))));
        assert_eq!(parse_key("]"), Some(KeySpec::plain(Key::Char(']'))));
        assert_eq!(parse_key("space"), Some(KeySpec::plain(Key::Char(' '))));
        assert_eq!(parse_key("ctrl-f"), Some(KeySpec::ctrl('f')));
        assert_eq!(parse_key("Ctrl-F"), Some(KeySpec::ctrl('f')));
        assert_eq!(parse_key("shift-tab"), Some(KeySpec::plain(Key::BackTab)));
        assert_eq!(parse_key("PgDn"), Some(KeySpec::plain(Key::PageDown)));
        assert_eq!(parse_key("f12"), Some(KeySpec::plain(Key::F(12))));
        let alt = parse_key("alt-x").unwrap();
        assert!(alt.alt && !alt.ctrl && alt.key == Key::Char('x'));
        assert_eq!(parse_key("？"), Some(KeySpec::plain(Key::Char('？'))));
    }

    #[test]
    fn nonsense_is_refused() {
        for bad in [
            "",
            "ctrl-",
            "f13",
            "f0",
            "pagedown",
            "ctrl-ctrl",
            "two words",
            "\u{7}",
        ] {
            assert_eq!(parse_key(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn keys_print_as_they_are_written() {
        for text in [
            "t",
            "G",
            "space",
            "ctrl-f",
            "alt-x",
            "shift-tab",
            "pgdn",
            "f5",
            "enter",
        ] {
            assert_eq!(parse_key(text).unwrap().to_string(), text);
        }
    }
}
