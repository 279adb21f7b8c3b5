//! The pure half of projections: the history models learn from, the features made from it
//! (each week's from earlier weeks only), the learners and the error metrics.

pub mod features;
pub mod history;
pub mod learner;
pub mod metrics;
