//! The search on a server: each article's words, folded as a file's search folds them
//! ([`crate::store::search_query::index_words`]), are its `tsvector`; a query's words
//! ([`crate::store::search_query::SearchQuery::server_query`]) narrow the articles through the
//! GIN index, and the query itself checks each candidate (phrases, `NEAR`, columns), as on a
//! file. Written by hand: PostgreSQL's own parsers split and fold words otherwise than
//! SQLite's `unicode61` tokenizer, so a server that built the vector itself would answer a
//! search differently.

use crate::store::search_query::index_words;
use crate::store::sql::server_error;
use crate::store::{ArticleId, Result};

/// Articles whose vector is written per statement.
const BATCH: i64 = 500;

/// The words of an article as one text, a space between words (no word holds one), for
/// `array_to_tsvector(string_to_array(…, ' '))`; `None` when they are more than a vector
/// holds (1 MB: a long document of numbers and codes).
pub(crate) fn words_text(title: &str, text: &str) -> Option<String> {
    let words = index_words(title, text);
    // Each lexeme costs its bytes and an entry of 4 bytes; with room for the header.
    let size: usize = words.iter().map(|w| w.len() + 4).sum();
    (size < VECTOR_BYTES).then(|| words.join(" "))
}

/// What a server's vector holds at most, with room (its limit is 1 MB).
const VECTOR_BYTES: usize = 1_000_000;

/// Writes the search vector of every article that has none (copied in, or stored by a pantau
/// before the vector was pantau's); returns how many. `progress` gets the running count.
pub(crate) fn index_articles<C: postgres::GenericClient>(
    client: &mut C,
    progress: &mut dyn FnMut(u64),
) -> Result<u64> {
    let mut done = 0u64;
    let mut after: ArticleId = 0;
    loop {
        let rows = client
            .query(
                "SELECT id, title, text FROM articles WHERE search IS NULL AND id > $1
                 ORDER BY id LIMIT $2",
                &[&after, &BATCH],
            )
            .map_err(server_error)?;
        let Some(last) = rows.last() else {
            return Ok(done);
        };
        after = last.get(0);
        let mut ids: Vec<i64> = Vec::new();
        let mut words: Vec<String> = Vec::new();
        for r in &rows {
            // An article with more words than a vector holds stays without one: a
            // candidate of every search, checked by the query.
            if let Some(w) = words_text(r.get(1), r.get(2)) {
                ids.push(r.get(0));
                words.push(w);
            }
        }
        // In the writers' turn: an import's open transaction may hold these rows.
        let mut tx = client.transaction().map_err(server_error)?;
        super::writer::take_write_lock(&mut tx)?;
        tx.execute(
            "UPDATE articles a SET search = array_to_tsvector(string_to_array(u.w, ' '))
             FROM UNNEST($1::BIGINT[], $2::TEXT[]) AS u (id, w) WHERE a.id = u.id",
            &[&ids, &words],
        )
        .map_err(server_error)?;
        tx.commit().map_err(server_error)?;
        done += ids.len() as u64;
        progress(done);
    }
}
