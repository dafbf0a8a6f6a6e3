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

use std::ops::Range;

use aho_corasick::AhoCorasick;
use memchr::memmem;
use unicode_normalization::char::decompose_canonical;

use super::{Query, fold};

/// Rules out text that cannot hold a match of one query, and finds the
/// matches itself where the text around them folds in place.
#[derive(Debug, Clone)]
pub struct Prefilter {
    /// Finds any source of the anchor; `None`: every text may match.
    sources: Option<Sources>,
    /// For each source, whether it folds in place.
    in_place: Vec<bool>,
    /// The folded query, and where its anchor first stands in it.
    query: Vec<u8>,
    anchor_at: usize,
}

/// Up to [`FEW`] sources are looked for one by one with `memmem`, whose
/// SIMD search keys on two rare bytes of each (for Japanese text, the
/// varying continuation bytes); more (a Latin letter has dozens, from
/// full-width, circled and mathematical forms) in one pass of Aho-Corasick.
#[derive(Debug, Clone)]
enum Sources {
    Few(Vec<Finder>),
    Many(AhoCorasick),
}

/// Finds one source character. A three-byte character is found by its two
/// continuation bytes, then its lead byte is checked: `memmem` keys on two
/// bytes of different values, so for `ぁ` (E3 81 81) it would key on E3 and
/// 81, which start every hiragana, and took seven times as long.
#[derive(Debug, Clone)]
struct Finder {
    finder: memmem::Finder<'static>,
    /// The lead byte before what `finder` finds, if it finds a suffix.
    lead: Option<u8>,
}

impl Finder {
    fn new(c: char) -> Finder {
        let mut utf8 = [0; 4];
        let bytes = c.encode_utf8(&mut utf8).as_bytes();
        let (lead, found) = match bytes {
            [lead, rest @ ..] if bytes.len() == 3 => (Some(*lead), rest),
            _ => (None, bytes),
        };
        Finder {
            finder: memmem::Finder::new(found).into_owned(),
            lead,
        }
    }

    /// Where the character starts, each time it stands in `text`.
    fn find_iter<'t>(&'t self, text: &'t [u8]) -> impl Iterator<Item = usize> + 't {
        self.finder
            .find_iter(text)
            .filter_map(move |at| match self.lead {
                None => Some(at),
                Some(lead) => at
                    .checked_sub(1)
                    .filter(|&start| text.get(start) == Some(&lead)),
            })
    }
}

const FEW: usize = 8;

/// A source of the anchor found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Hit {
    pub at: usize,
    /// The source folds in place (see [`fold::folds_in_place`]): the anchor
    /// itself, its hiragana, its upper case.
    pub in_place: bool,
}

/// What [`Prefilter::scan`] found in one text.
#[cfg(test)]
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Scan {
    /// The text cannot hold a match.
    NoMatch,
    /// Every match (leftmost first, not overlapping), in original bytes: the
    /// text around each source found folds in place.
    Matches(Vec<Range<usize>>),
    /// The text must be folded to know.
    Fold,
}

impl Prefilter {
    pub fn new(query: &Query) -> Prefilter {
        let folded = query.folded();
        let anchor = folded
            .char_indices()
            .filter(|&(_, c)| can_anchor(c))
            .min_by_key(|&(_, c)| rarity(c));
        let (sources, in_place) = match anchor {
            Some((_, anchor)) => {
                let sources = sources(anchor);
                let in_place = sources.iter().map(|&c| fold::folds_in_place(c)).collect();
                let sources = if sources.len() <= FEW {
                    let finders = sources.iter().map(|&c| Finder::new(c)).collect();
                    Some(Sources::Few(finders))
                } else {
                    let patterns = sources.iter().map(char::to_string);
                    AhoCorasick::new(patterns).ok().map(Sources::Many)
                };
                (sources, in_place)
            }
            None => (None, Vec::new()),
        };
        Prefilter {
            sources,
            in_place,
            query: folded.as_bytes().to_vec(),
            anchor_at: anchor.map_or(0, |(at, _)| at),
        }
    }

    /// False only when `original` folded cannot contain the query.
    #[cfg(test)]
    pub fn may_match(&self, original: &str) -> bool {
        self.hits(original.as_bytes())
            .is_none_or(|hits| !hits.is_empty())
    }

