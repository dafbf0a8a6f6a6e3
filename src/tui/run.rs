//! The event loop: the reader's only I/O. Input and signals arrive on one
//! channel from two threads; the loop blocks on it (no busy loop) and wakes
//! on a timeout only while a reading position waits to be saved.

use std::collections::VecDeque;
use std::io::{self, IsTerminal, Write, stdout};
use std::path::Path;
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{self, Event as TermEvent, MouseButton, MouseEventKind};
use ratatui::crossterm::{cursor, execute, style, terminal};
use ratatui::style::Color;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use signal_hook::iterator::Signals;

use terakoya_core::bundle::{self, Severity};
use terakoya_core::model::Library;
use terakoya_core::progress::Change;
use terakoya_core::progress::store::{Opened, Store};

use super::app::{App, Message, Status};
use super::msg::{Action, Effect, Mouse, MouseKind, Msg};
use super::reload::Reload;
use super::saver::Saver;
use super::style::{ColourSupport, Styles};
use super::{keys, strings, update, view};
use crate::cli::config::Settings;
use crate::{t, watch};

/// How long scrolling must pause before the reading position is saved.
const SETTLE: Duration = Duration::from_millis(500);

enum Event {
    Term(TermEvent),
    Signal(i32),
    InputFailed(io::Error),
    /// Input paused for [`SETTLE`] while a reading position waited to be saved.
    Settled,
    /// The lesson files changed and were loaded again (by the watch thread).
    Reloaded(Reload),
    /// Another machine's file in the sync directory changed.
    SyncChanged,
}

/// Runs the reader on the lessons at `lessons` (see `cli::command::resolve`),
/// keeping progress in `data_dir` (see `Store::open`), with the config
/// file's `settings` and progress shared through `sync` (if set up), until
/// the user quits or a signal arrives.
pub fn run(
    lessons: Option<&Path>,
    data_dir: Option<&Path>,
    settings: Settings,
    sync: Option<terakoya_core::progress::sync::SyncDir>,
) -> anyhow::Result<ExitCode> {
    if !stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!("{}", strings::not_a_terminal());
    }
    if let Some(path) = lessons.filter(|path| !path.exists()) {
        anyhow::bail!("{}", strings::no_such_lessons(path));
    }
    let (library, load_warning) = load_library(lessons);
    let (tx, rx) = mpsc::channel();
    let (_watch, watch_warning) = watch_lessons(lessons, tx.clone());
    let sync_dir = sync.clone();
    let Opened {
        store,
        progress,
        warnings: store_warnings,
    } = Store::open_synced(data_dir, sync);
    // After opening: the store has made the directory and written our file.
    let (_sync_watch, sync_warning) = watch_sync(sync_dir, tx.clone());
    spawn_signal_thread(tx.clone())?;
    let mut terminal = TerminalGuard::start()?;
    let size = terminal.0.size()?;
    let mut app = App::new(library, progress, size.width, size.height);
    app.keymap = settings.keymap;
    app.reading_width = settings.config.reading_width;
    app.ruby = settings.config.ruby;
    let env = |name| std::env::var(name).ok();
    let support = ColourSupport::from_env(
        env("NO_COLOR").as_deref(),
        env("TERM").as_deref(),
        env("COLORTERM").as_deref(),
    );
    app.styles = Styles::new(&settings.config.theme, support);
    // OSC 8 is not colour: every terminal but a dumb one gets hyperlinks
    // (those that do not know the sequence ignore it).
    app.hyperlinks = env("TERM").as_deref() != Some("dumb");
    start_review(&mut app, settings.config.retention.map(|r| r.0));
    let warnings: Vec<Message> = settings
        .warning
        .into_iter()
        .chain(store_warnings.iter().map(strings::store_warning))
        .chain(load_warning.map(Message::new))
        .chain(watch_warning)
        .chain(sync_warning)
        .collect();
    if !warnings.is_empty() {
        app.status = Status::warning(joined(&warnings));
    }
    spawn_input_thread(tx);
    let mut saver = Saver::new(store);
    saver.warnings = warnings;
    let result = event_loop(&mut terminal.0, &mut app, &mut saver, &rx);
    // Restore the terminal first, so the warnings below stay readable.
    drop(terminal);
    // The status line may have cut them short (a narrow window), and they
    // are gone with the screen: say them again, whole, in the shell.
    for warning in &saver.warnings {
        warn(&warning.whole());
    }
    let code = result?;
    match saver.unsaved_reason() {
        Some(reason) => {
            warn(&strings::unsaved_on_exit(saver.unsaved.len(), reason));
            Ok(ExitCode::FAILURE)
        }
        None => Ok(code),
    }
}

