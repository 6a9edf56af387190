//! Compare: two periods, two outlets or two languages side by side — which actors rose and
//! fell (a chart of the log ratio of the most changed, a sortable table with G² and its
//! p-value) and which pairs of actors appeared or vanished.

use super::action::{Action, ExportKind};
use super::analysis::{self, Comparison, DrillDown, Filter};
use super::colors::swatch;
use super::i18n::{lang, t, tw};
use super::jobs::Query;
use super::settings::{Settings, Tab, WINDOWS};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::i18n::{decimal, num, text};
use crate::model::Language;
use chrono::NaiveDate;
use egui_extras::{Column, TableBuilder};
use std::sync::Arc;

/// What sets the two sides apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CompareBy {
    /// Two date ranges.
    #[default]
    Periods,
    /// Two outlets.
    Outlets,
    /// Two languages.
    Languages,
}

/// One side's own settings (the rest of the filter is the window's).
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Side {
    /// First day (periods).
    pub from: Option<NaiveDate>,
    /// Last day (periods).
    pub to: Option<NaiveDate>,
    /// The outlet (outlets).
    pub source: String,
    /// The language code (languages).
    pub language: String,
}

/// A comparison and the two filters it was made with.
#[derive(Debug, Clone, Default)]
pub struct CompareData {
    /// The result.
    pub comparison: Comparison,
    /// Side A as compared (with the periods filled in when none were given).
    pub a: Filter,
    /// Side B.
    pub b: Filter,
}

/// The compare tab's state.
#[derive(Default)]
pub struct CompareTab {
    /// What the sides differ by.
    pub by: CompareBy,
    /// Side A.
    pub a: Side,
    /// Side B.
    pub b: Side,
    /// Only actors whose change is significant (p < 0.05).
    pub significant_only: bool,
    query: Query<CompareData>,
    sources: Query<Vec<(String, u64)>>,
    /// The sides' outlets or languages are not both picked (nothing is compared).
    unset: bool,
}

/// The sides' filters: the window's filter with each side's dates, outlet or language.
/// Periods left empty are filled by the query (the dated range split in two halves).
pub fn side_filters(base: &Filter, by: CompareBy, a: &Side, b: &Side) -> (Filter, Filter) {
    let side = |s: &Side| {
        let mut f = base.clone();
        match by {
            CompareBy::Periods => {
                f.from = s.from.or(base.from);
                f.to = s.to.or(base.to);
            }
            CompareBy::Outlets => f.sources = vec![s.source.clone()],
            CompareBy::Languages => {
                f.languages = Language::parse(&s.language).into_iter().collect();
            }
        }
        f
    };
    (side(a), side(b))
}

/// Two periods that split the dated articles passing `f` in halves (by days): the first day to
/// the middle one, and the day after to the last.
fn halves(
    store: &crate::store::Store,
    f: &Filter,
) -> Result<Option<(NaiveDate, NaiveDate, NaiveDate)>, crate::store::StoreError> {
    let days = store.articles_per_day(f)?;
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Ok(None);
    };
    let mid = first.0 + (last.0 - first.0) / 2;
    Ok(Some((
        crate::store::day_date(first.0),
        crate::store::day_date(mid),
        crate::store::day_date(last.0),
    )))
}

impl CompareTab {
    /// The actors the chart shows: the most changed, significant ones only when ticked.
    pub fn chart_actors(&self) -> Vec<analysis::ActorChange> {
        self.query.value().map_or_else(Vec::new, |d| {
            d.comparison
                .actors
                .iter()
                .filter(|x| !self.significant_only || x.p_value < 0.05)
                .take(CHART_ACTORS)
                .cloned()
                .collect()
        })
    }

    /// The comparison shown, with its sides.
    pub fn data(&self) -> Option<Arc<CompareData>> {
        self.query.value()
    }
}

impl TabView for CompareTab {
    fn id(&self) -> Tab {
        Tab::Compare
    }

