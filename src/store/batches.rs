//! The article batches a re-tag or the candidate discovery streams through, and the
//! replacement of a batch's mentions.

use super::articles::insert_mentions;
use super::sql::Value;
use super::{ActorId, ArticleId, Result, Store, Tx, TxInner};
use crate::model::{Language, Mention};
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
        self.with_sql_tx(|db| {
            for (id, place, country) in datelines {
                db.execute(
                    "UPDATE articles SET dateline_place = ?2, dateline_country = ?3 WHERE id = ?1",
                    &[Value::Int(*id), Value::Text(place), Value::Text(country)],
                )?;
            }
            Ok(())
        })
    }

    /// Up to `limit` articles with ids above `after`, in id order.
    pub fn article_texts_after(&self, after: ArticleId, limit: usize) -> Result<Vec<ArticleText>> {
        let rows =
            self.with_sql(|db| {
                db.query(
                "SELECT id, text, language, published_day, dateline_place, dateline_country, title
                 FROM articles WHERE id > ?1 ORDER BY id LIMIT ?2",
                &[Value::Int(after), Value::Int(limit.min(i64::MAX as usize) as i64)],
            )
            })?;
        rows.iter()
            .map(|r| {
                Ok(ArticleText {
                    id: r.int(0)?,
                    text: r.text(1)?,
                    language: Language::parse(&r.text(2)?).unwrap_or_default(),
                    published_day: r.opt_int(3)?,
                    dateline: (r.text(4)?, r.text(5)?),
                    title: r.text(6)?,
                })
            })
            .collect()
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
        self.transaction(|tx| tx.replace_mentions(batch, actor_ids))
    }
}

impl Tx<'_> {
    /// [`Store::replace_mentions`] inside this transaction.
    fn replace_mentions(
        &mut self,
        batch: &[(ArticleId, Option<i64>, Vec<Mention>)],
        actor_ids: &HashMap<String, ActorId>,
    ) -> Result<u64> {
        let tx = match &mut self.inner {
            TxInner::Lite { tx, .. } => &*tx,
            TxInner::Server(tx) => return tx.replace_mentions(batch, actor_ids),
        };
        let mut stored = 0;
        let mut del_mentions = tx.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?;
        let mut del_counts =
            tx.prepare_cached("DELETE FROM article_actors WHERE article_id = ?1")?;
        for (id, day, mentions) in batch {
            del_mentions.execute([id])?;
            del_counts.execute([id])?;
            stored += insert_mentions(tx, *id, *day, mentions, actor_ids)?;
        }
        Ok(stored)
    }
}
