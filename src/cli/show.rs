//! `terakoya show`: a lesson as plain text wrapped to a width, with the
//! summary as a checklist from saved progress.
//!
//! Headings stand out without colour too: a rule of `=` under the title
//! and of `-` under each heading (as wide as the heading), with a blank
//! line before and after, as in Markdown's underlined headings.
//!
//! Colour and bold only when the CLI's colour policy (`output`) allows it
//! for stdout; otherwise not a single escape code, so the output can be
//! piped, diffed and grepped. The text itself has been sanitised by the
//! loader, so nothing in it can reach the terminal as a control sequence.

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

use super::Cli;
use super::command::{check_command, command, resolve};
use super::diagnostic::{file_and_line, headline};
use super::output::{self, eprint_line, styles};
use crate::tui::strings::{TICKED, UNTICKED, summary};
use terakoya_core::bundle::{self, Loaded, Severity};
use terakoya_core::model::{FindError, Lesson};
use terakoya_core::progress::LessonKey;
use terakoya_core::progress::store::Store;
use terakoya_core::text::layout::{
    LessonLayout, LineKind, QUOTE_BAR, QUOTE_INDENT, layout_lesson_with,
};
use terakoya_core::text::linebreak::{break_lines_keeping, shown, wrap};
use terakoya_core::text::styled::{
    DisplayOptions, LinkMode, RubyMode, RunStyle, display, kept_ranges,
};
use terakoya_core::text::width::str_width;

/// Width used when stdout is not a terminal and no `--width` is given.
pub const DEFAULT_WIDTH: u16 = 80;

/// `--ruby`: how furigana is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Ruby {
    /// 褥瘡（じょくそう）
    #[default]
    Inline,
    /// 褥瘡
    Hide,
}

impl Ruby {
    fn mode(self) -> RubyMode {
        match self {
            Ruby::Inline => RubyMode::Inline,
            Ruby::Hide => RubyMode::Hide,
        }
    }
}

/// `--ruby` when given, else the config file's `ruby`.
pub fn ruby_mode(flag: Option<Ruby>, config: RubyMode) -> RubyMode {
    flag.map_or(config, Ruby::mode)
}

/// Whether to decorate the output with SGR codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

pub fn run(cli: &Cli, spec: &str, width: Option<u16>, ruby: RubyMode) -> anyhow::Result<ExitCode> {
    let loaded = bundle::load(&resolve(cli.lessons.as_deref()));
    let (course, lesson) = match loaded.library.find_lesson(spec) {
        Ok(found) => found,
        Err(err) => {
            report_problems(cli, &loaded, None);
            // A file that exists but failed to load is not "no lesson".
            if let FindError::NotFound(spec) = &err
                && let Some(failed) = failed_file(&loaded, spec)
            {
                anyhow::bail!(crate::t!("check.lesson_failed", spec = spec, file = failed));
            }
            anyhow::bail!(find_error(&err, cli.lessons.as_deref()));
        }
    };
    report_problems(cli, &loaded, Some(lesson));
    // Only reads the progress: an unreadable file is reported, not moved.
    let opened = Store::peek_synced(cli.data_dir.as_deref(), cli.sync());
    super::progress::warn(&opened);
    let key = LessonKey::new(course.id.as_str(), lesson.id.as_str());
    let ticked = |point: &str| opened.progress.is_ticked(&key, point);
    let stdout = io::stdout();
    let terminal = stdout.is_terminal();
    let width = width.unwrap_or_else(|| default_width(terminal));
    let style = if output::colour(&stdout) {
        Style::Color
    } else {
        Style::Plain
    };
    let mut out = BufWriter::with_capacity(1 << 16, stdout.lock());
    let written = write_lesson_with(&mut out, lesson, &ticked, (width, ruby), style)
        .and_then(|()| out.flush());
    output::ignore_broken_pipe(written)?;
    Ok(ExitCode::SUCCESS)
}

/// Why no lesson was found, naming `list` as it must be run to list the
/// same lessons (with `lessons`, the `-L` path given, if any).
pub fn find_error(err: &FindError, lessons: Option<&Path>) -> String {
    match err {
        FindError::NotFound(spec) => crate::t!(
            "cli.lesson_not_found",
            spec = super::echo::shown(spec),
            list = super::echo::shown(&command(lessons, "list"))
        ),
        FindError::Ambiguous { spec, candidates } => crate::t!(
            "cli.lesson_ambiguous",
            spec = super::echo::shown(spec),
            candidates = super::echo::shown(&candidates.join(", "))
        ),
    }
}

/// `file:line` of the first error in the lesson file `spec` names
/// (`COURSE/LESSON` or `LESSON`, by its file name), when it failed to load.
fn failed_file(loaded: &Loaded, spec: &str) -> Option<String> {
    let (course, lesson) = match spec.split_once('/') {
        Some((course, lesson)) => (Some(course), lesson),
        None => (None, spec),
    };
    let named = |path: &Path| {
        let stem = path.file_stem().map(|s| s.to_string_lossy());
        let dir = path.parent().and_then(Path::file_name);
        stem.is_some_and(|s| s == lesson)
            && course.is_none_or(|c| dir.is_some_and(|d| d.to_string_lossy() == c))
    };
    let error = loaded
        .diagnostics
        .iter()
        .find(|d| d.severity == Severity::Error && named(&d.path))?;
    let line = error.location.as_ref().map(|at| at.line);
    Some(file_and_line(&error.path, line))
}

