//! The app shell: saved settings, the tabs, the actors panel, the jobs of the whole app
//! (import, re-tag, one-shot tasks, dialogs), and the frame: poll, request, draw, reduce.

use super::action::Action;
use super::actors_panel::ActorsPanel;
use super::analysis::{Filter, PairStat, Spike, Timeline};
use super::articles_view::ArticleListing;
use super::dictionary_view::job_view;
use super::jobs::{Dialogs, ImportJob, RetagJob, Task};
use super::menu;
pub use super::settings::{Settings, Tab, WINDOWS};
use super::tabs::{QueryEnv, ShellView, Tabs};
use crate::pipeline::ImportReport;
use crate::store::Location;
use std::path::PathBuf;
use std::sync::Arc;

/// The dashboard.
pub struct PantauApp {
    /// Saved settings.
    pub settings: Settings,
    pub(crate) db: Location,
    pub(crate) tabs: Tabs,
    pub(crate) actors: ActorsPanel,
    pub(crate) import: Option<ImportJob>,
    pub(crate) retag: Option<RetagJob>,
    /// The last re-tag's outcome: (text, is_error).
    pub(crate) retag_status: Option<(String, bool)>,
    pub(crate) report: Option<Result<ImportReport, String>>,
    pub(crate) dialogs: Dialogs,
    pub(crate) tasks: Vec<Task>,
    /// Messages for the status bar: (text, is_error).
    pub notices: Vec<(String, bool)>,
    pub(crate) version: u64,
    /// Bumped when another database is opened: what a one-shot job of the old one would do
    /// next (a re-tag, an import of the sample, a switch) is not done to the new one.
    pub(crate) generation: u64,
    pub(crate) pending: Vec<Action>,
    pub(crate) sample_on_empty: bool,
    started: bool,
    /// The search index of the open database was brought up to date.
    pub(crate) search_checked: bool,
    /// The open database's place roll-up was asked for.
    pub(crate) places_checked: bool,
    pub(crate) quit: bool,
    frame_probe: super::frame_probe::FrameProbe,
    pub(crate) import_options: super::import_options::ImportOptionsDialog,
    /// The saved views and the Save view window.
    pub(crate) views: super::views::Views,
    /// The Connect to server window.
    pub(crate) connect: super::connect::ConnectDialog,
}

impl PantauApp {
    /// The app on `db`; with `sample_on_empty`, an empty database file gets the bundled
    /// sample (a server's database never does: it is a team's).
    pub fn new(db: impl Into<Location>, settings: Settings, sample_on_empty: bool) -> Self {
        let db = db.into();
        let sample_on_empty = sample_on_empty && db.file().is_some();
        let mut settings = settings;
        if let Some(login) = db.server() {
            // Started on a server (pantau --db postgres://…): the next Connect offers it.
            settings.remember_server(login.address().to_string());
        }
        // The first start speaks the system's language; the choice is remembered after.
        let language = settings
            .language
            .or_else(|| Some(crate::i18n::Lang::from_env()));
        PantauApp {
            settings: Settings {
                db_path: db.file().map(PathBuf::from).or(settings.db_path),
                language,
                ..settings
            },
            db,
            tabs: Tabs::default(),
            actors: ActorsPanel::default(),
            import: None,
            retag: None,
            retag_status: None,
            report: None,
            dialogs: Dialogs::default(),
            tasks: Vec::new(),
            notices: Vec::new(),
            version: 0,
            generation: 0,
            pending: Vec::new(),
            sample_on_empty,
            frame_probe: super::frame_probe::FrameProbe::from_env(),
            started: false,
            search_checked: false,
            places_checked: false,
            quit: false,
            import_options: Default::default(),
            views: Default::default(),
            connect: Default::default(),
        }
    }

    /// The open database: a file or a server's.
    pub fn database(&self) -> &Location {
        &self.db
    }

    /// Opens the Connect to server window on `address`, saying why the last attempt failed.
    pub fn offer_connect(&mut self, address: String, why: String) {
        self.connect.address = address;
        self.connect.show(&self.settings.servers);
        self.connect.error = Some(why);
    }

    /// Queues an action, applied at the end of the next frame (what the views and tests do).
    pub fn send(&mut self, action: Action) {
        self.pending.push(action);
    }

    /// Starts importing `paths` in the background (as File → Import does).
    pub fn import_paths(&mut self, paths: Vec<PathBuf>) {
        self.send(Action::Import(paths));
    }

    /// True while an import, a re-tag, a task or a query runs.
    pub fn is_busy(&self) -> bool {
        self.import.is_some()
            || self.retag.is_some()
            || !self.tasks.is_empty()
            || self.actors.is_busy()
            || self.tabs.all().iter().any(|t| t.is_busy())
    }

    /// The last import's report.
    pub fn last_report(&self) -> Option<&Result<ImportReport, String>> {
        self.report.as_ref()
    }

    /// The last search for candidate names, once one ended.
    pub fn candidates(
        &self,
    ) -> Option<&Result<Vec<crate::curation::candidates::Candidate>, String>> {
        self.tabs.dictionary.state.candidates.list.as_ref()
    }

