//! Charts for reports, drawn without a window (plotters): the timeline, the comparison's
//! diverging bars and the outlets × actors heat map, as SVG or PNG, each with a title, a
//! legend or key, axis labels and a source line (database, filter, date). The window saves the
//! charts it shows through the same functions.
//!
//! Text is drawn with the Ubuntu Light font that egui bundles (`epaint_default_fonts`), so a
//! chart looks the same on every machine and needs no system font.

use super::ExportError;
use super::provenance::Provenance;
use crate::analysis::{ActorChange, OutletMatrix, Timeline};
use plotters::coord::Shift;
use plotters::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

/// The forms a chart is saved in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartFormat {
    /// Scalable vector graphics (text stays text).
    Svg,
    /// A PNG image.
    Png,
}

impl ChartFormat {
    /// PNG for a `.png` file, else SVG.
    pub fn of_path(path: &Path) -> ChartFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("png") => ChartFormat::Png,
            _ => ChartFormat::Svg,
        }
    }
}

/// The words of a chart: its title, axis labels and source line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ChartText {
    /// The title.
    pub title: String,
    /// The x axis's label.
    pub x_label: String,
    /// The y axis's label.
    pub y_label: String,
    /// The line at the bottom: where the numbers come from.
    pub source: String,
    /// The key's entries where a chart has one of its own (the comparison: rose, fell).
    pub legend: Vec<String>,
}

/// "Source: pantau 0.1.0 · news.db (1,234 articles) · filter … · counting articles ·
/// 2026-12-01": the source line of a chart from its provenance, in `lang`.
pub fn source_line(p: &Provenance, lang: crate::i18n::Lang) -> String {
    let db = Path::new(&p.database)
        .file_name()
        .map_or_else(|| p.database.clone(), |n| n.to_string_lossy().into_owned());
    let mut filter: Vec<String> = p.filter.iter().map(|(k, v)| format!("{k}={v}")).collect();
    filter.extend(p.parameters.iter().map(|(k, v)| format!("{k}={v}")));
    let t = |id: &str| crate::i18n::tr(lang, id);
    crate::i18n::tr_with(
        lang,
        "chart-source",
        &[
            ("version", crate::i18n::text(p.pantau_version.clone())),
            ("database", crate::i18n::text(db)),
            ("articles", crate::i18n::num(p.database_articles as f64)),
            (
                "filter",
                crate::i18n::text(if filter.is_empty() {
                    t("chart-no-filter")
                } else {
                    filter.join(", ")
                }),
            ),
            (
                "counting",
                crate::i18n::text(t(if p.counting == "stories" {
                    "chart-counting-stories"
                } else {
                    "chart-counting-articles"
                })),
            ),
            (
                "date",
                crate::i18n::text(p.created_at.get(..10).unwrap_or(&p.created_at).to_string()),
            ),
        ],
    )
}

fn font() -> &'static str {
    static REGISTERED: OnceLock<bool> = OnceLock::new();
    REGISTERED.get_or_init(|| {
        plotters::style::register_font(
            "sans-serif",
            FontStyle::Normal,
            epaint_default_fonts::UBUNTU_LIGHT,
        )
        .is_ok()
    });
    "sans-serif"
}

fn err(e: impl std::fmt::Display) -> ExportError {
    ExportError::Write(std::io::Error::other(format!("cannot draw the chart: {e}")))
}

/// The colours of the series (Tableau 10).
const PALETTE: [RGBColor; 10] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
    RGBColor(227, 119, 194),
    RGBColor(127, 127, 127),
    RGBColor(188, 189, 34),
    RGBColor(23, 190, 207),
];

/// Draws `draw` on an SVG or PNG of `size` at `path`.
macro_rules! render {
    ($path:expr, $size:expr, $draw:expr) => {{
        let (path, size): (&Path, (u32, u32)) = ($path, $size);
        match ChartFormat::of_path(path) {
            ChartFormat::Svg => {
                let root = SVGBackend::new(path, size).into_drawing_area();
                $draw(&root)?;
                root.present().map_err(err)?;
            }
            ChartFormat::Png => {
                let mut buf = vec![0u8; size.0 as usize * size.1 as usize * 3];
                {
                    let root = BitMapBackend::with_buffer(&mut buf, size).into_drawing_area();
                    $draw(&root)?;
                    root.present().map_err(err)?;
                }
                write_png(path, &buf, size)?;
            }
        }
        Ok(())
    }};
}

