//! The user's dictionary edits (actors, aliases, disabled aliases, exclusions), the effective
//! dictionary built from them, per-database settings, and the article batches a re-tag or the
//! candidate discovery streams through.

use super::articles::insert_mentions;
use super::{ActorId, ArticleId, Result, Store, StoreError};
use crate::model::{ActorKind, Language, Mention, Via};
use crate::tagging::{Actor, Alias, CaseRule, Dictionary, PhraseExclusion};
use rusqlite::{Connection, OptionalExtension, params};
use std::collections::{HashMap, HashSet};

/// An alias the user adds.
#[derive(Debug, Clone, PartialEq)]
pub struct NewAlias {
    /// Code of the actor it names.
    pub actor_code: String,
    /// The alias text.
    pub text: String,
    /// Only in texts of this language (Indonesian or English); `None` = any language.
    pub language: Option<Language>,
    /// Case rule; `None` = [`CaseRule::auto`].
    pub case: Option<CaseRule>,
    /// How it refers to the actor.
    pub via: Via,
}

/// An alias as stored (built-in or the user's).
#[derive(Debug, Clone, PartialEq)]
pub struct AliasRecord {
    /// Row id.
    pub id: i64,
    /// Actor code.
    pub actor_code: String,
    /// The alias text.
    pub text: String,
    /// Language restriction; `None` = any.
    pub language: Option<Language>,
    /// Case rule.
    pub case: CaseRule,
    /// How it refers to the actor.
    pub via: Via,
    /// True for the user's own aliases, false for built-in ones.
    pub user: bool,
    /// False when disabled.
    pub enabled: bool,
}

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

/// An article's text, as a re-tag or the candidate discovery reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    /// Row id.
    pub id: ArticleId,
    /// Body text.
    pub text: String,
    /// Language.
    pub language: Language,
    /// Days since 1970-01-01 of the publication date, if known.
    pub published_day: Option<i64>,
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

fn language_str(language: Option<Language>) -> Result<&'static str> {
    match language {
        None => Ok("any"),
        Some(Language::Other) => Err(StoreError::Invalid(
            "an alias's language is any, id or en".into(),
        )),
        Some(l) => Ok(l.as_str()),
    }
}

fn parse_language(s: &str) -> Option<Language> {
    if s == "any" { None } else { Language::parse(s) }
}

fn actor_id(conn: &Connection, code: &str) -> Result<ActorId> {
    conn.prepare_cached("SELECT id FROM actors WHERE code = ?1")?
        .query_row([code], |r| r.get(0))
        .optional()?
        .ok_or_else(|| StoreError::Invalid(format!("no actor with code {code:?}")))
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?)
}

