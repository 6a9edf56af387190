//! Tagging: the actor dictionary and the matcher that finds their mentions in a text.
//!
//! [`Dictionary::builtin`] loads the dictionary bundled from `assets/dictionary/`;
//! [`Matcher::new`] compiles it once; [`Matcher::find`] returns the [`Mention`]s of a text.

pub mod credit;
pub mod dictionary;
mod first_words;
pub mod gazetteer;
pub mod matcher;
mod normalize;

pub use crate::segment;
pub use dictionary::{
    Actor, Alias, CaseRule, ContextRule, Dictionary, DictionaryEdits, DictionaryError,
    PhraseExclusion, UserAlias,
};
pub use matcher::{Matcher, MatcherOptions};

pub use crate::model::Mention;
