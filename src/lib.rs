//! terakoya: a terminal course reader.
//!
//! Layers, with dependencies pointing one way (down this list):
//! `cli` → `tui` → `progress`, `bundle` → `text` → `model`.

#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod bundle;
pub mod cli;
pub mod model;
pub mod progress;
pub mod text;
pub mod tui;
