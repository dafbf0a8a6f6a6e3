//! A cheap test on original, unfolded text that rules out most fields of a
//! library before any of it is folded, for one-off searches
//! ([`LibraryIndex::search_once`](super::LibraryIndex::search_once)).
//!
//! Folding 20 MB of text costs about as much as loading it; finding a few
//! literal characters in it costs a fraction (the technique grep-like tools
//! call literal extraction). One character of the folded query, the
//! anchor, is chosen; every original character whose fold can produce it
//! is listed (its sources: `カ` comes from `カ`, `か`, `ｶ`, `ガ`, `㌍` and a
//! few more); a field that holds none of them cannot match, so only the
//! fields that hold one are folded and searched.
//!
//! Why this is exact (no match is ever missed): folding a text folds each
//! character on its own, except that a combining mark may compose with the
//! character before it and a run of white space becomes one space. So every
//! character of folded text is either in the fold of one original character
//! (which the sources list: every character whose own fold holds the
//! anchor), a space, or a character composed from a base and a mark.
//! Characters composition can make are those with a canonical
//! decomposition, and neither they nor white space are chosen as anchors. A query made only of such characters (`ガ`, `ごご`) gets no
//! prefilter: every field is folded, as before.

use aho_corasick::AhoCorasick;
use memchr::memmem;
use unicode_normalization::char::decompose_canonical;

use super::{Query, fold};

/// Rules out text that cannot hold a match of one query.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Finds any source of the anchor; `None`: every text may match.
    sources: Option<Sources>,
}

/// Up to [`FEW`] sources are looked for one by one with `memmem`, whose
/// SIMD search keys on two rare bytes of each (for Japanese text, the
/// varying continuation bytes); more (a Latin letter has dozens, from
/// full-width, circled and mathematical forms) in one pass of Aho-Corasick.
#[derive(Debug, Clone)]
enum Sources {
    Few(Vec<memmem::Finder<'static>>),
    Many(AhoCorasick),
}

const FEW: usize = 8;

impl Prefilter {
    pub fn new(query: &Query) -> Prefilter {
        let anchor = query
            .folded()
            .chars()
            .filter(|&c| can_anchor(c))
            .min_by_key(|&c| rarity(c));
        let sources = anchor.and_then(|anchor| {
            let patterns: Vec<String> = sources(anchor).iter().map(char::to_string).collect();
            if patterns.len() <= FEW {
                let finders = patterns
                    .iter()
                    .map(|p| memmem::Finder::new(p.as_bytes()).into_owned())
                    .collect();
                Some(Sources::Few(finders))
            } else {
                AhoCorasick::new(patterns).ok().map(Sources::Many)
            }
        });
        Prefilter { sources }
    }

    /// False only when `original` folded cannot contain the query.
    pub fn may_match(&self, original: &str) -> bool {
        match &self.sources {
            None => true,
            Some(Sources::Few(finders)) => finders
                .iter()
                .any(|finder| finder.find(original.as_bytes()).is_some()),
            Some(Sources::Many(sources)) => sources.is_match(original),
        }
    }

