//! Sanitising untrusted lesson text before anything measures or draws it.
//!
//! Lesson bundles come from other people, so every string goes through
//! [`clean`] (text fields, which may hold several lines and paragraphs) or
//! [`clean_line`] (one-line fields: titles, labels, headings, names,
//! summary points) once, when it is loaded. The rules, applied in one pass:
//!
//! - Line endings: CRLF and a lone CR become LF.
//! - The Unicode separators are line breaks that terminals and the layout
//!   do not know as such: in a text field LINE SEPARATOR U+2028 becomes LF
//!   and PARAGRAPH SEPARATOR U+2029 a blank line (LF LF, a paragraph
//!   break); in a one-line field each becomes a space.
//! - Escape sequences are **dropped whole**, so that neither the terminal
//!   nor the layout ever sees their payload: CSI (`ESC [` … final byte),
//!   OSC (`ESC ]` … BEL or ST), DCS/SOS/PM/APC (`ESC P`/`X`/`^`/`_` … ST),
//!   two-byte and nF escapes (`ESC c`, `ESC ( B`, …), and the same
//!   sequences introduced by 8-bit C1 controls (U+009B CSI, U+009D OSC,
//!   U+0090 DCS, U+0098 SOS, U+009E PM, U+009F APC). An unterminated
//!   string sequence runs to the end of the field, as it would on a
//!   terminal.
//! - Every other control character is **made visible**, never dropped, so
//!   that an author can see and fix it: C0 controls (other than LF and TAB)
//!   become their Control Pictures (U+2400 + code, e.g. NUL → `␀`, BEL →
//!   `␇`, a lone ESC → `␛`), DEL becomes `␡`, and C1 controls
//!   (U+0080–U+009F) become U+FFFD `�`. All of these are one column wide.
//! - Bidirectional formatting characters (U+202A–U+202E, U+2066–U+2069,
//!   U+200E, U+200F, U+061C) are removed: they are invisible formatting,
//!   and could make text masquerade as something else.
//! - A TAB becomes spaces up to the next multiple of [`TAB_WIDTH`] display
//!   columns, counted from the start of its source line.
//! - Half-width katakana (U+FF61–U+FF9F) become full-width, with a
//!   following voiced or semi-voiced sound mark composed (`ｶﾞ` → `ガ`,
//!   `ﾊﾟ` → `パ`); a sound mark that cannot compose becomes the spacing
//!   `゛`/`゜`. ratatui draws a half-width sound mark one column wider than
//!   terminals do (see [`crate::text::width`]); after this none is left.
//! - SOFT HYPHEN U+00AD is removed. It is a hint where a word may be
//!   hyphenated at a line end, invisible elsewhere, but terminals draw it
//!   everywhere as a one-column hyphen (and ratatui, measuring it as zero
//!   columns, not at all); terakoya does not hyphenate, so the word is
//!   shown as written without it.
//!
//! Text with nothing to change is returned borrowed, untouched.

use std::borrow::Cow;

use crate::text::chars::{
    HALFWIDTH_KATAKANA, HALFWIDTH_SEMI_VOICED_MARK, HALFWIDTH_VOICED_MARK, LINE_SEPARATOR,
    PARAGRAPH_SEPARATOR, SOFT_HYPHEN,
};
use crate::text::width::char_width;

/// Tab stops are every this many display columns.
pub const TAB_WIDTH: usize = 4;

const ESC: char = '\u{1B}';
const BEL: char = '\u{7}';
const C1_ST: char = '\u{9C}';

/// Cleans one text field (several lines, paragraphs) as loaded from a file
/// (see the module docs).
pub fn clean(raw: &str) -> Cow<'_, str> {
    clean_as(raw, Field::Text)
}

/// Cleans one single-line field as loaded from a file: as [`clean`], but
/// the Unicode line and paragraph separators become spaces. (Newlines stay:
/// the loader joins a one-line field's lines as soft breaks.)
pub fn clean_line(raw: &str) -> Cow<'_, str> {
    clean_as(raw, Field::OneLine)
}

/// What kind of field is cleaned: where the Unicode separators go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Text,
    OneLine,
}

fn clean_as(raw: &str, field: Field) -> Cow<'_, str> {
    match first_change(raw) {
        None => Cow::Borrowed(raw),
        Some(first) => Cow::Owned(clean_from(raw, first, field)),
    }
}

