//! Contests of a slate, imported standings, and the field's projected ownership.

use super::{read_input, Workspace};
use crate::contest::games;
use crate::contest::ownership::{self, OwnershipModel, OwnershipPlayer, FLEX_SHARES};
use crate::contest::payouts::read_payout_file;
use crate::contest::standings::{read_standings, ListedContest};
use crate::contest::{Contest, ContestType, Payouts};
use crate::dk::Position;
use crate::slate::PlayerRef;
use crate::{store, Error, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;
use ts_rs::TS;

/// A contest to add.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct NewContest {
    /// The slate.
    pub slate_id: i32,
    /// Its name (default: the type's and the fee).
    pub name: Option<String>,
    /// Its structure.
    pub contest_type: ContestType,
    /// Entries in the full field (2 for a head-to-head).
    pub entries: u32,
    /// Entry fee, dollars.
    pub entry_fee: f64,
    /// A payout table (CSV `Rank,Prize`) replacing the type's preset.
    pub payouts_file: Option<String>,
    /// A payout table typed in, replacing the preset (ignored when a file is given).
    pub payouts: Option<Payouts>,
    /// DraftKings' contest ID: its standings are found by it among several of the slate.
    #[serde(default)]
    pub dk_contest_id: Option<String>,
    /// The places the preset pays, as the contest's lobby says (ignored with a payout table).
    #[serde(default)]
    pub places_paid: Option<u32>,
    /// The games it covers (`AWAY@HOME` keys or team codes); empty: every game of the slate.
    #[serde(default)]
    pub games: Vec<String>,
}

/// Changes to a contest: each field given replaces the stored one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ContestEdit {
    /// A new name.
    pub name: Option<String>,
    /// A new structure.
    pub contest_type: Option<ContestType>,
    /// A new field size.
    pub entries: Option<u32>,
    /// A new entry fee, dollars.
    pub entry_fee: Option<f64>,
    /// A payout table (CSV `Rank,Prize`) to use.
    pub payouts_file: Option<String>,
    /// A payout table typed in (ignored when a file is given).
    pub payouts: Option<Payouts>,
    /// DraftKings' contest ID (an empty one clears it).
    pub dk_contest_id: Option<String>,
    /// The places the type's preset pays (a new preset table).
    pub places_paid: Option<u32>,
    /// The games it covers (an empty list: every game of the slate).
    pub games: Option<Vec<String>>,
}

/// What importing a standings file did.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StandingsReport {
    /// The slate.
    pub slate_id: i32,
    /// The file.
    pub file_name: String,
    /// Entries the file lists.
    pub entries: u32,
    /// The contest's entries where the file lists only some of them (a listing's top ranks).
    pub field_size: Option<u32>,
    /// The contest the rows are of, where the file names it (a listing).
    pub contest: Option<ListedContest>,
    /// Drafted players read.
    pub players: u32,
    /// Drafted players matched to the slate's players.
    pub matched: u32,
    /// Drafted players no slate player matched (listed by name).
    pub unmatched: Vec<String>,
    /// Exported before the games ended: points and ranks are not final.
    pub live: bool,
    /// The same file had been imported for this slate before: nothing changed.
    pub already_imported: bool,
    /// The ownership error (percentage points) of the model refitted on every imported
    /// contest, scored on this one, when there is an earlier contest to fit on and the file
    /// lists most of its field.
    pub ownership_error: Option<f64>,
    /// The games its lineups drafted from, where it lists enough of them to tell and they
    /// are not every game of the slate: its contest is replayed, and its ownership read, on
    /// these alone. Empty: every game.
    pub games: Vec<String>,
    /// Games on the slate.
    pub slate_games: u32,
}

/// One player's projected ownership.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PlayerOwnership {
    /// Who he is.
    #[serde(flatten)]
    #[ts(flatten)]
    pub player: PlayerRef,
    /// Salary.
    pub salary: u32,
    /// The projection the ownership was computed from.
    pub projection: f64,
    /// Projected share of the field's lineups holding him, percent.
    pub ownership: f64,
}

/// A slate's projected ownership.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OwnershipReport {
    /// The slate.
    pub slate_id: i32,
    /// Every player, by salary.
    pub players: Vec<PlayerOwnership>,
    /// Where the model comes from, in words.
    pub model: String,
}

