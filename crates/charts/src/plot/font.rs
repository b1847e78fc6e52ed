//! Embedded DejaVu Sans fonts, registered once with plotters' `ab_glyph` font table.

use std::sync::OnceLock;

use plotters::style::{register_font, FontStyle};

use crate::plot::error::PlotError;

/// Family name under which the embedded fonts are registered (and which SVG output names).
pub const FAMILY: &str = "sans-serif";

pub static DEJAVU_SANS: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();

fn register_once() -> &'static Result<(), String> {
    REGISTERED.get_or_init(|| {
        register_font(FAMILY, FontStyle::Normal, DEJAVU_SANS)
            .map_err(|_| "DejaVuSans.ttf is not a valid font".to_string())?;
        register_font(FAMILY, FontStyle::Bold, DEJAVU_SANS_BOLD)
            .map_err(|_| "DejaVuSans-Bold.ttf is not a valid font".to_string())?;
        Ok(())
    })
}

/// Registers DejaVu Sans (normal and bold) as `"sans-serif"`. Idempotent and thread-safe;
/// every rendering function calls it, so calling it yourself is optional.
pub fn register_fonts() {
    // The fonts are compiled in, so failure is impossible in practice; the result is
    // still kept and reported by `ensure_fonts` rather than panicking.
    let _ = register_once();
}

/// Like [`register_fonts`] but reports a (theoretical) registration failure.
pub(crate) fn ensure_fonts() -> Result<(), PlotError> {
    register_once().clone().map_err(PlotError::Font)
}
