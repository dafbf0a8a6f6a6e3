//! `terakoya search QUERY`: every match in the library, one line each, as
//! `COURSE/LESSON  HEADING: …context…`, best-known lessons first (title and
//! heading matches before body matches). Exit status like grep: 0 when
//! something matched, 1 when nothing did, 2 when lesson files had errors.

use std::io::{self, IsTerminal, Write};
use std::ops::Range;
use std::process::ExitCode;

use serde::Serialize;
use terakoya_core::bundle;
use terakoya_core::model::{Course, Lesson, Library};
use terakoya_core::search::{LibraryIndex, Match, Query, excerpt};
use terakoya_core::text::width::str_width;

use super::{Cli, EXIT_USAGE};
use crate::t;

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct SearchJson<'a> {
    pub query: &'a str,
    pub matches: Vec<MatchJson<'a>>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct MatchJson<'a> {
    pub course: &'a str,
    pub lesson: &'a str,
    /// The heading of the section the match is in, if any.
    pub section: Option<&'a str>,
    pub section_id: Option<&'a str>,
    pub field: &'static str,
    /// The matched characters as they stand in the lesson.
    pub text: &'a str,
    /// The whole paragraph (or heading, title, point) holding the match.
    pub context: &'a str,
}

/// A match with what is needed to show it.
struct Hit<'a> {
    course: &'a Course,
    lesson: &'a Lesson,
    found: Match,
}

pub fn run(cli: &Cli, query: &str, json: bool) -> anyhow::Result<ExitCode> {
    let loaded = bundle::load(&super::command::resolve(cli.lessons.as_deref()));
    // stderr closed: the matches still go to stdout.
    let _ = super::list::report_problems(
        &loaded,
        &super::command::check_command(cli.lessons.as_deref()),
    );
    let hits = match Query::new(query) {
        Some(query) => search(&loaded.library, &query),
        None => Vec::new(),
    };
    let stdout = io::stdout();
    let width = stdout
        .is_terminal()
        .then(|| crossterm::terminal::size().map_or(80, |(w, _)| usize::from(w)));
    // Large: a common word may print tens of thousands of paragraphs.
    let mut out = io::BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &to_json(query, &hits))
            .map_err(io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        hits.iter()
            .try_for_each(|hit| write_line(&mut out, hit, width))
    };
    match written.and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => {}
        Err(err) => return Err(err.into()),
        Ok(()) => {}
    }
    Ok(if loaded.error_count() > 0 {
        ExitCode::from(EXIT_USAGE)
    } else if hits.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn search<'a>(library: &'a Library, query: &Query) -> Vec<Hit<'a>> {
    LibraryIndex::search_once(library, query)
        .into_iter()
        .flat_map(|hits| {
            let course = &library.courses[hits.course];
            let lesson = &course.lessons[hits.lesson];
            hits.matches.into_iter().map(move |found| Hit {
                course,
                lesson,
                found,
            })
        })
        .collect()
}

fn to_json<'a>(query: &'a str, hits: &'a [Hit<'a>]) -> SearchJson<'a> {
    let matches = hits
        .iter()
        .map(|hit| {
            let section = hit
                .found
                .field
                .section()
                .and_then(|s| hit.lesson.sections.get(s));
            let context = hit.found.field.text(hit.lesson);
            MatchJson {
                course: &hit.course.id,
                lesson: &hit.lesson.id,
                section: section.map(|s| s.heading.as_str()),
                section_id: section.map(|s| s.id.as_str()),
                field: hit.found.field.kind().as_str(),
                text: &context[hit.found.range.clone()],
                context,
            }
        })
        .collect();
    SearchJson { query, matches }
}

/// `COURSE/LESSON  WHERE: context` and a newline, the context cut around
/// the match to fit `width` columns when there is one. Written in pieces,
/// not formatted: piped, a common word prints megabytes of whole
/// paragraphs, and formatting them showed as a tenth of the run.
fn write_line(out: &mut impl Write, hit: &Hit<'_>, width: Option<usize>) -> io::Result<()> {
    let field = hit.found.field;
    let place = match field.section().and_then(|s| hit.lesson.sections.get(s)) {
        Some(section) => section.heading.as_str(),
        None => &t!("search.field", field = field_name(field.kind().as_str())),
    };
    let text = field.text(hit.lesson);
    for piece in [&hit.course.id, "/", &hit.lesson.id, "  ", place, ": "] {
        out.write_all(piece.as_bytes())?;
    }
    match width {
        Some(width) => {
            let prefix =
                str_width(&hit.course.id) + str_width(&hit.lesson.id) + str_width(place) + 5;
            let context = excerpt_line(text, hit.found.range.clone(), width.saturating_sub(prefix));
            out.write_all(context.as_bytes())?;
        }
        None => out.write_all(text.as_bytes())?,
    }
    out.write_all(b"\n")
}

/// The word for a field kind in lines like `[title]`.
fn field_name(kind: &str) -> &'static str {
    match kind {
        "title" => t!("search.fields.title"),
        "label" => t!("search.fields.label"),
        "lecturer" => t!("search.fields.lecturer"),
        "intro" => t!("search.fields.intro"),
        "summary" => t!("search.fields.summary"),
        "heading" => t!("search.fields.heading"),
        _ => t!("search.fields.body"),
    }
}

/// `text` cut to `columns` display columns around `matched`, `…` at each
/// cut (see the core's [`excerpt`]).
pub fn excerpt_line(text: &str, matched: Range<usize>, columns: usize) -> String {
    excerpt(text, matched, columns, "…").0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_text_is_shown_whole() {
        assert_eq!(excerpt_line("短い文。", 0..3, 40), "短い文。");
    }

    #[test]
    fn a_long_text_is_cut_around_the_match_by_display_width() {
        let text = "あいうえおかきくけこさしすせそたちつてとなにぬねの";
        let at = text.find("たち").unwrap();
        let cut = excerpt_line(text, at..at + "たち".len(), 20);
        assert!(cut.contains("たち"), "{cut}");
        assert!(str_width(&cut) <= 20, "{cut} is {} wide", str_width(&cut));
        assert!(cut.starts_with('…') && cut.ends_with('…'), "{cut}");
    }

    #[test]
    fn a_match_at_the_start_has_no_mark_before() {
        let text = "SNSは便利な道具ですが、使い方には注意がいります。";
        let cut = excerpt_line(text, 0..3, 16);
        assert!(cut.starts_with("SNS") && cut.ends_with('…'), "{cut}");
        assert!(str_width(&cut) <= 16);
    }
}
