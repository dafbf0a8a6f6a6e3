//! Runs the real binary in a pseudo-terminal and reads its screen through
//! a vt100 parser; waits are bounded polling loops, never fixed sleeps.
//! Shared by every pseudo-terminal test (`mod pty_support;`).

/// Keys that open the career course's SNS lesson from a fresh list of the
/// samples (the tour's lessons come first).
pub const OPEN_SNS: &str = "jj\r";

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread::{self, JoinHandle};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};

pub const ROWS: u16 = 24;
pub const COLS: u16 = 80;
/// Generous: CI machines are shared and slow; a pass returns at once.
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(20);

pub struct Reader {
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    /// Our handle on the terminal's other side: `None` once closed, so that
    /// reading ends when the program has gone.
    slave: Option<Box<dyn SlavePty + Send>>,
    /// Every byte the program wrote, in order.
    pub output: Arc<Mutex<Vec<u8>>>,
    /// The thread copying the program's output into `output`.
    copier: JoinHandle<()>,
    /// The pty's size now (rows, columns).
    size: (u16, u16),
    /// A data directory the Reader made and removes when dropped.
    _own_data: Option<tempfile::TempDir>,
}

/// `program args` with a known terminal type and none of the environment
/// that would change what terakoya does (a data directory, NO_COLOR); `env`
/// goes on top.
fn command(program: &str, args: &[&str], env: &[(&str, &str)]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    // English whatever the developer's locale (a test may set its own).
    cmd.env("LC_ALL", "C.UTF-8");
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("TERAKOYA_DATA_DIR");
    cmd.env_remove("NO_COLOR");
    // Never the user's own config file: none unless a test names one.
    cmd.env_remove("TERAKOYA_CONFIG");
    cmd.env("XDG_CONFIG_HOME", "/nonexistent/terakoya-tests");
    for (key, value) in env {
        cmd.env(key, value);
    }
    cmd
}

impl Reader {
    /// Starts `terakoya` with the data directory `data_dir` and `extra`
    /// arguments.
    pub fn start(data_dir: &Path, extra: &[&str]) -> Reader {
        let data_dir = data_dir.to_str().expect("utf-8 temp path");
        let mut args = vec!["--data-dir", data_dir];
        args.extend_from_slice(extra);
        Reader::spawn(&args, &[])
    }

    /// Starts `terakoya` with a fresh data directory of its own (removed
    /// when the Reader drops), `extra` arguments and `env` on top of the
    /// usual environment.
    pub fn start_private(extra: &[&str], env: &[(&str, &str)]) -> Reader {
        let data = tempfile::tempdir().expect("temp data dir");
        let data_dir = data.path().to_str().expect("utf-8 temp path");
        let mut args = vec!["--data-dir", data_dir];
        args.extend_from_slice(extra);
        let mut reader = Reader::spawn(&args, env);
        reader._own_data = Some(data);
        reader
    }

