//! The timeline: one line per plotted actor, counts or share per bin, spikes marked; a click
//! on a point lists the articles of that actor and bin.

use super::action::{Action, ExportKind};
use super::analysis::{self, DrillDown, Spike, Timeline};
use super::colors::actor_color;
use super::jobs::Query;
use super::settings::{BINS, Settings, Tab};
use super::tabs::{QueryEnv, ShellView, TabView};
use crate::store::{day_date, day_number};
use chrono::NaiveDate;
use egui_plot::{Legend, Line, MarkerShape, Plot, PlotPoints, Points};
use std::sync::Arc;

/// The timeline tab: its query and what the plot was last fitted to.
#[derive(Default)]
pub struct TimelineTab {
    query: Query<(Timeline, Vec<Spike>)>,
    /// The data (by address) and plot settings the view was fitted to; new data or a new
    /// setting fits the view to the data again.
    fitted: Option<(usize, bool, usize)>,
}

impl TimelineTab {
    /// The timeline as last computed.
    pub fn value(&self) -> Option<Arc<(Timeline, Vec<Spike>)>> {
        self.query.value()
    }
}

impl TabView for TimelineTab {
    fn id(&self) -> Tab {
        Tab::Timeline
    }

    fn title(&self) -> &'static str {
        "tab-timeline"
    }

    fn request(&mut self, settings: &Settings, env: &QueryEnv<'_>) {
        if settings.selected.is_empty() {
            return;
        }
        let (codes, bin) = (settings.selected.clone(), BINS[settings.bin.min(3)].0);
        let f = env.filter.clone();
        let key = format!("{:?}", ("timeline", env.version, &f, &codes, bin));
        self.query.request(&key, env.db, env.ctx, move |s| {
            let t = analysis::timeline(s, &codes, bin, &f)?;
            let spikes = analysis::spikes(&t, s, &f)?;
            Ok((t, spikes))
        });
    }

    fn poll(&mut self) {
        self.query.poll();
    }

    fn invalidate(&mut self) {
        self.query.invalidate();
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
        let data = self.query.value();
        let running = self.query.is_running();
        let fit = data.as_ref().map(|d| {
            (
                Arc::as_ptr(d) as usize,
                settings.share,
                settings.moving_average,
            )
        });
        let refit = fit.is_some() && fit != self.fitted;
        let actions = timeline_ui(ui, settings, data.as_deref(), running, refit, shell.names);
        if refit {
            self.fitted = fit;
        }
        actions
    }
}

/// A day typed as YYYY-MM-DD into `value` (empty: none). What is typed stays while it is
/// written (a half-typed date leaves `value` as it was); a value changed elsewhere (a saved
/// view opened, another database) shows at once.
pub fn date_field(
    ui: &mut egui::Ui,
    id_salt: impl std::hash::Hash + std::fmt::Debug,
    value: &mut Option<NaiveDate>,
    hint: &str,
) -> egui::Response {
    let id = ui.make_persistent_id(id_salt);
    let mut text = ui
        .data(|d| d.get_temp::<(String, Option<NaiveDate>)>(id))
        .filter(|(_, was)| was == value)
        .map_or_else(
            || value.map(|d| d.to_string()).unwrap_or_default(),
            |(t, _)| t,
        );
    let r = ui.add(
        egui::TextEdit::singleline(&mut text)
            .desired_width(92.0)
            .hint_text(hint),
    );
    if r.changed() {
        let t = text.trim();
        if t.is_empty() {
            *value = None;
        } else if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
            *value = Some(d);
        }
    }
    ui.data_mut(|d| d.insert_temp(id, (text, *value)));
    r
}

