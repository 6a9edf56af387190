//! Outlets × actors: a heat map of which outlets cover which actors (the share of each
//! outlet's articles, or the articles), the outlets with most articles down the side, the
//! actors with most articles across; a click on a cell lists that outlet's articles of that
//! actor.

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, OutletActor, OutletMatrix};
use super::colors::heat;
use super::i18n::{lang, t, tw};
use super::jobs::Query;
use super::settings::{Settings, Tab};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::i18n::{decimal, num, text};
use std::sync::Arc;

/// The matrix drawn, with the rows and limits it was made from.
type MatrixCache = (Arc<Vec<OutletActor>>, usize, usize, Arc<OutletMatrix>);

/// The outlets tab: how much it shows, its query and the matrix as drawn.
pub struct OutletsTab {
    /// Outlets shown (the rest are counted under the map).
    pub max_sources: usize,
    /// Actors shown.
    pub max_actors: usize,
    /// Colour by the share of the outlet's articles (else by articles).
    pub by_share: bool,
    query: Query<Vec<OutletActor>>,
    matrix: Option<MatrixCache>,
}

impl Default for OutletsTab {
    fn default() -> Self {
        OutletsTab {
            max_sources: 20,
            max_actors: 20,
            by_share: true,
            query: Query::default(),
            matrix: None,
        }
    }
}

impl OutletsTab {
    /// The matrix as drawn for the current limits (for saving it as a chart).
    pub fn matrix_now(&self) -> Option<OutletMatrix> {
        let rows = self.query.value()?;
        Some(analysis::outlet_matrix(
            &rows,
            self.max_sources,
            self.max_actors,
        ))
    }

    /// Every (outlet, actor) row of the current filter, as last computed.
    pub fn rows(&self) -> Option<Arc<Vec<OutletActor>>> {
        self.query.value()
    }

    /// The matrix drawn for the rows and the current limits (cached).
    fn matrix(&mut self) -> Option<Arc<OutletMatrix>> {
        let rows = self.query.value()?;
        // The rows themselves are kept with the matrix: a freed address could be reused.
        if let Some((r, s, a, m)) = &self.matrix
            && Arc::ptr_eq(r, &rows)
            && (*s, *a) == (self.max_sources, self.max_actors)
        {
            return Some(m.clone());
        }
        let m = Arc::new(analysis::outlet_matrix(
            &rows,
            self.max_sources,
            self.max_actors,
        ));
        self.matrix = Some((rows, self.max_sources, self.max_actors, m.clone()));
        Some(m)
    }
}

impl TabView for OutletsTab {
    fn id(&self) -> Tab {
        Tab::Outlets
    }

    fn title(&self) -> &'static str {
        "tab-outlets"
    }

    fn request(&mut self, _settings: &Settings, env: &QueryEnv<'_>) {
        let f = env.filter.clone();
        let key = format!("{:?}", ("outlets", env.version, &f));
        self.query
            .request(&key, env.db, env.ctx, move |s| analysis::outlets(s, &f));
    }

    fn poll(&mut self) {
        self.query.poll();
    }

    fn invalidate(&mut self) {
        self.query.invalidate();
        self.matrix = None;
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
        let mut actions = Vec::new();
        let running = self.query.is_running();
        ui.horizontal_wrapped(|ui| {
            ui.label(t(ui, "outlets-sources-shown"));
            ui.add(egui::DragValue::new(&mut self.max_sources).range(2..=200));
            ui.label(t(ui, "outlets-actors-shown"));
            ui.add(egui::DragValue::new(&mut self.max_actors).range(2..=200));
            ui.separator();
            ui.label(t(ui, "outlets-colour-by"));
            let (share, articles) = (t(ui, "outlets-by-share"), t(ui, "outlets-by-articles"));
            ui.selectable_value(&mut self.by_share, true, share);
            ui.selectable_value(&mut self.by_share, false, articles);
            ui.separator();
            actions.extend(super::timeline_view::date_range_ui(ui, settings));
            if ui.button(t(ui, "toolbar-export-table")).clicked() {
                actions.push(Action::Export(ExportKind::Outlets));
            }
            if ui.button(t(ui, "toolbar-save-chart")).clicked() {
                actions.push(Action::Export(ExportKind::OutletsChart));
            }
            if running {
                ui.spinner();
            }
        });
        let Some(m) = self.matrix() else {
            ui.spinner();
            return actions;
        };
        if m.sources.is_empty() {
            ui.weak(t(ui, "outlets-empty"));
            return actions;
        }
        if m.more_sources > 0 || m.more_actors > 0 {
            ui.weak(tw(
                ui,
                "outlets-more",
                &[
                    ("sources", num(m.more_sources as f64)),
                    ("actors", num(m.more_actors as f64)),
                ],
            ));
        }
        egui::ScrollArea::both()
            .id_salt("outlets_map")
            .show(ui, |ui| {
                actions.extend(heat_map_ui(ui, &m, self.by_share, shell.names));
            });
        actions
    }
}

