//! The one place actions take effect: every [`Action`] a view, the menu, a dialog or a
//! finished job sends is applied here at the end of the frame. The match is exhaustive (no
//! catch-all arm), so a new action does not compile until it is handled.

use super::action::{Action, Changed, ExportKind};
use super::app::PantauApp;
use super::jobs::{Done, ImportJob, Task};
use super::settings::Tab;
use crate::i18n::{num, text, tr, tr_with};
use crate::store::{ExclusionScope, Location, NewAlias, ServerLogin, Store};
use std::path::PathBuf;

impl PantauApp {
    /// Applies one action.
    pub fn apply(&mut self, action: Action, ctx: &egui::Context) {
        let lang = self.settings.lang();
        let t = move |id: &str| tr(lang, id);
        match action {
            Action::NewDatabase => self.dialogs.spawn(ctx, move || {
                rfd::FileDialog::new()
                    .set_title(t("dialog-new-database"))
                    .add_filter(t("dialog-filter-database"), &["db"])
                    .set_file_name("pantau.db")
                    .save_file()
                    .map(Action::CreateDatabase)
            }),
            Action::OpenDatabase => self.dialogs.spawn(ctx, move || {
                rfd::FileDialog::new()
                    .set_title(t("dialog-open-database"))
                    .add_filter(t("dialog-filter-database"), &["db", "sqlite"])
                    .pick_file()
                    .map(Action::UseDatabase)
            }),
            Action::CreateDatabase(path) => self.task(ctx, move || {
                Store::open(&path).map_err(|e| e.to_string())?;
                Ok(Done::then(
                    tr_with(
                        lang,
                        "notice-new-database",
                        &[("path", text(path.display().to_string()))],
                    ),
                    Action::SwitchDatabase(Location::File(path)),
                ))
            }),
            Action::UseDatabase(path) => self.task(ctx, move || {
                Store::open_existing(&path).map_err(|e| {
                    tr_with(lang, "notice-not-opened", &[("error", text(e.to_string()))])
                })?;
                Ok(Done::then(
                    tr_with(
                        lang,
                        "notice-opened",
                        &[("path", text(path.display().to_string()))],
                    ),
                    Action::SwitchDatabase(Location::File(path)),
                ))
            }),
            Action::SwitchDatabase(db) => self.switch_database(db, ctx),
            Action::ConnectDialog => self.connect.show(&self.settings.servers),
            Action::CloseConnect => self.connect.close(),
            Action::Connect { address, password } => {
                let attempt = self.connect.attempt;
                self.task(ctx, move || {
                    // The role and its rights are said at once: a reader learns before the first
                    // import that it may only browse, search and export.
                    let connected = crate::store::server::ServerAddress::parse(&address.0)
                        .map_err(crate::store::StoreError::from)
                        .and_then(|address| {
                            let mut login = ServerLogin::new(address, password.into_option());
                            let mut server = login.connect(&mut |_| None)?;
                            let role = server.role()?;
                            let writes = server.require_write("import").is_ok();
                            Ok((login, role, writes))
                        });
                    Ok(Done::then(
                        String::new(),
                        match connected {
                            Ok((login, role, writes)) => Action::Connected {
                                attempt,
                                notice: tr_with(
                                    lang,
                                    if writes {
                                        "notice-connected"
                                    } else {
                                        "notice-connected-read-only"
                                    },
                                    &[
                                        ("address", text(login.address().to_string())),
                                        ("role", text(role)),
                                    ],
                                ),
                                db: Location::Server(login),
                            },
                            Err(e) => Action::ConnectFailed {
                                attempt,
                                why: e.to_string(),
                            },
                        },
                    ))
                });
            }
            Action::Connected {
                attempt,
                db,
                notice,
            } => {
                // Closed or tried again meanwhile: this answer is not wanted.
                if self.connect.awaits(attempt) {
                    self.notices.push((notice, false));
                    self.switch_database(db, ctx);
                }
            }
            Action::ConnectFailed { attempt, why } => self.connect.failed(attempt, why),
            Action::Refresh(Changed::Corpus) => self.data_changed(),
            Action::Refresh(Changed::Dictionary) => {
                self.version += 1;
                self.tabs.dictionary.invalidate_dictionary();
                self.actors.invalidate();
            }
            Action::ImportDialog { folder } => self.dialogs.spawn(ctx, move || {
                let dialog = rfd::FileDialog::new().set_title(t("dialog-import"));
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
                    t("notice-import-options-cleared")
                } else {
                    tr_with(
                        lang,
                        "notice-import-options-set",
                        &[("mapping", text(super::import_options::describe(&rows)))],
                    )
                };
                self.settings.field_map = rows;
                self.notices.push((text, false));
            }
            Action::Export(kind) => self.dialogs.spawn(ctx, move || {
                let dialog = rfd::FileDialog::new().set_title(t("dialog-export"));
                let dialog = if kind == ExportKind::Network {
                    dialog.add_filter("GEXF", &["gexf"])
                } else if kind.is_chart() {
                    dialog
                        .add_filter("SVG", &["svg"])
                        .add_filter("PNG", &["png"])
                } else {
                    // A table: CSV, or a workbook when the name ends in .xlsx.
                    dialog
                        .add_filter("CSV", &["csv"])
                        .add_filter(t("dialog-filter-xlsx"), &["xlsx"])
                };
                dialog
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
                    let mut store = db
                        .open_to_write("change article dates")
                        .map_err(|e| e.to_string())?;
                    let n = store
                        .set_article_dates(&ids, date)
                        .map_err(|e| e.to_string())?;
                    Ok(Done::then(
                        tr_with(
                            lang,
                            "notice-dated",
                            &[("count", num(n as f64)), ("date", text(date.to_string()))],
                        ),
                        Action::Refresh(Changed::Corpus),
                    ))
                });
            }
            Action::AddAlias(alias) => {
                let msg = tr_with(
                    lang,
                    "notice-alias-added",
                    &[
                        ("alias", text(format!("{:?}", alias.text.trim()))),
                        ("actor", text(alias.actor_code.clone())),
                    ],
                );
                self.edit_dictionary(ctx, msg, move |s| s.add_alias(&alias).map(drop));
            }
            Action::SetAliasEnabled {
                actor_code,
                text,
                language,
                enabled,
            } => {
                let msg = tr_with(
                    lang,
                    "notice-alias-enabled",
                    &[
                        (
                            "state",
                            crate::i18n::text(if enabled { "on" } else { "off" }),
                        ),
                        ("alias", crate::i18n::text(format!("{text:?}"))),
                        ("actor", crate::i18n::text(actor_code.clone())),
                    ],
                );
                self.edit_dictionary(ctx, msg, move |s| {
                    s.set_alias_enabled(&actor_code, &text, language, enabled)
                });
            }
            Action::DisablePlace { actor_code, text } => {
                let msg = tr_with(
                    lang,
                    "notice-place-disabled",
                    &[
                        ("name", crate::i18n::text(format!("{text:?}"))),
                        ("actor", crate::i18n::text(actor_code.clone())),
                    ],
                );
                self.edit_dictionary(ctx, msg, move |s| s.disable_place_name(&actor_code, &text));
            }
            Action::DeleteAlias { id, text } => {
                let msg = tr_with(
                    lang,
                    "notice-alias-deleted",
                    &[("alias", crate::i18n::text(format!("{text:?}")))],
                );
                self.edit_dictionary(ctx, msg, move |s| s.delete_user_alias(id));
            }
            Action::SetIncludePlaces(on) => {
                let message = tr_with(
                    lang,
                    "notice-places",
                    &[("state", text(if on { "on" } else { "off" }))],
                );
                let db = self.db.clone();
                self.task(ctx, move || {
                    let mut store = db
                        .open_to_write("change the place roll-up")
                        .map_err(|e| e.to_string())?;
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
                let msg = tr_with(
                    lang,
                    "notice-exclusion-phrase",
                    &[
                        ("alias", text(format!("{alias:?}"))),
                        ("actor", text(actor_code.clone())),
                        ("phrase", text(format!("{phrase:?}"))),
                    ],
                );
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
                let msg = tr_with(
                    lang,
                    "notice-exclusion-article",
                    &[
                        ("alias", text(format!("{alias:?}"))),
                        ("actor", text(actor_code.clone())),
                        ("id", num(article_id as f64)),
                    ],
                );
                self.edit_dictionary(ctx, msg, move |s| {
                    s.add_exclusion(&actor_code, &alias, &ExclusionScope::Article(article_id))
                        .map(drop)
                });
            }
            Action::DeleteExclusion(id) => {
                self.edit_dictionary(ctx, t("notice-exclusion-deleted"), move |s| {
                    s.delete_exclusion(id)
                });
            }
            Action::AddActor { actor, alias } => {
                let code = actor.code.clone();
                let msg = tr_with(
                    lang,
                    "notice-actor-added",
                    &[
                        ("actor", text(code.clone())),
                        ("alias", text(format!("{alias:?}"))),
                    ],
                );
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
            Action::NameView => {
                self.views.naming = Some(String::new());
            }
            Action::CloseNameView => self.views.naming = None,
            Action::SaveView(name) => {
                self.views.naming = None;
                let view = super::views::capture(self, &name);
                let db = self.db.clone();
                self.task(ctx, move || {
                    let mut s = db.open_to_write("save a view").map_err(|e| e.to_string())?;
                    s.save_view(&view).map_err(|e| e.to_string())?;
                    Ok(Done::then(
                        tr_with(lang, "notice-view-saved", &[("name", text(view.name))]),
                        Action::ViewsChanged,
                    ))
                });
            }
            Action::OpenView(name) => {
                let db = self.db.clone();
                self.task(ctx, move || {
                    let s = db.open().map_err(|e| e.to_string())?;
                    match s.view(&name).map_err(|e| e.to_string())? {
                        Some(v) => Ok(Done::then(
                            tr_with(lang, "notice-view-opened", &[("name", text(name))]),
                            Action::ApplyView(Box::new(v)),
                        )),
                        None => Err(tr_with(
                            lang,
                            "notice-view-missing",
                            &[("name", text(name))],
                        )),
                    }
                });
            }
            Action::ApplyView(v) => super::views::apply(self, &v),
            Action::DeleteView { id, name } => {
                let db = self.db.clone();
                self.task(ctx, move || {
                    let mut s = db
                        .open_to_write("delete a view")
                        .map_err(|e| e.to_string())?;
                    s.delete_view(id).map_err(|e| e.to_string())?;
                    Ok(Done::then(
                        tr_with(lang, "notice-view-deleted", &[("name", text(name))]),
                        Action::ViewsChanged,
                    ))
                });
            }
            Action::ExportView(name) => self.dialogs.spawn(ctx, move || {
                rfd::FileDialog::new()
                    .set_title(t("dialog-export-view"))
                    .add_filter(t("dialog-filter-view"), &["json"])
                    .set_file_name(format!("{}.pantau-view.json", file_safe(&name)))
                    .save_file()
                    .map(|p| Action::ExportViewTo(name, p))
            }),
            Action::ExportViewTo(name, path) => {
                let db = self.db.clone();
                self.task(ctx, move || {
                    let s = db.open().map_err(|e| e.to_string())?;
                    let v = s.view(&name).map_err(|e| e.to_string())?.ok_or_else(|| {
                        tr_with(lang, "notice-view-missing", &[("name", text(name.clone()))])
                    })?;
                    std::fs::write(&path, v.to_json())
                        .map_err(|e| format!("{}: {e}", path.display()))?;
                    Ok(Done::notice(tr_with(
                        lang,
                        "notice-view-exported",
                        &[
                            ("name", text(name)),
                            ("path", text(path.display().to_string())),
                        ],
                    )))
                });
            }
            Action::ImportViewDialog => self.dialogs.spawn(ctx, move || {
                rfd::FileDialog::new()
                    .set_title(t("dialog-import-view"))
                    .add_filter(t("dialog-filter-view"), &["json"])
                    .pick_file()
                    .map(Action::ImportViewFile)
            }),
            Action::ImportViewFile(path) => {
                let db = self.db.clone();
                self.task(ctx, move || {
                    let bytes =
                        std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
                    let v = crate::model::SavedView::from_json(&String::from_utf8_lossy(&bytes))
                        .map_err(|e| view_error(lang, &path, &e))?;
                    let mut s = db
                        .open_to_write("import a view")
                        .map_err(|e| e.to_string())?;
                    // A view of the same name is kept: the imported one takes "name (2)".
                    let mut v = v;
                    let taken: Vec<String> = s
                        .views()
                        .map_err(|e| e.to_string())?
                        .into_iter()
                        .map(|e| e.name)
                        .collect();
                    let base = v.name.clone();
                    let mut n = 2;
                    while taken.contains(&v.name) {
                        v.name = format!("{base} ({n})");
                        n += 1;
                    }
                    s.save_view(&v).map_err(|e| e.to_string())?;
                    Ok(Done {
                        message: tr_with(
                            lang,
                            "notice-view-imported",
                            &[("name", text(v.name.clone()))],
                        ),
                        then: vec![Action::ViewsChanged, Action::ApplyView(Box::new(v))],
                    })
                });
            }
            Action::ViewsChanged => self.views.invalidate(),
            Action::Quit => self.quit = true,
        }
    }

    /// Runs a one-shot job; its notice and follow-up actions come back through `poll` (the
    /// follow-ups only while the same database is open).
    pub(crate) fn task(
        &mut self,
        ctx: &egui::Context,
        f: impl FnOnce() -> Result<Done, String> + Send + 'static,
    ) {
        self.tasks.push(Task::start(ctx, self.generation, f));
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
            let result = db
                .open_to_write("edit the dictionary")
                .and_then(|mut s| edit(&mut s));
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
                .push((self.settings.tr("notice-busy-wait"), true));
            return;
        }
        self.retag_status = None;
        self.retag = Some(super::jobs::start_retag(self.db.clone(), ctx));
    }

    /// Starts an import job unless one runs.
    pub(crate) fn start_import(&mut self, paths: Vec<PathBuf>, ctx: &egui::Context) {
        if self.import.is_some() || self.retag.is_some() {
            self.notices
                .push((self.settings.tr("notice-busy-running"), true));
            return;
        }
        let label = match paths.as_slice() {
            [one] => one.display().to_string(),
            many => self
                .settings
                .tr_with("import-label-many", &[("count", num(many.len() as f64))]),
        };
        self.report = None;
        let mut options = crate::pipeline::ImportOptions::default();
        match super::import_options::field_map(&self.settings.field_map) {
            Ok(map) => options.ingest.fields = map,
            Err(e) => {
                self.notices.push((
                    self.settings.tr_with(
                        "notice-import-options-invalid",
                        &[("error", text(e.to_string()))],
                    ),
                    true,
                ));
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
    fn switch_database(&mut self, db: Location, ctx: &egui::Context) {
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
        // What these tabs compare names the old database's outlets, actors and bins.
        self.tabs.compare = Default::default();
        self.tabs.profile = Default::default();
        self.tabs.network = Default::default();
        self.tabs.outlets = Default::default();
        self.notices.retain(|(_, error)| !error);
        match &db {
            Location::File(path) => self.settings.db_path = Some(path.clone()),
            Location::Server(login) => self.settings.remember_server(login.address().to_string()),
        }
        self.connect.close();
        self.generation += 1;
        self.db = db;
        self.settings.places = None;
        self.places_checked = false;
        self.data_changed();
        self.search_checked = true;
        self.catch_up_search_index(ctx);
    }
}

/// A view's name as a file name (letters, digits, '-' and '_'; the rest '_').
fn file_safe(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Why a view file was refused, in `lang`.
fn view_error(
    lang: crate::i18n::Lang,
    path: &std::path::Path,
    e: &crate::model::ViewError,
) -> String {
    use crate::model::ViewError;
    let file = text(path.display().to_string());
    match e {
        ViewError::Parse(detail) => tr_with(
            lang,
            "notice-view-not-a-view",
            &[("path", file), ("detail", text(detail.to_string()))],
        ),
        ViewError::TooNew { found, known } => tr_with(
            lang,
            "notice-view-too-new",
            &[
                ("path", file),
                ("found", crate::i18n::num(*found as f64)),
                ("known", crate::i18n::num(*known as f64)),
            ],
        ),
        ViewError::NoName => tr_with(lang, "notice-view-no-name", &[("path", file)]),
    }
}