/// Whether a character is invisible yet changes how text reads: the bidirectional marks,
/// embeddings, overrides and isolates, and the zero-width spaces, joiners and byte-order mark.
fn hidden(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Drafted players a standings file may hold that the slate does not (a name spelt another
/// way), or a tenth of them if more: beyond that the file is another slate's. The shared real
/// files leave at most 5 of about 150 unmatched.
const MAX_UNMATCHED: usize = 5;

impl Workspace {
    /// Adds a contest to a slate: the type's DraftKings preset (paying the places given, where
    /// given), or a payout table typed in or read from a CSV file. Refused, with nothing stored, when the field is below 2, the
    /// prizes exceed the entry total or the ranks overlap or leave gaps.
    pub async fn add_contest(&self, request: &NewContest) -> Result<Contest> {
        let mut contest = self.contest_of(request).await?;
        contest.id = store::contests::add(self.db(), &contest).await?;
        tracing::info!(
            contest = contest.id,
            slate = contest.slate_id,
            "contest added"
        );
        Ok(contest)
    }

    /// Edits a contest: each field given replaces the stored one. The payout table is the one
    /// given (a file, or typed in); else the stored one while the type, field and fee stay as
    /// they were and no places paid are given; else the new type's preset. Checked as [`Workspace::add_contest`] checks
    /// a new contest; a refused edit changes nothing.
    pub async fn edit_contest(&self, id: i32, edit: &ContestEdit) -> Result<Contest> {
        let current = self.contest(id).await?;
        let contest_type = edit.contest_type.unwrap_or(current.contest_type);
        let entries = edit.entries.unwrap_or(current.entries);
        let entry_fee = edit.entry_fee.unwrap_or(current.entry_fee);
        let same_structure = contest_type == current.contest_type
            && entries == current.entries
            && entry_fee == current.entry_fee
            && edit.places_paid.is_none();
        let request = NewContest {
            slate_id: current.slate_id,
            name: Some(edit.name.clone().unwrap_or(current.name)),
            contest_type,
            entries,
            entry_fee,
            payouts_file: edit.payouts_file.clone(),
            payouts: edit
                .payouts
                .clone()
                .or_else(|| same_structure.then_some(current.payouts)),
            dk_contest_id: match &edit.dk_contest_id {
                Some(id) if id.trim().is_empty() => None,
                Some(id) => Some(id.clone()),
                None => current.dk_contest_id,
            },
            places_paid: edit.places_paid,
            games: edit.games.clone().unwrap_or(current.games),
        };
        let mut contest = self.contest_of(&request).await?;
        contest.id = id;
        if !store::contests::update(self.db(), &contest).await? {
            return Err(Error::NotFound {
                what: "contest",
                id: id.to_string(),
            });
        }
        tracing::info!(contest = id, "contest edited");
        Ok(contest)
    }

    /// The contest a request describes, checked (its id still 0).
    async fn contest_of(&self, request: &NewContest) -> Result<Contest> {
        let slate = self.slate(request.slate_id).await?;
        let payouts = match (&request.payouts_file, &request.payouts) {
            (Some(path), _) => {
                let (name, bytes) = read_input(Path::new(path))?;
                let payouts = read_payout_file(&name, &bytes)?;
                payouts
                    .validate(request.contest_type, request.entries, request.entry_fee)
                    .map_err(|e| Error::InvalidInput(format!("{name}: {e}")))?;
                payouts
            }
            (None, Some(payouts)) => {
                payouts
                    .validate(request.contest_type, request.entries, request.entry_fee)
                    .map_err(|e| Error::InvalidInput(format!("The payout table: {e}")))?;
                payouts.clone()
            }
            (None, None) => Payouts::preset_paying(
                request.contest_type,
                request.entries,
                request.entry_fee,
                request.places_paid,
            )
            .map_err(|e| Error::InvalidInput(format!("The contest: {e}")))?,
        };
        let name = request
            .name
            .as_deref()
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| {
                format!(
                    "${} {} ({} entries)",
                    request.entry_fee,
                    request.contest_type.label(),
                    request.entries
                )
            });
        if name.chars().count() > 200 || name.chars().any(|c| c.is_control() || hidden(c)) {
            return Err(Error::InvalidInput(
                "A contest name is at most 200 characters, without control characters and \
                 without the invisible ones that reorder or hide text (right-to-left marks and \
                 overrides, zero-width spaces and joiners)."
                    .into(),
            ));
        }
        let dk_contest_id = request
            .dk_contest_id
            .as_deref()
            .map(crate::contest::check_dk_contest_id)
            .transpose()
            .map_err(|e| Error::InvalidInput(format!("The contest: {e}.")))?;
        let games = games::choose(&request.games, &slate.games)
            .map_err(|e| Error::InvalidInput(format!("The contest: {e}.")))?;
        Ok(Contest {
            dk_contest_id,
            games,
            ..Contest::new(
                0,
                slate.summary.id,
                name,
                request.contest_type,
                request.entry_fee,
                request.entries,
                payouts,
            )
        })
    }

    /// The contests of a slate (every slate's when None), newest first.
    pub async fn contests(&self, slate_id: Option<i32>) -> Result<Vec<Contest>> {
        store::contests::list(self.db(), slate_id).await
    }

    /// One contest.
    pub async fn contest(&self, id: i32) -> Result<Contest> {
        store::contests::get(self.db(), id).await
    }

    /// Removes a contest.
    pub async fn remove_contest(&self, id: i32) -> Result<()> {
        if store::contests::remove(self.db(), id).await? {
            Ok(())
        } else {
            Err(Error::NotFound {
                what: "contest",
                id: id.to_string(),
            })
        }
    }

    /// Imports the standings of a finished contest on a slate: DraftKings' export (the whole
    /// field's scores, each drafted player's real ownership and points) or a lineup listing
    /// (the contest `contest` of it, where it holds several: its listed entries' scores and
    /// lineups). Drafted players are matched to the slate's by DraftKings ID where the file
    /// gives one, else by name and position. A file of another sport or a showdown, an altered
    /// one (an entry listed twice, ownership summing past 900%, a lineup naming a player the
    /// file does not list) and the standings of another slate are refused; nothing is stored
    /// unless the whole file reads.
    pub async fn import_standings(
        &self,
        slate_id: i32,
        path: &Path,
        contest: Option<&str>,
    ) -> Result<StandingsReport> {
        let slate = self.slate(slate_id).await?;
        let (file_name, bytes) = read_input(path)?;
        let standings = read_standings(&file_name, &bytes, contest)?;
        let key = |name: &str| nfl_dfs_domain::identity::names::normalise(name);
        let mut by_name: HashMap<String, Vec<&crate::slate::SlatePlayer>> = HashMap::new();
        for p in &slate.players {
            by_name.entry(key(&p.name)).or_default().push(p);
        }
        let mut unmatched = Vec::new();
        let matched: Vec<Option<i32>> = standings
            .players
            .iter()
            .map(|d| {
                let fits = |p: &crate::slate::SlatePlayer| match d.position.as_str() {
                    "FLEX" => matches!(p.position, Position::RB | Position::WR | Position::TE),
                    other => p.position.as_str() == other,
                };
                let named = |p: &crate::slate::SlatePlayer| key(&p.name) == key(&d.name);
                // His ID as the salary file gives it; a FLEX draftable's, one below, under
                // his name; else his name alone.
                let by_id = d
                    .dk_ids
                    .iter()
                    .filter_map(|&id| slate.player_by_dk_id(id))
                    .find(|p| fits(p))
                    .or_else(|| {
                        d.dk_ids
                            .iter()
                            .filter_map(|&id| slate.player_by_dk_id(id - 1))
                            .find(|p| fits(p) && named(p))
                    })
                    .map(|p| p.id);
                let found: Vec<i32> = match by_id {
                    Some(id) => vec![id],
                    None => by_name
                        .get(&key(&d.name))
                        .map(|list| list.iter().filter(|p| fits(p)).map(|p| p.id).collect())
                        .unwrap_or_default(),
                };
                match found.as_slice() {
                    [one] => Some(*one),
                    _ => {
                        unmatched.push(d.name.clone());
                        None
                    }
                }
            })
            .collect();
        let matched_count = matched.iter().flatten().count() as u32;
        let players = standings.players.len();
        if unmatched.len() > MAX_UNMATCHED.max(players / 10) {
            return Err(Error::InvalidInput(format!(
                "{file_name}: only {matched_count} of its {players} drafted players are on slate \
                 '{}' ({} are not, for example {}): these are the standings of another slate; \
                 import them on theirs",
                slate.summary.name,
                unmatched.len(),
                unmatched
                    .iter()
                    .take(3)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        let game_of: HashMap<i32, String> = slate
            .players
            .iter()
            .filter_map(|p| {
                let game = slate.games.iter().find(|g| Some(g.id) == p.game_id)?;
                Some((p.id, games::key(game)))
            })
            .collect();
        let drafted_from = games::drafted(
            matched
                .iter()
                .flatten()
                .filter_map(|id| game_of.get(id).map(String::as_str)),
            standings.entries.len(),
            &slate.games,
        );
        let saved = store::standings::save(
            self.db(),
            slate_id,
            &file_name,
            &bytes,
            &standings,
            &matched,
            &drafted_from,
        )
        .await?;
        let listed = standings.entries.len() as f64;
        let coverage = listed / f64::from(standings.field_size.unwrap_or(1)).max(listed);
        let ownership_error = if coverage >= ownership::MIN_FIELD_COVERAGE {
            self.ownership_error_on(slate_id).await?
        } else {
            None
        };
        tracing::info!(slate = slate_id, file = %file_name, entries = standings.entries.len(), "standings imported");
        Ok(StandingsReport {
            slate_id,
            file_name,
            entries: standings.entries.len() as u32,
            players: standings.players.len() as u32,
            matched: matched_count,
            unmatched,
            live: standings.live,
            field_size: standings.field_size,
            contest: standings.contest,
            already_imported: saved.already,
            ownership_error,
            games: drafted_from,
            slate_games: slate.games.len() as u32,
        })
    }

    /// The ownership model: fitted on the real ownership of every imported contest (but those
    /// of the slate `leave_out`) when there is one, else the one shipped with the app. Returns
    /// it with a description.
    pub(crate) async fn ownership_model(
        &self,
        leave_out: Option<i32>,
    ) -> Result<(OwnershipModel, String)> {
        let mut slates = Vec::new();
        for slate_id in
            store::standings::slates_with_ownership(self.db(), ownership::MIN_FIELD_COVERAGE)
                .await?
        {
            if Some(slate_id) == leave_out {
                continue;
            }
            slates.push(self.ownership_sample(slate_id).await?);
        }
        if slates.is_empty() {
            return Ok((
                ownership::shipped(),
                "shipped (fitted on real DraftKings contests)".into(),
            ));
        }
        let n = slates.len();
        let samples: Vec<_> = slates.into_iter().map(|(p, a, _)| (p, a)).collect();
        Ok((
            OwnershipModel::fit(&samples, FLEX_SHARES),
            format!(
                "fitted on {n} imported contest{}",
                if n == 1 { "" } else { "s" }
            ),
        ))
    }

    /// A slate's players as the ownership model sees them, their real ownership from its
    /// newest standings that list most of their field, and their slate ids; players of games
    /// those standings' lineups did not draft from cannot be drafted.
    async fn ownership_sample(
        &self,
        slate_id: i32,
    ) -> Result<(Vec<OwnershipPlayer>, Vec<f64>, Vec<i32>)> {
        let mut view = self.slate_view(Some(slate_id)).await?;
        let results =
            store::standings::with_ownership(self.db(), slate_id, ownership::MIN_FIELD_COVERAGE)
                .await?;
        let actual: HashMap<i32, f64> = results
            .as_ref()
            .map(|r| {
                r.players
                    .iter()
                    .map(|&(id, drafted, _)| (id, drafted))
                    .collect()
            })
            .unwrap_or_default();
        if let Some(r) = &results {
            view.leave_out_other_games(&r.games);
        }
        let players = ownership_players(&view);
        let ids: Vec<i32> = view.players.iter().map(|p| p.player.id).collect();
        let real = ids
            .iter()
            .map(|id| actual.get(id).copied().unwrap_or(0.0))
            .collect();
        Ok((players, real, ids))
    }

    /// The ownership error (mean absolute, percentage points, players with 1%+ real
    /// ownership) on a slate with results, of the model fitted on the other contests.
    async fn ownership_error_on(&self, slate_id: i32) -> Result<Option<f64>> {
        let others =
            store::standings::slates_with_ownership(self.db(), ownership::MIN_FIELD_COVERAGE)
                .await?
                .into_iter()
                .filter(|s| *s != slate_id)
                .count();
        if others == 0 {
            return Ok(None);
        }
        let (model, _) = self.ownership_model(Some(slate_id)).await?;
        let (players, actual, _) = self.ownership_sample(slate_id).await?;
        let cap = self.typed_settings().await?.salary_cap;
        Ok(Some(ownership::mean_error(
            &model.predict(&players, cap),
            &actual,
        )))
    }

    /// Every player's projected ownership on a slate, by the model fitted on the other
    /// slates' imported contests: a slate's own real ownership is what its projection is judged
    /// against, never what it is made from (the pick's field drafts by the same numbers).
    pub async fn ownership(&self, slate_id: i32) -> Result<OwnershipReport> {
        let view = self.slate_view(Some(slate_id)).await?;
        let (model, description) = self.ownership_model(Some(slate_id)).await?;
        let cap = self.typed_settings().await?.salary_cap;
        let predicted = model.predict(&ownership_players(&view), cap);
        let players = view
            .players
            .iter()
            .zip(predicted)
            .map(|(p, ownership)| PlayerOwnership {
                player: PlayerRef::from(&p.player),
                salary: p.player.salary,
                projection: p.projection,
                ownership,
            })
            .collect();
        Ok(OwnershipReport {
            slate_id,
            players,
            model: description,
        })
    }
}

/// The slate's players as the ownership model sees them, in the view's order.
pub(crate) fn ownership_players(view: &super::SlateView) -> Vec<OwnershipPlayer> {
    view.players
        .iter()
        .map(|p| OwnershipPlayer {
            position: p.player.position,
            salary: p.player.salary,
            projection: p.projection,
            team_total: p.team_total,
            playable: p.playable,
        })
        .collect()
}
