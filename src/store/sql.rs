//! One statement, either engine: the statements the store runs on SQLite and on a
//! PostgreSQL server alike go through [`Sql`], with SQLite's spelling (`?1` parameters,
//! `INSERT OR IGNORE`), translated once per statement for the server ([`server_sql`]).
//!
//! Rows come back as owned [`Cell`]s: the statements that use this layer read a dictionary, a
//! setting or a run, not the corpus (the corpus's hot paths keep their own, engine-specific
//! code).

use super::{Result, StoreError};
use std::collections::HashMap;

/// A bound value.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Value<'a> {
    Null,
    Int(i64),
    Text(&'a str),
}

impl<'a> From<&'a str> for Value<'a> {
    fn from(s: &'a str) -> Self {
        Value::Text(s)
    }
}

impl<'a> From<&'a String> for Value<'a> {
    fn from(s: &'a String) -> Self {
        Value::Text(s)
    }
}

impl From<i64> for Value<'_> {
    fn from(v: i64) -> Self {
        Value::Int(v)
    }
}

impl<'a, T: Into<Value<'a>>> From<Option<T>> for Value<'a> {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl rusqlite::ToSql for Value<'_> {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(match self {
            Value::Null => ToSqlOutput::Borrowed(ValueRef::Null),
            Value::Int(v) => ToSqlOutput::Borrowed(ValueRef::Integer(*v)),
            Value::Text(s) => ToSqlOutput::Borrowed(ValueRef::Text(s.as_bytes())),
        })
    }
}

impl postgres::types::ToSql for Value<'_> {
    fn to_sql(
        &self,
        ty: &postgres::types::Type,
        out: &mut bytes::BytesMut,
    ) -> std::result::Result<postgres::types::IsNull, Box<dyn std::error::Error + Sync + Send>>
    {
        use postgres::types::{IsNull, Type};
        match self {
            Value::Null => Ok(IsNull::Yes),
            // The server's integer columns are 64-bit; a parameter the server typed
            // narrower (a literal's neighbour) gets the value if it fits.
            Value::Int(v) => match *ty {
                Type::INT8 => v.to_sql(ty, out),
                Type::INT4 => i32::try_from(*v)?.to_sql(ty, out),
                Type::INT2 => i16::try_from(*v)?.to_sql(ty, out),
                Type::BOOL => (*v != 0).to_sql(ty, out),
                _ => Err(format!("an integer cannot be bound to a {ty} parameter").into()),
            },
            Value::Text(s) => s.to_sql(ty, out),
        }
    }

    fn accepts(_: &postgres::types::Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// A value read back.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// A row read back.
#[derive(Debug, Clone)]
pub(crate) struct Row(Vec<Cell>);

impl Row {
    fn cell(&self, i: usize) -> Result<&Cell> {
        self.0
            .get(i)
            .ok_or_else(|| StoreError::Invalid(format!("a row has no column {i}")))
    }

    fn wrong(&self, i: usize, want: &str) -> StoreError {
        StoreError::Invalid(format!(
            "column {i} holds {:?} where {want} was expected",
            self.0.get(i)
        ))
    }

    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            Cell::Int(v) => Ok(Some(*v)),
            _ => Err(self.wrong(i, "an integer")),
        }
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?.ok_or_else(|| self.wrong(i, "an integer"))
    }

    pub(crate) fn bool(&self, i: usize) -> Result<bool> {
        Ok(self.int(i)? != 0)
    }

    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self.cell(i)? {
            Cell::Null => Ok(None),
            Cell::Text(s) => Ok(Some(s.clone())),
            _ => Err(self.wrong(i, "text")),
        }
    }

    pub(crate) fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| self.wrong(i, "text"))
    }
}

/// Runs statements written in SQLite's spelling on either engine.
pub(crate) trait Sql {
    /// Runs a statement; returns the rows it changed.
    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64>;
    /// The rows of a query.
    fn query(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Row>>;
    /// Runs an `INSERT` of one row into a table with an `id` key; returns the new id.
    fn insert(&mut self, sql: &str, params: &[Value<'_>]) -> Result<i64>;

    /// The first row of a query, if any.
    fn query_opt(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Option<Row>> {
        Ok(self.query(sql, params)?.into_iter().next())
    }
}

/// [`Sql`] on an SQLite connection (or transaction: it derefs to one).
pub(crate) struct Lite<'a>(pub(crate) &'a rusqlite::Connection);

impl Sql for Lite<'_> {
    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let n = self
            .0
            .prepare_cached(sql)?
            .execute(rusqlite::params_from_iter(params))?;
        Ok(n as u64)
    }

    fn query(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Row>> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let columns = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut cells = Vec::with_capacity(columns);
            for i in 0..columns {
                use rusqlite::types::ValueRef;
                cells.push(match r.get_ref(i)? {
                    ValueRef::Null => Cell::Null,
                    ValueRef::Integer(v) => Cell::Int(v),
                    ValueRef::Real(v) => Cell::Real(v),
                    ValueRef::Text(t) => Cell::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Cell::Blob(b.to_vec()),
                });
            }
            out.push(Row(cells));
        }
        Ok(out)
    }