    /// How many sources the anchor has, if there is an anchor (for tests).
    #[cfg(test)]
    pub fn patterns(&self) -> Option<usize> {
        match self.sources.as_ref()? {
            Sources::Few(finders) => Some(finders.len()),
            Sources::Many(sources) => Some(sources.patterns_len()),
        }
    }
}

/// Whether `c` may be the anchor: not white space (every run of it folds
/// to one space, from many sources) and not a character composition can
/// make (see the module docs).
fn can_anchor(c: char) -> bool {
    let mut alone = true;
    decompose_canonical(c, |d| alone &= d == c);
    alone && !c.is_whitespace()
}

/// How common `c` is in Japanese course text, roughly (lower is rarer):
/// the anchor should rule out as much text as possible. Kanji are the most
/// telling; small and rare kana next; the kana of particles and endings,
/// and punctuation, are everywhere.
fn rarity(c: char) -> u8 {
    const RARE_KANA: &str = "ァィゥェォヮヵヶヴヂヅヰヱパピプペポ";
    const COMMON_KANA: &str = "ノニハヲタガテデトシイルカナスモクコマレリッンヨウサラ";
    match c {
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{20000}'..='\u{3134F}' => 0,
        c if RARE_KANA.contains(c) => 1,
        c if COMMON_KANA.contains(c) => 4,
        'ー' => 4,
        '\u{30A1}'..='\u{30FA}' => 2,
        c if c.is_alphanumeric() => 3,
        _ => 5,
    }
}

/// The only code points whose fold is not themselves lie in these ranges
/// (found by folding every code point; a test checks every code point
/// outside them, so a Unicode update that changes this fails the tests).
const FOLD_CHANGES: &[(u32, u32)] = &[
    (0x9, 0x58C),
    (0x675, 0x678),
    (0x958, 0xA5E),
    (0xB48, 0xBCC),
    (0xCC0, 0xD4C),
    (0xDDC, 0x10FC),
    (0x13A0, 0x13F5),
    (0x1680, 0x1680),
    (0x1B06, 0x1B43),
    (0x1C89, 0x2189),
    (0x222C, 0x2230),
    (0x2329, 0x232A),
    (0x2460, 0x24EA),
    (0x2A0C, 0x2ADC),
    (0x2C00, 0x2D6F),
    (0x2E9F, 0x33FF),
    (0xA640, 0xA69D),
    (0xA722, 0xA7F9),
    (0xAB5C, 0xAB69),
    (0xAC00, 0xD7A3),
    (0xF900, 0xFFEE),
    (0x10400, 0x10427),
    (0x104B0, 0x104D3),
    (0x10570, 0x10595),
    (0x10781, 0x107BF),
    (0x10C80, 0x10CB2),
    (0x10D50, 0x10D65),
    (0x1112E, 0x1112F),
    (0x1134B, 0x113C8),
    (0x114BB, 0x114BE),
    (0x115BA, 0x115BB),
    (0x118A0, 0x11938),
    (0x16121, 0x16128),
    (0x16D68, 0x16D6A),
    (0x16E40, 0x16EB8),
    (0x1B123, 0x1B126),
    (0x1CCD6, 0x1CCF9),
    (0x1D15E, 0x1D1C0),
    (0x1D400, 0x1D7FF),
    (0x1DF95, 0x1E06D),
    (0x1E900, 0x1E921),
    (0x1EE00, 0x1EEBB),
    (0x1F100, 0x1F251),
    (0x1FBF0, 0x1FBF9),
    (0x2F800, 0x2FA1D),
];

/// Hangul syllables fold to their conjoining jamo (U+1100 to U+11FF); they
/// are only sources of those.
const HANGUL_SYLLABLES: (u32, u32) = (0xAC00, 0xD7A3);

/// Every character whose fold holds `anchor`: `anchor` itself and those of
/// [`FOLD_CHANGES`] (about 11,000 code points, 6,000 without Hangul), each
/// folded as a text of its own (see the module docs for why that is enough).
fn sources(anchor: char) -> Vec<char> {
    let mut found = vec![anchor];
    let mut folded = String::new();
    let mut utf8 = [0; 4];
    let jamo = ('\u{1100}'..='\u{11FF}').contains(&anchor);
    for &(start, end) in FOLD_CHANGES {
        if (start, end) == HANGUL_SYLLABLES && !jamo {
            continue;
        }
        for c in (start..=end).filter_map(char::from_u32) {
            folded.clear();
            let _map = fold::fold_into(&mut folded, c.encode_utf8(&mut utf8));
            if c != anchor && folded.contains(anchor) {
                found.push(c);
            }
        }
    }
    found
}

#[cfg(test)]
#[path = "prefilter_tests.rs"]
mod tests;
