//! The `pantau` binary: the command line, and the dashboard window when no command is given.

mod cli;

use std::process::ExitCode;

fn main() -> ExitCode {
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("pantau: {err:#}");
            ExitCode::FAILURE
        }
    }
}
