use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::model::{Block, BlockKind, Course, Lesson, Library, Section, Text};
use crate::search::LibraryIndex;
use crate::search::fold;
use crate::search::prefilter::Scan;

fn query(text: &str) -> Query {
    Query::new(text).unwrap()
}

#[test]
fn katakana_comes_from_hiragana_half_width_and_squares() {
    let found = sources('カ');
    for c in ['カ', 'か', 'ｶ', '㌍', '㋕'] {
        assert!(found.contains(&c), "{c} missing from {found:?}");
    }
    assert!(sources('キ').contains(&'㌔'));
    assert!(!found.contains(&'キ'));
}

#[test]
fn kanji_come_from_compatibility_forms() {
    let found = sources('株');
    for c in ['株', '㈱', '㍿', '㊑'] {
        assert!(found.contains(&c), "{c} missing from {found:?}");
    }
    assert!(sources('一').contains(&'⼀'));
    assert!(sources('成').contains(&'㍻'));
}

#[test]
fn latin_comes_from_every_case_and_width() {
    let found = sources('a');
    for c in ['a', 'A', 'ａ', 'Ａ', '𝐚', 'ª'] {
        assert!(found.contains(&c), "{c} missing from {found:?}");
    }
}

#[test]
fn the_rarest_character_anchors_and_rules_out_text() {
    // 褥 (a kanji) rather than the common kana around it.
    let prefilter = Prefilter::new(&query("のじょく褥瘡"));
    assert!(prefilter.may_match("仙骨部の褥瘡は"));
    assert!(!prefilter.may_match("のじょくのじょく"));
    // A square holds the anchor of the words it spells.
    let kilo = Prefilter::new(&query("キロ"));
    assert!(kilo.may_match("体重は60㌔"));
    assert!(!kilo.may_match("メートル"));
}

#[test]
fn a_query_only_composition_can_make_has_no_prefilter() {
    // ガ may come from カ and a sound mark in two characters (ｶﾞ).
    for text in ["ガ", "ｶﾞ", "ごご"] {
        let prefilter = Prefilter::new(&query(text));
        assert_eq!(prefilter.patterns(), None, "{text}");
        assert!(prefilter.may_match("anything"));
    }
    assert!(Prefilter::new(&query("ガス")).patterns().is_some());
}

/// The scan for sources looks only in `FOLD_CHANGES`: if a Unicode update
/// gave a character outside them a decomposition or a case, a match could
/// be missed, so every other code point is checked.
#[test]
fn every_code_point_outside_the_scan_folds_to_itself() {
    let scanned = |cp: u32| FOLD_CHANGES.iter().any(|&(s, e)| (s..=e).contains(&cp));
    let mut own = String::new();
    let mut folded = Vec::new();
    for c in (0..=0x10_FFFF)
        .filter(|&cp| !scanned(cp))
        .filter_map(char::from_u32)
    {
        own.clear();
        own.push(c);
        folded.clear();
        let _map = fold::fold_into(&mut folded, &own);
        assert_eq!(folded, own.as_bytes(), "U+{:04X}", u32::from(c));
    }
}

#[test]
fn hangul_syllables_are_sources_of_their_jamo_only() {
    // 한 folds to ᄒ ᅡ ᆫ.
    assert!(sources('\u{1112}').contains(&'한'));
    assert!(!sources('a').contains(&'한'));
}

fn library(bodies: &[String]) -> Library {
    let lesson = |(at, body): (usize, &String)| Lesson {
        id: format!("l{at}"),
        title: "題".into(),
        sections: vec![Section {
            id: "s".into(),
            heading: "見出し".into(),
            body: Text {
                blocks: body
                    .split('\n')
                    .map(|p| Block {
                        kind: BlockKind::Paragraph,
                        text: p.to_owned(),
                        ..Default::default()
                    })
                    .collect(),
            },
        }],
        path: PathBuf::new(),
        ..Default::default()
    };
    Library {
        courses: vec![Course {
            id: "c".into(),
            title: "講座".into(),
            description: None,
            lessons: bodies.iter().enumerate().map(lesson).collect(),
            path: PathBuf::new(),
        }],
    }
}

const TEXT: &str = "[あ-んア-ンｦ-ﾟａ-ｚＡ-ＺA-Za-z㌀-㍗㈠-㈱⼀-⼋一-丁株成 　ーｰ〜～~\u{3099}\u{309B}\u{301}éÉ\n]{0,30}";
const QUERY: &str = "[あかがアカガｱｶｶﾞaAａＡー一丁株成~〜é\u{301}\u{3099} ]{1,3}";

proptest! {
    /// The one-off search with its prefilter finds exactly what a search
    /// of the whole folded library finds.
    #[test]
    fn the_prefilter_never_loses_a_match(
        bodies in proptest::collection::vec(TEXT, 1..4),
        text in QUERY,
    ) {
        let Some(q) = Query::new(&text) else { return Ok(()) };
        let library = library(&bodies);
        prop_assert_eq!(
            LibraryIndex::search_once(&library, &q),
            LibraryIndex::new(&library).search(&q)
        );
    }
}

#[test]
fn matches_in_text_that_folds_in_place_are_found_without_folding() {
    let prefilter = Prefilter::new(&query("かんふぁれんす"));
    let text = "朝のカンファレンスと夜のかんふぁれんす。";
    let Scan::Matches(found) = prefilter.scan(text) else {
        panic!("{:?}", prefilter.scan(text));
    };
    let found: Vec<&str> = found.into_iter().map(|r| &text[r]).collect();
    assert_eq!(found, ["カンファレンス", "かんふぁれんす"]);
    assert_eq!(prefilter.scan("朝のカンファ"), Scan::Matches(vec![]));
    assert_eq!(prefilter.scan("朝の会議"), Scan::NoMatch);
    // Half-width kana, a space or a sound mark after the match: folded.
    for text in ["ｶﾝﾌｧﾚﾝｽ", "カンファ レンス", "カンファレンス\u{3099}"]
    {
        assert_eq!(prefilter.scan(text), Scan::Fold, "{text}");
    }
}

proptest! {
    /// The same, over a few characters that make many hits, overlaps and
    /// every way out of folding in place (half-width forms, marks, spaces,
    /// squares, upper case).
    #[test]
    fn matches_found_in_place_are_those_of_folding(
        bodies in proptest::collection::vec("[あアァぁｧかカガｶﾞ\u{3099}ーｰAa ㌍ン]{0,24}", 1..3),
        text in "[あアァかカーAaン]{1,4}",
    ) {
        let Some(q) = Query::new(&text) else { return Ok(()) };
        let library = library(&bodies);
        prop_assert_eq!(
            LibraryIndex::search_once(&library, &q),
            LibraryIndex::new(&library).search(&q)
        );
    }
}
