//! Network: actors as nodes (size = articles), pairs as edges (width = the chosen measure),
//! laid out by force (off the UI thread, with the query), pan and zoom, hover; a click on a
//! node plots it, a click on an edge lists the articles of the pair; a time slider shows the
//! network bin by bin with every node in its place.

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, Measure, Network};
use super::colors::actor_color;
use super::i18n::{lang, t, tw};
use super::jobs::Query;
use super::settings::{BINS, Settings, Tab, WINDOWS};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::i18n::{num, text};
use chrono::NaiveDate;
use std::sync::Arc;

/// The network of the whole filter and its bins.
#[derive(Debug, Clone, Default)]
pub struct NetData {
    /// The network of every article passing the filter, laid out.
    pub whole: Arc<Network>,
    /// The bins of the filter's dated articles.
    pub bins: Vec<NaiveDate>,
}

/// The network tab's state.
pub struct NetworkTab {
    /// Most nodes (the actors with most articles).
    pub max_nodes: usize,
    /// What an edge's width shows.
    pub measure: Measure,
    /// The bin shown (0 = the whole period, i = the i-th bin).
    pub bin: usize,
    query: Query<NetData>,
    bin_query: Query<Network>,
    scene: egui::Rect,
    /// The filter of the last request (what a click's articles are listed under).
    filter: analysis::Filter,
}

impl Default for NetworkTab {
    fn default() -> Self {
        NetworkTab {
            max_nodes: 60,
            measure: Measure::Both,
            bin: 0,
            query: Query::default(),
            bin_query: Query::default(),
            scene: egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(CANVAS, CANVAS)),
            filter: analysis::Filter::default(),
        }
    }
}

/// The canvas the layout is drawn on (scene units).
const CANVAS: f32 = 1000.0;

impl NetworkTab {
    /// The network as shown (the whole period or the chosen bin), and the bin's first day.
    pub fn shown(&self) -> Option<(Arc<Network>, Option<NaiveDate>)> {
        let d = self.query.value()?;
        match self.bin.checked_sub(1).and_then(|i| d.bins.get(i)) {
            None => Some((d.whole.clone(), None)),
            Some(start) => Some((self.bin_query.value()?, Some(*start))),
        }
    }
}

impl TabView for NetworkTab {
    fn id(&self) -> Tab {
        Tab::Network
    }

