//! What a contest pays: its type, its payout table (rank ranges to prizes), DraftKings' usual
//! structures as presets, a payout table read from CSV, and the prize a finishing rank wins
//! (ties share the prizes of the ranks they span, as DraftKings splits them).

use crate::dk::{named_columns, FileError};
use crate::limits::{MAX_CONTEST_ENTRIES, MAX_ENTRY_FEE};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use ts_rs::TS;

/// A contest's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ContestType {
    /// The top ~44% win twice the fee.
    DoubleUp,
    /// The top ~50% win 1.8 times the fee.
    FiftyFifty,
    /// Two entries; the better wins 1.8 times the fee.
    #[serde(rename = "h2h")]
    HeadToHead,
    /// Single-entry tournament: the top ~23% paid, most of the money at the very top.
    Tournament,
}

impl ContestType {
    /// Every type, in the order the pages list them.
    pub const ALL: [ContestType; 4] = [
        ContestType::DoubleUp,
        ContestType::FiftyFifty,
        ContestType::HeadToHead,
        ContestType::Tournament,
    ];

    /// The type as the CLI and the store write it.
    pub fn as_str(self) -> &'static str {
        match self {
            ContestType::DoubleUp => "double-up",
            ContestType::FiftyFifty => "fifty-fifty",
            ContestType::HeadToHead => "h2h",
            ContestType::Tournament => "tournament",
        }
    }

    /// A name for people.
    pub fn label(self) -> &'static str {
        match self {
            ContestType::DoubleUp => "Double-up",
            ContestType::FiftyFifty => "50/50",
            ContestType::HeadToHead => "Head-to-head",
            ContestType::Tournament => "Single-entry tournament",
        }
    }

    /// Whether every paid rank wins the same prize (the field's order statistic is what must
    /// be beaten, not the top).
    pub fn is_flat(self) -> bool {
        !matches!(self, ContestType::Tournament)
    }
}

impl fmt::Display for ContestType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for ContestType {
    type Err = String;

    fn from_str(s: &str) -> Result<ContestType, String> {
        ContestType::ALL
            .into_iter()
            .find(|t| t.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| {
                format!("'{s}' is not a contest type (double-up, fifty-fifty, h2h, tournament)")
            })
    }
}

/// Ranks `first..=last` each win `prize` dollars.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, TS)]
pub struct PayoutTier {
    /// First rank of the range (1 is the winner).
    pub first: u32,
    /// Last rank of the range.
    pub last: u32,
    /// Dollars each of these ranks wins.
    pub prize: f64,
}

/// A contest's prizes by rank: tiers from rank 1 down, without gaps or overlaps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Payouts {
    /// The tiers, best ranks first.
    pub tiers: Vec<PayoutTier>,
}

/// Share of the entry fees a tournament pays back (DraftKings keeps the rest; the shared
/// 2019 single-entry tournaments paid 86-90%).
const TOURNAMENT_POOL: f64 = 0.88;
/// Share of a tournament's field that is paid (the 2019 examples: 21.5-24.6%).
const TOURNAMENT_PAID: f64 = 0.23;
/// Share of a tournament's pool the winner takes (the 2019 examples: 10-25%).
const TOURNAMENT_FIRST: f64 = 0.10;

impl Payouts {
    /// DraftKings' usual table for a contest of `entries` entries at `fee` dollars.
    pub fn preset(contest_type: ContestType, entries: u32, fee: f64) -> Result<Payouts, String> {
        Payouts::preset_paying(contest_type, entries, fee, None)
    }

