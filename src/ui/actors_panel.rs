//! The left panel: every actor mentioned, searchable by code, name or any alias in any
//! language, with counts and a checkbox to plot it.

use super::action::Action;
use super::analysis::{self, ActorCount, ActorNames};
use super::colors::swatch;
use super::jobs::Query;
use super::tabs::QueryEnv;
use crate::model::ActorKind;
use std::sync::Arc;

/// What the panel remembers while the app runs, and its queries.
#[derive(Default)]
pub struct ActorsPanel {
    /// Search text (code, name or alias).
    pub search: String,
    /// Only this kind.
    pub kind: Option<ActorKind>,
    /// Only this organization type ("" = all).
    pub org_type: String,
    counts: Query<Vec<ActorCount>>,
    names: Query<ActorNames>,
}

/// An organization type as a word: "armed_group" -> "armed group".
pub fn org_type_label(t: &str, lang: crate::i18n::Lang) -> String {
    let id = format!("orgtype-{}", t.replace('_', "-"));
    let label = crate::i18n::tr(lang, &id);
    if label == id {
        t.replace('_', " ")
    } else {
        label
    }
}

impl ActorsPanel {
    /// Asks for the counts of the filter and the dictionary's names.
    pub(crate) fn request(&mut self, env: &QueryEnv<'_>) {
        let f = env.filter.clone();
        let key = format!("{:?}", ("actors", env.version, &f));
        self.counts.request(&key, env.db, env.ctx, move |s| {
            analysis::actor_counts(s, &f)
        });
        self.names
            .request(&("names", env.version), env.db, env.ctx, |s| {
                Ok(ActorNames::new(&s.dictionary_entries()?))
            });
    }

    /// Collects finished queries.
    pub fn poll(&mut self) {
        self.counts.poll();
        self.names.poll();
    }

    /// Forgets cached results.
    pub fn invalidate(&mut self) {
        self.counts.invalidate();
        self.names.invalidate();
    }

    /// True while a query runs.
    pub fn is_busy(&self) -> bool {
        self.counts.is_running() || self.names.is_running()
    }

    /// The error of a failed query.
    pub fn error(&self) -> Option<&str> {
        self.counts.error().or(self.names.error())
    }

    /// The dictionary's names, once loaded.
    pub fn names(&self) -> Option<Arc<ActorNames>> {
        self.names.value()
    }

    /// Draws the actor list.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        selected: &[String],
        lang: crate::i18n::Lang,
    ) -> Option<Action> {
        let counts = self.counts.value();
        let names = self.names.value();
        actors_ui(
            ui,
            self,
            counts.as_deref().map(Vec::as_slice),
            names.as_deref(),
            selected,
            lang,
        )
    }
}

/// The rows shown for a search: actors of the kind and type whose code, name or alias holds
/// the search text.
pub fn shown_rows<'a>(
    counts: &'a [ActorCount],
    names: Option<&ActorNames>,
    search: &str,
    kind: Option<ActorKind>,
    org_type: &str,
) -> Vec<&'a ActorCount> {
    let needle = analysis::fold(search);
    counts
        .iter()
        .filter(|c| kind.is_none_or(|k| c.kind == k))
        .filter(|c| org_type.is_empty() || c.org_type == org_type)
        .filter(|c| match names {
            Some(n) => n.matches(&c.code, &needle),
            // Before the dictionary's names are loaded: code and name.
            None => {
                needle.is_empty()
                    || analysis::fold(&c.code).contains(&needle)
                    || analysis::fold(&c.name).contains(&needle)
            }
        })
        .collect()
}

fn actors_ui(
    ui: &mut egui::Ui,
    state: &mut ActorsPanel,
    counts: Option<&[ActorCount]>,
    names: Option<&ActorNames>,
    selected: &[String],
    lang: crate::i18n::Lang,
) -> Option<Action> {
    use crate::i18n::{num, tr, tr_with};
    let mut action = None;
    let heading = ui.heading(tr(lang, "actors-heading"));
    ui.add(
        egui::TextEdit::singleline(&mut state.search)
            .hint_text(tr(lang, "actors-search-hint"))
            .desired_width(f32::INFINITY),
    )
    .labelled_by(heading.id);
    ui.horizontal_wrapped(|ui| {
        for (kind, label) in [
            (None, "actors-all"),
            (Some(ActorKind::Country), "actors-countries"),
            (Some(ActorKind::Organization), "actors-organizations"),
        ] {
            if ui
                .selectable_label(state.kind == kind, tr(lang, label))
                .clicked()
            {
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
        egui::ComboBox::from_label(tr(lang, "cand-type"))
            .selected_text(if state.org_type.is_empty() {
                tr(lang, "common-all")
            } else {
                org_type_label(&state.org_type, lang)
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut state.org_type, String::new(), tr(lang, "common-all"));
                for t in types {
                    ui.selectable_value(
                        &mut state.org_type,
                        t.to_string(),
                        org_type_label(t, lang),
                    );
                }
            });
    }
    ui.horizontal(|ui| {
        ui.label(tr_with(
            lang,
            "actors-plotted",
            &[("count", num(selected.len() as f64))],
        ));
        if !selected.is_empty() && ui.small_button(tr(lang, "actors-clear")).clicked() {
            action = Some(Action::ClearActors);
        }
    });
    ui.separator();
    let rows = shown_rows(counts, names, &state.search, state.kind, &state.org_type);
    if counts.is_empty() {
        ui.weak(tr(lang, "actors-empty"));
    } else if rows.is_empty() {
        ui.weak(tr_with(
            lang,
            "actors-no-match",
            &[
                ("count", num(counts.len() as f64)),
                (
                    "search",
                    crate::i18n::text(format!("{:?}", state.search.trim())),
                ),
            ],
        ));
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
                        ui.weak(tr_with(
                            lang,
                            "actors-row-counts",
                            &[
                                ("articles", num(c.articles as f64)),
                                ("mentions", num(c.mentions as f64)),
                            ],
                        ))
                        .on_hover_text(tr(lang, "actors-row-counts-hint"));
                        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                            let shown = names
                                .map_or(c.name.as_str(), |n| n.display(&c.code, &c.name, lang));
                            let name = egui::Label::new(format!("{} {}", c.code, shown))
                                .truncate()
                                .sense(egui::Sense::click());
                            let hover = if c.org_type.is_empty() {
                                c.name.clone()
                            } else {
                                format!("{} ({})", c.name, org_type_label(&c.org_type, lang))
                            };
                            toggled |= ui.add(name).on_hover_text(hover).clicked();
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
