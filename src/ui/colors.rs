//! A stable colour per actor: the code's hash picks the hue.

use egui::Color32;

/// The colour of an actor, the same in every view and every run.
pub fn actor_color(code: &str) -> Color32 {
    // FNV-1a: stable across runs and platforms (std's hasher is not).
    let mut h: u32 = 0x811c_9dc5;
    for b in code.bytes() {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    let hue = (h % 360) as f32 / 360.0;
    let value = 0.75 + ((h >> 9) % 3) as f32 * 0.1;
    egui::ecolor::Hsva::new(hue, 0.75, value, 1.0).into()
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

    #[test]
    fn stable_and_distinct() {
        assert_eq!(actor_color("RUS"), actor_color("RUS"));
        assert_ne!(actor_color("RUS"), actor_color("USA"));
    }
}
