//! Every user-visible string of the reader, so that a Japanese interface
//! (chosen from LANG) can be added here in one place.

use ratatui::crossterm::event::KeyCode;

use terakoya_core::progress::store::{StoreError, StoreWarning};

use super::app::Message;
use super::keys::Context;
use super::msg::Action;

pub const APP_TITLE: &str = "terakoya";
pub const SUMMARY: &str = "Summary";
pub const TEXT: &str = "Text";
pub const CLOSE: &str = "close";
pub const SECTIONS: &str = "Sections";
pub const HELP_TITLE: &str = "Keys";
pub const CONTINUE: &str = "Continue";
pub const NO_LESSONS: &str = "No lessons to show (the status line says why).";
pub const NO_SUMMARY: &str = "This lesson has no summary points.";
pub const DONE_MARK: &str = "✓";
pub const READ_MARK: &str = "✓";
pub const TICKED: &str = "[x] ";
pub const UNTICKED: &str = "[ ] ";
pub const ELLIPSIS: &str = "…";
/// Drawn in the margin left of a section heading.
pub const HEADING_MARK: &str = "┃";
pub const NOT_A_TERMINAL: &str = "the reader needs a terminal; for plain text use `terakoya list` or `terakoya show COURSE/LESSON`";
pub const NOTHING_TO_CONTINUE: &str = "Nothing to continue yet: Enter opens a lesson";

/// How a key is written in the help and the hints.
pub fn key_name(code: KeyCode) -> String {
    let name = match code {
        KeyCode::Char(' ') => "Space",
        KeyCode::Char(c) => return c.to_string(),
        KeyCode::Down => "↓",
        KeyCode::Up => "↑",
        KeyCode::Right => "→",
        KeyCode::Left => "←",
        KeyCode::PageDown => "PgDn",
        KeyCode::PageUp => "PgUp",
        KeyCode::Home => "Home",
        KeyCode::End => "End",
        KeyCode::Enter => "Enter",
        KeyCode::Tab => "Tab",
        KeyCode::BackTab => "S-Tab",
        KeyCode::Esc => "Esc",
        KeyCode::Backspace => "Bksp",
        other => return format!("{other:?}"),
    };
    name.to_owned()
}

/// A key pressed with Ctrl: "Ctrl-f".
pub fn with_ctrl(key: &str) -> String {
    format!("Ctrl-{key}")
}

/// The help box's bottom line when all of it shows: "Esc or ? closes this help".
pub fn help_close_hint(close: &str, toggle: &str) -> String {
    format!("{close} or {toggle} closes this help")
}

/// The help box's bottom line when it scrolls: "j/k scroll · Esc closes".
pub fn help_scroll_hint(scroll: &str, close: &str) -> String {
    format!("{scroll} scroll · {close} closes")
}

/// The headings of the help overlay.
pub fn context_heading(context: Context) -> &'static str {
    match context {
        Context::Global => "Everywhere",
        Context::List => "Lesson list",
        Context::Lesson => "Lesson",
        Context::Content => "Lesson text",
        Context::Checklist => "Summary checklist",
        Context::Help => "This help",
        Context::Review => crate::t!("review.context"),
        Context::Stats => crate::t!("stats.context"),
    }
}

/// Said once in the help, for every letter key.
pub const FULL_WIDTH_NOTE: &str = "Keys typed in full-width (全角) mode work too: ｊ as j, ］ as ], the ideographic space as Space.";

/// The help's section on the mouse: what to do, and what it does.
pub const MOUSE_HEADING: &str = "Mouse";
pub const MOUSE_HELP: &[(&str, &str)] = &[
    ("wheel", "scroll the list, text, summary or help under it"),
    ("click", "select a lesson in the list; again: open it"),
    ("click", "tick or untick a summary point"),
    ("click", "jump to a section in the outline"),
    ("click", "close this help"),
];

