//! Experiment tracking and the model registry's state: every training run (parameters, feature
//! version, data range, per-position metrics, duration), the model versions it made, and every
//! deploy and rollback per position (the newest event of a position names its production
//! version).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

fn name(n: &str) -> Alias {
    Alias::new(n)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(name("training_runs"))
                    .col(pk_auto(name("id")))
                    .col(timestamp(name("started_at")))
                    .col(double(name("seconds")))
                    .col(string(name("trigger")))
                    .col(integer(name("feature_version")))
                    .col(string(name("data_from")))
                    .col(string(name("data_until")))
                    .col(text(name("parameters")))
                    .col(text(name("results")))
                    .col(string(name("app_version")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("model_versions"))
                    .col(string(name("position")))
                    .col(string(name("version")))
                    .col(integer_null(name("run_id")))
                    .col(string(name("learner")))
                    .col(double(name("mae")))
                    .col(double(name("baseline_mae")))
                    .col(timestamp(name("created_at")))
                    .primary_key(Index::create().col(name("position")).col(name("version")))
                    .to_owned(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(name("model_events"))
                    .col(pk_auto(name("id")))
                    .col(string(name("position")))
                    .col(string(name("action")))
                    .col(string(name("version")))
                    .col(string_null(name("previous")))
                    .col(timestamp(name("at")))
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for table in ["model_events", "model_versions", "training_runs"] {
            manager
                .drop_table(Table::drop().table(name(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