fn write_png(path: &Path, rgb: &[u8], (w, h): (u32, u32)) -> Result<(), ExportError> {
    let file = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut encoder = png::Encoder::new(file, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(err)?;
    writer.write_image_data(rgb).map_err(err)?;
    writer.finish().map_err(err)?;
    Ok(())
}

/// The frame every chart shares: white, the title on top, the source line at the bottom;
/// returns the area left for the chart.
fn frame<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    text: &ChartText,
) -> Result<DrawingArea<DB, Shift>, ExportError> {
    root.fill(&WHITE).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    let f = font();
    root.draw(&Text::new(
        text.source.clone(),
        (12, h as i32 - 22),
        (f, 13).into_font().color(&RGBColor(90, 90, 90)),
    ))
    .map_err(err)?;
    let body = root.margin(0, 30, 0, 0);
    let body = body.titled(&text.title, (f, 24)).map_err(err)?;
    let _ = w;
    Ok(body)
}

/// The timeline: one line per actor (articles, or their share of the bin's articles), the
/// legend top right.
pub fn timeline_chart(
    t: &Timeline,
    share: bool,
    text: &ChartText,
    path: &Path,
    size: (u32, u32),
) -> Result<(), ExportError> {
    render!(path, size, |root| draw_timeline(root, t, share, text))
}

fn draw_timeline<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    t: &Timeline,
    share: bool,
    text: &ChartText,
) -> Result<(), ExportError> {
    let body = frame(root, text)?;
    let f = font();
    let bins: Vec<chrono::NaiveDate> = t
        .series
        .first()
        .map(|s| s.points.iter().map(|p| p.bin_start).collect())
        .unwrap_or_default();
    let value = |p: &crate::analysis::TimelinePoint| {
        if share {
            p.share * 100.0
        } else {
            p.articles as f64
        }
    };
    let max = t
        .series
        .iter()
        .flat_map(|s| s.points.iter().map(value))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let n = bins.len().max(2);
    let mut chart = ChartBuilder::on(&body)
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(64)
        .build_cartesian_2d(0f64..(n - 1) as f64, 0f64..max * 1.08)
        .map_err(err)?;
    let labels = bins.clone();
    chart
        .configure_mesh()
        .x_desc(text.x_label.as_str())
        .y_desc(text.y_label.as_str())
        .label_style((f, 14))
        .axis_desc_style((f, 15))
        .x_labels(12.min(n))
        .x_label_formatter(&|x| {
            labels
                .get(x.round().max(0.0) as usize)
                .map(|d| d.format("%Y-%m-%d").to_string())
                .unwrap_or_default()
        })
        .light_line_style(RGBColor(235, 235, 235))
        .draw()
        .map_err(err)?;
    for (i, s) in t.series.iter().enumerate() {
        let color = PALETTE[i % PALETTE.len()];
        chart
            .draw_series(LineSeries::new(
                s.points
                    .iter()
                    .enumerate()
                    .map(|(x, p)| (x as f64, value(p))),
                color.stroke_width(2),
            ))
            .map_err(err)?
            .label(format!("{} {}", s.actor_code, s.actor_name))
            .legend(move |(x, y)| {
                PathElement::new(vec![(x, y), (x + 18, y)], color.stroke_width(3))
            });
    }
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::UpperRight)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(180, 180, 180))
        .label_font((f, 14))
        .draw()
        .map_err(err)?;
    Ok(())
}

/// The comparison: the `n` most changed actors as horizontal bars of their log ratio (right:
/// rose, green; left: fell, red), the actors' codes on the axis, a key below the title.
pub fn compare_chart(
    actors: &[&ActorChange],
    text: &ChartText,
    path: &Path,
    size: (u32, u32),
) -> Result<(), ExportError> {
    render!(path, size, |root| draw_compare(root, actors, text))
}

