//! Folding text for search: what a Japanese reader does not tell apart when
//! typing is made the same on both sides of a match.
//!
//! - Unicode compatibility forms (NFKC): full-width ↔ half-width Latin,
//!   digits and katakana (`ｶﾞ` → `ガ`), squared words (`㌔` → `キロ`, `㍻` → `平成`).
//! - Case, ASCII and Unicode (by lower-casing).
//! - Hiragana ↔ katakana (both become katakana; the long-vowel mark `ー`
//!   stays as it is).
//! - `〜` (wave dash) and `～` (full-width tilde) are one character.
//! - Any run of white space is one space, so a phrase matches across a
//!   joined soft break or a doubled space.
//!
//! Folding changes lengths (two half-width characters become one, one square
//! becomes two katakana), so the folded text keeps a map back to the
//! original: a match is always reported, and highlighted, on whole original
//! characters. The map is sparse: only the places where one original
//! character does not become exactly one folded character of the same byte
//! length are recorded, which in Japanese text is rare (hiragana and
//! katakana have the same length in UTF-8).

use std::ops::Range;

use unicode_normalization::char::{canonical_combining_class, compose, decompose_compatible};

/// Text folded for matching, with the way back to the original's offsets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    groups: Vec<Group>,
}

/// Original characters that became folded characters of another count or
/// length: the range of each, in bytes. Outside groups, offsets map one to
/// one (shifted by the groups before).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Group {
    folded: (u32, u32),
    original: (u32, u32),
}

/// Folds `original` (see the module docs).
pub fn fold(original: &str) -> Folded {
    let mut bytes = Vec::with_capacity(original.len());
    let map = fold_into(&mut bytes, original);
    // Always UTF-8: built from whole characters, and the byte patches of
    // `kana_and_ascii_case` turn characters into characters.
    let text = String::from_utf8(bytes)
        .unwrap_or_else(|err| String::from_utf8_lossy(err.as_bytes()).into_owned());
    Folded { text, ..map }
}

/// Folds `original` onto the end of `out` as UTF-8 (so that a lesson's
/// fields fold into one buffer without a copy each; bytes, not a `String`,
/// so that kana and case are folded in place, see `kana_and_ascii_case`)
/// and returns the map back to the original, with folded offsets counted
/// from where this text starts in `out`; the returned `Folded`'s own text
/// is empty.
pub fn fold_into(out: &mut Vec<u8>, original: &str) -> Folded {
    let base = out.len();
    let mut folder = Folder {
        out: std::mem::take(out),
        base,
        ..Folder::default()
    };
    folder.push_str(original);
    let (mut text, groups) = folder.finish();
    kana_and_ascii_case(&mut text[base..]);
    *out = text;
    Folded {
        text: String::new(),
        groups,
    }
}

/// Hiragana to katakana and ASCII upper case to lower, on UTF-8 bytes in
/// place: both keep the byte length, so runs of common characters are
/// copied whole and patched here in one tight loop (pushing a character at
/// a time was the largest cost of folding). Folded text holds no other
/// hiragana or upper-case ASCII (the general path folds them already), so
/// this may run over all of it.
pub(super) fn kana_and_ascii_case(bytes: &mut [u8]) {
    let mut at = 0;
    while at < bytes.len() {
        let b = bytes[at];
        if b == 0xE3 && at + 2 < bytes.len() {
            // U+3041..=U+3096, U+309D, U+309E (E3 81 81 to E3 82 9E) are
            // U+60 from their katakana (E3 82 A1 to E3 83 BE).
            let (second, third) = (bytes[at + 1], bytes[at + 2]);
            let katakana = match (second, third) {
                (0x81, 0x81..=0x9F) => Some((0x82, third + 0x20)),
                (0x81, 0xA0..=0xBF) => Some((0x83, third - 0x20)),
                (0x82, 0x80..=0x96 | 0x9D | 0x9E) => Some((0x83, third + 0x20)),
                _ => None,
            };
            if let Some((second, third)) = katakana {
                bytes[at + 1] = second;
                bytes[at + 2] = third;
            }
            at += 3;
        } else {
            bytes[at] = b.to_ascii_lowercase();
            at += 1;
        }
    }
}

impl Folded {
    /// The original byte range of the folded byte range `folded`, widened to
    /// whole original characters.
    pub fn original_range(&self, folded: Range<usize>) -> Range<usize> {
        self.original_start(folded.start)..self.original_end(folded.end)
    }

