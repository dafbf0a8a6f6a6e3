//! End-to-end search in the real binary: `/` in the Japanese lesson, a
//! query typed in half-width katakana, the match highlighted on screen.

use crate::pty_support;

use pty_support::{COLS, ROWS, Reader};

fn lessons_dir() -> String {
    format!("{}/lessons", env!("CARGO_MANIFEST_DIR"))
}

/// The text of every reversed cell, row by row: what shows highlighted.
fn reversed_text(screen: &vt100::Screen) -> String {
    let mut out = String::new();
    for row in 0..ROWS {
        for col in 0..COLS {
            if let Some(cell) = screen.cell(row, col)
                && cell.inverse()
            {
                out.push_str(cell.contents());
            }
        }
    }
    out
}

#[test]
fn a_half_width_katakana_query_finds_and_highlights_a_later_section() {
    let mut reader = Reader::start_private(&["--lessons", &lessons_dir()], &[]);
    reader.wait_for_text("Enter open");
    // Down to 第6回 and open it: the lesson's head shows.
    reader.send(crate::pty_support::OPEN_SNS);
    reader.wait_for_text("Introduction");
    // ｽﾏｰﾄﾌｫﾝ folds to スマートフォン, first written in a later section.
    reader.send("/ｽﾏｰﾄﾌｫﾝ");
    let screen = reader.wait_for_text("1/2");
    assert!(
        !screen.contains("Introduction"),
        "the view jumped:\n{screen}"
    );
    assert!(
        screen.contains("/ｽﾏｰﾄﾌｫﾝ"),
        "the prompt shows the query:\n{screen}"
    );
    reader.wait_for_terminal("the match highlighted", |s| {
        reversed_text(s).contains("スマートフォン")
    });
    reader.send("\r");
    reader.send("n");
    reader.wait_for_text("2/2");
    reader.send("n");
    reader.wait_for_text("search wrapped");
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}

#[test]
fn full_width_latin_searches_every_lesson_from_the_list() {
    let mut reader = Reader::start_private(&["--lessons", &lessons_dir()], &[]);
    reader.wait_for_text("Enter open");
    // ＣＯＩ (full-width) finds COI in 第6回.
    reader.send("/ＣＯＩ");
    let screen = reader.wait_for_text("Search: ＣＯＩ");
    assert!(screen.contains("SNSを味方にする医師の作法"), "{screen}");
    reader.send("\r\r");
    reader.wait_for_text("1/1");
    reader.wait_for_terminal("COI highlighted", |s| reversed_text(s).contains("COI"));
    reader.send("q");
    assert_eq!(reader.wait_exit(), 0);
}
