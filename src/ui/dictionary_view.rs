//! The dictionary: every actor and its aliases, editable. The selected actor's aliases can be
//! switched on and off, aliases and phrase exclusions added, candidate names turned into
//! aliases or actors, and the corpus re-tagged with the edited dictionary. Edits go out as
//! actions; the app writes them.

use super::action::Action;
use super::candidates_view::{CandidatesState, candidates_ui};
use super::colors::actor_color;
use super::i18n::{t, tw};
use super::jobs::{CandidatesJob, Query};
use super::settings::{Settings, Tab};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::i18n::{num, text};
use crate::model::{Language, Via};
use crate::store::{ActorEntry, AliasRecord, ExclusionRecord, ExclusionScope, NewAlias, Store};

/// What the view remembers while the app runs.
#[derive(Debug, Default)]
pub struct DictionaryState {
    /// The actor whose aliases are edited.
    pub selected: Option<String>,
    /// "Add alias" form: the text.
    pub new_alias: String,
    /// "Add alias" form: the language (`None` = any).
    pub new_language: Option<Language>,
    /// "Add alias" form: how it refers to the actor.
    pub new_via: Via,
    /// "Add exclusion" form: the alias.
    pub exclusion_alias: String,
    /// "Add exclusion" form: the phrase.
    pub exclusion_phrase: String,
    /// The search text of the actor list (code, name or alias).
    pub search: String,
    /// The left column lists candidate names instead of actors.
    pub show_candidates: bool,
    /// The candidate names panel.
    pub candidates: CandidatesState,
}

/// The editable part of the dictionary, loaded in the background.
#[derive(Debug, Clone, Default)]
pub struct DictDetail {
    /// The selected actor's aliases (empty when none is selected).
    pub aliases: Vec<AliasRecord>,
    /// Every exclusion.
    pub exclusions: Vec<ExclusionRecord>,
    /// Capitals and cities count for their country.
    pub include_places: bool,
    /// What each spelling of the selected actor counts.
    pub usage: crate::store::AliasUsage,
}

impl DictDetail {
    /// Reads the aliases of `actor_code`, the exclusions and the places setting.
    pub fn load(store: &Store, actor_code: Option<&str>) -> crate::store::Result<DictDetail> {
        Ok(DictDetail {
            aliases: match actor_code {
                Some(code) => store.aliases(Some(code))?,
                None => Vec::new(),
            },
            exclusions: store.exclusions()?,
            include_places: store.include_places()?,
            usage: match actor_code {
                Some(code) => store.alias_usage(code, 3)?,
                None => crate::store::AliasUsage::default(),
            },
        })
    }
}

/// A running job (re-tag, candidate search), as the views show it.
#[derive(Debug, Clone, Copy)]
pub struct JobView {
    /// Articles done.
    pub done: u64,
    /// Articles in all.
    pub total: u64,
    /// Cancel was pressed.
    pub cancelling: bool,
}

impl JobView {
    /// The share done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        if self.total == 0 {
            0.0
        } else {
            self.done as f32 / self.total as f32
        }
    }
}

/// An alias's language (`None`: any) as a name in `lang`.
fn language_label(l: Option<Language>, lang: crate::i18n::Lang) -> String {
    super::i18n::language_name(lang, l.map_or("any", |l| l.as_str()))
}

/// The background jobs the dictionary view shows.
#[derive(Debug, Clone, Copy)]
pub struct DictionaryJobs<'a> {
    /// A running re-tag.
    pub retag: Option<JobView>,
    /// The last re-tag's outcome (text, is_error).
    pub retag_status: Option<&'a (String, bool)>,
    /// A running search for candidate names.
    pub candidates: Option<JobView>,
    /// An import runs (no re-tag meanwhile).
    pub importing: bool,
}

/// The dictionary tab: its state, its queries and the candidate-name search it runs.
#[derive(Default)]
pub struct DictionaryTab {
    /// The forms and the selection.
    pub state: DictionaryState,
    entries: Query<Vec<ActorEntry>>,
    detail: Query<DictDetail>,
    candidates: Option<CandidatesJob>,
}

