//! The command line: clap types and dispatch. I/O happens here and in the
//! reader's event loop, nowhere else.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

use crate::i18n::{self, Lang};

mod check;
pub mod command;
pub mod config;
mod config_words;
pub mod diagnostic;
pub mod echo;
mod import;
mod list;
mod new;
pub mod output;
mod progress;
mod review;
mod search;
mod shell_help;
pub mod show;
mod table;

/// Exit status for runs that found errors in the input (`check`) or failed.
pub const EXIT_FAILURE: u8 = 1;
/// Exit status for usage errors (as clap uses).
pub const EXIT_USAGE: u8 = 2;

#[derive(Debug, Parser)]
#[command(name = "terakoya", version, about = "A terminal course reader", long_about = None)]
pub struct Cli {
    /// Lessons to read: a directory of courses, a course, or one lesson file
    /// [default: ./lessons if it exists, else the built-in samples]
    #[arg(short = 'L', long, global = true, value_name = "PATH")]
    pub lessons: Option<PathBuf>,

    /// Where progress is kept [default: $TERAKOYA_DATA_DIR if set and not
    /// empty, else the platform data directory, e.g. ~/.local/share/terakoya]
    // Not global: only the commands that use progress (the reader, `show`,
    // `progress`) offer it. After `Cli::resolve_data_dir` it holds the
    // subcommand's value, else this one, else the environment's.
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// The config file [default: $TERAKOYA_CONFIG if set and not empty,
    /// else config.toml in the platform config directory, e.g.
    /// ~/.config/terakoya/config.toml]; see docs/config.md
    #[arg(long, global = true, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// The interface language [default: from LC_ALL, LC_MESSAGES or LANG:
    /// Japanese when it starts with `ja`, else English]
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<LangArg>,
    /// Sync progress through DIR (a folder Syncthing, Dropbox or a network
    /// drive shares): this machine writes DIR/<machine>.toml and merges the
    /// others' files [default: $TERAKOYA_SYNC_DIR, else the config's
    /// sync_dir; none: no sync]
    #[arg(long, global = true, value_name = "DIR")]
    pub sync_dir: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The languages `--lang` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LangArg {
    /// 日本語
    Ja,
    /// English
    En,
}

impl From<LangArg> for Lang {
    fn from(arg: LangArg) -> Lang {
        match arg {
            LangArg::Ja => Lang::Ja,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check lesson files and print every problem found (exit 1 on errors)
    Check {
        /// Check again after every change to the lesson files, until Ctrl-C
        #[arg(long)]
        watch: bool,
    },
    /// List courses and lessons; problems in lesson files go to stderr and
    /// the exit status is 1 when there were errors (the good lessons are
    /// listed all the same)
    List {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Print a lesson as plain text
    Show {
        /// COURSE/LESSON, or LESSON alone when only one course has it
        lesson: String,
        /// Wrap to this many columns [default: the terminal's width, or 80]
        #[arg(short, long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        width: Option<u16>,
        /// How furigana is shown: after its base in brackets, or not at all
        /// [default: the config file's `ruby`, else inline]
        #[arg(long, value_enum)]
        ruby: Option<show::Ruby>,
        /// Where progress is kept [default: $TERAKOYA_DATA_DIR if set and
        /// not empty, else the platform data directory]
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
    /// Show, export, import or reset saved progress
    Progress(ProgressArgs),
    /// What is due for review (overdue and today), then a count for each
    /// of the next 7 days (local dates). Exit 0 whether or not anything is
    /// due. The clock is TERAKOYA_NOW (RFC 3339) if set, for planning
    Review {
        /// Print JSON instead of text
        #[arg(long)]
        json: bool,
        /// Where progress is kept [default: $TERAKOYA_DATA_DIR if set and
        /// not empty, else the platform data directory]
        #[arg(long, value_name = "DIR")]
        data_dir: Option<PathBuf>,
    },
    /// Print a shell completion script (see the README for where to put it)
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `terakoya man > terakoya.1`
    Man,
    /// Search every lesson: full-width and half-width, hiragana and
    /// katakana, upper and lower case match each other. Exit 0 when
    /// something matched, 1 when nothing did, 2 on errors (as grep)
    Search {
        /// What to look for
        query: String,
        /// Print JSON instead of lines
        #[arg(long)]
        json: bool,
    },
    /// Write a new course or lesson file that passes `check`, with a
    /// commented example of every field
    New {
        #[command(subcommand)]
        what: new::NewWhat,
    },
    /// Turn articles (a web page saved from a browser, Markdown, plain
    /// text) into lessons of a course; see docs/authoring.md
    Import(import::ImportArgs),
    /// Print a commented default config file, or check one (exit 1 on
    /// problems); see docs/config.md
    Config(config::ConfigArgs),
}

#[derive(Debug, Args)]
pub struct ProgressArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    pub json: bool,
    /// Where progress is kept [default: $TERAKOYA_DATA_DIR if set and not
    /// empty, else the platform data directory]
    #[arg(long, global = true, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub action: Option<ProgressAction>,
}

#[derive(Debug, Subcommand)]
pub enum ProgressAction {
    /// Write all progress to FILE, to carry it to another machine
    Export { file: PathBuf },
    /// Merge progress from FILE (a tick made on either machine survives)
    Import { file: PathBuf },
    /// Clear progress of one lesson, or of everything with --all
    Reset {
        /// COURSE/LESSON
        #[arg(required_unless_present = "all", conflicts_with = "all")]
        lesson: Option<String>,
        /// Clear all progress
        #[arg(long)]
        all: bool,
        /// Do not ask for confirmation
        #[arg(short, long)]
        yes: bool,
    },
}

/// The environment variable naming the data directory.
pub const DATA_DIR_VAR: &str = "TERAKOYA_DATA_DIR";

impl Cli {
    /// Settles `data_dir`: a subcommand's `--data-dir`, else the top-level
    /// one, else `env` (the value of [`DATA_DIR_VAR`]) unless it is empty,
    /// as an empty variable usually counts as unset. Read here rather than
    /// by clap, whose `env` refuses an empty value.
    pub fn resolve_data_dir(&mut self, env: Option<PathBuf>) {
        let given = match &mut self.command {
            Some(Command::Show { data_dir, .. }) => data_dir.take(),
            Some(Command::Progress(args)) => args.data_dir.take(),
            Some(Command::Review { data_dir, .. }) => data_dir.take(),
            _ => None,
        };
        let env = env.filter(|dir| !dir.as_os_str().is_empty());
        self.data_dir = given.or(self.data_dir.take()).or(env);
    }
}

impl Cli {
    /// The config file's settings, for the commands that read lessons or
    /// show the reader (the others ignore it: a bad config file must not
    /// stand in the way of `config --check` or `man`). Its `lessons` is the
    /// default for `-L`, its `lang` the language unless already chosen.
    fn settings(&mut self) -> config::Settings {
        if !matches!(
            self.command,
            None | Some(
                Command::Check { .. }
                    | Command::List { .. }
                    | Command::Show { .. }
                    | Command::Progress(_)
                    | Command::Search { .. }
            )
        ) {
            return config::Settings::default();
        }
        let settings = config::startup(self.config.as_deref());
        if self.lessons.is_none() {
            self.lessons.clone_from(&settings.config.lessons);
        }
        // `--lang` wins over the config file, which wins over the locale.
        if settings.config.lang.is_some() {
            i18n::set_lang(i18n::choose(
                self.lang.map(Lang::from),
                settings.config.lang,
                |name| std::env::var(name).ok(),
            ));
        }
        settings
    }

    /// The sync directory and this machine's name, if sync is set up.
    pub fn sync(&self) -> Option<terakoya_core::progress::sync::SyncDir> {
        crate::settings::sync_dir(self.sync_dir.as_deref(), self.config.as_deref())
    }
}

/// Parses the command line and runs it.
pub fn main() -> ExitCode {
    let mut cli = Cli::parse();
    // Before anything is said. The config file's `lang` is not read yet.
    i18n::set_lang(i18n::choose(cli.lang.map(Lang::from), None, |name| {
        std::env::var(name).ok()
    }));
    cli.resolve_data_dir(std::env::var_os(DATA_DIR_VAR).map(PathBuf::from));
    let settings = cli.settings();
    let result = crate::clock::check().and_then(|()| match &cli.command {
        None => crate::tui::run(
            cli.lessons.as_deref(),
            cli.data_dir.as_deref(),
            settings,
            cli.sync(),
        ),
        Some(Command::Check { watch }) => check::run(&cli, *watch),
        Some(Command::List { json }) => list::run(&cli, *json),
        Some(Command::Show {
            lesson,
            width,
            ruby,
            ..
        }) => show::run(
            &cli,
            lesson,
            *width,
            show::ruby_mode(*ruby, settings.config.ruby),
        ),
        Some(Command::Progress(args)) => progress::run(&cli, args),
        Some(Command::Review { json, .. }) => review::run(&cli, *json),
        Some(Command::Search { query, json }) => search::run(&cli, query, *json),
        Some(Command::Completions { shell }) => shell_help::completions(*shell),
        Some(Command::Man) => shell_help::man(),
        Some(Command::New { what }) => new::run(what),
        Some(Command::Import(args)) => import::run(args),
        Some(Command::Config(args)) => config::run(cli.config.as_deref(), args),
    });
    match result {
        Ok(code) => code,
        Err(err) => {
            // Whatever a message echoes (an argument, a path, a name from
            // a file) is shown visibly, never acted on by the terminal.
            let message = format!("{err:#}");
            output::eprint_line(&crate::t!(
                "cli.error_line",
                message = terakoya_core::text::sanitize::clean(&message)
            ));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}
