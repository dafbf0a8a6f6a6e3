//! `terakoya progress`: the saved progress as a table or JSON, and `export`,
//! `import` (merge) and `reset`. The file format and the merge rules are in
//! docs/progress.md.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::bail;
use serde::Serialize;

use super::echo::{shown, shown_path};
use super::table::aligned;
use super::{Cli, ProgressAction, ProgressArgs};
use crate::progress_words::{self, to_anyhow};
use crate::t;
use terakoya_core::bundle;
use terakoya_core::model::Library;
use terakoya_core::progress::report::{LessonReport, report};
use terakoya_core::progress::store::{Opened, Reset, Store, StoreError};
use terakoya_core::progress::{LessonKey, LessonProgress, Progress, time};

pub fn run(cli: &Cli, args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    if args.json && args.action.is_some() {
        bail!(t!("cli.progress.json_with_action"));
    }
    let data_dir = cli.data_dir.as_deref();
    match &args.action {
        // Not opened: opening sets an unreadable file aside, and an export
        // must fail on it instead of writing out empty progress.
        Some(ProgressAction::Export { file }) => export(&Store::at(data_dir), file),
        // Only reads: an unreadable file is reported, not moved.
        None => {
            let opened = Store::peek_synced(data_dir, cli.sync());
            warn(&opened);
            show(cli, &opened.store, &opened.progress, args.json)
        }
        Some(ProgressAction::Import { file }) => {
            let mut opened = open(data_dir, cli);
            import(&mut opened.store, &opened.progress, file)
        }
        Some(ProgressAction::Reset { lesson, all, yes }) => {
            let mut opened = open(data_dir, cli);
            let scope = match (lesson, all) {
                (_, true) => Reset::All,
                (Some(spec), false) => Reset::Lesson(find_saved(&opened.progress, spec)?),
                (None, false) => bail!(t!("cli.progress.name_a_lesson")),
            };
            reset(&mut opened.store, &opened.progress, &scope, *yes)
        }
    }
}

/// Opens the store, saying on stderr what it found wrong.
fn open(data_dir: Option<&Path>, cli: &Cli) -> Opened {
    let opened = Store::open_synced(data_dir, cli.sync());
    warn(&opened);
    opened
}

/// Says on stderr what opening the store found wrong (also for `show`).
pub(super) fn warn(opened: &Opened) {
    for warning in &opened.warnings {
        super::output::eprint_line(&t!(
            "cli.warning_line",
            message = progress_words::warning(warning)
        ));
    }
}

fn show(cli: &Cli, store: &Store, progress: &Progress, json: bool) -> anyhow::Result<ExitCode> {
    let loaded = bundle::load(&super::command::resolve(cli.lessons.as_deref()));
    if !loaded.diagnostics.is_empty() {
        super::output::eprint_line(&t!(
            "cli.progress.lesson_problems",
            count = loaded.diagnostics.len(),
            command = shown(&super::command::check_command(cli.lessons.as_deref()))
        ));
    }
    let rows = report(&loaded.library, progress);
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &to_json(&rows, progress))?;
        writeln!(out)?;
    } else {
        write!(out, "{}", table(&rows, crate::clock::now()))?;
        write!(out, "{}", footer(&loaded.library, progress, store))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ProgressJson<'a> {
    pub lessons: Vec<LessonJson<'a>>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LessonJson<'a> {
    pub course: &'a str,
    pub lesson: &'a str,
    pub ticked: Vec<&'a str>,
    pub sections_read: Vec<&'a str>,
    pub points_total: usize,
    pub complete: bool,
    /// Each point's ticks, unticks and reviews, oldest first (points of
    /// the lesson with any logged).
    pub history: BTreeMap<&'a str, Vec<EventJson>>,
    /// When each section read was first read, where known.
    pub sections_read_at: BTreeMap<&'a str, String>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct EventJson {
    /// RFC 3339, UTC.
    pub at: String,
    /// `tick`, `untick`, or a review's rating: `again`, `hard`, `good`, `easy`.
    pub event: &'static str,
}

/// Every lesson of the library, started or not (documented).
pub fn to_json<'a>(rows: &[LessonReport<'a>], progress: &Progress) -> ProgressJson<'a> {
    let empty = LessonProgress::default();
    ProgressJson {
        lessons: rows
            .iter()
            .map(|row| {
                let key = LessonKey::new(row.course.id.as_str(), row.lesson.id.as_str());
                let saved = progress.lesson(&key).unwrap_or(&empty);
                let history = row
                    .lesson
                    .summary
                    .iter()
                    .filter_map(|point| Some((point.id.as_str(), saved.log.get(&point.id)?)))
                    .map(|(point, log)| {
                        let events = log.iter().map(|e| EventJson {
                            at: time::to_datetime(e.at).to_string(),
                            event: e.kind.token(),
                        });
                        (point, events.collect())
                    })
                    .collect();
                let sections_read_at = row
                    .sections_read
                    .iter()
                    .filter_map(|s| Some((*s, saved.read_at.get(*s)?)))
                    .map(|(s, at)| (s, time::to_datetime(*at).to_string()))
                    .collect();
                LessonJson {
                    course: &row.course.id,
                    lesson: &row.lesson.id,
                    ticked: row.ticked.clone(),
                    sections_read: row.sections_read.clone(),
                    points_total: row.points_total(),
                    complete: row.complete(),
                    history,
                    sections_read_at,
                }
            })
            .collect(),
    }
}

