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

impl<'a> From<&'a rusqlite::types::Value> for Value<'a> {
    fn from(v: &'a rusqlite::types::Value) -> Self {
        use rusqlite::types::Value as V;
        match v {
            V::Integer(i) => Value::Int(*i),
            V::Text(s) => Value::Text(s),
            V::Null => Value::Null,
            // The store's conditions bind integers and text only: a value of another kind
            // is bound as a text that no column holds, never as a silent NULL.
            V::Real(_) | V::Blob(_) => Value::Text("\u{0}unsupported value"),
        }
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
            Value::Text(s) => match *ty {
                Type::TEXT | Type::VARCHAR | Type::NAME | Type::BPCHAR | Type::UNKNOWN => {
                    s.to_sql(ty, out)
                }
                _ => Err(format!("text cannot be bound to a {ty} parameter").into()),
            },
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

/// A row being read, without copying it (see [`Sql::for_each`]).
pub(crate) enum RowRef<'r, 's> {
    Lite(&'r rusqlite::Row<'s>),
    Server(&'r postgres::Row),
}

impl RowRef<'_, '_> {
    pub(crate) fn opt_int(&self, i: usize) -> Result<Option<i64>> {
        match self {
            RowRef::Lite(r) => Ok(r.get(i)?),
            RowRef::Server(r) => server_int(r, i),
        }
    }

    pub(crate) fn int(&self, i: usize) -> Result<i64> {
        self.opt_int(i)?.ok_or_else(|| {
            StoreError::Invalid(format!("column {i} is empty where a number was expected"))
        })
    }

    pub(crate) fn opt_text(&self, i: usize) -> Result<Option<String>> {
        match self {
            RowRef::Lite(r) => Ok(r.get(i)?),
            RowRef::Server(r) => r.try_get(i).map_err(server_error),
        }
    }

    pub(crate) fn text(&self, i: usize) -> Result<String> {
        self.opt_text(i)?.ok_or_else(|| {
            StoreError::Invalid(format!("column {i} is empty where text was expected"))
        })
    }
}

/// An integer column of a server's row: 64, 32 or 16 bits, or a NUMERIC (what the server's
/// `SUM` of integers gives) holding an integer.
fn server_int(row: &postgres::Row, i: usize) -> Result<Option<i64>> {
    use postgres::types::Type;
    let ty = row
        .columns()
        .get(i)
        .map(|c| c.type_().clone())
        .ok_or_else(|| StoreError::Invalid(format!("a row has no column {i}")))?;
    let v = match ty {
        Type::INT8 => row.try_get::<_, Option<i64>>(i),
        Type::INT4 => row.try_get::<_, Option<i32>>(i).map(|v| v.map(i64::from)),
        Type::INT2 => row.try_get::<_, Option<i16>>(i).map(|v| v.map(i64::from)),
        Type::BOOL => row.try_get::<_, Option<bool>>(i).map(|v| v.map(i64::from)),
        Type::NUMERIC => row
            .try_get::<_, Option<NumericInt>>(i)
            .map(|v| v.map(|n| n.0)),
        other => {
            return Err(StoreError::Invalid(format!(
                "column {i} of the server's answer is {other}, not a number"
            )));
        }
    };
    v.map_err(server_error)
}

/// A NUMERIC that holds an integer (PostgreSQL's binary form: digit count, weight, sign,
/// scale, then base-10000 digits, the first `weight + 1` of them before the point).
struct NumericInt(i64);

impl<'a> postgres::types::FromSql<'a> for NumericInt {
    fn from_sql(
        _: &postgres::types::Type,
        raw: &'a [u8],
    ) -> std::result::Result<Self, Box<dyn std::error::Error + Sync + Send>> {
        let word =
            |k: usize| -> std::result::Result<i16, Box<dyn std::error::Error + Sync + Send>> {
                let b = raw.get(2 * k..2 * k + 2).ok_or("a NUMERIC cut short")?;
                Ok(i16::from_be_bytes([b[0], b[1]]))
            };
        let (digits, weight, sign) = (word(0)?, word(1)?, word(2)? as u16);
        if sign != 0 && sign != 0x4000 {
            return Err("NaN or infinity where a number was expected".into());
        }
        // A digit after the point: not an integer.
        if ((i32::from(weight) + 1).max(0)..i32::from(digits))
            .any(|k| word(4 + k as usize).is_ok_and(|d| d != 0))
        {
            return Err("a NUMERIC with a fraction where an integer was expected".into());
        }
        let mut value: i64 = 0;
        for k in 0..=i32::from(weight) {
            let digit = if k < i32::from(digits) {
                i64::from(word(4 + k as usize)?)
            } else {
                0
            };
            value = value
                .checked_mul(10_000)
                .and_then(|v| v.checked_add(digit))
                .ok_or("a NUMERIC beyond 64 bits")?;
        }
        Ok(NumericInt(if sign == 0x4000 { -value } else { value }))
    }

    fn accepts(ty: &postgres::types::Type) -> bool {
        *ty == postgres::types::Type::NUMERIC
    }
}

/// Runs statements written in SQLite's spelling on either engine.
pub(crate) trait Sql {
    /// Calls `f` with each row of a query as it comes (never all of them in memory).
    fn for_each(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        f: &mut dyn FnMut(&RowRef<'_, '_>) -> Result<()>,
    ) -> Result<()>;

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
    fn for_each(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        f: &mut dyn FnMut(&RowRef<'_, '_>) -> Result<()>,
    ) -> Result<()> {
        let mut stmt = self.0.prepare_cached(sql)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(params))?;
        while let Some(r) = rows.next()? {
            f(&RowRef::Lite(r))?;
        }
        Ok(())
    }

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

/// SQLite's spelling in PostgreSQL's (outside quotes): `?N` → `$N` and a bare `?` → the next
/// number (as SQLite counts them), `INSERT OR IGNORE INTO …` → `INSERT INTO … ON CONFLICT DO
/// NOTHING`, `GROUP_CONCAT(` → `string_agg(`; SQLite's index hints (`INDEXED BY name`) left
/// out.
pub(crate) fn server_sql(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len() + 24);
    let mut quoted = false;
    let mut highest = 0u32;
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                let mut number = String::new();
                while let Some(d) = chars.peek().copied().filter(char::is_ascii_digit) {
                    number.push(d);
                    chars.next();
                }
                let n = match number.parse::<u32>() {
                    Ok(n) => n,
                    Err(_) => highest + 1,
                };
                highest = highest.max(n);
                out.push('$');
                out.push_str(&n.to_string());
            }
            _ => out.push(c),
        }
    }
    const IGNORE: &str = "INSERT OR IGNORE INTO";
    if let Some(rest) = out.trim_start().strip_prefix(IGNORE) {
        out = format!("INSERT INTO{rest} ON CONFLICT DO NOTHING");
    }
    out = out.replace("GROUP_CONCAT(", "string_agg(");
    out = ascii_lower(&out);
    while let Some(at) = out.find(" INDEXED BY ") {
        let name_end = out[at + 12..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .map_or(out.len(), |e| at + 12 + e);
        out.replace_range(at..name_end, "");
    }
    out
}

