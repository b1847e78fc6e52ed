//! Okabe–Ito colour-blind-safe palette and the colour assignments of the charts.

use plotters::style::RGBColor;

pub const BLACK: RGBColor = RGBColor(0x00, 0x00, 0x00);
pub const ORANGE: RGBColor = RGBColor(0xE6, 0x9F, 0x00);
pub const SKY_BLUE: RGBColor = RGBColor(0x56, 0xB4, 0xE9);
pub const BLUISH_GREEN: RGBColor = RGBColor(0x00, 0x9E, 0x73);
pub const YELLOW: RGBColor = RGBColor(0xF0, 0xE4, 0x42);
pub const BLUE: RGBColor = RGBColor(0x00, 0x72, 0xB2);
pub const VERMILLION: RGBColor = RGBColor(0xD5, 0x5E, 0x00);
pub const REDDISH_PURPLE: RGBColor = RGBColor(0xCC, 0x79, 0xA7);

/// The eight Okabe–Ito colours in their canonical order.
pub const OKABE_ITO: [RGBColor; 8] = [
    BLACK,
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    YELLOW,
    BLUE,
    VERMILLION,
    REDDISH_PURPLE,
];

/// Neutral greys for axes, grid and secondary text.
pub const GREY_TEXT: RGBColor = RGBColor(0x44, 0x44, 0x44);
pub const GREY_MID: RGBColor = RGBColor(0x88, 0x88, 0x88);
pub const GREY_GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
pub const GREY_AXIS: RGBColor = RGBColor(0x60, 0x60, 0x60);
/// Text on dark fills (heatmap cells).
pub const WHITE_TEXT: RGBColor = RGBColor(0xFF, 0xFF, 0xFF);
/// Pale blue tint of the "below the waterline" panel.
pub const WATER: RGBColor = RGBColor(0xE6, 0xF0, 0xF8);

/// The ends of the team chart's scale, the explorer's team view's too (assets/serve/app.js,
/// `teamColour`): a low value pale blue, a high one deep blue.
pub const TEAM_LOW: RGBColor = RGBColor(235, 243, 250);
pub const TEAM_HIGH: RGBColor = RGBColor(8, 48, 107);

/// Arm colours by scenario position: the baseline (position 0) is black, the others take
/// the remaining Okabe–Ito colours, with yellow (weak on white) last.
const ARM_ORDER: [RGBColor; 8] = [
    BLACK,
    ORANGE,
    SKY_BLUE,
    BLUISH_GREEN,
    VERMILLION,
    BLUE,
    REDDISH_PURPLE,
    YELLOW,
];

/// Colour of the arm at `index` in scenario order; cycles after eight arms.
pub fn arm_color(index: usize) -> RGBColor {
    ARM_ORDER[index % ARM_ORDER.len()]
}

/// The seven dominant drives, in the order charts list them.
pub const DRIVES: [&str; 7] = [
    "purple",
    "red",
    "blue",
    "orange",
    "green",
    "yellow",
    "turquoise",
];

/// Colour of a dominant drive: the Okabe–Ito colour nearest to the drive's name, so the
/// seven drives use the seven non-black Okabe–Ito colours.
pub fn drive_color(drive: &str) -> RGBColor {
    match drive {
        "purple" => REDDISH_PURPLE,
        "red" => VERMILLION,
        "blue" => BLUE,
        "orange" => ORANGE,
        "green" => BLUISH_GREEN,
        "yellow" => YELLOW,
        "turquoise" => SKY_BLUE,
        _ => BLACK,
    }
}

/// Whether a colour is too light to read as a thin line on white (gets a dark outline).
pub fn needs_outline(c: RGBColor) -> bool {
    let RGBColor(r, g, b) = c;
    0.299 * r as f64 + 0.587 * g as f64 + 0.114 * b as f64 > 190.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yellow_needs_outline_others_do_not() {
        assert!(needs_outline(YELLOW));
        for c in [
            BLACK,
            ORANGE,
            SKY_BLUE,
            BLUISH_GREEN,
            BLUE,
            VERMILLION,
            REDDISH_PURPLE,
        ] {
            assert!(!needs_outline(c), "{c:?}");
        }
    }
}
