//! Articles: a paged list (filtered, or the articles behind a number) beside the reader;
//! undated articles can be selected and dated.

use super::action::{Action, ExportKind};
use super::analysis::{self, ActorNames, DrillDown, Kwic, Resolved};
use super::jobs::Query;
use super::settings::{Settings, Tab};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::i18n::{Lang, num, text, tr, tr_with};
use crate::store::{ArticleListQuery, ArticleView};
use chrono::NaiveDate;
use std::collections::BTreeSet;
use std::sync::Arc;

/// Articles per page.
pub const PAGE: u64 = 50;

/// One row of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListRow {
    /// Article id.
    pub id: i64,
    /// Headline.
    pub title: String,
    /// Outlet.
    pub source: String,
    /// Date.
    pub published: Option<NaiveDate>,
    /// Language code.
    pub language: String,
    /// Where it was reported from ("" when its dateline names no place).
    pub dateline_place: String,
    /// That place's country (ISO alpha-3).
    pub dateline_country: String,
    /// Other copies of its story (plain lists; 0 in drill-downs, whose reader lists them).
    pub copies: u64,
    /// Keyword-in-context lines (drill-downs only).
    pub kwic: Vec<Kwic>,
}

/// A page of the list.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleListing {
    /// The rows.
    pub rows: Vec<ListRow>,
    /// All matching articles.
    pub total: u64,
}

/// What the view remembers while the app runs.
#[derive(Debug, Default)]
pub struct ArticlesState {
    /// Filters of the plain list.
    pub query: ArticleListQuery,
    /// The number whose articles are listed, instead of the filters.
    pub drill: Option<DrillDown>,
    /// First row of the page.
    pub offset: u64,
    /// The article in the reader.
    pub open: Option<i64>,
    /// Ticked articles (to date them).
    pub checked: BTreeSet<i64>,
    /// The date typed for the ticked articles.
    pub date_text: String,
    /// The search box as typed (applied to `query.text` once it parses).
    pub search_text: String,
    /// Why the typed search does not parse.
    pub search_error: Option<String>,
    /// The actor box as typed (a code, a name or an alias in any language).
    pub actor_text: String,
    /// The source box as typed.
    pub source_text: String,
    language: String,
}

impl ArticlesState {
    /// Lists the articles behind a number.
    pub fn show_drill_down(&mut self, what: DrillDown) {
        self.drill = Some(what);
        self.offset = 0;
        self.checked.clear();
    }

    /// Takes the typed search when it parses (the `--query` language: see
    /// [`crate::store::search_query::interpret`]); else keeps the last good one and says why.
    pub fn set_search(&mut self, text: &str) {
        self.search_text = text.to_string();
        match crate::store::search_query::interpret(text) {
            _ if text.trim().is_empty() => {
                self.search_error = None;
                self.query.text.clear();
            }
            Ok(_) => {
                self.search_error = None;
                self.query.text = text.trim().to_string();
            }
            Err(e) => self.search_error = Some(e.to_string()),
        }
        self.offset = 0;
    }

    /// Sets the actor filter from what was typed, resolved with the dictionary's names.
    fn set_actor(&mut self, names: Option<&ActorNames>) {
        self.query.actor_code = match names.map(|n| n.resolve(&self.actor_text)) {
            Some(Resolved::Actor(code)) => Some(code),
            Some(Resolved::Empty) => None,
            // Unknown or ambiguous: the typed code as it stands (matches nothing unknown).
            _ if self.actor_text.trim().is_empty() => None,
            _ => Some(self.actor_text.trim().to_uppercase()),
        };
        self.offset = 0;
    }
}

/// The articles tab: the list, the reader and their queries.
#[derive(Default)]
pub struct ArticlesTab {
    /// Filters, page, open article.
    pub state: ArticlesState,
    list: Query<ArticleListing>,
    article: Query<Option<ArticleView>>,
    sources: Query<Vec<(String, u64)>>,
}

impl ArticlesTab {
    /// The list page as last computed.
    pub fn listing(&self) -> Option<Arc<ArticleListing>> {
        self.list.value()
    }
}

impl TabView for ArticlesTab {
    fn id(&self) -> Tab {
        Tab::Articles
    }

