//! `terakoya review [--json]`: what is due for review (overdue and today),
//! then how many cards fall due on each of the next 7 days. Only reads the
//! progress. Exit 0 whether or not anything is due.

use std::io::Write;
use std::process::ExitCode;

use jiff::tz::TimeZone;
use serde::Serialize;
use terakoya_core::bundle;
use terakoya_core::progress::store::Store;
use terakoya_core::progress::time;

use super::Cli;
use super::table::aligned;
use crate::schedule::{self, Outlook};
use crate::t;

/// Days counted after today.
pub const NEXT_DAYS: usize = 7;

#[derive(Debug, Serialize)]
pub struct ReviewJson<'a> {
    /// RFC 3339, UTC.
    pub now: String,
    pub due: Vec<DueJson<'a>>,
    /// Local dates (the user's time zone).
    pub next_7_days: Vec<DayJson>,
}

#[derive(Debug, Serialize)]
pub struct DueJson<'a> {
    pub course: &'a str,
    pub lesson: &'a str,
    pub point: &'a str,
    pub text: &'a str,
    /// RFC 3339, UTC.
    pub due: String,
}

#[derive(Debug, Serialize)]
pub struct DayJson {
    /// `YYYY-MM-DD`, local.
    pub date: String,
    pub count: usize,
}

pub fn run(cli: &Cli, json: bool) -> anyhow::Result<ExitCode> {
    let opened = Store::peek_synced(cli.data_dir.as_deref(), cli.sync());
    super::progress::warn(&opened);
    let loaded = bundle::load(&super::command::resolve(cli.lessons.as_deref()));
    let settings = crate::settings::Settings::load(cli.config.as_deref());
    let scheduler = schedule::scheduler(settings.retention)
        .ok_or_else(|| anyhow::anyhow!(t!("review.no_scheduler")))?;
    let now = crate::clock::now();
    let zone = TimeZone::system();
    let outlook = schedule::outlook(
        &loaded.library,
        &opened.progress,
        &scheduler,
        now,
        &zone,
        NEXT_DAYS,
    );
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer(&mut out, &to_json(&outlook, now))?;
        writeln!(out)?;
    } else {
        write!(out, "{}", text(&outlook, &zone))?;
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn to_json<'a>(outlook: &Outlook<'a>, now: u64) -> ReviewJson<'a> {
    ReviewJson {
        now: time::to_datetime(now).to_string(),
        due: outlook
            .due
            .iter()
            .map(|c| DueJson {
                course: &c.course.id,
                lesson: &c.lesson.id,
                point: &c.point.id,
                text: &c.point.text,
                due: time::to_datetime(c.card.due).to_string(),
            })
            .collect(),
        next_7_days: outlook
            .next
            .iter()
            .map(|(day, count)| DayJson {
                date: day.date.to_string(),
                count: *count,
            })
            .collect(),
    }
}

/// The plain text: the due cards as a table (when due, lesson, point), then
/// the count for each coming day.
pub fn text(outlook: &Outlook<'_>, zone: &TimeZone) -> String {
    let mut text = String::new();
    if outlook.due.is_empty() {
        text.push_str(t!("review.nothing_due"));
        text.push('\n');
    } else {
        text.push_str(&t!(
            "review.due_now",
            n = outlook.due.len(),
            overdue = outlook.overdue()
        ));
        text.push('\n');
        let rows: Vec<[String; 3]> = outlook
            .due
            .iter()
            .map(|c| {
                [
                    crate::progress_words::day(c.card.due, zone),
                    format!("{}/{}", c.course.id, c.lesson.id),
                    c.point.text.clone(),
                ]
            })
            .collect();
        for line in aligned(&rows, &[]).lines() {
            text.push_str("  ");
            text.push_str(line);
            text.push('\n');
        }
    }
    text.push_str(t!("review.next_days"));
    text.push('\n');
    let rows: Vec<[String; 2]> = outlook
        .next
        .iter()
        .map(|(day, count)| [day.date.to_string(), count.to_string()])
        .collect();
    for line in aligned(&rows, &[1]).lines() {
        text.push_str("  ");
        text.push_str(line);
        text.push('\n');
    }
    text
}
