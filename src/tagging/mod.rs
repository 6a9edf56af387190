//! Tagging: the actor dictionary and the matcher that finds their mentions in a text.
//!
//! [`Dictionary::builtin`] loads the dictionary bundled from `assets/dictionary/`;
//! [`Matcher::new`] compiles it once; [`Matcher::find`] returns the [`Mention`]s of a text.

pub mod candidates;
pub mod dictionary;
pub mod exchange;
mod first_words;
pub mod matcher;
mod normalize;
pub mod segment;

pub use dictionary::{
    Actor, Alias, CaseRule, ContextRule, Dictionary, DictionaryError, PhraseExclusion,
};
pub use matcher::{Matcher, MatcherOptions};

pub use crate::model::Mention;
