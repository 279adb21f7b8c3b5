//! Projections: features from NFL history, per-position models (smartcore), walk-forward
//! training with experiment tracking, the model registry with validated deploy and rollback,
//! and projections of slates and weeks.

pub mod registry;

pub use nfl_dfs_domain::projection::{
    availability, backtest, distribution, features, history, learner, market, metrics, project,
    train, version,
};