fn set_setting(conn: &Connection, key: &str, value: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
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
    /// A per-database setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        setting(&self.conn, key)
    }

    /// Sets a per-database setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        set_setting(&self.conn, key, value)
    }

    /// The version hash of the dictionary that last tagged the whole database (after a
    /// finished import or re-tag), if any.
    pub fn dictionary_version(&self) -> Result<Option<String>> {
        self.setting("dictionary_version")
    }

    /// Records the version hash of the dictionary that tagged the database.
    pub fn set_dictionary_version(&mut self, hash: &str) -> Result<()> {
        self.set_setting("dictionary_version", hash)
    }

    /// Whether capitals and major cities count for their country in this database
    /// (setting `include_places`; off when never set).
    pub fn include_places(&self) -> Result<bool> {
        Ok(self.setting("include_places")?.as_deref() == Some("1"))
    }

    /// Switches the place roll-up of this database.
    pub fn set_include_places(&mut self, on: bool) -> Result<()> {
        self.set_setting("include_places", if on { "1" } else { "0" })
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

    /// Adds an alias of the user's to an actor (built-in or the user's) and returns its id.
    pub fn add_alias(&mut self, alias: &NewAlias) -> Result<i64> {
        let text = alias.text.trim();
        if !text.chars().any(char::is_alphanumeric) {
            return Err(StoreError::Invalid(format!(
                "alias {text:?} has no letter or digit"
            )));
        }
        let actor = actor_id(&self.conn, &alias.actor_code)?;
        let language = language_str(alias.language)?;
        let case = alias.case.unwrap_or_else(|| CaseRule::auto(text));
        let inserted = self
            .conn
            .prepare_cached(
                "INSERT INTO aliases (actor_id, alias, language, case_rule, via, origin)
                 VALUES (?1, ?2, ?3, ?4, ?5, 'user')
                 ON CONFLICT (actor_id, alias, language) DO NOTHING",
            )?
            .execute(params![
                actor,
                text,
                language,
                case.as_str(),
                alias.via.as_str()
            ])?;
        if inserted == 0 {
            return Err(StoreError::Invalid(format!(
                "{} already has the alias {text:?} ({language})",
                alias.actor_code
            )));
        }
        Ok(self.conn.last_insert_rowid())
    }

    /// Disables or enables an alias (built-in or the user's), named by actor, text and
    /// language. Built-in aliases exist in the database once the dictionary was synced.
    pub fn set_alias_enabled(
        &mut self,
        actor_code: &str,
        text: &str,
        language: Option<Language>,
        enabled: bool,
    ) -> Result<()> {
        let actor = actor_id(&self.conn, actor_code)?;
        let changed = self
            .conn
            .prepare_cached(
                "UPDATE aliases SET enabled = ?4 WHERE actor_id = ?1 AND alias = ?2 AND language = ?3",
            )?
            .execute(params![actor, text.trim(), language_str(language)?, enabled])?;
        if changed == 0 {
            return Err(StoreError::Invalid(format!(
                "{actor_code} has no alias {text:?} ({})",
                language_str(language)?
            )));
        }
        Ok(())
    }

    /// Every alias stored, of one actor or of all (ordered by actor code, then text).
    pub fn aliases(&self, actor_code: Option<&str>) -> Result<Vec<AliasRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT al.id, a.code, al.alias, al.language, al.case_rule, al.via, al.origin, al.enabled
             FROM aliases al JOIN actors a ON a.id = al.actor_id
             WHERE ?1 IS NULL OR a.code = ?1
             ORDER BY a.code, al.alias, al.language",
        )?;
        let rows = stmt.query_map([actor_code], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, String>(6)?,
                r.get::<_, bool>(7)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, actor_code, text, language, case, via, origin, enabled) = row?;
            let (Some(case), Some(via)) = (CaseRule::parse(&case), Via::parse(&via)) else {
                continue;
            };
            out.push(AliasRecord {
                id,
                actor_code,
                text,
                language: parse_language(&language),
                case,
                via,
                user: origin == "user",
                enabled,
            });
        }
        Ok(out)
    }

    /// Deletes one of the user's aliases (built-in ones can only be disabled).
    pub fn delete_user_alias(&mut self, id: i64) -> Result<()> {
        let n = self
            .conn
            .prepare_cached("DELETE FROM aliases WHERE id = ?1 AND origin = 'user'")?
            .execute([id])?;
        if n == 0 {
            return Err(StoreError::Invalid(format!("no user alias with id {id}")));
        }
        Ok(())
    }

    /// Adds an exclusion: `alias` of `actor_code` is not that actor in an article or inside a
    /// phrase. Article exclusions apply when mentions are stored (the next re-tag); phrase
    /// exclusions go into the effective dictionary.
    pub fn add_exclusion(
        &mut self,
        actor_code: &str,
        alias: &str,
        scope: &ExclusionScope,
    ) -> Result<i64> {
        let actor = actor_id(&self.conn, actor_code)?;
        let (article, phrase) = match scope {
            ExclusionScope::Article(id) => {
                let exists: Option<i64> = self
                    .conn
                    .prepare_cached("SELECT id FROM articles WHERE id = ?1")?
                    .query_row([id], |r| r.get(0))
                    .optional()?;
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
        self.conn
            .prepare_cached(
                "INSERT INTO exclusions (actor_id, alias, article_id, phrase) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![actor, alias.trim(), article, phrase])?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Every exclusion, oldest first.
    pub fn exclusions(&self) -> Result<Vec<ExclusionRecord>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT e.id, a.code, e.alias, e.article_id, e.phrase
             FROM exclusions e JOIN actors a ON a.id = e.actor_id ORDER BY e.id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<ArticleId>>(3)?,
                r.get::<_, Option<String>>(4)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, actor_code, alias, article, phrase) = row?;
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
            .conn
            .prepare_cached("DELETE FROM exclusions WHERE id = ?1")?
            .execute([id])?;
        if n == 0 {
            return Err(StoreError::Invalid(format!("no exclusion with id {id}")));
        }
        Ok(())
    }

    /// The dictionary to tag with: `builtin` minus the disabled aliases, plus the user's
    /// actors and aliases, plus the phrase exclusions.
    pub fn effective_dictionary(&self, builtin: &Dictionary) -> Result<Dictionary> {
        let mut dict = builtin.clone();
        let mut disabled: HashSet<(String, String, String)> = HashSet::new();
        {
            let mut stmt = self.conn.prepare_cached(
                "SELECT a.code, al.alias, al.language FROM aliases al
                 JOIN actors a ON a.id = al.actor_id WHERE al.enabled = 0",
            )?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
            for row in rows {
                disabled.insert(row?);
            }
        }
        if !disabled.is_empty() {
            let actors = &builtin.actors;
            dict.aliases.retain(|a| {
                !disabled.contains(&(
                    actors[a.actor].code.clone(),
                    a.text.clone(),
                    a.language.map_or("any", |l| l.as_str()).to_string(),
                ))
            });
        }
        let invalid = |e: crate::tagging::DictionaryError| StoreError::Invalid(e.to_string());
        for actor in self.user_actors()? {
            if dict.actor_index(&actor.code).is_none() {
                dict.add_actor(actor).map_err(invalid)?;
            }
        }
        for a in self.aliases(None)? {
            if !a.user || !a.enabled {
                continue;
            }
            let Some(actor) = dict.actor_index(&a.actor_code) else {
                continue;
            };
            dict.add_alias(Alias {
                actor,
                text: a.text,
                language: a.language,
                case: a.case,
                via: a.via,
                rule: None,
            })
            .map_err(invalid)?;
        }
        for e in self.exclusions()? {
            if let (ExclusionScope::Phrase(phrase), Some(actor)) =
                (e.scope, dict.actor_index(&e.actor_code))
            {
                dict.add_exclusion(PhraseExclusion { actor, phrase })
                    .map_err(invalid)?;
            }
        }
        Ok(dict)
    }

    /// Up to `limit` articles with ids above `after`, in id order.
    pub fn article_texts_after(&self, after: ArticleId, limit: usize) -> Result<Vec<ArticleText>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, language, published_day FROM articles
             WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            Ok(ArticleText {
                id: r.get(0)?,
                text: r.get(1)?,
                language: Language::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                published_day: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Calls `f` with every article in batches of up to `batch` articles, in id order (never
    /// the whole corpus in memory). Stops early when `f` returns `false`.
    pub fn for_each_article_batch(
        &self,
        batch: usize,
        mut f: impl FnMut(&[ArticleText]) -> bool,
    ) -> Result<()> {
        let mut after = 0;
        loop {
            let rows = self.article_texts_after(after, batch.max(1))?;
            let Some(last) = rows.last() else {
                return Ok(());
            };
            after = last.id;
            if !f(&rows) {
                return Ok(());
            }
        }
    }

    /// Replaces the mentions and per-actor counts of a batch of articles in one transaction
    /// (article exclusions applied); returns the number of mentions stored.
    pub fn replace_mentions(
        &mut self,
        batch: &[(ArticleId, Option<i64>, Vec<Mention>)],
        actor_ids: &HashMap<String, ActorId>,
    ) -> Result<u64> {
        let tx = self.conn.transaction()?;
        let mut stored = 0;
        {
            let mut del_mentions =
                tx.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?;
            let mut del_counts =
                tx.prepare_cached("DELETE FROM article_actors WHERE article_id = ?1")?;
            for (id, day, mentions) in batch {
                del_mentions.execute([id])?;
                del_counts.execute([id])?;
                stored += insert_mentions(&tx, *id, *day, mentions, actor_ids)?;
            }
        }
        tx.commit()?;
        Ok(stored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn store() -> Store {
        let mut s = Store::open_in_memory().expect("open");
        s.sync_dictionary(&Dictionary::builtin().expect("builtin"))
            .expect("sync");
        s
    }

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

    #[test]
    fn user_alias_and_disabled_builtin_shape_the_effective_dictionary() {
        let mut s = store();
        let builtin = Dictionary::builtin().expect("builtin");
        s.add_alias(&NewAlias {
            actor_code: "RUS".into(),
            text: "Negeri Tirai Besi".into(),
            language: Some(Language::Indonesian),
            case: None,
            via: Via::Name,
        })
        .expect("alias");
        assert!(
            s.add_alias(&NewAlias {
                actor_code: "RUS".into(),
                text: "Negeri Tirai Besi".into(),
                language: Some(Language::Indonesian),
                case: None,
                via: Via::Name,
            })
            .is_err()
        );
        s.set_alias_enabled("RUS", "Rusia", None, false)
            .expect("disable");
        let d = s.effective_dictionary(&builtin).expect("effective");
        let rus = d.actor_index("RUS").expect("RUS");
        assert!(
            d.aliases
                .iter()
                .any(|a| a.actor == rus && a.text == "Negeri Tirai Besi")
        );
        assert!(
            !d.aliases
                .iter()
                .any(|a| a.actor == rus && a.text == "Rusia")
        );
        assert_ne!(d.version_hash(), builtin.version_hash());
        s.set_alias_enabled("RUS", "Rusia", None, true)
            .expect("enable");
        let d = s.effective_dictionary(&builtin).expect("effective");
        assert!(
            d.aliases
                .iter()
                .any(|a| a.actor == rus && a.text == "Rusia")
        );
    }

    #[test]
    fn refuses_bad_edits() {
        let mut s = store();
        let alias = |code: &str, text: &str| NewAlias {
            actor_code: code.into(),
            text: text.into(),
            language: None,
            case: None,
            via: Via::Name,
        };
        assert!(s.add_alias(&alias("NOPE", "x")).is_err());
        assert!(s.add_alias(&alias("RUS", " - ")).is_err());
        assert!(s.set_alias_enabled("RUS", "Rusland", None, false).is_err());
        assert!(
            s.add_exclusion(
                "JOR",
                "Jordan",
                &ExclusionScope::Phrase("Michael Owen".into())
            )
            .is_err()
        );
        assert!(
            s.add_exclusion("JOR", "Jordan", &ExclusionScope::Article(42))
                .is_err()
        );
        assert!(s.delete_user_alias(1).is_err());
        assert!(
            s.add_actor(&Actor {
                code: "RUS".into(),
                kind: ActorKind::Country,
                name: "x".into(),
                name_id: String::new(),
                org_type: String::new(),
                country: String::new(),
            })
            .is_err()
        );
    }

    #[test]
    fn settings_round_trip() {
        let mut s = store();
        assert!(!s.include_places().expect("get"));
        s.set_include_places(true).expect("set");
        assert!(s.include_places().expect("get"));
        assert_eq!(s.dictionary_version().expect("get"), None);
        s.set_dictionary_version("abc").expect("set");
        assert_eq!(s.dictionary_version().expect("get").as_deref(), Some("abc"));
    }
}