    fn title(&self) -> &'static str {
        "tab-compare"
    }

    fn request(&mut self, settings: &Settings, env: &QueryEnv<'_>) {
        let window = WINDOWS[settings.window.min(2)].0;
        let min_support = settings.min_support.max(1);
        let (by, a, b) = (self.by, self.a.clone(), self.b.clone());
        // Two outlets or languages are compared once both are picked.
        let unset = match by {
            CompareBy::Periods => false,
            CompareBy::Outlets => a.source.is_empty() || b.source.is_empty(),
            CompareBy::Languages => a.language.is_empty() || b.language.is_empty(),
        };
        if unset {
            self.unset = true;
            return;
        }
        self.unset = false;
        let base = env.filter.clone();
        let key = format!(
            "{:?}",
            (
                "compare",
                env.version,
                &base,
                by,
                &a,
                &b,
                window,
                min_support
            )
        );
        self.query.request(&key, env.db, env.ctx, move |s| {
            let (mut fa, mut fb) = side_filters(&base, by, &a, &b);
            if by == CompareBy::Periods
                && a.from.is_none()
                && a.to.is_none()
                && b.from.is_none()
                && b.to.is_none()
                && let Some((first, mid, last)) = halves(s, &base)?
            {
                (fa.from, fa.to) = (Some(first), Some(mid));
                (fb.from, fb.to) = (mid.succ_opt(), Some(last));
            }
            let comparison = analysis::compare(s, &fa, &fb, window, min_support)?;
            Ok(CompareData {
                comparison,
                a: fa,
                b: fb,
            })
        });
        self.sources
            .request(&("sources", env.version), env.db, env.ctx, |store| {
                store.sources()
            });
    }

    fn poll(&mut self) {
        self.query.poll();
        self.sources.poll();
    }

    fn invalidate(&mut self) {
        self.query.invalidate();
        self.sources.invalidate();
    }

    fn is_busy(&self) -> bool {
        self.query.is_running() || self.sources.is_running()
    }

    fn error(&self) -> Option<&str> {
        self.query.error().or(self.sources.error())
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let running = self.query.is_running();
        ui.horizontal_wrapped(|ui| {
            ui.label(t(ui, "compare-by"));
            for (by, id) in [
                (CompareBy::Periods, "compare-by-periods"),
                (CompareBy::Outlets, "compare-by-outlets"),
                (CompareBy::Languages, "compare-by-languages"),
            ] {
                let label = t(ui, id);
                ui.selectable_value(&mut self.by, by, label);
            }
            ui.separator();
            ui.checkbox(&mut self.significant_only, t(ui, "compare-significant"))
                .on_hover_text(t(ui, "compare-significant-hint"));
            if ui.button(t(ui, "toolbar-export-table")).clicked() {
                actions.push(Action::Export(ExportKind::Compare));
            }
            if ui.button(t(ui, "toolbar-save-chart")).clicked() {
                actions.push(Action::Export(ExportKind::CompareChart));
            }
            if running {
                ui.spinner();
            }
        });
        let sources = self.sources.value();
        let data = if self.unset { None } else { self.query.value() };
        for (side, name) in [(&mut self.a, "A"), (&mut self.b, "B")] {
            let used = data.as_ref().map(|d| if name == "A" { &d.a } else { &d.b });
            ui.horizontal_wrapped(|ui| {
                ui.strong(tw(ui, "compare-side", &[("side", text(name))]));
                side_ui(ui, self.by, side, name, used, sources.as_deref());
            });
        }
        ui.horizontal_wrapped(|ui| {
            actions.extend(super::timeline_view::date_range_ui(ui, settings));
        });
        ui.separator();
        let Some(data) = data else {
            if self.unset {
                ui.weak(t(ui, "compare-pick-both"));
            } else {
                ui.spinner();
            }
            return actions;
        };
        let c = &data.comparison;
        let lang = lang(ui);
        ui.label(tw(
            ui,
            "compare-summary",
            &[
                ("a", num(c.a_units as f64)),
                ("b", num(c.b_units as f64)),
                ("actors", num(c.actors.len() as f64)),
            ],
        ));
        if c.a_units == 0 || c.b_units == 0 {
            ui.weak(t(ui, "compare-empty-side"));
            return actions;
        }
        if analysis::sides_overlap(&data.a, &data.b) {
            ui.colored_label(ui.visuals().warn_fg_color, t(ui, "compare-overlap"));
        }
        let shown: Vec<&analysis::ActorChange> = c
            .actors
            .iter()
            .filter(|x| !self.significant_only || x.p_value < 0.05)
            .collect();
        let name_of = |code: &str, name: &str| {
            shell
                .names
                .map_or(name, |n| n.display(code, name, lang))
                .to_string()
        };
        chart_ui(ui, &shown, lang);
        let height = (ui.available_height() - 140.0).max(160.0);
        egui::ScrollArea::vertical()
            .id_salt("compare_table_scroll")
            .max_height(height)
            .show(ui, |ui| {
                if let Some(a) = table_ui(ui, &shown, &name_of, (&data.a, &data.b)) {
                    actions.push(a);
                }
            });
        ui.columns(2, |cols| {
            for (col, (pairs, id)) in cols.iter_mut().zip([
                (&c.appeared, "compare-appeared"),
                (&c.vanished, "compare-vanished"),
            ]) {
                egui::CollapsingHeader::new(tw(col, id, &[("count", num(pairs.len() as f64))]))
                    .id_salt(id)
                    .show(col, |ui| {
                        for p in pairs.iter().take(50) {
                            ui.horizontal(|ui| {
                                swatch(ui, &p.actor_a);
                                swatch(ui, &p.actor_b);
                                ui.label(format!(
                                    "{} + {}: {}",
                                    p.actor_a,
                                    p.actor_b,
                                    crate::i18n::integer(lang, p.a_both.max(p.b_both) as i64)
                                ));
                            });
                        }
                        if pairs.len() > 50 {
                            ui.weak(tw(
                                ui,
                                "compare-more-pairs",
                                &[("count", num((pairs.len() - 50) as f64))],
                            ));
                        }
                    });
            }
        });
        actions
    }
}

