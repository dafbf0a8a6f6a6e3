//! Tests of the inline text: emphasis pairing and ruby.

use super::*;

fn finish(inline: Inline) -> (String, Vec<(SpanStyle, String)>, Vec<InlineProblem>) {
    let mut problems = Vec::new();
    let (text, spans) = inline.finish(&mut problems);
    let shown = spans
        .iter()
        .map(|s| {
            (
                s.style.clone(),
                text[s.start as usize..s.end as usize].to_owned(),
            )
        })
        .collect();
    (text, shown, problems)
}

#[test]
fn ruby_with_and_without_a_bar() {
    let mut inline = Inline::default();
    inline.push_text("皮膚の褥瘡《じょくそう》と｜お薬手帳《おくすりてちょう》。");
    let (text, spans, problems) = finish(inline);
    assert_eq!(
        text,
        "皮膚の褥瘡（じょくそう）とお薬手帳（おくすりてちょう）。"
    );
    assert_eq!(
        spans,
        [
            (SpanStyle::Ruby, "褥瘡（じょくそう）".into()),
            (SpanStyle::Reading, "（じょくそう）".into()),
            (SpanStyle::Ruby, "お薬手帳（おくすりてちょう）".into()),
            (SpanStyle::Reading, "（おくすりてちょう）".into()),
        ]
    );
    assert!(problems.is_empty());
}

#[test]
fn empty_reading_keeps_the_base_and_is_reported() {
    let mut inline = Inline::default();
    inline.push_text("｜漢字《》です");
    let (text, spans, problems) = finish(inline);
    assert_eq!(text, "漢字です");
    assert!(spans.is_empty());
    assert_eq!(problems, [InlineProblem::EmptyReading]);
}

#[test]
fn no_base_no_ruby() {
    let mut inline = Inline::default();
    inline.push_text("かな《よみ》");
    assert_eq!(finish(inline).0, "かな《よみ》");
}

#[test]
fn loose_stars_pair_and_move_spans() {
    let mut inline = Inline::default();
    inline.push_text("これは");
    inline.push_loose_star();
    inline.push_loose_star();
    inline.push_text("「重要」");
    inline.push_loose_star();
    inline.push_loose_star();
    inline.push_styled("code", SpanStyle::Code);
    let (text, spans, _) = finish(inline);
    assert_eq!(text, "これは「重要」code");
    assert_eq!(
        spans,
        [
            (SpanStyle::Strong, "「重要」".into()),
            (SpanStyle::Code, "code".into())
        ]
    );
}

#[test]
fn an_unpaired_star_stays() {
    let mut inline = Inline::default();
    inline.push_text("a");
    inline.push_loose_star();
    inline.push_text("b");
    assert_eq!(finish(inline).0, "a*b");
}

/// `ruby_groups` as it was written first, with std's `str::find` and
/// `rfind`: the reference the memchr searches must agree with.
fn ruby_groups_by_chars(text: &str, spans: &[Span]) -> Vec<RubyGroup> {
    let code: Vec<Range<u32>> = spans
        .iter()
        .filter(|s| s.style == SpanStyle::Code)
        .map(|s| s.start..s.end)
        .collect();
    let in_code = |at: usize| code.iter().any(|r| r.contains(&to_u32(at)));
    // (bar, open, close) byte offsets of each group; bar is where the base
    // starts (the `｜`, or the first kanji).
    let mut groups: Vec<RubyGroup> = Vec::new();
    let mut search = 0;
    while let Some(found) = text.get(search..).and_then(|rest| rest.find('《')) {
        let open = search + found;
        search = open + '《'.len_utf8();
        if in_code(open) {
            continue;
        }
        let Some(close) = text.get(search..).and_then(|rest| {
            let end = rest.find('》')?;
            let reading = &rest[..end];
            (!reading.contains('《')).then_some(search + end)
        }) else {
            continue;
        };
        let before = text.get(..open).unwrap_or("");
        let from = groups.last().map_or(0, |g| g.3 + '》'.len_utf8());
        let bar = before
            .get(from..)
            .and_then(|b| b.rfind('｜'))
            .map(|at| from + at)
            .filter(|&at| !in_code(at) && at + '｜'.len_utf8() < open);
        let (start, has_bar) = match bar {
            Some(at) => (at, true),
            None => {
                let run: usize = before
                    .chars()
                    .rev()
                    .take_while(|&c| is_kanji(c))
                    .map(char::len_utf8)
                    .sum();
                if run == 0 || open - run < from {
                    continue;
                }
                (open - run, false)
            }
        };
        groups.push((start, has_bar, open, close));
        search = close + '》'.len_utf8();
    }
    groups
}

proptest::proptest! {
    #[test]
    fn ruby_with_memchr_agrees_with_the_char_search(
        text in "[漢字々か a｜《》*]{0,24}",
        code in proptest::option::of((0usize..24, 0usize..24)),
    ) {
        // A code span over some characters of the text.
        let bounds: Vec<usize> = text.char_indices().map(|(at, _)| at).chain([text.len()]).collect();
        let spans: Vec<Span> = code
            .and_then(|(a, b)| Some((*bounds.get(a.min(b))?, *bounds.get(a.max(b))?)))
            .filter(|(a, b)| a < b)
            .map(|(a, b)| Span { start: to_u32(a), end: to_u32(b), style: SpanStyle::Code })
            .into_iter()
            .collect();
        proptest::prop_assert_eq!(ruby_groups(&text, &spans), ruby_groups_by_chars(&text, &spans));
    }
}
