//! A projections file: `ID,Projection` (DraftKings ID, points), one player per line, to run the
//! optimizer on the user's own numbers.

use crate::dk::FileError;
use crate::slate::Slate;
use csv::ReaderBuilder;
use std::collections::HashMap;

/// Reads a projections file into slate-player ids and points. Every ID must be on the slate and
/// every projection a number from 0 to 100.
pub fn read(file: &str, bytes: &[u8], slate: &Slate) -> Result<HashMap<i32, f64>, FileError> {
    let mut reader = ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes));
    let header = reader
        .headers()
        .map_err(|e| FileError::new(file, Some(1), None, format!("not valid CSV: {e}")))?
        .clone();
    let column = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
    let (Some(id_col), Some(points_col)) = (column("ID"), column("Projection")) else {
        return Err(FileError::new(
            file,
            Some(1),
            None,
            "the header must have the columns ID and Projection",
        ));
    };
    let mut out = HashMap::new();
    for record in reader.records() {
        let record = record.map_err(|e| {
            FileError::new(
                file,
                e.position().map(|p| p.line()),
                None,
                format!("not valid CSV: {e}"),
            )
        })?;
        let line = record.position().map(|p| p.line());
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
