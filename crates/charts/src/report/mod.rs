//! Human-readable summaries of results: the printed durability table, the plain-language
//! reading and the self-contained HTML report.

pub mod calibration;
pub mod costs;
pub mod html;
pub mod reading;
pub mod text;
