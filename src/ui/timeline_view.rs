//! The timeline: one line per plotted actor, counts or share per bin, spikes marked; a click
//! on a point lists the articles of that actor and bin.

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, Spike, Timeline};
use super::app::{BINS, Settings};
use super::colors::actor_color;
use crate::store::{day_date, day_number};
use chrono::NaiveDate;
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoints, Points};

/// Draws the controls and the plot.
pub fn timeline_ui(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    data: Option<&(Timeline, Vec<Spike>)>,
    running: bool,
) -> Option<Action> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label("Bin:");
        for (i, (_, label)) in BINS.iter().enumerate() {
            ui.selectable_value(&mut settings.bin, i, *label);
        }
        ui.separator();
        ui.selectable_value(&mut settings.share, false, "Articles");
        ui.selectable_value(&mut settings.share, true, "Share of articles");
        ui.separator();
        ui.add(
            egui::Slider::new(&mut settings.moving_average, 1..=12).text("moving average (bins)"),
        );
        ui.separator();
        date_range_ui(ui, settings);
        ui.separator();
        if ui.button("Export CSV…").clicked() {
            action = Some(Action::Export(ExportKind::Timeline));
        }
        if running {
            ui.spinner();
        }
    });
    if settings.selected.is_empty() {
        ui.add_space(20.0);
        ui.label("Tick actors in the list on the left to plot them.");
        return action;
    }
    let Some((timeline, spikes)) = data else {
        ui.spinner();
        return action;
    };
    if timeline.series.iter().all(|s| s.points.is_empty()) {
        ui.add_space(20.0);
        ui.label("No dated articles yet: import some with File > Import, or drop files here.");
        return action;
    }
    if timeline.undated_articles > 0 {
        ui.label(format!(
            "{} {} of these actors {} no date and {} not plotted (tick 'Undated only' in the Articles tab to date them).",
            timeline.undated_articles,
            if timeline.undated_articles == 1 { "article" } else { "articles" },
            if timeline.undated_articles == 1 { "has" } else { "have" },
            if timeline.undated_articles == 1 { "is" } else { "are" },
        ));
    }
    let share = settings.share;
    let bin = timeline.bin;
    let value = move |p: &analysis::TimelinePoint| {
        if share {
            p.share * 100.0
        } else {
            p.articles as f64
        }
    };
    let window = settings.moving_average.max(1);
    let plot = Plot::new("timeline")
        .legend(Legend::default())
        .x_axis_formatter(move |mark, _| bin_label(bin, day_date(mark.value.round() as i64)))
        .y_axis_label(if share { "% of articles" } else { "articles" })
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let date = bin.bin_start(day_date(position.x.round() as i64));
                let unit = if share { "% of articles" } else { " articles" };
                Some(format!(
                    "{plot_name}\n{}\n{:.1}{unit}",
                    bin_label(bin, date),
                    position.y
                ))
            }
            egui_plot::HoverPosition::Elsewhere { position } => {
                let date = bin.bin_start(day_date(position.x.round() as i64));
                Some(bin_label(bin, date))
            }
        })
        .x_grid_spacer(calendar_marks)
        .allow_scroll(false)
        .height((ui.available_height() - if spikes.is_empty() { 0.0 } else { 28.0 }).max(150.0));
    let response = plot.show(ui, |plot_ui| {
        for s in &timeline.series {
            let color = actor_color(&s.actor_code);
            let xs: Vec<f64> = s
                .points
                .iter()
                .map(|p| day_number(p.bin_start) as f64)
                .collect();
            let ys: Vec<f64> = s.points.iter().map(value).collect();
            let ys = if window > 1 {
                analysis::moving_average(&ys, window)
            } else {
                ys
            };
            let pts: Vec<[f64; 2]> = xs.iter().zip(&ys).map(|(x, y)| [*x, *y]).collect();
            let name = format!("{} {}", s.actor_code, s.actor_name);
            plot_ui.line(
                Line::new(name.clone(), PlotPoints::from(pts.clone()))
                    .color(color)
                    .width(2.0),
            );
            plot_ui.points(
                Points::new(name, PlotPoints::from(pts))
                    .color(color)
                    .radius(2.5),
            );
        }
        let marks: Vec<[f64; 2]> = spikes
            .iter()
            .filter_map(|sp| {
                let s = timeline
                    .series
                    .iter()
                    .find(|s| s.actor_code == sp.actor_code)?;
                let p = s.points.iter().find(|p| p.bin_start == sp.bin_start)?;
                Some([day_number(sp.bin_start) as f64, value(p)])
            })
            .collect();
        if !marks.is_empty() {
            plot_ui.points(
                Points::new("spike", PlotPoints::from(marks))
                    .shape(MarkerShape::Diamond)
                    .filled(false)
                    .radius(7.0)
                    .color(egui::Color32::from_rgb(230, 60, 60)),
            );
        }
    });
    if response.response.clicked()
        && let Some(pos) = response.response.interact_pointer_pos()
    {
        action = nearest_point(timeline, &response.transform, pos, &value).map(|(code, start)| {
            Action::DrillDown(DrillDown::ActorBin {
                actor_code: code,
                bin,
                bin_start: start,
            })
        });
    }
    if !spikes.is_empty() {
        ui.collapsing(format!("Spikes ({})", spikes.len()), |ui| {
            for sp in spikes {
                let text = format!(
                    "{} {} — {:.0}% of articles (z = {:.1}): {}",
                    sp.bin_start,
                    sp.actor_code,
                    sp.share * 100.0,
                    sp.z,
                    sp.title
                );
                if ui.link(text).clicked() {
                    action = Some(Action::OpenArticle(sp.article_id));
                }
            }
        });
    }
    action
}

