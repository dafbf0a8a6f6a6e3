//! Editing a course's `course.toml` after a lesson was added: when the
//! course lists its lessons (`lessons = [...]`), the new id goes at the end
//! of the list, so that `check` does not warn that the lesson is not
//! listed. The rest of the file (comments, spacing, the list's own layout)
//! stays as the author wrote it.

use toml_edit::{DocumentMut, Item, Value};

/// What adding a lesson id to a course file's list came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListEdit {
    /// The file's new text.
    Added(String),
    /// The id is listed already.
    AlreadyListed,
    /// The file has no `lessons` list: lessons are read in file-name order.
    NoList,
    /// The file could not be edited: it is not valid TOML, or `lessons` is
    /// not a list of strings.
    NotEditable(NotEditable),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotEditable {
    InvalidToml,
    NotAList,
}

/// `text` (a course.toml) with `id` appended to its `lessons` list.
pub fn add_lesson(text: &str, id: &str) -> ListEdit {
    let Ok(mut doc) = text.parse::<DocumentMut>() else {
        return ListEdit::NotEditable(NotEditable::InvalidToml);
    };
    let Some(item) = doc.get_mut("lessons") else {
        return ListEdit::NoList;
    };
    let Some(list) = item_array(item) else {
        return ListEdit::NotEditable(NotEditable::NotAList);
    };
    if list.iter().any(|value| value.as_str() == Some(id)) {
        return ListEdit::AlreadyListed;
    }
    let mut value = Value::from(id);
    if let Some(last) = list.iter_mut().last() {
        let prefix = last
            .decor()
            .prefix()
            .and_then(|p| p.as_str())
            .unwrap_or(" ");
        // One entry a line: the new one on a line of its own, indented alike.
        let prefix = if prefix.contains('\n') { prefix } else { " " }.to_owned();
        // Whatever followed the last entry (the newline before `]` when
        // there is no trailing comma) now follows the new one.
        let suffix = last
            .decor()
            .suffix()
            .and_then(|s| s.as_str())
            .unwrap_or("")
            .to_owned();
        last.decor_mut().set_suffix("");
        value = value.decorated(prefix, suffix);
    }
    list.push_formatted(value);
    ListEdit::Added(doc.to_string())
}

fn item_array(item: &mut Item) -> Option<&mut toml_edit::Array> {
    if !item.as_array()?.iter().all(Value::is_str) {
        return None;
    }
    item.as_array_mut()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn added(text: &str, id: &str) -> String {
        match add_lesson(text, id) {
            ListEdit::Added(text) => text,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_one_line_list_gets_the_id_at_its_end() {
        let text = "# 講座\ntitle = \"講座\"  # 題名\nlessons = [\"01-a\", \"02-b\"]\n";
        assert_eq!(
            added(text, "03-c"),
            "# 講座\ntitle = \"講座\"  # 題名\nlessons = [\"01-a\", \"02-b\", \"03-c\"]\n"
        );
        assert_eq!(added("lessons = []\n", "01-a"), "lessons = [\"01-a\"]\n");
    }

    #[test]
    fn a_list_of_one_id_a_line_keeps_its_layout() {
        let text = "lessons = [\n    \"01-a\",\n    \"02-b\",\n]\ntitle = \"t\"\n";
        assert_eq!(
            added(text, "03-c"),
            "lessons = [\n    \"01-a\",\n    \"02-b\",\n    \"03-c\",\n]\ntitle = \"t\"\n"
        );
        let no_comma = "lessons = [\n  \"01-a\",\n  \"02-b\"\n]\n";
        assert_eq!(
            added(no_comma, "03-c"),
            "lessons = [\n  \"01-a\",\n  \"02-b\",\n  \"03-c\"\n]\n"
        );
    }

    #[test]
    fn nothing_to_do_or_nothing_that_can_be_done() {
        assert_eq!(add_lesson("title = \"t\"\n", "a"), ListEdit::NoList);
        assert_eq!(
            add_lesson("# lessons = [\"a\"]\ntitle = \"t\"\n", "a"),
            ListEdit::NoList
        );
        assert_eq!(
            add_lesson("lessons = [\"a\", \"b\"]\n", "a"),
            ListEdit::AlreadyListed
        );
        assert_eq!(
            add_lesson("lessons = \"a\"\n", "b"),
            ListEdit::NotEditable(NotEditable::NotAList)
        );
        assert_eq!(
            add_lesson("lessons = [\n", "b"),
            ListEdit::NotEditable(NotEditable::InvalidToml)
        );
    }
}
