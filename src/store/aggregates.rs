//! Aggregates for the analysis: per-day counts, per-article actor sets, mention units and the
//! articles behind a drill-down. The caller (the analysis) bins, pairs and scores; this
//! file only reads.
//!
//! Every query takes a [`Filter`](crate::model::Filter): its article conditions
//! (date range, languages, sources, full-text query) become SQL on `articles a`; its actor
//! kind is applied by the caller to the actors it keeps.

use super::sql;
use super::{ActorId, ArticleId, Result, Store};
use crate::model::ActorKind;
use crate::model::{Filter, Prominence};
use chrono::NaiveDate;
use rusqlite::types::Value;
use std::collections::HashMap;

/// An actor as the analysis shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorInfo {
    /// Row id.
    pub id: ActorId,
    /// Code ("RUS").
    pub code: String,
    /// Display name.
    pub name: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// Organization type ("" for countries).
    pub org_type: String,
}

/// Per-actor totals under a filter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ActorTotals {
    /// The actor.
    pub actor: ActorId,
    /// Articles mentioning it.
    pub articles: u64,
    /// Its mentions.
    pub mentions: u64,
}

/// One article of a drill-down, with its text (for the context lines).
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleBrief {
    /// Row id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Publication day.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: String,
    /// The text.
    pub text: String,
    /// Where it was reported from and that place's country ("" when none).
    pub dateline_place: String,
    /// ISO alpha-3 of the dateline's country ("" when unknown).
    pub dateline_country: String,
}

/// A stored mention, as the drill-down reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MentionSpan {
    /// The actor.
    pub actor: ActorId,
    /// First character (Unicode scalar values from the text's start).
    pub start_char: usize,
    /// One past the last character.
    pub end_char: usize,
    /// Sentence index.
    pub sentence: u32,
    /// Paragraph index.
    pub paragraph: u32,
    /// The field it stands in (its offsets are that field's).
    pub field: crate::model::Field,
}

/// The unit a co-occurrence counts in, below the article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitColumn {
    /// Paragraphs.
    Paragraph,
    /// Sentences.
    Sentence,
}

impl UnitColumn {
    fn mention_column(self) -> &'static str {
        match self {
            UnitColumn::Paragraph => "paragraph_idx",
            UnitColumn::Sentence => "sentence_idx",
        }
    }
    fn article_column(self) -> &'static str {
        match self {
            UnitColumn::Paragraph => "paragraphs",
            UnitColumn::Sentence => "sentences",
        }
    }
}

/// Which articles a drill-down lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DrillTarget {
    /// Articles mentioning `actor`, optionally within days `from..until` (until exclusive).
    Actor {
        /// The actor.
        actor: ActorId,
        /// Day range, in days since 1970-01-01.
        days: Option<(i64, i64)>,
    },
    /// Articles mentioning both actors (in one unit, when given).
    Pair {
        /// First actor.
        a: ActorId,
        /// Second actor.
        b: ActorId,
        /// Paragraph or sentence; `None` = the whole article.
        unit: Option<UnitColumn>,
    },
}

/// Days since 1970-01-01 of a date.
pub fn day_number(d: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (d - epoch).num_days()
}

/// The date of a day number.
pub fn day_date(day: i64) -> NaiveDate {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    epoch + chrono::Duration::days(day)
}

