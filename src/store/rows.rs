//! Rows for the CSV exports, streamed (never the whole corpus in memory).

use super::sql::{RowRef, Value};
use super::{ArticleId, Result, Store};
use crate::segment::sentence_around;

/// One article as the articles export writes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleRow {
    /// Row id.
    pub article_id: ArticleId,
    /// The record's own id in its file.
    pub source_id: String,
    /// The file.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// URL.
    pub url: String,
    /// ISO 8601 date, or empty.
    pub published: String,
    /// Where the date came from.
    pub date_source: String,
    /// Language code.
    pub language: String,
    /// Number of mentions.
    pub mentions: i64,
    /// Codes of the actors mentioned, joined by `;`.
    pub actors: String,
    /// Where it was reported from, by its dateline.
    pub dateline_place: String,
    /// That place's country (ISO alpha-3).
    pub dateline_country: String,
    /// Its authors.
    pub byline: String,
    /// Its editor.
    pub editor: String,
    /// Its section.
    pub section: String,
    /// The length its file states, in words.
    pub stated_words: Option<u32>,
    /// Whether the text is whole: see [`TextStatus`].
    pub text_status: TextStatus,
    /// Characters the exporting service cut from the text.
    pub missing_chars: Option<u64>,
    /// Its story: the id of the story's first article (its own id when it is the first).
    pub story_id: ArticleId,
    /// Exact copies of it found in other files (kept with their own outlet, date and path).
    pub exact_copies: u64,
}

/// Whether an article's text is whole.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TextStatus {
    /// The text as the file gave it.
    #[default]
    Full,
    /// The service that exported it cut the text short (NewsAPI's "[+N chars]").
    Cut,
    /// A title and no text (a list of links: GDELT, Media Cloud).
    TitleOnly,
}

impl TextStatus {
    /// Of an article's text and the characters cut from it.
    pub fn of(text_is_empty: bool, missing_chars: Option<u64>) -> TextStatus {
        if text_is_empty {
            TextStatus::TitleOnly
        } else if missing_chars.is_some() {
            TextStatus::Cut
        } else {
            TextStatus::Full
        }
    }

    /// As exports write it: `full`, `cut`, `title_only`.
    pub fn as_str(self) -> &'static str {
        match self {
            TextStatus::Full => "full",
            TextStatus::Cut => "cut",
            TextStatus::TitleOnly => "title_only",
        }
    }
}

/// One mention as the mentions export writes it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct MentionRow {
    /// Row id of the article.
    pub article_id: ArticleId,
    /// The record's own id in its file.
    pub source_id: String,
    /// The file.
    pub path: String,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// ISO 8601 date, or empty.
    pub published: String,
    /// Where the date came from.
    pub date_source: String,
    /// Language code.
    pub language: String,
    /// Actor code.
    pub actor_code: String,
    /// "country" or "organization".
    pub actor_kind: String,
    /// Actor display name.
    pub actor_name: String,
    /// The text as it stands in the article.
    pub matched_text: String,
    /// name | short | demonym | place.
    pub via: String,
    /// Character offset of the start in the article text.
    pub start_char: i64,
    /// Character offset of the end.
    pub end_char: i64,
    /// The sentence around the mention (the headline itself for a headline's mention).
    pub context: String,
    /// The field it stands in: "title" or "text" (its offsets are that field's).
    pub field: String,
    /// "headline", "lead" or "body".
    pub prominence: String,
}

fn date_part(published: Option<String>) -> String {
    published
        .map(|p| p.chars().take(10).collect())
        .unwrap_or_default()
}

/// Articles read per statement by the exports (pages by id: a server answers one statement
/// at a time on a connection, and a page's mentions are asked for in between).
const PAGE: i64 = 500;

/// Calls `f` on each row of `sql` (its last parameter the id to start after), page by page in
/// id order; `id` gives each row's id. `f`'s own error stops the walk and is returned.
fn paged<E: From<super::StoreError>, T>(
    store: &Store,
    sql: &str,
    read: &mut dyn FnMut(&RowRef<'_, '_>) -> Result<(ArticleId, T)>,
    f: &mut dyn FnMut(T) -> Result<(), E>,
) -> Result<(), E> {
    let mut after: ArticleId = 0;
    loop {
        let mut page: Vec<(ArticleId, T)> = Vec::new();
        store.with_sql(|db| {
            db.for_each(sql, &[Value::Int(after), Value::Int(PAGE)], &mut |r| {
                page.push(read(r)?);
                Ok(())
            })
        })?;
        let Some(last) = page.last().map(|(id, _)| *id) else {
            return Ok(());
        };
        after = last;
        for (_, row) in page {
            f(row)?;
        }
    }
}

