//! Every user-visible phrase of the reader, as thin functions over the
//! catalogs (`src/i18n/*.toml`, table `[reader]`): call sites stay short
//! and every word is in the interface language. Marks and layout-only
//! formats (`3/6 heading`, `j/k`) stay here; they are the same everywhere.

use ratatui::crossterm::event::KeyCode;

use terakoya_core::progress::store::{StoreError, StoreWarning};

use super::app::Message;
use super::keys::Context;
use super::msg::Action;
use crate::t;

pub const APP_TITLE: &str = "terakoya";
pub const DONE_MARK: &str = "✓";
pub const READ_MARK: &str = "✓";
pub const TICKED: &str = "[x] ";
pub const UNTICKED: &str = "[ ] ";
pub const ELLIPSIS: &str = "…";
/// Drawn in the margin left of a section heading.
pub const HEADING_MARK: &str = "┃";

pub fn summary() -> &'static str {
    t!("reader.summary")
}

pub fn text() -> &'static str {
    t!("reader.text")
}

pub fn close() -> &'static str {
    t!("reader.close")
}

pub fn sections() -> &'static str {
    t!("reader.sections")
}

pub fn help_title() -> &'static str {
    t!("reader.help_title")
}

pub fn no_lessons() -> &'static str {
    t!("reader.no_lessons")
}

pub fn no_summary() -> &'static str {
    t!("reader.no_summary")
}

pub fn not_a_terminal() -> &'static str {
    t!("reader.not_a_terminal")
}

pub fn nothing_to_continue() -> &'static str {
    t!("reader.nothing_to_continue")
}

pub fn input_stopped() -> &'static str {
    t!("reader.input_stopped")
}

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
        KeyCode::F(n) => return format!("F{n}"),
        other => return format!("{other:?}"),
    };
    name.to_owned()
}

/// A key pressed with Alt: "Alt-x".
pub fn with_alt(key: &str) -> String {
    format!("Alt-{key}")
}

/// A key pressed with Ctrl: "Ctrl-f".
pub fn with_ctrl(key: &str) -> String {
    format!("Ctrl-{key}")
}

/// The help box's bottom line when all of it shows: "Esc or ? closes this help".
pub fn help_close_hint(close: &str, toggle: &str) -> String {
    t!("reader.help_close_hint", close = close, toggle = toggle)
}

/// The help box's bottom line when it scrolls: "j/k scroll · Esc closes".
pub fn help_scroll_hint(scroll: &str, close: &str) -> String {
    t!("reader.help_scroll_hint", scroll = scroll, close = close)
}

/// The headings of the help overlay.
pub fn context_heading(context: Context) -> &'static str {
    match context {
        Context::Global => t!("reader.context.global"),
        Context::List => t!("reader.context.list"),
        Context::Lesson => t!("reader.context.lesson"),
        Context::Content => t!("reader.context.content"),
        Context::Checklist => t!("reader.context.checklist"),
        Context::Contents => t!("search_ui.help.contents_heading"),
        Context::Results => t!("search_ui.help.results_heading"),
        Context::Help => t!("reader.context.help"),
        Context::Review => t!("review.context"),
        Context::Stats => t!("stats.context"),
    }
}

/// Said once in the help, for every letter key.
pub fn full_width_note() -> &'static str {
    t!("reader.full_width_note")
}

/// The heading of the help's section on the mouse.
pub fn mouse_heading() -> &'static str {
    t!("reader.mouse.heading")
}

/// The help's section on the mouse: what to do, and what it does.
pub fn mouse_help() -> [(&'static str, &'static str); 5] {
    let click = t!("reader.mouse.click");
    [
        (t!("reader.mouse.wheel"), t!("reader.mouse.scroll")),
        (click, t!("reader.mouse.select")),
        (click, t!("reader.mouse.tick")),
        (click, t!("reader.mouse.jump")),
        (click, t!("reader.mouse.close")),
    ]
}

/// What an action does, as the help overlay says it (in `context`: keys
/// that only close the help say so).
pub fn action_help(context: Context, action: Action) -> &'static str {
    match (context, action) {
        (Context::Help, Action::ToggleHelp) => return t!("reader.action.close_help"),
        (Context::Content, Action::Open) => return t!("reader.action.next_at_end"),
        (Context::List, Action::Search) => return t!("search_ui.help.search_library"),
        (Context::Contents, Action::Open) => return t!("search_ui.help.jump"),
        (Context::Contents, Action::Contents | Action::Back) => {
            return t!("search_ui.help.close_contents");
        }
        (Context::Results, Action::Open) => return t!("search_ui.help.open_match"),
        (Context::Results, Action::Search) => return t!("search_ui.help.edit_search"),
        _ => {}
    }
    match action {
        Action::ScrollDown => t!("reader.action.scroll_down"),
        Action::ScrollUp => t!("reader.action.scroll_up"),
        Action::PageDown => t!("reader.action.page_down"),
        Action::PageUp => t!("reader.action.page_up"),
        Action::HalfPageDown => t!("reader.action.half_page_down"),
        Action::HalfPageUp => t!("reader.action.half_page_up"),
        Action::Top => t!("reader.action.top"),
        Action::Bottom => t!("reader.action.bottom"),
        Action::NextSection => t!("reader.action.next_section"),
        Action::PrevSection => t!("reader.action.prev_section"),
        Action::Search => t!("search_ui.help.search"),
        Action::SearchNext => t!("search_ui.help.next"),
        Action::SearchPrev => t!("search_ui.help.prev"),
        Action::Contents => t!("search_ui.help.contents"),
        Action::Open => t!("reader.action.open"),
        Action::Resume => t!("reader.action.resume"),
        Action::Back => t!("reader.action.back"),
        Action::ToggleFocus => t!("reader.action.toggle_focus"),
        Action::ToggleTick => t!("reader.action.toggle_tick"),
        Action::ToggleHelp => t!("reader.action.toggle_help"),
        Action::Suspend => t!("reader.action.suspend"),
        Action::Quit => t!("reader.action.quit"),
        Action::OpenReview => t!("review.help.open"),
        Action::ShowAnswer => t!("review.help.show"),
        Action::RateAgain => t!("review.help.again"),
        Action::RateHard => t!("review.help.hard"),
        Action::RateGood => t!("review.help.good"),
        Action::RateEasy => t!("review.help.easy"),
        Action::UndoRating => t!("review.help.undo"),
        Action::OpenStats => t!("stats.help.open"),
    }
}

