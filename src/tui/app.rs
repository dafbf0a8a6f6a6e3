//! The reader's state: everything the view draws and update changes.

use std::collections::HashMap;
use std::sync::Arc;

use ratatui::layout::Rect;

use terakoya_core::model::{Lesson, Library};
use terakoya_core::progress::{Anchor, LessonKey, Progress};
use terakoya_core::text::layout::LessonLayout;
use terakoya_core::text::styled::RubyMode;

use super::keymap::Keymap;
use super::listing;
use super::position::ViewAnchor;
use super::review::{ReviewSettings, ReviewState};
use super::screen::LessonScreen;
use super::search::SearchState;
use super::style::Styles;
use terakoya_core::reading_time::LessonTime;

/// Every lesson's reading time, counted once (a long lesson takes a while).
fn reading_times(library: &Library) -> Vec<Vec<LessonTime>> {
    library
        .courses
        .iter()
        .map(|course| course.lessons.iter().map(LessonTime::new).collect())
        .collect()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    List,
    Lesson,
    /// The library's search results (see `results`).
    Results,
    Review,
    Stats,
}

/// Which pane of the lesson screen keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Focus {
    #[default]
    Content,
    Checklist,
}

/// A lesson by position in the library (positions are only valid for this
/// run; progress is keyed by ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonRef {
    pub course: usize,
    pub lesson: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListState {
    /// Index among the selectable rows (see [`listing::rows`]).
    pub selected: usize,
    /// First visible line of the list.
    pub top: usize,
}

/// The open lesson.
#[derive(Debug, Clone)]
pub struct LessonState {
    pub at: LessonRef,
    pub key: LessonKey,
    /// The lesson laid out for the current text width (`layout.width`),
    /// shared with the app's layout cache.
    pub layout: Arc<LessonLayout>,
    /// First visible line of the text.
    pub top: usize,
    /// Where the user is reading (moves only when they scroll); `top` is
    /// derived from it at each width.
    pub anchor: ViewAnchor,
    pub focus: Focus,
    /// The focused summary point.
    pub cursor: usize,
    /// First visible line of the checklist.
    pub checklist_top: usize,
    /// The position last handed to the store, so unchanged ones aren't saved.
    pub saved_anchor: Option<Anchor>,
    /// The screen's geometry for the current size and focus.
    pub screen: LessonScreen,
}

/// A status line message in two parts: the essential part, which must
/// survive a narrow screen, and details that are dropped first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub essential: String,
    pub detail: Option<String>,
}

impl Message {
    pub fn new(essential: impl Into<String>) -> Message {
        Message {
            essential: essential.into(),
            detail: None,
        }
    }

    pub fn with_detail(essential: impl Into<String>, detail: impl Into<String>) -> Message {
        Message {
            essential: essential.into(),
            detail: Some(detail.into()),
        }
    }

    /// The whole message, as repeated on stderr at exit.
    pub fn whole(&self) -> String {
        match &self.detail {
            Some(detail) => super::strings::with_detail(&self.essential, detail),
            None => self.essential.clone(),
        }
    }
}

impl From<&str> for Message {
    fn from(text: &str) -> Message {
        Message::new(text)
    }
}

impl From<String> for Message {
    fn from(text: String) -> Message {
        Message::new(text)
    }
}

/// A message in the status line. Information goes with the next key; a
/// warning (progress not saved, a bad progress file, lesson files with
/// errors) stays for [`Status::WARNING_KEYS`] keys, so it is not lost to
/// the first key pressed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub message: Message,
    pub warning: bool,
    /// Keys the message still stays for.
    pub keys_left: u8,
}

impl Status {
    pub const WARNING_KEYS: u8 = 8;

    pub fn info(message: impl Into<Message>) -> Option<Status> {
        Some(Status {
            message: message.into(),
            warning: false,
            keys_left: 0,
        })
    }

    pub fn warning(message: impl Into<Message>) -> Option<Status> {
        Some(Status {
            message: message.into(),
            warning: true,
            keys_left: Status::WARNING_KEYS,
        })
    }

    /// What remains of `status` after a key: a warning counts down.
    pub fn after_key(status: Option<Status>) -> Option<Status> {
        let mut status = status?;
        status.keys_left = status.keys_left.checked_sub(1)?;
        Some(status)
    }
}

