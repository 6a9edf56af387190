//! Reading single articles and lists of articles for the dashboard, and correcting dates.

use super::sql::Value as Sv;
use super::{ArticleId, Result, Store, day_number, fulltext};
use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{params_from_iter, types::Value};

/// One article with its mentions, as the reader shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleView {
    /// Row id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Text, paragraphs separated by blank lines.
    pub text: String,
    /// Outlet.
    pub source: String,
    /// URL.
    pub url: String,
    /// The file it came from.
    pub path: String,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// Where the date came from ("metadata", "user", "none", ...).
    pub date_source: String,
    /// Language code.
    pub language: String,
    /// Where it was reported from, by its dateline ("" when none).
    pub dateline_place: String,
    /// That place's country (ISO alpha-3, "" when unknown).
    pub dateline_country: String,
    /// Its authors ("" when none known).
    pub byline: String,
    /// Its editor ("" when none known).
    pub editor: String,
    /// Its section ("" when none known).
    pub section: String,
    /// The length its file states, in words.
    pub stated_words: Option<u32>,
    /// Characters the exporting service cut from its text.
    pub missing_chars: Option<u64>,
    /// Mentions in text order.
    pub mentions: Vec<ArticleMention>,
    /// Other copies of its story (at most [`READER_COPIES`] of each kind).
    pub copies: Vec<StoryCopy>,
    /// How many other copies there are in all.
    pub copies_total: u64,
}

/// Copies of a story the reader lists, of each kind.
pub const READER_COPIES: usize = 50;

/// Another copy of an article's story.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StoryCopy {
    /// The stored article, for a near-duplicate; `None` for an exact copy of this article.
    pub article_id: Option<ArticleId>,
    /// Headline (empty for an exact copy: the same as this article's).
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Publication date, if known.
    pub published: Option<NaiveDate>,
    /// The file it came from.
    pub path: String,
}

/// Where one mention stands in an article's text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleMention {
    /// Actor code.
    pub actor_code: String,
    /// First character (Unicode scalar values from the text's start).
    pub start_char: usize,
    /// One past the last character.
    pub end_char: usize,
    /// name | short | demonym | place.
    pub via: String,
    /// Sentence index.
    pub sentence_idx: u32,
    /// Paragraph index.
    pub paragraph_idx: u32,
    /// The field it stands in (its offsets are that field's).
    pub field: crate::model::Field,
}

/// Which articles to list; every field narrows the list.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ArticleListQuery {
    /// Only articles mentioning this actor.
    pub actor_code: Option<String>,
    /// Published on or after.
    pub from: Option<NaiveDate>,
    /// Published on or before.
    pub to: Option<NaiveDate>,
    /// Only undated articles.
    pub undated_only: bool,
    /// Language codes ("id", "en"); empty = all.
    pub languages: Vec<String>,
    /// Outlets; empty = all.
    pub sources: Vec<String>,
    /// Full-text search (SQLite FTS5 syntax); empty = none.
    pub text: String,
}

/// One row of an article list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleListRow {
    /// Row id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Publication date.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: String,
    /// Mentions of all actors.
    pub mentions: u64,
    /// Where it was reported from, by its dateline ("" when none).
    pub dateline_place: String,
    /// That place's country (ISO alpha-3, "" when unknown).
    pub dateline_country: String,
    /// Other copies of its story (near-duplicates and exact copies).
    pub copies: u64,
}

/// An actor and its aliases, for the dictionary view.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorEntry {
    /// Code.
    pub code: String,
    /// "country" or "organization".
    pub kind: String,
    /// English name.
    pub name: String,
    /// Indonesian name.
    pub name_id: String,
    /// Organization type.
    pub org_type: String,
    /// "builtin" or "user".
    pub origin: String,
    /// Aliases.
    pub aliases: Vec<AliasEntry>,
}

/// One alias of an actor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AliasEntry {
    /// The alias text.
    pub alias: String,
    /// Language code or "any".
    pub language: String,
    /// name | short | demonym | place.
    pub via: String,
    /// "exact" or "fold".
    pub case_rule: String,
    /// Used by the tagger.
    pub enabled: bool,
}

fn parse_published(p: Option<String>) -> Option<NaiveDate> {
    let p = p?;
    NaiveDateTime::parse_from_str(&p, "%Y-%m-%dT%H:%M:%S")
        .map(|d| d.date())
        .ok()
        .or_else(|| NaiveDate::parse_from_str(p.get(..10)?, "%Y-%m-%d").ok())
}

