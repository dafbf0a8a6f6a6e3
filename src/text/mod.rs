//! Text: the light markup, sanitising, display widths and line breaking.
//!
//! Knows nothing of terminals beyond display widths; the reader and `show`
//! both draw what [`layout`] produces.

pub mod layout;
pub mod markup;
pub mod sanitize;
pub mod width;
