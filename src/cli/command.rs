//! Commands suggested in messages ("run `terakoya check`"), spelled so that
//! running them as printed looks at the same lessons; and where lessons
//! come from when `-L` is not given (command-line policy, so here).

use std::path::{Path, PathBuf};

use terakoya_core::bundle::LessonsSource;

/// Where to read lessons from: the `--lessons` path when given; else
/// `./lessons` when it exists; else the embedded samples.
pub fn resolve(cli_lessons: Option<&Path>) -> LessonsSource {
    match cli_lessons {
        Some(path) => LessonsSource::Path(path.to_owned()),
        None if Path::new("lessons").is_dir() => LessonsSource::Path(PathBuf::from("lessons")),
        None => LessonsSource::Embedded,
    }
}

/// `terakoya check`, with `-L PATH` when the lessons were given by path
/// (shell-quoted when needed): what to run to see load problems in context.
pub fn check_command(lessons: Option<&Path>) -> String {
    command(lessons, "check")
}

/// `terakoya SUBCOMMAND`, with `-L PATH` when the lessons were given by path.
pub fn command(lessons: Option<&Path>, subcommand: &str) -> String {
    match lessons {
        Some(path) => format!(
            "terakoya -L {} {subcommand}",
            shell_quote(&path.to_string_lossy())
        ),
        None => format!("terakoya {subcommand}"),
    }
}

/// `word` as one POSIX shell word: unchanged when it holds only characters
/// no shell treats specially, else in single quotes.
pub fn shell_quote(word: &str) -> String {
    let plain = |c: char| c.is_alphanumeric() || "_-./:@%+=,".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        return word.to_owned();
    }
    format!("'{}'", word.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lessons_path_is_kept_and_quoted_when_needed() {
        assert_eq!(check_command(None), "terakoya check");
        assert_eq!(
            check_command(Some(Path::new("/tmp/qa-les"))),
            "terakoya -L /tmp/qa-les check"
        );
        assert_eq!(
            check_command(Some(Path::new("講座/第1回"))),
            "terakoya -L 講座/第1回 check"
        );
        assert_eq!(
            check_command(Some(Path::new("my lessons"))),
            "terakoya -L 'my lessons' check"
        );
        assert_eq!(
            command(Some(Path::new("a b")), "list"),
            "terakoya -L 'a b' list"
        );
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
        assert_eq!(shell_quote("$HOME"), "'$HOME'");
        assert_eq!(shell_quote(""), "''");
    }
}