    /// Every source of the anchor in `text`, in order; `None` when there is
    /// no anchor (every text may match). Text without one cannot match.
    pub(super) fn hits(&self, text: &[u8]) -> Option<Vec<Hit>> {
        let mut hits = Vec::new();
        match self.sources.as_ref()? {
            Sources::Few(finders) => {
                for (finder, &in_place) in finders.iter().zip(&self.in_place) {
                    hits.extend(finder.find_iter(text).map(|at| Hit { at, in_place }));
                }
                // Several sources: merged.
                hits.sort_unstable();
            }
            Sources::Many(sources) => hits.extend(sources.find_iter(text).map(|found| Hit {
                at: found.start(),
                in_place: self.in_place.get(found.pattern().as_usize()) == Some(&true),
            })),
        }
        Some(hits)
    }

    /// The matches in `text`, found without folding it, given where the
    /// anchor's sources are in it (`at`, in order, all folding in place):
    /// when the text a match would cover around each folds in place too,
    /// the match is there exactly when those bytes, with kana and case
    /// patched, are the query's (folding would give those bytes at the
    /// same places). `None` when that does not hold: fold the text.
    pub(super) fn matches_in_place(
        &self,
        text: &str,
        hits: impl Iterator<Item = usize>,
    ) -> Option<Vec<Range<usize>>> {
        let mut matches: Vec<Range<usize>> = Vec::new();
        let mut window = Vec::with_capacity(self.query.len());
        for at in hits {
            let start = at.checked_sub(self.anchor_at);
            let end = start.map(|start| start + self.query.len());
            // Whole characters from where the match would start (or the
            // text's start) to where it would end (or the text's end).
            let from = floor_char_boundary(text, start.unwrap_or(0));
            let to = ceil_char_boundary(text, end.map_or(text.len(), |e| e.min(text.len())));
            if !text[from..to].chars().all(fold::folds_in_place)
                || text[to..].chars().next().is_some_and(|next| {
                    !fold::folds_in_place(next) && fold::may_join_previous(next)
                })
            {
                return None;
            }
            // Past either end: folding in place, the text is too short.
            let (Some(start), Some(end)) = (start, end) else {
                continue;
            };
            if end > text.len() || matches.last().is_some_and(|last| start < last.end) {
                continue;
            }
            window.clear();
            window.extend_from_slice(&text.as_bytes()[start..end]);
            fold::kana_and_ascii_case(&mut window);
            if window == self.query {
                matches.push(start..end);
            }
        }
        Some(matches)
    }

    /// What a search of one text with this prefilter does, in one word.
    #[cfg(test)]
    pub(super) fn scan(&self, text: &str) -> Scan {
        let Some(hits) = self.hits(text.as_bytes()) else {
            return Scan::Fold;
        };
        if hits.is_empty() {
            return Scan::NoMatch;
        }
        if !hits.iter().all(|hit| hit.in_place) {
            return Scan::Fold;
        }
        match self.matches_in_place(text, hits.iter().map(|hit| hit.at)) {
            Some(found) => Scan::Matches(found),
            None => Scan::Fold,
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

fn floor_char_boundary(text: &str, at: usize) -> usize {
    (0..=at.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn ceil_char_boundary(text: &str, at: usize) -> usize {
    (at..text.len())
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(text.len())
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
/// Folding six thousand characters showed in the profile, so each is first
/// tested by its decomposition's pieces folded alone (which holds the anchor
/// whenever the real fold does: composition only joins pieces), and only
/// the few that pass are folded.
fn sources(anchor: char) -> Vec<char> {
    let mut found = vec![anchor];
    let mut folded = Vec::new();
    let mut utf8 = [0; 4];
    let anchor_utf8 = anchor.to_string();
    let finder = memchr::memmem::Finder::new(anchor_utf8.as_bytes());
    let jamo = ('\u{1100}'..='\u{11FF}').contains(&anchor);
    for &(start, end) in FOLD_CHANGES {
        if (start, end) == HANGUL_SYLLABLES && !jamo {
            continue;
        }
        for c in (start..=end).filter_map(char::from_u32) {
            if c == anchor || !fold::pieces_may_hold(c, anchor) {
                continue;
            }
            folded.clear();
            let _map = fold::fold_into(&mut folded, c.encode_utf8(&mut utf8));
            if finder.find(&folded).is_some() {
                found.push(c);
            }
        }
    }
    found
}

#[cfg(test)]
#[path = "prefilter_tests.rs"]
mod tests;
