//! Projections: features from NFL history, per-position models (smartcore), walk-forward
//! training with experiment tracking, the model registry with validated deploy and rollback,
//! and projections of slates and weeks.

pub mod backtest;
pub mod project;
pub mod registry;
pub mod train;

pub use nfl_dfs_domain::projection::{
    availability, distribution, features, history, learner, market, metrics,
};
