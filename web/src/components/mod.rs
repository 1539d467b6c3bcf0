//! Parts of pages that take domain values and report through `on_…` callbacks.

pub mod answer_input;
pub mod answers_link;
pub mod beyond;
pub mod calendar;
pub mod citation;
pub mod idle;
pub mod lang_switch;
pub mod outcome;
pub mod qr;