/// Draws the controls, the plot and the spikes; `refit` fits the view to the data.
fn timeline_ui(
    ui: &mut egui::Ui,
    settings: &mut Settings,
    data: Option<&(Timeline, Vec<Spike>)>,
    running: bool,
    refit: bool,
    names: Option<&super::analysis::ActorNames>,
) -> Vec<Action> {
    let mut actions = Vec::new();
    ui.horizontal_wrapped(|ui| {
        ui.label(settings.tr("toolbar-bin"));
        for (i, (_, label)) in BINS.iter().enumerate() {
            let label = settings.tr(label);
            ui.selectable_value(&mut settings.bin, i, label);
        }
        ui.separator();
        let (count, share) = (
            settings.tr("toolbar-show-count"),
            settings.tr("toolbar-show-share"),
        );
        ui.selectable_value(&mut settings.share, false, count);
        ui.selectable_value(&mut settings.share, true, share);
        ui.separator();
        // The label apart from the slider, so the toolbar can wrap between them.
        ui.label(settings.tr("toolbar-moving-average"))
            .on_hover_text(settings.tr("toolbar-moving-average-hint"));
        let suffix = format!(" {}", settings.tr("toolbar-moving-average-suffix"));
        ui.add(
            egui::DragValue::new(&mut settings.moving_average)
                .range(1..=12)
                .suffix(suffix),
        );
        ui.separator();
        actions.extend(date_range_ui(ui, settings));
        ui.separator();
        if ui.button(settings.tr("toolbar-save-chart")).clicked() {
            actions.push(Action::Export(ExportKind::TimelineChart));
        }
        if ui.button(settings.tr("toolbar-export-csv")).clicked() {
            actions.push(Action::Export(ExportKind::Timeline));
        }
        if running {
            ui.spinner();
        }
    });
    if settings.selected.is_empty() {
        ui.add_space(20.0);
        ui.label(settings.tr("timeline-empty-no-actors"));
        return actions;
    }
    let Some((timeline, spikes)) = data else {
        ui.spinner();
        return actions;
    };
    if timeline.series.iter().all(|s| s.points.is_empty()) {
        ui.add_space(20.0);
        ui.label(settings.tr("timeline-empty-no-data"));
        return actions;
    }
    if timeline.undated_articles > 0 {
        ui.label(settings.tr_with(
            "timeline-undated-notice",
            &[("count", crate::i18n::num(timeline.undated_articles as f64))],
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
    let series: Vec<(String, egui::Color32, Vec<[f64; 2]>)> = timeline
        .series
        .iter()
        .map(|s| {
            let xs = s.points.iter().map(|p| day_number(p.bin_start) as f64);
            let ys: Vec<f64> = s.points.iter().map(value).collect();
            let ys = if window > 1 {
                analysis::moving_average(&ys, window)
            } else {
                ys
            };
            let pts = xs.zip(ys).map(|(x, y)| [x, y]).collect();
            let name = names.map_or(s.actor_name.as_str(), |n| {
                n.display(&s.actor_code, &s.actor_name, settings.lang())
            });
            (
                format!("{} {}", s.actor_code, name),
                actor_color(&s.actor_code),
                pts,
            )
        })
        .collect();
    let spikes_height = if spikes.is_empty() {
        0.0
    } else {
        (ui.available_height() * 0.25).clamp(60.0, 160.0)
    };
    let lang = settings.lang();
    let mut plot = Plot::new("timeline")
        .legend(Legend::default())
        .x_axis_formatter(move |mark, _| mark_label_in(mark, lang))
        .y_axis_label(if share {
            settings.tr("timeline-axis-share")
        } else {
            settings.tr("timeline-axis-count")
        })
        .label_formatter(move |hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => {
                let date = bin.bin_start(day_date(position.x.round() as i64));
                let id = if share {
                    "timeline-hover-share"
                } else {
                    "timeline-hover-count"
                };
                let value = crate::i18n::decimal(lang, position.y, 1);
                Some(format!(
                    "{plot_name}\n{}\n{}",
                    bin_label(bin, date),
                    crate::i18n::tr_with(lang, id, &[("value", value)])
                ))
            }
            egui_plot::HoverPosition::Elsewhere { position } => {
                let date = bin.bin_start(day_date(position.x.round() as i64));
                Some(bin_label(bin, date))
            }
        })
        .x_grid_spacer(calendar_marks)
        .allow_scroll(false)
        // Time pans and zooms; the y axis always fits what is in view, from 0.
        .allow_drag([true, false])
        .allow_zoom([true, false])
        .allow_axis_zoom_drag([true, false])
        .allow_boxed_zoom(false)
        .height((ui.available_height() - spikes_height).max(150.0));
    if refit {
        plot = plot.reset();
    }
    // Spikes are marked in the text colour: no actor has it.
    let spike_color = ui.visuals().strong_text_color();
    let response = plot.show(ui, |plot_ui| {
        let (x_lo, x_hi) = {
            let b = plot_ui.plot_bounds();
            (b.min()[0], b.max()[0])
        };
        let mut top = 0.0f64;
        for (name, color, pts) in &series {
            for p in pts {
                if refit || (x_lo..=x_hi).contains(&p[0]) {
                    top = top.max(p[1]);
                }
            }
            plot_ui.line(
                Line::new(name.clone(), PlotPoints::from(pts.clone()))
                    .color(*color)
                    .width(2.0),
            );
            plot_ui.points(
                Points::new(name.clone(), PlotPoints::from(pts.clone()))
                    .color(*color)
                    .radius(2.5),
            );
        }
        plot_ui.set_plot_bounds_y(0.0..=y_top(top));
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
                Points::new(settings.tr("timeline-spike"), PlotPoints::from(marks))
                    .shape(MarkerShape::Diamond)
                    .filled(false)
                    .radius(7.0)
                    .color(spike_color),
            );
        }
    });
    if response.response.clicked()
        && let Some(pos) = response.response.interact_pointer_pos()
        && let Some((code, start)) = nearest_point(timeline, &response.transform, pos, &value)
    {
        actions.push(Action::DrillDown(DrillDown::ActorBin {
            actor_code: code,
            bin,
            bin_start: start,
        }));
    }
    if !spikes.is_empty() {
        ui.label(settings.tr_with(
            "timeline-spikes-heading",
            &[("count", crate::i18n::num(spikes.len() as f64))],
        ));
        egui::ScrollArea::vertical()
            .id_salt("spikes")
            .max_height(spikes_height - 20.0)
            .auto_shrink([false, true])
            .show(ui, |ui| {
                for sp in spikes {
                    let text = settings.tr_with(
                        "timeline-spike-row",
                        &[
                            ("bin", crate::i18n::text(bin_label(bin, sp.bin_start))),
                            ("actor", crate::i18n::text(sp.actor_code.clone())),
                            (
                                "percent",
                                crate::i18n::text(format!("{:.0}", sp.share * 100.0)),
                            ),
                            ("z", crate::i18n::decimal(settings.lang(), sp.z, 1)),
                            ("title", crate::i18n::text(sp.title.clone())),
                        ],
                    );
                    if ui.link(text).clicked() {
                        actions.extend(spike_actions(sp, bin));
                    }
                }
            });
    }
    actions
}

