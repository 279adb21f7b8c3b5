//! Every real DraftKings salary file in `../shared/data/dk_salaries` parses, with the player and
//! game counts its source lists. Skipped, with the reason printed, where the folder is absent.
//! Also: no input makes the parser panic (property tests on arbitrary and mutated files).

use nfl_dfs_domain::dk::{GameInfo, SalaryFile, SalaryLayout};
use proptest::prelude::*;

/// (file, layout, player rows, scheduled games, rows without a game)
const REAL_FILES: &[(&str, SalaryLayout, usize, usize, usize)] = &[
    (
        "2017_w08_sun_10-29_oldformat.csv",
        SalaryLayout::Legacy,
        392,
        11,
        0,
    ),
    (
        "2018_w05_sun_10-07_main.csv",
        SalaryLayout::Standard,
        434,
        12,
        0,
    ),
    ("2018_w10_sun_11-11.csv", SalaryLayout::Standard, 395, 11, 0),
    ("2018_w11_sun_11-18.csv", SalaryLayout::Standard, 362, 10, 0),
    (
        "2019_w01_thu-mon_09-05_09-09.csv",
        SalaryLayout::Standard,
        951,
        16,
        0,
    ),
    ("2019_w03_sun_09-22.csv", SalaryLayout::Standard, 451, 13, 0),
    ("2020_w10_sun_11-15.csv", SalaryLayout::Standard, 442, 11, 0),
    ("2020_w16_sun_12-27.csv", SalaryLayout::Standard, 407, 10, 0),
    (
        "2020_w16_sun_12-27_DKEntries-template-format.csv",
        SalaryLayout::EntriesTemplate,
        407,
        10,
        0,
    ),
    ("2021_w05_sun_10-10.csv", SalaryLayout::Standard, 611, 12, 0),
    (
        "2022_w01_sun_09-11.csv",
        SalaryLayout::Standard,
        792,
        13,
        85,
    ),
    (
        "2024_w17_thu-mon_12-26_12-30.csv",
        SalaryLayout::Standard,
        709,
        14,
        0,
    ),
    (
        "2025_w12_sun-mon_11-23_11-24.csv",
        SalaryLayout::Standard,
        660,
        13,
        0,
    ),
];

#[test]
fn every_real_salary_file_parses_with_its_counts() {
    let Some(data) = crate::real_data::real_data() else {
        return;
    };
    for (name, layout, players, games, no_game) in REAL_FILES {
        let bytes = std::fs::read(data.join("dk_salaries").join(name)).unwrap();
        let file = SalaryFile::parse(name, &bytes).unwrap_or_else(|e| panic!("{e}"));
        let without_game = file
            .rows
            .iter()
            .filter(|r| r.game == GameInfo::NoGame)
            .count();
        println!(
            "{name}: {} players, {} games, {without_game} without a game",
            file.rows.len(),
            file.games().len()
        );
        assert_eq!(file.layout, *layout, "{name}");
        assert_eq!(file.rows.len(), *players, "{name}");
        assert_eq!(file.games().len(), *games, "{name}");
        assert_eq!(without_game, *no_game, "{name}");
        assert!(
            file.rows
                .iter()
                .all(|r| r.salary >= 1000 && r.salary <= 20_000),
            "{name}"
        );
    }
}

#[test]
fn the_template_and_the_standard_export_of_one_slate_agree() {
    let Some(data) = crate::real_data::real_data() else {
        return;
    };
    let read = |name: &str| {
        let bytes = std::fs::read(data.join("dk_salaries").join(name)).unwrap();
        let mut rows = SalaryFile::parse(name, &bytes).unwrap().rows;
        rows.sort_by_key(|r| r.dk_id);
        rows.into_iter()
            .map(|r| (r.dk_id, r.name, r.position, r.salary, r.team))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        read("2020_w16_sun_12-27.csv"),
        read("2020_w16_sun_12-27_DKEntries-template-format.csv")
    );
}

const VALID: &str = "Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame\n\
QB,Patrick Mahomes (16006097),Patrick Mahomes,16006097,QB,8500,ATL@KC 12/27/2020 01:00PM ET,KC,27.80\n\
DST,Falcons  (16006500),Falcons ,16006500,DST,2500,ATL@KC 12/27/2020 01:00PM ET,ATL,5.1\n";

proptest! {
    #![proptest_config(ProptestConfig {
        cases: crate::common::proptest_cases(),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Arbitrary bytes: an error or a file, never a panic.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = SalaryFile::parse("fuzz.csv", &bytes);
    }

    /// A valid file with bytes overwritten, inserted or cut: an error naming the file, or a file.
    #[test]
    fn mutated_valid_files_never_panic(
        edits in proptest::collection::vec((0usize..400, any::<u8>(), 0u8..3), 1..12)
    ) {
        let bytes = crate::common::mutate(VALID.as_bytes(), &edits);
        if let Err(e) = SalaryFile::parse("fuzz.csv", &bytes) {
            prop_assert!(e.to_string().starts_with("fuzz.csv"));
        }
    }
}