/// SQL conditions (each starting with " AND ") on `articles a` for a filter, and their values;
/// an error for a full-text query that does not parse.
fn conditions(filter: &Filter, dated_only: bool) -> Result<(String, Vec<Value>)> {
    let mut sql = String::new();
    let mut values = Vec::new();
    if dated_only {
        sql.push_str(" AND a.published_day IS NOT NULL");
    }
    if filter.stories {
        sql.push_str(" AND a.story_id IS NULL");
    }
    if let Some(from) = filter.from {
        sql.push_str(" AND a.published_day >= ?");
        values.push(Value::Integer(day_number(from)));
    }
    if let Some(to) = filter.to {
        sql.push_str(" AND a.published_day <= ?");
        values.push(Value::Integer(day_number(to)));
    }
    if !filter.languages.is_empty() {
        sql.push_str(" AND a.language IN (");
        sql.push_str(&vec!["?"; filter.languages.len()].join(","));
        sql.push(')');
        values.extend(
            filter
                .languages
                .iter()
                .map(|l| Value::Text(l.as_str().to_string())),
        );
    }
    if !filter.sources.is_empty() {
        // ASCII letters folded, on a file (SQLite's lower) and on a server (pantau_lower).
        sql.push_str(" AND lower(a.source) IN (");
        sql.push_str(&vec!["lower(?)"; filter.sources.len()].join(","));
        sql.push(')');
        values.extend(filter.sources.iter().map(|s| Value::Text(s.clone())));
    }
    if let Some(q) = filter.query.as_deref().filter(|q| !q.trim().is_empty()) {
        let condition = super::fulltext::search_condition(q, |v| {
            values.push(Value::Text(v));
            "?".into()
        })?;
        sql.push_str(" AND ");
        sql.push_str(&condition);
    }
    Ok((sql, values))
}

/// True when the filter restricts articles (beyond the actor kind); a query that does not
/// parse restricts them too (to an error).
fn restricts_articles(filter: &Filter) -> bool {
    filter.prominence != Prominence::Body
        || conditions(filter, false).map_or(true, |(sql, _)| !sql.is_empty())
}

/// SQL of a filter's prominence: on an article's actor row (`article_actors x`), its mentions
/// that count, and on a mention (`mentions m`).
struct ProminenceSql {
    /// " AND ..." on `x`, or empty.
    row: String,
    /// The mentions of `x` that count.
    sum: String,
    /// " AND ..." on `m`, or empty.
    mention: String,
}

fn prominence_sql(filter: &Filter, x: &str, m: &str) -> ProminenceSql {
    match filter.prominence {
        Prominence::Body => ProminenceSql {
            row: String::new(),
            sum: format!("{x}.mentions"),
            mention: String::new(),
        },
        Prominence::Lead => ProminenceSql {
            row: format!(" AND ({x}.headline + {x}.lead) > 0"),
            sum: format!("({x}.headline + {x}.lead)"),
            mention: format!(" AND {m}.prominence >= 1"),
        },
        Prominence::Headline => ProminenceSql {
            row: format!(" AND {x}.headline > 0"),
            sum: format!("{x}.headline"),
            mention: format!(" AND {m}.prominence >= 2"),
        },
    }
}

fn u(n: i64) -> u64 {
    n.max(0) as u64
}

/// A condition's values as the engines' statements bind them.
fn bind(values: &[Value]) -> Vec<sql::Value<'_>> {
    values.iter().map(sql::Value::from).collect()
}

