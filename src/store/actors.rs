//! Actors and aliases in the database: the built-in dictionary copied in, the user's additions
//! kept beside it, and the user's edits read back for the effective dictionary.

use super::sql::{Sql, Value};
use super::{ActorId, ExclusionScope, NewAlias, Result, Store, StoreError};
use crate::model::{Actor, ActorKind, Dictionary, DictionaryEdits, Language, UserAlias};

use std::collections::HashMap;

impl Store {
    /// Copies the built-in dictionary into the database (new actors and aliases added, names
    /// updated; the user's actors, aliases and disabled flags kept) and returns every actor's id
    /// by code.
    pub fn sync_dictionary(&mut self, dict: &Dictionary) -> Result<HashMap<String, ActorId>> {
        let version = dict.version_hash();
        let synced = sync_key(dict);
        // Unchanged since the last sync (the same built-in dictionary, on a server several
        // analysts' imports start with): nothing to write.
        if self.setting("builtin_synced")?.as_deref() == Some(synced.as_str()) {
            let ids = self.actor_ids()?;
            if dict.actors.iter().all(|a| ids.contains_key(&a.code)) {
                return Ok(ids);
            }
        }
        self.with_sql_tx(|db| {
            for a in &dict.actors {
                db.execute(
                    "INSERT INTO actors (code, kind, name, name_id, org_type, country, origin)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'builtin')
                     ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                       name_id = excluded.name_id, org_type = excluded.org_type, country = excluded.country
                     WHERE actors.origin = 'builtin'",
                    &[
                        Value::Text(&a.code),
                        Value::Text(a.kind.as_str()),
                        Value::Text(&a.name),
                        Value::Text(&a.name_id),
                        Value::Text(&a.org_type),
                        Value::Text(&a.country),
                    ],
                )?;
            }
            let ids = actor_ids(db)?;
            for alias in &dict.aliases {
                let code = &dict.actors[alias.actor].code;
                if let Some(&id) = ids.get(code) {
                    db.execute(
                        "INSERT INTO aliases (actor_id, alias, language, case_rule, via, origin)
                         VALUES (?1, ?2, ?3, ?4, ?5, 'builtin')
                         ON CONFLICT (actor_id, alias, language) DO UPDATE SET case_rule = excluded.case_rule, via = excluded.via
                         WHERE aliases.origin = 'builtin'",
                        &[
                            Value::Int(id),
                            Value::Text(&alias.text),
                            Value::Text(alias.language.map_or("any", |l| l.as_str())),
                            Value::Text(alias.case.as_str()),
                            Value::Text(alias.via.as_str()),
                        ],
                    )?;
                }
            }
            super::settings::set_setting(db, "builtin_dictionary", &version)?;
            super::settings::set_setting(db, "builtin_synced", &synced)?;
            Ok(ids)
        })
    }

    /// Every actor's id by code.
    pub fn actor_ids(&self) -> Result<HashMap<String, ActorId>> {
        self.with_sql(actor_ids)
    }

    /// Adds an actor of the user's; its code must be new.
    pub fn add_actor(&mut self, actor: &Actor) -> Result<ActorId> {
        self.with_sql_tx(|db| add_actor(db, actor))
    }

    /// Adds an actor of the user's and its first alias, both or neither.
    pub fn add_actor_with_alias(&mut self, actor: &Actor, alias: &NewAlias) -> Result<ActorId> {
        self.with_sql_tx(|db| {
            let id = add_actor(db, actor)?;
            super::aliases::add_alias(db, alias)?;
            Ok(id)
        })
    }

    /// The user's own actors.
    pub fn user_actors(&self) -> Result<Vec<Actor>> {
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT code, kind, name, name_id, org_type, country FROM actors
                 WHERE origin = 'user' ORDER BY id",
                &[],
            )
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (code, kind, name, name_id, org_type, country) = (
                r.text(0)?,
                r.text(1)?,
                r.text(2)?,
                r.text(3)?,
                r.text(4)?,
                r.text(5)?,
            );
            let Some(kind) = ActorKind::parse(&kind) else {
                continue;
            };
            out.push(Actor {
                code,
                kind,
                name,
                name_id,
                org_type,
                country,
            });
        }
        Ok(out)
    }

    /// The user's edits of the dictionary: disabled aliases, own actors, enabled own aliases
    /// and phrase exclusions (what `tagging::dictionary::effective` merges over the built-in
    /// dictionary).
    pub fn dictionary_edits(&self) -> Result<DictionaryEdits> {
        let mut disabled = Vec::new();
        {
            let rows = self.with_sql(|db| {
                db.query(
                    "SELECT a.code, al.alias, al.language FROM aliases al
                     JOIN actors a ON a.id = al.actor_id WHERE al.enabled = 0",
                    &[],
                )
            })?;
            for r in rows {
                let (code, text, language) = (r.text(0)?, r.text(1)?, r.text(2)?);
                // A language no alias can have matches none.
                let language = match language.as_str() {
                    "any" => None,
                    l => match Language::parse(l) {
                        Some(l) => Some(l),
                        None => continue,
                    },
                };
                disabled.push((code, text, language));
            }
        }
        let aliases = self
            .aliases(None)?
            .into_iter()
            .filter(|a| a.user && a.enabled)
            .map(|a| UserAlias {
                actor_code: a.actor_code,
                text: a.text,
                language: a.language,
                case: a.case,
                via: a.via,
            })
            .collect();
        let phrases = self
            .exclusions()?
            .into_iter()
            .filter_map(|e| match e.scope {
                ExclusionScope::Phrase(phrase) => Some((e.actor_code, phrase)),
                ExclusionScope::Article(_) => None,
            })
            .collect();
        Ok(DictionaryEdits {
            disabled,
            actors: self.user_actors()?,
            aliases,
            phrases,
        })
    }
}

