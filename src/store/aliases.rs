//! The user's aliases and the disabled flags of any alias.

use super::actors::actor_id;
use super::sql::{Sql, Value};
use super::{Result, Store, StoreError};
use crate::model::{CaseRule, Language, Via};

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

/// Adds an alias of the user's; see [`Store::add_alias`].
pub(super) fn add_alias(db: &mut dyn Sql, alias: &NewAlias) -> Result<i64> {
    let text = alias.text.trim();
    if !text.chars().any(char::is_alphanumeric) {
        return Err(StoreError::Invalid(format!(
            "alias {text:?} has no letter or digit"
        )));
    }
    let actor = actor_id(db, &alias.actor_code)?;
    let language = language_str(alias.language)?;
    let case = alias.case.unwrap_or_else(|| CaseRule::auto(text));
    let params = [
        Value::Int(actor),
        Value::Text(text),
        Value::Text(language),
        Value::Text(case.as_str()),
        Value::Text(alias.via.as_str()),
    ];
    // Asked first: on a server, a conflicting insert would still take an id.
    let exists = db
        .query_opt(
            "SELECT id FROM aliases WHERE actor_id = ?1 AND alias = ?2 AND language = ?3",
            &params[..3],
        )?
        .is_some();
    if exists {
        return Err(StoreError::Invalid(format!(
            "{} already has the alias {text:?} ({language})",
            alias.actor_code
        )));
    }
    db.insert(
        "INSERT INTO aliases (actor_id, alias, language, case_rule, via, origin)
         VALUES (?1, ?2, ?3, ?4, ?5, 'user')",
        &params,
    )
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

impl Store {
    /// Adds an alias of the user's to an actor (built-in or the user's) and returns its id.
    pub fn add_alias(&mut self, alias: &NewAlias) -> Result<i64> {
        self.with_sql_tx(|db| add_alias(db, alias))
    }

    /// Stops a place name that no alias lists (one of the gazetteer's, "Bali") counting for
    /// `actor_code`: kept as a disabled alias of the user's (`via = place`), which the
    /// aliases table then shows and a tick enables again (then as the user's own alias).
    pub fn disable_place_name(&mut self, actor_code: &str, text: &str) -> Result<()> {
        let text = text.trim();
        self.with_sql(|db| {
            let actor = actor_id(db, actor_code)?;
            if !text.chars().any(char::is_alphanumeric) {
                return Err(StoreError::Invalid(format!(
                    "place name {text:?} has no letter or digit"
                )));
            }
            db.execute(
                "INSERT INTO aliases (actor_id, alias, language, case_rule, via, origin, enabled)
                 VALUES (?1, ?2, 'any', ?3, 'place', 'user', 0)
                 ON CONFLICT (actor_id, alias, language) DO UPDATE SET enabled = 0",
                &[
                    Value::Int(actor),
                    Value::Text(text),
                    Value::Text(CaseRule::auto(text).as_str()),
                ],
            )?;
            Ok(())
        })
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
        let language_text = language_str(language)?;
        let changed = self.with_sql(|db| {
            let actor = actor_id(db, actor_code)?;
            db.execute(
                "UPDATE aliases SET enabled = ?4 WHERE actor_id = ?1 AND alias = ?2 AND language = ?3",
                &[
                    Value::Int(actor),
                    Value::Text(text.trim()),
                    Value::Text(language_text),
                    Value::Int(enabled.into()),
                ],
            )
        })?;
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
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT al.id, a.code, al.alias, al.language, al.case_rule, al.via, al.origin, al.enabled
                 FROM aliases al JOIN actors a ON a.id = al.actor_id
                 WHERE CAST(?1 AS TEXT) IS NULL OR a.code = ?1
                 ORDER BY a.code, al.alias, al.language",
                &[actor_code.into()],
            )
        })?;
        let mut out = Vec::new();
        for r in rows {
            let (id, actor_code, text, language, case, via, origin, enabled) = (
                r.int(0)?,
                r.text(1)?,
                r.text(2)?,
                r.text(3)?,
                r.text(4)?,
                r.text(5)?,
                r.text(6)?,
                r.bool(7)?,
            );
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
        let n = self.with_sql(|db| {
            db.execute(
                "DELETE FROM aliases WHERE id = ?1 AND origin = 'user'",
                &[Value::Int(id)],
            )
        })?;
        if n == 0 {
            return Err(StoreError::Invalid(format!("no user alias with id {id}")));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind};
    use crate::store::ExclusionScope;

    use crate::test_support::store;

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
}

