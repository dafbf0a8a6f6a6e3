use std::process::ExitCode;

fn main() -> ExitCode {
    terakoya::cli::main()
}