/// What a click on a spike does: list the articles of its actor and bin, and read the
/// article that stands for it (when one passes the filter).
pub fn spike_actions(sp: &Spike, bin: analysis::Bin) -> Vec<Action> {
    let mut actions = vec![Action::DrillDown(DrillDown::ActorBin {
        actor_code: sp.actor_code.clone(),
        bin,
        bin_start: sp.bin_start,
    })];
    if sp.article_id > 0 {
        actions.push(Action::OpenArticle(sp.article_id));
    }
    actions
}

/// The top of the y axis for a largest value `top`: a little headroom, never below 1.
fn y_top(top: f64) -> f64 {
    if top.is_finite() && top > 0.0 {
        top * 1.08
    } else {
        1.0
    }
}

/// A level of calendar marks: its typical length in days and what it counts.
#[derive(Clone, Copy)]
enum Unit {
    Day,
    Week,
    Months(u32),
    Years(i32),
}

const LEVELS: [(f64, Unit); 12] = [
    (1.0, Unit::Day),
    (7.0, Unit::Week),
    (30.44, Unit::Months(1)),
    (91.31, Unit::Months(3)),
    (182.6, Unit::Months(6)),
    (365.25, Unit::Years(1)),
    (730.5, Unit::Years(2)),
    (1826.25, Unit::Years(5)),
    (3652.5, Unit::Years(10)),
    (7305.0, Unit::Years(20)),
    (18262.5, Unit::Years(50)),
    (36525.0, Unit::Years(100)),
];

