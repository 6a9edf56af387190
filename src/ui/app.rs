//! The app shell: saved settings, live jobs, the panels, and the actions applied each frame.

use super::action::Action;
use super::analysis::{ActorCount, Filter, PairStat, Spike, Timeline};
use super::articles_view::{ArticleListing, ArticlesState};
use super::jobs::{CandidatesJob, Dialogs, ImportJob, ProgressJob, Query, RetagJob, Task};
pub use super::settings::{BINS, Settings, Tab, WINDOWS};
use super::{actors_panel, articles_view, cooccurrence_view, dictionary_view, menu, timeline_view};
use crate::pipeline::ImportReport;
use crate::store::{ActorEntry, ArticleView};
use std::path::PathBuf;

/// What the views show, computed in the background.
#[derive(Default)]
pub(crate) struct Data {
    pub actor_counts: Query<Vec<ActorCount>>,
    pub timeline: Query<(Timeline, Vec<Spike>)>,
    pub cooccurrence: Query<Vec<PairStat>>,
    pub articles: Query<ArticleListing>,
    pub article: Query<Option<ArticleView>>,
    pub dictionary: Query<Vec<ActorEntry>>,
    pub dict_detail: Query<dictionary_view::DictDetail>,
}

/// The dashboard.
pub struct PantauApp {
    /// Saved settings.
    pub settings: Settings,
    pub(crate) db: PathBuf,
    pub(crate) data: Data,
    pub(crate) actors: actors_panel::ActorsState,
    pub(crate) articles: ArticlesState,
    pub(crate) cooc: cooccurrence_view::CoocState,
    pub(crate) import: Option<ImportJob>,
    pub(crate) retag: Option<RetagJob>,
    pub(crate) candidates: Option<CandidatesJob>,
    /// The last re-tag's outcome: (text, is_error).
    pub(crate) retag_status: Option<(String, bool)>,
    pub(crate) dict: dictionary_view::DictionaryState,
    pub(crate) report: Option<Result<ImportReport, String>>,
    pub(crate) dialogs: Dialogs,
    pub(crate) tasks: Vec<Task>,
    /// Messages for the status bar: (text, is_error).
    pub notices: Vec<(String, bool)>,
    pub(crate) version: u64,
    pub(crate) pending: Vec<Action>,
    sample_on_empty: bool,
    started: bool,
    /// The search index of the open database was brought up to date.
    search_checked: bool,
    quit: bool,
    frame_probe: super::frame_probe::FrameProbe,
}

impl PantauApp {
    /// The app on `db`; with `sample_on_empty`, an empty database gets the bundled sample.
    pub fn new(db: PathBuf, settings: Settings, sample_on_empty: bool) -> Self {
        PantauApp {
            settings: Settings {
                db_path: Some(db.clone()),
                ..settings
            },
            db,
            data: Data::default(),
            actors: Default::default(),
            articles: Default::default(),
            cooc: Default::default(),
            import: None,
            retag: None,
            candidates: None,
            retag_status: None,
            dict: Default::default(),
            report: None,
            dialogs: Dialogs::default(),
            tasks: Vec::new(),
            notices: Vec::new(),
            version: 0,
            pending: Vec::new(),
            sample_on_empty,
            frame_probe: super::frame_probe::FrameProbe::from_env(),
            started: false,
            search_checked: false,
            quit: false,
        }
    }

    /// The database file.
    pub fn database(&self) -> &std::path::Path {
        &self.db
    }

