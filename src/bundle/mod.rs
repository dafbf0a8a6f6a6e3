//! Loading lesson bundles: TOML → model, with spanned diagnostics
//! (not yet implemented).

use std::path::PathBuf;

use crate::model::Library;

/// Where lessons come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LessonsSource {
    /// A lessons directory, a course directory or one lesson file.
    Path(PathBuf),
    /// The sample lessons compiled into the binary.
    Embedded,
}

/// What loading produced: every course that could be loaded, plus a
/// diagnostic for every problem. A bad file never hides the good ones.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub diagnostics: Vec<String>,
}