    fn title(&self) -> &'static str {
        "tab-network"
    }

    fn request(&mut self, settings: &Settings, env: &QueryEnv<'_>) {
        let window = WINDOWS[settings.window.min(2)].0;
        let bin = BINS[settings.bin.min(3)].0;
        let min_support = settings.min_support.max(1);
        let max_nodes = self.max_nodes;
        self.filter = env.filter.clone();
        let f = env.filter.clone();
        let key = format!(
            "{:?}",
            (
                "network",
                env.version,
                &f,
                window,
                bin,
                min_support,
                max_nodes
            )
        );
        self.query.request(&key, env.db, env.ctx, move |s| {
            Ok(NetData {
                whole: Arc::new(analysis::network(s, window, min_support, max_nodes, &f)?),
                bins: analysis::bins_of(s, bin, &f)?,
            })
        });
        self.query.poll();
        if self.bin == 0 {
            return;
        }
        let Some(data) = self.query.value() else {
            return;
        };
        let Some(&start) = data.bins.get(self.bin - 1) else {
            self.bin = 0;
            return;
        };
        let f = env.filter.clone();
        let key = format!("{:?}", ("network-bin", &key, start));
        self.bin_query.request(&key, env.db, env.ctx, move |s| {
            analysis::network_in_bin(s, &data.whole, window, 1, bin, start, &f)
        });
    }

    fn poll(&mut self) {
        self.query.poll();
        self.bin_query.poll();
    }

    fn invalidate(&mut self) {
        self.query.invalidate();
        self.bin_query.invalidate();
    }

    fn is_busy(&self) -> bool {
        self.query.is_running() || self.bin_query.is_running()
    }

    fn error(&self) -> Option<&str> {
        self.query.error().or(self.bin_query.error())
    }

    fn ui(
        &mut self,
        ui: &mut egui::Ui,
        settings: &mut Settings,
        shell: ShellView<'_>,
    ) -> Vec<Action> {
        let mut actions = Vec::new();
        let lang = lang(ui);
        let data = self.query.value();
        ui.horizontal_wrapped(|ui| {
            ui.label(t(ui, "toolbar-window"));
            for (i, (_, label)) in WINDOWS.iter().enumerate() {
                let label = t(ui, label);
                ui.selectable_value(&mut settings.window, i, label);
            }
            ui.label(t(ui, "toolbar-min-support"));
            ui.add(egui::DragValue::new(&mut settings.min_support).range(1..=1000));
            ui.label(t(ui, "network-nodes"));
            ui.add(egui::DragValue::new(&mut self.max_nodes).range(2..=500));
            ui.label(t(ui, "network-edges-by"));
            for m in Measure::ALL {
                let label = measure_name(ui, m);
                ui.selectable_value(&mut self.measure, m, label);
            }
            if ui.button(t(ui, "network-export-gexf")).clicked() {
                actions.push(Action::Export(ExportKind::Network));
            }
            if ui.button(t(ui, "toolbar-save-chart")).clicked() {
                actions.push(Action::Export(ExportKind::NetworkChart));
            }
            if self.is_busy() {
                ui.spinner();
            }
        });
        ui.horizontal_wrapped(|ui| {
            if let Some(d) = &data {
                ui.label(t(ui, "network-time"));
                let bins = d.bins.len();
                ui.add_enabled(
                    bins > 0,
                    egui::Slider::new(&mut self.bin, 0..=bins).show_value(false),
                );
                let bin_name = t(ui, BINS[settings.bin.min(3)].1);
                let shown = match self.bin.checked_sub(1).and_then(|i| d.bins.get(i)) {
                    None => t(ui, "network-whole-period"),
                    Some(start) => tw(
                        ui,
                        "network-bin-of",
                        &[
                            ("bin", text(bin_name.to_lowercase())),
                            ("start", text(crate::i18n::date_long(lang, *start))),
                        ],
                    ),
                };
                ui.strong(shown);
                ui.separator();
                for (i, (_, label)) in BINS.iter().enumerate() {
                    let label = t(ui, label);
                    ui.selectable_value(&mut settings.bin, i, label);
                }
            }
            actions.extend(super::timeline_view::date_range_ui(ui, settings));
        });
        let Some(d) = data else {
            ui.spinner();
            return actions;
        };
        let net: Arc<Network> = if self.bin == 0 {
            d.whole.clone()
        } else {
            match self.bin_query.value() {
                Some(n) => n,
                None => {
                    ui.spinner();
                    return actions;
                }
            }
        };
        if d.whole.nodes.is_empty() {
            ui.weak(t(ui, "network-empty"));
            return actions;
        }
        ui.weak(tw(
            ui,
            "network-summary",
            &[
                (
                    "nodes",
                    num(net.nodes.iter().filter(|n| n.articles > 0).count() as f64),
                ),
                ("edges", num(net.edges.len() as f64)),
                ("left", num(d.whole.nodes_left_out as f64)),
            ],
        ));
        let mut scene = self.scene;
        egui::Scene::new()
            .zoom_range(0.2..=8.0)
            .show(ui, &mut scene, |ui| {
                let window = WINDOWS[settings.window.min(2)].0;
                // A pair clicked in a bin lists that bin's articles of the pair.
                let within = self
                    .bin
                    .checked_sub(1)
                    .and_then(|i| d.bins.get(i))
                    .map(|start| {
                        let (from, to) =
                            analysis::bin_days(BINS[settings.bin.min(3)].0, *start, &self.filter);
                        analysis::Filter {
                            from: Some(from),
                            to: Some(to),
                            ..self.filter.clone()
                        }
                    });
                let drawn = draw(
                    ui,
                    &net,
                    self.measure,
                    window,
                    &settings.selected,
                    shell.names,
                );
                actions.extend(drawn.map(|a| match (a, &within) {
                    (Action::DrillDown(inner), Some(f)) => Action::DrillDown(DrillDown::Within {
                        filter: Box::new(f.clone()),
                        inner: Box::new(inner),
                    }),
                    (a, _) => a,
                }));
            });
        self.scene = scene;
        actions
    }
}

/// Where a layout position goes on the canvas.
fn place(p: (f32, f32)) -> egui::Pos2 {
    let m = 60.0;
    egui::pos2(
        m + (p.0 + 1.0) / 2.0 * (CANVAS - 2.0 * m),
        m + (p.1 + 1.0) / 2.0 * (CANVAS - 2.0 * m),
    )
}

/// A node's radius: its area follows its articles, the largest 30 units across.
fn radius(articles: u64, most: u64) -> f32 {
    4.0 + 26.0 * (articles as f32 / most.max(1) as f32).sqrt()
}

/// Distance from `p` to the segment `a`–`b`.
fn to_segment(p: egui::Pos2, a: egui::Pos2, b: egui::Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    (a + ab * t - p).length()
}

