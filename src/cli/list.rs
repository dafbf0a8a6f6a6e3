//! `terakoya list`: the courses and lessons as a table aligned by display
//! width, or as JSON. Problems go to stderr, one line each; the lessons
//! that loaded are listed all the same.

use std::io::Write;
use std::process::ExitCode;

use serde::Serialize;

use super::table::aligned;
use super::{Cli, EXIT_FAILURE};
use terakoya_core::bundle::{self, Loaded};
use terakoya_core::model::{Course, Library};

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct ListJson<'a> {
    pub courses: Vec<CourseJson<'a>>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct CourseJson<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub lessons: Vec<LessonJson<'a>>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct LessonJson<'a> {
    pub id: &'a str,
    pub label: Option<&'a str>,
    pub title: &'a str,
    pub sections: usize,
    pub points: usize,
}

pub fn run(cli: &Cli, json: bool) -> anyhow::Result<ExitCode> {
    let loaded = bundle::load(&super::command::resolve(cli.lessons.as_deref()));
    // stderr closed: the listing still goes to stdout.
    let _ = report_problems(
        &loaded,
        &super::command::check_command(cli.lessons.as_deref()),
    );
    let code = if loaded.error_count() > 0 {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    };
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if json {
        serde_json::to_writer_pretty(&mut out, &to_json(&loaded.library))
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
    } else {
        write!(out, "{}", table(&loaded.library))
    };
    match written.and_then(|()| out.flush()) {
        // `terakoya list | head`: the reader went away; nothing is wrong.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(code),
        Err(err) => Err(err.into()),
        Ok(()) => Ok(code),
    }
}

/// One stderr line per problem, then a pointer to `check` (the command
/// `check`, as the user should run it).
pub(super) fn report_problems(loaded: &Loaded, check: &str) -> std::io::Result<()> {
    if loaded.diagnostics.is_empty() {
        return Ok(());
    }
    let mut err = std::io::stderr().lock();
    for diagnostic in &loaded.diagnostics {
        writeln!(err, "{}", super::diagnostic::headline(diagnostic))?;
    }
    writeln!(
        err,
        "{}",
        crate::t!("check.see_in_context", command = super::echo::shown(check))
    )
}

pub fn to_json(library: &Library) -> ListJson<'_> {
    ListJson {
        courses: library.courses.iter().map(course_json).collect(),
    }
}

fn course_json(course: &Course) -> CourseJson<'_> {
    CourseJson {
        id: &course.id,
        title: &course.title,
        lessons: course
            .lessons
            .iter()
            .map(|l| LessonJson {
                id: &l.id,
                label: l.label.as_deref(),
                title: &l.title,
                sections: l.sections.len(),
                points: l.summary.len(),
            })
            .collect(),
    }
}

/// A row of the table: id, label, title, sections, points.
type Row = [String; 5];

/// The table: a header, then each course (id and title) followed by its
/// lessons (`course/lesson`, label, title, counts), aligned by display width.
pub fn table(library: &Library) -> String {
    let mut rows: Vec<Row> = vec![
        [
            crate::t!("cli.list.lesson"),
            crate::t!("cli.list.label"),
            crate::t!("cli.list.title"),
            crate::t!("cli.list.sections"),
            crate::t!("cli.list.points"),
        ]
        .map(String::from),
    ];
    for course in &library.courses {
        rows.push([
            course.id.clone(),
            String::new(),
            course.title.clone(),
            String::new(),
            String::new(),
        ]);
        for lesson in &course.lessons {
            rows.push([
                format!("{}/{}", course.id, lesson.id),
                lesson.label.clone().unwrap_or_default(),
                lesson.title.clone(),
                lesson.sections.len().to_string(),
                lesson.summary.len().to_string(),
            ]);
        }
    }
    // SECTIONS and POINTS are counts: right-aligned.
    aligned(&rows, &[3, 4])
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use terakoya_core::model::Lesson;

    fn library() -> Library {
        let lesson = |id: &str, label: Option<&str>, title: &str| Lesson {
            id: id.into(),
            label: label.map(Into::into),
            title: title.into(),
            lecturer: None,
            intro: None,
            sections: vec![],
            summary: vec![],
            path: PathBuf::new(),
            ..Default::default()
        };
        Library {
            courses: vec![Course {
                id: "career".into(),
                title: "医師のキャリア".into(),
                description: None,
                lessons: vec![
                    lesson("06-sns", Some("第6回"), "SNSとの付き合い方"),
                    lesson("x", None, "Plain"),
                ],
                path: PathBuf::new(),
            }],
        }
    }

    #[test]
    fn table_aligns_by_display_width() {
        let expected = "\
LESSON         LABEL  TITLE              SECTIONS  POINTS
career                医師のキャリア
career/06-sns  第6回  SNSとの付き合い方         0       0
career/x              Plain                     0       0
";
        assert_eq!(table(&library()), expected);
    }
}
