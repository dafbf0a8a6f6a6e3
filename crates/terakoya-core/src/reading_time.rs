//! Estimated reading time, as shown in the lesson list and the lesson's
//! status line. The rule (docs/format.md, "Reading time"):
//!
//! - Japanese (and other CJK) text: 500 characters a minute, the figure
//!   usually quoted for adult silent reading of Japanese prose; every
//!   kana, kanji and full-width character counts, punctuation included.
//! - Other text: 230 words a minute, a common figure for English prose; a
//!   word is a run of letters or digits.
//!
//! Headings and summary points count like body text. The estimate is in
//! seconds; the front end rounds it up to whole minutes for people.

use crate::model::Lesson;
use crate::search::{Field, fields};
use crate::text::width::is_cjk;

/// CJK characters read in a minute.
pub const CJK_CHARS_PER_MINUTE: u32 = 500;
/// Words of other scripts read in a minute.
pub const WORDS_PER_MINUTE: u32 = 230;

/// Seconds to read `text` at the rates above.
pub fn seconds(text: &str) -> f64 {
    let (mut cjk, mut words, mut in_word) = (0u32, 0u32, false);
    for c in text.chars() {
        if is_cjk(c) {
            cjk += 1;
            in_word = false;
        } else if c.is_alphanumeric() {
            if !in_word {
                words += 1;
            }
            in_word = true;
        } else {
            in_word = false;
        }
    }
    f64::from(cjk) * 60.0 / f64::from(CJK_CHARS_PER_MINUTE)
        + f64::from(words) * 60.0 / f64::from(WORDS_PER_MINUTE)
}

/// The reading time of a lesson, field by field in reading order, so that
/// the time left from any place can be found without counting again.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LessonTime {
    /// Each field and the seconds from its start to the end of the lesson.
    left: Vec<(Field, f64)>,
}

impl LessonTime {
    pub fn new(lesson: &Lesson) -> LessonTime {
        let mut left: Vec<(Field, f64)> = fields(lesson)
            .into_iter()
            .map(|field| (field, seconds(field.text(lesson))))
            .collect();
        let mut total = 0.0;
        for (_, secs) in left.iter_mut().rev() {
            total += *secs;
            *secs = total;
        }
        LessonTime { left }
    }

    /// Seconds to read the whole lesson.
    pub fn total(&self) -> f64 {
        self.left.first().map_or(0.0, |(_, secs)| *secs)
    }

    /// Seconds left from the start of `field` to the end of the lesson; a
    /// field the lesson does not have counts as the end.
    pub fn left_from(&self, field: Field) -> f64 {
        self.left
            .iter()
            .find(|(f, _)| *f == field)
            .map_or(0.0, |(_, secs)| *secs)
    }
}

/// Whole minutes for people: at least one for any text, rounded up.
pub fn minutes(seconds: f64) -> u32 {
    if seconds <= 0.0 {
        return 0;
    }
    let minutes = (seconds / 60.0).ceil();
    if minutes >= f64::from(u32::MAX) {
        u32::MAX
    } else {
        // In range and whole: checked above.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let whole = minutes as u32;
        whole.max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_hundred_japanese_characters_take_a_minute() {
        let text = "医".repeat(500);
        assert!((seconds(&text) - 60.0).abs() < 1e-9);
        assert_eq!(minutes(seconds(&text)), 1);
        assert_eq!(minutes(seconds(&"あ".repeat(501))), 2);
    }

    #[test]
    fn two_hundred_thirty_english_words_take_a_minute() {
        let text = "word ".repeat(230);
        assert!((seconds(&text) - 60.0).abs() < 1e-9);
        // Punctuation and digits: "e-mail" is two words, "2026" one.
        assert!((seconds("e-mail 2026") - 3.0 * 60.0 / 230.0).abs() < 1e-9);
    }

    #[test]
    fn mixed_text_adds_both_rates() {
        let secs = seconds("SNSは便利");
        let expected = 60.0 / 230.0 + 3.0 * 60.0 / 500.0;
        assert!((secs - expected).abs() < 1e-9, "{secs}");
    }

    #[test]
    fn time_left_falls_through_the_lesson_to_zero() {
        use crate::model::{Block, BlockKind, Section, SummaryPoint, Text};
        let body = |t: &str| Text {
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: t.to_owned(),
                ..Default::default()
            }],
        };
        let lesson = Lesson {
            id: "l".into(),
            label: None,
            title: "題".into(),
            lecturer: None,
            intro: Some(body(&"あ".repeat(100))),
            sections: vec![Section {
                id: "s".into(),
                heading: "見出し".into(),
                body: body(&"い".repeat(400)),
            }],
            summary: vec![SummaryPoint {
                id: "p".into(),
                text: "う".into(),
                ..Default::default()
            }],
            path: std::path::PathBuf::new(),
            ..Default::default()
        };
        let time = LessonTime::new(&lesson);
        let per_char = 60.0 / 500.0;
        assert!((time.total() - 505.0 * per_char).abs() < 1e-9);
        assert!((time.left_from(Field::Title) - time.total()).abs() < 1e-9);
        assert!((time.left_from(Field::Heading(0)) - 404.0 * per_char).abs() < 1e-9);
        assert!((time.left_from(Field::Summary(0)) - per_char).abs() < 1e-9);
        assert!(time.left_from(Field::Summary(9)).abs() < 1e-9);
    }

    #[test]
    fn no_text_takes_no_time_and_any_text_at_least_a_minute() {
        assert_eq!(minutes(0.0), 0);
        assert_eq!(minutes(seconds("短い")), 1);
    }
}