impl Store {
    /// Every actor, by id.
    pub fn actors(&self) -> Result<Vec<ActorInfo>> {
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT id, code, name, kind, org_type FROM actors ORDER BY id",
                &[],
            )
        })?;
        rows.iter()
            .map(|r| {
                Ok(ActorInfo {
                    id: r.int(0)?,
                    code: r.text(1)?,
                    name: r.text(2)?,
                    kind: ActorKind::parse(&r.text(3)?).unwrap_or(ActorKind::Organization),
                    org_type: r.text(4)?,
                })
            })
            .collect()
    }

    /// A filter's conditions ([`conditions`]) for this database (a search on a server asks
    /// it for the matching ids first).
    fn conds(&self, filter: &Filter, dated_only: bool) -> Result<(String, Vec<Value>)> {
        if self.server_address().is_some()
            && let Some(q) = filter.query.as_deref().filter(|q| !q.trim().is_empty())
        {
            // The server's search: the matching articles by id.
            let rest = Filter {
                query: None,
                ..filter.clone()
            };
            let (mut sql, mut values) = conditions(&rest, dated_only)?;
            let condition = self.server_search_condition(q, |v| {
                values.push(Value::Text(v));
                "?".into()
            })?;
            sql.push_str(" AND ");
            sql.push_str(&condition);
            return Ok((sql, values));
        }
        conditions(filter, dated_only)
    }

    /// Calls `f` with each row of a statement, on either engine.
    fn each(
        &self,
        sql: &str,
        values: &[Value],
        mut f: impl FnMut(&sql::RowRef<'_, '_>) -> Result<()>,
    ) -> Result<()> {
        self.with_sql(|db| db.for_each(sql, &bind(values), &mut f))
    }

    /// The (key, count) rows of a grouped count.
    fn counts(&self, sql: &str, values: &[Value]) -> Result<Vec<(i64, u64)>> {
        let mut out = Vec::new();
        self.with_sql(|db| {
            db.for_each(sql, &bind(values), &mut |r| {
                out.push((r.int(0)?, u(r.int(1)?)));
                Ok(())
            })
        })?;
        Ok(out)
    }

    /// The one number a statement selects (0 for none).
    fn number(&self, sql: &str, values: &[Value]) -> Result<i64> {
        self.with_sql(|db| {
            db.query_opt(sql, &bind(values))?
                .map_or(Ok(0), |r| r.opt_int(0).map(Option::unwrap_or_default))
        })
    }

    /// The articles passing `filter`'s article conditions, as a bitmap by id; `None` when it
    /// has none (every article passes). Joining `article_actors` to `articles` under a
    /// condition made SQLite sort hundreds of thousands of rows; one pass over each table
    /// with this bitmap is several times faster.
    fn passing(&self, filter: &Filter) -> Result<Option<Vec<bool>>> {
        let (cond, values) = self.conds(filter, false)?;
        if cond.is_empty() {
            return Ok(None);
        }
        let mut bits: Vec<bool> = Vec::new();
        self.each(
            &format!("SELECT a.id FROM articles a WHERE TRUE{cond}"),
            &values,
            |r| {
                if let Ok(i) = usize::try_from(r.int(0)?) {
                    if i >= bits.len() {
                        bits.resize(i + 1, false);
                    }
                    bits[i] = true;
                }
                Ok(())
            },
        )?;
        Ok(Some(bits))
    }

    /// Articles and mentions per actor among the articles passing `filter` (actors with none
    /// left out).
    pub fn actor_totals(&self, filter: &Filter) -> Result<Vec<ActorTotals>> {
        let passing = self.passing(filter)?;
        let p = prominence_sql(filter, "x", "m");
        let sql = format!(
            "SELECT x.actor_id, COUNT(*), SUM({}) FROM article_actors x WHERE TRUE{}
             GROUP BY x.actor_id ORDER BY x.actor_id",
            p.sum, p.row
        );
        let Some(bits) = passing else {
            let mut out = Vec::new();
            self.each(&sql, &[], |r| {
                out.push(ActorTotals {
                    actor: r.int(0)?,
                    articles: u(r.int(1)?),
                    mentions: u(r.int(2)?),
                });
                Ok(())
            })?;
            return Ok(out);
        };
        let mut totals: HashMap<ActorId, (u64, u64)> = HashMap::new();
        self.each(
            &format!(
                "SELECT x.article_id, x.actor_id, {} FROM article_actors x WHERE TRUE{}",
                p.sum, p.row
            ),
            &[],
            |r| {
                let article = r.int(0)?;
                if !usize::try_from(article).is_ok_and(|i| bits.get(i).copied().unwrap_or(false)) {
                    return Ok(());
                }
                let e = totals.entry(r.int(1)?).or_default();
                e.0 += 1;
                e.1 += u(r.int(2)?);
                Ok(())
            },
        )?;
        Ok(totals
            .into_iter()
            .map(|(actor, (articles, mentions))| ActorTotals {
                actor,
                articles,
                mentions,
            })
            .collect())
    }

    /// Per outlet and actor: articles passing `filter` from that outlet that mention the actor
    /// (as prominent as the filter asks); only `actor`'s rows when given. An article without
    /// an outlet counts under "". Also every outlet's articles passing `filter`.
    #[allow(clippy::type_complexity)]
    pub fn source_actor_articles(
        &self,
        filter: &Filter,
        actor: Option<ActorId>,
    ) -> Result<(Vec<(String, ActorId, u64)>, HashMap<String, u64>)> {
        // Each passing article's outlet, by id (outlets interned).
        let (cond, values) = self.conds(filter, false)?;
        let mut names: Vec<String> = Vec::new();
        let mut index: HashMap<String, u32> = HashMap::new();
        let mut source_of: Vec<u32> = Vec::new();
        let mut per_source: Vec<u64> = Vec::new();
        self.each(
            &format!("SELECT a.id, a.source FROM articles a WHERE TRUE{cond}"),
            &values,
            |r| {
                let (id, source) = (r.int(0)?, r.text(1)?);
                let Ok(i) = usize::try_from(id) else {
                    return Ok(());
                };
                let next = names.len() as u32;
                let s = *index.entry(source.clone()).or_insert_with(|| {
                    names.push(source);
                    next
                });
                if i >= source_of.len() {
                    source_of.resize(i + 1, u32::MAX);
                }
                source_of[i] = s;
                if s as usize >= per_source.len() {
                    per_source.resize(s as usize + 1, 0);
                }
                per_source[s as usize] += 1;
                Ok(())
            },
        )?;
        let p = prominence_sql(filter, "x", "m");
        let only = if actor.is_some() {
            " AND x.actor_id = ?"
        } else {
            ""
        };
        let mut counts: HashMap<(u32, ActorId), u64> = HashMap::new();
        let only_values: Vec<Value> = actor.map(Value::Integer).into_iter().collect();
        self.each(
            &format!(
                "SELECT x.article_id, x.actor_id FROM article_actors x WHERE TRUE{}{only}",
                p.row
            ),
            &only_values,
            |r| {
                let article = r.int(0)?;
                let Some(&s) = usize::try_from(article).ok().and_then(|i| source_of.get(i)) else {
                    return Ok(());
                };
                if s != u32::MAX {
                    *counts.entry((s, r.int(1)?)).or_default() += 1;
                }
                Ok(())
            },
        )?;
        let totals = names
            .iter()
            .cloned()
            .zip(per_source.iter().copied())
            .collect();
        Ok((
            counts
                .into_iter()
                .map(|((s, a), n)| (names[s as usize].clone(), a, n))
                .collect(),
            totals,
        ))
    }

    /// Articles passing `filter` per outlet ("" for articles without one).
    pub fn source_articles(&self, filter: &Filter) -> Result<Vec<(String, u64)>> {
        let (cond, values) = self.conds(filter, false)?;
        let sql = format!(
            "SELECT a.source, COUNT(*) FROM articles a WHERE TRUE{cond} GROUP BY a.source ORDER BY a.source"
        );
        let mut out = Vec::new();
        self.with_sql(|db| {
            db.for_each(&sql, &bind(&values), &mut |r| {
                out.push((r.text(0)?, u(r.int(1)?)));
                Ok(())
            })
        })?;
        Ok(out)
    }

    /// Dated articles passing `filter`, per day (days without articles left out).
    pub fn articles_per_day(&self, filter: &Filter) -> Result<Vec<(i64, u64)>> {
        let (cond, values) = self.conds(filter, true)?;
        let sql = format!(
            "SELECT a.published_day, COUNT(*) FROM articles a WHERE TRUE{cond}
             GROUP BY a.published_day ORDER BY a.published_day"
        );
        self.counts(&sql, &values)
    }

    /// Undated articles passing the filter's conditions other than the date range.
    pub fn undated_articles(&self, filter: &Filter) -> Result<u64> {
        let undated = Filter {
            from: None,
            to: None,
            ..filter.clone()
        };
        let (cond, values) = self.conds(&undated, false)?;
        let sql = format!("SELECT COUNT(*) FROM articles a WHERE a.published_day IS NULL{cond}");
        Ok(u(self.number(&sql, &values)?))
    }

    /// Articles passing `filter` (dated or not, unless it has a date range).
    pub fn article_count(&self, filter: &Filter) -> Result<u64> {
        let (cond, values) = self.conds(filter, false)?;
        let sql = format!("SELECT COUNT(*) FROM articles a WHERE TRUE{cond}");
        Ok(u(self.number(&sql, &values)?))
    }

    /// For one actor, per day: articles passing `filter` that mention it, and its mentions.
    pub fn actor_per_day(&self, actor: ActorId, filter: &Filter) -> Result<Vec<(i64, u64, u64)>> {
        let (cond, mut values) = self.conds(filter, false)?;
        let p = prominence_sql(filter, "x", "m");
        let sql = if cond.is_empty() {
            // The primary key range of the actor holds day and count: one sequential scan.
            format!(
                "SELECT x.published_day, COUNT(*), SUM({}) FROM article_actors x
                 WHERE x.actor_id = ? AND x.published_day IS NOT NULL{} GROUP BY x.published_day
                 ORDER BY x.published_day",
                p.sum, p.row
            )
        } else {
            format!(
                "SELECT x.published_day, COUNT(*), SUM({}) FROM article_actors x
                 JOIN articles a ON a.id = x.article_id
                 WHERE x.actor_id = ? AND x.published_day IS NOT NULL{cond}{}
                 GROUP BY x.published_day ORDER BY x.published_day",
                p.sum, p.row
            )
        };
        values.insert(0, Value::Integer(actor));
        let mut out = Vec::new();
        self.with_sql(|db| {
            db.for_each(&sql, &bind(&values), &mut |r| {
                out.push((r.int(0)?, u(r.int(1)?), u(r.int(2)?)));
                Ok(())
            })
        })?;
        Ok(out)
    }

    /// The article passing `filter` with the most mentions of `actor` between days `from` and
    /// `until` (exclusive); ties go to the lowest id.
    pub fn top_article(
        &self,
        actor: ActorId,
        from: i64,
        until: i64,
        filter: &Filter,
    ) -> Result<Option<(ArticleId, String)>> {
        let (cond, values) = self.conds(filter, false)?;
        let p = prominence_sql(filter, "x", "m");
        let sql = format!(
            "SELECT a.id, a.title FROM article_actors x JOIN articles a ON a.id = x.article_id
             WHERE x.actor_id = ? AND x.published_day >= ? AND x.published_day < ?{cond}{}
             ORDER BY {} DESC, a.id LIMIT 1",
            p.row, p.sum
        );
        let mut all = vec![
            Value::Integer(actor),
            Value::Integer(from),
            Value::Integer(until),
        ];
        all.extend(values);
        self.with_sql(|db| {
            db.query_opt(&sql, &bind(&all))?
                .map(|r| Ok((r.int(0)?, r.text(1)?)))
                .transpose()
        })
    }

    /// Calls `f(article, actors)` for every article passing `filter` that mentions at least
    /// one actor, with its actors sorted by id.
    pub fn for_each_actor_set(
        &self,
        filter: &Filter,
        mut f: impl FnMut(ArticleId, &[ActorId]),
    ) -> Result<()> {
        let (cond, values) = self.conds(filter, false)?;
        let p = prominence_sql(filter, "x", "m");
        let sql = if cond.is_empty() {
            format!(
                "SELECT x.article_id, x.actor_id FROM article_actors x
                 INDEXED BY article_actors_by_article WHERE TRUE{}
                 ORDER BY x.article_id, x.actor_id",
                p.row
            )
        } else {
            format!(
                "SELECT x.article_id, x.actor_id FROM articles a
                 JOIN article_actors x INDEXED BY article_actors_by_article ON x.article_id = a.id
                 WHERE TRUE{cond}{} ORDER BY x.article_id, x.actor_id",
                p.row
            )
        };
        let mut current: Option<ArticleId> = None;
        let mut set: Vec<ActorId> = Vec::with_capacity(32);
        self.with_sql(|db| {
            db.for_each(&sql, &bind(&values), &mut |r| {
                let (article, actor): (ArticleId, ActorId) = (r.int(0)?, r.int(1)?);
                if current != Some(article) {
                    if let Some(prev) = current {
                        f(prev, &set);
                    }
                    set.clear();
                    current = Some(article);
                }
                set.push(actor);
                Ok(())
            })
        })?;
        if let Some(prev) = current {
            f(prev, &set);
        }
        Ok(())
    }

    /// Calls `f(article, units)` for every article passing `filter` that mentions at least one
    /// actor, with its (unit index, actor) pairs sorted and without repeats.
    pub fn for_each_unit_set(
        &self,
        filter: &Filter,
        unit: UnitColumn,
        mut f: impl FnMut(ArticleId, &[(u32, ActorId)]),
    ) -> Result<()> {
        let col = unit.mention_column();
        let (cond, values) = self.conds(filter, false)?;
        let p = prominence_sql(filter, "x", "m");
        let sql = if cond.is_empty() {
            format!(
                "SELECT m.article_id, m.{col}, m.actor_id FROM mentions m WHERE TRUE{}
                 ORDER BY m.article_id",
                p.mention
            )
        } else {
            format!(
                "SELECT m.article_id, m.{col}, m.actor_id FROM articles a
                 JOIN mentions m ON m.article_id = a.id WHERE TRUE{cond}{} ORDER BY m.article_id",
                p.mention
            )
        };
        let mut current: Option<ArticleId> = None;
        let mut set: Vec<(u32, ActorId)> = Vec::with_capacity(64);
        let mut flush = |article: ArticleId, set: &mut Vec<(u32, ActorId)>| {
            set.sort_unstable();
            set.dedup();
            f(article, set);
            set.clear();
        };
        self.with_sql(|db| {
            db.for_each(&sql, &bind(&values), &mut |r| {
                let (article, idx, actor): (ArticleId, i64, ActorId) =
                    (r.int(0)?, r.int(1)?, r.int(2)?);
                if current != Some(article) {
                    if let Some(prev) = current {
                        flush(prev, &mut set);
                    }
                    current = Some(article);
                }
                set.push((idx.max(0) as u32, actor));
                Ok(())
            })
        })?;
        if let Some(prev) = current {
            flush(prev, &mut set);
        }
        Ok(())
    }

    /// Units (paragraphs or sentences) of the articles passing `filter` whose count was stored
    /// at import, summed; and the ids of those without a stored count (imported before the
    /// counts existed), sorted.
    pub fn unit_totals(&self, filter: &Filter, unit: UnitColumn) -> Result<(u64, Vec<ArticleId>)> {
        let col = unit.article_column();
        let (cond, values) = self.conds(filter, false)?;
        let sum = self.number(
            &format!("SELECT COALESCE(SUM(a.{col}), 0) FROM articles a WHERE TRUE{cond}"),
            &values,
        )?;
        let mut missing = Vec::new();
        self.with_sql(|db| {
            db.for_each(
                &format!("SELECT a.id FROM articles a WHERE a.{col} IS NULL{cond} ORDER BY a.id"),
                &bind(&values),
                &mut |r| {
                    missing.push(r.int(0)?);
                    Ok(())
                },
            )
        })?;
        Ok((u(sum), missing))
    }

    fn drill_conditions(
        &self,
        target: &DrillTarget,
        filter: &Filter,
    ) -> Result<(String, Vec<Value>)> {
        let (cond, values) = self.conds(filter, false)?;
        let p = prominence_sql(filter, "x", "m1");
        let p2 = prominence_sql(filter, "x", "m2");
        let mut sql = String::new();
        let mut all = Vec::new();
        let has = format!(
            " AND a.id IN (SELECT x.article_id FROM article_actors x WHERE x.actor_id = ?{})",
            p.row
        );
        match *target {
            DrillTarget::Actor { actor, days } => {
                sql.push_str(&has);
                all.push(Value::Integer(actor));
                if let Some((from, until)) = days {
                    sql.push_str(" AND a.published_day >= ? AND a.published_day < ?");
                    all.push(Value::Integer(from));
                    all.push(Value::Integer(until));
                }
            }
            DrillTarget::Pair { a, b, unit } => {
                sql.push_str(&has);
                sql.push_str(&has);
                all.push(Value::Integer(a));
                all.push(Value::Integer(b));
                if let Some(unit) = unit {
                    let col = unit.mention_column();
                    sql.push_str(&format!(
                        " AND EXISTS (SELECT 1 FROM mentions m1 JOIN mentions m2
                           ON m2.article_id = m1.article_id AND m2.{col} = m1.{col}
                           WHERE m1.article_id = a.id AND m1.actor_id = ? AND m2.actor_id = ?{}{})",
                        p.mention, p2.mention
                    ));
                    all.push(Value::Integer(a));
                    all.push(Value::Integer(b));
                }
            }
        }
        sql.push_str(&cond);
        all.extend(values);
        Ok((sql, all))
    }

    /// The articles of a drill-down passing `filter`, oldest first (undated last), paged; and
    /// how many there are in all.
    pub fn drill_articles(
        &self,
        target: &DrillTarget,
        filter: &Filter,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<ArticleBrief>, u64)> {
        let (cond, values) = self.drill_conditions(target, filter)?;
        let total = self.number(
            &format!("SELECT COUNT(*) FROM articles a WHERE TRUE{cond}"),
            &values,
        )?;
        let mut page = values;
        page.push(Value::Integer(limit.min(i64::MAX as u64) as i64));
        page.push(Value::Integer(offset.min(i64::MAX as u64) as i64));
        let mut rows = Vec::new();
        self.each(
            &format!(
                "SELECT a.id, a.title, a.source, a.published_day, a.language, a.text, a.dateline_place,
                   a.dateline_country FROM articles a
                 WHERE TRUE{cond} ORDER BY a.published_day IS NULL, a.published_day, a.id LIMIT ? OFFSET ?"
            ),
            &page,
            |r| {
                rows.push(ArticleBrief {
                    id: r.int(0)?,
                    title: r.text(1)?,
                    source: r.text(2)?,
                    published: r.opt_int(3)?.map(day_date),
                    language: r.text(4)?,
                    text: r.text(5)?,
                    dateline_place: r.text(6)?,
                    dateline_country: r.text(7)?,
                });
                Ok(())
            },
        )?;
        Ok((rows, u(total)))
    }

    /// The mentions of `actors` in one article, by position.
    pub fn article_mentions(
        &self,
        article: ArticleId,
        actors: &[ActorId],
    ) -> Result<Vec<MentionSpan>> {
        let mut out = Vec::new();
        self.each(
            "SELECT actor_id, start_char, end_char, sentence_idx, paragraph_idx, field FROM mentions
             WHERE article_id = ? ORDER BY field DESC, start_char",
            &[Value::Integer(article)],
            |r| {
                let m = MentionSpan {
                    actor: r.int(0)?,
                    start_char: r.int(1)?.max(0) as usize,
                    end_char: r.int(2)?.max(0) as usize,
                    sentence: r.int(3)?.clamp(0, i64::from(u32::MAX)) as u32,
                    paragraph: r.int(4)?.clamp(0, i64::from(u32::MAX)) as u32,
                    field: crate::model::Field::from_code(r.int(5)?),
                };
                if actors.contains(&m.actor) {
                    out.push(m);
                }
                Ok(())
            },
        )?;
        Ok(out)
    }

    /// Article ids passing `filter` (and, if `actors` is not empty, mentioning one of them),
    /// for the filtered exports.
    pub fn filtered_article_ids(
        &self,
        filter: &Filter,
        actors: Option<&[ActorId]>,
    ) -> Result<Vec<ArticleId>> {
        let (cond, mut values) = self.conds(filter, false)?;
        let mut sql = format!("SELECT a.id FROM articles a WHERE TRUE{cond}");
        if let Some(actors) = actors {
            sql.push_str(&format!(
                " AND a.id IN (SELECT x.article_id FROM article_actors x WHERE x.actor_id IN ({}){})",
                if actors.is_empty() {
                    "NULL".to_string()
                } else {
                    vec!["?"; actors.len()].join(",")
                },
                prominence_sql(filter, "x", "m").row
            ));
            values.extend(actors.iter().map(|&a| Value::Integer(a)));
        }
        sql.push_str(" ORDER BY a.id");
        let mut ids = Vec::new();
        self.each(&sql, &values, |r| {
            ids.push(r.int(0)?);
            Ok(())
        })?;
        Ok(ids)
    }

    /// True when `filter` restricts the articles (not just the actor kind).
    pub fn filter_restricts_articles(filter: &Filter) -> bool {
        restricts_articles(filter)
    }
}
