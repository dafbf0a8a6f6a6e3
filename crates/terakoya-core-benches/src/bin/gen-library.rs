//! Writes the load and search benchmarks' 20 MB Japanese library to a
//! directory, for end-to-end timings of the binary (BENCHMARKS.md):
//! `cargo run --release -p terakoya-core-benches --bin gen-library -- DIR`.

use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(dir) = std::env::args_os().nth(1) else {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), b"usage: gen-library DIR\n");
        return ExitCode::from(2);
    };
    let dir = std::path::PathBuf::from(dir);
    if let Err(err) = std::fs::create_dir_all(&dir) {
        let _ = std::io::Write::write_all(&mut std::io::stderr(), format!("{err}\n").as_bytes());
        return ExitCode::FAILURE;
    }
    terakoya_core_benches::library::generate(&dir);
    ExitCode::SUCCESS
}
