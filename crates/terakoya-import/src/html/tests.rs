use super::*;

fn blocks(page: &str) -> Vec<Block> {
    read(page).blocks
}

/// A page with no `<article>` or `<main>`: the Japanese body must win over
/// an English sidebar full of commas, which Latin-only comma counting
/// would prefer.
#[test]
fn japanese_prose_outscores_a_latin_sidebar_without_landmarks() {
    let page = r#"<html><body>
      <div id="wrap">
        <div class="col-a">
          <p>夜勤のあとは、判断が鈍ります。本人は気づきにくいものです。</p>
          <p>だから、仕組みで守ります。申し送りは型にそって行い、確認を省きません。</p>
          <p>帰り道の運転は、仮眠をとってからにします。</p>
          <p>眠気は、自覚より先にやってきます。だから、早めに休みます。</p>
          <p>同僚の様子にも、気を配ります。声をかけるのも、仕事のうちです。</p>
        </div>
        <div class="col-b">
          <p>News, events, offers, courses, books, videos, podcasts, and more, all in one place.</p>
        </div>
      </div></body></html>"#;
    let got = blocks(page);
    assert_eq!(got.len(), 5, "{got:#?}");
    assert!(matches!(&got[0], Block::Para(t) if t.starts_with("夜勤のあとは")));
    assert_eq!(
        read(page).dropped.unsure,
        vec!["News, events, offers, co…".to_owned()]
    );
}

#[test]
fn inline_markup_carries_over() {
    let page = "<article><h1>題</h1><p>\n<b>強調</b>と<i>斜体</i>、<a href=\"https://example.com/a b\">リンク</a>、\
                <code>x`y</code>、<ruby><rb>漢</rb><rt>かん</rt><rb>字</rb><rt>じ</rt></ruby>、a*b<br>次の行\n</p>\
                <p><strong>■ 見出し</strong></p><pre><code class=\"language-sh\">ls ```\n</code></pre>\
                <blockquote><p>引用</p></blockquote></article>";
    let got = blocks(page);
    assert_eq!(
        got,
        vec![
            Block::Heading { level: 1, text: "題".into() },
            Block::Para(
                "**強調**と*斜体*、[リンク](https://example.com/a%20b)、``x`y``、｜漢《かん》｜字《じ》、a\\*b\\\n次の行".into()
            ),
            Block::Para("**■ 見出し**".into()),
            Block::Raw("````sh\nls ```\n````".into()),
            Block::Raw("> 引用".into()),
        ]
    );
}

#[test]
fn line_breaks_in_the_source_join_japanese_and_space_latin() {
    let got = blocks("<article><p>日本語の\n  文章と\nEnglish\nwords</p></article>");
    assert_eq!(got, vec![Block::Para("日本語の文章とEnglish words".into())]);
}

#[test]
fn two_breaks_in_a_row_start_a_new_paragraph() {
    let got = blocks("<article><p>一段落目。<br><br>二段落目。</p></article>");
    assert_eq!(
        got,
        vec![
            Block::Para("一段落目。".into()),
            Block::Para("二段落目。".into())
        ]
    );
}

#[test]
fn the_title_tag_is_the_fallback_title() {
    let page = read(
        "<html><head><title>医師とSNS | 講座サイト</title></head><body><p>本文です。</p></body></html>",
    );
    assert_eq!(page.title.as_deref(), Some("医師とSNS"));
}