/// A hash of every field [`Store::sync_dictionary`] writes (the version hash leaves some out,
/// such as the Indonesian names).
fn sync_key(dict: &Dictionary) -> String {
    let mut h = xxhash_rust::xxh3::Xxh3::new();
    let mut part = |s: &str| {
        h.update(s.as_bytes());
        h.update(&[0]);
    };
    for a in &dict.actors {
        for s in [
            a.code.as_str(),
            a.kind.as_str(),
            a.name.as_str(),
            a.name_id.as_str(),
            a.org_type.as_str(),
            a.country.as_str(),
        ] {
            part(s);
        }
    }
    for alias in &dict.aliases {
        let code = dict.actors.get(alias.actor).map_or("", |a| a.code.as_str());
        for s in [
            code,
            alias.text.as_str(),
            alias.language.map_or("any", |l| l.as_str()),
            alias.case.as_str(),
            alias.via.as_str(),
        ] {
            part(s);
        }
    }
    format!("{:032x}", h.digest128())
}

fn add_actor(db: &mut dyn Sql, actor: &Actor) -> Result<ActorId> {
    let code = actor.code.trim();
    if code.is_empty() || actor.name.trim().is_empty() {
        return Err(StoreError::Invalid(
            "an actor needs a code and a name".into(),
        ));
    }
    if db
        .query_opt(
            "SELECT id FROM actors WHERE code = ?1",
            &[Value::Text(code)],
        )?
        .is_some()
    {
        return Err(StoreError::Invalid(format!(
            "an actor with code {code:?} exists"
        )));
    }
    db.insert(
        "INSERT INTO actors (code, kind, name, name_id, org_type, country, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'user')",
        &[
            Value::Text(code),
            Value::Text(actor.kind.as_str()),
            Value::Text(actor.name.trim()),
            Value::Text(actor.name_id.trim()),
            Value::Text(actor.org_type.trim()),
            Value::Text(actor.country.trim()),
        ],
    )
}

fn actor_ids(db: &mut dyn Sql) -> Result<HashMap<String, ActorId>> {
    db.query("SELECT code, id FROM actors", &[])?
        .iter()
        .map(|r| Ok((r.text(0)?, r.int(1)?)))
        .collect()
}

pub(super) fn actor_id(db: &mut dyn Sql, code: &str) -> Result<ActorId> {
    db.query_opt(
        "SELECT id FROM actors WHERE code = ?1",
        &[Value::Text(code)],
    )?
    .map(|r| r.int(0))
    .transpose()?
    .ok_or_else(|| StoreError::Invalid(format!("no actor with code {code:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Via;

    use crate::test_support::store;

    #[test]
    fn an_actor_and_its_alias_are_added_together_or_not_at_all() {
        let mut s = store();
        let actor = |code: &str| Actor {
            code: code.into(),
            kind: crate::model::ActorKind::Organization,
            name: "Ikatan Pencak Silat Indonesia".into(),
            name_id: String::new(),
            org_type: "ngo".into(),
            country: "IDN".into(),
        };
        let alias = |code: &str, text: &str| NewAlias {
            actor_code: code.into(),
            text: text.into(),
            language: None,
            case: None,
            via: Via::Short,
        };
        s.add_actor_with_alias(&actor("IPSI"), &alias("IPSI", "IPSI"))
            .expect("added");
        assert_eq!(s.aliases(Some("IPSI")).expect("aliases").len(), 1);
        // The alias is refused (it names an actor that does not exist): no actor either.
        assert!(
            s.add_actor_with_alias(&actor("PBSI"), &alias("NOPE", "PBSI"))
                .is_err()
        );
        assert!(
            s.user_actors()
                .expect("actors")
                .iter()
                .all(|a| a.code != "PBSI")
        );
    }
}