    /// Starts `terakoya args` exactly (no data directory added) with `env`
    /// on top of the usual environment.
    pub fn spawn(args: &[&str], env: &[(&str, &str)]) -> Reader {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let child = pair
            .slave
            .spawn_command(command(env!("CARGO_BIN_EXE_terakoya"), args, env))
            .expect("spawn terakoya");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        let copier = thread::spawn(move || {
            let mut buf = [0u8; 4096];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .expect("output lock")
                    .extend_from_slice(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("pty writer");
        Reader {
            child,
            writer,
            master: pair.master,
            slave: Some(pair.slave),
            output,
            copier,
            size: (ROWS, COLS),
            _own_data: None,
        }
    }

    /// Every byte the program wrote so far.
    pub fn bytes(&self) -> Vec<u8> {
        self.output.lock().expect("output lock").clone()
    }

    /// Everything the program wrote so far, as text (invalid UTF-8 replaced).
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.output.lock().expect("output lock")).into_owned()
    }

    /// The whole terminal after every byte written so far, replayed from the
    /// start: unlike `screen`, it keeps the modes set before the last clear
    /// (alternate screen, hidden cursor, colours).
    pub fn terminal(&self) -> vt100::Parser {
        let size = |n: u16| std::num::NonZero::new(n).expect("non-zero size");
        let mut parser = vt100::Parser::new(size(self.size.0), size(self.size.1), 0);
        parser.process(&self.output.lock().expect("output lock"));
        parser
    }

    /// Waits until the whole terminal (see `terminal`) satisfies `ready`;
    /// panics with the screen if it never does.
    pub fn wait_for_terminal(
        &self,
        what: &str,
        ready: impl Fn(&vt100::Screen) -> bool,
    ) -> vt100::Parser {
        poll(
            || Some(self.terminal()).filter(|parser| ready(parser.screen())),
            || {
                let screen = self.terminal().screen().contents();
                format!("timed out waiting for {what}; screen:\n{screen}")
            },
        )
    }

    pub fn screen(&self) -> String {
        screen(&self.output, self.size)
    }

    /// Waits until the screen satisfies `ready`; panics with the screen if
    /// it never does.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        poll(
            || Some(self.screen()).filter(|screen| ready(screen)),
            || format!("timed out waiting for {what}; screen:\n{}", self.screen()),
        )
    }

    /// Waits until the raw output satisfies `ready` (output may still be in
    /// flight after the program exits).
    pub fn wait_for_output(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        poll(
            || Some(self.text()).filter(|output| ready(output)),
            || format!("timed out waiting for {what}; output:\n{:?}", self.text()),
        )
    }

    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_for(text, |screen| screen.contains(text))
    }

    /// Resizes the pty (the program gets SIGWINCH).
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize pty");
        self.size = (rows, cols);
    }

    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let (output, size) = (&self.output, self.size);
        let child = &mut self.child;
        poll(
            || Some(child.try_wait().expect("try_wait")?.exit_code()),
            || format!("the reader did not exit; screen:\n{}", screen(output, size)),
        )
    }

    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// Everything the program wrote, once it has exited: closes our side's
    /// handle on the terminal and waits for the end of its output (not for
    /// a quiet moment, which a busy machine may give too early). `stty`
    /// cannot run after this.
    pub fn output_to_end(&mut self) -> String {
        self.slave = None;
        poll(
            // Finished first, then read: no byte can come after.
            || self.copier.is_finished().then(|| self.text()),
            || format!("the output never ended; so far:\n{:?}", self.text()),
        )
    }

    /// The terminal settings of the pty now, as `stty -a` prints them (run
    /// in the same pty after the reader exited).
    pub fn stty(&self) -> String {
        let before = self.output.lock().expect("output lock").len();
        let mut child = self
            .slave
            .as_ref()
            .expect("the terminal is still open")
            .spawn_command(command("stty", &["-a"], &[]))
            .expect("spawn stty");
        child.wait().expect("stty");
        poll(
            || {
                let out = self.output.lock().expect("output lock");
                let text = String::from_utf8_lossy(&out[before..]).into_owned();
                text.contains("icanon").then_some(text)
            },
            || "no stty output".to_owned(),
        )
    }
}

impl Drop for Reader {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
            let _ = self.child.wait();
        }
    }
}

/// Calls `attempt` every POLL until it gives a value; once WAIT has passed,
/// panics with `complaint` (what was awaited and what there is instead).
fn poll<T>(mut attempt: impl FnMut() -> Option<T>, complaint: impl FnOnce() -> String) -> T {
    let start = Instant::now();
    loop {
        if let Some(value) = attempt() {
            return value;
        }
        if start.elapsed() >= WAIT {
            panic!("{}", complaint());
        }
        thread::sleep(POLL);
    }
}

/// The screen of a `size` (rows, columns) terminal that was sent `output`.
fn screen(output: &Mutex<Vec<u8>>, size: (u16, u16)) -> String {
    let non_zero = |n: u16| std::num::NonZero::new(n).expect("non-zero size");
    let mut parser = vt100::Parser::new(non_zero(size.0), non_zero(size.1), 0);
    let output = output.lock().expect("output lock");
    // Replay from the last full-screen clear: what came before was drawn
    // for another size.
    let from = last_clear(&output);
    parser.process(&output[from..]);
    parser.screen().contents()
}

/// Where the last "clear the whole screen" starts in `output` (0 if none).
fn last_clear(output: &[u8]) -> usize {
    const CLEAR: &[u8] = b"\x1b[2J";
    output
        .windows(CLEAR.len())
        .rposition(|w| w == CLEAR)
        .unwrap_or(0)
}
