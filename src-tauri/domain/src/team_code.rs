//! One code per franchise. nflverse schedules use the codes of the time (`OAK`, `SD`, `STL`),
//! team stats today's codes for every season, DraftKings its own (`LAR`, `JAX`, `WAS`) and older
//! files older spellings (`JAC`, `WSH`). Everything is stored under today's nflverse code.

/// The franchise's current nflverse code for any code it has gone by (unknown codes unchanged,
/// upper-cased).
pub fn normalise(code: &str) -> String {
    let code = code.trim().to_ascii_uppercase();
    match code.as_str() {
        "OAK" => "LV",
        "SD" | "SDG" => "LAC",
        "STL" | "LAR" | "SL" => "LA",
        "JAC" => "JAX",
        "WSH" => "WAS",
        "ARZ" => "ARI",
        "BLT" => "BAL",
        "CLV" => "CLE",
        "HST" => "HOU",
        "GNB" => "GB",
        "KAN" => "KC",
        "NOR" => "NO",
        "NWE" => "NE",
        "SFO" => "SF",
        "TAM" => "TB",
        _ => return code,
    }
    .to_string()
}

/// Today's 32 nflverse franchise codes.
pub const TEAMS: [&str; 32] = [
    "ARI", "ATL", "BAL", "BUF", "CAR", "CHI", "CIN", "CLE", "DAL", "DEN", "DET", "GB", "HOU",
    "IND", "JAX", "KC", "LA", "LAC", "LV", "MIA", "MIN", "NE", "NO", "NYG", "NYJ", "PHI", "PIT",
    "SEA", "SF", "TB", "TEN", "WAS",
];

/// Whether `code` (any era's spelling) is an NFL franchise's.
pub fn is_team(code: &str) -> bool {
    TEAMS.contains(&normalise(code).as_str())
}

#[cfg(test)]
mod tests {
    use super::{is_team, normalise};

    #[test]
    fn every_franchise_and_no_other_code_is_a_team() {
        assert!(["KC", "OAK", "STL", "JAC", "wsh", " SD "]
            .iter()
            .all(|c| is_team(c)));
        assert!(["XXX", "", "NFL", "../"].iter().all(|c| !is_team(c)));
    }

    #[test]
    fn old_and_draftkings_codes_map_to_todays_franchise_code() {
        for (old, new) in [
            ("OAK", "LV"),
            ("LV", "LV"),
            ("SD", "LAC"),
            ("STL", "LA"),
            ("LAR", "LA"),
            ("LA", "LA"),
            ("JAC", "JAX"),
            ("WSH", "WAS"),
            (" kc ", "KC"),
        ] {
            assert_eq!(normalise(old), new, "{old}");
        }
    }
}
