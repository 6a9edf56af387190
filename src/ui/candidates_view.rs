//! Candidate names: frequent capitalised names and acronyms of the corpus that no actor
//! covers ("Kementerian Pertahanan", "JAD"), found by a background job, each with its counts
//! and example contexts, and one click to make it an alias of the selected actor or a new
//! actor of its own.

use super::action::Action;
use super::dictionary_view::{JobView, job_progress_ui};
use super::i18n::{t, tw};
use crate::curation::candidates::{Candidate, CandidateKind};
use crate::i18n::{num, text};
use crate::model::{ActorKind, Via};
use crate::store::NewAlias;
use crate::tagging::Actor;
use std::collections::HashSet;

/// Organization types of the dictionary (see `assets/dictionary/README.md`).
const ORG_TYPES: &[&str] = &[
    "intergovernmental",
    "government_body",
    "military",
    "armed_group",
    "political_party",
    "ngo",
    "media",
    "company",
    "coalition",
];

/// What the candidates panel remembers.
#[derive(Debug)]
pub struct CandidatesState {
    /// Only names found in at least this many articles.
    pub min_articles: u64,
    /// The last search's result.
    pub list: Option<Result<Vec<Candidate>, String>>,
    /// Candidates added during this session (shown as done).
    pub added: HashSet<String>,
    /// The "new actor" form, when open.
    pub form: Option<NewActorForm>,
}

impl Default for CandidatesState {
    fn default() -> Self {
        CandidatesState {
            min_articles: 3,
            list: None,
            added: HashSet::new(),
            form: None,
        }
    }
}

/// A candidate on its way to become an actor.
#[derive(Debug, Clone, PartialEq)]
pub struct NewActorForm {
    /// The candidate text (becomes the actor's first alias).
    pub text: String,
    /// The new actor's code.
    pub code: String,
    /// Its display name.
    pub name: String,
    /// Country or organization.
    pub kind: ActorKind,
    /// Organization type.
    pub org_type: String,
}

impl NewActorForm {
    /// A form filled in from a candidate: an acronym is its own code, a name gives the
    /// initials of its words.
    pub fn from_candidate(c: &Candidate) -> NewActorForm {
        let code = match c.kind {
            CandidateKind::Acronym => c.text.clone(),
            CandidateKind::Name => c
                .text
                .split_whitespace()
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect(),
        };
        NewActorForm {
            text: c.text.clone(),
            code,
            name: c.text.clone(),
            kind: ActorKind::Organization,
            org_type: String::new(),
        }
    }

    /// The actor the form describes.
    fn actor(&self) -> Actor {
        Actor {
            code: self.code.trim().to_string(),
            kind: self.kind,
            name: self.name.trim().to_string(),
            name_id: String::new(),
            org_type: if self.kind == ActorKind::Organization {
                self.org_type.clone()
            } else {
                String::new()
            },
            country: String::new(),
        }
    }
}

/// Draws the panel: search controls, the running job, the new-actor form and the list.
pub fn candidates_ui(
    ui: &mut egui::Ui,
    state: &mut CandidatesState,
    selected_actor: Option<&str>,
    job: Option<JobView>,
) -> Option<Action> {
    let mut action = None;
    controls_ui(ui, state, job, &mut action);
    if let Some(form) = &mut state.form {
        ui.separator();
        let close = form_ui(ui, form, &mut action);
        if matches!(action, Some(Action::AddActor { .. })) {
            state.added.insert(form.text.clone());
        }
        if close || matches!(action, Some(Action::AddActor { .. })) {
            state.form = None;
        }
    }
    ui.separator();
    match &state.list {
        None => {
            ui.weak(
                "Names and acronyms that occur in many articles but are in no actor's \
                 aliases. Press Find to read the corpus for them.",
            );
        }
        Some(Err(e)) => {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        Some(Ok(list)) => {
            if let Some(a) = list_ui(ui, list, &state.added, selected_actor, &mut state.form) {
                if let Action::AddAlias(alias) = &a {
                    state.added.insert(alias.text.clone());
                }
                action = Some(a);
            }
        }
    }
    action
}

fn controls_ui(
    ui: &mut egui::Ui,
    state: &mut CandidatesState,
    job: Option<JobView>,
    action: &mut Option<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(t(ui, "cand-at-least"));
        ui.add(
            egui::DragValue::new(&mut state.min_articles)
                .range(1..=10_000)
                .speed(0.2),
        );
        ui.label(t(ui, "cand-articles"));
        if ui
            .add_enabled(job.is_none(), egui::Button::new(t(ui, "cand-find")))
            .on_hover_text(t(ui, "cand-find-hint"))
            .clicked()
        {
            *action = Some(Action::FindCandidates(state.min_articles));
        }
    });
    if let Some(job) = job
        && job_progress_ui(ui, job)
    {
        *action = Some(Action::CancelCandidates);
    }
}

