//! The chart kinds. Every `draw_*` function takes a backend-agnostic plotters drawing
//! area, so the same code renders PNG files, SVG files and in-memory SVG strings.

pub mod common;
pub mod costs;
pub mod drives;
pub mod durability;
pub mod iceberg;
pub mod teams;
pub mod timeseries;
