//! terakoya's core: everything that is not the terminal or the command line.
//!
//! Layers, with dependencies pointing one way (down this list):
//! `progress`, `bundle` → `text` → `model`. No terminal, CLI or signal
//! crate is used here, and no sentence meant for a user is built here: the
//! front end words the types this crate returns.

#![cfg_attr(
    test,
    allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::cast_possible_truncation
    )
)]

pub mod bundle;
pub mod model;
pub mod progress;
pub mod reading_time;
pub mod review;
pub mod search;
pub mod text;