/// Grid marks on calendar dates for any span: days, weeks, months, quarters, years, decades,
/// each mark with the length of its level so the axis labels the coarsest levels that fit.
pub fn calendar_marks(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let (lo, hi) = input.bounds;
    // Day numbers of the years 1000 to 3000, the dates a corpus can hold.
    if !(lo.is_finite() && hi.is_finite()) || hi <= lo || lo < -400_000.0 || hi > 400_000.0 {
        return Vec::new();
    }
    let first = LEVELS
        .iter()
        .position(|l| l.0 >= input.base_step_size)
        .unwrap_or(LEVELS.len() - 1);
    let mut out = Vec::new();
    for &(step, unit) in &LEVELS[first..] {
        push_level(&mut out, unit, step, lo, hi);
        // This level's marks are at least 15 minimal steps (~120 px) apart: labels fit.
        if step >= input.base_step_size * 15.0 {
            break;
        }
    }
    out.sort_by(|a, b| {
        a.value
            .total_cmp(&b.value)
            .then(b.step_size.total_cmp(&a.step_size))
    });
    // One mark per date, of its coarsest level (1 January is a year mark).
    out.dedup_by(|later, kept| later.value == kept.value);
    out
}

fn push_level(out: &mut Vec<egui_plot::GridMark>, unit: Unit, step: f64, lo: f64, hi: f64) {
    use chrono::Datelike;
    let mut push = |d: NaiveDate| {
        let x = day_number(d) as f64;
        if (lo..=hi).contains(&x) {
            out.push(egui_plot::GridMark {
                value: x,
                step_size: step,
            });
        }
    };
    let start = day_date(lo.floor() as i64);
    let end = hi.ceil() as i64;
    match unit {
        Unit::Day => {
            for d in lo.ceil() as i64..=end {
                push(day_date(d));
            }
        }
        Unit::Week | Unit::Months(_) => {
            let n = match unit {
                Unit::Months(n) => n,
                _ => 1,
            };
            let Some(mut month) =
                NaiveDate::from_ymd_opt(start.year(), start.month0() / n * n + 1, 1)
            else {
                return;
            };
            while day_number(month) <= end {
                if matches!(unit, Unit::Week) {
                    // Days 1, 8, 15 and 22: never next to a month's first day.
                    for day in [1, 8, 15, 22] {
                        push(month.with_day(day).unwrap_or(month));
                    }
                } else {
                    push(month);
                }
                match month.checked_add_months(chrono::Months::new(n)) {
                    Some(next) => month = next,
                    None => break,
                }
            }
        }
        Unit::Years(n) => {
            let mut year = start.year().div_euclid(n) * n;
            while let Some(d) = NaiveDate::from_ymd_opt(year, 1, 1) {
                if day_number(d) > end {
                    break;
                }
                push(d);
                year += n;
            }
        }
    }
}

