//! Every integration test, in one binary (as helix and bottom do): one link
//! step instead of one per file, and shared helpers compiled once.
// Test programs may cast freely; a child process of progress_store reports
// on stdout.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::cast_possible_truncation,
    clippy::print_stdout
)]

mod hostile_support;
mod import_support;
mod pty_support;
mod reader_support;
mod support;
mod text_check;

mod check_authors;
mod check_edge;
mod check_format_doc;
mod check_invalid;
mod check_props;
mod check_samples;
mod cli_options;
mod config_files;
mod course_list;
mod hostile_cli;
mod hostile_fs;
mod hostile_props;
mod hostile_pty;
mod import_cli;
mod import_roundtrip;
mod lang_cli;
mod new_cmd;
mod progress_cli;
mod progress_golden;
mod progress_hostile;
mod progress_reset_pty;
mod progress_store;
mod pty_reader;
mod pty_search;
mod reader_cli;
mod reader_clicks;
mod reader_format2;
mod reader_props;
mod reader_sections;
mod reader_snapshots;
mod reader_snapshots_ja;
mod review_pty;
mod review_stats_snapshots;
mod search_cli;
mod search_snapshots;
mod shell_help;
mod show;
mod show_format2;
mod show_tty;
mod sync;
mod text_props;
mod text_render;
mod text_separators;
mod watch_live;
