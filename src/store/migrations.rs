//! Append-only schema migrations, tracked by `PRAGMA user_version`.
//!
//! Never edit or remove an entry: add a new one at the end. Migration N brings the schema from
//! version N to N+1.

use super::{Result, StoreError};
use rusqlite::Connection;

/// The migrations, in order.
const MIGRATIONS: &[&str] = &[
    // 1: the core tables.
    r#"
    CREATE TABLE import_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        finished_at TEXT,
        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'cancelled', 'failed')),
        files_read INTEGER NOT NULL DEFAULT 0,
        files_failed INTEGER NOT NULL DEFAULT 0,
        articles_added INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        undated INTEGER NOT NULL DEFAULT 0,
        mentions_added INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE files (
        id INTEGER PRIMARY KEY,
        run_id INTEGER NOT NULL REFERENCES import_runs(id) ON DELETE CASCADE,
        path TEXT NOT NULL,
        size_bytes INTEGER,
        content_hash TEXT,
        format TEXT,
        status TEXT NOT NULL CHECK (status IN ('imported', 'failed')),
        error TEXT,
        articles_added INTEGER NOT NULL DEFAULT 0,
        duplicates INTEGER NOT NULL DEFAULT 0,
        warnings TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX files_by_run ON files(run_id);
    CREATE INDEX files_by_path ON files(path);
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        file_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
        source_id TEXT NOT NULL DEFAULT '',
        path TEXT NOT NULL,
        title TEXT NOT NULL,
        text TEXT NOT NULL,
        source TEXT NOT NULL DEFAULT '',
        original_source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT,
        published_day INTEGER,
        date_source TEXT NOT NULL,
        language TEXT NOT NULL,
        text_hash BLOB NOT NULL UNIQUE,
        duplicates INTEGER NOT NULL DEFAULT 0,
        CHECK ((published IS NULL) = (published_day IS NULL))
    );
    CREATE INDEX articles_by_day ON articles(published_day);
    CREATE TABLE actors (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL CHECK (kind IN ('country', 'organization')),
        name TEXT NOT NULL,
        name_id TEXT NOT NULL DEFAULT '',
        org_type TEXT NOT NULL DEFAULT '',
        country TEXT NOT NULL DEFAULT '',
        origin TEXT NOT NULL CHECK (origin IN ('builtin', 'user'))
    );
    CREATE TABLE aliases (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias TEXT NOT NULL,
        language TEXT NOT NULL DEFAULT 'any',
        case_rule TEXT NOT NULL CHECK (case_rule IN ('exact', 'fold')),
        via TEXT NOT NULL CHECK (via IN ('name', 'short', 'demonym', 'place')),
        origin TEXT NOT NULL CHECK (origin IN ('builtin', 'user')),
        enabled INTEGER NOT NULL DEFAULT 1,
        UNIQUE (actor_id, alias, language)
    );
    CREATE TABLE mentions (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        via TEXT NOT NULL,
        sentence_idx INTEGER NOT NULL,
        paragraph_idx INTEGER NOT NULL,
        PRIMARY KEY (article_id, start_char)
    ) WITHOUT ROWID;
    CREATE INDEX mentions_by_actor ON mentions(actor_id, article_id);
    CREATE TABLE article_actors (
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        published_day INTEGER,
        mentions INTEGER NOT NULL,
        PRIMARY KEY (actor_id, article_id)
    ) WITHOUT ROWID;
    CREATE INDEX article_actors_by_article ON article_actors(article_id, actor_id);
    CREATE INDEX article_actors_by_day ON article_actors(actor_id, published_day);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    "#,
    // 2: per-article unit counts for the paragraph and sentence co-occurrence windows (NULL for
    // articles stored before: they count the units that hold mentions).
    r#"
    ALTER TABLE articles ADD COLUMN paragraphs INTEGER;
    ALTER TABLE articles ADD COLUMN sentences INTEGER;
    "#,
    // 3: the timeline's per-actor, per-day scan reads only this index (it replaces
    // article_actors_by_day, its prefix).
    r#"
    CREATE INDEX IF NOT EXISTS article_actors_by_day_count ON article_actors(actor_id, published_day, mentions);
    DROP INDEX IF EXISTS article_actors_by_day;
    "#,
    // 4: the user's exclusions: an alias that is not its actor in one article or in a phrase.
    r#"
    CREATE TABLE exclusions (
        id INTEGER PRIMARY KEY,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        alias TEXT NOT NULL DEFAULT '',
        article_id INTEGER REFERENCES articles(id) ON DELETE CASCADE,
        phrase TEXT,
        CHECK ((article_id IS NULL) <> (phrase IS NULL))
    );
    CREATE INDEX exclusions_by_article ON exclusions(article_id);
    "#,
    // 5: the full-text index moves to its own file beside the database (see store::fulltext),
    // where a thread of the import fills it while the writer stores articles.
    r#"
    DROP TABLE IF EXISTS articles_fts;
    DELETE FROM settings WHERE key = 'fts_indexed_upto';
    "#,
    // 6: no query reads mentions by actor (they go through article_actors, or by article), and
    // neither actors nor articles are ever deleted: the index only cost every insert.
    r#"
    DROP INDEX IF EXISTS mentions_by_actor;
    "#,
    // 7: where an article was reported from, by its own dateline ("TOKYO, March 3 (Reuters) -"),
    // and that place's country (ISO alpha-3, '' when unknown).
    r#"
    ALTER TABLE articles ADD COLUMN dateline_place TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN dateline_country TEXT NOT NULL DEFAULT '';
    "#,
    // 8: what a file says of an article besides its text: authors, editor, section, stated
    // length, and the characters the exporting service cut off (NULL when it cut nothing).
    r#"
    ALTER TABLE articles ADD COLUMN byline TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN editor TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN section TEXT NOT NULL DEFAULT '';
    ALTER TABLE articles ADD COLUMN stated_words INTEGER;
    ALTER TABLE articles ADD COLUMN missing_chars INTEGER;
    "#,
    // 9: stories. A near-duplicate of an earlier article (model::minhash) points at that
    // article's story (NULL: the article is its own story, and the one a story counts by);
    // `story_bands` finds the candidates by the signature's band keys (the first article of
    // each key); an exact copy of an article is kept in `article_copies` with its own file,
    // outlet, URL and date.
    r#"
    ALTER TABLE articles ADD COLUMN story_id INTEGER;
    ALTER TABLE articles ADD COLUMN minhash BLOB;
    CREATE INDEX articles_by_story ON articles(story_id) WHERE story_id IS NOT NULL;
    CREATE TABLE story_bands (key INTEGER PRIMARY KEY, article_id INTEGER NOT NULL) WITHOUT ROWID;
    CREATE TABLE article_copies (
        id INTEGER PRIMARY KEY,
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        file_id INTEGER REFERENCES files(id) ON DELETE SET NULL,
        path TEXT NOT NULL,
        source_id TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        url TEXT NOT NULL DEFAULT '',
        published TEXT
    );
    CREATE INDEX article_copies_by_article ON article_copies(article_id);
    "#,
    // 10: which spelling of an actor each mention is (its text as written), so the dictionary
    // can show what each alias counts; NULL for mentions stored before (a re-tag fills it).
    r#"
    ALTER TABLE mentions ADD COLUMN alias_key TEXT;
    "#,
    // 11: headlines are tagged: a mention knows its field (0 text, 1 title; offsets are the
    // field's, so the key holds it) and its prominence (0 body, 1 lead, 2 headline); an
    // article's actors count their headline and lead mentions. Mentions stored before are
    // the text's; those of its first paragraph its lead (a re-tag finds the headlines).
    r#"
    CREATE TABLE mentions_v11 (
        article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
        actor_id INTEGER NOT NULL REFERENCES actors(id) ON DELETE CASCADE,
        field INTEGER NOT NULL DEFAULT 0,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        via TEXT NOT NULL,
        sentence_idx INTEGER NOT NULL,
        paragraph_idx INTEGER NOT NULL,
        alias_key TEXT,
        prominence INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (article_id, field, start_char)
    ) WITHOUT ROWID;
    INSERT INTO mentions_v11 (article_id, actor_id, field, start_char, end_char, via,
                              sentence_idx, paragraph_idx, alias_key, prominence)
        SELECT article_id, actor_id, 0, start_char, end_char, via, sentence_idx, paragraph_idx,
               alias_key, CASE WHEN paragraph_idx = 0 THEN 1 ELSE 0 END
        FROM mentions;
    DROP TABLE mentions;
    ALTER TABLE mentions_v11 RENAME TO mentions;
    ALTER TABLE article_actors ADD COLUMN headline INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE article_actors ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
    UPDATE article_actors SET lead = (
        SELECT COUNT(*) FROM mentions m
        WHERE m.article_id = article_actors.article_id AND m.actor_id = article_actors.actor_id
          AND m.prominence = 1
    );
    "#,
    // 12: saved views: a named view of the window (tab, actors, filters, bins, window,
    // counting) as JSON (`model::SavedView`), to reopen from a list.
    r#"
    CREATE TABLE saved_views (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        saved_at TEXT NOT NULL,
        view TEXT NOT NULL
    );
    "#,
];