impl DictionaryTab {
    /// Starts looking for candidate names (unless a search runs).
    pub fn find_candidates(
        &mut self,
        db: &crate::store::Location,
        min_articles: u64,
        ctx: &egui::Context,
    ) {
        if self.candidates.is_none() {
            self.state.candidates.list = None;
            self.candidates = Some(super::jobs::start_candidates(db.clone(), min_articles, ctx));
        }
    }

    /// Stops the running candidate search.
    pub fn cancel_candidates(&mut self) {
        if let Some(job) = &self.candidates {
            job.cancel();
        }
    }

    /// Forgets the dictionary as loaded (an edit changed it).
    pub fn invalidate_dictionary(&mut self) {
        self.entries.invalidate();
        self.detail.invalidate();
    }

    /// Forgets the jobs and results of another database.
    pub fn reset(&mut self) {
        self.cancel_candidates();
        self.candidates = None;
        self.state.candidates = Default::default();
        self.invalidate_dictionary();
    }
}

impl TabView for DictionaryTab {
    fn id(&self) -> Tab {
        Tab::Dictionary
    }

    fn title(&self) -> &'static str {
        "tab-dictionary"
    }

    fn request(&mut self, _settings: &Settings, env: &QueryEnv<'_>) {
        self.entries
            .request(&("dict", env.version), env.db, env.ctx, |s| {
                s.dictionary_entries()
            });
        let code = self.state.selected.clone();
        let key = format!("{:?}", ("dict_detail", env.version, &code));
        self.detail.request(&key, env.db, env.ctx, move |s| {
            DictDetail::load(s, code.as_deref())
        });
    }

    fn poll(&mut self) {
        self.entries.poll();
        self.detail.poll();
        if let Some(job) = &mut self.candidates
            && let Some(result) = job.poll()
        {
            self.candidates = None;
            self.state.candidates.list = Some(result);
        }
    }

    fn invalidate(&mut self) {
        self.entries.invalidate();
        self.detail.invalidate();
    }

    fn is_busy(&self) -> bool {
        self.entries.is_running() || self.detail.is_running() || self.candidates.is_some()
    }

    fn error(&self) -> Option<&str> {
        self.entries.error().or(self.detail.error())
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        _settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action> {
        let entries = self.entries.value();
        let detail = self.detail.value();
        let jobs = DictionaryJobs {
            retag: shell.retag,
            retag_status: shell.retag_status,
            candidates: self.candidates.as_ref().map(job_view),
            importing: shell.importing,
        };
        dictionary_ui(
            ui,
            &mut self.state,
            entries.as_deref().map(Vec::as_slice),
            detail.as_deref(),
            jobs,
        )
        .into_iter()
        .collect()
    }
}

/// How a job with progress shows in a view.
pub(crate) fn job_view<T: Send + 'static>(job: &super::jobs::ProgressJob<T>) -> JobView {
    JobView {
        done: job.progress.0,
        total: job.progress.1,
        cancelling: job.is_cancelling(),
    }
}

/// Draws the searchable list of actors (or the candidate names), the selected actor's aliases
/// and the re-tag controls.
fn dictionary_ui(
    ui: &mut egui::Ui,
    state: &mut DictionaryState,
    entries: Option<&[ActorEntry]>,
    detail: Option<&DictDetail>,
    jobs: DictionaryJobs<'_>,
) -> Option<Action> {
    let mut action = None;
    retag_ui(
        ui,
        detail,
        jobs.retag,
        jobs.retag_status,
        jobs.importing,
        &mut action,
    );
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        let (actors, candidates) = (t(ui, "dict-actors"), t(ui, "dict-candidates"));
        ui.selectable_value(&mut state.show_candidates, false, actors);
        ui.selectable_value(&mut state.show_candidates, true, candidates);
        if !state.show_candidates {
            ui.separator();
            let label = ui.label(t(ui, "articles-search"));
            let hint = t(ui, "articles-actor-hint");
            ui.add(
                egui::TextEdit::singleline(&mut state.search)
                    .hint_text(hint)
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
        }
    });
    let Some(entries) = entries else {
        ui.spinner();
        return action;
    };
    // Side by side when there is room, one above the other in a narrow window.
    let wide = ui.available_width() >= 640.0;
    let left = |ui: &mut egui::Ui, state: &mut DictionaryState| {
        if state.show_candidates {
            let selected = state.selected.clone();
            candidates_ui(
                ui,
                &mut state.candidates,
                selected.as_deref(),
                jobs.candidates,
            )
        } else {
            let search = state.search.clone();
            actor_list_ui(ui, &search, state, entries)
        }
    };
    if wide {
        ui.columns(2, |cols| {
            if let Some(a) = left(&mut cols[0], state) {
                action = Some(a);
            }
            if let Some(a) = detail_ui(&mut cols[1], state, detail) {
                action = Some(a);
            }
        });
    } else {
        let height = (ui.available_height() * 0.45).max(80.0);
        ui.allocate_ui(egui::vec2(ui.available_width(), height), |ui| {
            if let Some(a) = left(ui, state) {
                action = Some(a);
            }
        });
        ui.separator();
        if let Some(a) = detail_ui(ui, state, detail) {
            action = Some(a);
        }
    }
    action
}

