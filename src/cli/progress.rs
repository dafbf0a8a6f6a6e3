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
use terakoya_core::bundle;
use terakoya_core::model::Library;
use terakoya_core::progress::report::{LessonReport, report};
use terakoya_core::progress::store::{Opened, Reset, Store, StoreError};
use terakoya_core::progress::{LessonKey, LessonProgress, Progress, time};

pub fn run(cli: &Cli, args: &ProgressArgs) -> anyhow::Result<ExitCode> {
    if args.json && args.action.is_some() {
        bail!("--json applies to the progress table, not to export, import or reset");
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
                (None, false) => bail!("name a lesson (COURSE/LESSON) or pass --all"),
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
        super::output::eprint_line(&format!(
            "terakoya: warning: {}",
            progress_words::warning(warning)
        ));
    }
}

fn show(cli: &Cli, store: &Store, progress: &Progress, json: bool) -> anyhow::Result<ExitCode> {
    let loaded = bundle::load(&super::command::resolve(cli.lessons.as_deref()));
    if !loaded.diagnostics.is_empty() {
        super::output::eprint_line(&format!(
            "terakoya: {} problem(s) in the lesson files; `{}` shows them",
            loaded.diagnostics.len(),
            shown(&super::command::check_command(cli.lessons.as_deref()))
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

const HEADER: [&str; 6] = [
    "COURSE",
    "LESSON",
    "POINTS",
    "SECTIONS",
    "LAST OPENED",
    "TITLE",
];
/// POINTS and SECTIONS are right-aligned.
const RIGHT_ALIGNED: [usize; 2] = [2, 3];

/// The table, aligned by display width (Japanese titles take two columns a
/// character).
pub fn table(rows: &[LessonReport<'_>], now: u64) -> String {
    let mut cells: Vec<[String; 6]> = vec![HEADER.map(String::from)];
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
            "\nProgress of {hidden} lesson(s) not among these lessons is kept, not shown.\n"
        ));
    }
    if let Some(file) = store.file() {
        text.push_str(&format!("\nProgress file: {}\n", shown_path(&file)));
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
        println!(
            "Exported the progress of {lessons} lesson(s) to {}",
            shown_path(file)
        );
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
    println!(
        "Imported {}: {} new tick(s), {} lesson(s) with progress in all.",
        shown_path(file),
        tick_count(&after).saturating_sub(tick_count(before)),
        after.lessons.len()
    );
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
            println!("There is no saved progress to clear.");
            return Ok(ExitCode::SUCCESS);
        }
        Reset::All => format!("all saved progress ({} lesson(s))", progress.lessons.len()),
        Reset::Lesson(key) => describe_lesson(progress, key),
    };
    if !yes && !confirm(&what)? {
        println!("Nothing cleared.");
        return Ok(ExitCode::SUCCESS);
    }
    store.reset(scope).map_err(|e| to_anyhow(&e))?;
    println!("Cleared {what}.");
    Ok(ExitCode::SUCCESS)
}

fn describe_lesson(progress: &Progress, key: &LessonKey) -> String {
    let saved = progress.lesson(key);
    format!(
        "the progress of {} ({} point(s) ticked, {} section(s) read)",
        shown(&key.to_string()),
        saved.map_or(0, |l| l.ticked.len()),
        saved.map_or(0, |l| l.sections_read.len())
    )
}

/// Asks on the terminal; refuses when there is none to ask on.
fn confirm(what: &str) -> anyhow::Result<bool> {
    if !std::io::stdin().is_terminal() {
        bail!("not clearing {what} without confirmation (stdin is not a terminal); add --yes");
    }
    eprint!("Clear {what}? [y/N] ");
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
        [] => bail!(
            "no saved progress for `{}`; `terakoya progress` shows the lessons",
            shown(spec)
        ),
        keys => bail!(
            "`{}` has progress in more than one course; name one of: {}",
            shown(spec),
            keys.iter()
                .map(|key| shown(&key.to_string()).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    }
}

#[cfg(test)]
#[path = "progress_tests.rs"]
mod tests;
