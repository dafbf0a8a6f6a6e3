//! Finding courses and lesson files: on disk (recursively, not following
//! symlink loops) or in the embedded samples.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::LessonsSource;
use super::diag::{Diagnostic, shorten};
use super::kind::DiagnosticKind;
use super::{embedded, ids};

/// Directories deeper than this below the lessons root are not scanned.
pub const MAX_DEPTH: usize = 32;

/// At most this many directories are scanned: a symlink to `/` or to a
/// home directory in a downloaded bundle must not walk the whole disk.
pub const MAX_DIRS: usize = 2_000;

pub const COURSE_FILE: &str = "course.toml";

/// A file to load: on disk, or compiled in.
#[derive(Debug, Clone)]
pub enum FileRef {
    Disk(PathBuf),
    Embedded { shown: PathBuf, text: &'static str },
}

impl FileRef {
    /// The path shown in messages.
    pub fn shown(&self) -> &Path {
        match self {
            FileRef::Disk(path) => path,
            FileRef::Embedded { shown, .. } => shown,
        }
    }
}

/// One course to load.
#[derive(Debug)]
pub struct CoursePlan {
    /// The directory name.
    pub id: String,
    /// The directory as shown in messages.
    pub dir: PathBuf,
    /// `None` when a lone lesson file was given and its directory has none.
    pub course_file: Option<FileRef>,
    /// Lesson files, in file-name order.
    pub lessons: Vec<FileRef>,
    /// Only one lesson of the directory was asked for (`--lessons FILE`), so
    /// `lessons = [...]` entries naming the others are not errors.
    pub single_lesson: bool,
}

#[derive(Debug, Default)]
pub struct Plan {
    pub courses: Vec<CoursePlan>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn scan(source: &LessonsSource) -> Plan {
    match source {
        LessonsSource::Embedded => embedded_plan(),
        LessonsSource::Path(path) => disk_plan(path),
    }
}

fn embedded_plan() -> Plan {
    let mut plan = Plan::default();
    for &(relative, text) in embedded::FILES {
        let Some((course, name)) = relative.split_once('/') else {
            continue;
        };
        let file = FileRef::Embedded {
            shown: Path::new(embedded::ROOT).join(relative),
            text,
        };
        let at = match plan.courses.iter().position(|c| c.id == course) {
            Some(at) => at,
            None => {
                plan.courses.push(CoursePlan {
                    id: course.to_owned(),
                    dir: Path::new(embedded::ROOT).join(course),
                    course_file: None,
                    lessons: Vec::new(),
                    single_lesson: false,
                });
                plan.courses.len() - 1
            }
        };
        let course = &mut plan.courses[at];
        if name == COURSE_FILE {
            course.course_file = Some(file);
        } else {
            course.lessons.push(file);
        }
    }
    for course in &mut plan.courses {
        course.lessons.sort_by(|a, b| a.shown().cmp(b.shown()));
    }
    plan
}

fn disk_plan(root: &Path) -> Plan {
    let mut walker = Walker::default();
    match std::fs::metadata(root) {
        Err(err) => walker.error(Diagnostic::whole(
            root,
            DiagnosticKind::CannotRead {
                error: err.to_string(),
            },
        )),
        Ok(meta) if meta.is_file() => walker.single_file(root),
        Ok(meta) if meta.is_dir() => walker.walk(root, 0),
        // A device, a FIFO or a socket: reading it as a directory would
        // fail with "Not a directory", which misleads.
        Ok(_) => walker.error(Diagnostic::whole(root, DiagnosticKind::NotFileOrDirectory)),
    }
    if walker.plan.courses.is_empty() && walker.plan.diagnostics.iter().all(|d| !d.is_error()) {
        walker.error(Diagnostic::whole(root, DiagnosticKind::NoCourses));
    }
    walker.plan
}

#[derive(Default)]
struct Walker {
    plan: Plan,
    visited: HashSet<PathBuf>,
    /// Whether [`MAX_DIRS`] was reached (and reported).
    full: bool,
}

impl Walker {
    fn error(&mut self, diagnostic: Diagnostic) {
        self.plan.diagnostics.push(diagnostic);
    }

    /// Adds a course unless its directory name cannot be an id (it is the
    /// first half of every progress key, is printed and is typed on the
    /// command line: the same rules as lesson ids).
    fn add_course(&mut self, course: CoursePlan) {
        match ids::id_problem(&course.id) {
            None => self.plan.courses.push(course),
            Some(problem) => {
                let kind = DiagnosticKind::BadCourseDirectoryName {
                    name: shorten(&course.id, 40),
                    problem,
                };
                self.error(Diagnostic::whole(&course.dir, kind));
            }
        }
    }