/// Draws the matrix; a click on a cell lists its articles.
fn heat_map_ui(
    ui: &mut egui::Ui,
    m: &OutletMatrix,
    by_share: bool,
    names: Option<&analysis::ActorNames>,
) -> Option<Action> {
    let lang = lang(ui);
    let font = egui::FontId::proportional(12.0);
    let color = ui.visuals().text_color();
    let cell = egui::vec2(46.0, 22.0);
    let no_source = t(ui, "reader-no-source");
    let label_of = |(s, n): &(String, u64)| {
        let s = if s.is_empty() {
            no_source.clone()
        } else {
            s.clone()
        };
        format!("{s} ({})", crate::i18n::integer(lang, *n as i64))
    };
    let left = m
        .sources
        .iter()
        .map(|s| {
            ui.painter()
                .layout_no_wrap(label_of(s), font.clone(), color)
                .size()
                .x
        })
        .fold(80.0f32, f32::max)
        + 8.0;
    let top = m
        .actors
        .iter()
        .map(|(c, _)| {
            ui.painter()
                .layout_no_wrap(c.clone(), font.clone(), color)
                .size()
                .x
        })
        .fold(30.0f32, f32::max)
        * std::f32::consts::FRAC_1_SQRT_2
        + 16.0;
    let size = egui::vec2(
        left + cell.x * m.actors.len() as f32 + 60.0,
        top + cell.y * m.sources.len() as f32,
    );
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::click());
    let painter = ui.painter_at(rect);
    let origin = rect.min + egui::vec2(left, top);
    // Actor codes, slanted above their columns.
    for (j, (code, _)) in m.actors.iter().enumerate() {
        let galley = ui
            .painter()
            .layout_no_wrap(code.clone(), font.clone(), color);
        // Rotated about its top left corner: start low enough that the text ends above the
        // column's first cell.
        let h = galley.size().y;
        let at = origin + egui::vec2(cell.x * j as f32 + cell.x * 0.3, -h * 0.9);
        painter.add(
            egui::epaint::TextShape::new(at, galley, color)
                .with_angle(-std::f32::consts::FRAC_PI_4),
        );
    }
    let max = m
        .cells
        .iter()
        .flatten()
        .map(|&(n, s)| if by_share { s } else { n as f64 })
        .fold(0.0f64, f64::max)
        .max(f64::MIN_POSITIVE);
    for (i, source) in m.sources.iter().enumerate() {
        let y = origin.y + cell.y * i as f32;
        painter.text(
            egui::pos2(rect.min.x, y + cell.y / 2.0),
            egui::Align2::LEFT_CENTER,
            label_of(source),
            font.clone(),
            color,
        );
        for (j, &(n, share)) in m.cells[i].iter().enumerate() {
            let r = egui::Rect::from_min_size(
                egui::pos2(origin.x + cell.x * j as f32, y),
                cell - egui::vec2(2.0, 2.0),
            );
            let value = if by_share { share } else { n as f64 };
            painter.rect_filled(r, 2.0, heat(value / max));
            if n > 0 {
                let shown = if by_share {
                    format!("{}%", decimal_text(lang, share * 100.0))
                } else {
                    crate::i18n::integer(lang, n as i64)
                };
                painter.text(
                    r.center(),
                    egui::Align2::CENTER_CENTER,
                    shown,
                    egui::FontId::proportional(11.0),
                    color,
                );
            }
        }
    }
    let hovered = response.hover_pos().and_then(|p| {
        let v = (p - origin) / cell;
        (v.x >= 0.0 && v.y >= 0.0).then_some((v.y as usize, v.x as usize))
    });
    let cell_at = |(i, j): (usize, usize)| -> Option<(usize, usize, u64, f64)> {
        let &(n, s) = m.cells.get(i)?.get(j)?;
        Some((i, j, n, s))
    };
    let hit = hovered.and_then(cell_at);
    if let Some((i, j, n, s)) = hit {
        let (code, name) = &m.actors[j];
        let shown_name = names.map_or(name.as_str(), |x| x.display(code, name, lang));
        response.clone().on_hover_text(tw(
            ui,
            "outlets-cell-hint",
            &[
                ("source", text(label_of(&m.sources[i]))),
                ("actor", text(format!("{code} {shown_name}"))),
                ("articles", num(n as f64)),
                ("total", num(m.sources[i].1 as f64)),
                ("share", decimal(lang, s * 100.0, 1)),
            ],
        ));
    }
    if response.clicked()
        && let Some((i, j, n, _)) = hit
        && n > 0
    {
        return Some(Action::DrillDown(DrillDown::OutletActor {
            source: m.sources[i].0.clone(),
            actor_code: m.actors[j].0.clone(),
        }));
    }
    None
}

/// One decimal in the language's form ("9,2" / "9.2").
fn decimal_text(lang: crate::i18n::Lang, x: f64) -> String {
    crate::i18n::tr_with(lang, "common-decimal", &[("x", decimal(lang, x, 1))])
}
