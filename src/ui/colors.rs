//! Actor colours: a categorical palette whose first twelve colours are clearly distinct from
//! each other (checked in CIELAB below) and readable on both themes (contrast ≥ 3:1 against
//! the background, the WCAG level for graphics), in a light-theme and a dark-theme shade of
//! the same hue. Plotted actors take the palette in the order they were ticked, so the actors
//! on one chart never share a colour; other actors take a stable colour from their code.

use egui::Color32;
use std::sync::RwLock;

/// The palette on the light theme (darker shades).
const LIGHT: [u32; 12] = [
    0x1F5FA8, 0xD9720F, 0x2E8B3A, 0xC8323C, 0x7B4FB0, 0x13858C, 0x8C5A2B, 0xC2459A, 0x8A8A12,
    0x5F6B73, 0x2B2F86, 0x5E9E00,
];

/// The same hues on the dark theme (lighter shades).
const DARK: [u32; 12] = [
    0x5DA5F0, 0xF5A04A, 0x5CC46A, 0xF06A70, 0xB48CE6, 0x3CC6CC, 0xC8925C, 0xEE85C8, 0xD6CC45,
    0xA8B2B8, 0xE0C0FF, 0xA6D84A,
];

/// The plotted actors in the order ticked, and the theme.
static STATE: RwLock<(Vec<String>, bool)> = RwLock::new((Vec::new(), true));

/// Tells the colours which actors are plotted (each frame; cheap when unchanged).
pub fn set_plotted(codes: &[String]) {
    let same = STATE.read().map(|s| s.0 == codes).unwrap_or(false);
    if !same && let Ok(mut s) = STATE.write() {
        s.0 = codes.to_vec();
    }
}

/// Tells the colours the theme.
pub fn set_dark(dark: bool) {
    let same = STATE.read().map(|s| s.1 == dark).unwrap_or(false);
    if !same && let Ok(mut s) = STATE.write() {
        s.1 = dark;
    }
}

fn rgb(c: u32) -> Color32 {
    Color32::from_rgb((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

/// The palette slot of an actor: its place among the plotted actors, else from its code.
fn slot(code: &str, plotted: &[String]) -> usize {
    if let Some(i) = plotted.iter().position(|c| c == code)
        && i < LIGHT.len()
    {
        return i;
    }
    // FNV-1a: stable across runs and platforms (std's hasher is not).
    let mut h: u32 = 0x811c_9dc5;
    for b in code.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h as usize % LIGHT.len()
}

/// The colour of an actor, the same in every view.
pub fn actor_color(code: &str) -> Color32 {
    let (plotted, dark) = STATE
        .read()
        .map(|s| (slot(code, &s.0), s.1))
        .unwrap_or((slot(code, &[]), true));
    rgb(if dark { DARK[plotted] } else { LIGHT[plotted] })
}

/// A small square in the actor's colour.
pub fn swatch(ui: &mut egui::Ui, code: &str) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(10.0, 10.0), egui::Sense::hover());
    ui.painter().rect_filled(rect, 2.0, actor_color(code));
}

/// The highlight behind a mention: the actor's colour, translucent.
pub fn highlight(code: &str) -> Color32 {
    actor_color(code).gamma_multiply(0.45)
}

/// A heat-map cell colour for `t` in 0..=1 (transparent to strong orange).
pub fn heat(t: f64) -> Color32 {
    let t = t.clamp(0.0, 1.0) as f32;
    Color32::from_rgba_unmultiplied(235, 120, 30, (t * 130.0) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn linear(c: u32, shift: u32) -> f64 {
        let v = ((c >> shift) & 0xFF) as f64 / 255.0;
        if v <= 0.04045 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    }

    fn luminance(c: u32) -> f64 {
        0.2126 * linear(c, 16) + 0.7152 * linear(c, 8) + 0.0722 * linear(c, 0)
    }

    fn contrast(a: u32, b: u32) -> f64 {
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    /// CIELAB (D65) of an sRGB colour.
    fn lab(c: u32) -> [f64; 3] {
        let (r, g, b) = (linear(c, 16), linear(c, 8), linear(c, 0));
        let x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
        let y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
        let z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
        let f = |t: f64| {
            if t > 0.008856 {
                t.cbrt()
            } else {
                7.787 * t + 16.0 / 116.0
            }
        };
        [
            116.0 * f(y) - 16.0,
            500.0 * (f(x) - f(y)),
            200.0 * (f(y) - f(z)),
        ]
    }

    fn delta_e(a: u32, b: u32) -> f64 {
        let (p, q) = (lab(a), lab(b));
        ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
    }

    #[test]
    fn palette_is_distinct_and_readable_on_both_themes() {
        // egui's panel backgrounds.
        for (palette, background) in [(LIGHT, 0xF8F8F8), (DARK, 0x1B1B1B)] {
            for (i, &a) in palette.iter().enumerate() {
                assert!(
                    contrast(a, background) >= 3.0,
                    "{a:06x} on {background:06x}"
                );
                for &b in &palette[i + 1..] {
                    assert!(
                        delta_e(a, b) >= 20.0,
                        "{a:06x} vs {b:06x}: {}",
                        delta_e(a, b)
                    );
                }
            }
        }
    }

    #[test]
    fn plotted_actors_never_share_a_colour() {
        let plotted: Vec<String> = ["JPN", "OPEC", "USA", "RUS", "CHN", "PRK"]
            .map(String::from)
            .to_vec();
        let slots: Vec<usize> = plotted.iter().map(|c| slot(c, &plotted)).collect();
        assert_eq!(slots, [0, 1, 2, 3, 4, 5]);
        // Unplotted: stable from the code.
        assert_eq!(slot("IDN", &plotted), slot("IDN", &[]));
        assert!(slot("IDN", &[]) < LIGHT.len());
    }
}
