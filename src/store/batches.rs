//! The article batches a re-tag or the candidate discovery streams through, and the
//! replacement of a batch's mentions.

use super::articles::insert_mentions;
use super::{ActorId, ArticleId, Result, Store};
use crate::model::{Language, Mention};
use rusqlite::params;
use std::collections::HashMap;

/// An article's text, as a re-tag or the candidate discovery reads it.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticleText {
    /// Row id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Body text.
    pub text: String,
    /// Language.
    pub language: Language,
    /// Days since 1970-01-01 of the publication date, if known.
    pub published_day: Option<i64>,
    /// Where its dateline says it was reported from, and that place's country ("" if none).
    pub dateline: (String, String),
}

impl Store {
    /// Sets the dateline place and country of articles (a re-tag with another dictionary
    /// or gazetteer), in one transaction.
    pub fn set_datelines(&mut self, datelines: &[(ArticleId, String, String)]) -> Result<()> {
        if datelines.is_empty() {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        {
            let mut stmt = tx.prepare_cached(
                "UPDATE articles SET dateline_place = ?2, dateline_country = ?3 WHERE id = ?1",
            )?;
            for (id, place, country) in datelines {
                stmt.execute(params![id, place, country])?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// Up to `limit` articles with ids above `after`, in id order.
    pub fn article_texts_after(&self, after: ArticleId, limit: usize) -> Result<Vec<ArticleText>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, text, language, published_day, dateline_place, dateline_country, title
             FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
        )?;
        let rows = stmt.query_map(params![after, limit as i64], |r| {
            Ok(ArticleText {
                id: r.get(0)?,
                text: r.get(1)?,
                language: Language::parse(&r.get::<_, String>(2)?).unwrap_or_default(),
                published_day: r.get(3)?,
                dateline: (r.get(4)?, r.get(5)?),
                title: r.get(6)?,
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
