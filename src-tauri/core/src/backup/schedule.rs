//! When backups are due: the database once a day at [`DAILY_HOUR`] local time (or at the next
//! look after that hour when the app was closed then), the models once a week.

use super::catalog::{BackupEntry, BackupKind};
use chrono::{DateTime, Duration, Local, NaiveTime, TimeZone, Utc};

/// The local hour of the daily database backup.
pub const DAILY_HOUR: u32 = 3;

/// Days between model backups.
pub const MODEL_BACKUP_DAYS: u32 = 7;

/// The latest daily backup time at or before `now` (local time).
fn last_daily_time<Tz: TimeZone>(now: &DateTime<Tz>) -> DateTime<Utc> {
    let at = NaiveTime::from_hms_opt(DAILY_HOUR, 0, 0).expect("a valid hour");
    let today = now.date_naive().and_time(at);
    let tz = now.timezone();
    // A DST gap at 03:00 moves the time to the next valid instant; ambiguity takes the first.
    let resolve = |naive: chrono::NaiveDateTime| {
        tz.from_local_datetime(&naive)
            .earliest()
            .or_else(|| {
                tz.from_local_datetime(&(naive + Duration::hours(1)))
                    .earliest()
            })
            .map(|t| t.with_timezone(&Utc))
    };
    let today = resolve(today).unwrap_or_else(|| now.with_timezone(&Utc));
    if now.with_timezone(&Utc) >= today {
        today
    } else {
        today - Duration::days(1)
    }
}

/// The kinds of backup due at `now`, given the backups there are. `models_present` says
/// whether there is a registry worth archiving.
pub fn due<Tz: TimeZone>(
    backups: &[BackupEntry],
    now: &DateTime<Tz>,
    models_present: bool,
) -> Vec<BackupKind> {
    let newest = |kind| {
        backups
            .iter()
            .filter(|e| e.kind == kind)
            .map(BackupEntry::created_at)
            .max()
    };
    let mut out = Vec::new();
    if newest(BackupKind::Database).is_none_or(|t| t < last_daily_time(now)) {
        out.push(BackupKind::Database);
    }
    let week_ago = now.with_timezone(&Utc) - Duration::days(i64::from(MODEL_BACKUP_DAYS));
    if models_present && newest(BackupKind::Models).is_none_or(|t| t <= week_ago) {
        out.push(BackupKind::Models);
    }
    out
}

/// [`due`] in this machine's time zone.
pub fn due_now(backups: &[BackupEntry], models_present: bool) -> Vec<BackupKind> {
    due(backups, &Local::now(), models_present)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::backup::catalog::{entry_of, new_path, BackupReason};
    use chrono::FixedOffset;

    fn backup(kind: BackupKind, at: DateTime<Utc>) -> BackupEntry {
        entry_of(&new_path(
            std::path::Path::new("/b"),
            kind,
            BackupReason::Daily,
            at,
        ))
        .unwrap()
    }

    #[test]
    fn the_database_is_due_once_after_each_3am_local() {
        // New York in winter: UTC-5.
        let tz = FixedOffset::west_opt(5 * 3600).unwrap();
        let at = |d, h, m| tz.with_ymd_and_hms(2026, 11, d, h, m, 0).unwrap();
        let utc = |t: DateTime<FixedOffset>| t.with_timezone(&Utc);
        // No backup yet: due at once.
        assert_eq!(due(&[], &at(28, 1, 0), false), vec![BackupKind::Database]);
        // Made at 03:00: not due again that day, even late in the evening...
        let made = [backup(BackupKind::Database, utc(at(28, 3, 0)))];
        assert!(due(&made, &at(28, 23, 59), false).is_empty());
        // ...nor the next night before 03:00, but due from 03:00.
        assert!(due(&made, &at(29, 2, 59), false).is_empty());
        assert_eq!(due(&made, &at(29, 3, 0), false), vec![BackupKind::Database]);
        // Missed (app closed at 03:00): due at the next start, whenever it is.
        let yesterday_noon = [backup(BackupKind::Database, utc(at(27, 12, 0)))];
        assert_eq!(
            due(&yesterday_noon, &at(28, 18, 0), false),
            vec![BackupKind::Database]
        );
    }

    #[test]
    fn models_are_due_weekly_when_there_are_models() {
        let now = Utc.with_ymd_and_hms(2026, 11, 28, 12, 0, 0).unwrap();
        let db = backup(BackupKind::Database, now);
        let six_days = backup(BackupKind::Models, now - Duration::days(6));
        let eight_days = backup(BackupKind::Models, now - Duration::days(8));
        assert!(due(&[db.clone(), six_days], &now, true).is_empty());
        assert_eq!(
            due(&[db.clone(), eight_days], &now, true),
            vec![BackupKind::Models]
        );
        assert_eq!(
            due(std::slice::from_ref(&db), &now, true),
            vec![BackupKind::Models]
        );
        assert!(due(&[db], &now, false).is_empty());
    }
}