/// The new-actor form; true when it is to be closed.
fn form_ui(ui: &mut egui::Ui, form: &mut NewActorForm, action: &mut Option<Action>) -> bool {
    let mut close = false;
    ui.strong(tw(
        ui,
        "cand-new-actor-for",
        &[("text", text(format!("{:?}", form.text)))],
    ));
    egui::Grid::new("new_actor").num_columns(2).show(ui, |ui| {
        ui.label(t(ui, "cand-code"));
        ui.add(egui::TextEdit::singleline(&mut form.code).desired_width(120.0));
        ui.end_row();
        ui.label(t(ui, "dict-col-name"));
        ui.add(egui::TextEdit::singleline(&mut form.name).desired_width(220.0));
        ui.end_row();
        ui.label(t(ui, "cand-kind"));
        ui.horizontal(|ui| {
            let (org, country) = (t(ui, "kind-organization"), t(ui, "kind-country"));
            ui.selectable_value(&mut form.kind, ActorKind::Organization, org);
            ui.selectable_value(&mut form.kind, ActorKind::Country, country);
        });
        ui.end_row();
        if form.kind == ActorKind::Organization {
            ui.label(t(ui, "cand-type"));
            egui::ComboBox::from_id_salt("new_actor_type")
                .selected_text(if form.org_type.is_empty() {
                    "—"
                } else {
                    form.org_type.as_str()
                })
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut form.org_type, String::new(), "—");
                    let lang = super::i18n::lang(ui);
                    for t in ORG_TYPES {
                        ui.selectable_value(
                            &mut form.org_type,
                            (*t).to_string(),
                            super::actors_panel::org_type_label(t, lang),
                        );
                    }
                });
            ui.end_row();
        }
    });
    ui.horizontal(|ui| {
        let ok = !form.code.trim().is_empty() && !form.name.trim().is_empty();
        if ui
            .add_enabled(ok, egui::Button::new(t(ui, "cand-add-actor")))
            .on_hover_text(t(ui, "cand-add-actor-hint"))
            .clicked()
        {
            *action = Some(Action::AddActor {
                actor: form.actor(),
                alias: form.text.clone(),
            });
        }
        close = ui.button(t(ui, "cand-close")).clicked();
    });
    close
}

fn list_ui(
    ui: &mut egui::Ui,
    list: &[Candidate],
    added: &HashSet<String>,
    selected_actor: Option<&str>,
    form: &mut Option<NewActorForm>,
) -> Option<Action> {
    let mut action = None;
    ui.label(tw(
        ui,
        "cand-list-heading",
        &[("count", num(list.len() as f64))],
    ));
    let headers = [
        t(ui, "cand-col-candidate"),
        t(ui, "dict-col-articles"),
        t(ui, "cand-col-occurrences"),
        String::new(),
    ];
    let (name_kind, acronym_kind, added_label, alias_hint, new_actor) = (
        t(ui, "cand-kind-name"),
        t(ui, "cand-kind-acronym"),
        t(ui, "cand-added"),
        t(ui, "cand-alias-of-hint"),
        t(ui, "cand-new-actor"),
    );
    egui::ScrollArea::vertical()
        .id_salt("candidates")
        .auto_shrink(false)
        .show(ui, |ui| {
            egui::Grid::new("candidates_grid")
                .striped(true)
                .num_columns(4)
                .show(ui, |ui| {
                    for h in &headers {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for c in list {
                        let kind = match c.kind {
                            CandidateKind::Name => &name_kind,
                            CandidateKind::Acronym => &acronym_kind,
                        };
                        ui.label(&c.text)
                            .on_hover_text(format!("{kind}\n\n{}", c.examples.join("\n\n")));
                        ui.label(c.articles.to_string());
                        ui.label(c.occurrences.to_string());
                        ui.horizontal(|ui| {
                            if added.contains(&c.text) {
                                ui.weak(&added_label);
                                return;
                            }
                            if let Some(code) = selected_actor
                                && ui
                                    .small_button(tw(
                                        ui,
                                        "cand-alias-of",
                                        &[("actor", text(code.to_string()))],
                                    ))
                                    .on_hover_text(&alias_hint)
                                    .clicked()
                            {
                                action = Some(Action::AddAlias(NewAlias {
                                    actor_code: code.to_string(),
                                    text: c.text.clone(),
                                    language: None,
                                    case: None,
                                    via: match c.kind {
                                        CandidateKind::Name => Via::Name,
                                        CandidateKind::Acronym => Via::Short,
                                    },
                                }));
                            }
                            if ui.small_button(&new_actor).clicked() {
                                *form = Some(NewActorForm::from_candidate(c));
                            }
                        });
                        ui.end_row();
                    }
                });
        });
    action
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_suggests_a_code() {
        let name = Candidate {
            text: "Kementerian Pertahanan".into(),
            kind: CandidateKind::Name,
            articles: 3,
            occurrences: 4,
            examples: vec![],
        };
        assert_eq!(NewActorForm::from_candidate(&name).code, "KP");
        let acronym = Candidate {
            text: "JAD".into(),
            kind: CandidateKind::Acronym,
            ..name
        };
        let form = NewActorForm::from_candidate(&acronym);
        assert_eq!((form.code.as_str(), form.name.as_str()), ("JAD", "JAD"));
        assert_eq!(form.actor().kind, ActorKind::Organization);
    }
}