    fn title(&self) -> &'static str {
        "tab-articles"
    }

    fn request(&mut self, _settings: &Settings, env: &QueryEnv<'_>) {
        let s = &self.state;
        let (drill, query, offset, filter) = (
            s.drill.clone(),
            s.query.clone(),
            s.offset,
            env.filter.clone(),
        );
        let key = format!(
            "{:?}",
            ("articles", env.version, &drill, &query, offset, &filter)
        );
        self.list.request(&key, env.db, env.ctx, move |store| {
            list_page(store, drill, &query, &filter, offset)
        });
        if let Some(id) = self.state.open {
            self.article.request(
                &("article", env.version, id),
                env.db,
                env.ctx,
                move |store| store.article(id),
            );
        }
        self.sources
            .request(&("sources", env.version), env.db, env.ctx, |store| {
                store.sources()
            });
    }

    fn poll(&mut self) {
        self.list.poll();
        self.article.poll();
        self.sources.poll();
    }

    fn invalidate(&mut self) {
        self.list.invalidate();
        self.article.invalidate();
        self.sources.invalidate();
    }

    fn is_busy(&self) -> bool {
        self.list.is_running() || self.article.is_running() || self.sources.is_running()
    }

    fn error(&self) -> Option<&str> {
        self.list
            .error()
            .or(self.article.error())
            .or(self.sources.error())
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action> {
        let lang = settings.lang();
        let list = self.list.value();
        let article = self.article.value();
        let sources = self.sources.value();
        articles_ui(
            ui,
            &mut self.state,
            Shown {
                list: list.as_deref(),
                article: article.as_deref().and_then(Option::as_ref),
                sources: sources.as_deref().map(Vec::as_slice),
                names: shell.names,
                running: self.list.is_running(),
                lang,
            },
        )
        .into_iter()
        .collect()
    }
}

/// One page of the list: the articles behind a number, or those passing the filters.
fn list_page(
    store: &crate::store::Store,
    drill: Option<DrillDown>,
    query: &ArticleListQuery,
    filter: &analysis::Filter,
    offset: u64,
) -> Result<ArticleListing, crate::store::StoreError> {
    match drill {
        Some(what) => {
            let page = analysis::drill_down(store, &what, filter, offset, PAGE)?;
            Ok(ArticleListing {
                total: page.total,
                rows: page
                    .items
                    .into_iter()
                    .map(|h| ListRow {
                        id: h.article_id,
                        title: h.title,
                        source: h.source,
                        published: h.published,
                        language: h.language,
                        dateline_place: h.dateline_place,
                        dateline_country: h.dateline_country,
                        copies: 0,
                        kwic: h.kwic,
                    })
                    .collect(),
            })
        }
        None => {
            let (rows, total) = store.list_articles(query, offset, PAGE)?;
            Ok(ArticleListing {
                total,
                rows: rows
                    .into_iter()
                    .map(|r| ListRow {
                        id: r.id,
                        title: r.title,
                        source: r.source,
                        published: r.published,
                        language: r.language,
                        dateline_place: r.dateline_place,
                        dateline_country: r.dateline_country,
                        copies: r.copies,
                        kwic: Vec::new(),
                    })
                    .collect(),
            })
        }
    }
}

/// What the tab shows this frame: its query results and the window's language.
struct Shown<'a> {
    list: Option<&'a ArticleListing>,
    article: Option<&'a ArticleView>,
    sources: Option<&'a [(String, u64)]>,
    names: Option<&'a ActorNames>,
    running: bool,
    lang: Lang,
}

/// Draws the filters, the list and the reader.
fn articles_ui(ui: &mut egui::Ui, state: &mut ArticlesState, shown: Shown<'_>) -> Option<Action> {
    let Shown {
        list,
        article,
        sources,
        names,
        running,
        lang,
    } = shown;
    let mut action = None;
    match state.drill.clone() {
        Some(what) => {
            ui.horizontal(|ui| {
                ui.strong(describe(&what, names, lang));
                if ui.button(tr(lang, "articles-show-all")).clicked() {
                    state.drill = None;
                    state.offset = 0;
                }
            });
        }
        None => filters_ui(ui, state, sources, names, lang),
    }
    let width = ui.available_width();
    egui::Panel::left("article_list")
        .default_size(width * 0.45)
        .size_range((width * 0.35).max(280.0)..=width * 0.75)
        .resizable(true)
        .show(ui, |ui| {
            if let Some(a) = list_ui(ui, state, list, running, lang) {
                action = Some(a);
            }
        });
    egui::CentralPanel::default().show(ui, |ui| match (state.open, article) {
        (None, _) => {
            ui.weak(tr(lang, "articles-click-to-read"));
        }
        (Some(id), Some(a)) if a.id == id => {
            if let Some(act) = super::reader_view::reader_ui(ui, a, names, lang) {
                action = Some(act);
            }
        }
        _ => {
            ui.spinner();
        }
    });
    action
}

