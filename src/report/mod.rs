//! Human-readable summaries of results.

pub mod text;
