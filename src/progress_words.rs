//! The progress store's errors, warnings and hints in words (the core
//! returns them as data), and dates for people in the local time zone.
//! Used by the commands and by the reader, so each is worded in one place.
//!
//! A message has an essential part, short enough for the reader's status
//! line (which file, what happens now, the advice), and details (the
//! reason, the OS error, the directory) that the status line drops first.

use std::fmt;
use std::path::Path;

use jiff::Timestamp;
use jiff::tz::TimeZone;
use terakoya_core::progress::store::{
    AfterSetAside, Expected, FileError, FileKind, FormatError, Hint, Salvage, Shape, StoreError,
    StoreWarning,
};

use crate::cli::echo::{shown, shown_path};
use crate::t;
use terakoya_core::progress::sync::SyncProblem;

/// A message in two parts; printed whole as `lead: essential (detail)`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Worded {
    /// What could not be done, when the essential part does not say it
    /// ("cannot save progress"); the reader says it in its own way.
    pub lead: Option<&'static str>,
    pub essential: String,
    pub detail: Option<String>,
}

impl Worded {
    fn new(lead: Option<&'static str>, essential: String, detail: Option<String>) -> Worded {
        Worded {
            lead,
            essential,
            detail,
        }
    }

    /// The message without its lead, details last in parentheses (the
    /// reader's status line drops them first when it is narrow).
    pub fn without_lead(&self) -> String {
        match &self.detail {
            Some(detail) => t!(
                "cli.with_detail",
                essential = self.essential,
                detail = detail
            ),
            None => self.essential.clone(),
        }
    }
}

impl fmt::Display for Worded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lead {
            Some(lead) => f.write_str(&t!(
                "cli.with_lead",
                lead = lead,
                message = self.without_lead()
            )),
            None => f.write_str(&self.without_lead()),
        }
    }
}

/// A store error as an `anyhow` error for a command (printed whole).
pub fn to_anyhow(err: &StoreError) -> anyhow::Error {
    anyhow::Error::msg(error(err).to_string())
}

/// The file's name alone (the essential part of a message).
fn name(path: &Path) -> String {
    path.file_name().map_or_else(
        || shown_path(path),
        |n| shown(&n.to_string_lossy()).into_owned(),
    )
}

/// The file's directory (a detail).
fn dir(path: &Path) -> String {
    path.parent().map(shown_path).unwrap_or_default()
}

fn in_dir(path: &Path) -> String {
    t!("progress.in_dir", dir = dir(path))
}

pub fn hint(hint: Hint) -> &'static str {
    match hint {
        Hint::OtherDataDir => t!("progress.hint.other_data_dir"),
        Hint::Upgrade => t!("progress.hint.upgrade"),
    }
}

fn kind(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Directory => t!("progress.kind.directory"),
        FileKind::Fifo => t!("progress.kind.fifo"),
        FileKind::Socket => t!("progress.kind.socket"),
        FileKind::CharDevice => t!("progress.kind.char_device"),
        FileKind::BlockDevice => t!("progress.kind.block_device"),
        FileKind::Other => t!("progress.kind.other"),
    }
}

/// Why a file could not be read, written or locked.
pub fn file_error(err: &FileError) -> String {
    match err {
        FileError::Io(e) => e.to_string(),
        FileError::NotRegular(what) => t!("progress.file.not_regular", kind = kind(*what)),
        FileError::TooLarge { limit } => {
            t!("progress.file.too_large", mib = limit / (1024 * 1024))
        }
        FileError::Busy => t!("progress.file.busy").to_owned(),
        FileError::TooManyCopies => t!("progress.file.too_many_copies").to_owned(),
    }
}

/// A store error, whole for a command; the reader shows it without the lead.
pub fn error(err: &StoreError) -> Worded {
    let save = Some(t!("progress.lead.save"));
    match err {
        StoreError::NoDataDir => no_data_dir(None),
        StoreError::CreateDir { path, cause } => Worded::new(
            save,
            t!(
                "progress.error.create_dir",
                dir = shown_path(path),
                cause = file_error(cause)
            ),
            None,
        ),
        StoreError::Lock { path, cause } => Worded::new(
            save,
            t!(
                "progress.error.lock",
                file = name(path),
                cause = file_error(cause)
            ),
            Some(in_dir(path)),
        ),
        StoreError::Read { path, cause } => Worded::new(
            save,
            t!(
                "progress.error.read",
                file = name(path),
                cause = file_error(cause)
            ),
            Some(in_dir(path)),
        ),
        StoreError::SetAside {
            path,
            reason,
            cause,
        } => Worded::new(
            save,
            t!(
                "progress.error.set_aside",
                file = name(path),
                cause = file_error(cause)
            ),
            Some(t!(
                "progress.reason_in_dir",
                reason = format_error(reason),
                dir = dir(path)
            )),
        ),
        StoreError::Newer { path, version } => newer(path, *version),
        StoreError::Write { path, cause } => Worded::new(
            save,
            t!(
                "progress.error.write",
                file = name(path),
                cause = file_error(cause)
            ),
            Some(in_dir(path)),
        ),
        StoreError::Encode(e) => Worded::new(save, t!("progress.error.encode", cause = e), None),
        StoreError::ExportRead { path, cause } => Worded::new(
            Some(t!("progress.lead.export")),
            t!(
                "progress.error.read",
                file = name(path),
                cause = file_error(cause)
            ),
            Some(in_dir(path)),
        ),
        StoreError::ExportUnreadable { path, reason } => Worded::new(
            Some(t!("progress.lead.export")),
            t!(
                "progress.error.read",
                file = name(path),
                cause = format_error(reason)
            ),
            Some(in_dir(path)),
        ),
        StoreError::Export { path, cause } => Worded::new(
            None,
            t!(
                "progress.error.export",
                path = shown_path(path),
                cause = file_error(cause)
            ),
            None,
        ),
        StoreError::ImportRead { path, cause } => Worded::new(
            None,
            t!(
                "progress.error.import_read",
                path = shown_path(path),
                cause = file_error(cause)
            ),
            None,
        ),
        StoreError::ImportUnreadable { path, reason } => Worded::new(
            None,
            t!(
                "progress.error.import",
                path = shown_path(path),
                reason = format_error(reason)
            ),
            None,
        ),
        StoreError::ImportNewer { path, version } => Worded::new(
            None,
            t!(
                "progress.error.import_newer",
                path = shown_path(path),
                version = version,
                hint = hint(Hint::Upgrade)
            ),
            None,
        ),
    }
}

