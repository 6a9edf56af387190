//! `pantau copy`: a whole corpus between a local database and a server, table by table in
//! the order of [`TABLES`], ids kept, in one transaction on the receiving side; at the end
//! each table's rows are counted on both sides and must agree.
//!
//! To a server: rows stream from SQLite into PostgreSQL's binary `COPY`. From a server: rows
//! stream out of `COPY … TO STDOUT` into a new local database, whose search index is then
//! built.

use super::{Result, ServerError, ServerStore, TABLES};
use crate::store::{Store, migrations};
use bytes::BytesMut;
use postgres::binary_copy::{BinaryCopyInWriter, BinaryCopyOutIter};
use postgres::fallible_iterator::FallibleIterator;
use postgres::types::{IsNull, ToSql, Type, to_sql_checked};
use rusqlite::OpenFlags;
use std::path::Path;

/// Rows between two progress reports.
const PROGRESS_EVERY: u64 = 10_000;

/// The rows of `table` a copy moves: all of them, but for the setting that ties a local
/// database to its own search index file (each side keeps its own) and a server's running
/// re-tag (a job of that server).
fn copied(table: &str) -> &'static str {
    if table == "settings" {
        " WHERE key NOT IN ('search_owner', 'retag_job')"
    } else {
        ""
    }
}

/// What a copy moved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    /// Rows of each table, as counted on both sides at the end.
    pub tables: Vec<(String, u64)>,
}

impl CopyReport {
    /// Rows of `table`.
    pub fn rows(&self, table: &str) -> u64 {
        self.tables
            .iter()
            .find(|(t, _)| t == table)
            .map_or(0, |(_, n)| *n)
    }
}

/// One value on its way between the two engines.
#[derive(Debug)]
enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Bytes(Vec<u8>),
}

impl ToSql for Cell {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match self {
            Cell::Null => Ok(IsNull::Yes),
            Cell::Int(v) => v.to_sql(ty, out),
            Cell::Real(v) => v.to_sql(ty, out),
            Cell::Text(v) => v.to_sql(ty, out),
            Cell::Bytes(v) => v.to_sql(ty, out),
        }
    }

    fn accepts(ty: &Type) -> bool {
        [Type::INT8, Type::FLOAT8, Type::TEXT, Type::BYTEA].contains(ty)
    }

    to_sql_checked!();
}

/// A column: its name and its server type.
struct Column {
    name: String,
    ty: Type,
}

/// The columns of `table` on the server (the ones it computes itself left out), in the local
/// database's order; the two must have the same columns.
fn columns(
    server: &mut postgres::Transaction<'_>,
    local: &rusqlite::Connection,
    table: &str,
) -> Result<Vec<Column>> {
    let mut local_names = Vec::new();
    let mut stmt = local.prepare("SELECT name FROM pragma_table_info(?1) ORDER BY cid")?;
    for name in stmt.query_map([table], |r| r.get::<_, String>(0))? {
        local_names.push(name?);
    }
    let rows = server.query(
        "SELECT column_name::text, data_type::text FROM information_schema.columns
         WHERE table_schema = current_schema() AND table_name = $1 AND is_generated = 'NEVER'
           -- The server's own search vector, written from the articles' words.
           AND NOT (table_name = 'articles' AND column_name = 'search')
         ORDER BY ordinal_position",
        &[&table],
    )?;
    let mut server_cols: Vec<(String, String)> =
        rows.iter().map(|r| (r.get(0), r.get(1))).collect();
    let mut out = Vec::new();
    for name in &local_names {
        let Some(pos) = server_cols.iter().position(|(n, _)| n == name) else {
            return Err(ServerError::Copy(format!(
                "the server's table {table} has no column {name}: the two schemas differ"
            )));
        };
        let (_, ty) = server_cols.remove(pos);
        let ty = match ty.as_str() {
            "bigint" => Type::INT8,
            "text" => Type::TEXT,
            "bytea" => Type::BYTEA,
            "double precision" => Type::FLOAT8,
            other => {
                return Err(ServerError::Copy(format!(
                    "{table}.{name} has the server type {other}, which pantau does not copy"
                )));
            }
        };
        out.push(Column {
            name: name.clone(),
            ty,
        });
    }
    if let Some((name, _)) = server_cols.first() {
        return Err(ServerError::Copy(format!(
            "the local table {table} has no column {name}: the two schemas differ"
        )));
    }
    Ok(out)
}

