//! Writing a lesson file (format 2). One-line strings are serialised by the
//! `toml` crate; multi-line text goes into `"""` strings, written here with
//! every backslash and every third quote in a row escaped, so that no text
//! can close the string early or turn into an escape.

use std::fmt::Write as _;

use crate::Lesson;

/// The bundle format `import` writes.
pub const FORMAT: u32 = 2;

/// The lesson as a TOML file.
pub fn to_toml(lesson: &Lesson) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "format = {FORMAT}");
    if let Some(label) = &lesson.label {
        let _ = writeln!(out, "label = {}", one_line_string(label));
    }
    let _ = writeln!(out, "title = {}", one_line_string(&lesson.title));
    if !lesson.intro.is_empty() {
        let _ = writeln!(out, "intro = {}", multiline_string(&lesson.intro));
    }
    if let Some(lecturer) = &lesson.lecturer {
        let _ = writeln!(
            out,
            "\n[lecturer]\nname = {}",
            one_line_string(&lecturer.name)
        );
        if !lecturer.bio.is_empty() {
            let _ = writeln!(out, "bio = {}", multiline_string(&lecturer.bio));
        }
    }
    for section in &lesson.sections {
        out.push_str("\n[[sections]]\n");
        if let Some(id) = &section.id {
            let _ = writeln!(out, "id = {}", one_line_string(id));
        }
        let _ = writeln!(out, "heading = {}", one_line_string(&section.heading));
        let _ = writeln!(out, "body = {}", multiline_string(&section.body));
    }
    for point in &lesson.summary {
        out.push_str("\n[[summary]]\n");
        if let Some(id) = &point.id {
            let _ = writeln!(out, "id = {}", one_line_string(id));
        }
        let _ = writeln!(out, "text = {}", one_line_string(&point.text));
    }
    out
}

/// A TOML string literal for one line of text.
pub fn one_line_string(text: &str) -> String {
    toml::Value::String(text.to_owned()).to_string()
}

/// A TOML multi-line basic string (`"""` … `"""`) holding `text`.
pub fn multiline_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str("\"\"\"\n");
    let mut quotes = 0;
    for c in text.chars() {
        if c == '"' {
            quotes += 1;
        } else {
            quotes = 0;
        }
        match c {
            '\\' => out.push_str("\\\\"),
            '"' if quotes % 3 == 0 => out.push_str("\\\""),
            '\n' | '\t' => out.push(c),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    // The closing `"""` goes on a line of its own, so a quote at the
    // end of the text cannot join it.
    if !text.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\"\"\"");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> String {
        let doc = format!("x = {}\n", multiline_string(text));
        let table: toml::Table = doc.parse().unwrap_or_else(|e| panic!("{doc}\n{e}"));
        table["x"].as_str().unwrap().to_owned()
    }

    #[test]
    fn multiline_strings_survive_quotes_backslashes_and_controls() {
        for text in [
            "plain",
            "ends with newline\n",
            r#"three """ quotes and """"" five"#,
            r#"ends with a quote""#,
            r#"ends with two quotes"""#,
            "back\\slash at end\\",
            "line end backslash\\\nnext",
            "tab\tand\u{7}bell and \u{7f} del and \r cr",
            "日本語の「引用」と｜漢字《かんじ》",
        ] {
            let expected = if text.ends_with('\n') {
                text.to_owned()
            } else {
                format!("{text}\n")
            };
            assert_eq!(round_trip(text), expected, "{text:?}");
        }
    }

    #[test]
    fn one_line_strings_are_valid_toml() {
        for text in ["a \"quoted\" 'word'", "back\\slash", "日本語"] {
            let doc = format!("x = {}\n", one_line_string(text));
            let table: toml::Table = doc.parse().unwrap();
            assert_eq!(table["x"].as_str(), Some(text));
        }
    }
}
