//! Text: the light markup, sanitising, display widths and line breaking.
//!
//! Knows nothing of terminals beyond display widths; the reader and `show`
//! both draw what [`layout`] produces.

pub mod kinsoku;
pub mod layout;
pub mod linebreak;
pub mod markup;
pub mod sanitize;
pub mod width;
