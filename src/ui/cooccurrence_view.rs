//! Co-occurrence: a sortable table of every actor pair with heat-map cells (virtual
//! scrolling: only the visible rows are drawn), and a matrix of the plotted actors counted
//! for those actors themselves; a click on a pair lists the articles where both occur.

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, Measure, PairStat};
use super::colors::{actor_color, heat, swatch};
use super::jobs::Query;
use super::settings::{Settings, Tab, WINDOWS};
use super::tabs::{QueryEnv, ShellView, TabView};
use egui_extras::{Column, TableBuilder};

/// What the table is sorted by: the pair's codes or one measure of [`Measure::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SortColumn {
    /// Actor pair, alphabetically.
    Pair,
    /// A measure.
    Measure(Measure),
}

impl Default for SortColumn {
    fn default() -> Self {
        SortColumn::Measure(Measure::Both)
    }
}

/// What the tab computes: every pair with at least one unit with both (the minimum support
/// is applied when shown, so moving the slider needs no new query).
#[derive(Debug, Default)]
pub struct CoocData {
    /// Every pair of the window and filter, by units with both.
    pub pairs: Vec<PairStat>,
}

/// The co-occurrence tab: its controls' state, its query and the rows as shown.
#[derive(Default)]
pub struct CoocTab {
    /// Sort column.
    pub sort: SortColumn,
    /// Ascending instead of descending.
    pub ascending: bool,
    /// Only pairs of plotted actors.
    pub only_selected: bool,
    query: Query<CoocData>,
    /// The shown rows and what they were made from.
    shown: Option<(RowsKey, std::sync::Arc<Vec<PairStat>>)>,
}

/// What the shown rows depend on.
#[derive(Debug, Clone, PartialEq)]
struct RowsKey {
    data: usize,
    sort: SortColumn,
    ascending: bool,
    only_selected: bool,
    min_support: u64,
    selected: Vec<String>,
}

impl CoocTab {
    /// Sorts pairs as the table shows them: a measure highest first (a second click on its
    /// header reverses), the pair A to Z (a second click reverses).
    pub fn sort(&self, pairs: &mut [PairStat]) {
        let by_codes =
            |a: &PairStat, b: &PairStat| (&a.actor_a, &a.actor_b).cmp(&(&b.actor_a, &b.actor_b));
        match self.sort {
            SortColumn::Pair => pairs.sort_by(|a, b| {
                let o = by_codes(a, b);
                if self.ascending { o.reverse() } else { o }
            }),
            SortColumn::Measure(m) => pairs.sort_by(|a, b| {
                let o = m.value(b).total_cmp(&m.value(a));
                let o = if self.ascending { o.reverse() } else { o };
                o.then_with(|| by_codes(a, b))
            }),
        }
    }

    /// The rows the table shows for these settings: every pair with at least the minimum
    /// support (only pairs of plotted actors when ticked), sorted. Cached until the data or a
    /// setting changes.
    pub fn rows(&mut self, settings: &Settings) -> Option<std::sync::Arc<Vec<PairStat>>> {
        let data = self.query.value()?;
        let key = RowsKey {
            data: std::sync::Arc::as_ptr(&data) as usize,
            sort: self.sort,
            ascending: self.ascending,
            only_selected: self.only_selected,
            min_support: settings.min_support.max(1),
            selected: settings.selected.clone(),
        };
        if let Some((k, rows)) = &self.shown
            && *k == key
        {
            return Some(rows.clone());
        }
        let rows = std::sync::Arc::new(self.compute_rows(&data, settings));
        self.shown = Some((key, rows.clone()));
        Some(rows)
    }

    /// The rows for these settings, computed afresh (what [`CoocTab::rows`] caches).
    pub fn rows_now(&self, settings: &Settings) -> Vec<PairStat> {
        self.query
            .value()
            .map(|data| self.compute_rows(&data, settings))
            .unwrap_or_default()
    }