/// Offset of the first char to change. Most text has none, so this is a
/// scan for candidates, 32 bytes at a time, each confirmed by [`needs_work`].
fn first_change(raw: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(offset) = find_candidate(raw.as_bytes().get(from..)?) {
        let at = from + offset;
        if raw.get(at..)?.chars().next().is_some_and(needs_work) {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// Whether `byte` may be the first byte of a char that [`clean`] changes: a
/// C0 control but LF, DEL, or the lead byte of U+0080..U+00BF (C2), U+061C
/// (D8), U+2000..U+2FFF (E2) or U+F000..U+FFFF (EF). CJK text (E3..E9
/// leads) never matches. Bitwise operators, no table: LLVM vectorises it.
#[inline(always)]
fn is_lead(byte: u8) -> bool {
    // A chain of `min` rather than of `==`: LLVM turns `b == x | b == y`
    // into a bit test that it vectorises badly (with shuffles).
    let equal = (byte ^ 0x7F)
        .min(byte ^ 0xC2)
        .min(byte ^ 0xD8)
        .min(byte ^ 0xE2)
        .min(byte ^ 0xEF);
    ((byte < 0x20) & (byte != b'\n')) | (equal == 0)
}

/// [`is_lead`] narrowed by the byte that follows: U+0080..U+009F (C2
/// 80..9F), the soft hyphen (C2 AD), U+061C (D8 9C), U+2000..U+207F (E2
/// 80/81, holding the bidi marks, controls and separators) or
/// U+FF40..U+FFBF (EF BD/BE, holding half-width katakana). Still a superset of the chars to change; full-width
/// punctuation such as `（` (EF BC) and `→` (E2 86) no longer match.
#[inline(always)]
fn is_candidate(lead: u8, next: u8) -> bool {
    ((lead < 0x20) & (lead != b'\n'))
        | (lead == 0x7F)
        | ((lead == 0xC2) & ((next < 0xA0) | (next == 0xAD)))
        | ((lead == 0xD8) & (next == 0x9C))
        | ((lead == 0xE2) & ((next & 0xFE) == 0x80))
        | ((lead == 0xEF) & (next.wrapping_sub(0xBD) < 2))
}

const CHUNK: usize = 32;

/// Offset of the first byte of `bytes` for which [`is_candidate`] holds.
/// Whole chunks are tested with branch-free folds (SIMD compares after
/// vectorisation): first the cheap [`is_lead`], then, for the few chunks
/// holding a lead byte, [`is_candidate`]; only a chunk with a candidate is
/// searched byte by byte.
fn find_candidate(bytes: &[u8]) -> Option<usize> {
    let mut at = 0;
    // Each chunk's last byte needs the byte after it, so stop one early.
    while at + CHUNK < bytes.len() {
        let lead: &[u8; CHUNK] = bytes[at..at + CHUNK].try_into().ok()?;
        if lead.iter().fold(false, |hit, &b| hit | is_lead(b)) {
            let next: &[u8; CHUNK] = bytes[at + 1..=at + CHUNK].try_into().ok()?;
            let hit = lead
                .iter()
                .zip(next)
                .fold(false, |hit, (&l, &n)| hit | is_candidate(l, n));
            if hit {
                return (0..CHUNK)
                    .find(|&i| is_candidate(lead[i], next[i]))
                    .map(|i| at + i);
            }
        }
        at += CHUNK;
    }
    (at..bytes.len()).find(|&i| is_candidate(bytes[i], bytes.get(i + 1).copied().unwrap_or(0)))
}

/// Whether `c` is changed or removed by [`clean`].
fn needs_work(c: char) -> bool {
    match c {
        '\n' => false,
        '\0'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        c if HALFWIDTH_KATAKANA.contains(&c) => true,
        SOFT_HYPHEN | LINE_SEPARATOR | PARAGRAPH_SEPARATOR => true,
        c => is_bidi_control(c),
    }
}

/// Bidirectional formatting characters: marks, embeddings, overrides and
/// isolates. Invisible, and able to make text masquerade.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The Unicode LINE SEPARATOR and PARAGRAPH SEPARATOR: line breaks to
/// Unicode, but no terminal's; never printed raw.
pub fn is_separator(c: char) -> bool {
    c == LINE_SEPARATOR || c == PARAGRAPH_SEPARATOR
}

fn clean_from(raw: &str, first: usize, field: Field) -> String {
    let mut out = String::with_capacity(raw.len() + 16);
    out.push_str(&raw[..first]);
    let line_start = raw[..first].rfind('\n').map_or(0, |at| at + 1);
    let mut column = raw[line_start..first].chars().map(char_width).sum();
    let mut chars = raw[first..].chars().peekable();
    while let Some(c) = chars.next() {
        let shown = match c {
            '\r' => {
                chars.next_if_eq(&'\n');
                Some('\n')
            }
            '\t' => {
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                column += spaces;
                None
            }
            ESC => skip_escape(&mut chars).map_or(Some('\u{241B}'), |()| None),
            '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars, false),
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' => skip_string(&mut chars, true),
            c if c.is_control() && c != '\n' => Some(visible_control(c)),
            c if HALFWIDTH_KATAKANA.contains(&c) => Some(widen_kana(c, &mut chars)),
            LINE_SEPARATOR | PARAGRAPH_SEPARATOR if field == Field::OneLine => Some(' '),
            LINE_SEPARATOR => Some('\n'),
            PARAGRAPH_SEPARATOR => {
                out.push('\n');
                Some('\n')
            }
            c if needs_work(c) => None, // bidi formatting, soft hyphen: dropped
            c => Some(c),
        };
        if let Some(shown) = shown {
            out.push(shown);
            column = if shown == '\n' {
                0
            } else {
                column + char_width(shown)
            };
        }
    }
    out
}

type Chars<'a> = std::iter::Peekable<std::str::Chars<'a>>;

/// Skips the rest of an escape sequence after ESC; `None` for a lone ESC
/// (nothing that forms a sequence follows), which is then shown visibly.
fn skip_escape(chars: &mut Chars) -> Option<()> {
    match chars.peek().copied()? {
        '[' => {
            chars.next();
            skip_csi(chars);
        }
        ']' => {
            chars.next();
            skip_string(chars, true);
        }
        'P' | 'X' | '^' | '_' => {
            chars.next();
            skip_string(chars, false);
        }
        ' '..='/' => {
            // nF escape: intermediates, then one final byte.
            while chars.next_if(|c| matches!(c, ' '..='/')).is_some() {}
            chars.next_if(|c| matches!(c, '0'..='~'));
        }
        '0'..='~' => {
            chars.next();
        }
        _ => return None,
    }
    Some(())
}

/// Skips CSI parameters, intermediates and the final byte.
fn skip_csi(chars: &mut Chars) -> Option<char> {
    while chars
        .next_if(|c| matches!(c, '0'..='?' | ' '..='/'))
        .is_some()
    {}
    chars.next_if(|c| matches!(c, '@'..='~'));
    None
}

/// Skips a control string up to and including its terminator: ST (ESC \ or
/// U+009C), or BEL too for OSC.
fn skip_string(chars: &mut Chars, bel_ends: bool) -> Option<char> {
    while let Some(c) = chars.next() {
        match c {
            C1_ST => break,
            BEL if bel_ends => break,
            ESC if chars.next_if_eq(&'\\').is_some() => break,
            _ => {}
        }
    }
    None
}

/// A control character as a visible one-column stand-in.
fn visible_control(c: char) -> char {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
        '\u{7F}' => '\u{2421}',
        _ => '\u{FFFD}',
    }
}

/// Full-width katakana (and punctuation) for half-width U+FF61..=U+FF9F.
const WIDE: [char; 63] = [
    '。', '「', '」', '、', '・', 'ヲ', 'ァ', 'ィ', 'ゥ', 'ェ', 'ォ', 'ャ', 'ュ', 'ョ',
    'ッ', // FF61..
    'ー', 'ア', 'イ', 'ウ', 'エ', 'オ', 'カ', 'キ', 'ク', 'ケ', 'コ', 'サ', 'シ', 'ス', 'セ',
    'ソ', // FF70..
    'タ', 'チ', 'ツ', 'テ', 'ト', 'ナ', 'ニ', 'ヌ', 'ネ', 'ノ', 'ハ', 'ヒ', 'フ', 'ヘ', 'ホ',
    'マ', // FF80..
    'ミ', 'ム', 'メ', 'モ', 'ヤ', 'ユ', 'ヨ', 'ラ', 'リ', 'ル', 'レ', 'ロ', 'ワ', 'ン', '゛',
    '゜', // FF90..
];

/// Widens one half-width kana, composing a following sound mark.
fn widen_kana(c: char, chars: &mut Chars) -> char {
    let wide = WIDE[(c as u32 - *HALFWIDTH_KATAKANA.start() as u32) as usize];
    let composed = match chars.peek().copied() {
        Some(HALFWIDTH_VOICED_MARK) => voiced(wide),
        Some(HALFWIDTH_SEMI_VOICED_MARK) => semi_voiced(wide),
        _ => None,
    };
    match composed {
        Some(composed) => {
            chars.next();
            composed
        }
        None => wide,
    }
}

fn voiced(c: char) -> Option<char> {
    match c {
        // In the full-width block each voiced kana follows its plain one.
        'カ' | 'キ' | 'ク' | 'ケ' | 'コ' | 'サ' | 'シ' | 'ス' | 'セ' | 'ソ' | 'タ' | 'チ'
        | 'ツ' | 'テ' | 'ト' | 'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => {
            char::from_u32(c as u32 + 1)
        }
        'ウ' => Some('ヴ'),
        'ワ' => Some('ヷ'),
        'ヲ' => Some('ヺ'),
        _ => None,
    }
}

fn semi_voiced(c: char) -> Option<char> {
    match c {
        'ハ' | 'ヒ' | 'フ' | 'ヘ' | 'ホ' => char::from_u32(c as u32 + 2),
        _ => None,
    }
}

#[cfg(test)]
#[path = "sanitize_tests.rs"]
mod tests;
