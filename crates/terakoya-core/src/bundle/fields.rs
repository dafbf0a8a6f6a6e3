//! Turning raw TOML strings into model text: every string is sanitised
//! once here, so the layers above can trust the model.

use crate::model::Text;
use crate::text::width::is_cjk;
use crate::text::{markup, sanitize};

/// A text field (intro, body, bio, description): sanitised, then parsed as
/// the light markup.
pub fn text(raw: &str) -> Text {
    markup::parse(&sanitize::clean(raw))
}

/// A single-line field (title, label, heading, name, point text):
/// sanitised, with internal line breaks joined as soft breaks (a space
/// between Latin words, nothing where either side is CJK) and runs of
/// blank lines dropped.
pub fn one_line(raw: &str) -> String {
    let clean = sanitize::clean_line(raw);
    if !clean.contains('\n') {
        // One line (most titles and points): only trimmed. Clean text
        // holds no CR, so this is what the loop below would give.
        return markup::trim(&clean).to_owned();
    }
    join_lines(&clean)
}

/// The lines of `clean`, trimmed, blank ones dropped, joined as soft breaks.
fn join_lines(clean: &str) -> String {
    let mut out = String::with_capacity(clean.len());
    for line in clean.lines().map(str::trim).filter(|l| !l.is_empty()) {
        let before = out.chars().next_back();
        let after = line.chars().next();
        let cjk = before.is_some_and(is_cjk) || after.is_some_and(is_cjk);
        if before.is_some() && !cjk {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_joins_like_soft_breaks() {
        assert_eq!(one_line("  Getting\r\naround  "), "Getting around");
        assert_eq!(one_line("医師の\n\nSNS活用"), "医師のSNS活用");
        assert_eq!(one_line("- not a list"), "- not a list");
        assert_eq!(one_line("\n\n"), "");
        assert_eq!(one_line(" \u{3000}第6回 〔2時限〕\t"), "第6回 〔2時限〕");
        assert_eq!(one_line("\r"), "");
    }

    proptest::proptest! {
        #[test]
        fn one_line_fast_path_agrees_with_the_line_loop(
            raw in "[ \t\r\u{3000}\u{A0}\u{1b}a医。ｶﾞ\u{202E}\u{2028}\u{2029}]{0,12}"
        ) {
            proptest::prop_assert_eq!(one_line(&raw), join_lines(&sanitize::clean_line(&raw)));
        }
    }
}