fn no_data_dir(lead: Option<&'static str>) -> Worded {
    Worded::new(
        lead,
        t!("progress.no_data_dir", hint = hint(Hint::OtherDataDir)),
        Some(t!("progress.no_home").to_owned()),
    )
}

fn newer(path: &Path, version: i64) -> Worded {
    Worded::new(
        Some(t!("progress.lead.not_saving")),
        t!(
            "progress.newer",
            file = name(path),
            hint = hint(Hint::Upgrade)
        ),
        Some(t!(
            "progress.newer_detail",
            version = version,
            dir = dir(path)
        )),
    )
}

/// A warning from opening the store or from a save.
pub fn warning(warning: &StoreWarning) -> Worded {
    let not_saved = Some(t!("progress.lead.will_not_save"));
    match warning {
        StoreWarning::NoDataDir => no_data_dir(None),
        StoreWarning::CannotWrite { dir, cause } => Worded::new(
            not_saved,
            t!(
                "progress.warning.cannot_write",
                dir = shown_path(dir),
                cause = file_error(cause)
            ),
            None,
        ),
        StoreWarning::CannotRead { path, cause } => Worded::new(
            None,
            t!(
                "progress.error.read",
                file = name(path),
                cause = file_error(cause)
            ),
            Some(in_dir(path)),
        ),
        StoreWarning::Newer { path, version } => newer(path, *version),
        StoreWarning::SetAside {
            path,
            reason,
            moved,
            then,
        } => {
            let then = match then {
                AfterSetAside::StartedAfresh => t!("progress.warning.started_afresh"),
                AfterSetAside::SavedOnScreen => t!("progress.warning.saved_on_screen"),
            };
            Worded::new(
                None,
                t!(
                    "progress.warning.moved",
                    file = name(path),
                    moved = name(moved),
                    then = then
                ),
                Some(t!(
                    "progress.reason_in_dir",
                    reason = format_error(reason),
                    dir = dir(path)
                )),
            )
        }
        StoreWarning::SetAsideFailed {
            path,
            reason,
            cause,
        } => Worded::new(
            not_saved,
            t!("progress.warning.not_moved", file = name(path)),
            Some(t!(
                "progress.reason_cause_in_dir",
                reason = format_error(reason),
                cause = file_error(cause),
                dir = dir(path)
            )),
        ),
        StoreWarning::UnreadableLeft { path, reason } => Worded::new(
            None,
            t!("progress.warning.left_as_it_is", file = name(path)),
            Some(t!(
                "progress.reason_in_dir",
                reason = format_error(reason),
                dir = dir(path)
            )),
        ),
        StoreWarning::EntriesLeftOut {
            path,
            reason,
            salvage,
        } => entries_left_out(path, reason, salvage),
        StoreWarning::Sync(problem) => sync_problem(problem),
    }
}

/// Why a progress file could not be read.
pub fn format_error(reason: &FormatError) -> String {
    match reason {
        FormatError::NotUtf8 { offset } => {
            t!("cli.progress_format.not_utf8", offset = offset)
        }
        FormatError::Syntax(message) => t!("cli.progress_format.syntax", message = message),
        FormatError::Shape(Shape::NoVersion) => t!("cli.progress_format.no_version").to_owned(),
        FormatError::Shape(Shape::BadVersion { found }) => {
            t!("cli.progress_format.bad_version", found = found)
        }
        FormatError::Shape(Shape::Field { field, expected }) => t!(
            "cli.progress_format.field",
            field = field,
            expected = expected_words(*expected)
        ),
        FormatError::Shape(Shape::Lesson { name, message }) => {
            t!("cli.progress_format.lesson", name = name, message = message)
        }
    }
}

