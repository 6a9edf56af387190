//! Per-database settings: a key-value table, and the typed settings pantau keeps in it.

use super::sql::{Sql, Value};
use super::{Result, Store};

fn setting(db: &mut dyn Sql, key: &str) -> Result<Option<String>> {
    db.query_opt(
        "SELECT value FROM settings WHERE key = ?1",
        &[Value::Text(key)],
    )?
    .map(|r| r.text(0))
    .transpose()
}

pub(super) fn set_setting(db: &mut dyn Sql, key: &str, value: &str) -> Result<()> {
    db.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        &[Value::Text(key), Value::Text(value)],
    )?;
    Ok(())
}

impl Store {
    /// A per-database setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        self.with_sql(|db| setting(db, key))
    }

    /// Sets a per-database setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.with_sql(|db| set_setting(db, key, value))
    }

    /// The version hash of the dictionary that last tagged the whole database (after a
    /// finished import or re-tag), if any.
    pub fn dictionary_version(&self) -> Result<Option<String>> {
        self.setting("dictionary_version")
    }

    /// Records the version hash of the dictionary that tagged the database.
    pub fn set_dictionary_version(&mut self, hash: &str) -> Result<()> {
        self.set_setting("dictionary_version", hash)
    }

    /// Whether capitals and major cities count for their country in this database
    /// (setting `include_places`; off when never set).
    pub fn include_places(&self) -> Result<bool> {
        Ok(self.setting("include_places")?.as_deref() == Some("1"))
    }

    /// Switches the place roll-up of this database.
    pub fn set_include_places(&mut self, on: bool) -> Result<()> {
        self.set_setting("include_places", if on { "1" } else { "0" })
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::store;

    #[test]
    fn settings_round_trip() {
        let mut s = store();
        assert!(!s.include_places().expect("get"));
        s.set_include_places(true).expect("set");
        assert!(s.include_places().expect("get"));
        assert_eq!(s.dictionary_version().expect("get"), None);
        s.set_dictionary_version("abc").expect("set");
        assert_eq!(s.dictionary_version().expect("get").as_deref(), Some("abc"));
    }
}