fn draw_compare<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    actors: &[&ActorChange],
    text: &ChartText,
) -> Result<(), ExportError> {
    let body = frame(root, text)?;
    let f = font();
    let n = actors.len().max(1);
    let reach = actors
        .iter()
        .map(|a| a.log_ratio.abs())
        .fold(0.0f64, f64::max)
        .max(1.0)
        * 1.1;
    let mut chart = ChartBuilder::on(&body)
        .margin(16)
        .x_label_area_size(48)
        .y_label_area_size(90)
        .build_cartesian_2d(-reach..reach, -0.5f64..(n as f64 - 0.5))
        .map_err(err)?;
    let codes: Vec<String> = actors.iter().map(|a| a.code.clone()).collect();
    chart
        .configure_mesh()
        .x_desc(text.x_label.as_str())
        .y_desc(text.y_label.as_str())
        .label_style((f, 14))
        .axis_desc_style((f, 15))
        .y_labels(n)
        .y_label_formatter(&|y| {
            let i = y.round();
            if (y - i).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            codes
                .get(n.saturating_sub(1).saturating_sub(i as usize))
                .filter(|_| (i as usize) < n)
                .cloned()
                .unwrap_or_default()
        })
        .light_line_style(RGBColor(240, 240, 240))
        .draw()
        .map_err(err)?;
    let rose = RGBColor(46, 139, 87);
    let fell = RGBColor(200, 70, 60);
    chart
        .draw_series(actors.iter().enumerate().map(|(i, a)| {
            let y = (n - 1 - i) as f64;
            let color = if a.rose() { rose } else { fell };
            Rectangle::new([(0.0, y - 0.35), (a.log_ratio, y + 0.35)], color.filled())
        }))
        .map_err(err)?
        .label(
            text.legend
                .first()
                .cloned()
                .unwrap_or_else(|| "rose".into()),
        )
        .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], rose.filled()));
    chart
        .draw_series(std::iter::once(Rectangle::new(
            [(0.0, -10.0), (0.0, -10.0)],
            fell.filled(),
        )))
        .map_err(err)?
        .label(text.legend.get(1).cloned().unwrap_or_else(|| "fell".into()))
        .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 14, y + 5)], fell.filled()));
    chart
        .configure_series_labels()
        .position(SeriesLabelPosition::LowerRight)
        .background_style(WHITE.mix(0.85))
        .border_style(RGBColor(180, 180, 180))
        .label_font((f, 14))
        .draw()
        .map_err(err)?;
    Ok(())
}

/// Outlets × actors: a cell per outlet (rows) and actor (columns), shaded by the share of the
/// outlet's articles (or by articles), the value written in it, the key's range in the title
/// area.
pub fn outlets_chart(
    m: &OutletMatrix,
    by_share: bool,
    text: &ChartText,
    path: &Path,
    size: (u32, u32),
) -> Result<(), ExportError> {
    render!(path, size, |root| draw_outlets(root, m, by_share, text))
}