fn header() -> [String; 6] {
    [
        t!("cli.progress.course"),
        t!("cli.progress.lesson"),
        t!("cli.progress.points"),
        t!("cli.progress.sections"),
        t!("cli.progress.last_opened"),
        t!("cli.progress.title"),
    ]
    .map(String::from)
}
/// POINTS and SECTIONS are right-aligned.
const RIGHT_ALIGNED: [usize; 2] = [2, 3];

/// The table, aligned by display width (Japanese titles take two columns a
/// character).
pub fn table(rows: &[LessonReport<'_>], now: u64) -> String {
    let mut cells: Vec<[String; 6]> = vec![header()];
    cells.extend(rows.iter().map(|row| {
        [
            row.course.id.clone(),
            row.lesson.id.clone(),
            format!("{}/{}", row.ticked.len(), row.points_total()),
            format!("{}/{}", row.sections_read.len(), row.sections_total()),
            row.last_opened
                .map_or_else(|| "-".to_owned(), |at| progress_words::ago(at, now)),
            title(row),
        ]
    }));
    aligned(&cells, &RIGHT_ALIGNED)
}

fn title(row: &LessonReport<'_>) -> String {
    match &row.lesson.label {
        Some(label) => format!("{label} {}", row.lesson.title),
        None => row.lesson.title.clone(),
    }
}

/// Where progress is kept, and how much of it is for lessons not loaded.
fn footer(library: &Library, progress: &Progress, store: &Store) -> String {
    let hidden = progress
        .lessons
        .keys()
        .filter(|key| {
            library
                .course(&key.course)
                .and_then(|c| c.lesson(&key.lesson))
                .is_none()
        })
        .count();
    let mut text = String::new();
    if hidden > 0 {
        text.push_str(&format!(
            "\n{}\n",
            t!("cli.progress.hidden", hidden = hidden)
        ));
    }
    if let Some(file) = store.file() {
        let line = t!("cli.progress.file", path = shown_path(&file));
        text.push_str(&format!("\n{line}\n"));
    }
    text
}

fn export(store: &Store, file: &Path) -> anyhow::Result<ExitCode> {
    // `/dev/stdout` is stdout too: replacing it by rename would replace the
    // device node (as root) or fail, never reach the pipe it names.
    if file == Path::new("-") || file == Path::new("/dev/stdout") {
        let mut out = std::io::stdout().lock();
        out.write_all(store.export().map_err(|e| to_anyhow(&e))?.as_bytes())?;
        out.flush()?;
    } else {
        let lessons = store.export_to(file).map_err(|e| to_anyhow(&e))?;
        super::output::print_line(&t!(
            "cli.progress.exported",
            lessons = lessons,
            path = shown_path(file)
        ));
    }
    Ok(ExitCode::SUCCESS)
}

fn import(store: &mut Store, before: &Progress, file: &Path) -> anyhow::Result<ExitCode> {
    let bytes = if file == Path::new("-") {
        Store::read_import(std::io::stdin().lock(), Path::new("stdin"))
    } else {
        std::fs::File::open(file)
            .map_err(|e| StoreError::ImportRead {
                path: file.to_path_buf(),
                cause: e.into(),
            })
            .and_then(|opened| Store::read_import(opened, file))
    };
    let bytes = bytes.map_err(|e| to_anyhow(&e))?;
    let after = store.import(&bytes, file).map_err(|e| to_anyhow(&e))?;
    super::output::print_line(&t!(
        "cli.progress.imported",
        path = shown_path(file),
        ticks = tick_count(&after).saturating_sub(tick_count(before)),
        lessons = after.lessons.len()
    ));
    Ok(ExitCode::SUCCESS)
}

fn tick_count(progress: &Progress) -> usize {
    progress.lessons.values().map(|l| l.ticked.len()).sum()
}

fn reset(
    store: &mut Store,
    progress: &Progress,
    scope: &Reset,
    yes: bool,
) -> anyhow::Result<ExitCode> {
    let what = match scope {
        Reset::All if progress.lessons.is_empty() && progress.last_opened.is_none() => {
            super::output::print_line(t!("cli.progress.nothing_to_clear"));
            return Ok(ExitCode::SUCCESS);
        }
        Reset::All => t!(
            "cli.progress.all_progress",
            lessons = progress.lessons.len()
        ),
        Reset::Lesson(key) => describe_lesson(progress, key),
    };
    if !yes && !confirm(&what)? {
        super::output::print_line(t!("cli.progress.nothing_cleared"));
        return Ok(ExitCode::SUCCESS);
    }
    store.reset(scope).map_err(|e| to_anyhow(&e))?;
    super::output::print_line(&t!("cli.progress.cleared", what = what));
    Ok(ExitCode::SUCCESS)
}

fn describe_lesson(progress: &Progress, key: &LessonKey) -> String {
    let saved = progress.lesson(key);
    t!(
        "cli.progress.lesson_progress",
        lesson = shown(&key.to_string()),
        ticked = saved.map_or(0, |l| l.ticked.len()),
        read = saved.map_or(0, |l| l.sections_read.len())
    )
}

/// Asks on the terminal; refuses when there is none to ask on.
fn confirm(what: &str) -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!(t!("cli.progress.not_confirmed", what = what));
    }
    super::output::eprint_text(&t!("cli.progress.confirm", what = what));
    std::io::stderr().flush()?;
    let mut answer = String::new();
    std::io::stdin().read_line(&mut answer)?;
    Ok(matches!(answer.trim().to_lowercase().as_str(), "y" | "yes"))
}

/// The saved lesson `spec` names: `COURSE/LESSON`, or a lesson id that only
/// one course has progress for. Lessons no longer in the library count too.
fn find_saved(progress: &Progress, spec: &str) -> anyhow::Result<LessonKey> {
    let matches: Vec<&LessonKey> = match spec.split_once('/') {
        Some((course, lesson)) => progress
            .lessons
            .keys()
            .filter(|k| k.course == course && k.lesson == lesson)
            .collect(),
        None => progress
            .lessons
            .keys()
            .filter(|k| k.lesson == spec)
            .collect(),
    };
    match matches.as_slice() {
        [key] => Ok((*key).clone()),
        [] => bail!(t!("cli.progress.no_saved_progress", spec = shown(spec))),
        keys => bail!(t!(
            "cli.progress.ambiguous",
            spec = shown(spec),
            candidates = keys
                .iter()
                .map(|key| shown(&key.to_string()).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