/// What one spelling of an actor counts.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasCount {
    /// The spelling, lower-cased (ASCII letters, as [`alias_key`]).
    pub key: String,
    /// Its mentions.
    pub mentions: u64,
    /// Articles with at least one of them.
    pub articles: u64,
    /// A few sentences it stands in: (text before, the mention, text after).
    pub contexts: Vec<(String, String, String)>,
}

/// What each spelling of an actor counts, to see which alias drives a number.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasUsage {
    /// Per spelling, most mentions first.
    pub counts: Vec<AliasCount>,
    /// Every mention of the actor.
    pub mentions: u64,
    /// Its mentions stored before spellings were kept (a re-tag fills them in).
    pub unknown: u64,
}

/// The sentence around characters `start..end` of `text`, cut in three (at most 80
/// characters either side).
fn context_of(text: &str, start: usize, end: usize) -> (String, String, String) {
    let byte = |c: usize| text.char_indices().nth(c).map_or(text.len(), |(b, _)| b);
    let (s, e) = (byte(start), byte(end).max(byte(start)));
    let sentence = crate::segment::sentence_around(text, s, e);
    let base = (sentence.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
    let stop = base + sentence.len();
    let s = s.clamp(base, stop);
    let e = e.clamp(s, stop);
    let before: String = text[base..s]
        .chars()
        .rev()
        .take(80)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let after: String = text[e..stop].chars().take(80).collect();
    let clean = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
    (clean(&before), text[s..e].to_string(), clean(&after))
}

/// The key an alias's mentions are counted under: lower-cased (ASCII, as SQLite's `lower`).
pub fn alias_key(alias: &str) -> String {
    alias.to_ascii_lowercase()
}

impl Store {
    /// What each spelling of `actor_code` counts, with up to `contexts` sentences each.
    pub fn alias_usage(&self, actor_code: &str, contexts: usize) -> Result<AliasUsage> {
        self.with_sql(|db| {
            let Some(actor) = db
                .query_opt(
                    "SELECT id FROM actors WHERE code = ?1",
                    &[Value::Text(actor_code)],
                )?
                .map(|r| r.int(0))
                .transpose()?
            else {
                return Ok(AliasUsage::default());
            };
            // Keys fold as SQLite's lower() does, ASCII only, on both engines (a server's
            // lower() is pantau_lower there); the tie on the key keeps the order the same.
            let rows = db.query(
                "SELECT lower(alias_key), COUNT(*), COUNT(DISTINCT article_id) FROM mentions
                 WHERE actor_id = ?1 GROUP BY lower(alias_key)
                 ORDER BY COUNT(*) DESC, lower(alias_key)",
                &[Value::Int(actor)],
            )?;
            let mut usage = AliasUsage::default();
            for row in rows {
                let (key, n, articles) = (row.opt_text(0)?, row.int(1)?, row.int(2)?);
                usage.mentions += n.max(0) as u64;
                let Some(key) = key else {
                    usage.unknown += n.max(0) as u64;
                    continue;
                };
                let found = db.query(
                    "SELECT CASE m.field WHEN 1 THEN a.title ELSE a.text END, m.start_char,
                            m.end_char
                     FROM mentions m JOIN articles a ON a.id = m.article_id
                     WHERE m.actor_id = ?1 AND lower(m.alias_key) = ?2
                     ORDER BY m.article_id DESC, m.start_char LIMIT ?3",
                    &[
                        Value::Int(actor),
                        Value::Text(&key),
                        Value::Int(contexts as i64),
                    ],
                )?;
                let contexts = found
                    .iter()
                    .map(|r| {
                        let (start, end) = (r.int(1)?.max(0) as usize, r.int(2)?.max(0) as usize);
                        Ok(context_of(&r.text(0)?, start, end))
                    })
                    .collect::<Result<_>>()?;
                usage.counts.push(AliasCount {
                    key,
                    mentions: n.max(0) as u64,
                    articles: articles.max(0) as u64,
                    contexts,
                });
            }
            Ok(usage)
        })
    }
}