fn describe(what: &DrillDown, names: Option<&ActorNames>, lang: Lang) -> String {
    let label = |code: &str| names.map_or_else(|| code.to_string(), |n| n.label(code, lang));
    match what {
        DrillDown::Actor { actor_code } => tr_with(
            lang,
            "articles-drill-actor",
            &[("actor", text(label(actor_code)))],
        ),
        DrillDown::Within { filter, inner } => {
            let within: Vec<String> = crate::export::provenance::filter_fields(filter, "")
                .into_iter()
                .filter(|(k, _)| k != "prominence")
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            tr_with(
                lang,
                "articles-drill-within",
                &[
                    ("what", text(describe(inner, names, lang))),
                    ("within", text(within.join(", "))),
                ],
            )
        }
        DrillDown::OutletActor { source, actor_code } => tr_with(
            lang,
            "articles-drill-outlet-actor",
            &[
                ("actor", text(label(actor_code))),
                ("source", text(source.clone())),
            ],
        ),
        DrillDown::ActorBin {
            actor_code,
            bin,
            bin_start,
        } => {
            let bin_id = super::settings::BINS
                .iter()
                .find(|(b, _)| b == bin)
                .map_or("toolbar-bin-week", |(_, id)| *id);
            tr_with(
                lang,
                "articles-drill-actor-bin",
                &[
                    ("actor", text(label(actor_code))),
                    ("bin", text(tr(lang, bin_id).to_lowercase())),
                    ("start", text(bin_start.to_string())),
                ],
            )
        }
        DrillDown::Pair {
            actor_a,
            actor_b,
            window,
        } => {
            let window_id = super::settings::WINDOWS
                .iter()
                .find(|(w, _)| w == window)
                .map_or("toolbar-window-article", |(_, id)| *id);
            tr_with(
                lang,
                "articles-drill-pair",
                &[
                    ("a", text(label(actor_a))),
                    ("b", text(label(actor_b))),
                    ("window", text(tr(lang, window_id).to_lowercase())),
                ],
            )
        }
    }
}

fn filters_ui(
    ui: &mut egui::Ui,
    state: &mut ArticlesState,
    sources: Option<&[(String, u64)]>,
    names: Option<&ActorNames>,
    lang: Lang,
) {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(tr(lang, "articles-search"));
        let mut text = state.search_text.clone();
        let field = ui
            .add(
                egui::TextEdit::singleline(&mut text)
                    .hint_text(tr(lang, "articles-search-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id)
            .on_hover_text(crate::store::search_query::SYNTAX_HINT);
        if field.changed() {
            state.set_search(&text);
        }
        let label = ui.label(tr(lang, "articles-actor"));
        if ui
            .add(
                egui::TextEdit::singleline(&mut state.actor_text)
                    .hint_text(tr(lang, "articles-actor-hint"))
                    .desired_width(120.0),
            )
            .labelled_by(label.id)
            .changed()
        {
            state.set_actor(names);
        }
        if let Some(code) = &state.query.actor_code
            && !state.actor_text.trim().eq_ignore_ascii_case(code)
        {
            ui.weak(format!("= {code}"));
        }
        ui.label(tr(lang, "articles-language"));
        let languages = [
            ("", "common-all"),
            ("id", "articles-language-id"),
            ("en", "articles-language-en"),
            ("other", "articles-language-other"),
        ];
        let shown = languages
            .iter()
            .find(|(code, _)| *code == state.language)
            .map_or(state.language.clone(), |(_, id)| tr(lang, id));
        egui::ComboBox::from_id_salt("language")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (code, label) in languages {
                    if ui
                        .selectable_value(&mut state.language, code.to_string(), tr(lang, label))
                        .changed()
                    {
                        changed = true;
                    }
                }
            });
        state.query.languages = if state.language.is_empty() {
            Vec::new()
        } else {
            vec![state.language.clone()]
        };
        let label = ui.label(tr(lang, "articles-source"));
        let mut source_changed = ui
            .add(
                egui::TextEdit::singleline(&mut state.source_text)
                    .hint_text(tr(lang, "articles-source-hint"))
                    .desired_width(110.0),
            )
            .labelled_by(label.id)
            .changed();
        egui::ComboBox::from_id_salt("sources")
            .selected_text("")
            .width(16.0)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(state.source_text.is_empty(), tr(lang, "common-all"))
                    .clicked()
                {
                    state.source_text.clear();
                    source_changed = true;
                }
                for (name, n) in sources
                    .unwrap_or_default()
                    .iter()
                    .filter(|s| !s.0.is_empty())
                {
                    if ui
                        .selectable_label(
                            state.source_text.eq_ignore_ascii_case(name),
                            format!("{name} ({n})"),
                        )
                        .clicked()
                    {
                        state.source_text = name.clone();
                        source_changed = true;
                    }
                }
            });
        if source_changed {
            let source = state.source_text.trim();
            state.query.sources = if source.is_empty() {
                Vec::new()
            } else {
                vec![source.to_string()]
            };
            changed = true;
        }
        for (label, value) in [
            ("toolbar-from", &mut state.query.from),
            ("toolbar-to", &mut state.query.to),
        ] {
            let mut text = value.map(|d| d.to_string()).unwrap_or_default();
            ui.label(tr(lang, label));
            if ui
                .add(
                    egui::TextEdit::singleline(&mut text)
                        .hint_text("YYYY-MM-DD")
                        .desired_width(80.0),
                )
                .lost_focus()
            {
                *value = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok();
                changed = true;
            }
        }
        changed |= ui
            .checkbox(
                &mut state.query.undated_only,
                tr(lang, "articles-undated-only"),
            )
            .changed();
    });
    if let Some(e) = &state.search_error {
        ui.horizontal_wrapped(|ui| {
            ui.colored_label(
                ui.visuals().error_fg_color,
                tr_with(lang, "articles-search-error", &[("error", text(e.clone()))]),
            );
            ui.weak(crate::store::search_query::SYNTAX_HINT);
        });
    }
    if changed {
        state.offset = 0;
    }
}

