//! The sample lessons compiled into the binary, so terakoya works from any
//! directory. A unit test checks that every file under `lessons/` is here.

/// Shown as the directory of the built-in lessons in messages.
pub const ROOT: &str = "<built-in>";

/// Each sample file: its path under `lessons/` and its text.
pub const FILES: &[(&str, &str)] = &[
    (
        "career/course.toml",
        include_str!("../../../../lessons/career/course.toml"),
    ),
    (
        "career/06-sns.toml",
        include_str!("../../../../lessons/career/06-sns.toml"),
    ),
    (
        "career/07-keep-learning.toml",
        include_str!("../../../../lessons/career/07-keep-learning.toml"),
    ),
    (
        "career/08-handoff.toml",
        include_str!("../../../../lessons/career/08-handoff.toml"),
    ),
    (
        "basics/course.toml",
        include_str!("../../../../lessons/basics/course.toml"),
    ),
    (
        "basics/01-getting-around.toml",
        include_str!("../../../../lessons/basics/01-getting-around.toml"),
    ),
    (
        "basics/02-format-2.toml",
        include_str!("../../../../lessons/basics/02-format-2.toml"),
    ),
];

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;

    fn files_under(dir: &Path, root: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                files_under(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let relative = path.strip_prefix(root).unwrap();
                let name = relative.to_string_lossy().replace('\\', "/");
                out.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }

    #[test]
    fn every_sample_lesson_is_embedded() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../lessons");
        let mut on_disk = Vec::new();
        files_under(&root, &root, &mut on_disk);
        on_disk.sort();
        let mut embedded: Vec<(String, String)> = FILES
            .iter()
            .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
            .collect();
        embedded.sort();
        assert_eq!(
            on_disk.iter().map(|f| &f.0).collect::<Vec<_>>(),
            embedded.iter().map(|f| &f.0).collect::<Vec<_>>(),
            "add new sample files to bundle::embedded::FILES"
        );
        assert_eq!(on_disk, embedded);
    }
}