/// Matches past which a page of search results walks the day index (see
/// `Store::list_articles`).
const WALK_ABOVE_MATCHES: i64 = 2_000;

impl Store {
    /// The other copies of an article's story, at most `limit` of each kind: the
    /// near-duplicate articles grouped with it, then the exact copies of it found in other
    /// files; and how many there are in all.
    pub fn story_copies(&self, id: ArticleId, limit: usize) -> Result<(Vec<StoryCopy>, u64)> {
        let limit = limit.min(i64::MAX as usize) as i64;
        self.with_sql(|db| {
            let story = db
                .query_opt(
                    "SELECT COALESCE(story_id, id) FROM articles WHERE id = ?1",
                    &[Sv::Int(id)],
                )?
                .map(|r| r.int(0))
                .transpose()?;
            let Some(story) = story else {
                return Ok((Vec::new(), 0));
            };
            let total = db
                .query_opt(
                    "SELECT (SELECT COUNT(*) FROM articles WHERE (id = ?1 OR story_id = ?1) AND id <> ?2)
                          + (SELECT COUNT(*) FROM article_copies WHERE article_id = ?2)",
                    &[Sv::Int(story), Sv::Int(id)],
                )?
                .map_or(Ok(0), |r| r.int(0))?;
            let mut out = Vec::new();
            for r in db.query(
                "SELECT id, title, source, published, path FROM articles
                 WHERE (id = ?1 OR story_id = ?1) AND id <> ?2 ORDER BY published IS NOT NULL, published, id LIMIT ?3",
                &[Sv::Int(story), Sv::Int(id), Sv::Int(limit)],
            )? {
                out.push(StoryCopy {
                    article_id: Some(r.int(0)?),
                    title: r.text(1)?,
                    source: r.text(2)?,
                    published: parse_published(r.opt_text(3)?),
                    path: r.text(4)?,
                });
            }
            for r in db.query(
                "SELECT source, published, path FROM article_copies WHERE article_id = ?1
                 ORDER BY published IS NOT NULL, published, id LIMIT ?2",
                &[Sv::Int(id), Sv::Int(limit)],
            )? {
                out.push(StoryCopy {
                    article_id: None,
                    title: String::new(),
                    source: r.text(0)?,
                    published: parse_published(r.opt_text(1)?),
                    path: r.text(2)?,
                });
            }
            Ok((out, total.max(0) as u64))
        })
    }

    /// An article's text (for the words of a profile); `None` if there is no such article.
    pub fn article_body(&self, id: ArticleId) -> Result<Option<String>> {
        self.with_sql(|db| {
            db.query_opt("SELECT text FROM articles WHERE id = ?1", &[Sv::Int(id)])?
                .map(|r| r.text(0))
                .transpose()
        })
    }

    /// One article with its mentions; `None` if there is no such article.
    pub fn article(&self, id: ArticleId) -> Result<Option<ArticleView>> {
        let article = self.with_sql(|db| {
            let Some(r) = db.query_opt(
                "SELECT id, title, text, source, url, path, published, date_source, language,
                        dateline_place, dateline_country, byline, editor, section,
                        stated_words, missing_chars
                 FROM articles WHERE id = ?1",
                &[Sv::Int(id)],
            )?
            else {
                return Ok(None);
            };
            let mut article = ArticleView {
                id: r.int(0)?,
                title: r.text(1)?,
                text: r.text(2)?,
                source: r.text(3)?,
                url: r.text(4)?,
                path: r.text(5)?,
                published: parse_published(r.opt_text(6)?),
                date_source: r.text(7)?,
                language: r.text(8)?,
                dateline_place: r.text(9)?,
                dateline_country: r.text(10)?,
                byline: r.text(11)?,
                editor: r.text(12)?,
                section: r.text(13)?,
                stated_words: r.opt_int(14)?.and_then(|n| u32::try_from(n).ok()),
                missing_chars: r.opt_int(15)?.map(|n| n.max(0) as u64),
                mentions: Vec::new(),
                copies: Vec::new(),
                copies_total: 0,
            };
            for r in db.query(
                "SELECT c.code, m.start_char, m.end_char, m.via, m.sentence_idx, m.paragraph_idx,
                        m.field
                 FROM mentions m JOIN actors c ON c.id = m.actor_id
                 WHERE m.article_id = ?1 ORDER BY m.field DESC, m.start_char",
                &[Sv::Int(id)],
            )? {
                article.mentions.push(ArticleMention {
                    actor_code: r.text(0)?,
                    start_char: r.int(1)?.max(0) as usize,
                    end_char: r.int(2)?.max(0) as usize,
                    via: r.text(3)?,
                    sentence_idx: r.int(4)?.clamp(0, i64::from(u32::MAX)) as u32,
                    paragraph_idx: r.int(5)?.clamp(0, i64::from(u32::MAX)) as u32,
                    field: crate::model::Field::from_code(r.int(6)?),
                });
            }
            Ok(Some(article))
        })?;
        let Some(mut article) = article else {
            return Ok(None);
        };
        (article.copies, article.copies_total) = self.story_copies(id, READER_COPIES)?;
        Ok(Some(article))
    }