/// A running job's line: spinner, "done / total articles" bar and Cancel; true when Cancel
/// was clicked.
pub(super) fn job_progress_ui(ui: &mut egui::Ui, job: JobView) -> bool {
    ui.horizontal(|ui| {
        ui.spinner();
        ui.add(
            egui::ProgressBar::new(job.fraction())
                .desired_width(240.0)
                .text(tw(
                    ui,
                    "dict-job-progress",
                    &[
                        ("done", num(job.done as f64)),
                        ("total", num(job.total as f64)),
                    ],
                )),
        );
        let label = if job.cancelling {
            t(ui, "common-cancelling")
        } else {
            t(ui, "common-cancel")
        };
        ui.add_enabled(!job.cancelling, egui::Button::new(label))
            .clicked()
    })
    .inner
}

fn retag_ui(
    ui: &mut egui::Ui,
    detail: Option<&DictDetail>,
    retag: Option<JobView>,
    status: Option<&(String, bool)>,
    importing: bool,
    action: &mut Option<Action>,
) {
    ui.horizontal(|ui| {
        let button = ui
            .add_enabled(
                retag.is_none() && !importing,
                egui::Button::new(t(ui, "dict-retag")),
            )
            .on_hover_text(t(ui, "dict-retag-hint"));
        if button.clicked() {
            *action = Some(Action::Retag);
        }
        if let Some(detail) = detail {
            let mut on = detail.include_places;
            let (label, hint) = (t(ui, "dict-count-places"), t(ui, "dict-count-places-hint"));
            if ui.checkbox(&mut on, label).on_hover_text(hint).changed() {
                *action = Some(Action::SetIncludePlaces(on));
            }
        }
    });
    if let Some(job) = retag {
        if job_progress_ui(ui, job) {
            *action = Some(Action::CancelRetag);
        }
    } else if let Some((text, error)) = status {
        if *error {
            ui.colored_label(ui.visuals().error_fg_color, text);
        } else {
            ui.label(text);
        }
    }
}