    /// The last re-tag's outcome (text, is_error), once one ended.
    pub fn retag_status(&self) -> Option<&(String, bool)> {
        self.retag_status.as_ref()
    }

    /// The timeline as last computed.
    pub fn timeline(&self) -> Option<Arc<(Timeline, Vec<Spike>)>> {
        self.tabs.timeline.value()
    }

    /// The co-occurrence pairs as the table shows them: every pair with the minimum support
    /// (of the plotted actors only when ticked), sorted as the table is.
    pub fn pairs(&self) -> Vec<PairStat> {
        self.tabs.cooccurrence.rows_now(&self.settings)
    }

    /// The article list page as last computed.
    pub fn article_list(&self) -> Option<Arc<ArticleListing>> {
        self.tabs.articles.listing()
    }

    /// The analysis filter of the current settings.
    pub(crate) fn filter(&self) -> Filter {
        Filter {
            from: self.settings.from,
            to: self.settings.to,
            stories: self.settings.count_stories,
            prominence: self.settings.prominence(),
            ..Filter::default()
        }
    }

    /// Draws one frame (what `eframe::App::ui` calls; tests call it through kittest).
    pub fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        super::i18n::set(&ctx, self.settings.lang());
        if !self.started {
            self.started = true;
            ctx.set_theme(if self.settings.dark {
                egui::Theme::Dark
            } else {
                egui::Theme::Light
            });
            super::fonts::install_fallbacks(&ctx);
            if self.sample_on_empty {
                self.import_sample_if_empty(&ctx);
            }
        }
        if !self.search_checked {
            self.search_checked = true;
            self.catch_up_search_index(&ctx);
        }
        if !self.places_checked {
            self.places_checked = true;
            self.read_places_setting(&ctx);
        }
        self.poll();
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
        super::colors::set_plotted(&self.settings.selected);
        super::colors::set_dark(self.settings.dark);

        let mut actions: Vec<Action> = Vec::new();
        egui::Panel::top("menu").show(ui, |ui| {
            actions.extend(menu::menu_ui(ui, self));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            actions.extend(menu::status_ui(ui, self));
        });
        let selected = self.settings.selected.clone();
        let lang = self.settings.lang();
        let actors = &mut self.actors;
        egui::Panel::left("actors")
            .default_size(270.0)
            .size_range(160.0..=600.0)
            .resizable(true)
            .show_collapsible(ui, &mut self.settings.actors_open, |ui| {
                actions.extend(actors.ui(ui, &selected, lang));
            });
        egui::CentralPanel::default().show(ui, |ui| {
            actions.extend(self.central_ui(ui));
        });
        actions.extend(self.import_options.ui(&ctx));
        actions.extend(super::views::naming_ui(&ctx, &mut self.views));
        actions.extend(self.connect.ui(&ctx, &self.settings.servers));
        self.pending.extend(actions);
        let changed = !self.pending.is_empty();
        for action in std::mem::take(&mut self.pending) {
            self.apply(action, &ctx);
        }
        if changed {
            // What the actions changed is asked for at once, not a frame later.
            self.request_data(&ctx);
        }
        if self.quit {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui) -> Vec<Action> {
        let mut actions = Vec::new();
        ui.horizontal_wrapped(|ui| {
            if !self.settings.actors_open
                && ui
                    .button(self.settings.tr("shell-show-actors"))
                    .on_hover_text(self.settings.tr("shell-show-actors-hint"))
                    .clicked()
            {
                self.settings.actors_open = true;
            }
            for (tab, title) in self.tabs.titles() {
                if ui
                    .selectable_label(self.settings.tab == tab, self.settings.tr(title))
                    .clicked()
                {
                    actions.push(Action::ShowTab(tab));
                }
            }
        });
        ui.separator();
        let names = self.actors.names();
        let shell = ShellView {
            retag: self.retag.as_ref().map(job_view),
            retag_status: self.retag_status.as_ref(),
            importing: self.import.is_some(),
            names: names.as_deref(),
        };
        let error = self.actors.error().map(str::to_string);
        let tab = self.tabs.get_mut(self.settings.tab);
        if let Some(e) = tab.error().map(str::to_string).or(error) {
            ui.colored_label(ui.visuals().error_fg_color, e);
        }
        actions.extend(tab.ui(ui, &mut self.settings, shell));
        actions
    }