/// One side's dates, outlet or language; `used` is the filter the last result was made with
/// (shows the periods filled in).
fn side_ui(
    ui: &mut egui::Ui,
    by: CompareBy,
    side: &mut Side,
    name: &str,
    used: Option<&Filter>,
    sources: Option<&Vec<(String, u64)>>,
) {
    match by {
        CompareBy::Periods => {
            for (label, value, shown) in [
                ("toolbar-from", &mut side.from, used.and_then(|f| f.from)),
                ("toolbar-to", &mut side.to, used.and_then(|f| f.to)),
            ] {
                ui.label(t(ui, label));
                let hint = shown.map_or("YYYY-MM-DD".to_string(), |d| d.to_string());
                super::timeline_view::date_field(ui, ("compare_date", name, label), value, &hint);
            }
        }
        CompareBy::Outlets => {
            let none = t(ui, "compare-pick-outlet");
            egui::ComboBox::from_id_salt(("compare_source", name))
                .selected_text(if side.source.is_empty() {
                    none
                } else {
                    side.source.clone()
                })
                .show_ui(ui, |ui| {
                    for (s, n) in sources.map(Vec::as_slice).unwrap_or_default() {
                        ui.selectable_value(&mut side.source, s.clone(), format!("{s} ({n})"));
                    }
                });
        }
        CompareBy::Languages => {
            let lang = lang(ui);
            let shown = if side.language.is_empty() {
                t(ui, "compare-pick-language")
            } else {
                super::i18n::language_name(lang, &side.language)
            };
            egui::ComboBox::from_id_salt(("compare_language", name))
                .selected_text(shown)
                .show_ui(ui, |ui| {
                    for code in ["id", "en", "other"] {
                        ui.selectable_value(
                            &mut side.language,
                            code.to_string(),
                            super::i18n::language_name(lang, code),
                        );
                    }
                });
        }
    }
}

/// How many actors the chart shows.
const CHART_ACTORS: usize = 15;

/// The most changed actors (largest G²) as horizontal bars of their log ratio: right rose,
/// left fell.
fn chart_ui(ui: &mut egui::Ui, shown: &[&analysis::ActorChange], lang: crate::i18n::Lang) {
    use egui_plot::{Bar, BarChart, Plot};
    let top: Vec<&analysis::ActorChange> = shown.iter().take(CHART_ACTORS).copied().collect();
    if top.is_empty() {
        return;
    }
    let n = top.len();
    let rose = egui::Color32::from_rgb(46, 139, 87);
    let fell = egui::Color32::from_rgb(200, 70, 60);
    let bars: Vec<Bar> = top
        .iter()
        .enumerate()
        .map(|(i, c)| {
            Bar::new((n - 1 - i) as f64, c.log_ratio)
                .name(crate::i18n::tr_with(
                    lang,
                    "compare-bar-hint",
                    &[
                        ("actor", text(c.code.clone())),
                        ("ratio", decimal(lang, c.log_ratio, 2)),
                    ],
                ))
                .fill(if c.rose() { rose } else { fell })
                .width(0.7)
        })
        .collect();
    let labels: Vec<String> = top.iter().map(|c| c.code.clone()).collect();
    let axis = t(ui, "compare-axis-log-ratio");
    let chart = BarChart::new(t(ui, "compare-chart"), bars).horizontal();
    Plot::new("compare_chart")
        .height((n as f32 * 18.0 + 40.0).min(320.0))
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_label(axis)
        .show_axes([true, false])
        .show(ui, |plot| {
            plot.bar_chart(chart);
            // Each bar's code beside the zero line, on the side it does not grow to.
            for (i, c) in top.iter().enumerate() {
                let y = (n - 1 - i) as f64;
                let anchor = if c.log_ratio >= 0.0 {
                    egui::Align2::RIGHT_CENTER
                } else {
                    egui::Align2::LEFT_CENTER
                };
                plot.text(
                    egui_plot::Text::new(
                        "",
                        egui_plot::PlotPoint::new(0.0, y),
                        format!(" {} ", labels[i]),
                    )
                    .anchor(anchor),
                );
            }
        });
}

