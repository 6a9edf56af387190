//! Actors and aliases in the database: the built-in dictionary copied in, the user's additions
//! kept beside it.

use super::{ActorId, Result, Store};
use crate::tagging::Dictionary;
use rusqlite::params;
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
}

fn actor_ids(conn: &rusqlite::Connection) -> Result<HashMap<String, ActorId>> {
    let mut stmt = conn.prepare_cached("SELECT code, id FROM actors")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, ActorId>(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
