//! Lesson ids (file stems) for new and imported lessons, when the author
//! gives none. The rule (docs/authoring.md):
//!
//! 1. A Latin title (no letters outside ASCII) gives its ASCII slug:
//!    lower case, every run of other characters one `-`, at most
//!    [`SLUG_MAX_CHARS`] characters: `Sleep & Night Shifts` → `sleep-night-shifts`.
//! 2. Otherwise (a Japanese title) the imported file's own name, by the
//!    same rule when it is Latin: `sns-article.html` → `sns-article`.
//! 3. Otherwise `lesson-N`, N the smallest number not taken.
//!
//! An id already taken gets `-2`, `-3`, … appended.

/// The longest slug made from a title, in characters.
pub const SLUG_MAX_CHARS: usize = 60;
/// The longest id terakoya accepts, in characters (as the core's rule).
pub const MAX_ID_CHARS: usize = 100;

/// The ASCII slug of a Latin text; `None` for a text with non-ASCII
/// letters (Japanese) or without letters or digits.
pub fn slug(text: &str) -> Option<String> {
    if text.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) {
        return None;
    }
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    if out.len() > SLUG_MAX_CHARS {
        out.truncate(SLUG_MAX_CHARS);
        if let Some(cut) = out.rfind('-').filter(|&at| at > SLUG_MAX_CHARS / 2) {
            out.truncate(cut);
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    (!out.is_empty()).then_some(out)
}

/// A lesson id by the rule above. `taken` says whether a slug is in use;
/// `number_taken` whether a `lesson-N` is (a caller that replaces files
/// on request passes a stricter test here, so that an article with no
/// Latin name never replaces another lesson).
pub fn lesson_id(
    title: &str,
    file_stem: Option<&str>,
    taken: impl Fn(&str) -> bool,
    number_taken: impl Fn(&str) -> bool,
) -> String {
    let base = slug(title).or_else(|| file_stem.and_then(slug));
    match base {
        Some(base) => (1..)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .find(|id| !taken(id))
            .unwrap_or(base),
        None => (1..)
            .map(|n| format!("lesson-{n}"))
            .find(|id| !number_taken(id))
            .unwrap_or_else(|| "lesson".to_owned()),
    }
}

/// Why a given id (a file stem) cannot be a lesson id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TooLong,
    Slash,
    Space,
    Dot,
}

/// The core's rule for ids, plus: no leading `.` (such files are skipped
/// when a bundle is scanned).
pub fn id_problem(id: &str) -> Option<IdProblem> {
    if id.is_empty() {
        Some(IdProblem::Empty)
    } else if id.chars().count() > MAX_ID_CHARS {
        Some(IdProblem::TooLong)
    } else if id.contains(['/', '\\']) {
        Some(IdProblem::Slash)
    } else if id.chars().any(|c| {
        c.is_whitespace() || c.is_control() || terakoya_core::text::sanitize::is_bidi_control(c)
    }) {
        Some(IdProblem::Space)
    } else if id.starts_with('.') {
        Some(IdProblem::Dot)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_titles_give_slugs_and_japanese_titles_do_not() {
        assert_eq!(
            slug("Sleep & Night Shifts").as_deref(),
            Some("sleep-night-shifts")
        );
        assert_eq!(
            slug("  SNS 101: Before you post!  ").as_deref(),
            Some("sns-101-before-you-post")
        );
        assert_eq!(slug("医師とSNS"), None);
        assert_eq!(slug("Café"), None);
        assert_eq!(slug("!!!"), None);
        let long = "word ".repeat(30);
        let cut = slug(&long).unwrap();
        assert!(cut.len() <= SLUG_MAX_CHARS && !cut.ends_with('-'), "{cut}");
    }

    #[test]
    fn lesson_ids_fall_back_to_the_file_name_then_to_a_number() {
        let none = |_: &str| false;
        assert_eq!(
            lesson_id("Night Shifts", Some("x"), none, none),
            "night-shifts"
        );
        assert_eq!(
            lesson_id("医師とSNS", Some("sns-article"), none, none),
            "sns-article"
        );
        assert_eq!(
            lesson_id("医師とSNS", Some("保存したページ"), none, none),
            "lesson-1"
        );
        let taken = |id: &str| ["lesson-1", "lesson-2", "night-shifts"].contains(&id);
        assert_eq!(lesson_id("医師とSNS", None, taken, taken), "lesson-3");
        assert_eq!(
            lesson_id("Night shifts", None, taken, taken),
            "night-shifts-2"
        );
    }

    #[test]
    fn bad_ids_are_named() {
        assert_eq!(id_problem("06-sns"), None);
        assert_eq!(id_problem("第6回"), None);
        assert_eq!(id_problem(""), Some(IdProblem::Empty));
        assert_eq!(id_problem("a b"), Some(IdProblem::Space));
        assert_eq!(id_problem(".hidden"), Some(IdProblem::Dot));
        assert_eq!(id_problem(&"x".repeat(101)), Some(IdProblem::TooLong));
    }
}