/// What an action does, as the help overlay says it (in `context`: keys
/// that only close the help say so).
pub fn action_help(context: Context, action: Action) -> &'static str {
    match (context, action) {
        (Context::Help, Action::ToggleHelp) => return "close this help",
        (Context::Content, Action::Open) => return "at the end, all points ticked: next lesson",
        _ => {}
    }
    match action {
        Action::ScrollDown => "scroll down / next item",
        Action::ScrollUp => "scroll up / previous item",
        Action::PageDown => "page down",
        Action::PageUp => "page up",
        Action::HalfPageDown => "half a page down",
        Action::HalfPageUp => "half a page up",
        Action::Top => "go to the top",
        Action::Bottom => "go to the end",
        Action::NextSection => "next section, or the next lesson at the end",
        Action::PrevSection => "this section's start, or the previous one",
        Action::Open => "open the selected lesson",
        Action::Resume => "continue the last lesson where you left it",
        Action::Back => "back to the lesson list",
        Action::ToggleFocus => "switch between the text and the summary",
        Action::ToggleTick => "tick or untick the point",
        Action::ToggleHelp => "show or hide this help",
        Action::Suspend => "suspend to the shell (`fg` resumes)",
        Action::Quit => "quit",
        Action::OpenReview => crate::t!("review.help.open"),
        Action::ShowAnswer => crate::t!("review.help.show"),
        Action::RateAgain => crate::t!("review.help.again"),
        Action::RateHard => crate::t!("review.help.hard"),
        Action::RateGood => crate::t!("review.help.good"),
        Action::RateEasy => crate::t!("review.help.easy"),
        Action::UndoRating => crate::t!("review.help.undo"),
        Action::OpenStats => crate::t!("stats.help.open"),
    }
}

/// The short word for an action in the status line's key hints.
pub fn action_hint(action: Action) -> &'static str {
    match action {
        Action::ScrollDown | Action::ScrollUp => "move",
        Action::PageDown | Action::PageUp => "page",
        Action::HalfPageDown | Action::HalfPageUp => "half page",
        Action::Top | Action::Bottom => "top/end",
        Action::NextSection | Action::PrevSection => "section",
        Action::Open => "open",
        Action::Resume => "continue",
        Action::Back => "list",
        Action::ToggleFocus => "switch pane",
        Action::ToggleTick => "tick",
        Action::ToggleHelp => "help",
        Action::Suspend => "suspend",
        Action::Quit => "quit",
        Action::OpenReview => crate::t!("review.hint.open"),
        Action::ShowAnswer => crate::t!("review.hint.show"),
        Action::RateAgain | Action::RateHard | Action::RateGood | Action::RateEasy => {
            crate::t!("review.hint.rate")
        }
        Action::UndoRating => crate::t!("review.hint.undo"),
        Action::OpenStats => crate::t!("stats.hint.open"),
    }
}

/// The list's second line for a lesson: lecturer, points, sections read.
pub fn lesson_stats(ticked: usize, points: usize, read: usize, sections: usize) -> String {
    format!("points {ticked}/{points} · read {read}/{sections}")
}

/// The section indicator: "3/6 頭を使って情報発信をしよう".
pub fn section_indicator(number: usize, total: usize, heading: &str) -> String {
    format!("{number}/{total} {heading}")
}

/// The section indicator in the lesson's head, before the first section.
pub fn head_indicator(total: usize) -> String {
    format!("0/{total} Introduction")
}

pub fn percent(value: usize) -> String {
    format!("{value}%")
}

pub fn summary_title(ticked: usize, total: usize) -> String {
    format!("{SUMMARY} {ticked}/{total}")
}

/// `check` is the command that shows the problems, spelled with the same
/// `-L PATH` the reader was started with.
pub fn load_errors(files: usize, check: &str) -> String {
    if files == 1 {
        format!("1 lesson file has errors: run `{check}`")
    } else {
        format!("{files} lesson files have errors: run `{check}`")
    }
}

