//! The interactive reader, in the Elm architecture: `app` (state), `msg`
//! (actions and messages), `keys` (the one key table), `update` (pure),
//! `view/` (draws `&App`), `run` (the event loop and the only I/O).

pub mod app;
pub mod checklist;
pub mod geometry;
pub mod help;
pub mod keys;
pub mod listing;
pub mod msg;
pub mod position;
pub mod reading;
#[cfg(test)]
mod sample;
pub mod scroll;
pub mod strings;
pub mod update;
pub mod view;

mod run;
#[cfg(test)]
mod tests;

pub use run::run;
