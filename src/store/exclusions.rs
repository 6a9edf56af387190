//! Exclusions: "this alias is not this actor" in one article or inside a phrase.

use super::actors::actor_id;
use super::sql::Value;
use super::{ActorId, ArticleId, Result, Store, StoreError};
use rusqlite::Connection;

/// Where an exclusion applies.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExclusionScope {
    /// In one article only.
    Article(ArticleId),
    /// Wherever this phrase (holding the alias) stands, e.g. "Jordan Henderson".
    Phrase(String),
}

/// "This alias is not this actor" in an article or a phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExclusionRecord {
    /// Row id.
    pub id: i64,
    /// Actor code.
    pub actor_code: String,
    /// The alias text (for article exclusions; empty = every alias of the actor).
    pub alias: String,
    /// Where it applies.
    pub scope: ExclusionScope,
}

/// Lower-cased with white space collapsed: how exclusions compare texts.
pub(crate) fn text_key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Article exclusions of one article: (actor, alias key; empty = any alias).
pub(crate) fn article_exclusions(
    conn: &Connection,
    article_id: ArticleId,
) -> Result<Vec<(ActorId, String)>> {
    let mut stmt =
        conn.prepare_cached("SELECT actor_id, alias FROM exclusions WHERE article_id = ?1")?;
    let rows = stmt.query_map([article_id], |r| {
        Ok((r.get::<_, ActorId>(0)?, text_key(&r.get::<_, String>(1)?)))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

impl Store {
    /// Adds an exclusion: `alias` of `actor_code` is not that actor in an article or inside a
    /// phrase. Article exclusions apply when mentions are stored (the next re-tag); phrase
    /// exclusions go into the effective dictionary.
    pub fn add_exclusion(
        &mut self,
        actor_code: &str,
        alias: &str,
        scope: &ExclusionScope,
    ) -> Result<i64> {
        let actor = self.with_sql(|db| actor_id(db, actor_code))?;
        let (article, phrase) = match scope {
            ExclusionScope::Article(id) => {
                let exists = self.with_sql(|db| {
                    db.query_opt("SELECT id FROM articles WHERE id = ?1", &[Value::Int(*id)])
                })?;
                if exists.is_none() {
                    return Err(StoreError::Invalid(format!("no article with id {id}")));
                }
                (Some(*id), None)
            }
            ExclusionScope::Phrase(p) => {
                let p = p.split_whitespace().collect::<Vec<_>>().join(" ");
                if !p.chars().any(char::is_alphanumeric) {
                    return Err(StoreError::Invalid("the phrase is empty".into()));
                }
                if !alias.trim().is_empty() && !text_key(&p).contains(&text_key(alias)) {
                    return Err(StoreError::Invalid(format!(
                        "the phrase {p:?} does not hold the alias {alias:?}"
                    )));
                }
                (None, Some(p))
            }
        };
        self.with_sql(|db| {
            db.insert(
                "INSERT INTO exclusions (actor_id, alias, article_id, phrase) VALUES (?1, ?2, ?3, ?4)",
                &[
                    Value::Int(actor),
                    Value::Text(alias.trim()),
                    article.into(),
                    phrase.as_ref().into(),
                ],
            )
        })
    }

    /// Every exclusion, oldest first.
    pub fn exclusions(&self) -> Result<Vec<ExclusionRecord>> {
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT e.id, a.code, e.alias, e.article_id, e.phrase
                 FROM exclusions e JOIN actors a ON a.id = e.actor_id ORDER BY e.id",
                &[],
            )
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (id, actor_code, alias, article, phrase) = (
                r.int(0)?,
                r.text(1)?,
                r.text(2)?,
                r.opt_int(3)?,
                r.opt_text(4)?,
            );
            let scope = match (article, phrase) {
                (Some(a), _) => ExclusionScope::Article(a),
                (None, Some(p)) => ExclusionScope::Phrase(p),
                (None, None) => continue,
            };
            out.push(ExclusionRecord {
                id,
                actor_code,
                alias,
                scope,
            });
        }
        Ok(out)
    }

    /// Deletes an exclusion.
    pub fn delete_exclusion(&mut self, id: i64) -> Result<()> {
        let n = self
            .with_sql(|db| db.execute("DELETE FROM exclusions WHERE id = ?1", &[Value::Int(id)]))?;
        if n == 0 {
            return Err(StoreError::Invalid(format!("no exclusion with id {id}")));
        }
        Ok(())
    }
}