/// The table: actor, each side's articles and share, change, log ratio, G², p; a click on an
/// actor lists its articles.
fn table_ui(
    ui: &mut egui::Ui,
    shown: &[&analysis::ActorChange],
    name_of: &dyn Fn(&str, &str) -> String,
    sides: (&Filter, &Filter),
) -> Option<Action> {
    let lang = lang(ui);
    let mut action = None;
    let headers = [
        "compare-col-actor",
        "compare-col-a",
        "compare-col-a-share",
        "compare-col-b",
        "compare-col-b-share",
        "compare-col-change",
        "compare-col-log-ratio",
        "compare-col-llr",
        "compare-col-p",
    ];
    let pct = |x: f64| {
        crate::i18n::tr_with(
            lang,
            "common-percent",
            &[("x", decimal(lang, x * 100.0, 1))],
        )
    };
    TableBuilder::new(ui)
        .id_salt("compare_table")
        .striped(true)
        .column(Column::auto().at_least(200.0))
        .columns(Column::auto().at_least(64.0), headers.len() - 1)
        .header(20.0, |mut header| {
            for h in headers {
                header.col(|ui| {
                    ui.strong(t(ui, h));
                });
            }
        })
        .body(|body| {
            body.rows(20.0, shown.len(), |mut row| {
                let c = shown[row.index()];
                row.col(|ui| {
                    ui.horizontal(|ui| {
                        swatch(ui, &c.code);
                        let arrow = if c.rose() {
                            "▲"
                        } else if c.b_share < c.a_share {
                            "▼"
                        } else {
                            "="
                        };
                        if ui
                            .link(format!("{arrow} {} {}", c.code, name_of(&c.code, &c.name)))
                            .on_hover_text(t(ui, "compare-actor-hint"))
                            .clicked()
                        {
                            action = Some(Action::DrillDown(DrillDown::Actor {
                                actor_code: c.code.clone(),
                            }));
                        }
                    });
                });
                let cells = [
                    crate::i18n::integer(lang, c.a_articles as i64),
                    pct(c.a_share),
                    crate::i18n::integer(lang, c.b_articles as i64),
                    pct(c.b_share),
                    pct(c.b_share - c.a_share),
                    crate::i18n::tr_with(
                        lang,
                        "common-decimal",
                        &[("x", decimal(lang, c.log_ratio, 2))],
                    ),
                    crate::i18n::tr_with(lang, "common-decimal", &[("x", decimal(lang, c.llr, 1))]),
                    p_text(lang, c.p_value),
                ];
                for (i, v) in cells.into_iter().enumerate() {
                    row.col(|ui| {
                        // Each side's articles list that side's articles of the actor.
                        let side = match i {
                            0 => Some(sides.0),
                            2 => Some(sides.1),
                            _ => None,
                        };
                        match side {
                            Some(f) if v != "0" => {
                                if ui
                                    .link(v)
                                    .on_hover_text(t(ui, "compare-side-hint"))
                                    .clicked()
                                {
                                    action = Some(Action::DrillDown(DrillDown::Within {
                                        filter: Box::new(f.clone()),
                                        inner: Box::new(DrillDown::Actor {
                                            actor_code: c.code.clone(),
                                        }),
                                    }));
                                }
                            }
                            _ => {
                                ui.label(v);
                            }
                        }
                    });
                }
            });
        });
    action
}

/// A p-value as people read it: "< 0.001", else three decimals.
fn p_text(lang: crate::i18n::Lang, p: f64) -> String {
    if p < 0.001 {
        crate::i18n::tr(lang, "compare-p-tiny")
    } else {
        crate::i18n::tr_with(lang, "common-decimal", &[("x", decimal(lang, p, 3))])
    }
}
