//! The domain's tests, one binary: the DraftKings file readers, the lineup validator and the
//! optimizer's properties, with no database or runtime linked. Tests that need
//! `../shared/data` skip with a printed reason where it is absent.

mod common;
mod dk_lineup_files;
mod dk_salary_files;
mod field_on_real_ownership;
mod lineup_validator;
mod optimizer;
mod real_data;