/// Several messages as one: their essential parts first, then the details.
fn joined(messages: &[Message]) -> Message {
    let essential: Vec<&str> = messages.iter().map(|m| m.essential.as_str()).collect();
    let details: Vec<&str> = messages
        .iter()
        .filter_map(|m| m.detail.as_deref())
        .collect();
    Message {
        essential: essential.join("; "),
        detail: (!details.is_empty()).then(|| details.join("; ")),
    }
}

/// A warning on stderr. Not `eprintln!`, which panics when stderr is gone
/// (the terminal closed: SIGHUP), and the exit status must still tell.
fn warn(warning: &str) {
    let _ = writeln!(
        io::stderr(),
        "{}",
        crate::t!("cli.warning_line", message = warning)
    );
}

/// The lessons to read, and a warning for the status line when some files
/// have errors (the good lessons still open).
fn load_library(lessons: Option<&Path>) -> (Library, Option<String>) {
    let loaded = bundle::load(&crate::cli::command::resolve(lessons));
    let bad_files = loaded.files_with(Severity::Error);
    let check = crate::cli::command::check_command(lessons);
    let warning = if bad_files > 0 {
        Some(strings::load_errors(bad_files, &check))
    } else if loaded.library.courses.is_empty() {
        Some(strings::no_lesson_files(&check))
    } else {
        None
    };
    (loaded.library, warning)
}

/// Reloads the lessons whenever their files change, for as long as the
/// returned watch lives; a warning when they cannot be watched. The
/// embedded samples are not watched.
fn watch_lessons(
    lessons: Option<&Path>,
    tx: Sender<Event>,
) -> (Option<watch::Watch>, Option<Message>) {
    let source = crate::cli::command::resolve(lessons);
    let load = source.clone();
    let reload = move || Event::Reloaded(Reload::from_loaded(bundle::load(&load)));
    match watch::lessons(&source, tx, reload) {
        None => (None, None),
        Some((_, Ok(watch))) => (Some(watch), None),
        Some((path, Err(err))) => {
            let error = err.to_string();
            let warning = t!("watch.cannot_watch", path = path.display(), error = error);
            (None, Some(Message::new(warning)))
        }
    }
}

/// Merges the other machines' progress whenever their files in the sync
/// directory change, for as long as the returned watch lives; a warning
/// when the directory cannot be watched (sync then still happens on start
/// and before each save).
fn watch_sync(
    sync: Option<terakoya_core::progress::sync::SyncDir>,
    tx: Sender<Event>,
) -> (Option<watch::Watch>, Option<Message>) {
    let Some(sync) = sync else {
        return (None, None);
    };
    let own = format!("{}.toml", sync.machine);
    match watch::sync_dir(&sync.dir, own, tx, || Event::SyncChanged) {
        Ok(watch) => (Some(watch), None),
        Err(err) => {
            let error = err.to_string();
            let path = sync.dir.display();
            let warning = t!("watch.cannot_watch", path = path, error = error);
            (None, Some(Message::new(warning)))
        }
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    saver: &mut Saver,
    rx: &Receiver<Event>,
) -> anyhow::Result<ExitCode> {
    let plain = no_color();
    if plain {
        // Otherwise crossterm writes each colour change as `ESC [ m`, a
        // full reset that also drops reverse video (the selection).
        style::force_color_output(true);
    }
    loop {
        terminal.draw(|frame| {
            view::draw(app, frame);
            if plain {
                strip_colours(frame.buffer_mut());
            }
        })?;
        // Handle everything already queued before drawing again.
        let mut batch = vec![next_event(app, rx)?];
        batch.extend(rx.try_iter());
        for event in without_superseded_resizes(batch) {
            match handle(app, saver, event)? {
                Step::Go => {}
                Step::Exit(code) => return Ok(code),
                Step::Suspend => {
                    suspend(terminal)?;
                    // The window may have changed while the job was stopped.
                    let size = terminal.size()?;
                    let (width, height) = (size.width, size.height);
                    dispatch(app, saver, Msg::Resize { width, height });
                }
            }
        }
    }
}

/// What the loop does after an event.
enum Step {
    Go,
    Exit(ExitCode),
    Suspend,
}

/// Ctrl-Z, as in less or vim: gives the terminal back, stops the process as
/// a shell job (SIGTSTP, whose default action stops it), and takes the
/// terminal again when `fg` continues it. In a process group with no shell
/// to continue it (an orphaned one) the kernel discards the signal, and the
/// reader simply carries on.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    TerminalGuard::leave();
    signal_hook::low_level::raise(SIGTSTP)?;
    TerminalGuard::enter()?;
    // A resize clears the screen and makes the next frame draw in full.
    // (`Terminal::clear` would ask the terminal for the cursor position, and
    // the input thread, blocked reading events, would eat the answer.)
    let size = terminal.size()?;
    terminal.resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
}

