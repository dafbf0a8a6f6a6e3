//! The interactive reader, in the Elm architecture.
//!
//! - `app`: the state (library, progress, screen, the open lesson with its
//!   cached layout, help overlay, status message, terminal size).
//! - `msg`: one enum of actions with stable snake_case names (what keys and
//!   a future config file map to) and the runtime's messages; `Effect`s.
//! - `keys`: the one key table, by context; help and hints come from it.
//! - `update` (list, help, mouse) and `reading` (the lesson screen): pure
//!   state + message → effects; no I/O, no clock.
//! - `scroll` (offset arithmetic), `geometry` (terminal size → panes),
//!   `screen` (the lesson screen's panes and rows, computed once per size,
//!   focus and lesson, for drawing and mouse hit-testing alike), `listing` (the list's rows),
//!   `checklist` (the summary's wrapped lines), `position` (screen lines ↔
//!   content anchors, sections read), `help` (the overlay's rows).
//! - `reload`: the lessons loaded again after a change on disk.
//! - `view/`: one file per screen, drawing `&App` only.
//! - `strings`: every user-visible phrase.
//! - `run`: the event loop, the terminal and the progress store: the only I/O.

pub mod app;
pub mod checklist;
pub mod columns;
pub mod geometry;
pub mod help;
pub mod highlight;
pub mod keymap;
pub mod keys;
pub mod listing;
pub mod msg;
pub mod position;
pub mod reading;
pub mod reload;
pub mod results;
pub mod review;
#[cfg(test)]
mod sample;
pub mod screen;
pub mod scroll;
pub mod search;
pub mod stats;
pub mod strings;
pub mod style;
pub mod toc;
pub mod update;
pub mod view;

#[cfg(test)]
mod end_tests;
#[cfg(test)]
mod format2_tests;
#[cfg(test)]
mod key_tests;
#[cfg(test)]
mod position_tests;
#[cfg(test)]
mod reload_tests;
#[cfg(test)]
mod review_tests;
mod run;
mod saver;
#[cfg(test)]
mod status_tests;
#[cfg(test)]
mod tests;

pub use run::run;
