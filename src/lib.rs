//! pantau: a media-monitoring core.
//!
//! Files flow one way: [`ingest`] turns article files into [`model::ArticleDraft`]s,
//! [`tagging`] finds the countries and organizations they mention, [`store`] keeps both in a
//! local SQLite database, [`analysis`] computes timelines and co-occurrence from it, and
//! [`export`] writes CSV and GEXF. [`curation`] works on the dictionary over a stored corpus
//! (the effective dictionary, candidate names, the dictionary as CSV). [`pipeline`] runs a
//! whole import or re-tag off the caller's thread. The `ui` module (feature `gui`) draws the
//! dashboard on top; nothing below it knows egui.
//!
//! Each module uses only those before it. Under all of them are [`model`] (the shared data:
//! articles, mentions, the dictionary's types and stored edits, the analysis
//! [`Filter`](model::Filter)) and [`segment`] (paragraphs and sentences), which use nothing
//! above them.

#![deny(missing_docs)]

pub mod analysis;
pub mod curation;
pub mod export;
pub mod i18n;
pub mod ingest;
pub mod model;
pub mod pipeline;
pub mod segment;
pub mod store;
mod swar;
pub mod tagging;
#[cfg(test)]
mod test_support;

#[cfg(feature = "gui")]
pub mod ui;