/// Drops every resize that a later one in the same batch replaces, so that
/// dragging a window edge lays a long lesson out once, not once per step.
fn without_superseded_resizes(batch: Vec<Event>) -> Vec<Event> {
    let is_resize = |e: &Event| matches!(e, Event::Term(TermEvent::Resize(..)));
    let last_resize = batch.iter().rposition(is_resize);
    batch
        .into_iter()
        .enumerate()
        .filter(|(i, e)| !is_resize(e) || Some(*i) == last_resize)
        .map(|(_, e)| e)
        .collect()
}

/// Whether NO_COLOR (https://no-color.org) is set to something.
fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// Resets every cell to the terminal's colours, keeping bold, dim and
/// reverse video: with NO_COLOR the reader is drawn with attributes only.
fn strip_colours(buf: &mut Buffer) {
    for cell in &mut buf.content {
        cell.set_fg(Color::Reset).set_bg(Color::Reset);
    }
}

/// Blocks for the next event; while a position save is pending, for at
/// most [`SETTLE`] (then the event is `Settled`, handled and drawn like any
/// other: a failed save shows at once). Mouse motion and button releases
/// (which the reader ignores) do not count as input: they never put the
/// save off.
fn next_event(app: &App, rx: &Receiver<Event>) -> anyhow::Result<Event> {
    if !app.position_pending() {
        return Ok(rx.recv()?);
    }
    let deadline = Instant::now() + SETTLE;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match rx.recv_timeout(left) {
            Ok(event) if is_ignored_mouse(&event) => {}
            Ok(event) => return Ok(event),
            Err(RecvTimeoutError::Timeout) => return Ok(Event::Settled),
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("{}", strings::input_stopped()),
        }
    }
}

/// Mouse events that mean nothing to the reader (see [`to_msg`]).
fn is_ignored_mouse(event: &Event) -> bool {
    matches!(
        event,
        Event::Term(TermEvent::Mouse(mouse)) if matches!(
            mouse.kind,
            MouseEventKind::Moved | MouseEventKind::Drag(_) | MouseEventKind::Up(_)
        )
    )
}

/// The review settings (config, local time zone) and the count of cards
/// due, for the list's "Review: N due" row.
fn start_review(app: &mut App, retention: Option<f32>) {
    app.review_settings = crate::tui::review::ReviewSettings {
        retention,
        zone: jiff::tz::TimeZone::system(),
    };
    app.now = crate::clock::now();
    crate::tui::review::refresh_due(app);
    app.list.selected = crate::tui::listing::preselected(app);
}

/// Handles one event: what the loop does next.
fn handle(app: &mut App, saver: &mut Saver, event: Event) -> anyhow::Result<Step> {
    let msg = match event {
        Event::Term(term) => match to_msg(app, term) {
            Some(msg) => msg,
            None => return Ok(Step::Go),
        },
        Event::Signal(signal) => {
            dispatch(app, saver, Msg::Action(Action::Quit));
            return Ok(Step::Exit(ExitCode::from(
                128u8.saturating_add(u8::try_from(signal).unwrap_or(0)),
            )));
        }
        Event::InputFailed(err) => {
            dispatch(app, saver, Msg::Action(Action::Quit));
            return Err(err.into());
        }
        Event::Settled => Msg::Settled,
        Event::Reloaded(reload) => Msg::Reloaded(reload),
        Event::SyncChanged => saver.sync(),
    };
    Ok(dispatch(app, saver, msg))
}