    fn original_start(&self, at: usize) -> usize {
        let before = self.groups.partition_point(|g| to_usize(g.folded.0) <= at);
        match before.checked_sub(1).map(|i| self.groups[i]) {
            None => at,
            Some(g) if at < to_usize(g.folded.1) => to_usize(g.original.0),
            Some(g) => to_usize(g.original.1) + (at - to_usize(g.folded.1)),
        }
    }

    fn original_end(&self, at: usize) -> usize {
        let before = self.groups.partition_point(|g| to_usize(g.folded.0) < at);
        match before.checked_sub(1).map(|i| self.groups[i]) {
            None => at,
            Some(g) if at <= to_usize(g.folded.1) => to_usize(g.original.1),
            Some(g) => to_usize(g.original.1) + (at - to_usize(g.folded.1)),
        }
    }
}

fn to_usize(offset: u32) -> usize {
    offset as usize
}

fn to_u32(offset: usize) -> u32 {
    u32::try_from(offset).unwrap_or(u32::MAX)
}

/// Builds a [`Folded`] one original character at a time.
#[derive(Default)]
struct Folder {
    out: Vec<u8>,
    /// Where this text starts in `out`; group offsets are counted from it.
    base: usize,
    groups: Vec<Group>,
    /// Bytes of the original consumed so far.
    read: usize,
    /// The original characters that became the last folded characters: a
    /// combining mark or a space may still join them.
    unit: Option<Unit>,
    /// Where the last character started (folded, original) when it took a
    /// fast path: it is one to one, so nothing is recorded unless a
    /// combining mark joins it (then it becomes the `unit`).
    last_simple: Option<(usize, usize)>,
    scratch: Vec<char>,
}

#[derive(Clone, Copy)]
struct Unit {
    folded_start: usize,
    original_start: usize,
    original_end: usize,
    /// How many original characters it holds.
    count: usize,
    /// Known to be one character folded to one of the same length (the
    /// fast paths), so closing it records nothing.
    simple: bool,
}

impl Folder {
    fn push_str(&mut self, original: &str) {
        self.out.reserve(original.len());
        let mut at = 0;
        while at < original.len() {
            let end = self.push_common_run(original, at);
            if end > at {
                at = end;
                continue;
            }
            let Some(c) = original[at..].chars().next() else {
                break;
            };
            self.push(c);
            at += c.len_utf8();
        }
    }

    /// Copies the run of common characters (ASCII but white space, kanji,
    /// katakana, hiragana, CJK punctuation: everything [`fold_common_cjk`]
    /// takes) that starts at byte `at`, a whole run at a time: these fold one
    /// to one and keep their byte length (kana and case are patched in place
    /// at the end), so only the run's last character is remembered (a
    /// combining mark after it may still join it). Returns where the run
    /// ends (`at` when there is none).
    fn push_common_run(&mut self, original: &str, at: usize) -> usize {
        let bytes = original.as_bytes();
        let mut end = at;
        let mut last = at;
        while end < bytes.len() {
            let b = bytes[end];
            let len = if b < 0x80 {
                if b.is_ascii_whitespace() {
                    break;
                }
                1
            } else if (0xE3..=0xE9).contains(&b) && end + 2 < bytes.len() {
                // A three-byte sequence (the text is UTF-8): its code point.
                let cp = (u32::from(b & 0x0F) << 12)
                    | (u32::from(bytes[end + 1] & 0x3F) << 6)
                    | u32::from(bytes[end + 2] & 0x3F);
                if !is_common_cjk(cp) {
                    break;
                }
                3
            } else {
                break;
            };
            if end == at && self.unit.is_some() {
                self.close_unit();
            }
            last = end;
            end += len;
        }
        if end > at {
            // Copied as they are: kana and case are folded in place after
            // (`kana_and_ascii_case`).
            self.out.extend_from_slice(&bytes[at..end]);
            let last_len = end - last;
            self.last_simple = Some((self.out.len() - last_len, self.read + (last - at)));
            self.read += end - at;
        }
        end
    }

