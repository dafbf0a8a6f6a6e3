use proptest::collection::{btree_map, btree_set};
use proptest::prelude::*;

use super::*;
use crate::progress::history::Event;
use crate::review::Rating;

const SAMPLE: &str = r#"
version = 1
last_opened = "career/06"

[lessons."career/06"]
ticked = ["p1", "p2"]
sections_read = ["s1"]
last_opened = 2026-11-25T09:24:04Z
completed = 2026-11-25T18:30:00+09:00

[lessons."career/06".position]
section = "s2"
block = 3
offset = 120
"#;

fn key() -> LessonKey {
    LessonKey::new("career", "06")
}

#[test]
fn reads_every_field() {
    let doc = parse(SAMPLE).unwrap();
    assert_eq!(doc.version, 1);
    assert_eq!(doc.progress.last_opened, Some(key()));
    let lesson = &doc.progress.lessons[&key()];
    assert_eq!(lesson.ticked, ["p1", "p2"].map(String::from).into());
    assert_eq!(lesson.sections_read, ["s1".to_owned()].into());
    assert_eq!(lesson.last_opened, Some(1_795_598_644));
    assert_eq!(lesson.completed, Some(1_795_599_000));
    assert_eq!(
        lesson.position,
        Some(Anchor {
            section: Some("s2".into()),
            block: 3,
            offset: 120
        })
    );
    assert_eq!(doc.extras, Extras::default());
}

#[test]
fn writes_what_it_reads() {
    let doc = parse(SAMPLE).unwrap();
    let text = to_text(&doc).unwrap();
    assert!(text.starts_with("# terakoya"), "{text}");
    assert!(
        text.contains("last_opened = 2026-11-25T09:24:04Z"),
        "{text}"
    );
    assert!(text.contains("completed = 2026-11-25T09:30:00Z"), "{text}");
    assert!(text.contains("[lessons.\"career/06\"]"), "{text}");
    let again = parse(&text).unwrap();
    assert_eq!(again.version, VERSION);
    assert_eq!(again.progress, doc.progress);
    assert_eq!(parse(&to_text(&again).unwrap()).unwrap(), again);
}

#[test]
fn a_version_1_file_migrates_with_nothing_lost() {
    let old = parse(SAMPLE).unwrap();
    assert_eq!(old.version, 1);
    let lesson = &old.progress.lessons[&key()];
    // Ticks, sections, position, times: all still there.
    assert_eq!(lesson.ticked, ["p1", "p2"].map(String::from).into());
    assert_eq!(lesson.sections_read, ["s1"].map(String::from).into());
    assert_eq!(lesson.position.as_ref().unwrap().block, 3);
    assert_eq!(lesson.completed, Some(1_795_599_000));
    // Each tick is logged at the lesson's last opening.
    for point in ["p1", "p2"] {
        assert_eq!(lesson.ticked_at(point), Some(1_795_598_644));
    }
    let text = to_text(&old).unwrap();
    assert!(text.contains("\nversion = 2\n"), "{text}");
    assert!(
        text.contains("p1 = [\"2026-11-25T09:24:04Z tick\"]"),
        "{text}"
    );
    assert_eq!(parse(&text).unwrap().progress, old.progress);

    // Without any time in the lesson, the ticks stay, without a time.
    let timeless = parse("version = 1\n[lessons.\"c/l\"]\nticked = [\"p\"]\n").unwrap();
    let lesson = &timeless.progress.lessons[&LessonKey::new("c", "l")];
    assert!(lesson.ticked.contains("p"));
    assert!(lesson.log.is_empty());
}

#[test]
fn logs_and_read_times_are_written_and_read() {
    let text = "version = 2\n[lessons.\"c/l\"]\nticked = []\nsections_read = [\"s\"]\n\
                read_at = { s = 2026-11-25T09:24:04Z }\n\
                [lessons.\"c/l\".log]\n\
                p = [\"2026-11-25T09:24:04Z tick\", \"2026-11-28T09:00:00Z hard\", \"2026-12-01T09:00:00Z untick\"]\n";
    let doc = parse(text).unwrap();
    let lesson = &doc.progress.lessons[&LessonKey::new("c", "l")];
    assert_eq!(lesson.read_at["s"], 1_795_598_644);
    assert_eq!(history::reviews(&lesson.log["p"])[0].rating, Rating::Hard);
    assert!(lesson.ticked.is_empty());
    // The log decides over a `ticked` list that disagrees.
    let disagreeing = text.replace("ticked = []", "ticked = [\"p\"]");
    assert_eq!(parse(&disagreeing).unwrap(), doc);
    let bad = text.replace("hard", "superb");
    let err = parse(&bad).unwrap_err().to_string();
    assert!(err.contains("log"), "{err}");
}