    fn insert(&mut self, sql: &str, params: &[Value<'_>]) -> Result<i64> {
        self.execute(sql, params)?;
        Ok(self.0.last_insert_rowid())
    }
}

/// SQLite's spelling in PostgreSQL's: `?N` → `$N` (outside quotes), `INSERT OR IGNORE INTO …`
/// → `INSERT INTO … ON CONFLICT DO NOTHING`.
pub(crate) fn server_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 24);
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(c),
        }
    }
    const IGNORE: &str = "INSERT OR IGNORE INTO";
    if let Some(rest) = out.trim_start().strip_prefix(IGNORE) {
        out = format!("INSERT INTO{rest} ON CONFLICT DO NOTHING");
    }
    out
}

/// [`Sql`] on a server connection or transaction, preparing each statement once per
/// connection.
pub(crate) struct Server<'a, C: postgres::GenericClient> {
    pub(crate) client: &'a mut C,
    pub(crate) prepared: &'a mut HashMap<String, postgres::Statement>,
}

impl<C: postgres::GenericClient> Server<'_, C> {
    fn statement(&mut self, sql: &str) -> Result<postgres::Statement> {
        if let Some(s) = self.prepared.get(sql) {
            return Ok(s.clone());
        }
        let statement = self
            .client
            .prepare(&server_sql(sql))
            .map_err(server_error)?;
        self.prepared.insert(sql.to_string(), statement.clone());
        Ok(statement)
    }
}

/// A server's refusal as a store error.
pub(crate) fn server_error(e: postgres::Error) -> StoreError {
    StoreError::Server(Box::new(super::server::ServerError::Postgres(e)))
}

fn bound<'a>(params: &'a [Value<'_>]) -> Vec<&'a (dyn postgres::types::ToSql + Sync)> {
    params
        .iter()
        .map(|p| p as &(dyn postgres::types::ToSql + Sync))
        .collect()
}

impl<C: postgres::GenericClient> Sql for Server<'_, C> {
    fn execute(&mut self, sql: &str, params: &[Value<'_>]) -> Result<u64> {
        let statement = self.statement(sql)?;
        self.client
            .execute(&statement, &bound(params))
            .map_err(server_error)
    }

    fn query(&mut self, sql: &str, params: &[Value<'_>]) -> Result<Vec<Row>> {
        let statement = self.statement(sql)?;
        let rows = self
            .client
            .query(&statement, &bound(params))
            .map_err(server_error)?;
        rows.iter().map(server_row).collect()
    }

    fn insert(&mut self, sql: &str, params: &[Value<'_>]) -> Result<i64> {
        let with_id = format!("{sql} RETURNING id");
        let statement = self.statement(&with_id)?;
        let row = self
            .client
            .query_one(&statement, &bound(params))
            .map_err(server_error)?;
        row.try_get::<_, i64>(0).map_err(server_error)
    }
}

fn server_row(row: &postgres::Row) -> Result<Row> {
    use postgres::types::Type;
    let mut cells = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let cell = match *ty {
            Type::INT8 => row.try_get::<_, Option<i64>>(i).map(|v| v.map(Cell::Int)),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(i)
                .map(|v| v.map(|v| Cell::Int(v.into()))),
            Type::INT2 => row
                .try_get::<_, Option<i16>>(i)
                .map(|v| v.map(|v| Cell::Int(v.into()))),
            Type::BOOL => row
                .try_get::<_, Option<bool>>(i)
                .map(|v| v.map(|v| Cell::Int(v.into()))),
            Type::FLOAT8 => row.try_get::<_, Option<f64>>(i).map(|v| v.map(Cell::Real)),
            Type::FLOAT4 => row
                .try_get::<_, Option<f32>>(i)
                .map(|v| v.map(|v| Cell::Real(v.into()))),
            Type::BYTEA => row
                .try_get::<_, Option<Vec<u8>>>(i)
                .map(|v| v.map(Cell::Blob)),
            Type::TEXT | Type::VARCHAR | Type::NAME | Type::BPCHAR => row
                .try_get::<_, Option<String>>(i)
                .map(|v| v.map(Cell::Text)),
            _ => {
                return Err(StoreError::Invalid(format!(
                    "column {} of the server's answer has the type {ty}, which pantau does not read",
                    column.name()
                )));
            }
        };
        cells.push(cell.map_err(server_error)?.unwrap_or(Cell::Null));
    }
    Ok(Row(cells))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_spelling_becomes_the_servers() {
        assert_eq!(
            server_sql("SELECT id FROM t WHERE a = ?1 AND b = '?x' OR c = ?12"),
            "SELECT id FROM t WHERE a = $1 AND b = '?x' OR c = $12"
        );
        assert_eq!(
            server_sql("INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?1, ?2)"),
            "INSERT INTO story_bands (key, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        );
    }

    #[test]
    fn rows_read_back_from_sqlite_with_their_types() {
        let conn = rusqlite::Connection::open_in_memory().expect("open");
        let mut db = Lite(&conn);
        db.execute(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, a TEXT, b INTEGER)",
            &[],
        )
        .expect("create");
        let id = db
            .insert(
                "INSERT INTO t (a, b) VALUES (?1, ?2)",
                &[Value::Text("x"), Value::Null],
            )
            .expect("insert");
        let row = db
            .query_opt("SELECT id, a, b FROM t WHERE id = ?1", &[Value::Int(id)])
            .expect("query")
            .expect("row");
        assert_eq!(row.int(0).expect("id"), id);
        assert_eq!(row.text(1).expect("a"), "x");
        assert_eq!(row.opt_int(2).expect("b"), None);
        assert!(row.text(0).is_err());
    }
}