fn actor_list_ui(
    ui: &mut egui::Ui,
    search: &str,
    state: &mut DictionaryState,
    entries: &[ActorEntry],
) -> Option<Action> {
    let mut action = None;
    let needle = super::analysis::fold(search);
    let shown: Vec<&ActorEntry> = entries
        .iter()
        .filter(|e| {
            needle.is_empty()
                || [&e.code, &e.name, &e.name_id]
                    .into_iter()
                    .chain(e.aliases.iter().map(|a| &a.alias))
                    .any(|n| super::analysis::fold(n).contains(&needle))
        })
        .collect();
    ui.label(tw(
        ui,
        "dict-actors-shown",
        &[
            ("shown", num(shown.len() as f64)),
            ("total", num(entries.len() as f64)),
        ],
    ));
    let edit_hint = t(ui, "dict-edit-aliases-hint");
    let articles = t(ui, "dict-articles");
    egui::ScrollArea::vertical()
        .id_salt("dictionary")
        .auto_shrink(false)
        .show(ui, |ui| {
            for e in shown.iter().take(300) {
                ui.horizontal_wrapped(|ui| {
                    let selected = state.selected.as_deref() == Some(e.code.as_str());
                    let code = egui::RichText::new(&e.code)
                        .strong()
                        .color(actor_color(&e.code));
                    let mut pick = ui.selectable_label(selected, code).clicked();
                    pick |= ui
                        .add(egui::Label::new(&e.name).sense(egui::Sense::click()))
                        .on_hover_text(&edit_hint)
                        .clicked();
                    if !e.name_id.is_empty() && e.name_id != e.name {
                        pick |= ui
                            .add(
                                egui::Label::new(
                                    egui::RichText::new(format!("({})", e.name_id)).weak(),
                                )
                                .sense(egui::Sense::click()),
                            )
                            .clicked();
                    }
                    if pick {
                        state.selected = Some(e.code.clone());
                    }
                    let lang = super::i18n::lang(ui);
                    ui.weak(format!(
                        "{}{}",
                        t(ui, &format!("kind-{}", e.kind)),
                        if e.org_type.is_empty() {
                            String::new()
                        } else {
                            format!(
                                " · {}",
                                super::actors_panel::org_type_label(&e.org_type, lang)
                            )
                        }
                    ));
                    if ui.small_button(&articles).clicked() {
                        action = Some(Action::DrillDown(super::analysis::DrillDown::Actor {
                            actor_code: e.code.clone(),
                        }));
                    }
                });
            }
            if shown.len() > 300 {
                ui.weak(tw(
                    ui,
                    "dict-more",
                    &[("count", num((shown.len() - 300) as f64))],
                ));
            }
        });
    action
}

fn detail_ui(
    ui: &mut egui::Ui,
    state: &mut DictionaryState,
    detail: Option<&DictDetail>,
) -> Option<Action> {
    let mut action = None;
    egui::ScrollArea::vertical()
        .id_salt("dictionary_detail")
        .auto_shrink(false)
        .show(ui, |ui| {
            let Some(code) = state.selected.clone() else {
                ui.weak(t(ui, "dict-select-actor"));
                exclusions_ui(ui, detail, &mut action);
                return;
            };
            ui.heading(tw(ui, "dict-aliases-of", &[("actor", text(code.clone()))]));
            match detail {
                None => {
                    ui.spinner();
                }
                Some(d) => aliases_table_ui(ui, &code, &d.aliases, &d.usage, &mut action),
            }
            ui.separator();
            add_alias_ui(ui, &code, state, &mut action);
            ui.separator();
            add_exclusion_ui(ui, &code, state, &mut action);
            exclusions_ui(ui, detail, &mut action);
        });
    action
}