#[test]
fn an_empty_document_round_trips() {
    let text = to_text(&Document::new()).unwrap();
    assert_eq!(parse(&text).unwrap(), Document::new());
}

#[test]
fn unknown_fields_are_kept() {
    let text = format!(
        "{SAMPLE}\n[lessons.\"career/06\".notes]\nmine = \"keep me\"\n\n[lessons.\"career/07\"]\nstars = 5\n"
    );
    let text = format!("theme = \"dark\"\n{text}");
    let doc = parse(&text).unwrap();
    assert_eq!(doc.extras.top["theme"].as_str(), Some("dark"));
    assert!(doc.extras.lessons[&key()].contains_key("notes"));
    let again = parse(&to_text(&doc).unwrap()).unwrap();
    assert_eq!(again.progress, doc.progress);
    assert_eq!(again.extras, doc.extras);
    assert_eq!(
        again.extras.lessons[&LessonKey::new("career", "07")]["stars"].as_integer(),
        Some(5)
    );
}

#[test]
fn a_newer_version_is_read_as_far_as_known() {
    let doc = parse(&SAMPLE.replace("version = 1", "version = 3")).unwrap();
    assert!(doc.is_newer());
    assert!(doc.progress.is_ticked(&key(), "p1"));

    // A newer file in a shape this build does not know is not an error.
    let doc = parse("version = 7\nlessons = [1, 2]\n").unwrap();
    assert_eq!(doc.version, 7);
    assert_eq!(doc.progress, Progress::default());
}

