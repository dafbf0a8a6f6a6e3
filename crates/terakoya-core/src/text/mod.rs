//! Text: the light markup, sanitising, display widths and line breaking.
//!
//! Knows nothing of terminals beyond display widths; the reader and `show`
//! both draw what [`layout`] produces. Which code points are kana, CJK and
//! the like is answered in one place, [`chars`].

pub mod chars;
pub mod inline;
pub mod kinsoku;
pub mod layout;
pub mod linebreak;
pub mod markdown;
pub mod markup;
pub mod sanitize;
pub mod styled;
pub mod width;