/// Why a save failed, for the status line: the one place a store error
/// becomes words in the reader.
pub fn save_failed(error: &StoreError) -> Message {
    // The store's lead ("cannot save progress") is said the reader's way;
    // its essential part stays essential (it may be "upgrade terakoya").
    let worded = crate::progress_words::error(error);
    Message {
        essential: format!("Progress not saved: {}", worded.essential),
        detail: worded.detail,
    }
}

/// A warning of the store's (a progress file it could not read, moved
/// aside), in its essential and detail parts.
pub fn store_warning(warning: &StoreWarning) -> Message {
    let worded = crate::progress_words::warning(warning);
    let essential = match worded.lead {
        Some(lead) => format!("{lead}: {}", worded.essential),
        None => worded.essential,
    };
    Message {
        essential,
        detail: worded.detail,
    }
}

/// A message whose details are left out: "essential …".
pub fn with_more(essential: &str) -> String {
    format!("{essential} {ELLIPSIS}")
}

/// A message whole: "essential (detail)".
pub fn with_detail(essential: &str, detail: &str) -> String {
    format!("{essential} ({detail})")
}

pub fn lesson_complete() -> &'static str {
    "All points ticked: lesson complete!"
}

/// The right end of the text's title in a narrow layout.
pub fn points_and_percent(points: &str, percent: &str) -> String {
    format!("{points} · {percent}")
}

/// A section in the outline: read mark, number, heading.
pub fn outline_entry(mark: &str, number: usize, heading: &str) -> String {
    format!("{mark} {number}. {heading}")
}

/// The list's title: lessons done out of all.
pub fn lessons_done(done: usize, total: usize) -> String {
    format!("{done}/{total} {DONE_MARK}")
}

pub fn continue_line(title: &str) -> String {
    format!("▶ {CONTINUE}: {title}")
}

/// A lesson's label and title, as the list shows them.
pub fn full_title(label: Option<&str>, title: &str) -> String {
    match label {
        Some(label) => format!("{label} {title}"),
        None => title.to_owned(),
    }
}

/// The list's first line for a lesson: the done mark and the title.
pub fn lesson_line(mark: &str, title: &str) -> String {
    format!("  {mark} {title}")
}

/// The list's second line for a lesson: lecturer (if any) and the stats.
pub fn lesson_detail(lecturer: Option<&str>, stats: &str) -> String {
    match lecturer {
        Some(name) => format!("    {name} · {stats}"),
        None => format!("    {stats}"),
    }
}

/// A key hint in the status line: "Space page".
pub fn hint(keys: &str, word: &str) -> String {
    format!("{keys} {word}")
}

/// Keys for both directions of one hint: "j/k".
pub fn key_pair(down: &str, up: &str) -> String {
    format!("{down}/{up}")
}

/// Said when there is no lesson at all and no file with errors to blame.
pub fn no_lesson_files(check: &str) -> String {
    format!("No lesson files found: `{check}` says where terakoya looked")
}

/// The reader does not start on a `--lessons` path that does not exist.
pub fn no_such_lessons(path: &std::path::Path) -> String {
    format!(
        "{}: no such file or directory (give --lessons a directory of courses, a course or a lesson file)",
        path.display()
    )
}

/// Printed after the terminal is restored when changes could not be saved.
pub fn unsaved_on_exit(changes: usize, reason: &str) -> String {
    let what = if changes == 1 { "1 change" } else { "changes" };
    format!("{what} to your progress could not be saved: {reason}")
}

/// The line after the lesson's last: "— The end · Summary: press Tab —",
/// naming the key to the summary when it is not beside the text.
pub fn lesson_end(summary_key: Option<&str>) -> String {
    match summary_key {
        Some(key) => format!("— The end · Summary: press {key} —"),
        None => "— End of the lesson —".to_owned(),
    }
}

/// The end of a lesson whose points are all ticked, offering the next one.
pub fn lesson_end_next(key: &str, title: &str) -> String {
    format!("— All points ticked · {key}: next lesson, {title} —")
}