#[test]
fn bad_files_are_refused_with_a_reason() {
    let field = |field: &str, expected| {
        FormatError::Shape(Shape::Field {
            field: field.to_owned(),
            expected,
        })
    };
    let cases: [(&str, FormatError); 6] = [
        ("lessons = {}\n", FormatError::Shape(Shape::NoVersion)),
        (
            "version = \"1\"\n",
            FormatError::Shape(Shape::BadVersion {
                found: "\"1\"".into(),
            }),
        ),
        (
            "version = 0\n",
            FormatError::Shape(Shape::BadVersion { found: "0".into() }),
        ),
        (
            "version = 1\nlessons = [1]\n",
            field("lessons", Expected::Table),
        ),
        (
            "version = 1\nlast_opened = \"nokey\"\n",
            field("last_opened", Expected::LessonKey),
        ),
        (
            "version = 1\n[lessons.\"c/l\"]\nlast_opened = 2026-11-25\n",
            field("lessons.\"c/l\".last_opened", Expected::DateTime),
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(parse(text), Err(expected), "{text:?}");
    }
    // toml's own words, on one line.
    for text in ["\u{0}\u{1}garbage", &SAMPLE[..SAMPLE.len() - 20]] {
        let Err(FormatError::Syntax(message)) = parse(text) else {
            panic!("{text:?} parsed");
        };
        assert!(!message.is_empty() && !message.contains('\n'), "{message}");
    }
    let Err(FormatError::Shape(Shape::Lesson { name, message })) =
        parse("version = 1\n[lessons.\"c/l\"]\nticked = \"p1\"\n")
    else {
        panic!("a string of ticks parsed");
    };
    assert_eq!(name, "\"c/l\"");
    assert!(!message.contains('\n'), "{message}");
}

#[test]
fn syntax_errors_name_the_line() {
    let Err(FormatError::Syntax(err)) = parse("version = 1\nlessons = {\n") else {
        panic!("parsed");
    };
    assert!(err.contains("line 2"), "{err}");
}

#[test]
fn merge_adds_missing_unknown_fields_and_unites_progress() {
    let mut ours = parse(SAMPLE).unwrap();
    let theirs =
        parse("version = 1\ntheme = \"x\"\n[lessons.\"career/06\"]\nticked = [\"p9\"]\nnote = 1\n")
            .unwrap();
    ours.merge(&theirs);
    assert!(ours.progress.is_ticked(&key(), "p9"));
    assert!(ours.progress.is_ticked(&key(), "p1"));
    assert!(ours.extras.top.contains_key("theme"));
    assert!(ours.extras.lessons[&key()].contains_key("note"));
}

#[test]
fn removing_a_lesson_clears_the_resume_point() {
    let mut doc = parse(SAMPLE).unwrap();
    doc.remove_lesson(&key());
    assert!(doc.progress.lessons.is_empty());
    assert_eq!(doc.progress.last_opened, None);
}

fn any_lesson() -> impl Strategy<Value = LessonProgress> {
    let id = "\\PC{0,12}";
    let time = proptest::option::of(0u64..=253_402_300_799);
    let anchor = proptest::option::of((proptest::option::of(id), any::<u32>(), any::<u32>()));
    let event = (0u64..=253_402_300_799, 0u32..6).prop_map(|(at, kind)| match kind {
        0 => Event::tick(at, false),
        1 => Event::tick(at, true),
        n => Event::review(at, Rating::from_number(n - 1).unwrap()),
    });
    (
        (btree_set(id, 0..4), btree_set(id, 0..4)),
        anchor,
        time.clone(),
        time,
        btree_map(id, 0u64..=253_402_300_799, 0..3),
        btree_map(id, btree_set(event, 1..4), 0..3),
    )
        .prop_map(
            |((ticked, sections_read), anchor, last_opened, completed, read_at, log)| {
                let mut lesson = LessonProgress {
                    ticked,
                    sections_read,
                    read_at,
                    log,
                    position: anchor.map(|(section, block, offset)| Anchor {
                        section,
                        block,
                        offset,
                    }),
                    last_opened,
                    completed,
                };
                lesson.normalize();
                lesson
            },
        )
}

fn any_key() -> impl Strategy<Value = LessonKey> {
    ("[^/]{0,8}", "\\PC{0,8}").prop_map(|(c, l)| LessonKey::new(c, l))
}

proptest! {
    /// Whatever the store writes, it reads back the same: ids with quotes,
    /// backslashes, Japanese, slashes in lesson ids, empty ids, any time.
    #[test]
    fn every_document_round_trips(
        lessons in btree_map(any_key(), any_lesson(), 0..4),
        last in proptest::option::of(any_key()),
    ) {
        let doc = Document {
            version: VERSION,
            ids: IDS,
            progress: Progress {
                lessons: lessons.into_iter().map(|(k, l)| (k, l.into())).collect(),
                last_opened: last,
            },
            extras: Extras::default(),
        };
        let text = to_text(&doc).unwrap();
        prop_assert_eq!(&parse(&text).unwrap(), &doc, "{}", text);
        // The direct writer writes exactly what toml's serialiser writes.
        prop_assert_eq!(body(&doc).unwrap(), body_through_toml(&doc).unwrap());
    }
}

#[test]
fn the_id_derivation_is_recorded_and_old_files_read_as_the_first() {
    let old = parse("version = 1\n[lessons.\"c/l\"]\nticked = [\"p-4fd0bfc1\"]\n").unwrap();
    assert_eq!(old.ids, 1);
    let text = to_text(&old).unwrap();
    assert!(text.contains("\nversion = 2\nids = 1\n"), "{text}");
    // A file keyed by a later derivation is never relabelled as this one.
    let later = parse("version = 1\nids = 2\n").unwrap();
    assert_eq!(later.ids, 2);
    assert!(to_text(&later).unwrap().contains("\nids = 2\n"));
    assert!(parse("version = 1\nids = \"one\"\n").is_err());
}

#[test]
fn the_direct_writer_writes_what_toml_writes() {
    let mut doc = parse(SAMPLE).unwrap();
    let odd = LessonKey::new("a b", "x\"y'z\\ 日本\u{7f}");
    let lesson = LessonProgress {
        ticked: ["", "'", "\"\n"].map(String::from).into(),
        read_at: [("節 1".to_owned(), 0), ("a.b".to_owned(), 253_402_300_799)].into(),
        position: Some(Anchor::default()),
        ..LessonProgress::default()
    };
    doc.progress.lessons.insert(odd.clone(), lesson.into());
    doc.progress.last_opened = Some(odd);
    for doc in [
        doc,
        Document::new(),
        Document {
            ids: 3,
            ..Document::new()
        },
    ] {
        let direct = body(&doc).unwrap();
        assert_eq!(direct, body_through_toml(&doc).unwrap());
        assert_eq!(parse(&direct).unwrap().progress, doc.progress, "{direct}");
    }
}