fn default_width(terminal: bool) -> u16 {
    let size = terminal.then(ratatui::crossterm::terminal::size);
    match size {
        Some(Ok((columns, _))) if columns > 0 => columns,
        _ => DEFAULT_WIDTH,
    }
}

/// Problems in the shown lesson's file (or, when it was not found, in all
/// files) go to stderr, one line each; the lesson is shown all the same.
fn report_problems(cli: &Cli, loaded: &Loaded, lesson: Option<&Lesson>) {
    let relevant = loaded
        .diagnostics
        .iter()
        .filter(|d| lesson.is_none_or(|l| d.path == l.path))
        .collect::<Vec<_>>();
    for diagnostic in &relevant {
        eprint_line(&headline(diagnostic));
    }
    if !relevant.is_empty() {
        let check = check_command(cli.lessons.as_deref());
        let check = super::echo::shown(&check);
        eprint_line(&crate::t!("check.see_in_context", command = check));
    }
}

/// Writes `lesson` wrapped to `width` columns, then its summary checklist.
pub fn write_lesson(
    out: &mut impl Write,
    lesson: &Lesson,
    ticked: &dyn Fn(&str) -> bool,
    width: u16,
    style: Style,
) -> io::Result<()> {
    write_lesson_with(out, lesson, ticked, (width, RubyMode::Inline), style)
}

/// [`write_lesson`] with ruby shown as `ruby` says; links are followed by
/// their URL in `<>`.
pub fn write_lesson_with(
    out: &mut impl Write,
    lesson: &Lesson,
    ticked: &dyn Fn(&str) -> bool,
    (width, ruby): (u16, RubyMode),
    style: Style,
) -> io::Result<()> {
    let options = DisplayOptions {
        ruby,
        links: LinkMode::WithUrl,
    };
    let layout = layout_lesson_with(lesson, width, options);
    write_layout(out, &layout, style)?;
    if lesson.summary.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let width = usize::from(layout.width);
    let mut heading_width = 0;
    let summary = summary();
    for range in wrap(summary, width) {
        let line = shown(summary, range, width);
        heading_width = heading_width.max(str_width(line));
        writeln!(out, "{}", paint(line, LineKind::Heading, style))?;
    }
    write_rule(out, LineKind::Heading, heading_width, style)?;
    writeln!(out)?;
    for (index, point) in lesson.summary.iter().enumerate() {
        let (text, spans) = display(&point.text, lesson.inline.point(index), options);
        let keep = kept_ranges(&spans);
        let done = ticked(&point.id);
        write_point(out, (&text, &keep), done, layout.width, style)?;
    }
    Ok(())
}

fn write_layout(out: &mut impl Write, layout: &LessonLayout, style: Style) -> io::Result<()> {
    // The widest line of the heading (or title) being written.
    let mut heading_width = 0;
    for (index, line) in layout.lines.iter().enumerate() {
        let text = layout.line_text(index);
        write_margin(out, line, style)?;
        match style {
            // The common case, a line per call: no formatting machinery.
            Style::Plain => out.write_all(text.as_bytes())?,
            Style::Color => write_runs(out, layout, index, style)?,
        }
        out.write_all(b"\n")?;
        if is_heading(line.kind) {
            heading_width = heading_width.max(usize::from(line.indent) + str_width(text));
            let next = layout.lines.get(index + 1).map(|l| l.kind);
            if next != Some(line.kind) {
                write_rule(out, line.kind, heading_width, style)?;
                if next.is_some_and(|kind| kind != LineKind::Blank) {
                    out.write_all(b"\n")?;
                }
                heading_width = 0;
            }
        }
    }
    Ok(())
}

/// Lines that get a rule under them, so that they stand out from the text
/// even without colour: the title and the headings.
fn is_heading(kind: LineKind) -> bool {
    matches!(kind, LineKind::Title | LineKind::Heading)
}

/// The rule under a heading, as wide as its widest line (so never wider
/// than the width): `=` under the title, `-` under headings, as in
/// Markdown's underlined headings.
fn write_rule(out: &mut impl Write, kind: LineKind, width: usize, style: Style) -> io::Result<()> {
    let mark = if kind == LineKind::Title { "=" } else { "-" };
    let rule = mark.repeat(width);
    writeln!(out, "{}", paint(&rule, kind, style))
}

