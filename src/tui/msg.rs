//! Everything that can happen to the reader: one enum of actions (what keys
//! and a future config file map to, by stable name), plus the messages the
//! runtime delivers (resizes, mouse, save results, idle timeouts).

use terakoya_core::progress::{Change, Progress};

use super::app::Message;
use super::reload::Reload;

/// A user action. The snake_case names are stable: a config file will remap
/// keys by these names. The declaration order is the help overlay's.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    strum::EnumIter,
    strum::IntoStaticStr,
    strum::EnumString,
)]
#[strum(serialize_all = "snake_case")]
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
    Search,
    SearchNext,
    SearchPrev,
    Contents,
    Open,
    Resume,
    Back,
    ToggleFocus,
    ToggleTick,
    ToggleHelp,
    /// The review screen (from the list), and on it:
    OpenReview,
    ShowAnswer,
    RateAgain,
    RateHard,
    RateGood,
    RateEasy,
    UndoRating,
    /// The statistics screen (from the list).
    OpenStats,
    Suspend,
    Quit,
}

impl Action {
    /// Every action, in the order the help overlay lists them.
    pub fn all() -> impl Iterator<Item = Action> {
        <Action as strum::IntoEnumIterator>::iter()
    }

    pub fn name(self) -> &'static str {
        self.into()
    }

    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }
}

/// What the mouse did, at a cell of the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    pub kind: MouseKind,
    pub column: u16,
    pub row: u16,
}

impl Mouse {
    pub fn position(self) -> ratatui::layout::Position {
        ratatui::layout::Position::new(self.column, self.row)
    }
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
    /// The store saved our changes and returned the merged progress, with
    /// what it had to warn about (a file it could not read, moved aside).
    Saved {
        progress: Progress,
        warning: Option<Message>,
    },
    /// Another machine's file in the sync directory changed; the store
    /// merged it (and any conflict copies) into the saved progress, which
    /// comes with what it had to warn about.
    Synced {
        progress: Progress,
        warning: Option<Message>,
    },
    /// The store could not save: why, worded by [`strings::save_failed`].
    ///
    /// [`strings::save_failed`]: super::strings::save_failed
    SaveFailed(Message),
    /// The lesson files changed on disk and were loaded again.
    Reloaded(Reload),
    /// A key typed into the open search prompt (see `tui::search`).
    Prompt(PromptKey),
}

/// What a key does in the search prompt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PromptKey {
    /// A character typed (an input method's commit arrives char by char).
    Char(char),
    Backspace,
    /// Ctrl-u: clear the line.
    Clear,
    /// Enter: keep the search.
    Accept,
    /// Esc: cancel, back to where the search started.
    Cancel,
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
        for action in Action::all() {
            assert_eq!(Action::from_name(action.name()), Some(action));
        }
        let mut names: Vec<_> = Action::all().map(|a| a.name()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Action::all().count());
        assert_eq!(Action::HalfPageDown.name(), "half_page_down");
        assert_eq!(Action::from_name("toggle_tick"), Some(Action::ToggleTick));
        assert_eq!(Action::from_name("no_such_action"), None);
    }
}