    fn compute_rows(&self, data: &CoocData, settings: &Settings) -> Vec<PairStat> {
        let min_support = settings.min_support.max(1);
        let mut rows: Vec<PairStat> = data
            .pairs
            .iter()
            .filter(|p| p.both >= min_support)
            .filter(|p| {
                !self.only_selected
                    || (settings.selected.contains(&p.actor_a)
                        && settings.selected.contains(&p.actor_b))
            })
            .cloned()
            .collect();
        self.sort(&mut rows);
        rows
    }

    fn click_header(&mut self, col: SortColumn) {
        if self.sort == col {
            self.ascending = !self.ascending;
        } else {
            self.sort = col;
            self.ascending = false;
        }
    }
}

impl TabView for CoocTab {
    fn id(&self) -> Tab {
        Tab::Cooccurrence
    }

    fn title(&self) -> &'static str {
        "tab-cooccurrence"
    }

    fn request(&mut self, settings: &Settings, env: &QueryEnv<'_>) {
        let window = WINDOWS[settings.window.min(2)].0;
        let f = env.filter.clone();
        let key = format!("{:?}", ("cooc", env.version, &f, window));
        self.query.request(&key, env.db, env.ctx, move |s| {
            let pairs = analysis::cooccurrence(s, window, 1, None, Measure::Both, &f)?;
            Ok(CoocData { pairs })
        });
    }

    fn poll(&mut self) {
        self.query.poll();
    }

    fn invalidate(&mut self) {
        self.query.invalidate();
        self.shown = None;
    }

    fn is_busy(&self) -> bool {
        self.query.is_running()
    }

    fn error(&self) -> Option<&str> {
        self.query.error()
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action> {
        self.draw(ui, settings, shell.names).into_iter().collect()
    }
}

