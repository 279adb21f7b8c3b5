//! A real field's scores as its standings give them: every entry's, or only a listing's top
//! ranks. From them, a contest's real cash line and where a lineup would have finished, each
//! only as far as the file tells it.

/// The real field's entries: rank and points of each one the file lists, and the field's size.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldScores {
    /// (rank, points) of the listed entries, best first.
    listed: Vec<(u32, f64)>,
    /// Entries in the field.
    size: u32,
    /// How many of the best-ranked entries are listed without a gap: every entry that scored
    /// more than the lowest of them is listed.
    top_block: usize,
}

/// Where a lineup would have finished.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Finish {
    /// Its rank; where it scored below the listed top ranks, the first rank below them (it
    /// finished there or lower).
    pub rank: u32,
    /// Whether `rank` is exact.
    pub rank_known: bool,
    /// Whether it would have been paid.
    pub cashed: bool,
}

impl FieldScores {
    /// The field of `listed` (rank, points) entries; `size` is the field's when the file lists
    /// only part of it (None: it lists every entry).
    pub fn new(mut listed: Vec<(u32, f64)>, size: Option<u32>) -> FieldScores {
        listed.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let size = size.unwrap_or(0).max(listed.len() as u32);
        // Tied entries share a rank, so the k-th best (0-based) ranks k + 1 or better.
        let top_block = if listed.len() as u32 >= size {
            listed.len()
        } else {
            listed
                .iter()
                .enumerate()
                .take_while(|(k, (rank, _))| *rank as usize <= k + 1)
                .count()
        };
        FieldScores {
            listed,
            size,
            top_block,
        }
    }

    /// Entries in the field.
    pub fn size(&self) -> u32 {
        self.size
    }

    /// Entries listed.
    pub fn listed(&self) -> usize {
        self.listed.len()
    }

    /// Whether every entry is listed.
    pub fn complete(&self) -> bool {
        self.listed.len() as u32 >= self.size
    }

    /// The median score, where the listing reaches the middle of the field.
    pub fn median(&self) -> Option<f64> {
        let middle = self.size as usize / 2;
        (middle < self.top_block).then(|| self.listed[middle].1)
    }

    /// The score at the last of `paid` paid ranks; None when the file does not reach it.
    pub fn cash_line(&self, paid: u32) -> Option<f64> {
        let last = paid.checked_sub(1)? as usize;
        if self.complete() {
            return self.listed.get(last).map(|e| e.1);
        }
        if self.listed.iter().all(|e| e.0 < paid) {
            return None;
        }
        self.listed
            .iter()
            .filter(|e| e.0 <= paid)
            .map(|e| e.1)
            .reduce(f64::min)
    }

    /// Where `points` would have finished in a contest paying `paid` places; None when the
    /// file cannot tell whether it was paid (it scored below the listed ranks, and they do not
    /// reach the last paid one).
    pub fn finish(&self, points: f64, paid: u32) -> Option<Finish> {
        let above = self.listed.iter().filter(|e| e.1 > points + 1e-9).count();
        if above < self.top_block || self.complete() {
            let rank = above as u32 + 1;
            return Some(Finish {
                rank,
                rank_known: true,
                cashed: rank <= paid,
            });
        }
        let line = self.cash_line(paid)?;
        Some(Finish {
            rank: self.top_block as u32 + 1,
            rank_known: false,
            cashed: points + 1e-9 >= line,
        })
    }

    /// The share of the field a finish beat, percent (100: first); where its rank is not
    /// known, the most it can have beaten.
    pub fn percentile(&self, finish: &Finish) -> f64 {
        let size = f64::from(self.size.max(1));
        100.0 * (1.0 - f64::from(finish.rank - 1) / size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_complete_field_ranks_every_score() {
        let field = FieldScores::new(vec![(3, 100.0), (1, 150.0), (2, 120.0), (4, 90.0)], None);
        assert!(field.complete());
        assert_eq!(field.cash_line(2), Some(120.0));
        assert_eq!(field.cash_line(5), None);
        let f = field.finish(125.0, 2).unwrap();
        assert_eq!((f.rank, f.rank_known, f.cashed), (2, true, true));
        let f = field.finish(95.0, 2).unwrap();
        assert_eq!((f.rank, f.cashed), (4, false));
        assert_eq!(field.percentile(&f), 25.0);
        assert_eq!(field.median(), Some(100.0));
    }

    #[test]
    fn a_listing_of_the_top_ranks_tells_only_what_it_holds() {
        // Ranks 1-4 of a 10-entry field (two tied at 2), and rank 7 listed alone.
        let listed = vec![(1, 200.0), (2, 180.0), (2, 180.0), (4, 170.0), (7, 150.0)];
        let field = FieldScores::new(listed, Some(10));
        assert!(!field.complete());
        assert_eq!(field.size(), 10);
        assert_eq!(field.cash_line(4), Some(170.0));
        // The last paid rank is listed past a gap: still the cash line.
        assert_eq!(field.cash_line(7), Some(150.0));
        assert_eq!(field.cash_line(8), None);
        assert_eq!(field.median(), None);
        // Above the listing's lowest top score: exact.
        let f = field.finish(175.0, 4).unwrap();
        assert_eq!((f.rank, f.rank_known, f.cashed), (4, true, true));
        // Below the top block: rank 5 or lower; paid places listed, so it is known unpaid...
        let f = field.finish(160.0, 4).unwrap();
        assert_eq!((f.rank, f.rank_known, f.cashed), (5, false, false));
        assert_eq!(field.percentile(&f), 60.0);
        // ... or paid, against a cash line listed past the gap.
        assert!(field.finish(155.0, 7).unwrap().cashed);
        assert!(!field.finish(140.0, 7).unwrap().cashed);
        // The last paid rank is not listed: nobody can say.
        assert_eq!(field.finish(160.0, 8), None);
        assert!(field.finish(190.0, 8).unwrap().cashed);
    }
}
