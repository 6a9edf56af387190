//! The whole tagging result in plain rows, for the dashboard's provisional analysis
//! (small corpora: everything is read into memory).

use super::{ArticleId, Result, Store};

/// One article's counts for one actor.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TagRow {
    /// Article.
    pub article_id: ArticleId,
    /// Actor code.
    pub actor_code: String,
    /// Mentions of the actor in the article.
    pub mentions: u64,
}

/// One article's metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleMeta {
    /// Row id.
    pub id: ArticleId,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Days since 1970-01-01, if dated.
    pub published_day: Option<i64>,
    /// Language code.
    pub language: String,
}

/// An actor's names.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ActorMeta {
    /// Code.
    pub code: String,
    /// "country" or "organization".
    pub kind: String,
    /// Display name.
    pub name: String,
    /// Organization type.
    pub org_type: String,
}

/// The place of one mention: article, paragraph, sentence.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MentionUnit {
    /// Article.
    pub article_id: ArticleId,
    /// Actor code.
    pub actor_code: String,
    /// Paragraph index.
    pub paragraph_idx: u32,
    /// Sentence index.
    pub sentence_idx: u32,
}

impl Store {
    /// Every article's metadata, by id.
    pub fn article_metas(&self) -> Result<Vec<ArticleMeta>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, title, source, published_day, language FROM articles ORDER BY id",
        )?;
        Ok(stmt
            .query_map([], |r| {
                Ok(ArticleMeta {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    published_day: r.get(3)?,
                    language: r.get(4)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every (article, actor) count.
    pub fn tag_rows(&self) -> Result<Vec<TagRow>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT x.article_id, c.code, x.mentions FROM article_actors x
             JOIN actors c ON c.id = x.actor_id ORDER BY x.article_id, c.code",
        )?;
        Ok(stmt
            .query_map([], |r| {
                Ok(TagRow {
                    article_id: r.get(0)?,
                    actor_code: r.get(1)?,
                    mentions: r.get::<_, i64>(2)?.max(0) as u64,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every actor's names.
    pub fn actor_metas(&self) -> Result<Vec<ActorMeta>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT code, kind, name, org_type FROM actors ORDER BY code")?;
        Ok(stmt
            .query_map([], |r| {
                Ok(ActorMeta {
                    code: r.get(0)?,
                    kind: r.get(1)?,
                    name: r.get(2)?,
                    org_type: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every mention's article, paragraph and sentence.
    pub fn mention_units(&self) -> Result<Vec<MentionUnit>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.article_id, c.code, m.paragraph_idx, m.sentence_idx FROM mentions m
             JOIN actors c ON c.id = m.actor_id",
        )?;
        Ok(stmt
            .query_map([], |r| {
                Ok(MentionUnit {
                    article_id: r.get(0)?,
                    actor_code: r.get(1)?,
                    paragraph_idx: r.get(2)?,
                    sentence_idx: r.get(3)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}