    fn push(&mut self, c: char) {
        let start = self.read;
        self.read += c.len_utf8();
        // The common cases, kept cheap: one character to one of the same
        // length, with no table lookups and nothing to record.
        let simple = if c.is_ascii() && !c.is_ascii_whitespace() {
            Some(c.to_ascii_lowercase())
        } else {
            fold_common_cjk(c)
        };
        if let Some(folded) = simple {
            if self.unit.is_some() {
                self.close_unit();
            }
            self.last_simple = Some((self.out.len(), start));
            push_char(&mut self.out, folded);
            return;
        }
        // Anything else may join the last character: make it a unit.
        if let Some((folded_start, original_start)) = self.last_simple.take() {
            self.unit = Some(Unit {
                folded_start,
                original_start,
                original_end: start,
                count: 1,
                simple: true,
            });
        }
        if c.is_whitespace() {
            if self.out.ends_with(b" ") && self.unit.is_some() {
                self.join_unit();
            } else {
                self.start_unit(start);
                self.out.push(b' ');
            }
            return;
        }
        self.scratch.clear();
        let scratch = &mut self.scratch;
        decompose_compatible(c, |d| scratch.push(d));
        for i in 0..self.scratch.len() {
            let d = self.scratch[i];
            let is_mark = canonical_combining_class(d) != 0 || is_kana_sound_mark(d);
            if is_mark && self.compose_with_last_char(d) {
                if i == 0 {
                    self.join_unit();
                }
                continue;
            }
            // A compatibility form may hold a space (´ is a space and an
            // accent): it joins a space before, as any white space does.
            if d.is_whitespace() && self.out.ends_with(b" ") && self.unit.is_some() {
                if i == 0 {
                    self.join_unit();
                }
                continue;
            }
            if i == 0 {
                self.start_unit(start);
            }
            push_folded(&mut self.out, if d.is_whitespace() { ' ' } else { d });
        }
    }

    /// Composes `mark` with the last folded character when the two make one
    /// (`カ` + U+3099 → `ガ`).
    fn compose_with_last_char(&mut self, mark: char) -> bool {
        let Some(unit) = self.unit else {
            return false;
        };
        let last = std::str::from_utf8(&self.out[unit.folded_start..])
            .ok()
            .and_then(|unit| unit.chars().next_back());
        let Some(last) = last else {
            return false;
        };
        // A run copied as it is still holds upper case and hiragana (they
        // are patched at the end); compose what they fold to, as the fold
        // of the same text in lower case or katakana does (ｈ̱ → ẖ, ヷ → ヷ).
        let Some(joined) = compose(folds_in_place_to(last), mark) else {
            return false;
        };
        self.out.truncate(self.out.len() - last.len_utf8());
        push_folded(&mut self.out, joined);
        true
    }

    /// The character just read joins the last unit.
    fn join_unit(&mut self) {
        if let Some(unit) = &mut self.unit {
            unit.original_end = self.read;
            unit.count += 1;
            unit.simple = false;
        }
    }

    /// Closes the last unit and starts one for the character just read,
    /// which began at `original_start`.
    fn start_unit(&mut self, original_start: usize) {
        self.close_unit();
        self.unit = Some(Unit {
            folded_start: self.out.len(),
            original_start,
            original_end: self.read,
            count: 1,
            simple: false,
        });
    }

    /// Records the last unit as a group unless it is one character that
    /// became one character of the same length.
    fn close_unit(&mut self) {
        let Some(unit) = self.unit.take() else {
            return;
        };
        if unit.simple {
            return;
        }
        // Whole characters (an error cannot happen; it would only record a
        // group that is not needed).
        let folded = std::str::from_utf8(&self.out[unit.folded_start..]).unwrap_or_default();
        let mut chars = folded.chars();
        let one_to_one = unit.count == 1
            && chars.next().is_some()
            && chars.next().is_none()
            && folded.len() == unit.original_end - unit.original_start;
        if !one_to_one {
            self.groups.push(Group {
                folded: (
                    to_u32(unit.folded_start - self.base),
                    to_u32(self.out.len() - self.base),
                ),
                original: (to_u32(unit.original_start), to_u32(unit.original_end)),
            });
        }
    }

    fn finish(mut self) -> (Vec<u8>, Vec<Group>) {
        self.close_unit();
        (self.out, self.groups)
    }
}

