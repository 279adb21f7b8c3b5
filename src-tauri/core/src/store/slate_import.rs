//! Importing a DraftKings salary file: parse, then write the slate, its teams, games and players
//! in one transaction. The same content imported again is recognised by its SHA-256 hash.

use super::slates as query;
use crate::store::entity::{game, slate, slate_game, slate_player};
use crate::Result;
use chrono::{DateTime, Datelike, Utc};
use chrono_tz::America::New_York;
use nfl_dfs_domain::dk::{GameInfo, Position, SalaryFile, SalaryLayout};
use nfl_dfs_domain::slate::{GameState, ImportReport, PositionCount};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, DatabaseTransaction, EntityTrait,
    QueryFilter, Set,
};
use sha2::{Digest, Sha256};
use std::collections::{BTreeSet, HashMap};

const IMPORTING: &str = "importing the slate";

/// Imports a salary file's bytes; `file_name` is recorded and names the file in errors, `name`
/// overrides the generated slate name. Nothing is written unless the whole file is valid.
pub async fn import(
    db: &DatabaseConnection,
    file_name: &str,
    bytes: &[u8],
    name: Option<&str>,
) -> Result<ImportReport> {
    let file = SalaryFile::parse(file_name, bytes)?;
    let hash = format!("{:x}", Sha256::digest(bytes));
    if let Some(existing) = slate::Entity::find()
        .filter(slate::Column::ContentHash.eq(&hash))
        .one(db)
        .await
        .map_err(crate::store::db_err(IMPORTING))?
    {
        tracing::info!(
            slate = existing.id,
            file = file_name,
            "salary file already imported"
        );
        return report(db, existing.id, &file, true).await;
    }

    let txn = crate::store::begin_write(db, IMPORTING).await?;
    let slate_id = write_slate(&txn, file_name, &hash, name, &file).await?;
    txn.commit()
        .await
        .map_err(crate::store::db_err(IMPORTING))?;
    tracing::info!(
        slate = slate_id,
        file = file_name,
        players = file.rows.len(),
        "salary file imported"
    );
    report(db, slate_id, &file, false).await
}

async fn report(
    db: &DatabaseConnection,
    slate_id: i32,
    file: &SalaryFile,
    already_imported: bool,
) -> Result<ImportReport> {
    let positions = Position::ALL
        .into_iter()
        .map(|position| PositionCount {
            position,
            players: file.rows.iter().filter(|r| r.position == position).count() as u32,
        })
        .collect();
    let unusable_players = file
        .rows
        .iter()
        .filter(|r| !matches!(r.game, GameInfo::Scheduled { .. }))
        .count() as u32;
    Ok(ImportReport {
        slate: query::summary(db, slate_id).await?,
        already_imported,
        positions,
        unusable_players,
    })
}

/// Rows per insert statement: SQLite limits the values bound to one statement, and 100 rows of
/// at most 15 columns stay far below it, however many rows a file has.
const ROWS_PER_INSERT: usize = 100;

async fn write_slate(
    txn: &DatabaseTransaction,
    file_name: &str,
    hash: &str,
    name: Option<&str>,
    file: &SalaryFile,
) -> Result<i32> {
    let teams: BTreeSet<&str> = file
        .rows
        .iter()
        .map(|r| r.team.as_str())
        .chain(file.games().into_iter().flat_map(|g| match g {
            GameInfo::Scheduled { away, home, .. } => vec![away.as_str(), home.as_str()],
            _ => vec![],
        }))
        .collect();
    super::teams::ensure(txn, &teams, IMPORTING).await?;

    let mut game_ids: HashMap<&GameInfo, i32> = HashMap::new();
    for info in file.games() {
        game_ids.insert(info, ensure_game(txn, info).await?);
    }

    let slate = slate::ActiveModel {
        name: Set(name
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_string)
            .unwrap_or_else(|| default_name(file_name, file))),
        source_file: Set(file_name.to_string()),
        content_hash: Set(hash.to_string()),
        layout: Set(layout_name(file.layout).to_string()),
        exportable: Set(file.exportable()),
        imported_at: Set(Utc::now()),
        ..Default::default()
    }
    .insert(txn)
    .await
    .map_err(crate::store::db_err(IMPORTING))?;

    let mut links: Vec<slate_game::ActiveModel> = game_ids
        .values()
        .map(|&game_id| slate_game::ActiveModel {
            slate_id: Set(slate.id),
            game_id: Set(game_id),
        })
        .collect();
    links.sort_by_key(|l| *l.game_id.as_ref());
    for chunk in links.chunks(ROWS_PER_INSERT) {
        slate_game::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await
            .map_err(crate::store::db_err(IMPORTING))?;
    }

    let players: Vec<slate_player::ActiveModel> = file
        .rows
        .iter()
        .map(|row| slate_player::ActiveModel {
            slate_id: Set(slate.id),
            dk_id: Set(row.dk_id),
            name: Set(row.name.clone()),
            position: Set(row.position.as_str().to_string()),
            roster_positions: Set(row.roster_positions.clone()),
            team: Set(row.team.clone()),
            opponent: Set(row.opponent.clone()),
            game_id: Set(game_ids.get(&row.game).copied()),
            game_state: Set(GameState::of(&row.game).as_str().to_string()),
            salary: Set(row.salary as i32),
            avg_points_per_game: Set(row.avg_points_per_game),
            player_id: Set(None),
            locked: Set(false),
            excluded: Set(false),
            projection_override: Set(None),
            play_override: Set(None),
            ..Default::default()
        })
        .collect();
    for chunk in players.chunks(ROWS_PER_INSERT) {
        slate_player::Entity::insert_many(chunk.to_vec())
            .exec(txn)
            .await
            .map_err(crate::store::db_err(IMPORTING))?;
    }
    Ok(slate.id)
}