    /// [`Payouts::preset`] paying `paid` places where given (the number a contest's lobby
    /// shows, when its prizes themselves are not at hand): a flat contest pays its multiple
    /// of the fee to each, a tournament spreads its pool over them.
    pub fn preset_paying(
        contest_type: ContestType,
        entries: u32,
        fee: f64,
        paid: Option<u32>,
    ) -> Result<Payouts, String> {
        check_field(contest_type, entries, fee)?;
        if let Some(p) = paid {
            if p == 0 || p >= entries {
                return Err(format!(
                    "a contest of {entries} entries pays from 1 to {} places, not {p}",
                    entries - 1
                ));
            }
        }
        let n = f64::from(entries);
        let places =
            |share: f64| paid.unwrap_or(((n * share).round() as u32).clamp(1, entries - 1));
        let flat = |share: f64, multiple: f64| Payouts {
            tiers: vec![PayoutTier {
                first: 1,
                last: places(share),
                prize: round_cents(fee * multiple),
            }],
        };
        let payouts = match contest_type {
            ContestType::DoubleUp => flat(0.44, 2.0),
            ContestType::FiftyFifty => flat(0.5, 1.8),
            ContestType::HeadToHead => flat(0.5, 1.8),
            ContestType::Tournament => tournament(entries, fee, places(TOURNAMENT_PAID)),
        };
        // The preset's own rounding, not a table the user gave: say what to change.
        if payouts.tiers.iter().any(|t| t.prize < 0.01) {
            return Err(format!(
                "a ${fee:.2} fee is too small for DraftKings' usual {} table over {entries} \
                 entries: its smallest prizes round to $0.00; raise the fee or give the payout \
                 table (a CSV of Rank,Prize)",
                contest_type.label()
            ));
        }
        payouts.validate(contest_type, entries, fee)?;
        Ok(payouts)
    }

    /// Refuses a table whose ranks do not run from 1 without gaps or overlaps, pay beyond the
    /// field, pay more to a worse rank, or whose prizes exceed the entry total.
    pub fn validate(
        &self,
        contest_type: ContestType,
        entries: u32,
        fee: f64,
    ) -> Result<(), String> {
        check_field(contest_type, entries, fee)?;
        let Some(first) = self.tiers.first() else {
            return Err("the payout table is empty: at least rank 1 must win a prize".into());
        };
        if first.first != 1 {
            return Err(format!(
                "the payout table starts at rank {}, not 1",
                first.first
            ));
        }
        let mut expected = 1u32;
        let mut previous = f64::INFINITY;
        let mut total = 0.0;
        for tier in &self.tiers {
            if tier.first != expected {
                return Err(if tier.first < expected {
                    format!(
                        "ranks {}-{} overlap the tier before (which ends at rank {})",
                        tier.first,
                        tier.last,
                        expected - 1
                    )
                } else {
                    format!(
                        "ranks {}-{} are paid nothing: the table has a gap before rank {}",
                        expected,
                        tier.first - 1,
                        tier.first
                    )
                });
            }
            if tier.last < tier.first {
                return Err(format!(
                    "the tier {}-{} ends before it starts",
                    tier.first, tier.last
                ));
            }
            if tier.last > entries {
                return Err(format!(
                    "ranks up to {} are paid but the contest has {entries} entries",
                    tier.last
                ));
            }
            if !tier.prize.is_finite() || tier.prize <= 0.0 {
                return Err(format!(
                    "ranks {}-{} win {}: a prize is a positive number of dollars",
                    tier.first, tier.last, tier.prize
                ));
            }
            if tier.prize > previous + 1e-9 {
                return Err(format!(
                    "ranks {}-{} win ${:.2}, more than the better ranks before them (${previous:.2})",
                    tier.first, tier.last, tier.prize
                ));
            }
            previous = tier.prize;
            total += tier.prize * f64::from(tier.last - tier.first + 1);
            expected = tier.last + 1;
        }
        let pool = f64::from(entries) * fee;
        if total > pool + 0.005 {
            return Err(format!(
                "the prizes total ${total:.2}, more than the ${pool:.2} the {entries} entries pay in"
            ));
        }
        Ok(())
    }

    /// The ranks paid.
    pub fn paid(&self) -> u32 {
        self.tiers.last().map_or(0, |t| t.last)
    }

    /// Prizes in all.
    pub fn total(&self) -> f64 {
        self.tiers
            .iter()
            .map(|t| t.prize * f64::from(t.last - t.first + 1))
            .sum()
    }

    /// The prize of one rank (0 beyond the paid ranks).
    pub fn prize(&self, rank: u32) -> f64 {
        self.tiers
            .iter()
            .find(|t| (t.first..=t.last).contains(&rank))
            .map_or(0.0, |t| t.prize)
    }

    /// A lookup table for [`PrizeTable::share`].
    pub fn table(&self) -> PrizeTable {
        let paid = self.paid() as usize;
        let mut cumulative = Vec::with_capacity(paid + 1);
        cumulative.push(0.0);
        let mut sum = 0.0;
        for rank in 1..=paid as u32 {
            sum += self.prize(rank);
            cumulative.push(sum);
        }
        PrizeTable { cumulative }
    }
}

