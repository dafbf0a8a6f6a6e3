//! Any bytes as a course.toml: a title or diagnostics, never a panic; the
//! rendered diagnostics and the title are safe to print.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use terakoya_core::bundle::load_course_bytes;
use terakoya_fuzz::assert_printable;

fuzz_target!(|data: &[u8]| {
    let (title, diagnostics) = load_course_bytes(Path::new("course/course.toml"), data);
    for diagnostic in &diagnostics {
        assert_printable("diagnostic", &terakoya::cli::diagnostic::render_plain(diagnostic));
    }
    if let Some(title) = title {
        assert_printable("title", &title);
        assert!(!title.is_empty() && !title.contains('\n'), "{title:?}");
    }
});
