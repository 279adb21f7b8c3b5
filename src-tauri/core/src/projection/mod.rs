//! Projections: the model registry (version folders, validated deploy and rollback, production
//! replayed from the store's events). Features, learners, training, projection and the
//! backtest are the domain's, re-exported here under the same names.

pub mod registry;

pub use nfl_dfs_domain::projection::{
    availability, backtest, depth, distribution, features, history, learner, market, metrics,
    project, train, version,
};