/// The indent of a line: quote bars, then spaces, then its bullet.
fn write_margin(
    out: &mut impl Write,
    line: &terakoya_core::text::layout::LayoutLine,
    style: Style,
) -> io::Result<()> {
    let mut column = 0;
    for _ in 0..line.quote {
        write!(out, "{}", paint(QUOTE_BAR, LineKind::Label, style))?;
        write_spaces(out, usize::from(QUOTE_INDENT) - str_width(QUOTE_BAR))?;
        column += usize::from(QUOTE_INDENT);
    }
    if let Some((bullet, at)) = line.bullet() {
        write_spaces(out, usize::from(at).saturating_sub(column))?;
        write!(out, "{}", paint(&bullet.symbol(), line.kind, style))?;
    } else {
        write_spaces(out, usize::from(line.indent).saturating_sub(column))?;
    }
    Ok(())
}

/// A line's text in colour: the style of its kind, with its runs' styles
/// (bold, italic, dim readings, underlined links) on top.
fn write_runs(
    out: &mut impl Write,
    layout: &LessonLayout,
    index: usize,
    style: Style,
) -> io::Result<()> {
    let text = layout.line_text(index);
    let kind = layout
        .lines
        .get(index)
        .map_or(LineKind::Paragraph, |l| l.kind);
    let base = paint("", kind, style).style.unwrap_or_default();
    let mut at = 0;
    for run in layout.line_runs(index) {
        let (start, end) = (run.start as usize, run.end as usize);
        let before = text.get(at..start).unwrap_or("");
        write!(out, "{}", Painted::new(before, base))?;
        let piece = text.get(start..end).unwrap_or("");
        write!(out, "{}", Painted::new(piece, run_style(base, run.style)))?;
        at = end;
    }
    write!(out, "{}", Painted::new(text.get(at..).unwrap_or(""), base))
}

fn run_style(base: anstyle::Style, run: RunStyle) -> anstyle::Style {
    let mut style = base;
    if run.strong {
        style = style.bold();
    }
    if run.emphasis {
        style = style.italic();
    }
    if run.reading {
        style = style.dimmed();
    }
    if run.link.is_some() {
        style = style.underline();
    }
    style
}

fn write_spaces(out: &mut impl Write, count: usize) -> io::Result<()> {
    const SPACES: &[u8] = b"                ";
    let mut left = count;
    while left > 0 {
        let n = left.min(SPACES.len());
        out.write_all(&SPACES[..n])?;
        left -= n;
    }
    Ok(())
}

/// One summary point as `[x] text`, hang-indented; below 8 columns the
/// marker gets a line of its own and the text the full width.
fn write_point(
    out: &mut impl Write,
    (text, keep): (&str, &[std::ops::Range<usize>]),
    done: bool,
    width: u16,
    style: Style,
) -> io::Result<()> {
    let width = usize::from(width.max(1));
    let marker = match (done, width >= 3) {
        (true, true) => TICKED.trim_end(),
        (false, true) => UNTICKED.trim_end(),
        (true, false) => "x",
        (false, false) => "-",
    };
    let kind = if done {
        LineKind::Label
    } else {
        LineKind::Paragraph
    };
    // Continuation lines hang under the text, after the box.
    let box_width = str_width(TICKED);
    let hang = if width >= 2 * box_width { box_width } else { 0 };
    if hang == 0 {
        writeln!(out, "{}", paint(marker, kind, style))?;
    }
    let mut lines = Vec::new();
    break_lines_keeping(text, width - hang, keep, |range, _| lines.push(range));
    for (index, range) in lines.into_iter().enumerate() {
        let line = shown(text, range, width - hang);
        match (index, hang) {
            (_, 0) => writeln!(out, "{line}")?,
            (0, _) => {
                write!(out, "{}", paint(marker, kind, style))?;
                write_spaces(out, hang.saturating_sub(str_width(marker)))?;
                writeln!(out, "{line}")?;
            }
            _ => writeln!(out, "{:hang$}{line}", "")?,
        }
    }
    Ok(())
}

/// `text` wrapped in the SGR codes for its kind, when colour is on.
fn paint(text: &str, kind: LineKind, style: Style) -> Painted<'_> {
    let style = match (style, kind) {
        (Style::Plain, _) => None,
        (_, LineKind::Title | LineKind::Lecturer) => Some(styles::BOLD),
        (_, LineKind::Heading) => Some(styles::HEADING),
        (_, LineKind::Label | LineKind::LecturerBio) => Some(styles::DIM),
        (_, LineKind::ListItemFirst(_)) => Some(styles::BULLET),
        (_, LineKind::TableHeader) => Some(styles::BOLD),
        (_, LineKind::TableRule | LineKind::Rule) => Some(styles::DIM),
        _ => None,
    };
    Painted { text, style }
}

struct Painted<'a> {
    text: &'a str,
    style: Option<anstyle::Style>,
}

impl<'a> Painted<'a> {
    fn new(text: &'a str, style: anstyle::Style) -> Self {
        let style = (style != anstyle::Style::new()).then_some(style);
        Painted { text, style }
    }
}

impl std::fmt::Display for Painted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.style {
            Some(style) if !self.text.is_empty() => {
                write!(f, "{style}{}{style:#}", self.text)
            }
            _ => f.write_str(self.text),
        }
    }
}