/// The fold of the characters that make up most Japanese text, without
/// the normalisation tables: kanji, full-width katakana and the CJK
/// punctuation NFKC leaves alone stay; hiragana become katakana. `None` for
/// everything else (the general path decides).
fn fold_common_cjk(c: char) -> Option<char> {
    match u32::from(c) {
        0x3041..=0x3096 | 0x309D | 0x309E => char::from_u32(u32::from(c) + 0x60),
        cp if is_common_cjk(cp) => Some(c),
        _ => None,
    }
}

/// The characters [`fold_common_cjk`] takes: unified ideographs, katakana
/// (not ヿ, which NFKC spells out), the long-vowel and iteration marks,
/// 、。〃々〆〇「」『』【】 etc., and hiragana.
fn is_common_cjk(cp: u32) -> bool {
    matches!(cp, 0x4E00..=0x9FFF | 0x30A1..=0x30FA | 0x30FC..=0x30FE | 0x3001..=0x301B | 0x3041..=0x3096 | 0x309D | 0x309E)
}

/// Whether `c` folds in place: runs of these are copied as they are and
/// patched by `kana_and_ascii_case`, keeping their byte length, whatever
/// stands before them (only a combining mark after the last one may still
/// change it, see [`may_join_previous`]).
pub(super) fn folds_in_place(c: char) -> bool {
    (c.is_ascii() && !c.is_ascii_whitespace()) || is_common_cjk(u32::from(c))
}

/// What `c` becomes in `kana_and_ascii_case`: its lower case (ASCII) or
/// katakana (the hiragana the fast path folds); else `c`.
fn folds_in_place_to(c: char) -> char {
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        c => fold_common_cjk(c).unwrap_or(c),
    }
}

/// Whether `c` may change the folded character before it: a combining
/// mark (or a character that starts with one, as half-width ﾞ does) may
/// compose with it.
pub(super) fn may_join_previous(c: char) -> bool {
    let mut first = None;
    decompose_compatible(c, |d| {
        first.get_or_insert(d);
    });
    first.is_some_and(|d| canonical_combining_class(d) != 0 || is_kana_sound_mark(d))
}

/// The half-width voiced and semi-voiced marks decompose to these
/// combining marks, which compose with the kana before them.
fn is_kana_sound_mark(c: char) -> bool {
    matches!(c, '\u{3099}' | '\u{309A}')
}

/// Appends one decomposed character, case-folded, hiragana as katakana, and
/// the wave dash as a tilde.
fn push_folded(out: &mut Vec<u8>, c: char) {
    fold_piece(c, |folded| push_char(out, folded));
}

/// The characters one decomposed character folds to, case-folded,
/// hiragana as katakana, and the wave dash as a tilde, each given to `to`.
fn fold_piece(c: char, mut to: impl FnMut(char)) {
    match c {
        'ぁ'..='ゖ' | 'ゝ' | 'ゞ' => to(char::from_u32(u32::from(c) + 0x60).unwrap_or(c)),
        '〜' => to('~'),
        c if c.is_lowercase() || !c.is_alphabetic() => to(c),
        c => c.to_lowercase().for_each(to),
    }
}

/// Whether folding `c` alone may give `anchor`: some piece of its
/// compatibility decomposition, folded as `push_folded` does, is or holds
/// `anchor` (the real fold only composes pieces, so it never holds a
/// character none of them gives, except a composed one).
pub(super) fn pieces_may_hold(c: char, anchor: char) -> bool {
    let mut found = false;
    if may_come_from_case(anchor) {
        decompose_compatible(c, |d| fold_piece(d, |folded| found |= folded == anchor));
    } else {
        // No case mapping gives `anchor`: `fold_piece` without the case
        // tables (the scan of six thousand characters showed them).
        decompose_compatible(c, |d| {
            found |= match d {
                'ぁ'..='ゖ' | 'ゝ' | 'ゞ' => u32::from(d) + 0x60 == u32::from(anchor),
                '〜' => anchor == '~',
                d => d == anchor,
            };
        });
    }
    found
}

/// Whether lower-casing some character may give `anchor`: lower-case
/// letters, and the dot above that `İ` lower-cases to with an `i` (a test
/// checks every character's lower case).
pub(super) fn may_come_from_case(anchor: char) -> bool {
    anchor.is_lowercase() || anchor == '\u{307}'
}

fn push_char(out: &mut Vec<u8>, c: char) {
    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
}

#[cfg(test)]
#[path = "fold_tests.rs"]
mod tests;
