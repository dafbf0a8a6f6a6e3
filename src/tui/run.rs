//! The event loop: the reader's only I/O. Input and signals arrive on one
//! channel from two threads; the loop blocks on it (no busy loop) and wakes
//! on a timeout only while a reading position waits to be saved.

use std::io::{self, IsTerminal, stdout};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use ratatui::DefaultTerminal;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event as TermEvent, MouseButton, MouseEventKind,
};
use ratatui::crossterm::{cursor, execute, style};
use ratatui::style::Color;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use crate::bundle::{self, Severity};
use crate::cli::Cli;
use crate::model::Library;
use crate::progress::store::{Opened, Store};

use super::app::App;
use super::msg::{Action, Effect, Mouse, MouseKind, Msg};
use super::{keys, strings, update, view};

/// How long scrolling must pause before the reading position is saved.
const SETTLE: Duration = Duration::from_secs(1);

enum Event {
    Term(TermEvent),
    Signal(i32),
    InputFailed(io::Error),
}

/// Runs the reader until the user quits or a signal arrives.
pub fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    if !stdout().is_terminal() || !io::stdin().is_terminal() {
        anyhow::bail!("{}", strings::NOT_A_TERMINAL);
    }
    let (library, load_warning) = load_library(cli);
    let Opened {
        mut store,
        progress,
        warning,
    } = Store::open(cli.data_dir.as_deref());
    let (tx, rx) = mpsc::channel();
    spawn_signal_thread(tx.clone())?;
    let mut terminal = TerminalGuard::start()?;
    let size = terminal.0.size()?;
    let mut app = App::new(library, progress, size.width, size.height);
    let warnings: Vec<String> = warning.into_iter().chain(load_warning).collect();
    app.status = (!warnings.is_empty()).then(|| warnings.join("; "));
    spawn_input_thread(tx);
    event_loop(&mut terminal.0, &mut app, &mut store, &rx)
}

/// The lessons to read, and a warning for the status line when some files
/// have errors (the good lessons still open).
fn load_library(cli: &Cli) -> (Library, Option<String>) {
    let loaded = bundle::load(&bundle::resolve(cli.lessons.as_deref()));
    let bad_files = loaded.files_with(Severity::Error);
    let warning = (bad_files > 0).then(|| strings::load_errors(bad_files));
    (loaded.library, warning)
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    store: &mut Store,
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
        let mut batch = vec![next_event(app, store, rx)?];
        batch.extend(rx.try_iter());
        for event in without_superseded_resizes(batch) {
            if let Some(code) = handle(app, store, event)? {
                return Ok(code);
            }
        }
    }
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

/// Blocks for the next event; while a position save is pending, saves it
/// once input has paused for [`SETTLE`].
fn next_event(app: &mut App, store: &mut Store, rx: &Receiver<Event>) -> anyhow::Result<Event> {
    loop {
        if !app.position_pending() {
            return Ok(rx.recv()?);
        }
        match rx.recv_timeout(SETTLE) {
            Ok(event) => return Ok(event),
            Err(RecvTimeoutError::Timeout) => {
                dispatch(app, store, Msg::Settled);
            }
            Err(RecvTimeoutError::Disconnected) => anyhow::bail!("the input thread stopped"),
        }
    }
}

/// Handles one event; returns the exit code when the reader should stop.
fn handle(app: &mut App, store: &mut Store, event: Event) -> anyhow::Result<Option<ExitCode>> {
    let msg = match event {
        Event::Term(term) => match to_msg(app, term) {
            Some(msg) => msg,
            None => return Ok(None),
        },
        Event::Signal(signal) => {
            dispatch(app, store, Msg::Action(Action::Quit));
            return Ok(Some(ExitCode::from(128u8.saturating_add(signal as u8))));
        }
        Event::InputFailed(err) => {
            dispatch(app, store, Msg::Action(Action::Quit));
            return Err(err.into());
        }
    };
    Ok(dispatch(app, store, msg).then_some(ExitCode::SUCCESS))
}

/// Runs update and carries out its effects; true when it asked to quit.
fn dispatch(app: &mut App, store: &mut Store, msg: Msg) -> bool {
    app.now = unix_now();
    let mut quit = false;
    for effect in update::update(app, msg) {
        match effect {
            Effect::Save(changes) => {
                let reply = match store.apply(&changes) {
                    Ok(progress) => Msg::Saved(progress),
                    Err(err) => Msg::SaveFailed(err.to_string()),
                };
                update::update(app, reply);
                if let Some(warning) = store.take_warning() {
                    app.status = Some(warning);
                }
            }
            Effect::Quit => quit = true,
        }
    }
    quit
}

fn to_msg(app: &App, event: TermEvent) -> Option<Msg> {
    match event {
        TermEvent::Key(key) => keys::action_for(app, key).map(Msg::Action),
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

fn unix_now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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

/// The terminal in raw mode, on the alternate screen, with mouse capture;
/// restored on drop (quit, error) and by the panic hook.
struct TerminalGuard(DefaultTerminal);

impl TerminalGuard {
    fn start() -> io::Result<Self> {
        let terminal = ratatui::try_init()?;
        let guard = TerminalGuard(terminal);
        execute!(stdout(), EnableMouseCapture)?;
        let restore_terminal = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
            restore_terminal(info);
        }));
        Ok(guard)
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        let _ = execute!(stdout(), DisableMouseCapture, cursor::Show);
        ratatui::restore();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    #[test]
    fn only_the_last_resize_of_a_batch_is_kept() {
        let key = || {
            Event::Term(TermEvent::Key(KeyEvent::new(
                KeyCode::Char('j'),
                KeyModifiers::NONE,
            )))
        };
        let resize = |w| Event::Term(TermEvent::Resize(w, 10));
        let kept = without_superseded_resizes(vec![resize(1), key(), resize(2), key(), resize(3)]);
        let sizes: Vec<Option<u16>> = kept
            .iter()
            .map(|e| match e {
                Event::Term(TermEvent::Resize(w, _)) => Some(*w),
                _ => None,
            })
            .collect();
        assert_eq!(sizes, [None, None, Some(3)]);
    }
}
