//! Everything that can happen to the reader: one enum of actions (what keys
//! and a future config file map to, by stable name), plus the messages the
//! runtime delivers (resizes, mouse, save results, idle timeouts).

use terakoya_core::progress::{Change, Progress};

/// A user action. The snake_case names are stable: a config file will remap
/// keys by these names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ScrollDown,
    ScrollUp,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Top,
    Bottom,
    NextSection,
    PrevSection,
    Open,
    Resume,
    Back,
    ToggleFocus,
    ToggleTick,
    ToggleHelp,
    Suspend,
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub const ALL: [Action; 18] = [
        Action::ScrollDown,
        Action::ScrollUp,
        Action::PageDown,
        Action::PageUp,
        Action::HalfPageDown,
        Action::HalfPageUp,
        Action::Top,
        Action::Bottom,
        Action::NextSection,
        Action::PrevSection,
        Action::Open,
        Action::Resume,
        Action::Back,
        Action::ToggleFocus,
        Action::ToggleTick,
        Action::ToggleHelp,
        Action::Suspend,
        Action::Quit,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Action::ScrollDown => "scroll_down",
            Action::ScrollUp => "scroll_up",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::NextSection => "next_section",
            Action::PrevSection => "prev_section",
            Action::Open => "open",
            Action::Resume => "resume",
            Action::Back => "back",
            Action::ToggleFocus => "toggle_focus",
            Action::ToggleTick => "toggle_tick",
            Action::ToggleHelp => "toggle_help",
            Action::Suspend => "suspend",
            Action::Quit => "quit",
        }
    }

    pub fn from_name(name: &str) -> Option<Action> {
        Action::ALL.into_iter().find(|a| a.name() == name)
    }
}

/// What the mouse did, at a cell of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MouseKind {
    Click,
    WheelDown,
    WheelUp,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    Action(Action),
    Resize {
        width: u16,
        height: u16,
    },
    Mouse(Mouse),
    /// Scrolling has settled (no input for a moment while a position save
    /// was pending): save the reading position now.
    Settled,
    /// The store saved our changes and returned the merged progress.
    Saved(Progress),
    /// The store could not save; the message is shown in the status line.
    SaveFailed(String),
}

/// What update asks the runtime to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Save(Vec<Change>),
    /// Give the terminal back and stop as a shell job (Ctrl-Z), until `fg`.
    Suspend,
    Quit,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn action_names_round_trip_and_are_unique() {
        for action in Action::ALL {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        let mut names: Vec<_> = Action::ALL.iter().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::ALL.len());
        assert_eq!(Action::from_name("no_such_action"), None);
    }
}
