//! Timestamps: seconds since the Unix epoch in memory, RFC 3339 UTC datetimes
//! (native TOML datetimes) in the file, so that a person can read them.
//!
//! The core only ever needs UTC: the file stores UTC instants, and dates
//! for people (a local day, "5 min ago") are worded by the front end in the
//! user's time zone (`progress_words` in terakoya, with the `jiff` crate).
//! For UTC alone, Howard Hinnant's `days_from_civil` / `civil_from_days`
//! (proleptic Gregorian calendar) are a few lines, and no time-zone
//! database is needed here.

use std::time::{SystemTime, UNIX_EPOCH};

use toml::value::{Date, Datetime, Offset, Time};

const SECS_PER_DAY: i64 = 86_400;
/// The file format stops at year 9999 (four-digit years in RFC 3339).
const MAX_SECS: u64 = 253_402_300_799; // 9999-12-31T23:59:59Z

/// Now, in seconds since the Unix epoch (0 if the clock is before 1970).
pub fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// `secs` as an offset datetime in UTC, e.g. `2026-11-25T09:24:04Z`.
pub fn to_datetime(secs: u64) -> Datetime {
    let secs = secs.min(MAX_SECS);
    let (days, rem) = (secs / 86_400, secs % 86_400);
    let (year, month, day) = civil_from_days(i64::try_from(days).unwrap_or(0));
    Datetime {
        date: Some(Date {
            year: u16::try_from(year).unwrap_or(9999),
            month,
            day,
        }),
        time: Some(Time {
            hour: narrow(rem / 3600),
            minute: narrow(rem / 60 % 60),
            second: Some(narrow(rem % 60)),
            nanosecond: None,
        }),
        offset: Some(Offset::Z),
    }
}

/// The instant a datetime names, in seconds since the Unix epoch. A datetime
/// without an offset is taken as UTC; one without a time of day is refused
/// (`None`), as is one before 1970.
pub fn from_datetime(datetime: &Datetime) -> Option<u64> {
    let date = datetime.date?;
    let time = datetime.time?;
    if !(1..=12).contains(&date.month) || date.day == 0 || date.day > days_in_month(date) {
        return None;
    }
    let days = days_from_civil(i64::from(date.year), date.month, date.day);
    let seconds_of_day = i64::from(time.hour) * 3600
        + i64::from(time.minute) * 60
        + i64::from(time.second.unwrap_or(0).min(59));
    let offset = match datetime.offset {
        Some(Offset::Custom { minutes }) => i64::from(minutes) * 60,
        Some(Offset::Z) | None => 0,
    };
    u64::try_from(days * SECS_PER_DAY + seconds_of_day - offset).ok()
}

/// A compact UTC stamp for file names: `20261125T092404Z`.
pub fn file_stamp(secs: u64) -> String {
    let datetime = to_datetime(secs);
    let (Some(d), Some(t)) = (datetime.date, datetime.time) else {
        return secs.to_string();
    };
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        d.year,
        d.month,
        d.day,
        t.hour,
        t.minute,
        t.second.unwrap_or(0)
    )
}

fn narrow(value: u64) -> u8 {
    u8::try_from(value).unwrap_or(u8::MAX)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(date: Date) -> u8 {
    match date.month {
        2 if is_leap(i64::from(date.year)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date.
fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day count since 1970-01-01 (inverse of `days_from_civil`).
fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (
        year,
        u8::try_from(month).unwrap_or(1),
        u8::try_from(day).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parse(text: &str) -> Datetime {
        text.parse().unwrap()
    }

    #[test]
    fn known_instants() {
        assert_eq!(to_datetime(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(
            to_datetime(1_795_598_644).to_string(),
            "2026-11-25T09:24:04Z"
        );
        // A leap day, and the last second of a leap year.
        assert_eq!(to_datetime(951_782_400).to_string(), "2000-02-29T00:00:00Z");
        assert_eq!(
            to_datetime(1_735_689_599).to_string(),
            "2024-12-31T23:59:59Z"
        );
    }

    #[test]
    fn offsets_and_local_datetimes() {
        assert_eq!(
            from_datetime(&parse("2026-11-25T18:24:04+09:00")),
            Some(1_795_598_644)
        );
        assert_eq!(
            from_datetime(&parse("2026-11-25T09:24:04")),
            Some(1_795_598_644)
        );
        assert_eq!(from_datetime(&parse("2026-11-25")), None);
        assert_eq!(from_datetime(&parse("09:24:04")), None);
        assert_eq!(from_datetime(&parse("1969-12-31T23:59:59Z")), None);
        // toml refuses impossible dates itself; a hand-made one is refused too.
        let mut impossible = parse("2026-02-28T00:00:00Z");
        impossible.date = Some(Date {
            year: 2026,
            month: 2,
            day: 30,
        });
        assert_eq!(from_datetime(&impossible), None);
    }

    #[test]
    fn stamps() {
        assert_eq!(file_stamp(1_795_598_644), "20261125T092404Z");
    }

    proptest! {
        #[test]
        fn round_trips_through_text(secs in 0..=MAX_SECS) {
            let text = to_datetime(secs).to_string();
            prop_assert_eq!(from_datetime(&parse(&text)), Some(secs));
        }

        #[test]
        fn day_counts_round_trip(days in -800_000i64..3_000_000) {
            let (y, m, d) = civil_from_days(days);
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