/// Runs update and carries out its effects but for leaving the screen,
/// which it returns for the loop to do.
fn dispatch(app: &mut App, saver: &mut Saver, msg: Msg) -> Step {
    app.now = crate::clock::now();
    let effects = update::update(app, msg);
    carry_out(app, effects, |changes| saver.save(changes))
}

/// Works through a queue of effects until it is empty: the reply to a save
/// is a message for update, and the effects it returns join the queue.
fn carry_out(
    app: &mut App,
    effects: Vec<Effect>,
    mut save: impl FnMut(Vec<Change>) -> Msg,
) -> Step {
    let mut queue = VecDeque::from(effects);
    let mut step = Step::Go;
    while let Some(effect) = queue.pop_front() {
        match effect {
            Effect::Save(changes) => {
                let reply = save(changes);
                queue.extend(update::update(app, reply));
            }
            Effect::Quit => step = Step::Exit(ExitCode::SUCCESS),
            Effect::Suspend => step = Step::Suspend,
        }
    }
    step
}

fn to_msg(app: &App, event: TermEvent) -> Option<Msg> {
    match event {
        TermEvent::Key(key) => keys::msg_for(app, key),
        TermEvent::Resize(width, height) => Some(Msg::Resize { width, height }),
        TermEvent::Mouse(mouse) => {
            let kind = match mouse.kind {
                MouseEventKind::ScrollDown => MouseKind::WheelDown,
                MouseEventKind::ScrollUp => MouseKind::WheelUp,
                MouseEventKind::Down(MouseButton::Left) => MouseKind::Click,
                _ => return None,
            };
            Some(Msg::Mouse(Mouse {
                kind,
                column: mouse.column,
                row: mouse.row,
            }))
        }
        _ => None,
    }
}

fn spawn_input_thread(tx: Sender<Event>) {
    std::thread::spawn(move || {
        loop {
            let event = match event::read() {
                Ok(event) => Event::Term(event),
                Err(err) => {
                    let _ = tx.send(Event::InputFailed(err));
                    return;
                }
            };
            if tx.send(event).is_err() {
                return;
            }
        }
    });
}

/// Forwards SIGTERM, SIGHUP and SIGINT into the event channel, so that the
/// loop saves the position and restores the terminal before exiting.
fn spawn_signal_thread(tx: Sender<Event>) -> io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Event::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Mouse reporting as the reader needs it: button presses and the wheel
/// (1000), in SGR coordinates (1006). Not crossterm's EnableMouseCapture,
/// which also turns on motion tracking (1002, 1003): every movement of the
/// pointer would then be sent, and the reader has no use for it.
const MOUSE_ON: &str = "\x1b[?1000h\x1b[?1006h";
/// Off again, in reverse order.
const MOUSE_OFF: &str = "\x1b[?1006l\x1b[?1000l";

fn write_mouse(sequence: &str) -> io::Result<()> {
    let mut out = stdout();
    out.write_all(sequence.as_bytes())?;
    out.flush()
}

/// The terminal in raw mode, on the alternate screen, with mouse reporting;
/// restored on drop (quit, error, the signals, which end the event loop)
/// and by the panic hook.
struct TerminalGuard(DefaultTerminal);

impl TerminalGuard {
    /// Back to the terminal as it was: mouse reporting off, cursor shown,
    /// raw mode off, main screen.
    fn leave() {
        let _ = write_mouse(MOUSE_OFF);
        let _ = execute!(stdout(), cursor::Show);
        ratatui::restore();
    }

    /// Raw mode, the alternate screen and mouse reporting again, after
    /// [`TerminalGuard::leave`] (for a suspend).
    fn enter() -> io::Result<()> {
        terminal::enable_raw_mode()?;
        execute!(stdout(), terminal::EnterAlternateScreen)?;
        write_mouse(MOUSE_ON)
    }

    fn start() -> io::Result<Self> {
        // try_init leaves raw mode on when a later step of it fails.
        let terminal = ratatui::try_init().inspect_err(|_| ratatui::restore())?;
        let guard = TerminalGuard(terminal);
        write_mouse(MOUSE_ON)?;
        let restore_terminal = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = write_mouse(MOUSE_OFF);
            let _ = execute!(stdout(), cursor::Show);
            restore_terminal(info);
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        TerminalGuard::leave();
    }
}

#[cfg(test)]
#[path = "run_tests.rs"]
mod tests;