/// Grid lines on month starts (thicker on years), so labels sit on the points of month bins.
fn calendar_marks(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    use chrono::Datelike;
    let (lo, hi) = input.bounds;
    if !(hi - lo).is_finite() || hi <= lo || hi - lo > 365.0 * 200.0 {
        return Vec::new();
    }
    let start = day_date(lo.floor() as i64);
    let mut month = NaiveDate::from_ymd_opt(start.year(), start.month(), 1).unwrap_or(start);
    // Skip months when they would be closer than the recommended minimum step.
    let every = ((input.base_step_size / 30.0).ceil() as u32).clamp(1, 12);
    let every = [1, 2, 3, 6, 12]
        .into_iter()
        .find(|&m| m >= every)
        .unwrap_or(12);
    let mut marks = Vec::new();
    while (day_number(month) as f64) <= hi {
        let x = day_number(month) as f64;
        if x >= lo && (month.month() - 1).is_multiple_of(every) {
            let step = match month.month() {
                1 => 365.0,
                4 | 7 | 10 => 91.0,
                _ => 30.0 * every as f64,
            };
            marks.push(egui_plot::GridMark {
                value: x,
                step_size: step,
            });
        }
        match month.checked_add_months(chrono::Months::new(1)) {
            Some(next) => month = next,
            None => break,
        }
    }
    marks
}

/// A bin as people write it: 2017-03-05, 2017-03, 2017.
fn bin_label(bin: analysis::Bin, date: NaiveDate) -> String {
    match bin {
        analysis::Bin::Day | analysis::Bin::Week => date.format("%Y-%m-%d").to_string(),
        analysis::Bin::Month => date.format("%Y-%m").to_string(),
        analysis::Bin::Year => date.format("%Y").to_string(),
    }
}

/// The point nearest to a click, within 20 pixels.
fn nearest_point(
    timeline: &Timeline,
    transform: &egui_plot::PlotTransform,
    pos: egui::Pos2,
    value: &dyn Fn(&analysis::TimelinePoint) -> f64,
) -> Option<(String, NaiveDate)> {
    let mut best: Option<(f32, String, NaiveDate)> = None;
    for s in &timeline.series {
        for p in &s.points {
            let screen = transform.position_from_point(&egui_plot::PlotPoint::new(
                day_number(p.bin_start) as f64,
                value(p),
            ));
            let d = screen.distance(pos);
            if d < 20.0 && best.as_ref().is_none_or(|b| d < b.0) {
                best = Some((d, s.actor_code.clone(), p.bin_start));
            }
        }
    }
    best.map(|(_, code, start)| (code, start))
}

/// From/To fields (YYYY-MM-DD); empty = open.
pub fn date_range_ui(ui: &mut egui::Ui, settings: &mut Settings) {
    for (label, value) in [("From", &mut settings.from), ("To", &mut settings.to)] {
        ui.label(label);
        let id = ui.make_persistent_id(("date_range", label));
        let mut text = ui
            .data(|d| d.get_temp::<String>(id))
            .unwrap_or_else(|| value.map(|d| d.to_string()).unwrap_or_default());
        let r = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(80.0)
                .hint_text("YYYY-MM-DD"),
        );
        if r.changed() {
            let t = text.trim();
            if t.is_empty() {
                *value = None;
            } else if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
                *value = Some(d);
            }
        }
        ui.data_mut(|d| d.insert_temp(id, text));
    }
}
