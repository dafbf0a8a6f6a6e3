//! The clock every schedule reads: current UTC, unless `TERAKOYA_NOW`
//! (an RFC 3339 time, e.g. `2026-11-25T09:24:04Z` or
//! `2026-11-25T18:24:04+09:00`) sets it, for tests and for planning ("what
//! will be due on the day of the exam?"). Ticks, reviews and sections read
//! are then recorded at that time too.

use std::str::FromStr;

use jiff::Timestamp;
use terakoya_core::progress::time;

/// The environment variable that sets the clock.
pub const NOW_VAR: &str = "TERAKOYA_NOW";

/// Now in seconds since the Unix epoch: `TERAKOYA_NOW` if it is set (and
/// not empty) and reads, else the system clock. Call [`check`] once at start
/// so that a mistyped value is an error, not silently the real time.
pub fn now() -> u64 {
    from_env().ok().flatten().unwrap_or_else(time::now)
}

/// Fails with the value if `TERAKOYA_NOW` is set but not an RFC 3339 time.
pub fn check() -> anyhow::Result<()> {
    from_env().map(|_| ())
}

fn from_env() -> anyhow::Result<Option<u64>> {
    match std::env::var(NOW_VAR) {
        Ok(value) if value.trim().is_empty() => Ok(None),
        Ok(value) => parse(&value)
            .map(Some)
            .ok_or_else(|| anyhow::anyhow!(crate::t!("review.bad_now", value = value.trim()))),
        Err(std::env::VarError::NotPresent) => Ok(None),
        Err(std::env::VarError::NotUnicode(_)) => {
            Err(anyhow::anyhow!(crate::t!("review.bad_now", value = "?")))
        }
    }
}

/// An RFC 3339 time as seconds since the epoch; `None` if it does not read
/// or is before 1970.
pub fn parse(text: &str) -> Option<u64> {
    let stamp = Timestamp::from_str(text.trim()).ok()?;
    u64::try_from(stamp.as_second()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc_3339_times_with_any_offset_read() {
        assert_eq!(parse("2026-11-25T09:24:04Z"), Some(1_795_598_644));
        assert_eq!(parse("2026-11-25T18:24:04+09:00"), Some(1_795_598_644));
        assert_eq!(parse("yesterday"), None);
        assert_eq!(parse("1969-12-31T23:59:59Z"), None);
    }
}
