//! The pure half of projections: the history models learn from, who will play (availability),
//! the features (each week's from earlier weeks only; depth charts and the next man up), the learners, each player's range of
//! outcomes (distribution) and the error metrics.

pub mod availability;
pub mod backtest;
pub mod depth;
pub mod distribution;
pub mod features;
pub mod history;
pub mod learner;
pub mod market;
pub mod metrics;
pub mod project;
pub mod teammates;
pub mod train;
pub mod version;