fn draw_outlets<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    m: &OutletMatrix,
    by_share: bool,
    text: &ChartText,
) -> Result<(), ExportError> {
    let body = frame(root, text)?;
    let f = font();
    let (rows, cols) = (m.sources.len().max(1), m.actors.len().max(1));
    let mut chart = ChartBuilder::on(&body)
        .margin(16)
        .x_label_area_size(40)
        .y_label_area_size(170)
        .build_cartesian_2d(0f64..cols as f64, 0f64..rows as f64)
        .map_err(err)?;
    let codes: Vec<String> = m.actors.iter().map(|(c, _)| c.clone()).collect();
    let sources: Vec<String> = m
        .sources
        .iter()
        .map(|(s, n)| format!("{} ({n})", if s.is_empty() { "—" } else { s }))
        .collect();
    chart
        .configure_mesh()
        .disable_mesh()
        .x_desc(text.x_label.as_str())
        .y_desc(text.y_label.as_str())
        .label_style((f, 13))
        .axis_desc_style((f, 15))
        .x_labels(cols * 2 + 1)
        .y_labels(rows * 2 + 1)
        .x_label_formatter(&|x| {
            let i = x - 0.5;
            if (i - i.round()).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            codes.get(i.round() as usize).cloned().unwrap_or_default()
        })
        .y_label_formatter(&|y| {
            let i = y - 0.5;
            if (i - i.round()).abs() > 0.01 || i < 0.0 {
                return String::new();
            }
            sources
                .get(rows.saturating_sub(1).saturating_sub(i.round() as usize))
                .filter(|_| (i.round() as usize) < rows)
                .cloned()
                .unwrap_or_default()
        })
        .draw()
        .map_err(err)?;
    let value = |&(n, s): &(u64, f64)| if by_share { s } else { n as f64 };
    let max = m
        .cells
        .iter()
        .flatten()
        .map(value)
        .fold(0.0f64, f64::max)
        .max(f64::MIN_POSITIVE);
    for (i, row) in m.cells.iter().enumerate() {
        let y = (rows - 1 - i) as f64;
        for (j, cell) in row.iter().enumerate() {
            let t = value(cell) / max;
            let shade = RGBColor(
                (255.0 - t * 20.0) as u8,
                (255.0 - t * 135.0) as u8,
                (255.0 - t * 225.0) as u8,
            );
            let x = j as f64;
            chart
                .draw_series(std::iter::once(Rectangle::new(
                    [(x + 0.03, y + 0.05), (x + 0.97, y + 0.95)],
                    shade.filled(),
                )))
                .map_err(err)?;
            if cell.0 > 0 {
                let label = if by_share {
                    format!("{:.0}%", cell.1 * 100.0)
                } else {
                    cell.0.to_string()
                };
                chart
                    .draw_series(std::iter::once(Text::new(
                        label,
                        (x + 0.3, y + 0.62),
                        (f, 12).into_font(),
                    )))
                    .map_err(err)?;
            }
        }
    }
    Ok(())
}

/// The actor network as laid out: edges as lines as wide as their units with both, actors as
/// circles as large as their articles, each labelled with its code.
pub fn network_chart(
    net: &crate::analysis::Network,
    text: &ChartText,
    path: &Path,
    size: (u32, u32),
) -> Result<(), ExportError> {
    render!(path, size, |root| draw_network(root, net, text))
}

fn draw_network<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    net: &crate::analysis::Network,
    text: &ChartText,
) -> Result<(), ExportError> {
    let body = frame(root, text)?;
    let f = font();
    let mut chart = ChartBuilder::on(&body)
        .margin(30)
        .build_cartesian_2d(-1.1f64..1.25f64, -1.1f64..1.1f64)
        .map_err(err)?;
    let index: std::collections::HashMap<&str, usize> = net
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| (n.code.as_str(), i))
        .collect();
    let max = net.edges.iter().map(|e| e.both).max().unwrap_or(1).max(1) as f64;
    let most = net
        .nodes
        .iter()
        .map(|n| n.articles)
        .max()
        .unwrap_or(1)
        .max(1);
    let at = |i: usize| {
        let p = net.nodes[i].pos;
        (f64::from(p.0), -f64::from(p.1))
    };
    for e in &net.edges {
        let (Some(&a), Some(&b)) = (index.get(e.actor_a.as_str()), index.get(e.actor_b.as_str()))
        else {
            continue;
        };
        let v = e.both as f64 / max;
        let color = RGBColor(120, 130, 170).mix(0.25 + 0.6 * v);
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![at(a), at(b)],
                color.stroke_width((1.0 + 5.0 * v) as u32),
            )))
            .map_err(err)?;
    }
    for (i, n) in net.nodes.iter().enumerate() {
        if n.articles == 0 {
            continue;
        }
        let color = PALETTE[i % PALETTE.len()];
        let r = (4.0 + 26.0 * (n.articles as f64 / most as f64).sqrt()) as i32;
        chart
            .draw_series(std::iter::once(Circle::new(at(i), r, color.filled())))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(Text::new(
                n.code.clone(),
                at(i),
                (f, 13).into_font().color(&RGBColor(30, 30, 30)),
            )))
            .map_err(err)?;
    }
    Ok(())
}