    /// Queues an action, applied at the end of the next frame (what the views and tests do).
    pub fn send(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// Starts importing `paths` in the background (as File → Import does).
    pub fn import_paths(&mut self, paths: Vec<PathBuf>) {
        self.send(Action::Import(paths));
    }

    /// True while an import, an export or a query runs.
    pub fn is_busy(&self) -> bool {
        self.import.is_some()
            || self.retag.is_some()
            || self.candidates.is_some()
            || !self.tasks.is_empty()
            || self.data.actor_counts.is_running()
            || self.data.timeline.is_running()
            || self.data.cooccurrence.is_running()
            || self.data.articles.is_running()
            || self.data.article.is_running()
    }

    /// The last import's report.
    pub fn last_report(&self) -> Option<&Result<ImportReport, String>> {
        self.report.as_ref()
    }

    /// The last search for candidate names, once one ended.
    pub fn candidates(
        &self,
    ) -> Option<&Result<Vec<crate::tagging::candidates::Candidate>, String>> {
        self.dict.candidates.list.as_ref()
    }

    /// The last re-tag's outcome (text, is_error), once one ended.
    pub fn retag_status(&self) -> Option<&(String, bool)> {
        self.retag_status.as_ref()
    }

    /// The timeline as last computed.
    pub fn timeline(&self) -> Option<std::sync::Arc<(Timeline, Vec<Spike>)>> {
        self.data.timeline.value()
    }

    /// The co-occurrence pairs as shown (sorted as the table is).
    pub fn pairs(&self) -> Vec<PairStat> {
        let mut pairs = self
            .data
            .cooccurrence
            .value()
            .map(|p| p.as_ref().clone())
            .unwrap_or_default();
        self.cooc.sort(&mut pairs);
        pairs
    }

    /// The analysis filter of the current settings.
    pub(crate) fn filter(&self) -> Filter {
        Filter {
            from: self.settings.from,
            to: self.settings.to,
            ..Filter::default()
        }
    }

    /// Draws one frame (what `eframe::App::ui` calls; tests call it through kittest).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !self.started {
            self.started = true;
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            if self.sample_on_empty {
                self.import_sample_if_empty();
            }
        }
        if !self.search_checked {
            self.search_checked = true;
            self.catch_up_search_index(&ctx);
        }
        self.poll(&ctx);
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        if !dropped.is_empty() {
            self.send(Action::Import(dropped));
        }
        self.request_data(&ctx);

