//! The actor dictionary as data: actors, their aliases per language, case and context rules,
//! phrase exclusions, and the user's stored edits of it.
//!
//! Loading the bundled TOML files and merging the edits are the tagging's
//! (`tagging::Dictionary::builtin`, `tagging::dictionary::effective`); the database keeps the
//! edits (`store::Store::dictionary_edits`).

use super::{ActorKind, Language, Via};
use std::collections::HashMap;

/// A dictionary that could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum DictionaryError {
    /// A file is not valid TOML for the format.
    #[error("dictionary file {file}: {message}")]
    Parse {
        /// The file.
        file: String,
        /// What is wrong.
        message: String,
    },
    /// An entry breaks a rule (duplicate code, unknown kind, empty alias).
    #[error("dictionary entry {code}: {message}")]
    Entry {
        /// The actor code.
        code: String,
        /// What is wrong.
        message: String,
    },
}

/// Whether an alias is matched with its case exactly.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaseRule {
    /// Case must match ("AS", "US", "WHO").
    Exact,
    /// Any case ("rusia", "RUSIA", "Rusia").
    Fold,
}

impl CaseRule {
    /// The automatic rule: at most three letters, none lower-case → exact; else fold.
    pub fn auto(alias: &str) -> CaseRule {
        let letters = alias.chars().filter(|c| c.is_alphabetic()).count();
        let has_lower = alias.chars().any(|c| c.is_lowercase());
        if letters <= 3 && !has_lower {
            CaseRule::Exact
        } else {
            CaseRule::Fold
        }
    }

    /// The stored name: "exact" or "fold".
    pub fn as_str(self) -> &'static str {
        match self {
            CaseRule::Exact => "exact",
            CaseRule::Fold => "fold",
        }
    }

    /// Parses a stored name.
    pub fn parse(s: &str) -> Option<CaseRule> {
        match s {
            "exact" => Some(CaseRule::Exact),
            "fold" => Some(CaseRule::Fold),
            _ => None,
        }
    }
}

/// Words around an alias that mean it is not the actor ("Michael Jordan").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ContextRule {
    /// Lower-cased words that, just before the alias, cancel the match.
    pub unless_prev: Vec<String>,
    /// Lower-cased words that, just after the alias, cancel the match.
    pub unless_next: Vec<String>,
}

/// A country or organization.
#[derive(Debug, Clone, PartialEq)]
pub struct Actor {
    /// ISO 3166-1 alpha-3 for countries, a short upper-case code for organizations.
    pub code: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// Display name in English.
    pub name: String,
    /// Display name in Indonesian (may be empty).
    pub name_id: String,
    /// Organization type (intergovernmental, armed_group, ...); empty for countries.
    pub org_type: String,
    /// Home country code of an organization; may be empty.
    pub country: String,
}

/// One way of writing an actor's name.
#[derive(Debug, Clone, PartialEq)]
pub struct Alias {
    /// Index of the actor in [`Dictionary::actors`].
    pub actor: usize,
    /// The alias as written in the dictionary.
    pub text: String,
    /// Only in texts of this language, or in any language.
    pub language: Option<Language>,
    /// Case rule.
    pub case: CaseRule,
    /// How the alias refers to the actor.
    pub via: Via,
    /// Context rule (words around it that cancel a match).
    pub rule: Option<ContextRule>,
}

/// A phrase in which an actor's aliases do not stand for the actor ("Jordan Henderson" is not
/// Jordan): a match of the actor inside an occurrence of the phrase is rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhraseExclusion {
    /// Index of the actor in [`Dictionary::actors`].
    pub actor: usize,
    /// The phrase, as the user wrote it (matched in any case, white space collapsed).
    pub phrase: String,
}

/// Actors and aliases, ready to compile into the tagging's matcher.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// The actors, in load order.
    pub actors: Vec<Actor>,
    /// The aliases.
    pub aliases: Vec<Alias>,
    /// Phrases in which an actor's matches are rejected.
    pub exclusions: Vec<PhraseExclusion>,
    /// (actor code, text) of every alias the user disabled: the dictionary's are gone from
    /// `aliases`; the rest are place names of the gazetteer, which the matcher then skips.
    pub disabled: Vec<(String, String)>,
    by_code: HashMap<String, usize>,
}

