//! The left panel: every actor mentioned, searchable, with counts and a checkbox to plot it.

use super::action::Action;
use super::analysis::ActorCount;
use super::colors::swatch;
use crate::model::ActorKind;

/// What the panel remembers while the app runs.
#[derive(Debug, Default)]
pub struct ActorsState {
    /// Search text (code or name).
    pub search: String,
    /// Only this kind.
    pub kind: Option<ActorKind>,
    /// Only this organization type ("" = all).
    pub org_type: String,
    /// The dictionary view's search text.
    pub dictionary_search: String,
}

/// Draws the actor list.
pub fn actors_ui(
    ui: &mut egui::Ui,
    state: &mut ActorsState,
    counts: Option<&[ActorCount]>,
    selected: &[String],
) -> Option<Action> {
    let mut action = None;
    ui.heading("Actors");
    ui.add(
        egui::TextEdit::singleline(&mut state.search)
            .hint_text("Search actors")
            .desired_width(f32::INFINITY),
    );
    ui.horizontal(|ui| {
        for (kind, label) in [
            (None, "All"),
            (Some(ActorKind::Country), "Countries"),
            (Some(ActorKind::Organization), "Organizations"),
        ] {
            if ui.selectable_label(state.kind == kind, label).clicked() {
                state.kind = kind;
                state.org_type.clear();
            }
        }
    });
    let Some(counts) = counts else {
        ui.spinner();
        return None;
    };
    if state.kind == Some(ActorKind::Organization) {
        let mut types: Vec<&str> = counts
            .iter()
            .filter(|c| c.kind == ActorKind::Organization && !c.org_type.is_empty())
            .map(|c| c.org_type.as_str())
            .collect();
        types.sort_unstable();
        types.dedup();
        egui::ComboBox::from_label("Type")
            .selected_text(if state.org_type.is_empty() {
                "all"
            } else {
                &state.org_type
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.org_type, String::new(), "all");
                for t in types {
                    ui.selectable_value(&mut state.org_type, t.to_string(), t);
                }
            });
    }
    ui.horizontal(|ui| {
        ui.label(format!("{} plotted", selected.len()));
        if !selected.is_empty() && ui.small_button("Clear").clicked() {
            action = Some(Action::ClearActors);
        }
    });
    ui.separator();
    let needle = state.search.to_lowercase();
    let rows: Vec<&ActorCount> = counts
        .iter()
        .filter(|c| state.kind.is_none_or(|k| c.kind == k))
        .filter(|c| state.org_type.is_empty() || c.org_type == state.org_type)
        .filter(|c| {
            needle.is_empty()
                || c.code.to_lowercase().contains(&needle)
                || c.name.to_lowercase().contains(&needle)
        })
        .collect();
    if rows.is_empty() {
        ui.weak("No actors mentioned yet. Import articles with File > Import.");
    }
    egui::ScrollArea::vertical().id_salt("actors").show_rows(
        ui,
        ui.spacing().interact_size.y,
        rows.len(),
        |ui, range| {
            for c in &rows[range] {
                ui.horizontal(|ui| {
                    let mut on = selected.contains(&c.code);
                    swatch(ui, &c.code);
                    let mut toggled = ui.checkbox(&mut on, "").changed();
                    // Counts at the right edge; the name takes the room left, cut to fit.
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        ui.weak(format!("{} art · {} m", c.articles, c.mentions))
                            .on_hover_text("articles · mentions");
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let name = egui::Label::new(format!("{} {}", c.code, c.name))
                                .truncate()
                                .sense(egui::Sense::click());
                            toggled |= ui.add(name).on_hover_text(&c.name).clicked();
                        });
                    });
                    if toggled {
                        action = Some(Action::ToggleActor(c.code.clone()));
                    }
                });
            }
        },
    );
    action
}