fn column_list(cols: &[Column]) -> String {
    cols.iter()
        .map(|c| format!("\"{}\"", c.name))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Opens a local pantau database of this build's schema for reading.
fn open_local(path: &Path) -> Result<rusqlite::Connection> {
    Store::check_existing(path)?;
    let conn = rusqlite::Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version != migrations::latest_version() {
        return Err(ServerError::Copy(format!(
            "{} has schema version {version}; open it once with this pantau (any command) to \
             bring it to version {} before copying it",
            path.display(),
            migrations::latest_version()
        )));
    }
    Ok(conn)
}

/// Copies the local database at `from` into the server's database, which must hold no
/// articles, actors or runs yet. `progress(table, rows)` is called as rows go.
pub fn local_to_server(
    from: &Path,
    to: &mut ServerStore,
    progress: &mut dyn FnMut(&str, u64),
) -> Result<CopyReport> {
    to.require_rights("copy a corpus into this database", "UPDATE")?;
    let local = open_local(from)?;
    // One snapshot of the local database for the whole copy.
    local.execute_batch("BEGIN")?;
    let address = to.address().to_string();
    let mut tx = to.client.transaction()?;
    // Two copies into one server wait for each other; the second then finds it full.
    tx.execute(
        "LOCK TABLE articles, actors, import_runs IN EXCLUSIVE MODE",
        &[],
    )?;
    for table in ["articles", "actors", "import_runs"] {
        let n: i64 = tx
            .query_one(&format!("SELECT COUNT(*) FROM {table}"), &[])?
            .get(0);
        if n > 0 {
            return Err(ServerError::Copy(format!(
                "{address} already holds {n} rows of {table}: pantau copy fills an empty \
                 database (to add files to it, import them there)"
            )));
        }
    }
    // Into empty tables, an index built once at the end costs a fraction of one kept up row by
    // row (the GIN index of the text vectors above all); the ones behind constraints stay.
    let indexes: Vec<(String, String)> = tx
        .query(
            // Only a table's owner may drop its indexes; for a role that may only write rows
            // they stay and are kept up as the rows go in.
            "SELECT i.indexname::text, i.indexdef::text FROM pg_indexes i
             JOIN pg_class t ON t.relname = i.tablename
                  AND t.relnamespace = (SELECT oid FROM pg_namespace WHERE nspname = i.schemaname)
             WHERE i.schemaname = current_schema() AND i.tablename = ANY($1)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
               AND pg_has_role(current_user, t.relowner, 'USAGE')
             ORDER BY 1",
            &[&TABLES],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    for (name, _) in &indexes {
        tx.batch_execute(&format!("DROP INDEX \"{name}\""))?;
    }
    for table in TABLES {
        let cols = columns(&mut tx, &local, table)?;
        let names = column_list(&cols);
        let types: Vec<Type> = cols.iter().map(|c| c.ty.clone()).collect();
        let sink = tx.copy_in(&format!(
            "COPY {table} ({names}) FROM STDIN (FORMAT binary)"
        ))?;
        let mut writer = BinaryCopyInWriter::new(sink, &types);
        let mut stmt = local.prepare(&format!("SELECT {names} FROM {table}{}", copied(table)))?;
        let mut rows = stmt.query([])?;
        let mut done = 0u64;
        let mut cells: Vec<Cell> = Vec::with_capacity(cols.len());
        while let Some(row) = rows.next()? {
            cells.clear();
            for (i, col) in cols.iter().enumerate() {
                let cell = local_cell(row.get_ref(i)?, col).map_err(|why| {
                    use rusqlite::types::ValueRef;
                    let key = match row.get_ref(0) {
                        Ok(ValueRef::Integer(n)) => n.to_string(),
                        Ok(ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
                        Ok(other) => format!("{other:?}"),
                        Err(_) => String::new(),
                    };
                    ServerError::Copy(format!(
                        "{table}.{} of the row whose {} is {key} {why}; nothing was copied",
                        col.name, cols[0].name
                    ))
                })?;
                cells.push(cell);
            }
            let refs: Vec<&(dyn ToSql + Sync)> =
                cells.iter().map(|c| c as &(dyn ToSql + Sync)).collect();
            writer.write(&refs).map_err(|e| refused_row(table, &e))?;
            done += 1;
            if done.is_multiple_of(PROGRESS_EVERY) {
                progress(table, done);
            }
        }
        writer.finish().map_err(|e| refused_row(table, &e))?;
        progress(table, done);
        if cols.iter().any(|c| c.name == "id") {
            // The next id the server gives follows the copied ones.
            tx.execute(
                &format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', 'id'),
                                   GREATEST(COALESCE(MAX(id), 0), 1), MAX(id) IS NOT NULL)
                     FROM {table}"
                ),
                &[],
            )?;
        }
    }
    // The search vector of every copied article (before its index is built again).
    super::search::index_articles(&mut tx, &mut |n| progress("search", n))?;
    tx.batch_execute("SET LOCAL maintenance_work_mem = '256MB'")?;
    for (name, definition) in &indexes {
        progress(name, 0);
        tx.batch_execute(definition)?;
    }
    let report = compare_counts(&local, &mut tx)?;
    tx.commit()?;
    local.execute_batch("COMMIT")?;
    Ok(report)
}

/// The server's refusal of a row of `table`, with where in the COPY it was.
fn refused_row(table: &str, e: &postgres::Error) -> ServerError {
    let detail = match e.as_db_error() {
        Some(db) => match db.where_() {
            Some(at) => format!("{} ({at})", db.message()),
            None => db.message().to_string(),
        },
        None => e.to_string(),
    };
    ServerError::Copy(format!(
        "the server refused a row of {table}: {detail}; nothing was copied"
    ))
}

/// A local value as the server's column type wants it, or why it cannot be stored there
/// (never changed on the way).
fn local_cell(
    value: rusqlite::types::ValueRef<'_>,
    col: &Column,
) -> std::result::Result<Cell, String> {
    use rusqlite::types::ValueRef;
    let cell = match (value, &col.ty) {
        (ValueRef::Null, _) => Cell::Null,
        (ValueRef::Integer(v), t) if *t == Type::INT8 => Cell::Int(v),
        (ValueRef::Integer(v), t) if *t == Type::FLOAT8 => Cell::Real(v as f64),
        (ValueRef::Real(v), t) if *t == Type::FLOAT8 => Cell::Real(v),
        (ValueRef::Text(v), t) if *t == Type::TEXT => {
            let text = std::str::from_utf8(v).map_err(|e| format!("is not UTF-8 ({e})"))?;
            if text.contains('\0') {
                return Err("holds a NUL character, which PostgreSQL's text cannot store".into());
            }
            Cell::Text(text.to_string())
        }
        (ValueRef::Blob(v), t) if *t == Type::BYTEA => Cell::Bytes(v.to_vec()),
        (other, t) => {
            return Err(format!(
                "holds a {:?} where the server keeps {t}",
                other.data_type()
            ));
        }
    };
    Ok(cell)
}

/// Counts each table on both sides; any difference is an error naming the table.
fn compare_counts(
    local: &rusqlite::Connection,
    server: &mut postgres::Transaction<'_>,
) -> Result<CopyReport> {
    let mut tables = Vec::new();
    for table in TABLES {
        let sql = format!("SELECT COUNT(*) FROM {table}{}", copied(table));
        let here: i64 = local.query_row(&sql, [], |r| r.get(0))?;
        let there: i64 = server.query_one(&sql, &[])?.get(0);
        if here != there {
            return Err(ServerError::Copy(format!(
                "{table}: {here} rows in the local database, {there} on the server after the \
                 copy; nothing was kept"
            )));
        }
        tables.push((table.to_string(), here.max(0) as u64));
    }
    Ok(CopyReport { tables })
}

/// Copies the server's database into a new local database at `to` (which must not exist),
/// then builds its search index. A role that may only read can do this.
pub fn server_to_local(
    from: &mut ServerStore,
    to: &Path,
    progress: &mut dyn FnMut(&str, u64),
) -> Result<CopyReport> {
    if to.exists() {
        return Err(ServerError::Copy(format!(
            "{} exists already: pantau copy writes a new database file",
            to.display()
        )));
    }
    let result = fill_local(from, to, progress);
    if result.is_err() {
        // Nothing half-copied is left behind: the file, its search index, their journals.
        for file in [to.to_path_buf(), crate::store::search_path(to)] {
            for suffix in ["", "-wal", "-shm"] {
                let _ = std::fs::remove_file(wal_of(&file, suffix));
            }
        }
    }
    result
}

fn wal_of(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut s = path.as_os_str().to_os_string();
    s.push(suffix);
    s.into()
}

fn fill_local(
    from: &mut ServerStore,
    to: &Path,
    progress: &mut dyn FnMut(&str, u64),
) -> Result<CopyReport> {
    // The schema, as any new database gets it.
    drop(Store::open(to)?);
    let mut local = rusqlite::Connection::open(to)?;
    local.pragma_update(None, "foreign_keys", "ON")?;
    let local_tx = local.transaction()?;
    // What opening wrote into the new file (its settings) gives way to the copied rows.
    for table in TABLES.iter().rev() {
        local_tx.execute(&format!("DELETE FROM {table}{}", copied(table)), [])?;
    }
    let mut tx = from
        .client
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()?;
    for table in TABLES {
        let cols = columns(&mut tx, &local_tx, table)?;
        let names = column_list(&cols);
        let types: Vec<Type> = cols.iter().map(|c| c.ty.clone()).collect();
        let marks = (1..=cols.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let mut insert =
            local_tx.prepare(&format!("INSERT INTO {table} ({names}) VALUES ({marks})"))?;
        let source = tx.copy_out(&format!(
            "COPY (SELECT {names} FROM {table}{}) TO STDOUT (FORMAT binary)",
            copied(table)
        ))?;
        let mut rows = BinaryCopyOutIter::new(source, &types);
        let mut done = 0u64;
        let mut values: Vec<rusqlite::types::Value> = Vec::with_capacity(cols.len());
        while let Some(row) = rows.next()? {
            values.clear();
            for (i, col) in cols.iter().enumerate() {
                use rusqlite::types::Value;
                let v = if col.ty == Type::INT8 {
                    row.try_get::<Option<i64>>(i)?
                        .map_or(Value::Null, Value::Integer)
                } else if col.ty == Type::FLOAT8 {
                    row.try_get::<Option<f64>>(i)?
                        .map_or(Value::Null, Value::Real)
                } else if col.ty == Type::TEXT {
                    row.try_get::<Option<String>>(i)?
                        .map_or(Value::Null, Value::Text)
                } else {
                    row.try_get::<Option<Vec<u8>>>(i)?
                        .map_or(Value::Null, Value::Blob)
                };
                values.push(v);
            }
            insert.execute(rusqlite::params_from_iter(values.iter()))?;
            done += 1;
            if done.is_multiple_of(PROGRESS_EVERY) {
                progress(table, done);
            }
        }
        progress(table, done);
    }
    let report = compare_counts(&local_tx, &mut tx)?;
    tx.commit()?;
    local_tx.commit()?;
    drop(local);
    let mut store = Store::open(to)?;
    store.index_new_articles()?;
    Ok(report)
}