/// The id of a scheduled game, stored if new (games are shared by slates of the same week).
async fn ensure_game(txn: &DatabaseTransaction, info: &GameInfo) -> Result<i32> {
    let GameInfo::Scheduled {
        away,
        home,
        kickoff_utc,
    } = info
    else {
        unreachable!("SalaryFile::games returns scheduled games only")
    };
    if let Some(existing) = game::Entity::find()
        .filter(game::Column::AwayTeam.eq(away))
        .filter(game::Column::HomeTeam.eq(home))
        .filter(game::Column::KickoffUtc.eq(*kickoff_utc))
        .one(txn)
        .await
        .map_err(crate::store::db_err(IMPORTING))?
    {
        return Ok(existing.id);
    }
    let inserted = game::ActiveModel {
        season: Set(season_of(*kickoff_utc)),
        week: Set(None),
        away_team: Set(away.clone()),
        home_team: Set(home.clone()),
        kickoff_utc: Set(*kickoff_utc),
        nflverse_game_id: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await
    .map_err(crate::store::db_err(IMPORTING))?;
    Ok(inserted.id)
}

/// The NFL season a kickoff belongs to: January and February games close the previous season.
fn season_of(kickoff: DateTime<Utc>) -> i32 {
    let local = kickoff.with_timezone(&New_York);
    if local.month() <= 2 {
        local.year() - 1
    } else {
        local.year()
    }
}

fn layout_name(layout: SalaryLayout) -> &'static str {
    match layout {
        SalaryLayout::Standard => "standard",
        SalaryLayout::EntriesTemplate => "entries_template",
        SalaryLayout::Legacy => "legacy",
    }
}

/// `Sun 12/27/2020 · 11 games`, or `Thu 09/05 – Mon 09/09/2019 · 16 games` across days; the
/// file name when no game is scheduled.
fn default_name(file_name: &str, file: &SalaryFile) -> String {
    let kickoffs: Vec<DateTime<chrono_tz::Tz>> = file
        .games()
        .into_iter()
        .filter_map(|g| match g {
            GameInfo::Scheduled { kickoff_utc, .. } => Some(kickoff_utc.with_timezone(&New_York)),
            _ => None,
        })
        .collect();
    let (Some(first), Some(last)) = (kickoffs.iter().min(), kickoffs.iter().max()) else {
        return file_name.to_string();
    };
    let games = kickoffs.len();
    let plural = if games == 1 { "game" } else { "games" };
    if first.date_naive() == last.date_naive() {
        format!("{} · {games} {plural}", first.format("%a %m/%d/%Y"))
    } else {
        format!(
            "{} – {} · {games} {plural}",
            first.format("%a %m/%d"),
            last.format("%a %m/%d/%Y")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn january_games_belong_to_the_previous_season() {
        let jan = Utc.with_ymd_and_hms(2021, 1, 3, 18, 0, 0).unwrap();
        let sep = Utc.with_ymd_and_hms(2020, 9, 13, 17, 0, 0).unwrap();
        assert_eq!(season_of(jan), 2020);
        assert_eq!(season_of(sep), 2020);
    }

    #[test]
    fn names_a_slate_by_its_days_and_games() {
        let header = "Position,Name + ID,Name,ID,Roster Position,Salary,Game Info,TeamAbbrev,AvgPointsPerGame";
        let one_day = format!(
            "{header}\nQB,A (1),A,1,QB,5000,ATL@KC 12/27/2020 01:00PM ET,KC,1\n\
             QB,B (2),B,2,QB,5000,NE@BUF 12/27/2020 04:25PM ET,NE,1\n"
        );
        let file = SalaryFile::parse("f.csv", one_day.as_bytes()).unwrap();
        assert_eq!(default_name("f.csv", &file), "Sun 12/27/2020 · 2 games");
        let two_days = one_day.replace("12/27/2020 04:25PM", "12/28/2020 08:15PM");
        let file = SalaryFile::parse("f.csv", two_days.as_bytes()).unwrap();
        assert_eq!(
            default_name("f.csv", &file),
            "Sun 12/27 – Mon 12/28/2020 · 2 games"
        );
    }
}