fn expected_words(expected: Expected) -> &'static str {
    match expected {
        Expected::WholeNumber => t!("cli.progress_format.expected.whole_number"),
        Expected::LessonKeyString => t!("cli.progress_format.expected.lesson_key_string"),
        Expected::LessonKey => t!("cli.progress_format.expected.lesson_key"),
        Expected::Table => t!("cli.progress_format.expected.table"),
        Expected::DateTime => t!("cli.progress_format.expected.datetime"),
        Expected::EventList => t!("cli.progress_format.expected.event_list"),
    }
}

/// A file of the sync directory that could not be merged or written.
fn sync_problem(problem: &SyncProblem) -> Worded {
    let path = problem.path();
    let (essential, detail) = match problem {
        SyncProblem::Unreadable { reason, .. } => (
            t!("sync.skipped", file = name(path)),
            t!("progress.reason_in_dir", reason = reason, dir = dir(path)),
        ),
        SyncProblem::Newer { version, .. } => (
            t!("sync.skipped_newer", file = name(path), version = version),
            in_dir(path),
        ),
        SyncProblem::CannotRead { cause, .. } => (
            t!(
                "sync.cannot_read",
                file = name(path),
                cause = file_error(cause)
            ),
            in_dir(path),
        ),
        SyncProblem::CannotWrite { cause, .. } => (
            t!(
                "sync.cannot_write",
                file = name(path),
                cause = file_error(cause)
            ),
            in_dir(path),
        ),
        SyncProblem::CannotMove { cause, .. } => (
            t!(
                "sync.cannot_move",
                file = name(path),
                cause = file_error(cause)
            ),
            in_dir(path),
        ),
    };
    Worded::new(None, essential, Some(detail))
}

fn entries_left_out(path: &Path, reason: &FormatError, salvage: &Salvage) -> Worded {
    let reason_in_dir = || {
        t!(
            "progress.reason_in_dir",
            reason = format_error(reason),
            dir = dir(path)
        )
    };
    let with_cause = |cause: &FileError| {
        t!(
            "progress.reason_cause_in_dir",
            reason = format_error(reason),
            cause = file_error(cause),
            dir = dir(path)
        )
    };
    let (essential, detail) = match salvage {
        Salvage::ReadOnly => (
            t!("progress.warning.entries_unchanged", file = name(path)),
            reason_in_dir(),
        ),
        Salvage::NotCopied { cause } => (
            t!("progress.warning.entries_not_copied", file = name(path)),
            with_cause(cause),
        ),
        Salvage::Kept {
            copy,
            lessons,
            left_out,
        } => {
            let entries = if *left_out == 1 {
                t!("progress.warning.one_entry")
            } else {
                t!("progress.warning.entries")
            };
            let kept = t!(
                "progress.warning.kept",
                lessons = lessons,
                left_out = left_out,
                entries = entries
            );
            let moved = t!(
                "progress.warning.moved",
                file = name(path),
                moved = name(copy),
                then = kept
            );
            (moved, reason_in_dir())
        }
        Salvage::NotWritten {
            copy,
            lessons,
            cause,
        } => {
            let showing = t!("progress.warning.not_written", lessons = lessons);
            let moved = t!(
                "progress.warning.moved",
                file = name(path),
                moved = name(copy),
                then = showing
            );
            (moved, with_cause(cause))
        }
    };
    Worded::new(None, essential, Some(detail))
}

/// How long ago `then` was (seconds since the epoch), for tables: "just
/// now", "5 min ago", "3 h ago", "yesterday", "2 days ago", then the date,
/// all by the local calendar (the `TZ` variable, else the system's zone).
pub fn ago(then: u64, now: u64) -> String {
    ago_in(then, now, &TimeZone::system())
}

/// [`ago`] in a given time zone.
pub fn ago_in(then: u64, now: u64, zone: &TimeZone) -> String {
    let elapsed = now.saturating_sub(then);
    match elapsed {
        0..60 => return t!("progress.ago.just_now").to_owned(),
        60..3600 => return t!("progress.ago.minutes", n = elapsed / 60),
        3600..86_400 => return t!("progress.ago.hours", n = elapsed / 3600),
        _ => {}
    }
    let (Some(then_day), Some(today)) = (local_day(then, zone), local_day(now, zone)) else {
        return String::new();
    };
    match then_day.until(today).map(|span| span.get_days()) {
        Ok(1) => t!("progress.ago.yesterday").to_owned(),
        Ok(days @ 2..7) => t!("progress.ago.days", n = days),
        _ => day(then, zone),
    }
}

/// The local calendar day of `secs` as `2026-12-01`.
pub fn day(secs: u64, zone: &TimeZone) -> String {
    local_day(secs, zone).map_or_else(String::new, |d| d.to_string())
}

fn local_day(secs: u64, zone: &TimeZone) -> Option<jiff::civil::Date> {
    let stamp = Timestamp::from_second(i64::try_from(secs).ok()?).ok()?;
    Some(zone.to_datetime(stamp).date())
}

#[cfg(test)]
#[path = "progress_words_tests.rs"]
mod tests;
