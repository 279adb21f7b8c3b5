//! A projections file: `ID,Projection` (DraftKings ID, points), one player per line, to run the
//! optimizer on the user's own numbers.

use crate::dk::{named_columns, FileError};
use crate::slate::Slate;
use std::collections::HashMap;

/// Reads a projections file into slate-player ids and points. Every ID must be on the slate and
/// every projection a number from 0 to 100.
pub fn read(file: &str, bytes: &[u8], slate: &Slate) -> Result<HashMap<i32, f64>, FileError> {
    let (mut reader, [id_col, points_col]) =
        named_columns::open(file, bytes, ["ID", "Projection"])?;
    let mut out = HashMap::new();
    for record in named_columns::records(file, bytes, &mut reader) {
        let (record, line) = record?;
        let id_text = record.get(id_col).unwrap_or("");
        let player = id_text
            .parse::<i64>()
            .ok()
            .and_then(|id| slate.player_by_dk_id(id))
            .ok_or_else(|| {
                FileError::new(
                    file,
                    line,
                    Some("ID"),
                    format!(
                        "'{id_text}' is not a player ID of slate '{}'",
                        slate.summary.name
                    ),
                )
            })?;
        let points_text = record.get(points_col).unwrap_or("");
        let points = points_text
            .parse::<f64>()
            .ok()
            .filter(|p| (0.0..=100.0).contains(p))
            .ok_or_else(|| {
                FileError::new(
                    file,
                    line,
                    Some("Projection"),
                    format!("'{points_text}' is not a projection (0 to 100 points)"),
                )
            })?;
        out.insert(player.id, points);
    }
    Ok(out)
}