fn list_ui(
    ui: &mut egui::Ui,
    state: &mut ArticlesState,
    list: Option<&ArticleListing>,
    running: bool,
    lang: Lang,
) -> Option<Action> {
    let mut action = None;
    let Some(list) = list else {
        ui.spinner();
        return None;
    };
    ui.horizontal(|ui| {
        let end = (state.offset + list.rows.len() as u64).min(list.total);
        ui.label(tr_with(
            lang,
            "articles-page",
            &[
                (
                    "from",
                    num(if list.total == 0 { 0 } else { state.offset + 1 } as f64),
                ),
                ("to", num(end as f64)),
                ("total", num(list.total as f64)),
            ],
        ));
        if ui
            .add_enabled(
                state.offset > 0,
                egui::Button::new(tr(lang, "articles-prev")),
            )
            .clicked()
        {
            state.offset = state.offset.saturating_sub(PAGE);
        }
        if ui
            .add_enabled(
                end < list.total,
                egui::Button::new(tr(lang, "articles-next")),
            )
            .clicked()
        {
            state.offset += PAGE;
        }
        if ui.button(tr(lang, "toolbar-export-csv")).clicked() {
            action = Some(Action::Export(ExportKind::ArticleList));
        }
        if running {
            ui.spinner();
        }
    });
    if !state.checked.is_empty() {
        ui.horizontal(|ui| {
            ui.label(tr_with(
                lang,
                "articles-ticked",
                &[("count", num(state.checked.len() as f64))],
            ));
            ui.add(
                egui::TextEdit::singleline(&mut state.date_text)
                    .hint_text("YYYY-MM-DD")
                    .desired_width(90.0),
            );
            let date = NaiveDate::parse_from_str(state.date_text.trim(), "%Y-%m-%d").ok();
            if ui
                .add_enabled(
                    date.is_some(),
                    egui::Button::new(tr(lang, "articles-set-date")),
                )
                .clicked()
                && let Some(date) = date
            {
                action = Some(Action::SetDates(
                    state.checked.iter().copied().collect(),
                    date,
                ));
                state.checked.clear();
            }
        });
    }
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for row in &list.rows {
                ui.horizontal(|ui| {
                    let mut ticked = state.checked.contains(&row.id);
                    if ui
                        .checkbox(&mut ticked, "")
                        .on_hover_text(tr(lang, "articles-tick-hint"))
                        .changed()
                    {
                        if ticked {
                            state.checked.insert(row.id);
                        } else {
                            state.checked.remove(&row.id);
                        }
                    }
                    let date = row
                        .published
                        .map_or(tr(lang, "common-undated"), |d| d.to_string());
                    ui.weak(date);
                    let untitled = tr(lang, "common-untitled");
                    let title = if row.title.is_empty() {
                        &untitled
                    } else {
                        &row.title
                    };
                    let label =
                        egui::Button::selectable(state.open == Some(row.id), title).truncate();
                    if ui.add(label).on_hover_text(title).clicked() {
                        state.open = Some(row.id);
                    }
                });
                ui.horizontal(|ui| {
                    ui.add_space(28.0);
                    let mut about = format!(
                        "{} · {}",
                        row.source,
                        super::i18n::language_name(lang, &row.language)
                    );
                    if !row.dateline_place.is_empty() {
                        about.push_str(" · ");
                        about.push_str(&tr_with(
                            lang,
                            "articles-from-place",
                            &[("place", text(row.dateline_place.clone()))],
                        ));
                        if !row.dateline_country.is_empty() {
                            about.push_str(&format!(" ({})", row.dateline_country));
                        }
                    }
                    if row.copies > 0 {
                        about.push_str(" · ");
                        about.push_str(&tr_with(
                            lang,
                            "articles-copies",
                            &[("count", num(row.copies as f64))],
                        ));
                    }
                    ui.weak(about);
                });
                for k in row.kwic.iter().take(3) {
                    ui.horizontal(|ui| {
                        ui.add_space(28.0);
                        ui.label(super::reader_view::kwic_job(ui, k));
                    });
                }
                ui.add_space(4.0);
            }
        });
    action
}
