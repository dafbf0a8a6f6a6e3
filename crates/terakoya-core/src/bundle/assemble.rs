//! From a scan plan to the library: parse every file in parallel, then put
//! each course together (lesson order, duplicate ids, the `lessons` list).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::course::{CourseHead, course_head};
use super::diag::{Diagnostic, Location, shorten};
use super::lesson::{ParsedLesson, lesson, stem};
use super::parse::{FileResult, check_file};
use super::scan::{CoursePlan, FileRef, Plan};
use super::walk::did_you_mean;
use super::{Loaded, fields};
use crate::model::{Course, Lesson, Library};

/// A lesson file after parsing: kept for course checks even with errors.
struct LessonFile {
    parsed: Option<ParsedLesson>,
    ok: bool,
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
            diagnostics.extend(result.diagnostics);
            LessonFile {
                parsed: result.value,
                ok: !result.has_errors,
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
    let jobs: Vec<(usize, &FileRef)> = courses
        .iter()
        .zip(heads)
        .enumerate()
        .filter(|(_, (_, head))| !head.as_ref().is_some_and(newer_format))
        .flat_map(|(i, (c, _))| c.lessons.iter().map(move |f| (i, f)))
        .collect();
    let results: Vec<(usize, FileResult<ParsedLesson>)> = jobs
        .par_iter()
        .map(|&(i, file)| {
            let stem = stem(file.shown());
            (
                i,
                check_file(file, |check, root| lesson(check, root, &stem)),
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
    let all_ids: Vec<&str> = files
        .iter()
        .filter_map(|f| f.parsed.as_ref().map(|p| p.id.as_str()))
        .collect();
    let all_ids: Vec<String> = all_ids.into_iter().map(str::to_owned).collect();
    let mut first_with_id: HashMap<String, PathBuf> = HashMap::new();
    let mut lessons = Vec::new();
    for file in files {
        let Some(parsed) = file.parsed else { continue };
        if let Some(first) = first_with_id.get(&parsed.id) {
            let message = format!(
                "duplicate lesson id `{}`: `{}` already uses it",
                parsed.id,
                first.file_name().unwrap_or_default().to_string_lossy()
            );
            let help = "give this lesson a different `id = \"...\"`";
            diags.push(at(&parsed.lesson.path, &parsed.id_at, message).with_help(help));
            continue;
        }
        first_with_id.insert(parsed.id.clone(), parsed.lesson.path.clone());
        if file.ok {
            lessons.push(parsed);
        }
    }
    Course {
        id: plan.id.clone(),
        title: head.title.unwrap_or_else(|| fields::one_line(&plan.id)),
        description: head.description,
        lessons: order(plan, head.order.as_deref(), lessons, &all_ids, diags),
        path: plan.dir.clone(),
    }
}

/// A diagnostic at a location computed earlier.
fn at(path: &Path, location: &Location, message: String) -> Diagnostic {
    Diagnostic {
        location: Some(location.clone()),
        ..Diagnostic::whole(path, message)
    }
}

/// Lessons in `lessons = [...]` order, then the unlisted ones in file-name
/// order (each with a warning); without a list, in file-name order.
fn order(
    plan: &CoursePlan,
    listed: Option<&[(String, Location)]>,
    mut lessons: Vec<ParsedLesson>,
    all_ids: &[String],
    diags: &mut Vec<Diagnostic>,
) -> Vec<Lesson> {
    let (Some(listed), Some(course_file)) = (listed, plan.course_file.as_ref()) else {
        return lessons.into_iter().map(|p| p.lesson).collect();
    };
    let mut out = Vec::with_capacity(lessons.len());
    let mut seen = HashSet::new();
    for (id, location) in listed {
        if !seen.insert(id.as_str()) {
            let message = format!("lesson `{}` is listed twice in `lessons`", shorten(id, 40));
            diags.push(at(course_file.shown(), location, message).with_help("remove one of them"));
        } else if let Some(i) = lessons.iter().position(|p| &p.id == id) {
            out.push(lessons.remove(i).lesson);
        } else if !all_ids.contains(id) && !plan.single_lesson {
            let diag = at(
                course_file.shown(),
                location,
                format!("no lesson `{}` in this course", shorten(id, 40)),
            );
            diags.push(diag.with_help(unknown_lesson_help(id, all_ids)));
        }
    }
    for parsed in lessons {
        if !plan.single_lesson {
            let message = format!(
                "lesson `{}` is not in the `lessons` list of course.toml; it comes after the listed ones",
                parsed.id
            );
            let help = format!("add \"{}\" to `lessons` in course.toml", parsed.id);
            let diag = at(&parsed.lesson.path, &parsed.id_at, message).warning();
            diags.push(diag.with_help(help));
        }
        out.push(parsed.lesson);
    }
    out
}

fn unknown_lesson_help(id: &str, all_ids: &[String]) -> String {
    let ids: Vec<&str> = all_ids.iter().map(String::as_str).collect();
    match did_you_mean(id, &ids) {
        Some(best) => format!("did you mean `{best}`?"),
        None if ids.is_empty() => "this course has no lesson files".to_owned(),
        None => format!("the lessons here are: {}", ids.join(", ")),
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
                let message = format!(
                    "course id `{}` is also used by `{}`; this one is not loaded",
                    course.id,
                    last.path.display()
                );
                diags.push(
                    Diagnostic::whole(&course.path, message)
                        .with_help("rename one of the directories"),
                );
            }
            _ => out.push(course),
        }
    }
    out
}
