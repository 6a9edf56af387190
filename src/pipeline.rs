//! Import jobs.
