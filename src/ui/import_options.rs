//! File → Import options…: which record field or column each article field is read from,
//! before the usual names (the window's `--field text=body_html`). The mapping is remembered
//! and used by every import from the window until it is changed; the status bar says when one
//! is in use.

use super::action::Action;
use crate::ingest::records::{FieldMap, MAPPABLE};

/// The dialog's state: open or not, and the rows being edited.
#[derive(Default)]
pub struct ImportOptionsDialog {
    /// Shown.
    pub open: bool,
    /// (article field, record field) rows as typed.
    rows: Vec<(String, String)>,
    /// Why the last Apply was refused.
    error: Option<String>,
}

/// The mapping of `rows`, or the first row's error.
pub fn field_map(rows: &[(String, String)]) -> Result<FieldMap, String> {
    let mut map = FieldMap::default();
    for (field, name) in rows {
        if field.trim().is_empty() && name.trim().is_empty() {
            continue;
        }
        map.add(&format!("{field}={name}"))?;
    }
    Ok(map)
}

/// The mapping in words, for the status bar ("text ← body_html, date ← meta.published").
pub fn describe(rows: &[(String, String)]) -> String {
    rows.iter()
        .map(|(f, n)| format!("{f} ← {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl ImportOptionsDialog {
    /// Opens it on the mapping in use, with `extra` rows added (a field the import report
    /// found unread).
    pub fn open_with(&mut self, current: &[(String, String)], extra: Vec<(String, String)>) {
        self.rows = current.to_vec();
        for row in extra {
            if !self.rows.contains(&row) {
                self.rows.push(row);
            }
        }
        if self.rows.is_empty() {
            self.rows.push(("text".into(), String::new()));
        }
        self.error = None;
        self.open = true;
    }

    /// Draws the dialog when open.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Action> {
        if !self.open {
            return None;
        }
        let mut action = None;
        let mut open = true;
        let lang = super::i18n::lang_of(ctx);
        let t = |id: &str| crate::i18n::tr(lang, id);
        egui::Window::new(t("impopt-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .show(ctx, |ui| {
                ui.label(t("impopt-intro"));
                ui.add_space(4.0);
                let mut remove = None;
                egui::Grid::new("field-map").num_columns(4).show(ui, |ui| {
                    for (i, (field, name)) in self.rows.iter_mut().enumerate() {
                        egui::ComboBox::from_id_salt(("map-field", i))
                            .selected_text(field.as_str())
                            .show_ui(ui, |ui| {
                                for f in MAPPABLE {
                                    ui.selectable_value(field, f.to_string(), f);
                                }
                            });
                        let label = ui.label(t("impopt-from-field"));
                        ui.add(
                            egui::TextEdit::singleline(name)
                                .hint_text(t("impopt-field-hint"))
                                .desired_width(220.0),
                        )
                        .labelled_by(label.id);
                        if ui.button(t("impopt-remove")).clicked() {
                            remove = Some(i);
                        }
                        ui.end_row();
                    }
                });
                if let Some(i) = remove {
                    self.rows.remove(i);
                }
                if ui.button(t("impopt-add-field")).clicked() {
                    self.rows.push(("text".into(), String::new()));
                }
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.separator();
                ui.horizontal(|ui| {
                    if ui.button(t("impopt-apply")).clicked() {
                        let rows: Vec<(String, String)> = self
                            .rows
                            .iter()
                            .filter(|(f, n)| !(f.trim().is_empty() && n.trim().is_empty()))
                            .map(|(f, n)| (f.trim().to_string(), n.trim().to_string()))
                            .collect();
                        match field_map(&rows) {
                            Ok(_) => {
                                action = Some(Action::SetFieldMap(rows));
                                self.open = false;
                            }
                            Err(e) => self.error = Some(e),
                        }
                    }
                    if ui.button(t("actors-clear")).clicked() {
                        action = Some(Action::SetFieldMap(Vec::new()));
                        self.open = false;
                    }
                });
            });
        if !open {
            self.open = false;
        }
        action
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_become_a_field_map_or_an_error() {
        let rows = vec![
            ("text".to_string(), "body_html".to_string()),
            ("date".to_string(), "meta.published".to_string()),
        ];
        let map = field_map(&rows).expect("valid");
        assert_eq!(map.overrides.len(), 2);
        assert_eq!(describe(&rows), "text ← body_html, date ← meta.published");
        assert!(field_map(&[("text".into(), String::new())]).is_err());
        assert!(field_map(&[("colour".into(), "x".into())]).is_err());
    }
}
