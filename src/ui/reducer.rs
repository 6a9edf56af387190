//! The one place actions take effect: every [`Action`] a view, the menu, a dialog or a
//! finished job sends is applied here at the end of the frame. The match is exhaustive (no
//! catch-all arm), so a new action does not compile until it is handled.

use super::action::{Action, Changed, ExportKind};
use super::app::PantauApp;
use super::jobs::{Done, ImportJob, Task};
use super::settings::Tab;
use crate::store::{ExclusionScope, NewAlias, Store};
use std::path::PathBuf;

impl PantauApp {
    /// Applies one action.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        match action {
            Action::NewDatabase => self.dialogs.spawn(ctx, || {
                rfd::FileDialog::new()
                    .set_title("New database")
                    .add_filter("pantau database", &["db"])
                    .set_file_name("pantau.db")
                    .save_file()
                    .map(Action::CreateDatabase)
            }),
            Action::OpenDatabase => self.dialogs.spawn(ctx, || {
                rfd::FileDialog::new()
                    .set_title("Open database")
                    .add_filter("pantau database", &["db", "sqlite"])
                    .pick_file()
                    .map(Action::UseDatabase)
            }),
            Action::CreateDatabase(path) => self.task(ctx, move || {
                Store::open(&path).map_err(|e| e.to_string())?;
                Ok(Done::then(
                    format!("New database {}.", path.display()),
                    Action::SwitchDatabase(path),
                ))
            }),
            Action::UseDatabase(path) => self.task(ctx, move || {
                Store::open_existing(&path).map_err(|e| format!("Not opened: {e}"))?;
                Ok(Done::then(
                    format!("Opened {}.", path.display()),
                    Action::SwitchDatabase(path),
                ))
            }),
            Action::SwitchDatabase(path) => self.switch_database(path, ctx),
            Action::Refresh(Changed::Corpus) => self.data_changed(),
            Action::Refresh(Changed::Dictionary) => {
                self.version += 1;
                self.tabs.dictionary.invalidate_dictionary();
                self.actors.invalidate();
            }
            Action::ImportDialog { folder } => self.dialogs.spawn(ctx, move || {
                let dialog = rfd::FileDialog::new().set_title("Import");
                let picked: Option<Vec<PathBuf>> = if folder {
                    dialog.pick_folders()
                } else {
                    dialog.pick_files()
                };
                picked.map(Action::Import)
            }),
            Action::Import(paths) => self.start_import(paths, ctx),
            Action::CancelImport => {
                if let Some(job) = &self.import {
                    job.cancel();
                }
            }
            Action::DismissReport => self.report = None,
            Action::ImportOptions(extra) => self
                .import_options
                .open_with(&self.settings.field_map, extra),
            Action::SetFieldMap(rows) => {
                let text = if rows.is_empty() {
                    "Import options: fields read by their usual names.".to_string()
                } else {
                    format!(
                        "Import options: the next imports read {}.",
                        super::import_options::describe(&rows)
                    )
                };
                self.settings.field_map = rows;
                self.notices.push((text, false));
            }
            Action::Export(kind) => self.dialogs.spawn(ctx, move || {
                let (name, ext) = if kind == ExportKind::Network {
                    ("GEXF", "gexf")
                } else {
                    ("CSV", "csv")
                };
                rfd::FileDialog::new()
                    .set_title("Export")
                    .add_filter(name, &[ext])
                    .set_file_name(kind.file_name())
                    .save_file()
                    .map(|p| Action::ExportTo(kind, p))
            }),
            Action::ExportTo(kind, path) => super::export::start(self, kind, path, ctx),
            Action::ToggleActor(code) => {
                if let Some(i) = self.settings.selected.iter().position(|c| *c == code) {
                    self.settings.selected.remove(i);
                } else {
                    self.settings.selected.push(code);
                }
            }
            Action::ClearActors => self.settings.selected.clear(),
            Action::PlotSample => {
                if self.settings.selected.is_empty() {
                    self.settings.selected =
                        ["USA", "CHN", "RUS", "PRK"].map(String::from).to_vec();
                }
            }
            Action::ShowTab(tab) => self.settings.tab = tab,
            Action::DrillDown(what) => {
                self.tabs.articles.state.show_drill_down(what);
                self.settings.tab = Tab::Articles;
            }
            Action::OpenArticle(id) => {
                self.tabs.articles.state.open = Some(id);
                self.settings.tab = Tab::Articles;
            }
            Action::SetDates(ids, date) => {
                let db = self.db.clone();
                self.task(ctx, move || {
                    let mut store = Store::open(&db).map_err(|e| e.to_string())?;
                    let n = store
                        .set_article_dates(&ids, date)
                        .map_err(|e| e.to_string())?;
                    Ok(Done::then(
                        format!("Dated {n} articles {date}."),
                        Action::Refresh(Changed::Corpus),
                    ))
                });
            }
            Action::AddAlias(alias) => {
                let msg = format!(
                    "Added the alias {:?} to {}; re-tag to count it.",
                    alias.text.trim(),
                    alias.actor_code
                );
                self.edit_dictionary(ctx, msg, move |s| s.add_alias(&alias).map(drop));
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
                self.edit_dictionary(ctx, msg, move |s| {
                    s.set_alias_enabled(&actor_code, &text, language, enabled)
                });
            }
            Action::DisablePlace { actor_code, text } => {
                let msg = format!("{text:?} no longer counts for {actor_code}; re-tag to apply.");
                self.edit_dictionary(ctx, msg, move |s| s.disable_place_name(&actor_code, &text));
            }
            Action::DeleteAlias { id, text } => {
                let msg = format!("Deleted the alias {text:?}; re-tag to apply.");
                self.edit_dictionary(ctx, msg, move |s| s.delete_user_alias(id));
            }
            Action::SetIncludePlaces(on) => {
                let message = format!(
                    "Places {} for their country: re-tagging the corpus.",
                    if on { "count" } else { "do not count" }
                );
                let db = self.db.clone();
                self.task(ctx, move || {
                    let mut store = Store::open(&db).map_err(|e| e.to_string())?;
                    store.set_include_places(on).map_err(|e| e.to_string())?;
                    Ok(Done {
                        message,
                        then: vec![
                            Action::PlacesRead(on),
                            Action::Refresh(Changed::Dictionary),
                            Action::Retag,
                        ],
                    })
                });
            }
            Action::PlacesRead(on) => self.settings.places = Some(on),
            Action::SetLanguage(lang) => {
                self.settings.language = Some(lang);
                ctx.request_repaint();
            }
            Action::AddExclusion {
                actor_code,
                alias,
                phrase,
            } => {
                let msg = format!("{alias:?} is not {actor_code} in {phrase:?}; re-tag to apply.");
                self.edit_dictionary(ctx, msg, move |s| {
                    s.add_exclusion(&actor_code, &alias, &ExclusionScope::Phrase(phrase))
                        .map(drop)
                });
            }
            Action::AddArticleExclusion {
                article_id,
                actor_code,
                alias,
            } => {
                let msg = format!(
                    "{alias:?} is not {actor_code} in article {article_id}; re-tag to apply."
                );
                self.edit_dictionary(ctx, msg, move |s| {
                    s.add_exclusion(&actor_code, &alias, &ExclusionScope::Article(article_id))
                        .map(drop)
                });
            }
            Action::DeleteExclusion(id) => {
                self.edit_dictionary(
                    ctx,
                    "Exclusion deleted; re-tag to apply.".into(),
                    move |s| s.delete_exclusion(id),
                );
            }
            Action::AddActor { actor, alias } => {
                let code = actor.code.clone();
                let msg =
                    format!("Added the actor {code} with the alias {alias:?}; re-tag to count it.");
                let new_alias = NewAlias {
                    actor_code: code.clone(),
                    text: alias,
                    language: None,
                    case: None,
                    via: crate::model::Via::Name,
                };
                self.tabs.dictionary.state.selected = Some(code);
                self.edit_dictionary(ctx, msg, move |s| {
                    s.add_actor_with_alias(&actor, &new_alias).map(drop)
                });
            }
            Action::FindCandidates(min_articles) => {
                self.tabs
                    .dictionary
                    .find_candidates(&self.db, min_articles, ctx);
            }
            Action::CancelCandidates => self.tabs.dictionary.cancel_candidates(),
            Action::Retag => self.start_retag(ctx),
            Action::CancelRetag => {
                if let Some(job) = &self.retag {
                    job.cancel();
                }
            }
            Action::Quit => self.quit = true,
        }
    }

    /// Runs a one-shot job; its notice and follow-up actions come back through `poll`.
    fn task(
        &mut self,
        ctx: &egui::Context,
        f: impl FnOnce() -> Result<Done, String> + Send + 'static,
    ) {
        self.tasks.push(Task::start(ctx, f));
    }

    /// Applies one dictionary edit in the background, then refreshes the dictionary's views.
    fn edit_dictionary(
        &mut self,
        ctx: &egui::Context,
        done: String,
        edit: impl FnOnce(&mut Store) -> crate::store::Result<()> + Send + 'static,
    ) {
        let db = self.db.clone();
        self.task(ctx, move || {
            let result = Store::open(&db).and_then(|mut s| edit(&mut s));
            match result {
                Ok(()) => Ok(Done::then(done, Action::Refresh(Changed::Dictionary))),
                Err(e) => Err(e.to_string()),
            }
        });
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
        let mut options = crate::pipeline::ImportOptions::default();
        match super::import_options::field_map(&self.settings.field_map) {
            Ok(map) => options.ingest.fields = map,
            Err(e) => {
                self.notices
                    .push((format!("Import options: {e}; not imported."), true));
                return;
            }
        }
        self.import = Some(ImportJob::start(
            self.db.clone(),
            paths,
            label,
            options,
            ctx.clone(),
        ));
    }

    /// Switches to another database (checked already): the jobs of the old one stop, every
    /// view starts afresh, and errors of the old one are cleared.
    fn switch_database(&mut self, db: PathBuf, ctx: &egui::Context) {
        if let Some(job) = &self.import {
            job.cancel();
        }
        if let Some(job) = &self.retag {
            job.cancel();
        }
        self.import = None;
        self.retag = None;
        self.retag_status = None;
        self.report = None;
        self.tabs.dictionary.reset();
        self.tabs.articles = Default::default();
        self.notices.retain(|(_, error)| !error);
        self.db = db.clone();
        self.settings.db_path = Some(db);
        self.settings.places = None;
        self.places_checked = false;
        self.data_changed();
        self.search_checked = true;
        self.catch_up_search_index(ctx);
    }
}