impl CoocTab {
    /// Draws the controls, the matrix and the table.
    fn draw(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        names: Option<&super::analysis::ActorNames>,
    ) -> Option<Action> {
        let mut action = None;
        let running = self.query.is_running();
        ui.horizontal_wrapped(|ui| {
            ui.label(settings.tr("toolbar-window"));
            for (i, (_, label)) in WINDOWS.iter().enumerate() {
                let label = settings.tr(label);
                ui.selectable_value(&mut settings.window, i, label);
            }
            ui.separator();
            ui.label(settings.tr("toolbar-min-support"))
                .on_hover_text(settings.tr("toolbar-min-support-hint"));
            ui.add(egui::DragValue::new(&mut settings.min_support).range(1..=1000));
            ui.checkbox(&mut self.only_selected, settings.tr("toolbar-only-plotted"));
            if let Some(a) = super::timeline_view::date_range_ui(ui, settings) {
                action = Some(a);
            }
            if ui.button(settings.tr("toolbar-export-csv")).clicked() {
                action = Some(Action::Export(ExportKind::Cooccurrence));
            }
            if running {
                ui.spinner();
            }
        });
        let (Some(data), Some(rows)) = (self.query.value(), self.rows(settings)) else {
            ui.spinner();
            return action;
        };
        let window = WINDOWS[settings.window.min(2)].0;
        if settings.selected.len() >= 2 {
            egui::CollapsingHeader::new(settings.tr("cooc-matrix-heading"))
                .default_open(true)
                .show(ui, |ui| {
                    egui::ScrollArea::both()
                        .id_salt("matrix_scroll")
                        .max_height(ui.available_height() * 0.4)
                        .show(ui, |ui| {
                            if let Some(a) = matrix_ui(ui, &settings.selected, &data.pairs, window)
                            {
                                action = Some(a);
                            }
                        });
                });
        }
        ui.label(settings.tr_with(
            "cooc-pairs-summary",
            &[
                ("shown", crate::i18n::num(rows.len() as f64)),
                ("total", crate::i18n::num(data.pairs.len() as f64)),
                ("min", crate::i18n::num(settings.min_support.max(1) as f64)),
                (
                    "unit",
                    crate::i18n::text(match window {
                        analysis::Window::Article => "article",
                        analysis::Window::Paragraph => "paragraph",
                        analysis::Window::Sentence => "sentence",
                    }),
                ),
            ],
        ));
        let maxima: Vec<f64> = Measure::ALL
            .iter()
            .map(|m| rows.iter().map(|p| m.value(p)).fold(0.0, f64::max))
            .collect();
        let mut clicked_header = None;
        // The pair's column takes what the measures leave, up to 480 pixels, so the measures
        // stay in view at any width.
        let pair_width =
            (ui.available_width() - 92.0 * Measure::ALL.len() as f32).clamp(160.0, 480.0);
        TableBuilder::new(ui)
            .id_salt("pairs")
            .striped(true)
            .column(Column::exact(pair_width).clip(true))
            .columns(Column::exact(84.0), Measure::ALL.len())
            .header(22.0, |mut header| {
                let lang = settings.lang();
                let t = |id: &str| crate::i18n::tr(lang, id);
                let cols = std::iter::once((
                    SortColumn::Pair,
                    t("cooc-col-pair"),
                    t("cooc-col-pair-hint"),
                ))
                .chain(Measure::ALL.iter().map(|&m| {
                    let (header, hint) = match m {
                        Measure::Both => (t("cooc-col-both"), t("cooc-col-both-hint")),
                        Measure::Jaccard => (m.header().to_string(), t("cooc-col-jaccard-hint")),
                        Measure::Npmi => (m.header().to_string(), t("cooc-col-npmi-hint")),
                        Measure::Llr => (m.header().to_string(), t("cooc-col-llr-hint")),
                    };
                    (SortColumn::Measure(m), header, hint)
                }));
                for (col, label, hint) in cols {
                    header.col(|ui| {
                        let arrow = match (self.sort == col, self.ascending) {
                            (true, true) => " ^",
                            (true, false) => " v",
                            _ => "",
                        };
                        if ui
                            .button(format!("{label}{arrow}"))
                            .on_hover_text(hint)
                            .clicked()
                        {
                            clicked_header = Some(col);
                        }
                    });
                }
            })
            .body(|body| {
                body.rows(20.0, rows.len(), |mut row| {
                    let p = &rows[row.index()];
                    let mut open = false;
                    row.col(|ui| {
                        ui.horizontal(|ui| {
                            swatch(ui, &p.actor_a);
                            swatch(ui, &p.actor_b);
                            open = ui
                                .link(format!("{} + {}", p.actor_a, p.actor_b))
                                .on_hover_text(settings.tr("cooc-pair-link-hint"))
                                .clicked();
                            let lang = settings.lang();
                            let name = |code: &str, name: &str| {
                                names
                                    .map_or(name, |n| n.display(code, name, lang))
                                    .to_string()
                            };
                            ui.weak(format!(
                                "{} · {}",
                                name(&p.actor_a, &p.name_a),
                                name(&p.actor_b, &p.name_b)
                            ));
                        });
                    });
                    for (m, max) in Measure::ALL.iter().zip(&maxima) {
                        row.col(|ui| {
                            ui.painter()
                                .rect_filled(ui.max_rect(), 0.0, heat(m.heat(p, *max)));
                            ui.strong(m.display(p));
                        });
                    }
                    if open {
                        action = Some(Action::DrillDown(DrillDown::Pair {
                            actor_a: p.actor_a.clone(),
                            actor_b: p.actor_b.clone(),
                            window,
                        }));
                    }
                });
            });
        if let Some(col) = clicked_header {
            self.click_header(col);
        }
        action
    }
}

