//! What a diagnostic says, as data: one variant per kind of problem, with
//! everything the front end needs to word it (and its fix) in the user's
//! language. The core builds no sentence; `terakoya`'s `cli::diagnostic`
//! words every kind in one place.

use std::path::PathBuf;

/// One kind of problem found while loading, with its data. Ids and keys
/// quoted from a file are cut to 40 characters (see `shorten`) where a
/// hostile file could make them megabytes long.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiagnosticKind {
    // Reading the lessons path, directories and files.
    /// The lessons path itself cannot be read; `error` is the OS's text.
    CannotRead {
        error: String,
    },
    /// The lessons path is neither a regular file nor a directory (a
    /// device, a FIFO, a socket).
    NotFileOrDirectory,
    CannotReadFile {
        error: String,
    },
    CannotReadDirectory {
        error: String,
    },
    /// A FIFO, a device or a socket where a lesson file was expected.
    NotARegularFile,
    TooBig {
        max_megabytes: u64,
    },
    /// The file holds a NUL byte.
    Binary,
    NotUtf8 {
        byte: u8,
        byte_offset: usize,
        encoding_guess: Option<Encoding>,
    },
    NoCourses,
    /// A TOML file in a directory without course.toml.
    NotInCourse {
        dir: PathBuf,
    },
    BadCourseDirectoryName {
        name: String,
        problem: IdProblem,
    },
    DirectoryTooDeep {
        max_depth: usize,
    },
    TooManyDirectories {
        max: usize,
    },
    SymlinkLoop,

    // TOML syntax.
    NestedTooDeeply {
        max: usize,
    },
    /// A syntax error; `message` is toml's own text.
    InvalidToml {
        message: String,
    },
    /// A multi-line string that runs to the end of the file (or far past
    /// where it seems to end), swallowing keys and table headers; located
    /// where it opens.
    UnclosedString {
        runs_to_line: usize,
        /// The delimiter, three double or three single quotes.
        quotes: &'static str,
    },
    /// A character TOML does not accept where it expects `expected`, e.g. a
    /// full-width `＝` for `=`, U+3000 for a space, `“` for `"`.
    LookAlikeCharacter {
        found: char,
        expected: char,
    },
    /// More problems than a file keeps.
    MoreProblems {
        count: usize,
    },

    // The shape of a file.
    UnknownKey {
        key: String,
        place: Place,
        suggestion: Option<&'static str>,
        allowed: &'static [&'static str],
    },
    MissingKey {
        key: &'static str,
        place: Place,
    },
    WrongType {
        key: String,
        expected: Expected,
        found: TomlType,
    },
    /// A summary point's `sections` names a section the lesson lacks.
    UnknownSectionRef {
        id: String,
        suggestion: Option<String>,
    },
    /// An entry of an array of tables (`[[key]]`) that is not a table.
    EntryNotTable {
        key: String,
        found: TomlType,
    },
    EmptyField {
        key: &'static str,
    },
    /// A title made only of invisible characters (a zero-width space).
    InvisibleField {
        key: &'static str,
    },
    NoSections,

    // Characters never intended (warnings).
    /// A tab inside one-line text; the reader shows it as a space.
    TabInLine {
        key: &'static str,
    },
    /// A line starting with a bullet pasted from a web page (`•` followed
    /// by a no-break space): not a list item in the format.
    PastedBullet {
        bullet: char,
    },
    /// A heading starting with a mark (`■`, `●`): the reader draws
    /// headings itself.
    DecoratedHeading {
        mark: char,
    },
    /// A section that is a summary (heading まとめ, Summary, ポイント with a
    /// list body) in a lesson without `[[summary]]`.
    SummaryAsSection {
        heading: String,
    },

    // Format-2 text (CommonMark).
    /// A `#` heading inside a text field (an error): sections are
    /// `[[sections]]` entries.
    HeadingInText,
    /// A link whose URL is empty or not http, https or mailto (a warning):
    /// the reader shows its text only.
    LinkNotWeb {
        url: String,
    },
    /// Ruby (`漢字《》`) with an empty reading (a warning).
    EmptyRubyReading,
    /// A table row with more or fewer cells than the header (a warning).
    RaggedTableRow {
        header: usize,
        found: usize,
    },

    // Ids.
    BadLessonId {
        id: String,
        problem: IdProblem,
    },
    BadFileStem {
        stem: String,
        problem: IdProblem,
    },
    BadEntryId {
        entry: Entry,
        id: String,
        problem: IdProblem,
    },
    DuplicateEntryId {
        entry: Entry,
        id: String,
        first_line: usize,
        /// Whether both ids were derived from the same text (else the ids
        /// are equal by being given so, or by a collision of hashes).
        same_text: bool,
        fix: DuplicateFix,
    },

    // course.toml and the course as a whole.
    NewerFormat {
        found: i64,
        supported: i64,
    },
    BadFormat {
        supported: i64,
    },
    LessonsNotArray {
        found: TomlType,
    },
    LessonsEntryNotString {
        found: TomlType,
    },
    TooManyListed {
        max: usize,
    },
    DuplicateLessonId {
        id: String,
        /// The file that claimed the id first.
        first: PathBuf,
        /// This file.
        this: PathBuf,
    },
    /// Two lesson ids that differ only in look-alike characters (equal
    /// after NFKC normalisation, e.g. `ｶﾞ` and `ガ`).
    LookAlikeLessonIds {
        id: String,
        other_id: String,
        first: PathBuf,
        this: PathBuf,
    },
    ListedTwice {
        id: String,
    },
    NoSuchLesson {
        id: String,
        hint: MissingLesson,
    },
    NotListed {
        id: String,
    },
    DuplicateCourseId {
        id: String,
        other: PathBuf,
    },
}

/// Where a key was looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Lesson,
    CourseFile,
    Lecturer,
    Sections,
    Summary,
}

/// The type a key should have had.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    String,
    Table,
    ArrayOfTables,
    /// An array of strings (a summary point's `sections`).
    ArrayOfStrings,
}

/// The TOML type of a value found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TomlType {
    String,
    Integer,
    Float,
    Boolean,
    Datetime,
    Array,
    Table,
}

/// A non-UTF-8 file's likely encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf16,
    /// Not text at all.
    Binary,
    EucJp,
    ShiftJis,
}

/// Why an id (explicit, a file stem or a directory name) cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TooLong {
        max: usize,
    },
    Slash,
    SpaceOrControl,
    Bidi,
    /// A zero-width or other invisible character (U+200B, a joiner, …).
    Invisible,
    /// Only dots (`.`, `..`): a path component, not a name.
    OnlyDots,
}

/// A list entry that has an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    Section,
    SummaryPoint,
}

/// How to fix a duplicate section or summary point id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateFix {
    /// Both ids are explicit: one must change.
    RenameOne,
    /// One id is derived: give one of them an explicit id.
    GiveExplicitId,
}

/// What to tell about a lesson listed in course.toml that is not there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MissingLesson {
    /// A lesson id close to it.
    DidYouMean(String),
    /// The course has no lesson files at all.
    NoLessonFiles,
    /// The lesson ids there are (each once).
    Available(Vec<String>),
    /// A file with that name exists but failed to load: its first error.
    FailedToLoad { file: PathBuf, line: Option<usize> },
}
