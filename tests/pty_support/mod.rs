//! Runs the real binary in a pseudo-terminal and reads its screen through
//! a vt100 parser; waits are bounded polling loops, never fixed sleeps.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
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
    slave: Box<dyn SlavePty + Send>,
    /// Every byte the program wrote, in order.
    pub output: Arc<Mutex<Vec<u8>>>,
    /// The pty's size now (rows, columns).
    size: (u16, u16),
}

fn command(program: &str, args: &[&str]) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(program);
    cmd.args(args);
    cmd.env("TERM", "xterm-256color");
    cmd.env_remove("TERAKOYA_DATA_DIR");
    cmd
}

impl Reader {
    /// Starts `terakoya` with its own data directory and `extra` arguments.
    pub fn start(data_dir: &Path, extra: &[&str]) -> Reader {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("openpty");
        let data_dir = data_dir.to_str().expect("utf-8 temp path");
        let mut args = vec!["--data-dir", data_dir];
        args.extend_from_slice(extra);
        let child = pair
            .slave
            .spawn_command(command(env!("CARGO_BIN_EXE_terakoya"), &args))
            .expect("spawn terakoya");
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let output = Arc::new(Mutex::new(Vec::new()));
        let sink = Arc::clone(&output);
        thread::spawn(move || {
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
            slave: pair.slave,
            output,
            size: (ROWS, COLS),
        }
    }

    pub fn screen(&self) -> String {
        let size = |n: u16| std::num::NonZero::new(n).expect("non-zero size");
        let mut parser = vt100::Parser::new(size(self.size.0), size(self.size.1), 0);
        let output = self.output.lock().expect("output lock");
        // Replay from the last full-screen clear: what came before was drawn
        // for another size.
        let from = last_clear(&output);
        parser.process(&output[from..]);
        parser.screen().contents()
    }

    /// Waits until the screen satisfies `ready`; panics with the screen if
    /// it never does.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if ready(&screen) {
                return screen;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; screen:\n{screen}"
            );
            thread::sleep(POLL);
        }
    }

    /// Waits until the raw output satisfies `ready` (output may still be in
    /// flight after the program exits).
    pub fn wait_for_output(&self, what: &str, ready: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let output =
                String::from_utf8_lossy(&self.output.lock().expect("output lock")).into_owned();
            if ready(&output) {
                return output;
            }
            assert!(
                start.elapsed() < WAIT,
                "timed out waiting for {what}; output:\n{output:?}"
            );
            thread::sleep(POLL);
        }
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
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                return status.exit_code();
            }
            assert!(
                start.elapsed() < WAIT,
                "the reader did not exit; screen:\n{}",
                self.screen()
            );
            thread::sleep(POLL);
        }
    }

    pub fn signal(&self, name: &str) {
        let pid = self.child.process_id().expect("pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{name} {pid} failed");
    }

    /// The terminal settings of the pty now, as `stty -a` prints them (run
    /// in the same pty after the reader exited).
    pub fn stty(&self) -> String {
        let before = self.output.lock().expect("output lock").len();
        let mut child = self
            .slave
            .spawn_command(command("stty", &["-a"]))
            .expect("spawn stty");
        child.wait().expect("stty");
        let start = Instant::now();
        loop {
            let out = self.output.lock().expect("output lock");
            let text = String::from_utf8_lossy(&out[before..]).into_owned();
            if text.contains("icanon") {
                return text;
            }
            drop(out);
            assert!(start.elapsed() < WAIT, "no stty output");
            thread::sleep(POLL);
        }
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

/// Where the last "clear the whole screen" starts in `output` (0 if none).
fn last_clear(output: &[u8]) -> usize {
    const CLEAR: &[u8] = b"\x1b[2J";
    output
        .windows(CLEAR.len())
        .rposition(|w| w == CLEAR)
        .unwrap_or(0)
}