/// The migrations, in order (a server applies them in its dialect).
pub(crate) fn all() -> &'static [&'static str] {
    MIGRATIONS
}

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

/// Applies the migrations the database lacks, each in its own transaction.
pub fn migrate(conn: &Connection) -> Result<()> {
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > latest_version() {
        return Err(StoreError::TooNew {
            found: version,
            known: latest_version(),
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        // Another connection may have migrated since the version was read (two threads
        // opening a new database at once): read it again under the write lock.
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let applied = conn
            .query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))
            .map_err(StoreError::from)
            .and_then(|now| {
                if now > i as i64 {
                    return Ok(());
                }
                conn.execute_batch(&format!("{sql}; PRAGMA user_version = {};", i + 1))
                    .map_err(StoreError::from)
            });
        match applied {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrating_twice_is_a_no_op() {
        let conn = Connection::open_in_memory().expect("open");
        migrate(&conn).expect("first");
        migrate(&conn).expect("second");
        let v: i64 = conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .expect("version");
        assert_eq!(v, latest_version());
    }

    #[test]
    fn mentions_of_a_version_10_database_keep_their_rows_and_get_a_lead() {
        let conn = Connection::open_in_memory().expect("open");
        for (i, sql) in MIGRATIONS[..10].iter().enumerate() {
            conn.execute_batch(&format!("{sql}; PRAGMA user_version = {};", i + 1))
                .expect("old migration");
        }
        conn.execute_batch(
            "INSERT INTO actors (id, code, kind, name, origin) VALUES (1, 'RUS', 'country', 'Russia', 'builtin');
             INSERT INTO articles (id, path, title, text, date_source, language, text_hash)
                 VALUES (1, 'a.txt', 't', 'Rusia. Rusia.', 'none', 'id', x'01');
             INSERT INTO mentions VALUES (1, 1, 0, 5, 'name', 0, 0, 'Rusia');
             INSERT INTO mentions VALUES (1, 1, 7, 12, 'name', 1, 1, 'Rusia');
             INSERT INTO article_actors (actor_id, article_id, published_day, mentions)
                 VALUES (1, 1, NULL, 2);",
        )
        .expect("old rows");
        migrate(&conn).expect("migrate");
        let rows: Vec<(i64, i64, i64, String)> = conn
            .prepare(
                "SELECT field, start_char, prominence, alias_key FROM mentions ORDER BY start_char",
            )
            .expect("prepare")
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .expect("query")
            .collect::<rusqlite::Result<_>>()
            .expect("rows");
        assert_eq!(
            rows,
            [
                (0, 0, 1, "Rusia".to_string()),
                (0, 7, 0, "Rusia".to_string())
            ]
        );
        let (mentions, headline, lead): (i64, i64, i64) = conn
            .query_row(
                "SELECT mentions, headline, lead FROM article_actors",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .expect("article_actors");
        assert_eq!((mentions, headline, lead), (2, 0, 1));
        // A title mention at the same offset as a text mention is a row of its own.
        conn.execute(
            "INSERT INTO mentions (article_id, actor_id, field, start_char, end_char, via,
                                   sentence_idx, paragraph_idx, prominence)
             VALUES (1, 1, 1, 0, 5, 'name', 0, 0, 2)",
            [],
        )
        .expect("title mention");
    }

    #[test]
    fn refuses_a_newer_database() {
        let conn = Connection::open_in_memory().expect("open");
        conn.pragma_update(None, "user_version", 999).expect("set");
        assert!(matches!(
            migrate(&conn),
            Err(StoreError::TooNew { found: 999, .. })
        ));
    }
}