        let mut actions: Vec<Action> = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            actions.extend(menu::menu_ui(ui, self));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            actions.extend(menu::status_ui(ui, self));
        });
        egui::Panel::left("actors")
            .default_size(270.0)
            .resizable(true)
            .show(ui, |ui| {
                let counts = self.data.actor_counts.value();
                actions.extend(actors_panel::actors_ui(
                    ui,
                    &mut self.actors,
                    counts.as_deref().map(Vec::as_slice),
                    &self.settings.selected,
                ));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            actions.extend(self.central_ui(ui));
        });
        self.pending.extend(actions);
        for action in std::mem::take(&mut self.pending) {
            self.apply(action, &ctx);
        }
        if self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        ui.horizontal(|ui| {
            for (tab, label) in Tab::ALL {
                if ui
                    .selectable_label(self.settings.tab == tab, label)
                    .clicked()
                {
                    action = Some(Action::ShowTab(tab));
                }
            }
        });
        ui.separator();
        let d = &self.data;
        let error = match self.settings.tab {
            Tab::Timeline => d.timeline.error(),
            Tab::Cooccurrence => d.cooccurrence.error(),
            Tab::Articles => d.articles.error().or(d.article.error()),
            Tab::Dictionary => d.dictionary.error(),
        };
        if let Some(e) = error.or(d.actor_counts.error()) {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        let view_action = match self.settings.tab {
            Tab::Timeline => {
                let data = self.data.timeline.value();
                timeline_view::timeline_ui(
                    ui,
                    &mut self.settings,
                    data.as_deref(),
                    self.data.timeline.is_running(),
                )
            }
            Tab::Cooccurrence => {
                let data = self.data.cooccurrence.value();
                cooccurrence_view::cooccurrence_ui(
                    ui,
                    &mut self.settings,
                    &mut self.cooc,
                    data.as_deref().map(Vec::as_slice),
                    self.data.cooccurrence.is_running(),
                )
            }
            Tab::Articles => {
                let list = self.data.articles.value();
                let article = self.data.article.value();
                articles_view::articles_ui(
                    ui,
                    &mut self.articles,
                    list.as_deref(),
                    article.as_deref().and_then(Option::as_ref),
                    self.data.articles.is_running(),
                )
            }
            Tab::Dictionary => {
                let entries = self.data.dictionary.value();
                let detail = self.data.dict_detail.value();
                let jobs = dictionary_view::DictionaryJobs {
                    retag: self.retag.as_ref().map(job_view),
                    retag_status: self.retag_status.as_ref(),
                    candidates: self.candidates.as_ref().map(job_view),
                    importing: self.import.is_some(),
                };
                dictionary_view::dictionary_ui(
                    ui,
                    &mut self.actors.dictionary_search,
                    &mut self.dict,
                    entries.as_deref().map(Vec::as_slice),
                    detail.as_deref(),
                    jobs,
                )
            }
        };
        action.or(view_action)
    }

    fn import_sample_if_empty(&mut self) {
        let empty = crate::store::Store::open(&self.db).and_then(|s| s.is_empty());
        match empty {
            Ok(true) => match super::sample::write_sample() {
                Ok(paths) => {
                    self.notices
                        .push(("Importing the bundled sample corpus…".into(), false));
                    if self.settings.selected.is_empty() {
                        // Something to look at as soon as the sample is in.
                        self.settings.selected =
                            ["USA", "CHN", "RUS", "PRK"].map(String::from).to_vec();
                    }
                    self.send(Action::Import(paths));
                }
                Err(e) => self
                    .notices
                    .push((format!("Cannot unpack the sample: {e}"), true)),
            },
            Ok(false) => {}
            Err(e) => self.notices.push((e.to_string(), true)),
        }
    }

    /// Applies one action.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::ShowTab(tab) => self.settings.tab = tab,
            Action::ToggleActor(code) => {
                if let Some(i) = self.settings.selected.iter().position(|c| *c == code) {
                    self.settings.selected.remove(i);
                } else {
                    self.settings.selected.push(code);
                }
            }
            Action::ClearActors => self.settings.selected.clear(),
            Action::DrillDown(what) => {
                self.articles.show_drill_down(what);
                self.settings.tab = Tab::Articles;
            }
            Action::OpenArticle(id) => {
                self.articles.open = Some(id);
                self.settings.tab = Tab::Articles;
            }
            Action::Quit => self.quit = true,
            Action::DismissReport => self.report = None,
            Action::CancelImport => {
                if let Some(job) = &self.import {
                    job.cancel();
                }
            }
            Action::AddAlias(alias) => {
                let msg = format!(
                    "Added the alias {:?} to {}; re-tag to count it.",
                    alias.text.trim(),
                    alias.actor_code
                );
                self.edit_dictionary(msg, move |s| s.add_alias(&alias).map(drop));
            }
            Action::SetAliasEnabled {
                actor_code,
                text,
                language,
                enabled,
            } => {
                let msg = format!(
                    "{} the alias {text:?} of {actor_code}; re-tag to apply.",
                    if enabled { "Enabled" } else { "Disabled" }
                );
                self.edit_dictionary(msg, move |s| {
                    s.set_alias_enabled(&actor_code, &text, language, enabled)
                });
            }
            Action::SetIncludePlaces(on) => {
                let msg = format!(
                    "Capitals and cities {} for their country from the next re-tag.",
                    if on { "count" } else { "do not count" }
                );
                self.edit_dictionary(msg, move |s| s.set_include_places(on));
            }
            Action::AddExclusion {
                actor_code,
                alias,
                phrase,
            } => {
                let msg = format!("{alias:?} is not {actor_code} in {phrase:?}; re-tag to apply.");
                self.edit_dictionary(msg, move |s| {
                    s.add_exclusion(
                        &actor_code,
                        &alias,
                        &crate::store::ExclusionScope::Phrase(phrase),
                    )
                    .map(drop)
                });
            }
            Action::DeleteExclusion(id) => {
                self.edit_dictionary("Exclusion deleted; re-tag to apply.".into(), move |s| {
                    s.delete_exclusion(id)
                });
            }
            Action::AddActor { actor, alias } => {
                let code = actor.code.clone();
                let msg =
                    format!("Added the actor {code} with the alias {alias:?}; re-tag to count it.");
                let new_alias = crate::store::NewAlias {
                    actor_code: code.clone(),
                    text: alias,
                    language: None,
                    case: None,
                    via: crate::model::Via::Name,
                };
                let added = self.edit_dictionary(msg, move |s| {
                    s.add_actor_with_alias(&actor, &new_alias).map(drop)
                });
                if added {
                    self.dict.selected = Some(code);
                }
            }
            Action::AddArticleExclusion {
                article_id,
                actor_code,
                alias,
            } => {
                let msg = format!(
                    "{alias:?} is not {actor_code} in article {article_id}; re-tag to apply."
                );
                self.edit_dictionary(msg, move |s| {
                    s.add_exclusion(
                        &actor_code,
                        &alias,
                        &crate::store::ExclusionScope::Article(article_id),
                    )
                    .map(drop)
                });
            }
            Action::DeleteAlias { id, text } => {
                let msg = format!("Deleted the alias {text:?}; re-tag to apply.");
                self.edit_dictionary(msg, move |s| s.delete_user_alias(id));
            }
            Action::FindCandidates(min_articles) => {
                if self.candidates.is_none() {
                    self.dict.candidates.list = None;
                    self.candidates = Some(super::jobs::start_candidates(
                        self.db.clone(),
                        min_articles,
                        ctx,
                    ));
                }
            }
            Action::CancelCandidates => {
                if let Some(job) = &self.candidates {
                    job.cancel();
                }
            }
            Action::Retag => self.start_retag(ctx),
            Action::CancelRetag => {
                if let Some(job) = &self.retag {
                    job.cancel();
                }
            }
            other => menu::apply_file_action(self, other, ctx),
        }
    }

    /// Applies one quick dictionary edit on the UI thread (a small write), reports it and
    /// refreshes the dictionary view; true when it succeeded.
    fn edit_dictionary(
        &mut self,
        done: String,
        edit: impl FnOnce(&mut crate::store::Store) -> crate::store::Result<()>,
    ) -> bool {
        let result = crate::store::Store::open(&self.db).and_then(|mut s| edit(&mut s));
        let ok = result.is_ok();
        match result {
            Ok(()) => self.notices.push((done, false)),
            Err(e) => self.notices.push((e.to_string(), true)),
        }
        self.version += 1;
        self.data.dictionary.invalidate();
        self.data.dict_detail.invalidate();
        ok
    }

    /// Starts re-tagging the corpus unless a re-tag or an import runs.
    pub(crate) fn start_retag(&mut self, ctx: &egui::Context) {
        if self.retag.is_some() || self.import.is_some() {
            self.notices
                .push(("Wait for the running import or re-tag to end.".into(), true));
            return;
        }
        self.retag_status = None;
        self.retag = Some(super::jobs::start_retag(self.db.clone(), ctx));
    }

    /// Starts an import job unless one runs.
    pub(crate) fn start_import(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if self.import.is_some() || self.retag.is_some() {
            self.notices
                .push(("An import or a re-tag is already running.".into(), true));
            return;
        }
        let label = match paths.as_slice() {
            [one] => one.display().to_string(),
            many => format!("{} files and folders", many.len()),
        };
        self.report = None;
        self.import = Some(ImportJob::start(self.db.clone(), paths, label, ctx.clone()));
    }

    /// Brings the full-text index up to date in the background (a database from an older
    /// pantau, or one a killed import left behind); searches meanwhile see what is indexed.
    pub(crate) fn catch_up_search_index(&mut self, ctx: &egui::Context) {
        let db = self.db.clone();
        self.tasks.push(Task::start(ctx, move || {
            let n = crate::store::Store::open(&db)
                .and_then(|mut s| s.index_new_articles())
                .map_err(|e| format!("Cannot update the search index: {e}"))?;
            Ok(if n == 0 {
                String::new()
            } else {
                format!("Search index updated: {n} articles.")
            })
        }));
    }

    /// Switches to another database.
    pub(crate) fn use_database(&mut self, db: PathBuf) {
        if let Some(job) = &self.import {
            job.cancel();
        }
        if let Some(job) = &self.retag {
            job.cancel();
        }
        if let Some(job) = &self.candidates {
            job.cancel();
        }
        self.import = None;
        self.retag = None;
        self.candidates = None;
        self.dict.candidates = Default::default();
        self.retag_status = None;
        self.db = db.clone();
        self.settings.db_path = Some(db);
        self.search_checked = false;
        self.articles = Default::default();
        self.data_changed();
    }
}

/// How a job with progress shows in a view.
fn job_view<T: Send + 'static>(job: &ProgressJob<T>) -> dictionary_view::JobView {
    dictionary_view::JobView {
        done: job.progress.0,
        total: job.progress.1,
        cancelling: job.is_cancelling(),
    }
}

impl eframe::App for PantauApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.frame_probe.record(frame);
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}
