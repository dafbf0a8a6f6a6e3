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

/// A byte offset or count as `u32`, saturating. Offsets in a lesson never
/// reach it (a lesson file is at most `bundle::MAX_FILE_BYTES`, 64 MB): the
/// saturation only keeps a wrong value from wrapping around.
pub fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A count of columns or rows as `u16` (a terminal's unit), saturating.
pub fn to_u16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