/// An alias the user added, as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct UserAlias {
    /// Code of the actor it names.
    pub actor_code: String,
    /// The alias text.
    pub text: String,
    /// Only in texts of this language, or in any language.
    pub language: Option<Language>,
    /// Case rule.
    pub case: CaseRule,
    /// How the alias refers to the actor.
    pub via: Via,
}

/// The user's edits of the dictionary, as the database keeps them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DictionaryEdits {
    /// Disabled aliases (built-in or the user's): actor code, alias text, language
    /// (`None` = any).
    pub disabled: Vec<(String, String, Option<Language>)>,
    /// The user's own actors.
    pub actors: Vec<Actor>,
    /// The user's enabled aliases.
    pub aliases: Vec<UserAlias>,
    /// Phrase exclusions: actor code and phrase.
    pub phrases: Vec<(String, String)>,
}

impl Dictionary {
    /// Adds an actor; its code must be new.
    pub fn add_actor(&mut self, actor: Actor) -> Result<usize, DictionaryError> {
        if actor.code.trim().is_empty() || actor.name.trim().is_empty() {
            return Err(DictionaryError::Entry {
                code: actor.code,
                message: "code and name must not be empty".into(),
            });
        }
        if self.by_code.contains_key(&actor.code) {
            return Err(DictionaryError::Entry {
                code: actor.code,
                message: "duplicate code".into(),
            });
        }
        let index = self.actors.len();
        self.by_code.insert(actor.code.clone(), index);
        self.actors.push(actor);
        Ok(index)
    }

    /// Adds an alias of an existing actor.
    pub fn add_alias(&mut self, alias: Alias) -> Result<(), DictionaryError> {
        let code = self
            .actors
            .get(alias.actor)
            .map(|a| a.code.clone())
            .unwrap_or_default();
        if alias.actor >= self.actors.len() {
            return Err(DictionaryError::Entry {
                code,
                message: "alias of an unknown actor".into(),
            });
        }
        if !alias.text.chars().any(char::is_alphanumeric) {
            return Err(DictionaryError::Entry {
                code,
                message: format!("alias {:?} has no letter or digit", alias.text),
            });
        }
        self.aliases.push(alias);
        Ok(())
    }

    /// Adds a phrase exclusion of an existing actor.
    pub fn add_exclusion(&mut self, exclusion: PhraseExclusion) -> Result<(), DictionaryError> {
        let Some(actor) = self.actors.get(exclusion.actor) else {
            return Err(DictionaryError::Entry {
                code: String::new(),
                message: "exclusion of an unknown actor".into(),
            });
        };
        if !exclusion.phrase.chars().any(char::is_alphanumeric) {
            return Err(DictionaryError::Entry {
                code: actor.code.clone(),
                message: format!("phrase {:?} has no letter or digit", exclusion.phrase),
            });
        }
        self.exclusions.push(exclusion);
        Ok(())
    }

    /// The index of the actor with this code.
    pub fn actor_index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The actor with this code.
    pub fn actor(&self, code: &str) -> Option<&Actor> {
        self.actor_index(code).map(|i| &self.actors[i])
    }

    /// A stable hash of the dictionary's content (actors and aliases, in order), written with
    /// exports so a team can tell which dictionary tagged the data.
    pub fn version_hash(&self) -> String {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for a in &self.actors {
            for part in [
                a.code.as_str(),
                a.kind.as_str(),
                a.name.as_str(),
                a.org_type.as_str(),
                a.country.as_str(),
            ] {
                h.update(part.as_bytes());
                h.update(&[0]);
            }
        }
        for a in &self.aliases {
            h.update(&(a.actor as u64).to_le_bytes());
            for part in [
                a.text.as_str(),
                a.language.map(|l| l.as_str()).unwrap_or("any"),
                a.case.as_str(),
                a.via.as_str(),
            ] {
                h.update(part.as_bytes());
                h.update(&[0]);
            }
            if let Some(r) = &a.rule {
                h.update(r.unless_prev.join("\u{1}").as_bytes());
                h.update(&[2]);
                h.update(r.unless_next.join("\u{1}").as_bytes());
            }
            h.update(&[0xff]);
        }
        for e in &self.exclusions {
            h.update(&(e.actor as u64).to_le_bytes());
            h.update(e.phrase.as_bytes());
            h.update(&[0xfe]);
        }
        for (code, text) in &self.disabled {
            h.update(code.as_bytes());
            h.update(&[0]);
            h.update(text.as_bytes());
            h.update(&[0xfd]);
        }
        format!("{:016x}", h.digest())
    }
}