/// Prizes summed over the best ranks, so a tie's share is two lookups.
#[derive(Debug, Clone, PartialEq)]
pub struct PrizeTable {
    /// `cumulative[r]`: the prizes of ranks 1..=r together.
    cumulative: Vec<f64>,
}

impl PrizeTable {
    /// What an entry wins when `above` entries scored more and `tied` others scored the same:
    /// the prizes of ranks `above + 1 ..= above + tied + 1`, shared. Counts may be fractional
    /// (a field sampled smaller than the contest is scaled up); the prizes are then
    /// interpolated between ranks.
    pub fn share(&self, above: f64, tied: f64) -> f64 {
        let span = tied + 1.0;
        (self.summed(above + span) - self.summed(above)) / span
    }

    fn summed(&self, ranks: f64) -> f64 {
        let last = self.cumulative.len() - 1;
        if ranks >= last as f64 {
            return self.cumulative[last];
        }
        if ranks <= 0.0 {
            return 0.0;
        }
        let whole = ranks.floor() as usize;
        let part = ranks - whole as f64;
        let next = self.cumulative[(whole + 1).min(last)];
        self.cumulative[whole] + part * (next - self.cumulative[whole])
    }
}

/// Refuses a field DraftKings does not run.
fn check_field(contest_type: ContestType, entries: u32, fee: f64) -> Result<(), String> {
    if entries < 2 {
        return Err(format!("a contest has at least 2 entries, not {entries}"));
    }
    if entries > MAX_CONTEST_ENTRIES {
        return Err(format!(
            "{entries} entries is more than the {MAX_CONTEST_ENTRIES} a contest may have here"
        ));
    }
    if contest_type == ContestType::HeadToHead && entries != 2 {
        return Err(format!("a head-to-head has 2 entries, not {entries}"));
    }
    if !fee.is_finite() || fee <= 0.0 || fee > MAX_ENTRY_FEE {
        return Err(format!(
            "the entry fee must be more than $0 and at most ${MAX_ENTRY_FEE:.0}, not {fee}"
        ));
    }
    Ok(())
}

fn round_cents(dollars: f64) -> f64 {
    (dollars * 100.0).floor() / 100.0
}

/// A top-heavy tournament table paying `paid` places (1 to `entries` - 1): the paid ranks win
/// at least 1.5 times the fee (less where the pool cannot afford it), the winner about a tenth
/// of the pool, and the prizes between fall off as a power of the rank whose exponent spends
/// the pool.
fn tournament(entries: u32, fee: f64, paid: u32) -> Payouts {
    let pool = f64::from(entries) * fee * TOURNAMENT_POOL;
    if paid == 1 {
        return Payouts {
            tiers: vec![PayoutTier {
                first: 1,
                last: 1,
                prize: round_cents(pool),
            }],
        };
    }
    let min_prize = (1.5 * fee).min(pool / f64::from(paid) * 0.5);
    let first = (pool * TOURNAMENT_FIRST).max(min_prize * 2.0);
    let curve = |a: f64, rank: u32| {
        let tail = f64::from(paid).powf(-a);
        min_prize + (first - min_prize) * (f64::from(rank).powf(-a) - tail) / (1.0 - tail)
    };
    let total = |a: f64| (1..=paid).map(|r| curve(a, r)).sum::<f64>();
    // The total falls as the exponent grows: bisect for the one that spends the pool.
    let (mut low, mut high) = (0.01, 20.0);
    for _ in 0..60 {
        let mid = 0.5 * (low + high);
        if total(mid) > pool {
            low = mid;
        } else {
            high = mid;
        }
    }
    let mut tiers: Vec<PayoutTier> = Vec::new();
    for rank in 1..=paid {
        let raw = curve(high, rank);
        // Whole dollars below the top ten, as DraftKings prints them; never rounded up.
        let prize = if rank <= 10 {
            round_cents(raw)
        } else {
            raw.floor()
        };
        let prize = tiers.last().map_or(prize, |t| prize.min(t.prize));
        match tiers.last_mut() {
            Some(t) if (t.prize - prize).abs() < 1e-9 => t.last = rank,
            _ => tiers.push(PayoutTier {
                first: rank,
                last: rank,
                prize,
            }),
        }
    }
    Payouts { tiers }
}