fn aliases_table_ui(
    ui: &mut egui::Ui,
    code: &str,
    aliases: &[AliasRecord],
    usage: &crate::store::AliasUsage,
    action: &mut Option<Action>,
) {
    if aliases.is_empty() {
        ui.weak(t(ui, "dict-no-aliases"));
        return;
    }
    let count_of = |text: &str| {
        let key = crate::store::alias_key(text);
        usage.counts.iter().find(|c| c.key == key)
    };
    let share = |n: u64| {
        if usage.mentions == 0 {
            String::new()
        } else {
            format!("{:.0}%", n as f64 * 100.0 / usage.mentions as f64)
        }
    };
    ui.weak(tw(
        ui,
        "dict-usage-intro",
        &[("count", num(usage.mentions as f64))],
    ));
    if usage.unknown > 0 {
        ui.weak(tw(
            ui,
            "dict-usage-unknown",
            &[("count", num(usage.unknown as f64))],
        ));
    }
    let (user, builtin) = (t(ui, "dict-origin-user"), t(ui, "dict-origin-builtin"));
    let (enabled_hint, delete, delete_hint) = (
        t(ui, "dict-enabled-hint"),
        t(ui, "common-delete"),
        t(ui, "dict-delete-alias-hint"),
    );
    let headers: Vec<String> = [
        "dict-col-alias",
        "dict-col-mentions",
        "dict-col-articles",
        "dict-col-share",
        "dict-col-language",
        "dict-col-case",
        "dict-col-via",
        "dict-col-origin",
        "dict-col-enabled",
    ]
    .iter()
    .map(|id| t(ui, id))
    .chain(std::iter::once(String::new()))
    .collect();
    // Most counted first.
    let mut rows: Vec<&AliasRecord> = aliases.iter().collect();
    rows.sort_by_key(|a| std::cmp::Reverse(count_of(&a.text).map_or(0, |c| c.mentions)));
    egui::Grid::new("aliases")
        .striped(true)
        .num_columns(10)
        .show(ui, |ui| {
            for h in &headers {
                ui.strong(h);
            }
            ui.end_row();
            for a in rows {
                let counted = count_of(&a.text);
                let label = ui.label(&a.text);
                if let Some(c) = counted.filter(|c| !c.contexts.is_empty()) {
                    label.on_hover_ui(|ui| {
                        for (before, hit, after) in &c.contexts {
                            ui.horizontal_wrapped(|ui| {
                                ui.spacing_mut().item_spacing.x = 0.0;
                                ui.label(format!("…{before}"));
                                ui.strong(hit);
                                ui.label(format!("{after}…"));
                            });
                        }
                    });
                }
                ui.label(counted.map_or("0".into(), |c| c.mentions.to_string()));
                ui.label(counted.map_or("0".into(), |c| c.articles.to_string()));
                ui.label(share(counted.map_or(0, |c| c.mentions)));
                let lang = super::i18n::lang(ui);
                ui.label(language_label(a.language, lang));
                ui.label(super::i18n::case_name(lang, a.case));
                ui.label(super::i18n::via_name(lang, a.via));
                ui.label(if a.user { &user } else { &builtin });
                let mut on = a.enabled;
                if ui
                    .checkbox(&mut on, "")
                    .on_hover_text(&enabled_hint)
                    .changed()
                {
                    *action = Some(Action::SetAliasEnabled {
                        actor_code: code.to_string(),
                        text: a.text.clone(),
                        language: a.language,
                        enabled: on,
                    });
                }
                if a.user {
                    if ui
                        .small_button(&delete)
                        .on_hover_text(&delete_hint)
                        .clicked()
                    {
                        *action = Some(Action::DeleteAlias {
                            id: a.id,
                            text: a.text.clone(),
                        });
                    }
                } else {
                    ui.label("");
                }
                ui.end_row();
            }
        });
    let keys: Vec<String> = aliases
        .iter()
        .map(|a| crate::store::alias_key(&a.text))
        .collect();
    let other: Vec<&crate::store::AliasCount> = usage
        .counts
        .iter()
        .filter(|c| !keys.contains(&c.key))
        .collect();
    if other.is_empty() {
        return;
    }
    ui.add_space(6.0);
    ui.weak(t(ui, "dict-other-names"));
    let other_headers: Vec<String> = [
        "dict-col-name",
        "dict-col-mentions",
        "dict-col-articles",
        "dict-col-share",
    ]
    .iter()
    .map(|id| t(ui, id))
    .chain(std::iter::once(String::new()))
    .collect();
    let (not_count, not_count_hint) = (t(ui, "dict-do-not-count"), t(ui, "dict-do-not-count-hint"));
    egui::Grid::new("other_spellings")
        .striped(true)
        .num_columns(5)
        .show(ui, |ui| {
            for h in &other_headers {
                ui.strong(h);
            }
            ui.end_row();
            for c in other {
                let label = ui.label(&c.key);
                if !c.contexts.is_empty() {
                    label.on_hover_ui(|ui| {
                        for (before, hit, after) in &c.contexts {
                            ui.label(format!("…{before}{hit}{after}…"));
                        }
                    });
                }
                ui.label(c.mentions.to_string());
                ui.label(c.articles.to_string());
                ui.label(share(c.mentions));
                if ui
                    .small_button(&not_count)
                    .on_hover_text(&not_count_hint)
                    .clicked()
                {
                    *action = Some(Action::DisablePlace {
                        actor_code: code.to_string(),
                        text: c.key.clone(),
                    });
                }
                ui.end_row();
            }
        });
}

