//! `terakoya import FILE… --course DIR [--dry-run] [--force]`: each article
//! becomes a lesson file of the course (created when missing). What went
//! where, and what was dropped, is reported per file; with `--dry-run` the
//! lesson files go to stdout and the report to stderr.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use terakoya_import::decode::DecodeError;
use terakoya_import::{Dropped, ImportError, Imported, SourceKind, ids, scaffold};

use super::EXIT_FAILURE;
use super::new::{COURSE_FILE, list_in_course, write_new};
use crate::t;

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Articles: .html/.htm (a page saved from a browser), .md, .txt
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The course directory the lessons go into (created when missing)
    #[arg(long, value_name = "DIR")]
    pub course: PathBuf,
    /// Print the lesson files instead of writing them
    #[arg(long)]
    pub dry_run: bool,
    /// Replace lesson files that exist already
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: &ImportArgs) -> anyhow::Result<ExitCode> {
    let mut failed = false;
    let mut used: HashSet<String> = HashSet::new();
    for file in &args.files {
        match import_one(args, file, &mut used) {
            Ok(()) => {}
            Err(err) => {
                super::output::eprint_line(&crate::t!(
                    "cli.error_line",
                    message = format!("{err:#}")
                ));
                failed = true;
            }
        }
    }
    Ok(if failed {
        ExitCode::from(EXIT_FAILURE)
    } else {
        ExitCode::SUCCESS
    })
}

fn import_one(args: &ImportArgs, file: &Path, used: &mut HashSet<String>) -> anyhow::Result<()> {
    let shown = file.display();
    let bytes = fs::read(file).with_context(|| t!("import.cannot_read", file = shown))?;
    let extension = file.extension().and_then(|e| e.to_str());
    let kind = SourceKind::sniff(extension, &bytes);
    let stem = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let imported = terakoya_import::import(&bytes, kind, &stem)
        .map_err(|err| anyhow::anyhow!(error_text(&shown.to_string(), &err)))?;

    let course = &args.course;
    let exists = |id: &str| course.join(format!("{id}.toml")).exists();
    let id = ids::lesson_id(
        &imported.lesson.title,
        Some(&stem),
        // A name from the title or file names the same lesson on a second
        // import (replaced only with --force); a number is always new.
        |id| used.contains(id),
        |id| used.contains(id) || exists(id),
    );
    used.insert(id.clone());
    let target = course.join(format!("{id}.toml"));
    let text = terakoya_import::to_toml(&imported.lesson);

    if args.dry_run {
        super::output::print_text(&format!("# {}\n{text}", target.display()));
        super::output::eprint_text(&report(
            &shown.to_string(),
            &target,
            &imported,
            t!("import.dry_run"),
        ));
        return Ok(());
    }
    if !course.join(COURSE_FILE).exists() {
        fs::create_dir_all(course)
            .with_context(|| t!("new.cannot_write", path = course.display()))?;
        let title = course
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        write_new(&course.join(COURSE_FILE), &scaffold::course_toml(&title))?;
        super::output::print_line(&t!(
            "import.course_created",
            path = course.display(),
            title = title
        ));
    }
    if args.force {
        fs::write(&target, &text)
            .with_context(|| t!("new.cannot_write", path = target.display()))?;
    } else {
        write_new(&target, &text)
            .map_err(|_| anyhow::anyhow!(t!("import.exists", path = target.display())))?;
    }
    super::output::print_text(&report(&shown.to_string(), &target, &imported, ""));
    list_in_course(course, &id);
    Ok(())
}

/// What was mapped where and what was dropped, a few lines per file.
fn report(file: &str, target: &Path, imported: &Imported, note: &str) -> String {
    let lesson = &imported.lesson;
    let none = t!("import.none");
    let mut out = format!(
        "{}{note}\n",
        t!("import.mapped", file = file, path = target.display())
    );
    out.push_str(&t!("import.title", title = lesson.title));
    out.push('\n');
    out.push_str(&t!(
        "import.label",
        label = lesson.label.as_deref().unwrap_or(none)
    ));
    out.push('\n');
    let lecturer = lesson.lecturer.as_ref().map_or(none, |l| l.name.as_str());
    out.push_str(&t!("import.lecturer", name = lecturer));
    out.push('\n');
    out.push_str(&t!(
        "import.parts",
        sections = lesson.sections.len(),
        points = lesson.summary.len()
    ));
    out.push('\n');
    let Dropped {
        navigation,
        scripts,
        forms,
        media,
        unsure,
    } = &imported.dropped;
    out.push_str(&t!(
        "import.dropped",
        navigation = navigation,
        scripts = scripts,
        forms = forms,
        media = media
    ));
    out.push('\n');
    for text in unsure {
        out.push_str(&t!("import.unsure", text = text));
        out.push('\n');
    }
    out
}

fn error_text(file: &str, err: &ImportError) -> String {
    match err {
        ImportError::Decode(DecodeError::NotUtf8 {
            line,
            column,
            guess,
        }) => {
            let guess = guess
                .map(|encoding| t!("import.guess", encoding = encoding))
                .unwrap_or_default();
            t!(
                "import.not_utf8",
                file = file,
                line = line,
                column = column,
                guess = guess
            )
        }
        ImportError::Decode(DecodeError::UnknownCharset(charset)) => {
            t!("import.unknown_charset", file = file, charset = charset)
        }
        ImportError::Empty => t!("import.empty", file = file),
    }
}
