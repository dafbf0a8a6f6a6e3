//! From a scan plan to the library: parse every file in parallel, then put
//! each course together (lesson order, duplicate ids, the `lessons` list).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::ahead::Ahead;
use super::course::{CourseHead, course_head};
use super::diag::{Diagnostic, Location, shorten};
use super::id_rules::{look_alike_key, normalize_id};
use super::kind::{DiagnosticKind, MissingLesson};
use super::lesson::{ParsedLesson, lesson, stem};
use super::parse::{FileResult, check_file, check_file_ahead};
use super::scan::{CoursePlan, FileRef, Plan};
use super::walk::did_you_mean;
use super::{Loaded, fields};
use crate::model::{Course, Lesson, Library};

/// A lesson file after parsing: kept for course checks even with errors.
struct LessonFile {
    parsed: Option<ParsedLesson>,
    ok: bool,
    /// For a file that could not be read or decoded (so has no id): its
    /// stem, path and the line of its error, to say so when course.toml
    /// lists it.
    failed: Option<(String, PathBuf, Option<usize>)>,
}

pub fn load_plan(plan: Plan) -> Loaded {
    let mut diagnostics = plan.diagnostics;
    let mut files_checked = 0;
    let heads: Vec<Option<FileResult<CourseHead>>> = plan
        .courses
        .par_iter()
        .map(|c| c.course_file.as_ref().map(|f| check_file(f, course_head)))
        .collect();
    let mut lesson_files = parse_lessons(&plan.courses, &heads);
    let mut courses = Vec::new();
    for ((plan, head), files) in plan.courses.iter().zip(heads).zip(&mut lesson_files) {
        let head = head.map_or_else(CourseHead::default, |h| {
            files_checked += 1;
            diagnostics.extend(h.diagnostics);
            h.value.unwrap_or_default()
        });
        let files = std::mem::take(files).into_iter().map(|result| {
            files_checked += 1;
            let failed = match (&result.value, result.diagnostics.first()) {
                (None, Some(first)) => Some((
                    normalize_id(&stem(&first.path)),
                    first.path.clone(),
                    first.location.as_ref().map(|at| at.line),
                )),
                _ => None,
            };
            diagnostics.extend(result.diagnostics);
            LessonFile {
                parsed: result.value,
                ok: !result.has_errors,
                failed,
            }
        });
        let files: Vec<LessonFile> = files.collect();
        if !head.newer_format {
            courses.push(course(plan, head, files, &mut diagnostics));
        }
    }
    Loaded {
        library: Library {
            courses: unique_courses(courses, &mut diagnostics),
        },
        diagnostics,
        files_checked,
    }
}

/// Parses the lesson files of every course (but those made for a newer
/// format) in parallel, as one pool of files; returns them per course.
fn parse_lessons(
    courses: &[CoursePlan],
    heads: &[Option<FileResult<CourseHead>>],
) -> Vec<Vec<FileResult<ParsedLesson>>> {
    let jobs: Vec<(usize, &FileRef, i64)> = courses
        .iter()
        .zip(heads)
        .enumerate()
        .filter(|(_, (_, head))| !head.as_ref().is_some_and(newer_format))
        .flat_map(|(i, (c, head))| {
            let format = course_format(head.as_ref());
            c.lessons.iter().map(move |f| (i, f, format))
        })
        .collect();
    let results: Vec<(usize, FileResult<ParsedLesson>)> = jobs
        .par_iter()
        .map(|&(i, file, format)| {
            let stem = stem(file.shown());
            (
                i,
                check_file_ahead(
                    file,
                    |text| Ahead::guess(text, format),
                    |check, root, ahead| lesson(check, root, &stem, format, ahead),
                ),
            )
        })
        .collect();
    let mut per_course: Vec<Vec<_>> = courses.iter().map(|_| Vec::new()).collect();
    for (i, result) in results {
        if let Some(files) = per_course.get_mut(i) {
            files.push(result);
        }
    }
    per_course
}

/// The format a course's lessons default to: 1 without a course file.
fn course_format(head: Option<&FileResult<CourseHead>>) -> i64 {
    head.and_then(|h| h.value.as_ref())
        .map_or(1, |h| h.format.max(1))
}

fn newer_format(head: &FileResult<CourseHead>) -> bool {
    head.value.as_ref().is_some_and(|h| h.newer_format)
}

