//! terakoya: a terminal course reader, the front end over `terakoya-core`.
//!
//! `cli` (commands, their output and exit codes) → `tui` (the reader); both
//! sit on the terminal-free core crate, which owns the model, loading, text
//! layout and progress.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod cli;
pub mod clock;
pub mod config;
pub mod i18n;
pub mod progress_words;
pub mod schedule;
pub mod settings;
pub mod tui;
pub mod watch;
