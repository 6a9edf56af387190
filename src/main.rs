//! The `pantau` binary: the command line, and the dashboard window when no command is given.

mod cli;

use std::process::ExitCode;

/// The import allocates a few small strings per article on several threads at once; mimalloc
/// does that with less locking and fragmentation than glibc's malloc (measured in
/// `benches/import.rs`: see README.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // Like other Unix tools, end quietly when the reader of our output goes away
    // (`pantau export mentions --out - | head`) instead of failing on a broken pipe.
    #[cfg(unix)]
    // SAFETY: resetting a signal's disposition to its default at start-up, before any thread.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    match cli::run() {
        Ok(code) => code,
        Err(err) => {
            eprintln!("pantau: {err:#}");
            ExitCode::FAILURE
        }
    }
}
