//! Saved views of the window, by name.

use super::sql::Value;
use super::{Result, Store, StoreError};
use crate::model::SavedView;

/// A saved view as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewEntry {
    /// Row id.
    pub id: i64,
    /// Its name.
    pub name: String,
    /// When it was saved (local time, ISO 8601).
    pub saved_at: String,
}

impl Store {
    /// Saves `view` under its name (replacing a view of the same name); returns its id.
    pub fn save_view(&mut self, view: &SavedView) -> Result<i64> {
        let name = view.name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a view needs a name".into()));
        }
        let now = chrono::Local::now()
            .naive_local()
            .format("%Y-%m-%dT%H:%M:%S")
            .to_string();
        let mut view = view.clone();
        view.name = name.to_string();
        let json = view.to_json();
        self.with_sql(|db| {
            db.execute(
                "INSERT INTO saved_views (name, saved_at, view) VALUES (?1, ?2, ?3)
                 ON CONFLICT (name) DO UPDATE SET saved_at = excluded.saved_at, view = excluded.view",
                &[Value::Text(name), Value::Text(&now), Value::Text(&json)],
            )?;
            db.query_opt(
                "SELECT id FROM saved_views WHERE name = ?1",
                &[Value::Text(name)],
            )?
            .ok_or_else(|| StoreError::Invalid(format!("the view {name:?} was not saved")))?
            .int(0)
        })
    }

    /// Every saved view, by name.
    pub fn views(&self) -> Result<Vec<ViewEntry>> {
        let rows = self.with_sql(|db| {
            db.query(
                "SELECT id, name, saved_at FROM saved_views ORDER BY lower(name), name",
                &[],
            )
        })?;
        rows.iter()
            .map(|r| {
                Ok(ViewEntry {
                    id: r.int(0)?,
                    name: r.text(1)?,
                    saved_at: r.text(2)?,
                })
            })
            .collect()
    }

    /// The view saved as `name`; `None` when there is none. A stored view that no longer
    /// reads is an error naming it.
    pub fn view(&self, name: &str) -> Result<Option<SavedView>> {
        let text: Option<String> = self.with_sql(|db| {
            db.query_opt(
                "SELECT view FROM saved_views WHERE name = ?1",
                &[Value::Text(name)],
            )?
            .map(|r| r.text(0))
            .transpose()
        })?;
        text.map(|t| {
            SavedView::from_json(&t)
                .map_err(|e| StoreError::Invalid(format!("the saved view {name:?}: {e}")))
        })
        .transpose()
    }

    /// Deletes a saved view.
    pub fn delete_view(&mut self, id: i64) -> Result<()> {
        self.with_sql(|db| db.execute("DELETE FROM saved_views WHERE id = ?1", &[Value::Int(id)]))?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_save_replace_list_open_and_delete() {
        let dir = tempfile::tempdir().expect("tempdir");
        let mut s = Store::open(&dir.path().join("v.db")).expect("open");
        let mut v = SavedView {
            name: " Rusia ".into(),
            actors: vec!["RUS".into()],
            ..SavedView::default()
        };
        let id = s.save_view(&v).expect("save");
        v.actors.push("TUR".into());
        v.name = "Rusia".into();
        assert_eq!(s.save_view(&v).expect("replace"), id, "same name, same row");
        s.save_view(&SavedView {
            name: "america".into(),
            ..SavedView::default()
        })
        .expect("save");
        let names: Vec<String> = s
            .views()
            .expect("list")
            .into_iter()
            .map(|e| e.name)
            .collect();
        assert_eq!(names, ["america", "Rusia"]);
        assert_eq!(
            s.view("Rusia").expect("get").expect("there").actors,
            ["RUS", "TUR"]
        );
        assert!(s.view("nope").expect("get").is_none());
        assert!(s.save_view(&SavedView::default()).is_err(), "no name");
        s.delete_view(id).expect("delete");
        assert_eq!(s.views().expect("list").len(), 1);
    }
}
