//! Actors and aliases in the database: the built-in dictionary copied in, the user's additions
//! kept beside it, and the user's edits read back for the effective dictionary.

use super::{ActorId, ExclusionScope, NewAlias, Result, Store, StoreError};
use crate::model::{Actor, ActorKind, Dictionary, DictionaryEdits, Language, UserAlias};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::HashMap;

impl Store {
    /// Copies the built-in dictionary into the database (new actors and aliases added, names
    /// updated; the user's actors, aliases and disabled flags kept) and returns every actor's id
    /// by code.
    pub fn sync_dictionary(&mut self, dict: &Dictionary) -> Result<HashMap<String, ActorId>> {
        let tx = self.conn.transaction()?;
        {
            let mut upsert_actor = tx.prepare_cached(
                "INSERT INTO actors (code, kind, name, name_id, org_type, country, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'builtin')
                 ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                   name_id = excluded.name_id, org_type = excluded.org_type, country = excluded.country
                 WHERE origin = 'builtin'",
            )?;
            for a in &dict.actors {
                upsert_actor.execute(params![
                    a.code,
                    a.kind.as_str(),
                    a.name,
                    a.name_id,
                    a.org_type,
                    a.country
                ])?;
            }
        }
        let ids = actor_ids(&tx)?;
        {
            let mut insert_alias = tx.prepare_cached(
                "INSERT INTO aliases (actor_id, alias, language, case_rule, via, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'builtin')
                 ON CONFLICT (actor_id, alias, language) DO UPDATE SET case_rule = excluded.case_rule, via = excluded.via
                 WHERE origin = 'builtin'",
            )?;
            for alias in &dict.aliases {
                let code = &dict.actors[alias.actor].code;
                if let Some(id) = ids.get(code) {
                    insert_alias.execute(params![
                        id,
                        alias.text,
                        alias.language.map_or("any", |l| l.as_str()),
                        alias.case.as_str(),
                        alias.via.as_str()
                    ])?;
                }
            }
        }
        tx.execute(
            "INSERT INTO settings (key, value) VALUES ('builtin_dictionary', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [dict.version_hash()],
        )?;
        tx.commit()?;
        Ok(ids)
    }

    /// Every actor's id by code.
    pub fn actor_ids(&self) -> Result<HashMap<String, ActorId>> {
        actor_ids(&self.conn)
    }

    /// Adds an actor of the user's; its code must be new.
    pub fn add_actor(&mut self, actor: &Actor) -> Result<ActorId> {
        let code = actor.code.trim();
        if code.is_empty() || actor.name.trim().is_empty() {
            return Err(StoreError::Invalid(
                "an actor needs a code and a name".into(),
            ));
        }
        let exists: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM actors WHERE code = ?1")?
            .query_row([code], |r| r.get(0))
            .optional()?;
        if exists.is_some() {
            return Err(StoreError::Invalid(format!(
                "an actor with code {code:?} exists"
            )));
        }
        self.conn
            .prepare_cached(
                "INSERT INTO actors (code, kind, name, name_id, org_type, country, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'user')",
            )?
            .execute(params![
                code,
                actor.kind.as_str(),
                actor.name.trim(),
                actor.name_id.trim(),
                actor.org_type.trim(),
                actor.country.trim()
            ])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Adds an actor of the user's and its first alias, both or neither.
    pub fn add_actor_with_alias(&mut self, actor: &Actor, alias: &NewAlias) -> Result<ActorId> {
        self.conn.execute_batch("SAVEPOINT add_actor")?;
        let added = self
            .add_actor(actor)
            .and_then(|id| self.add_alias(alias).map(|_| id));
        match added {
            Ok(id) => {
                self.conn.execute_batch("RELEASE add_actor")?;
                Ok(id)
            }
            Err(e) => {
                let _ = self
                    .conn
                    .execute_batch("ROLLBACK TO add_actor; RELEASE add_actor");
                Err(e)
            }
        }
    }

    /// The user's own actors.
    pub fn user_actors(&self) -> Result<Vec<Actor>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT code, kind, name, name_id, org_type, country FROM actors
             WHERE origin = 'user' ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (code, kind, name, name_id, org_type, country) = row?;
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
            let mut stmt = self.conn.prepare_cached(
                "SELECT a.code, al.alias, al.language FROM aliases al
                 JOIN actors a ON a.id = al.actor_id WHERE al.enabled = 0",
            )?;
            let rows = stmt.query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })?;
            for row in rows {
                let (code, text, language) = row?;
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

fn actor_ids(conn: &rusqlite::Connection) -> Result<HashMap<String, ActorId>> {
    let mut stmt = conn.prepare_cached("SELECT code, id FROM actors")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, ActorId>(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(super) fn actor_id(conn: &Connection, code: &str) -> Result<ActorId> {
    conn.prepare_cached("SELECT id FROM actors WHERE code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?
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
