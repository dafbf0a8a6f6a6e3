//! `terakoya new course DIR --title …` and `terakoya new lesson
//! DIR/NAME --title …`: skeleton files that pass `check` at once. An
//! existing file is never replaced.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, bail};
use clap::Subcommand;
use terakoya_import::course_file::{self, ListEdit, NotEditable};
use terakoya_import::ids::{self, IdProblem};
use terakoya_import::scaffold;

use crate::t;

/// The file every course directory holds.
pub const COURSE_FILE: &str = "course.toml";

#[derive(Debug, Subcommand)]
pub enum NewWhat {
    /// A course: DIR/course.toml (DIR is created when missing)
    Course {
        /// The course directory; its name is the course id
        dir: PathBuf,
        /// The course title (Japanese welcome)
        #[arg(long)]
        title: String,
    },
    /// A lesson in an existing course: DIR/NAME.toml, or a name derived
    /// from the title when PATH is the course directory itself
    Lesson {
        /// DIR/NAME (the lesson id is NAME), or a course directory
        path: PathBuf,
        /// The lesson title (Japanese welcome)
        #[arg(long)]
        title: String,
    },
}

pub fn run(what: &NewWhat) -> anyhow::Result<ExitCode> {
    let written = match what {
        NewWhat::Course { dir, title } => {
            fs::create_dir_all(dir)
                .with_context(|| t!("new.cannot_write", path = dir.display()))?;
            let path = dir.join(COURSE_FILE);
            write_new(&path, &scaffold::course_toml(title))?;
            super::output::print_line(&t!("new.course_written", path = path.display()));
            path
        }
        NewWhat::Lesson { path, title } => {
            let path = lesson_path(path, title)?;
            write_new(&path, &scaffold::lesson_toml(title))?;
            super::output::print_line(&t!("new.lesson_written", path = path.display()));
            if let (Some(dir), Some(id)) = (path.parent(), path.file_stem()) {
                list_in_course(dir, &id.to_string_lossy());
            }
            path
        }
    };
    super::output::print_line(&t!("new.next", path = written.display()));
    Ok(ExitCode::SUCCESS)
}

/// Where a new lesson goes: PATH as DIR/NAME(.toml), or a file named
/// after the title in PATH when PATH is a course directory.
fn lesson_path(path: &Path, title: &str) -> anyhow::Result<PathBuf> {
    let (dir, stem) = if path.join(COURSE_FILE).is_file() {
        let taken = |id: &str| path.join(format!("{id}.toml")).exists();
        (
            path.to_path_buf(),
            ids::lesson_id(title, None, taken, taken),
        )
    } else {
        let dir = match path.parent() {
            Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let stem = name.strip_suffix(".toml").unwrap_or(&name).to_owned();
        if let Some(problem) = ids::id_problem(&stem) {
            bail!(t!(
                "new.bad_name",
                name = stem,
                problem = id_problem_text(problem)
            ));
        }
        if stem == "course" {
            bail!(t!("new.reserved_name"));
        }
        (dir, stem)
    };
    if !dir.join(COURSE_FILE).is_file() {
        bail!(t!("new.no_course", dir = dir.display()));
    }
    Ok(dir.join(format!("{stem}.toml")))
}

pub fn id_problem_text(problem: IdProblem) -> &'static str {
    match problem {
        IdProblem::Empty => t!("new.id_problem.empty"),
        IdProblem::TooLong => t!("new.id_problem.too_long"),
        IdProblem::Slash => t!("new.id_problem.slash"),
        IdProblem::Space => t!("new.id_problem.space"),
        IdProblem::Dot => t!("new.id_problem.dot"),
    }
}

/// Adds lesson `id` to the end of the `lessons` list in `course_dir`'s
/// course.toml, when the course lists its lessons, and says so; when the
/// list cannot be edited, says what to add by hand. The lesson is written
/// either way: this is not an error.
pub fn list_in_course(course_dir: &Path, id: &str) {
    let file = course_dir.join(COURSE_FILE);
    let path = file.display();
    let edit = fs::read_to_string(&file).map(|text| course_file::add_lesson(&text, id));
    let why = match edit {
        Err(err) => err.to_string(),
        Ok(ListEdit::Added(text)) => match fs::write(&file, text) {
            Ok(()) => {
                super::output::print_line(&t!("watch.listed", id = id, path = path));
                return;
            }
            Err(err) => err.to_string(),
        },
        Ok(ListEdit::AlreadyListed | ListEdit::NoList) => return,
        Ok(ListEdit::NotEditable(NotEditable::InvalidToml)) => t!("watch.not_toml").to_owned(),
        Ok(ListEdit::NotEditable(NotEditable::NotAList)) => t!("watch.not_a_list").to_owned(),
    };
    super::output::eprint_line(&format!(
        "terakoya: warning: {}",
        t!("watch.cannot_list", id = id, path = path, why = why)
    ));
}

/// Writes a file that must not exist yet (checked by the create itself, so
/// no file appearing in between is ever replaced).
pub fn write_new(path: &Path, text: &str) -> anyhow::Result<()> {
    let file = OpenOptions::new().write(true).create_new(true).open(path);
    let mut file = match file {
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => {
            bail!(t!("new.exists", path = path.display()))
        }
        other => other.with_context(|| t!("new.cannot_write", path = path.display()))?,
    };
    file.write_all(text.as_bytes())
        .with_context(|| t!("new.cannot_write", path = path.display()))
}