/// Draws the network; a click on a node plots it, on an edge lists its articles.
fn draw(
    ui: &mut egui::Ui,
    net: &Network,
    measure: Measure,
    window: analysis::Window,
    selected: &[String],
    names: Option<&analysis::ActorNames>,
) -> Option<Action> {
    let lang = lang(ui);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(CANVAS, CANVAS), egui::Sense::click());
    let painter = ui.painter_at(rect);
    let origin = rect.min.to_vec2();
    let at = |p: (f32, f32)| place(p) + origin;
    let index: std::collections::HashMap<&str, usize> = net
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.as_str(), i))
        .collect();
    // Each edge's two nodes, looked up once a frame.
    let ends: Vec<Option<(usize, usize)>> = net
        .edges
        .iter()
        .map(|e| {
            Some((
                *index.get(e.actor_a.as_str())?,
                *index.get(e.actor_b.as_str())?,
            ))
        })
        .collect();
    let max = net
        .edges
        .iter()
        .map(|e| measure.value(e))
        .fold(0.0f64, f64::max)
        .max(f64::MIN_POSITIVE);
    let most = net.nodes.iter().map(|n| n.articles).max().unwrap_or(1);
    let radius = |articles: u64| radius(articles, most);
    let pointer = response.hover_pos();
    let hovered_node = pointer.and_then(|p| {
        net.nodes
            .iter()
            .filter(|n| n.articles > 0)
            .find(|n| (at(n.pos) - p).length() <= radius(n.articles) + 2.0)
    });
    let hovered_edge = if hovered_node.is_some() {
        None
    } else {
        pointer.and_then(|p| {
            net.edges
                .iter()
                .zip(&ends)
                .filter_map(|(e, ends)| {
                    let (a, b) = ends.as_ref()?;
                    let d = to_segment(p, at(net.nodes[*a].pos), at(net.nodes[*b].pos));
                    (d <= 5.0).then_some((d, e))
                })
                .min_by(|x, y| x.0.total_cmp(&y.0))
                .map(|(_, e)| e)
        })
    };
    let text_color = ui.visuals().text_color();
    // Every edge as a quad of one mesh: thousands of separate line shapes cost more to
    // tessellate each frame than the 16 ms a frame has.
    let mut mesh = egui::Mesh::default();
    for (e, ends) in net.edges.iter().zip(&ends) {
        let Some((a, b)) = ends else {
            continue;
        };
        let v = (measure.value(e) / max).clamp(0.0, 1.0) as f32;
        let hot = hovered_edge.is_some_and(|h| std::ptr::eq(h, e))
            || hovered_node.is_some_and(|n| n.code == e.actor_a || n.code == e.actor_b);
        let alpha = if hot { 230 } else { (60.0 + 140.0 * v) as u8 };
        let color = egui::Color32::from_rgba_unmultiplied(150, 160, 190, alpha);
        let (p, q) = (at(net.nodes[*a].pos), at(net.nodes[*b].pos));
        let along = q - p;
        if along.length_sq() < 1e-6 {
            continue;
        }
        let half = (0.6 + 6.0 * v) / 2.0;
        let side = along.normalized().rot90() * half;
        let i = mesh.vertices.len() as u32;
        for corner in [p + side, p - side, q - side, q + side] {
            mesh.colored_vertex(corner, color);
        }
        mesh.add_triangle(i, i + 1, i + 2);
        mesh.add_triangle(i, i + 2, i + 3);
    }
    painter.add(egui::Shape::mesh(mesh));
    for n in &net.nodes {
        if n.articles == 0 {
            // Absent in this bin: its place stays, faint.
            painter.circle_stroke(
                at(n.pos),
                3.0,
                egui::Stroke::new(1.0, egui::Color32::from_gray(90)),
            );
            continue;
        }
        let r = radius(n.articles);
        let plotted = selected.contains(&n.code);
        if plotted {
            painter.circle(
                at(n.pos),
                r,
                actor_color(&n.code),
                egui::Stroke::new(2.5, text_color),
            );
        } else {
            painter.circle_filled(at(n.pos), r, actor_color(&n.code));
        }
        painter.text(
            at(n.pos) + egui::vec2(r + 3.0, 0.0),
            egui::Align2::LEFT_CENTER,
            &n.code,
            egui::FontId::proportional(13.0),
            text_color,
        );
    }
    if let Some(n) = hovered_node {
        let name = names.map_or(n.name.as_str(), |x| x.display(&n.code, &n.name, lang));
        response.clone().on_hover_text(tw(
            ui,
            "network-node-hint",
            &[
                ("actor", text(format!("{} {name}", n.code))),
                ("articles", num(n.articles as f64)),
            ],
        ));
        if response.clicked() {
            return Some(Action::ToggleActor(n.code.clone()));
        }
    } else if let Some(e) = hovered_edge {
        response.clone().on_hover_text(tw(
            ui,
            "network-edge-hint",
            &[
                ("a", text(e.actor_a.clone())),
                ("b", text(e.actor_b.clone())),
                ("value", text(measure.display(e))),
                ("measure", text(measure_name(ui, measure))),
            ],
        ));
        if response.clicked() {
            return Some(Action::DrillDown(DrillDown::Pair {
                actor_a: e.actor_a.clone(),
                actor_b: e.actor_b.clone(),
                window,
            }));
        }
    }
    None
}

/// A measure's name as the co-occurrence table writes it.
fn measure_name(ui: &egui::Ui, m: Measure) -> String {
    match m {
        Measure::Both => t(ui, "cooc-col-both"),
        m => m.header().to_string(),
    }
}