    /// Sets the publication date of `ids` to `date` (date source "user"), in the articles and
    /// in the per-actor counts the timeline reads; returns the number of articles changed.
    pub fn set_article_dates(&mut self, ids: &[ArticleId], date: NaiveDate) -> Result<usize> {
        let published = date.format("%Y-%m-%dT00:00:00").to_string();
        let day = day_number(date);
        self.with_sql_tx(|db| {
            let mut changed = 0;
            for &id in ids {
                changed += db.execute(
                    "UPDATE articles SET published = ?1, published_day = ?2, date_source = 'user'
                     WHERE id = ?3",
                    &[Sv::Text(&published), Sv::Int(day), Sv::Int(id)],
                )? as usize;
                db.execute(
                    "UPDATE article_actors SET published_day = ?1 WHERE article_id = ?2",
                    &[Sv::Int(day), Sv::Int(id)],
                )?;
            }
            Ok(changed)
        })
    }

    /// A page of the articles that `query` selects, newest first (the last stored first within
    /// a day; undated last: SQLite sorts NULL lowest), and how many it selects in all. The
    /// order is the day index's, read backwards, so a page costs its rows, not a sort of the
    /// corpus (a million articles: 566 ms -> under 1 ms for the first page).
    pub fn list_articles(
        &self,
        query: &ArticleListQuery,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<ArticleListRow>, u64)> {
        let mut conds: Vec<String> = Vec::new();
        let mut args: Vec<Value> = Vec::new();
        if let Some(code) = &query.actor_code {
            args.push(Value::Text(code.clone()));
            conds.push(format!(
                "EXISTS (SELECT 1 FROM article_actors x JOIN actors c ON c.id = x.actor_id
                  WHERE x.article_id = a.id AND c.code = ?{})",
                args.len()
            ));
        }
        if query.undated_only {
            conds.push("a.published_day IS NULL".into());
        }
        if let Some(from) = query.from {
            args.push(Value::Integer(day_number(from)));
            conds.push(format!("a.published_day >= ?{}", args.len()));
        }
        if let Some(to) = query.to {
            args.push(Value::Integer(day_number(to)));
            conds.push(format!("a.published_day <= ?{}", args.len()));
        }
        for (column, values) in [
            ("a.language", &query.languages),
            ("a.source", &query.sources),
        ] {
            if values.is_empty() {
                continue;
            }
            let mut marks = Vec::new();
            for v in values {
                args.push(Value::Text(v.clone()));
                marks.push(format!("?{}", args.len()));
            }
            // Outlets as people type them: "antara" finds "Antara" (ASCII case on a file, as
            // SQLite's lower; Unicode's on a server).
            if column == "a.source" {
                let marks: Vec<String> = marks.iter().map(|m| format!("lower({m})")).collect();
                conds.push(format!("lower({column}) IN ({})", marks.join(", ")));
            } else {
                conds.push(format!("{column} IN ({})", marks.join(", ")));
            }
        }
        if !query.text.trim().is_empty() {
            if self.server_address().is_some() {
                let condition = self.server_search_condition(&query.text, |v| {
                    args.push(Value::Text(v));
                    format!("?{}", args.len())
                })?;
                conds.push(condition);
            } else {
                conds.push(fulltext::search_condition(&query.text, |v| {
                    args.push(Value::Text(v));
                    format!("?{}", args.len())
                })?);
            }
        }
        let filter = if conds.is_empty() {
            String::new()
        } else {
            format!("WHERE {}", conds.join(" AND "))
        };
        // A file's index counts a lone search itself (a server's ids are counted as rows).
        let text_only =
            conds.len() == 1 && !query.text.trim().is_empty() && self.server_address().is_none();
        let mut index_args = Vec::new();
        let index_count = if text_only {
            fulltext::search_count_sql(&query.text, |v| {
                index_args.push(Value::Text(v));
                format!("?{}", index_args.len())
            })?
        } else {
            None
        };
        let total: i64 = match index_count {
            Some(sql) => {
                self.lite()?
                    .query_row(&sql, params_from_iter(index_args.iter()), |r| r.get(0))?
            }
            None => {
                let bound: Vec<Sv> = args.iter().map(Sv::from).collect();
                self.with_sql(|db| {
                    db.query_opt(&format!("SELECT COUNT(*) FROM articles a {filter}"), &bound)?
                        .map_or(Ok(0), |r| r.int(0))
                })?
            }
        };
        // Many matches: walking the day index newest first and keeping the matches finds a
        // page after a few thousand entries, where looking every match up and sorting them
        // reads them all ("ekonomi", 40,431 of a million: 208 -> 12 ms). Few matches: looking
        // them up is cheaper than a walk that may cross the whole index.
        let filter = if total > WALK_ABOVE_MATCHES {
            let walk = format!("+{}", fulltext::INDEX_IN);
            filter.replacen(fulltext::INDEX_IN, &walk, 1)
        } else {
            filter
        };
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let (l, o) = (args.len() - 1, args.len());
        // Undated last: SQLite sorts NULL lowest, a server highest.
        let nulls = if self.server_address().is_some() {
            " NULLS LAST"
        } else {
            ""
        };
        let sql = format!(
            "SELECT a.id, a.title, a.source, a.published, a.language,
               COALESCE((SELECT SUM(x.mentions) FROM article_actors x WHERE x.article_id = a.id), 0),
               a.dateline_place, a.dateline_country,
               (SELECT COUNT(*) FROM articles b WHERE b.story_id = COALESCE(a.story_id, a.id) AND b.id <> a.id)
                 + (CASE WHEN a.story_id IS NOT NULL THEN 1 ELSE 0 END)
                 + (SELECT COUNT(*) FROM article_copies c WHERE c.article_id = a.id)
             FROM articles a {filter}
             ORDER BY a.published_day DESC{nulls}, a.id DESC LIMIT ?{l} OFFSET ?{o}"
        );
        let bound: Vec<Sv> = args.iter().map(Sv::from).collect();
        let mut rows = Vec::new();
        self.with_sql(|db| {
            db.for_each(&sql, &bound, &mut |r| {
                rows.push(ArticleListRow {
                    id: r.int(0)?,
                    title: r.text(1)?,
                    source: r.text(2)?,
                    published: parse_published(r.opt_text(3)?),
                    language: r.text(4)?,
                    mentions: r.int(5)?.max(0) as u64,
                    dateline_place: r.text(6)?,
                    dateline_country: r.text(7)?,
                    copies: r.int(8)?.max(0) as u64,
                });
                Ok(())
            })
        })?;
        Ok((rows, total.max(0) as u64))
    }

    /// The outlets, most articles first.
    pub fn sources(&self) -> Result<Vec<(String, u64)>> {
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT source, COUNT(*) FROM articles GROUP BY source ORDER BY 2 DESC, 1",
                &[],
            )
        })?;
        rows.iter()
            .map(|r| Ok((r.text(0)?, r.int(1)?.max(0) as u64)))
            .collect()
    }

    /// Every actor with its aliases, by kind then code.
    pub fn dictionary_entries(&self) -> Result<Vec<ActorEntry>> {
        let mut out: Vec<ActorEntry> = Vec::new();
        self.with_sql(|db| {
            db.for_each(
                "SELECT c.code, c.kind, c.name, c.name_id, c.org_type, c.origin,
                        a.alias, a.language, a.via, a.case_rule, a.enabled
                 FROM actors c LEFT JOIN aliases a ON a.actor_id = c.id
                 ORDER BY c.kind, c.code, a.via, a.alias",
                &[],
                &mut |r| {
                    let code = r.text(0)?;
                    if out.last().is_none_or(|e| e.code != code) {
                        out.push(ActorEntry {
                            code,
                            kind: r.text(1)?,
                            name: r.text(2)?,
                            name_id: r.text(3)?,
                            org_type: r.text(4)?,
                            origin: r.text(5)?,
                            aliases: Vec::new(),
                        });
                    }
                    if let (Some(alias), Some(entry)) = (r.opt_text(6)?, out.last_mut()) {
                        entry.aliases.push(AliasEntry {
                            alias,
                            language: r.text(7)?,
                            via: r.text(8)?,
                            case_rule: r.text(9)?,
                            enabled: r.int(10)? != 0,
                        });
                    }
                    Ok(())
                },
            )
        })?;
        Ok(out)
    }

    /// True when the database holds no article and no import was ever run.
    pub fn is_empty(&self) -> Result<bool> {
        let n = self.with_sql(|db| {
            db.query_opt(
                "SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM import_runs)",
                &[],
            )?
            .map_or(Ok(0), |r| r.int(0))
        })?;
        Ok(n == 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleDraft, DateSource, Language};
    use crate::store::{FileRecord, FileStatus, day_date};
    use std::collections::HashMap;

    /// 2,600 articles over 30 days: "ekonomi" in 2,300 (past the walk's threshold), "politik"
    /// in the others; every other one in English.
    fn corpus() -> (Store, Vec<(i64, i64, bool, bool)>) {
        let mut store = Store::open_in_memory().expect("store");
        let run = store.begin_run().expect("run");
        let file = FileRecord {
            path: "a".into(),
            size_bytes: None,
            content_hash: None,
            format: None,
            status: FileStatus::Imported,
            error: None,
            warnings: String::new(),
        };
        let drafts: Vec<(ArticleDraft, Vec<crate::model::Mention>)> = (0..2_600)
            .map(|i: i64| {
                let day =
                    NaiveDate::from_ymd_opt(2020, 1, 1 + (i * 7 % 30) as u32).unwrap_or_default();
                let word = if i < 2_300 { "ekonomi" } else { "politik" };
                let draft = ArticleDraft {
                    title: format!("Judul {i}"),
                    text: format!("{word} nomor {i} {}", i * 7919 % 10_007),
                    published: day.and_hms_opt(8, 0, 0),
                    date_source: DateSource::Text,
                    language: if i % 2 == 0 {
                        Language::Indonesian
                    } else {
                        Language::English
                    },
                    ..ArticleDraft::default()
                };
                (draft, Vec::new())
            })
            .collect();
        store
            .transaction(|tx| tx.store_file(run, &file, &drafts, &HashMap::new()))
            .expect("store");
        store.index_new_articles().expect("index");
        // (id, day, mentions ekonomi, Indonesian), by id.
        let rows = (0..2_600)
            .map(|i: i64| (i + 1, (i * 7 % 30), i < 2_300, i % 2 == 0))
            .collect();
        (store, rows)
    }

    #[test]
    fn pages_of_a_search_are_newest_first_on_both_sides_of_the_walk() {
        let (store, rows) = corpus();
        for (text, languages, walks) in [
            ("ekonomi", vec![], true),
            ("ekonomi", vec!["id".to_string()], false),
            ("politik", vec![], false),
            ("", vec![], false),
        ] {
            let mut want: Vec<(i64, i64)> = rows
                .iter()
                .filter(|(_, _, ekonomi, id)| {
                    (text.is_empty() || (text == "ekonomi") == *ekonomi)
                        && (languages.is_empty() || *id)
                })
                .map(|(id, day, _, _)| (*day, *id))
                .collect();
            want.sort_by(|a, b| b.cmp(a));
            let query = ArticleListQuery {
                text: text.into(),
                languages: languages.clone(),
                ..Default::default()
            };
            assert_eq!(walks, text == "ekonomi" && languages.is_empty());
            for offset in [0u64, 50, 2_250] {
                let (page, total) = store.list_articles(&query, offset, 50).expect("list");
                assert_eq!(total, want.len() as u64, "{text} {languages:?}");
                let got: Vec<i64> = page.iter().map(|r| r.id).collect();
                let expected: Vec<i64> = want
                    .iter()
                    .skip(offset as usize)
                    .take(50)
                    .map(|(_, id)| *id)
                    .collect();
                assert_eq!(got, expected, "{text} {languages:?} from {offset}");
            }
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(
            day_date(day_number(
                NaiveDate::from_ymd_opt(2017, 3, 4).unwrap_or_default()
            )),
            NaiveDate::from_ymd_opt(2017, 3, 4).unwrap_or_default()
        );
    }
}