    /// Collects what the background jobs sent: every tab, the panel, the app's own jobs.
    pub(crate) fn poll(&mut self) {
        if let Some(job) = &mut self.import
            && let Some(result) = job.poll()
        {
            self.import = None;
            if let Ok(report) = &result {
                self.notices
                    .push((menu::import_summary(report, self.settings.lang()), false));
            }
            self.report = Some(result);
            self.pending
                .push(Action::Refresh(super::action::Changed::Corpus));
        }
        if let Some(job) = &mut self.retag
            && let Some(result) = job.poll()
        {
            self.retag = None;
            self.retag_status = Some(match result {
                Ok(r) => (
                    crate::i18n::tr_with(
                        self.settings.lang(),
                        "notice-retag-summary",
                        &[
                            (
                                "state",
                                crate::i18n::text(if r.cancelled {
                                    "cancelled"
                                } else {
                                    "finished"
                                }),
                            ),
                            ("articles", crate::i18n::num(r.articles as f64)),
                            ("mentions", crate::i18n::num(r.mentions as f64)),
                            ("datelines", crate::i18n::num(r.datelines as f64)),
                            (
                                "seconds",
                                crate::i18n::decimal(
                                    self.settings.lang(),
                                    r.elapsed.as_secs_f64(),
                                    1,
                                ),
                            ),
                        ],
                    ),
                    false,
                ),
                Err(e) => (
                    crate::i18n::tr_with(
                        self.settings.lang(),
                        "notice-retag-failed",
                        &[("error", crate::i18n::text(e))],
                    ),
                    true,
                ),
            });
            // The status bar says it too (a re-tag started from a toolbar is not watched in
            // the dictionary tab).
            self.notices.extend(self.retag_status.clone());
            self.pending
                .push(Action::Refresh(super::action::Changed::Corpus));
        }
        self.actors.poll();
        for tab in self.tabs.all_mut() {
            tab.poll();
        }
        let mut follow = Vec::new();
        let generation = self.generation;
        self.tasks.retain(|task| match task.poll() {
            Some(Ok(done)) => {
                if !done.message.is_empty() {
                    self.notices.push((done.message, false));
                }
                if task.generation == generation {
                    follow.extend(done.then);
                }
                false
            }
            Some(Err(msg)) => {
                self.notices.push((msg, true));
                false
            }
            None => true,
        });
        self.pending.extend(follow);
        self.pending.extend(self.dialogs.poll());
        if self.notices.len() > 20 {
            self.notices.drain(..self.notices.len() - 20);
        }
    }

    /// The database changed: every cached result is stale.
    pub(crate) fn data_changed(&mut self) {
        self.version += 1;
        self.actors.invalidate();
        for tab in self.tabs.all_mut() {
            tab.invalidate();
        }
    }

    /// Asks for what the panel and the visible tab need (cached results come back at once).
    fn request_data(&mut self, ctx: &egui::Context) {
        let filter = self.filter();
        let env = QueryEnv {
            db: &self.db,
            version: self.version,
            filter: &filter,
            ctx,
        };
        self.actors.request(&env);
        self.views.request(&self.db, self.version, ctx);
        self.tabs
            .get_mut(self.settings.tab)
            .request(&self.settings, &env);
    }

    /// Imports the bundled sample when the database is empty (checked in the background).
    fn import_sample_if_empty(&mut self, ctx: &egui::Context) {
        let db = self.db.clone();
        let lang = self.settings.lang();
        self.task(ctx, move || {
            let empty = db
                .open()
                .and_then(|s| s.is_empty())
                .map_err(|e| e.to_string())?;
            if !empty {
                return Ok(super::jobs::Done::default());
            }
            let paths = super::sample::write_sample().map_err(|e| {
                crate::i18n::tr_with(
                    lang,
                    "notice-sample-unpack-failed",
                    &[("error", crate::i18n::text(e.to_string()))],
                )
            })?;
            Ok(super::jobs::Done {
                message: crate::i18n::tr(lang, "notice-sample-importing"),
                then: vec![Action::PlotSample, Action::Import(paths)],
            })
        });
    }

    /// Brings the full-text index up to date in the background (a database from an older
    /// pantau, or one a killed import left behind); searches meanwhile see what is indexed.
    pub(crate) fn catch_up_search_index(&mut self, ctx: &egui::Context) {
        let db = self.db.clone();
        let lang = self.settings.lang();
        self.task(ctx, move || {
            let n = db
                .open()
                .and_then(|mut s| s.index_new_articles())
                .map_err(|e| {
                    crate::i18n::tr_with(
                        lang,
                        "notice-search-index-failed",
                        &[("error", crate::i18n::text(e.to_string()))],
                    )
                })?;
            Ok(if n == 0 {
                super::jobs::Done::default()
            } else {
                super::jobs::Done::then(
                    crate::i18n::tr_with(
                        lang,
                        "notice-search-index-updated",
                        &[("count", crate::i18n::num(n as f64))],
                    ),
                    Action::Refresh(super::action::Changed::Corpus),
                )
            })
        });
    }

    /// Reads the open database's place roll-up off the UI thread (for the switch beside the
    /// counts).
    pub(crate) fn read_places_setting(&mut self, ctx: &egui::Context) {
        let db = self.db.clone();
        let lang = self.settings.lang();
        self.task(ctx, move || {
            let on = db.open().and_then(|s| s.include_places()).map_err(|e| {
                crate::i18n::tr_with(
                    lang,
                    "notice-places-read-failed",
                    &[("error", crate::i18n::text(e.to_string()))],
                )
            })?;
            Ok(super::jobs::Done {
                message: String::new(),
                then: vec![Action::PlacesRead(on)],
            })
        });
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