impl Store {
    /// Calls `f` for every article, in id order.
    pub fn for_each_article<E: From<super::StoreError>>(
        &self,
        mut f: impl FnMut(&ArticleRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let sql = "SELECT a.id, a.source_id, a.path, a.title, a.source, a.url, a.published, a.date_source, a.language,
               COALESCE((SELECT SUM(x.mentions) FROM article_actors x WHERE x.article_id = a.id), 0),
               COALESCE((SELECT GROUP_CONCAT(code, ';') FROM (SELECT c.code FROM article_actors x
                  JOIN actors c ON c.id = x.actor_id WHERE x.article_id = a.id ORDER BY c.code) AS codes), '')
               , a.dateline_place, a.dateline_country, a.byline, a.editor, a.section,
               a.stated_words, CASE WHEN a.text = '' THEN 1 ELSE 0 END, a.missing_chars,
               COALESCE(a.story_id, a.id),
               (SELECT COUNT(*) FROM article_copies c WHERE c.article_id = a.id)
             FROM articles a WHERE a.id > ?1 ORDER BY a.id LIMIT ?2";
        let mut read = |r: &RowRef<'_, '_>| -> Result<(ArticleId, ArticleRow)> {
            let missing = r.opt_int(18)?.map(|n| n.max(0) as u64);
            let row = ArticleRow {
                article_id: r.int(0)?,
                source_id: r.text(1)?,
                path: r.text(2)?,
                title: r.text(3)?,
                source: r.text(4)?,
                url: r.text(5)?,
                published: date_part(r.opt_text(6)?),
                date_source: r.text(7)?,
                language: r.text(8)?,
                mentions: r.int(9)?,
                actors: r.text(10)?,
                dateline_place: r.text(11)?,
                dateline_country: r.text(12)?,
                byline: r.text(13)?,
                editor: r.text(14)?,
                section: r.text(15)?,
                stated_words: r.opt_int(16)?.and_then(|n| u32::try_from(n).ok()),
                missing_chars: missing,
                text_status: TextStatus::of(r.int(17)? != 0, missing),
                story_id: r.int(19)?,
                exact_copies: r.int(20)?.max(0) as u64,
            };
            Ok((row.article_id, row))
        };
        self.snapshot(|| paged(self, sql, &mut read, &mut |row: ArticleRow| f(&row)))
    }

    /// Calls `f` for every mention, by article then position, with its sentence as context.
    pub fn for_each_mention<E: From<super::StoreError>>(
        &self,
        mut f: impl FnMut(&MentionRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let articles = "SELECT a.id, a.source_id, a.path, a.title, a.source, a.published, a.date_source, a.language, a.text
             FROM articles a WHERE EXISTS (SELECT 1 FROM article_actors x WHERE x.article_id = a.id)
               AND a.id > ?1 ORDER BY a.id LIMIT ?2";
        let mut read = |a: &RowRef<'_, '_>| -> Result<(ArticleId, (MentionRow, String))> {
            let base = MentionRow {
                article_id: a.int(0)?,
                source_id: a.text(1)?,
                path: a.text(2)?,
                title: a.text(3)?,
                source: a.text(4)?,
                published: date_part(a.opt_text(5)?),
                date_source: a.text(6)?,
                language: a.text(7)?,
                ..MentionRow::default()
            };
            Ok((base.article_id, (base, a.text(8)?)))
        };
        self.snapshot(|| {
        paged(self, articles, &mut read, &mut |(base, text): (
            MentionRow,
            String,
        )| {
            // Character offsets to byte offsets, walking each field once per article.
            let starts = |s: &str| -> Vec<usize> {
                (s.char_indices().map(|(i, _)| i))
                    .chain(std::iter::once(s.len()))
                    .collect()
            };
            let (text_starts, title_starts) = (starts(&text), starts(&base.title));
            let mut rows = Vec::new();
            self.with_sql(|db| {
                db.for_each(
                    "SELECT c.code, c.kind, c.name, m.via, m.start_char, m.end_char, m.field, m.prominence
                     FROM mentions m JOIN actors c ON c.id = m.actor_id
                     WHERE m.article_id = ?1 ORDER BY m.field DESC, m.start_char",
                    &[Value::Int(base.article_id)],
                    &mut |m| {
                        let (start_char, end_char) = (m.int(4)?, m.int(5)?);
                        let field = crate::model::Field::from_code(m.int(6)?);
                        let prominence = crate::model::Prominence::from_code(m.int(7)?);
                        let (body, char_starts) = match field {
                            crate::model::Field::Title => (base.title.as_str(), &title_starts),
                            crate::model::Field::Text => (text.as_str(), &text_starts),
                        };
                        let byte_at = |c: i64| {
                            char_starts
                                .get(c.max(0) as usize)
                                .copied()
                                .unwrap_or(body.len())
                        };
                        let (start, end) = (
                            byte_at(start_char),
                            byte_at(end_char).max(byte_at(start_char)),
                        );
                        let context = match field {
                            crate::model::Field::Title => body.trim(),
                            crate::model::Field::Text => sentence_around(body, start, end),
                        };
                        rows.push(MentionRow {
                            actor_code: m.text(0)?,
                            actor_kind: m.text(1)?,
                            actor_name: m.text(2)?,
                            via: m.text(3)?,
                            start_char,
                            end_char,
                            matched_text: body[start..end].to_string(),
                            context: context.to_string(),
                            field: field.as_str().to_string(),
                            prominence: prominence.as_str().to_string(),
                            ..base.clone()
                        });
                        Ok(())
                    },
                )
            })?;
            for row in &rows {
                f(row)?;
            }
            Ok(())
        })
        })
    }
}
