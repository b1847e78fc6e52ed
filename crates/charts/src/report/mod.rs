//! Human-readable summaries of results: the printed durability table, the plain-language
//! reading, the self-contained HTML report and the one-page summary.

pub mod calibration;
pub mod claims;
pub mod costs;
pub mod html;
pub mod reading;
pub mod summary;
pub mod text;