/// `lower(` as a function name (any case, outside quotes, not the end of another name)
/// becomes `pantau_lower(`, the server's ASCII-only lower() of SQLite (server migration 2).
fn ascii_lower(sql: &str) -> String {
    const NAME: &str = "lower(";
    let mut out = String::with_capacity(sql.len() + 16);
    let mut quoted = false;
    let mut previous: Option<char> = None;
    let mut at = 0;
    while let Some(c) = sql[at..].chars().next() {
        let starts_call = !quoted
            && sql[at..]
                .get(..NAME.len())
                .is_some_and(|w| w.eq_ignore_ascii_case(NAME))
            && !previous.is_some_and(|p| p.is_alphanumeric() || p == '_');
        if starts_call {
            out.push_str("pantau_lower(");
            at += NAME.len();
            previous = Some('(');
            continue;
        }
        if c == '\'' {
            quoted = !quoted;
        }
        out.push(c);
        previous = Some(c);
        at += c.len_utf8();
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
    fn for_each(
        &mut self,
        sql: &str,
        params: &[Value<'_>],
        f: &mut dyn FnMut(&RowRef<'_, '_>) -> Result<()>,
    ) -> Result<()> {
        use postgres::fallible_iterator::FallibleIterator;
        let statement = self.statement(sql)?;
        let mut rows = self
            .client
            .query_raw(&statement, params.iter())
            .map_err(server_error)?;
        while let Some(row) = rows.next().map_err(server_error)? {
            f(&RowRef::Server(&row))?;
        }
        Ok(())
    }

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
            Type::INT8 | Type::INT4 | Type::INT2 | Type::BOOL | Type::NUMERIC => {
                cells.push(server_int(row, i)?.map_or(Cell::Null, Cell::Int));
                continue;
            }
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
            server_sql("SELECT a FROM t INDEXED BY t_by_a WHERE a IN (?, ?) AND b = ?"),
            "SELECT a FROM t WHERE a IN ($1, $2) AND b = $3"
        );
        assert_eq!(
            server_sql("SELECT GROUP_CONCAT(code, ';') FROM t WHERE x = ?2 OR y = ?"),
            "SELECT string_agg(code, ';') FROM t WHERE x = $2 OR y = $3"
        );
        assert_eq!(
            server_sql("INSERT OR IGNORE INTO story_bands (key, article_id) VALUES (?1, ?2)"),
            "INSERT INTO story_bands (key, article_id) VALUES ($1, $2) ON CONFLICT DO NOTHING"
        );
        assert_eq!(
            server_sql("SELECT lower(a.source), my_lower(x) FROM t WHERE lower(s) IN (lower(?))"),
            "SELECT pantau_lower(a.source), my_lower(x) FROM t WHERE pantau_lower(s) IN (pantau_lower($1))"
        );
        assert_eq!(
            server_sql("SELECT LOWER(name), 'lower(x)' FROM v ORDER BY Lower(name)"),
            "SELECT pantau_lower(name), 'lower(x)' FROM v ORDER BY pantau_lower(name)"
        );
    }

    #[test]
    fn a_numeric_holding_an_integer_is_read() {
        use postgres::types::{FromSql, Type};
        // PostgreSQL's binary NUMERIC: digits, weight, sign, scale, base-10000 digits.
        let numeric =
            |words: &[i16]| -> Vec<u8> { words.iter().flat_map(|w| w.to_be_bytes()).collect() };
        let read = |raw: &[u8]| NumericInt::from_sql(&Type::NUMERIC, raw).map(|n| n.0);
        assert_eq!(
            read(&numeric(&[3, 2, 0, 0, 1, 2345, 6789])).ok(),
            Some(123_456_789)
        );
        assert_eq!(read(&numeric(&[1, 1, 0x4000, 0, 12])).ok(), Some(-120_000));
        assert_eq!(read(&numeric(&[0, 0, 0, 0])).ok(), Some(0));
        assert!(read(&numeric(&[0, 0, 0xC000u16 as i16, 0])).is_err());
        // Infinity; 0.5 and 2.5 (a digit after the point).
        assert!(read(&numeric(&[0, 0, 0xD000u16 as i16, 0])).is_err());
        assert!(read(&numeric(&[1, -1, 0, 1, 5000])).is_err());
        assert!(read(&numeric(&[2, 0, 0, 1, 2, 5000])).is_err());
        // 20000 is written as one digit of weight 1.
        assert_eq!(read(&numeric(&[1, 1, 0, 0, 2])).ok(), Some(20_000));
        assert!(read(&numeric(&[6, 5, 0, 0, 9999, 9999, 9999, 9999, 9999, 9999])).is_err());
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