/// Reads a payout table from CSV: columns `Rank` (`1` or a range `2-5`) and `Prize` (dollars;
/// `$` and thousands commas allowed), one tier per line, best ranks first.
pub fn read_payout_file(file: &str, bytes: &[u8]) -> Result<Payouts, FileError> {
    let (mut reader, [rank_col, prize_col]) = named_columns::open(file, bytes, ["Rank", "Prize"])?;
    let mut tiers = Vec::new();
    for record in named_columns::records(file, bytes, &mut reader) {
        let (record, line) = record?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        if tiers.len() >= MAX_CONTEST_ENTRIES as usize {
            return Err(FileError::new(file, line, None, "too many tiers"));
        }
        let rank_text = record.get(rank_col).unwrap_or("");
        let (first, last) = parse_rank_range(rank_text).ok_or_else(|| {
            FileError::new(
                file,
                line,
                Some("Rank"),
                format!("'{rank_text}' is not a rank or a range of ranks like 2-5"),
            )
        })?;
        let prize_text = record.get(prize_col).unwrap_or("");
        let prize = prize_text
            .trim_start_matches('$')
            .replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|p| p.is_finite() && *p > 0.0)
            .ok_or_else(|| {
                FileError::new(
                    file,
                    line,
                    Some("Prize"),
                    format!("'{prize_text}' is not a prize in dollars above 0"),
                )
            })?;
        tiers.push(PayoutTier { first, last, prize });
    }
    if tiers.is_empty() {
        return Err(FileError::new(
            file,
            None,
            None,
            "the payout table has no rows",
        ));
    }
    Ok(Payouts { tiers })
}