/// Puts one course together; lessons with errors are left out.
fn course(
    plan: &CoursePlan,
    head: CourseHead,
    files: Vec<LessonFile>,
    diags: &mut Vec<Diagnostic>,
) -> Course {
    let mut all_ids: Vec<String> = Vec::new();
    for id in files
        .iter()
        .filter_map(|f| f.parsed.as_ref().map(|p| &p.id))
    {
        if !all_ids.contains(id) {
            all_ids.push(id.clone());
        }
    }
    let failed: Vec<_> = files.iter().filter_map(|f| f.failed.clone()).collect();
    // By id, and by look-alike form: the first file with it.
    let mut first_with_id: HashMap<String, PathBuf> = HashMap::new();
    let mut first_look_alike: HashMap<String, (String, PathBuf)> = HashMap::new();
    let mut lessons = Vec::new();
    for file in files {
        let Some(parsed) = file.parsed else { continue };
        let this = &parsed.lesson.path;
        if let Some(first) = first_with_id.get(&parsed.id) {
            let kind = DiagnosticKind::DuplicateLessonId {
                id: parsed.id.clone(),
                first: file_name(first),
                this: file_name(this),
            };
            diags.push(at(this, &parsed.id_at, kind));
            continue;
        }
        let look = look_alike_key(&parsed.id);
        if let Some((other_id, first)) = first_look_alike.get(&look) {
            let kind = DiagnosticKind::LookAlikeLessonIds {
                id: parsed.id.clone(),
                other_id: other_id.clone(),
                first: file_name(first),
                this: file_name(this),
            };
            diags.push(at(this, &parsed.id_at, kind));
            continue;
        }
        first_with_id.insert(parsed.id.clone(), this.clone());
        first_look_alike.insert(look, (parsed.id.clone(), this.clone()));
        if file.ok {
            lessons.push(parsed);
        }
    }
    let known = Known {
        ids: &all_ids,
        failed: &failed,
    };
    Course {
        id: plan.id.clone(),
        title: head.title.unwrap_or_else(|| fields::one_line(&plan.id)),
        description: head.description,
        lessons: order(plan, head.order.as_deref(), lessons, &known, diags),
        path: plan.dir.clone(),
    }
}

/// The lesson ids of a course and the files that failed to load.
struct Known<'a> {
    ids: &'a [String],
    failed: &'a [(String, PathBuf, Option<usize>)],
}

fn file_name(path: &Path) -> PathBuf {
    PathBuf::from(path.file_name().unwrap_or_default())
}

/// A diagnostic at a location computed earlier.
fn at(path: &Path, location: &Location, kind: DiagnosticKind) -> Diagnostic {
    Diagnostic {
        location: Some(location.clone()),
        ..Diagnostic::whole(path, kind)
    }
}

/// Lessons in `lessons = [...]` order, then the unlisted ones in file-name
/// order (each with a warning); without a list, in file-name order.
fn order(
    plan: &CoursePlan,
    listed: Option<&[(String, Location)]>,
    mut lessons: Vec<ParsedLesson>,
    known: &Known<'_>,
    diags: &mut Vec<Diagnostic>,
) -> Vec<Lesson> {
    let (Some(listed), Some(course_file)) = (listed, plan.course_file.as_ref()) else {
        return lessons.into_iter().map(|p| p.lesson).collect();
    };
    let mut out = Vec::with_capacity(lessons.len());
    let mut seen = HashSet::new();
    for (id, location) in listed {
        if !seen.insert(id.as_str()) {
            let kind = DiagnosticKind::ListedTwice {
                id: shorten(id, 40),
            };
            diags.push(at(course_file.shown(), location, kind));
        } else if let Some(i) = lessons.iter().position(|p| &p.id == id) {
            out.push(lessons.remove(i).lesson);
        } else if !known.ids.contains(id) && !plan.single_lesson {
            let kind = DiagnosticKind::NoSuchLesson {
                id: shorten(id, 40),
                hint: missing_lesson(id, known),
            };
            diags.push(at(course_file.shown(), location, kind));
        }
    }
    for parsed in lessons {
        if !plan.single_lesson {
            let kind = DiagnosticKind::NotListed {
                id: parsed.id.clone(),
            };
            diags.push(at(&parsed.lesson.path, &parsed.id_at, kind).warning());
        }
        out.push(parsed.lesson);
    }
    out
}

fn missing_lesson(id: &str, known: &Known<'_>) -> MissingLesson {
    if let Some((_, file, line)) = known.failed.iter().find(|(stem, ..)| stem == id) {
        return MissingLesson::FailedToLoad {
            file: file.clone(),
            line: *line,
        };
    }
    let ids: Vec<&str> = known.ids.iter().map(String::as_str).collect();
    match did_you_mean(id, &ids) {
        Some(best) => MissingLesson::DidYouMean(best.to_owned()),
        None if ids.is_empty() => MissingLesson::NoLessonFiles,
        None => MissingLesson::Available(known.ids.to_vec()),
    }
}

/// Courses sorted by id; a second course with the same id is reported and
/// left out.
fn unique_courses(mut courses: Vec<Course>, diags: &mut Vec<Diagnostic>) -> Vec<Course> {
    courses.sort_by(|a, b| a.id.cmp(&b.id));
    let mut out: Vec<Course> = Vec::with_capacity(courses.len());
    for course in courses {
        match out.last() {
            Some(last) if last.id == course.id => {
                let kind = DiagnosticKind::DuplicateCourseId {
                    id: course.id.clone(),
                    other: last.path.clone(),
                };
                diags.push(Diagnostic::whole(&course.path, kind));
            }
            _ => out.push(course),
        }
    }
    out
}
