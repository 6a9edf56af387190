//! Co-occurrence: a sortable table of actor pairs with heat-map cells, and a matrix of the
//! plotted actors; a click on a pair lists the articles where both occur.

use super::action::{Action, ExportKind};
use super::analysis::{DrillDown, PairStat};
use super::app::{Settings, WINDOWS};
use super::colors::{actor_color, heat, swatch};
use egui_extras::{Column, TableBuilder};

/// The columns a user can sort by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SortColumn {
    /// Units with both.
    #[default]
    Both,
    /// Jaccard.
    Jaccard,
    /// NPMI.
    Npmi,
    /// G².
    Llr,
    /// Actor pair, alphabetically.
    Pair,
}

/// What the view remembers while the app runs.
#[derive(Debug, Default)]
pub struct CoocState {
    /// Sort column.
    pub sort: SortColumn,
    /// Ascending instead of descending.
    pub ascending: bool,
    /// Only pairs of plotted actors.
    pub only_selected: bool,
}

impl CoocState {
    /// Sorts pairs as the table shows them.
    pub fn sort(&self, pairs: &mut [PairStat]) {
        let key = |p: &PairStat| match self.sort {
            SortColumn::Both => p.both as f64,
            SortColumn::Jaccard => p.jaccard,
            SortColumn::Npmi => p.npmi,
            SortColumn::Llr => p.llr,
            SortColumn::Pair => 0.0,
        };
        let desc = self.sort != SortColumn::Pair && !self.ascending;
        pairs.sort_by(|a, b| {
            let o = key(a).total_cmp(&key(b));
            let o = if desc { o.reverse() } else { o };
            o.then_with(|| (&a.actor_a, &a.actor_b).cmp(&(&b.actor_a, &b.actor_b)))
        });
    }
}

const HEADERS: [(&str, SortColumn); 5] = [
    ("Pair", SortColumn::Pair),
    ("Both", SortColumn::Both),
    ("Jaccard", SortColumn::Jaccard),
    ("NPMI", SortColumn::Npmi),
    ("G²", SortColumn::Llr),
];

/// Draws the controls, the matrix and the table.
pub fn cooccurrence_ui(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    state: &mut CoocState,
    pairs: Option<&[PairStat]>,
    running: bool,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Together in the same:");
        for (i, (_, label)) in WINDOWS.iter().enumerate() {
            ui.selectable_value(&mut settings.window, i, *label);
        }
        ui.separator();
        ui.add(egui::Slider::new(&mut settings.min_support, 1..=50).text("minimum support"));
        ui.checkbox(&mut state.only_selected, "Only plotted actors");
        super::timeline_view::date_range_ui(ui, settings);
        if ui.button("Export CSV…").clicked() {
            action = Some(Action::Export(ExportKind::Cooccurrence));
        }
        if running {
            ui.spinner();
        }
    });
    let Some(pairs) = pairs else {
        ui.spinner();
        return action;
    };
    let window = WINDOWS[settings.window.min(2)].0;
    let mut rows: Vec<PairStat> = pairs
        .iter()
        .filter(|p| {
            !state.only_selected
                || (settings.selected.contains(&p.actor_a)
                    && settings.selected.contains(&p.actor_b))
        })
        .cloned()
        .collect();
    state.sort(&mut rows);
    if settings.selected.len() >= 2 {
        egui::CollapsingHeader::new("Matrix of the plotted actors (units with both)")
            .default_open(true)
            .show(ui, |ui| {
                if let Some(a) = matrix_ui(ui, &settings.selected, pairs, window) {
                    action = Some(a);
                }
            });
    }
    ui.label(format!(
        "{} pairs — click a pair to read its articles",
        rows.len()
    ));
    let max = |f: fn(&PairStat) -> f64| rows.iter().map(f).fold(f64::MIN_POSITIVE, f64::max);
    let (max_both, max_j, max_llr) = (max(|p| p.both as f64), max(|p| p.jaccard), max(|p| p.llr));
    TableBuilder::new(ui)
        .id_salt("pairs")
        .striped(true)
        .column(
            Column::initial(420.0)
                .at_least(200.0)
                .resizable(true)
                .clip(true),
        )
        .columns(Column::exact(84.0), 4)
        .header(22.0, |mut header| {
            for (label, col) in HEADERS {
                header.col(|ui| {
                    let arrow = match (state.sort == col, state.ascending) {
                        (true, true) => " ^",
                        (true, false) => " v",
                        _ => "",
                    };
                    if ui.button(format!("{label}{arrow}")).clicked() {
                        if state.sort == col {
                            state.ascending = !state.ascending;
                        } else {
                            state.sort = col;
                            state.ascending = false;
                        }
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
                            .on_hover_text("read the articles where both occur")
                            .clicked();
                        ui.weak(format!("{} · {}", p.name_a, p.name_b));
                    });
                });
                for (value, t) in [
                    (p.both.to_string(), p.both as f64 / max_both),
                    (format!("{:.3}", p.jaccard), p.jaccard / max_j),
                    (format!("{:.3}", p.npmi), p.npmi.max(0.0)),
                    (format!("{:.1}", p.llr), p.llr / max_llr),
                ] {
                    row.col(|ui| {
                        ui.painter().rect_filled(ui.max_rect(), 0.0, heat(t));
                        ui.strong(value);
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
    action
}

/// An actor-by-actor grid of the plotted actors.
fn matrix_ui(
    ui: &mut egui::Ui,
    selected: &[String],
    pairs: &[PairStat],
    window: super::analysis::Window,
) -> Option<Action> {
    let mut action = None;
    let both = |a: &str, b: &str| {
        pairs
            .iter()
            .find(|p| (p.actor_a == a && p.actor_b == b) || (p.actor_a == b && p.actor_b == a))
            .map_or(0, |p| p.both)
    };
    let max = pairs.iter().map(|p| p.both).max().unwrap_or(1).max(1) as f64;
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
