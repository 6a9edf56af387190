//! The actor dictionary's loader and merge: the bundled TOML files into a [`Dictionary`],
//! and the user's stored edits over it ([`effective`]).
//!
//! The built-in part is TOML data in `assets/dictionary/` (format in its README), compiled
//! into the binary; the data types live in [`crate::model`] and are re-exported here.

pub use crate::model::{
    Actor, Alias, CaseRule, ContextRule, Dictionary, DictionaryEdits, DictionaryError,
    PhraseExclusion, UserAlias,
};
use crate::model::{ActorKind, Language, Via};
use serde::Deserialize;
use std::collections::HashSet;

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
}

/// The dictionary to tag with: `builtin` minus the disabled aliases, plus the user's actors
/// and aliases, plus the phrase exclusions (user actors whose code exists are skipped, as are
/// aliases and phrases of unknown actors).
pub fn effective(
    builtin: &Dictionary,
    edits: &DictionaryEdits,
) -> Result<Dictionary, DictionaryError> {
    let mut dict = builtin.clone();
    let disabled: HashSet<(&str, &str, Option<Language>)> = edits
        .disabled
        .iter()
        .map(|(code, text, language)| (code.as_str(), text.as_str(), *language))
        .collect();
    dict.disabled = (edits.disabled.iter())
        .map(|(code, text, _)| (code.clone(), text.clone()))
        .collect();
    if !disabled.is_empty() {
        let actors = &builtin.actors;
        dict.aliases.retain(|a| {
            !disabled.contains(&(actors[a.actor].code.as_str(), a.text.as_str(), a.language))
        });
    }
    for actor in &edits.actors {
        if dict.actor_index(&actor.code).is_none() {
            dict.add_actor(actor.clone())?;
        }
    }
    for a in &edits.aliases {
        let Some(actor) = dict.actor_index(&a.actor_code) else {
            continue;
        };
        dict.add_alias(Alias {
            actor,
            text: a.text.clone(),
            language: a.language,
            case: a.case,
            via: a.via,
            rule: None,
        })?;
    }
    for (code, phrase) in &edits.phrases {
        if let Some(actor) = dict.actor_index(code) {
            dict.add_exclusion(PhraseExclusion {
                actor,
                phrase: phrase.clone(),
            })?;
        }
    }
    Ok(dict)
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
