//! The actor dictionary: actors, their aliases per language, case and context rules.
//!
//! The built-in part is TOML data in `assets/dictionary/` (format in its README), compiled
//! into the binary; user additions come from the database and are merged with [`Dictionary::extend`].

use crate::model::{ActorKind, Language, Via};
use serde::Deserialize;
use std::collections::HashMap;

/// The dictionary files bundled into the binary.
const BUILTIN_FILES: &[(&str, &str)] = &[
    (
        "countries.toml",
        include_str!("../../assets/dictionary/countries.toml"),
    ),
    (
        "organizations.toml",
        include_str!("../../assets/dictionary/organizations.toml"),
    ),
];

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

/// Actors and aliases, ready to compile into a [`crate::tagging::Matcher`].
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    /// The actors, in load order.
    pub actors: Vec<Actor>,
    /// The aliases.
    pub aliases: Vec<Alias>,
    /// Phrases in which an actor's matches are rejected.
    pub exclusions: Vec<PhraseExclusion>,
    by_code: HashMap<String, usize>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileToml {
    #[serde(default)]
    actor: Vec<ActorToml>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleToml {
    alias: String,
    #[serde(default)]
    unless_prev: Vec<String>,
    #[serde(default)]
    unless_next: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorToml {
    code: String,
    kind: String,
    name: String,
    #[serde(default)]
    name_id: String,
    #[serde(default, rename = "type")]
    org_type: String,
    #[serde(default)]
    country: String,
    #[serde(default)]
    names: Vec<String>,
    #[serde(default)]
    names_en: Vec<String>,
    #[serde(default)]
    names_id: Vec<String>,
    #[serde(default)]
    short: Vec<String>,
    #[serde(default)]
    short_en: Vec<String>,
    #[serde(default)]
    short_id: Vec<String>,
    #[serde(default)]
    demonyms_en: Vec<String>,
    #[serde(default)]
    demonyms_id: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    exact: Vec<String>,
    #[serde(default)]
    fold: Vec<String>,
    #[serde(default)]
    rule: Vec<RuleToml>,
}

impl Dictionary {
    /// The dictionary bundled from `assets/dictionary/`.
    pub fn builtin() -> Result<Dictionary, DictionaryError> {
        let mut dict = Dictionary::default();
        for (file, text) in BUILTIN_FILES {
            dict.load_toml(file, text)?;
        }
        Ok(dict)
    }

    /// Adds the actors of one TOML file in the dictionary format.
    pub fn load_toml(&mut self, file: &str, text: &str) -> Result<(), DictionaryError> {
        let parsed: FileToml = toml::from_str(text).map_err(|e| DictionaryError::Parse {
            file: file.to_string(),
            message: e.to_string(),
        })?;
        for entry in parsed.actor {
            self.add_entry(entry)?;
        }
        Ok(())
    }

    fn add_entry(&mut self, e: ActorToml) -> Result<(), DictionaryError> {
        let kind = ActorKind::parse(&e.kind).ok_or_else(|| DictionaryError::Entry {
            code: e.code.clone(),
            message: format!("unknown kind {:?}", e.kind),
        })?;
        let actor = self.add_actor(Actor {
            code: e.code.clone(),
            kind,
            name: e.name.clone(),
            name_id: e.name_id.clone(),
            org_type: e.org_type.clone(),
            country: e.country.clone(),
        })?;
        let lists: [(&Vec<String>, Via, Option<Language>); 9] = [
            (&e.names, Via::Name, None),
            (&e.names_en, Via::Name, Some(Language::English)),
            (&e.names_id, Via::Name, Some(Language::Indonesian)),
            (&e.short, Via::Short, None),
            (&e.short_en, Via::Short, Some(Language::English)),
            (&e.short_id, Via::Short, Some(Language::Indonesian)),
            (&e.demonyms_en, Via::Demonym, Some(Language::English)),
            (&e.demonyms_id, Via::Demonym, Some(Language::Indonesian)),
            (&e.places, Via::Place, None),
        ];
        for (list, via, language) in lists {
            for text in list {
                let case = if e.exact.contains(text) {
                    CaseRule::Exact
                } else if e.fold.contains(text) {
                    CaseRule::Fold
                } else {
                    CaseRule::auto(text)
                };
                let rule = e
                    .rule
                    .iter()
                    .find(|r| &r.alias == text)
                    .map(|r| ContextRule {
                        unless_prev: r.unless_prev.iter().map(|w| w.to_lowercase()).collect(),
                        unless_next: r.unless_next.iter().map(|w| w.to_lowercase()).collect(),
                    });
                self.add_alias(Alias {
                    actor,
                    text: text.clone(),
                    language,
                    case,
                    via,
                    rule,
                })?;
            }
        }
        Ok(())
    }

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
        format!("{:016x}", h.digest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_loads_with_the_seed_actors() {
        let d = Dictionary::builtin().expect("builtin dictionary");
        for code in ["RUS", "TUR", "SYR", "USA", "ISIS", "NATO", "SOHR"] {
            assert!(d.actor(code).is_some(), "{code} missing");
        }
        let usa = d.actor_index("USA").expect("USA");
        let as_alias = d
            .aliases
            .iter()
            .find(|a| a.actor == usa && a.text == "AS")
            .expect("AS");
        assert_eq!(
            (as_alias.case, as_alias.language),
            (CaseRule::Exact, Some(Language::Indonesian))
        );
    }

    #[test]
    fn auto_case_rule() {
        for (alias, want) in [
            ("AS", CaseRule::Exact),
            ("U.S.", CaseRule::Exact),
            ("PBB", CaseRule::Exact),
            ("NATO", CaseRule::Fold),
            ("Rusia", CaseRule::Fold),
            ("Daesh", CaseRule::Fold),
        ] {
            assert_eq!(CaseRule::auto(alias), want, "{alias}");
        }
    }

    #[test]
    fn rejects_duplicate_codes_and_unknown_keys() {
        let mut d = Dictionary::default();
        let one = "[[actor]]\ncode = \"X\"\nkind = \"country\"\nname = \"X\"\n";
        d.load_toml("a", one).expect("first");
        assert!(d.load_toml("b", one).is_err());
        assert!(
            Dictionary::default()
                .load_toml(
                    "c",
                    "[[actor]]\ncode=\"Y\"\nkind=\"country\"\nname=\"Y\"\nnmes=[]\n"
                )
                .is_err()
        );
        assert!(
            Dictionary::default()
                .load_toml("d", "[[actor]]\ncode=\"Y\"\nkind=\"planet\"\nname=\"Y\"\n")
                .is_err()
        );
    }

    #[test]
    fn version_hash_changes_with_content() {
        let d1 = Dictionary::builtin().expect("builtin");
        let mut d2 = d1.clone();
        assert_eq!(d1.version_hash(), d2.version_hash());
        let rus = d2.actor_index("RUS").expect("RUS");
        d2.add_alias(Alias {
            actor: rus,
            text: "Ruski".into(),
            language: None,
            case: CaseRule::Fold,
            via: Via::Name,
            rule: None,
        })
        .expect("alias");
        assert_ne!(d1.version_hash(), d2.version_hash());
    }
}