fn parse_rank_range(text: &str) -> Option<(u32, u32)> {
    let rank = |t: &str| {
        t.trim()
            .trim_end_matches(|c: char| c.is_ascii_alphabetic())
            .parse::<u32>()
            .ok()
            .filter(|r| (1..=MAX_CONTEST_ENTRIES).contains(r))
    };
    match text.split_once('-') {
        Some((a, b)) => Some((rank(a)?, rank(b)?)),
        None => rank(text).map(|r| (r, r)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_follow_draftkings_structures_and_pass_their_own_checks() {
        let double = Payouts::preset(ContestType::DoubleUp, 2272, 50.0).unwrap();
        assert_eq!(double.paid(), 1000);
        assert_eq!(double.prize(1000), 100.0);
        assert_eq!(double.prize(1001), 0.0);
        let h2h = Payouts::preset(ContestType::HeadToHead, 2, 10.0).unwrap();
        assert_eq!((h2h.paid(), h2h.prize(1)), (1, 18.0));
        for entries in [2, 3, 10, 555, 1111, 3239, 100_000] {
            let t = Payouts::preset(ContestType::Tournament, entries, 27.0).unwrap();
            assert!(t.total() <= f64::from(entries) * 27.0);
            assert!(t.prize(1) >= t.prize(t.paid()));
        }
        let t = Payouts::preset(ContestType::Tournament, 1111, 100.0).unwrap();
        assert!((250..=260).contains(&t.paid()), "{}", t.paid());
        assert!(t.total() > 0.95 * 1111.0 * 100.0 * TOURNAMENT_POOL);
        assert!(t.prize(1) >= 10.0 * t.prize(100), "top-heavy");
        // A fee too small for the preset's smallest prizes says so, not "a prize is positive".
        let e = Payouts::preset(ContestType::Tournament, 100_000, 0.01).unwrap_err();
        assert!(
            e.contains("too small") && e.contains("round to $0.00"),
            "{e}"
        );
    }

    #[test]
    fn gaps_overlaps_rising_prizes_and_overspending_are_refused() {
        let table = |tiers: &[(u32, u32, f64)]| Payouts {
            tiers: tiers
                .iter()
                .map(|&(first, last, prize)| PayoutTier { first, last, prize })
                .collect(),
        };
        let t = ContestType::Tournament;
        assert!(table(&[(1, 1, 50.0), (2, 5, 10.0)])
            .validate(t, 10, 10.0)
            .is_ok());
        let gap = table(&[(1, 1, 50.0), (3, 5, 10.0)]).validate(t, 10, 10.0);
        assert!(gap.unwrap_err().contains("gap"));
        let overlap = table(&[(1, 2, 20.0), (2, 5, 10.0)]).validate(t, 10, 10.0);
        assert!(overlap.unwrap_err().contains("overlap"));
        let over = table(&[(1, 1, 95.0), (2, 5, 10.0)]).validate(t, 10, 10.0);
        assert!(over.unwrap_err().contains("more than the $100.00"));
        let rising = table(&[(1, 1, 5.0), (2, 5, 10.0)]).validate(t, 10, 10.0);
        assert!(rising.unwrap_err().contains("more than the better ranks"));
        assert!(table(&[(2, 5, 10.0)]).validate(t, 10, 10.0).is_err());
        assert!(table(&[(1, 11, 1.0)]).validate(t, 10, 10.0).is_err());
        assert!(table(&[(1, 1, f64::NAN)]).validate(t, 10, 10.0).is_err());
        assert!(Payouts::preset(t, 1, 10.0)
            .unwrap_err()
            .contains("at least 2"));
        assert!(Payouts::preset(t, 10, f64::INFINITY).is_err());
        assert!(Payouts::preset(ContestType::HeadToHead, 3, 10.0).is_err());
    }

    #[test]
    fn ties_share_the_prizes_of_the_ranks_they_span() {
        let payouts = Payouts {
            tiers: vec![
                PayoutTier {
                    first: 1,
                    last: 1,
                    prize: 100.0,
                },
                PayoutTier {
                    first: 2,
                    last: 3,
                    prize: 40.0,
                },
            ],
        };
        let table = payouts.table();
        assert_eq!(table.share(0.0, 0.0), 100.0);
        assert_eq!(table.share(0.0, 1.0), 70.0);
        assert_eq!(table.share(2.0, 1.0), 20.0);
        assert_eq!(table.share(3.0, 0.0), 0.0);
        assert_eq!(table.share(1.5, 0.0), 40.0);
    }

    #[test]
    fn a_payout_file_names_the_line_and_column_of_a_bad_cell() {
        let ok = read_payout_file("p.csv", b"Rank,Prize\n1,\"$1,000\"\n2-5,100\n").unwrap();
        assert_eq!(ok.tiers.len(), 2);
        assert_eq!(ok.tiers[0].prize, 1000.0);
        assert_eq!((ok.tiers[1].first, ok.tiers[1].last), (2, 5));
        let bad = read_payout_file("p.csv", b"Rank,Prize\n1,100\nsecond,50\n").unwrap_err();
        assert_eq!((bad.line, bad.column.as_deref()), (Some(3), Some("Rank")));
        // Windows line ends, a byte-order mark and a blank line: still the file's own line.
        let bad = read_payout_file(
            "p.csv",
            b"\xEF\xBB\xBFRank,Prize\r\n1,100\r\n\r\nsecond,50\r\n",
        )
        .unwrap_err();
        assert_eq!((bad.line, bad.column.as_deref()), (Some(4), Some("Rank")));
        let bad = read_payout_file("p.csv", b"Rank,Prize\n1,-5\n").unwrap_err();
        assert_eq!(bad.column.as_deref(), Some("Prize"));
        assert!(read_payout_file("p.csv", b"Place,Money\n1,5\n").is_err());
        assert!(read_payout_file("p.csv", b"Rank,Prize\n").is_err());
    }

    #[test]
    fn a_contest_pays_the_places_its_lobby_says() {
        let t = ContestType::Tournament;
        let p = Payouts::preset_paying(t, 1111, 100.0, Some(273)).unwrap();
        assert_eq!(p.paid(), 273);
        assert!(p.prize(1) > p.prize(273) && p.prize(273) >= 100.0);
        assert!(p.total() <= 1111.0 * 100.0);
        // Without a count, the preset's share.
        assert_eq!(
            Payouts::preset_paying(t, 1111, 100.0, None).unwrap(),
            Payouts::preset(t, 1111, 100.0).unwrap()
        );
        let d = Payouts::preset_paying(ContestType::DoubleUp, 2272, 50.0, Some(1000)).unwrap();
        assert_eq!((d.paid(), d.prize(1000)), (1000, 100.0));
        // A double-up cannot pay out more than its fees: past half the field is refused.
        assert!(Payouts::preset_paying(ContestType::DoubleUp, 2272, 50.0, Some(1200)).is_err());
        assert!(Payouts::preset_paying(t, 1111, 100.0, Some(1111)).is_err());
        assert!(Payouts::preset_paying(t, 1111, 100.0, Some(0)).is_err());
    }
}