    /// `--lessons FILE`: that lesson alone, in a course made of its
    /// directory (titled by its course.toml when there is one).
    fn single_file(&mut self, path: &Path) {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        let course_toml = dir.join(COURSE_FILE);
        let is_course_file = path.file_name().is_some_and(|n| n == COURSE_FILE);
        let lessons = if is_course_file {
            lesson_files(&dir).unwrap_or_default()
        } else {
            vec![FileRef::Disk(path.to_owned())]
        };
        self.add_course(CoursePlan {
            id: dir_name(&dir),
            course_file: course_toml.is_file().then_some(FileRef::Disk(course_toml)),
            dir,
            lessons,
            single_lesson: !is_course_file,
        });
    }

    fn walk(&mut self, dir: &Path, depth: usize) {
        if !self.first_visit(dir, depth) {
            return;
        }
        let entries = match sorted_entries(dir) {
            Ok(entries) => entries,
            Err(err) => {
                return self.error(cannot_read_dir(dir, &err));
            }
        };
        let (dirs, files): (Vec<_>, Vec<_>) = entries.into_iter().partition(|e| e.1);
        let tomls: Vec<PathBuf> = files
            .into_iter()
            .map(|e| e.0)
            .filter(|p| is_toml(p))
            .collect();
        if tomls
            .iter()
            .any(|p| p.file_name().is_some_and(|n| n == COURSE_FILE))
        {
            self.add_course(CoursePlan {
                id: dir_name(dir),
                dir: dir.to_owned(),
                course_file: Some(FileRef::Disk(dir.join(COURSE_FILE))),
                lessons: lessons_of(tomls),
                single_lesson: false,
            });
        } else {
            for stray in tomls {
                self.error(stray_warning(&stray, dir));
            }
        }
        for (sub, _) in dirs {
            self.walk(&sub, depth + 1);
        }
    }

    /// Whether `dir` is new (not reached again through a symlink) and not
    /// too deep; reports it otherwise.
    fn first_visit(&mut self, dir: &Path, depth: usize) -> bool {
        if depth > MAX_DEPTH {
            let kind = DiagnosticKind::DirectoryTooDeep {
                max_depth: MAX_DEPTH,
            };
            self.error(Diagnostic::whole(dir, kind).warning());
            return false;
        }
        if self.visited.len() >= MAX_DIRS {
            if !self.full {
                self.full = true;
                let kind = DiagnosticKind::TooManyDirectories { max: MAX_DIRS };
                self.error(Diagnostic::whole(dir, kind).warning());
            }
            return false;
        }
        match std::fs::canonicalize(dir).map(|real| self.visited.insert(real)) {
            Ok(true) => true,
            Ok(false) => {
                let kind = DiagnosticKind::SymlinkLoop;
                self.error(Diagnostic::whole(dir, kind).warning());
                false
            }
            Err(err) => {
                self.error(cannot_read_dir(dir, &err));
                false
            }
        }
    }
}

fn stray_warning(file: &Path, dir: &Path) -> Diagnostic {
    let kind = DiagnosticKind::NotInCourse {
        dir: dir.to_owned(),
    };
    Diagnostic::whole(file, kind).warning()
}

fn cannot_read_dir(dir: &Path, err: &std::io::Error) -> Diagnostic {
    let kind = DiagnosticKind::CannotReadDirectory {
        error: err.to_string(),
    };
    Diagnostic::whole(dir, kind)
}

/// Entries of `dir` (hidden ones skipped), sorted by file name, each with
/// whether it is a directory (following symlinks).
fn sorted_entries(dir: &Path) -> std::io::Result<Vec<(PathBuf, bool)>> {
    let mut entries = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(kind) if kind.is_symlink() => path.is_dir(),
            Ok(kind) => kind.is_dir(),
            Err(_) => false,
        };
        entries.push((path, is_dir));
    }
    entries.sort();
    Ok(entries)
}

fn is_toml(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "toml")
}

fn lessons_of(tomls: Vec<PathBuf>) -> Vec<FileRef> {
    tomls
        .into_iter()
        .filter(|p| p.file_name().is_some_and(|n| n != COURSE_FILE))
        .map(FileRef::Disk)
        .collect()
}

fn lesson_files(dir: &Path) -> std::io::Result<Vec<FileRef>> {
    let entries = sorted_entries(dir)?;
    Ok(lessons_of(
        entries
            .into_iter()
            .filter(|(p, is_dir)| !is_dir && is_toml(p))
            .map(|(p, _)| p)
            .collect(),
    ))
}

/// The name of a directory, resolving `.` and `..` to the real name.
fn dir_name(dir: &Path) -> String {
    let named = dir.file_name().filter(|n| *n != "." && *n != "..");
    let real = std::fs::canonicalize(dir).ok();
    named
        .or_else(|| real.as_deref().and_then(Path::file_name))
        .map_or_else(
            || "lessons".to_owned(),
            |n| n.to_string_lossy().into_owned(),
        )
}
