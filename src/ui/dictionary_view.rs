//! The dictionary: every actor and its aliases (read-only).

use super::action::Action;
use super::colors::actor_color;
use crate::store::ActorEntry;

/// Draws the searchable list of actors and aliases.
pub fn dictionary_ui(
    ui: &mut egui::Ui,
    search: &mut String,
    entries: Option<&[ActorEntry]>,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal(|ui| {
        ui.label("Search:");
        ui.add(
            egui::TextEdit::singleline(search)
                .hint_text("code, name or alias")
                .desired_width(220.0),
        );
        ui.weak("Read-only: the built-in dictionary; editing aliases is not available yet.");
    });
    let Some(entries) = entries else {
        ui.spinner();
        return None;
    };
    let needle = search.to_lowercase();
    let shown: Vec<&ActorEntry> = entries
        .iter()
        .filter(|e| {
            needle.is_empty()
                || e.code.to_lowercase().contains(&needle)
                || e.name.to_lowercase().contains(&needle)
                || e.name_id.to_lowercase().contains(&needle)
                || e.aliases
                    .iter()
                    .any(|a| a.alias.to_lowercase().contains(&needle))
        })
        .collect();
    ui.label(format!("{} of {} actors", shown.len(), entries.len()));
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("dictionary")
        .auto_shrink(false)
        .show(ui, |ui| {
            for e in shown.iter().take(300) {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(actor_color(&e.code), egui::RichText::new(&e.code).strong());
                    ui.label(&e.name);
                    if !e.name_id.is_empty() && e.name_id != e.name {
                        ui.weak(format!("({})", e.name_id));
                    }
                    ui.weak(format!(
                        "{}{}",
                        e.kind,
                        if e.org_type.is_empty() {
                            String::new()
                        } else {
                            format!(" · {}", e.org_type)
                        }
                    ));
                    if ui.small_button("articles").clicked() {
                        action = Some(Action::DrillDown(super::analysis::DrillDown::Actor {
                            actor_code: e.code.clone(),
                        }));
                    }
                });
                let aliases: Vec<String> = e
                    .aliases
                    .iter()
                    .map(|a| {
                        let mut s = format!(
                            "{} [{}{}]",
                            a.alias,
                            a.via,
                            if a.language == "any" {
                                String::new()
                            } else {
                                format!(", {}", a.language)
                            }
                        );
                        if !a.enabled {
                            s.push_str(" (off)");
                        }
                        s
                    })
                    .collect();
                ui.indent(&e.code, |ui| ui.weak(aliases.join(" · ")));
            }
            if shown.len() > 300 {
                ui.weak(format!("… {} more: refine the search.", shown.len() - 300));
            }
        });
    action
}