/// The short word for an action in the status line's key hints.
pub fn action_hint(action: Action) -> &'static str {
    match action {
        Action::ScrollDown | Action::ScrollUp => t!("reader.hint.move"),
        Action::PageDown | Action::PageUp => t!("reader.hint.page"),
        Action::HalfPageDown | Action::HalfPageUp => t!("reader.hint.half_page"),
        Action::Top | Action::Bottom => t!("reader.hint.top_end"),
        Action::NextSection | Action::PrevSection => t!("reader.hint.section"),
        Action::Search => t!("search_ui.hint.search"),
        Action::SearchNext | Action::SearchPrev => t!("search_ui.hint.next"),
        Action::Contents => t!("search_ui.hint.contents"),
        Action::Open => t!("reader.hint.open"),
        Action::Resume => t!("reader.hint.continue"),
        Action::Back => t!("reader.hint.list"),
        Action::ToggleFocus => t!("reader.hint.switch_pane"),
        Action::ToggleTick => t!("reader.hint.tick"),
        Action::ToggleHelp => t!("reader.hint.help"),
        Action::Suspend => t!("reader.hint.suspend"),
        Action::Quit => t!("reader.hint.quit"),
        Action::OpenReview => t!("review.hint.open"),
        Action::ShowAnswer => t!("review.hint.show"),
        Action::RateAgain | Action::RateHard | Action::RateGood | Action::RateEasy => {
            t!("review.hint.rate")
        }
        Action::UndoRating => t!("review.hint.undo"),
        Action::OpenStats => t!("stats.hint.open"),
    }
}

/// The list's second line for a lesson: lecturer, points, sections read.
pub fn lesson_stats(ticked: usize, points: usize, read: usize, sections: usize) -> String {
    t!(
        "reader.lesson_stats",
        ticked = ticked,
        points = points,
        read = read,
        sections = sections
    )
}

/// The section indicator: "3/6 頭を使って情報発信をしよう".
pub fn section_indicator(number: usize, total: usize, heading: &str) -> String {
    format!("{number}/{total} {heading}")
}

/// The section indicator in the lesson's head, before the first section.
pub fn head_indicator(total: usize) -> String {
    t!("reader.head_indicator", total = total)
}

pub fn percent(value: usize) -> String {
    format!("{value}%")
}

pub fn summary_title(ticked: usize, total: usize) -> String {
    t!("reader.summary_title", ticked = ticked, total = total)
}

/// `check` is the command that shows the problems, spelled with the same
/// `-L PATH` the reader was started with.
pub fn load_errors(files: usize, check: &str) -> String {
    if files == 1 {
        t!("reader.load_errors_one", check = check)
    } else {
        t!("reader.load_errors", files = files, check = check)
    }
}

/// Why a save failed, for the status line: the one place a store error
/// becomes words in the reader.
pub fn save_failed(error: &StoreError) -> Message {
    // The store's lead ("cannot save progress") is said the reader's way;
    // its essential part stays essential (it may be "upgrade terakoya").
    let worded = crate::progress_words::error(error);
    Message {
        essential: t!("reader.save_failed", essential = worded.essential),
        detail: worded.detail,
    }
}

/// A warning of the store's (a progress file it could not read, moved
/// aside), in its essential and detail parts.
pub fn store_warning(warning: &StoreWarning) -> Message {
    let worded = crate::progress_words::warning(warning);
    let essential = match worded.lead {
        Some(lead) => t!(
            "reader.with_lead",
            lead = lead,
            essential = worded.essential
        ),
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
    t!("reader.with_detail", essential = essential, detail = detail)
}

pub fn lesson_complete() -> &'static str {
    t!("reader.lesson_complete")
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
    t!("reader.continue_line", title = title)
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
    t!("reader.no_lesson_files", check = check)
}

/// The reader does not start on a `--lessons` path that does not exist.
pub fn no_such_lessons(path: &std::path::Path) -> String {
    t!("reader.no_such_lessons", path = path.display())
}

/// Printed after the terminal is restored when changes could not be saved.
pub fn unsaved_on_exit(changes: usize, reason: &str) -> String {
    if changes == 1 {
        t!("reader.unsaved_on_exit_one", reason = reason)
    } else {
        t!("reader.unsaved_on_exit", reason = reason)
    }
}

/// The line after the lesson's last: "— The end · Summary: press Tab —",
/// naming the key to the summary when it is not beside the text.
pub fn lesson_end(summary_key: Option<&str>) -> String {
    match summary_key {
        Some(key) => t!("reader.lesson_end", key = key),
        None => t!("reader.lesson_end_plain").to_owned(),
    }
}

/// The end of a lesson whose points are all ticked, offering the next one.
pub fn lesson_end_next(key: &str, title: &str) -> String {
    t!("reader.lesson_end_next", key = key, title = title)
}