/// An actor-by-actor grid of the plotted actors.
fn matrix_ui(
    ui: &mut egui::Ui,
    selected: &[String],
    pairs: &[PairStat],
    window: super::analysis::Window,
) -> Option<Action> {
    let mut action = None;
    let cells = matrix_cells(selected, pairs);
    let both = |a: &str, b: &str| {
        let key = if a < b { (a, b) } else { (b, a) };
        cells.get(&key).copied().unwrap_or(0)
    };
    let max = cells.values().copied().max().unwrap_or(1).max(1) as f64;
    egui::Grid::new("matrix")
        .spacing([2.0, 2.0])
        .show(ui, |ui| {
            ui.label("");
            for b in selected {
                ui.colored_label(actor_color(b), b);
            }
            ui.end_row();
            for a in selected {
                ui.colored_label(actor_color(a), a);
                for b in selected {
                    if a == b {
                        ui.weak("—");
                        continue;
                    }
                    let n = both(a, b);
                    let button = egui::Button::new(n.to_string())
                        .fill(heat(n as f64 / max))
                        .min_size(egui::vec2(44.0, 18.0));
                    if ui
                        .add(button)
                        .on_hover_text(format!("{a} + {b}: {n}"))
                        .clicked()
                        && n > 0
                    {
                        action = Some(Action::DrillDown(DrillDown::Pair {
                            actor_a: a.clone(),
                            actor_b: b.clone(),
                            window,
                        }));
                    }
                }
                ui.end_row();
            }
        });
    action
}

/// Units with both of every pair of `selected` actors that has any, keyed by (lower code,
/// higher code).
pub fn matrix_cells<'a>(
    selected: &[String],
    pairs: &'a [PairStat],
) -> std::collections::HashMap<(&'a str, &'a str), u64> {
    let chosen: std::collections::HashSet<&str> = selected.iter().map(String::as_str).collect();
    pairs
        .iter()
        .filter(|p| chosen.contains(p.actor_a.as_str()) && chosen.contains(p.actor_b.as_str()))
        .map(|p| ((p.actor_a.as_str(), p.actor_b.as_str()), p.both))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(a: &str, b: &str, both: u64) -> PairStat {
        PairStat {
            actor_a: a.into(),
            actor_b: b.into(),
            name_a: String::new(),
            name_b: String::new(),
            both,
            a_units: both,
            b_units: both,
            units: 100,
            jaccard: 0.0,
            npmi: 0.0,
            llr: 0.0,
        }
    }

    #[test]
    fn the_matrix_counts_the_plotted_actors_wherever_their_pair_ranks() {
        // 600 busier pairs first; CHN + PRK last (beyond any top 500).
        let mut pairs: Vec<PairStat> = (0..600)
            .map(|i| pair(&format!("A{i:03}"), &format!("B{i:03}"), 100))
            .collect();
        pairs.push(pair("CHN", "PRK", 8));
        let selected = ["PRK".to_string(), "CHN".to_string(), "USA".to_string()];
        let cells = matrix_cells(&selected, &pairs);
        assert_eq!(cells.get(&("CHN", "PRK")), Some(&8));
        assert_eq!(cells.len(), 1, "only pairs of plotted actors");
    }

    #[test]
    fn a_second_click_on_a_header_reverses_it() {
        let mut tab = CoocTab::default();
        let mut pairs = vec![pair("B", "C", 1), pair("A", "B", 5), pair("A", "C", 3)];
        tab.click_header(SortColumn::Pair);
        tab.sort(&mut pairs);
        assert_eq!(
            (pairs[0].actor_a.as_str(), pairs[2].actor_a.as_str()),
            ("A", "B")
        );
        tab.click_header(SortColumn::Pair);
        tab.sort(&mut pairs);
        assert_eq!(pairs[0].actor_a, "B");
        tab.click_header(SortColumn::Measure(Measure::Both));
        tab.sort(&mut pairs);
        assert_eq!(pairs[0].both, 5);
        tab.click_header(SortColumn::Measure(Measure::Both));
        tab.sort(&mut pairs);
        assert_eq!(pairs[0].both, 1);
    }
}