#[derive(Debug, Clone)]
pub struct App {
    pub library: Library,
    pub progress: Progress,
    pub screen: Screen,
    pub list: ListState,
    pub lesson: Option<LessonState>,
    /// The help overlay's scroll offset, when it is open.
    pub help: Option<usize>,
    /// A message for the status line (see [`Status`]).
    pub status: Option<Status>,
    /// The first error in the lesson files since they were last reloaded
    /// (see `reload`): shown in the status line, when no other message is,
    /// until a reload finds none.
    pub problem: Option<Message>,
    /// The terminal's size.
    pub area: Rect,
    /// Seconds since the Unix epoch, set by the runtime before each message
    /// (update itself never reads the clock).
    pub now: u64,
    /// Layouts by lesson (course and lesson ids) and width; see
    /// `reading::layout_for`.
    pub layouts: HashMap<(LessonKey, u16, RubyMode), Arc<LessonLayout>>,
    /// How furigana is shown (the config file's `ruby`).
    pub ruby: RubyMode,
    /// The keys, as the config file remapped them (built once at startup).
    pub keymap: Keymap,
    /// The theme's styles for this terminal (see `style`).
    pub styles: Styles,
    /// The widest the lesson text gets, in display columns.
    pub reading_width: u16,
    /// Search, its results and the table of contents (see `search`).
    pub search: SearchState,
    /// Each lesson's reading time, by course and lesson position.
    pub times: Vec<Vec<LessonTime>>,
    /// The review session, when the review screen is open.
    pub review: Option<ReviewState>,
    /// Cards due by the end of today (the list's "Review: N due" row).
    pub review_due: usize,
    pub review_settings: ReviewSettings,
    /// The statistics screen's scroll offset.
    pub stats_top: usize,
    /// Whether web links are drawn as OSC 8 hyperlinks (see `view::hyperlink`).
    pub hyperlinks: bool,
}

impl App {
    pub fn new(library: Library, progress: Progress, width: u16, height: u16) -> App {
        let mut app = App {
            library,
            progress,
            screen: Screen::List,
            list: ListState::default(),
            lesson: None,
            help: None,
            status: None,
            problem: None,
            area: Rect::new(0, 0, width, height),
            now: 0,
            layouts: HashMap::new(),
            ruby: RubyMode::Inline,
            keymap: Keymap::default(),
            styles: Styles::default(),
            reading_width: crate::config::DEFAULT_READING_WIDTH,
            search: SearchState::default(),
            times: Vec::new(),
            review: None,
            review_due: 0,
            review_settings: ReviewSettings::default(),
            stats_top: 0,
            hyperlinks: false,
        };
        app.times = reading_times(&app.library);
        app.list.selected = listing::preselected(&app);
        app
    }

    pub fn time_of(&self, at: LessonRef) -> Option<&LessonTime> {
        self.times.get(at.course)?.get(at.lesson)
    }

    pub fn focus(&self) -> Focus {
        self.lesson.as_ref().map_or(Focus::Content, |l| l.focus)
    }

    pub fn lesson_at(&self, at: LessonRef) -> Option<&Lesson> {
        self.library
            .courses
            .get(at.course)
            .and_then(|c| c.lessons.get(at.lesson))
    }

    pub fn key_of(&self, at: LessonRef) -> Option<LessonKey> {
        let course = self.library.courses.get(at.course)?;
        let lesson = course.lessons.get(at.lesson)?;
        Some(LessonKey::new(&course.id, &lesson.id))
    }

    /// The open lesson and its model.
    pub fn open_lesson(&self) -> Option<(&LessonState, &Lesson)> {
        let state = self.lesson.as_ref()?;
        Some((state, self.lesson_at(state.at)?))
    }

    /// How many of `lesson`'s current points are ticked.
    pub fn ticked_count(&self, key: &LessonKey, lesson: &Lesson) -> usize {
        lesson
            .summary
            .iter()
            .filter(|p| self.progress.is_ticked(key, &p.id))
            .count()
    }

    /// How many of `lesson`'s current sections are read.
    pub fn read_count(&self, key: &LessonKey, lesson: &Lesson) -> usize {
        self.progress.lesson(key).map_or(0, |p| {
            lesson
                .sections
                .iter()
                .filter(|s| p.sections_read.contains(&s.id))
                .count()
        })
    }

    pub fn is_section_read(&self, key: &LessonKey, section_id: &str) -> bool {
        self.progress
            .lesson(key)
            .is_some_and(|p| p.sections_read.contains(section_id))
    }

    /// Complete: every point of a lesson that has points is ticked.
    pub fn is_complete(&self, key: &LessonKey, lesson: &Lesson) -> bool {
        !lesson.summary.is_empty() && self.ticked_count(key, lesson) == lesson.summary.len()
    }

    /// Computes the lesson screen's geometry again when the size or the
    /// focus changed since (see [`LessonScreen`]).
    pub fn refresh_screen(&mut self) {
        let area = self.area;
        let Some(state) = self.lesson.as_mut() else {
            return;
        };
        if state.screen.is_for(area, state.focus) {
            return;
        }
        let reading_width = self.reading_width;
        let lesson = self
            .library
            .courses
            .get(state.at.course)
            .and_then(|c| c.lessons.get(state.at.lesson));
        if let Some(lesson) = lesson {
            state.screen = LessonScreen::new(area, state.focus, lesson, reading_width, self.ruby);
        }
    }

    /// Whether the reading position has moved since it was last saved, so
    /// the runtime should wake up once scrolling settles to save it.
    pub fn position_pending(&self) -> bool {
        self.open_lesson().is_some_and(|(state, lesson)| {
            state.saved_anchor.as_ref() != Some(&super::position::anchor_at(state, lesson))
        })
    }
}