/// An axis label for a calendar mark, as precise as its level, with the month names of
/// `lang` ("Agu 2016").
pub fn mark_label_in(mark: egui_plot::GridMark, lang: crate::i18n::Lang) -> String {
    use chrono::Datelike;
    let date = day_date(mark.value.round() as i64);
    if mark.step_size >= 365.0 {
        date.format("%Y").to_string()
    } else if mark.step_size >= 28.0 {
        format!(
            "{} {}",
            crate::i18n::month_short(lang, date.month()),
            date.year()
        )
    } else {
        date.format("%Y-%m-%d").to_string()
    }
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

/// From/To fields (YYYY-MM-DD; empty = open), and the counting switches: stories or
/// articles, places for their country or not (a database setting: switching it re-tags).
pub fn date_range_ui(ui: &mut egui::Ui, settings: &mut Settings) -> Option<Action> {
    let (from, to) = (settings.tr("toolbar-from"), settings.tr("toolbar-to"));
    let lang = settings.lang();
    for (label, value) in [("From", &mut settings.from), ("To", &mut settings.to)] {
        ui.label(if label == "From" { &from } else { &to });
        date_field(ui, ("date_range", label), value, "YYYY-MM-DD");
    }
    let t = |id: &str| crate::i18n::tr(lang, id);
    ui.checkbox(&mut settings.count_stories, t("toolbar-count-stories"))
        .on_hover_text(t("toolbar-count-stories-hint"));
    ui.label(t("toolbar-named-in"))
        .on_hover_text(t("toolbar-named-in-hint"));
    for (i, label) in [
        "toolbar-named-in-anywhere",
        "toolbar-named-in-lead",
        "toolbar-named-in-headline",
    ]
    .into_iter()
    .enumerate()
    {
        ui.selectable_value(&mut settings.named_in, i, t(label));
    }
    let mut places = settings.places?;
    ui.checkbox(&mut places, t("toolbar-count-places"))
        .on_hover_text(t("toolbar-count-places-hint"))
        .changed()
        .then_some(Action::SetIncludePlaces(places))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(lo: NaiveDate, hi: NaiveDate, pixels: f64) -> Vec<String> {
        let (lo, hi) = (day_number(lo) as f64, day_number(hi) as f64);
        // egui_plot asks for marks with the span of 8 pixels as the base step and draws a
        // label where the mark's step spans at least 60 pixels.
        let per_pixel = (hi - lo) / pixels;
        calendar_marks(egui_plot::GridInput {
            bounds: (lo, hi),
            base_step_size: 8.0 * per_pixel,
        })
        .into_iter()
        .filter(|m| m.step_size / per_pixel >= 60.0)
        .map(|m| mark_label_in(m, crate::i18n::Lang::En))
        .collect()
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn date_labels_at_every_span() {
        // 1987 to 2019 on 1000 pixels: labelled decades or five-year steps.
        let long = labels(date(1987, 1, 1), date(2019, 12, 31), 1000.0);
        assert!(long.len() >= 3, "{long:?}");
        assert!(long.contains(&"2000".to_string()), "{long:?}");
        // One year: months.
        let year = labels(date(2020, 1, 1), date(2020, 12, 31), 1000.0);
        assert!(
            year.len() >= 4 && year.iter().all(|l| l.contains("2020")),
            "{year:?}"
        );
        assert!(year.iter().any(|l| l.starts_with("Jul")), "{year:?}");
        // Two weeks: days.
        let days = labels(date(2020, 3, 1), date(2020, 3, 14), 1000.0);
        assert!(days.len() >= 3, "{days:?}");
        // Every span from a day to a century has labels.
        for span in [1, 3, 10, 40, 100, 400, 1000, 3000, 12000, 36500] {
            let lo = date(1990, 6, 1);
            let hi = lo + chrono::Duration::days(span);
            for px in [400.0, 900.0, 1600.0] {
                let l = labels(lo, hi, px);
                assert!(!l.is_empty(), "{span} days on {px} px");
            }
        }
    }

    #[test]
    fn y_axis_starts_at_zero_with_room() {
        assert_eq!(y_top(0.0), 1.0);
        assert_eq!(y_top(f64::NAN), 1.0);
        assert!(y_top(50.0) > 50.0);
    }

    #[test]
    fn a_spike_lists_its_bin_and_opens_its_article() {
        let sp = Spike {
            actor_code: "RUS".into(),
            bin_start: date(2020, 3, 1),
            article_id: 7,
            ..Default::default()
        };
        let actions = spike_actions(&sp, analysis::Bin::Month);
        assert_eq!(
            actions[0],
            Action::DrillDown(DrillDown::ActorBin {
                actor_code: "RUS".into(),
                bin: analysis::Bin::Month,
                bin_start: date(2020, 3, 1),
            })
        );
        assert_eq!(actions[1], Action::OpenArticle(7));
        let none = Spike {
            article_id: 0,
            ..sp
        };
        assert_eq!(spike_actions(&none, analysis::Bin::Month).len(), 1);
    }
}