fn add_alias_ui(
    ui: &mut egui::Ui,
    code: &str,
    state: &mut DictionaryState,
    action: &mut Option<Action>,
) {
    ui.strong(t(ui, "dict-add-alias"));
    let (alias_hint, add) = (t(ui, "dict-alias-text-hint"), t(ui, "dict-add"));
    ui.horizontal_wrapped(|ui| {
        ui.add(
            egui::TextEdit::singleline(&mut state.new_alias)
                .hint_text(alias_hint)
                .desired_width(160.0),
        );
        let lang = super::i18n::lang(ui);
        egui::ComboBox::from_id_salt("new_alias_language")
            .selected_text(language_label(state.new_language, lang))
            .show_ui(ui, |ui| {
                for l in [None, Some(Language::Indonesian), Some(Language::English)] {
                    ui.selectable_value(&mut state.new_language, l, language_label(l, lang));
                }
            });
        egui::ComboBox::from_id_salt("new_alias_via")
            .selected_text(super::i18n::via_name(lang, state.new_via))
            .show_ui(ui, |ui| {
                for v in Via::ALL {
                    ui.selectable_value(&mut state.new_via, v, super::i18n::via_name(lang, v));
                }
            });
        let ok = state.new_alias.chars().any(char::is_alphanumeric);
        if ui.add_enabled(ok, egui::Button::new(add)).clicked() {
            *action = Some(Action::AddAlias(NewAlias {
                actor_code: code.to_string(),
                text: state.new_alias.trim().to_string(),
                language: state.new_language,
                case: None,
                via: state.new_via,
            }));
            state.new_alias.clear();
        }
    });
}

fn add_exclusion_ui(
    ui: &mut egui::Ui,
    code: &str,
    state: &mut DictionaryState,
    action: &mut Option<Action>,
) {
    ui.strong(t(ui, "dict-add-exclusion"));
    let (this_alias, is_not) = (
        t(ui, "dict-this-alias"),
        tw(
            ui,
            "dict-is-not-in-phrase",
            &[("actor", text(code.to_string()))],
        ),
    );
    let add_exclusion = t(ui, "dict-add-exclusion");
    ui.horizontal_wrapped(|ui| {
        ui.label(this_alias);
        ui.add(
            egui::TextEdit::singleline(&mut state.exclusion_alias)
                .hint_text("Jordan")
                .desired_width(100.0),
        );
        ui.label(is_not);
        ui.add(
            egui::TextEdit::singleline(&mut state.exclusion_phrase)
                .hint_text("Michael Jordan")
                .desired_width(160.0),
        );
        let ok = state.exclusion_phrase.chars().any(char::is_alphanumeric);
        if ui
            .add_enabled(ok, egui::Button::new(add_exclusion))
            .clicked()
        {
            *action = Some(Action::AddExclusion {
                actor_code: code.to_string(),
                alias: state.exclusion_alias.trim().to_string(),
                phrase: state.exclusion_phrase.trim().to_string(),
            });
            state.exclusion_alias.clear();
            state.exclusion_phrase.clear();
        }
    });
}

fn exclusions_ui(ui: &mut egui::Ui, detail: Option<&DictDetail>, action: &mut Option<Action>) {
    let Some(detail) = detail else { return };
    ui.separator();
    ui.strong(tw(
        ui,
        "dict-exclusions",
        &[("count", num(detail.exclusions.len() as f64))],
    ));
    for e in &detail.exclusions {
        ui.horizontal_wrapped(|ui| {
            let alias = if e.alias.is_empty() {
                t(ui, "dict-any-alias")
            } else {
                format!("{:?}", e.alias)
            };
            let line = match &e.scope {
                ExclusionScope::Phrase(p) => tw(
                    ui,
                    "dict-exclusion-phrase",
                    &[
                        ("alias", text(alias)),
                        ("actor", text(e.actor_code.clone())),
                        ("phrase", text(format!("{p:?}"))),
                    ],
                ),
                ExclusionScope::Article(id) => tw(
                    ui,
                    "dict-exclusion-article",
                    &[
                        ("alias", text(alias)),
                        ("actor", text(e.actor_code.clone())),
                        ("id", num(*id as f64)),
                    ],
                ),
            };
            ui.label(line);
            if ui.small_button(t(ui, "common-delete")).clicked() {
                *action = Some(Action::DeleteExclusion(e.id));
            }
        });
    }
}
