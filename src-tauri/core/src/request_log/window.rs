//! The time a usage range covers, in whole hours, and how its timeline is cut into buckets.
//! Days are the user's calendar days: the face passes its UTC offset (the core never reads
//! the local time zone), so "today" starts at the user's midnight. Ranges are whole hours
//! because the rollups are hourly; with an offset that is not a whole number of hours (UTC+5:30)
//! a day starts up to 59 minutes early. One offset covers the whole range, so across a
//! daylight-saving change one day in the chart is an hour longer or shorter.

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::write::HOUR_MS;

/// Milliseconds in a day.
pub const DAY_MS: i64 = 24 * HOUR_MS;

/// The ranges the Usage page offers (Pixlpay's: Today, Last 7 days, Last 30 days, Last year,
/// All time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
pub enum UsageRange {
    #[serde(rename = "today")]
    Today,
    #[serde(rename = "7d")]
    Days7,
    #[default]
    #[serde(rename = "30d")]
    Days30,
    #[serde(rename = "1y")]
    Year,
    #[serde(rename = "all")]
    All,
}

impl UsageRange {
    /// Reads `today`, `7d`, `30d`, `1y` or `all`.
    pub fn parse(word: &str) -> Option<Self> {
        match word.trim().to_ascii_lowercase().as_str() {
            "today" => Some(UsageRange::Today),
            "7d" => Some(UsageRange::Days7),
            "30d" => Some(UsageRange::Days30),
            "1y" | "365d" => Some(UsageRange::Year),
            "all" => Some(UsageRange::All),
            _ => None,
        }
    }

    /// Calendar days covered, today included (`None` for all time).
    fn days(self) -> Option<i64> {
        match self {
            UsageRange::Today => Some(1),
            UsageRange::Days7 => Some(7),
            UsageRange::Days30 => Some(30),
            UsageRange::Year => Some(365),
            UsageRange::All => None,
        }
    }
}

/// Hourly buckets for a day, daily ones for longer ranges.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Bucket {
    Hour,
    Day,
}

/// A resolved range: hours `from_hour..=to_hour` (hour numbers since the epoch).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from_hour: i64,
    pub to_hour: i64,
    /// First hour of the user's today.
    pub today_hour: i64,
    pub bucket: Bucket,
    pub offset_ms: i64,
}

impl Window {
    /// The window of `range` at `now` for a user at `utc_offset_minutes`; `first_hour` is the
    /// oldest hour in the log (for all time).
    pub fn new(range: UsageRange, now: DateTime<Utc>, utc_offset_minutes: i32, first_hour: Option<i64>) -> Self {
        let offset_ms = i64::from(utc_offset_minutes.clamp(-14 * 60, 14 * 60)) * 60_000;
        let now_ms = now.timestamp_millis();
        let local_midnight = (now_ms + offset_ms).div_euclid(DAY_MS) * DAY_MS - offset_ms;
        let today_hour = local_midnight.div_euclid(HOUR_MS);
        let to_hour = now_ms.div_euclid(HOUR_MS);
        let from_hour = match range.days() {
            Some(days) => (local_midnight - (days - 1) * DAY_MS).div_euclid(HOUR_MS),
            None => {
                let first = first_hour.unwrap_or(today_hour).min(today_hour);
                // From the start of the first logged day.
                ((first * HOUR_MS + offset_ms).div_euclid(DAY_MS) * DAY_MS - offset_ms).div_euclid(HOUR_MS)
            }
        };
        let bucket = if range == UsageRange::Today { Bucket::Hour } else { Bucket::Day };
        Window { from_hour, to_hour, today_hour, bucket, offset_ms }
    }

    /// Length of a bucket in milliseconds.
    pub fn bucket_ms(&self) -> i64 {
        match self.bucket {
            Bucket::Hour => HOUR_MS,
            Bucket::Day => DAY_MS,
        }
    }

    /// The bucket number of an hour (the SQL computes the same: `(hour*HOUR_MS + offset) / bucket_ms`).
    pub fn bucket_of(&self, hour: i64) -> i64 {
        (hour * HOUR_MS + self.offset_ms).div_euclid(self.bucket_ms())
    }

    /// Every bucket of the window, oldest first, with its start time: today's 24 hours, or
    /// each calendar day of the range.
    pub fn buckets(&self) -> Vec<(i64, DateTime<Utc>)> {
        let first = self.bucket_of(self.from_hour);
        let last = match self.bucket {
            Bucket::Hour => self.bucket_of(self.today_hour) + 23,
            Bucket::Day => self.bucket_of(self.to_hour),
        };
        (first..=last)
            .map(|b| {
                let start_ms = b * self.bucket_ms() - self.offset_ms;
                (b, DateTime::<Utc>::UNIX_EPOCH + Duration::milliseconds(start_ms))
            })
            .collect()
    }

    /// Start of the window.
    pub fn from(&self) -> DateTime<Utc> {
        DateTime::<Utc>::UNIX_EPOCH + Duration::milliseconds(self.from_hour * HOUR_MS)
    }

    /// Raw rows inside the window: `at` in `[from_ms, until_ms)`.
    pub fn raw_bounds(&self) -> (i64, i64) {
        (self.from_hour * HOUR_MS, (self.to_hour + 1) * HOUR_MS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).expect("date").with_timezone(&Utc)
    }

    #[test]
    fn seven_days_are_six_whole_local_days_and_today() {
        let w = Window::new(UsageRange::Days7, at("2026-03-10T15:20:00Z"), 0, None);
        assert_eq!(w.from(), at("2026-03-04T00:00:00Z"));
        let days = w.buckets();
        assert_eq!(days.len(), 7, "seven daily buckets");
        assert_eq!(days[6].1, at("2026-03-10T00:00:00Z"), "the last one is today");
        assert_eq!(w.bucket, Bucket::Day);
    }

    #[test]
    fn today_starts_at_the_users_midnight_not_utcs() {
        // 01:30 in UTC+2 is 23:30 UTC of the day before: "today" began at 22:00 UTC.
        let w = Window::new(UsageRange::Today, at("2026-03-09T23:30:00Z"), 120, None);
        assert_eq!(w.from(), at("2026-03-09T22:00:00Z"));
        let hours = w.buckets();
        assert_eq!(hours.len(), 24, "a day has 24 hourly buckets, future ones included");
        assert_eq!(hours[0].1, at("2026-03-09T22:00:00Z"));
    }

    #[test]
    fn all_time_starts_on_the_first_logged_day() {
        let first = at("2026-01-15T09:10:00Z").timestamp_millis() / HOUR_MS;
        let w = Window::new(UsageRange::All, at("2026-03-10T12:00:00Z"), 0, Some(first));
        assert_eq!(w.from(), at("2026-01-15T00:00:00Z"));
        assert_eq!(w.buckets().len(), 55, "15 Jan to 10 Mar inclusive");
        let empty = Window::new(UsageRange::All, at("2026-03-10T12:00:00Z"), 0, None);
        assert_eq!(empty.buckets().len(), 1, "an empty log shows today only");
    }

    #[test]
    fn ranges_read_from_words() {
        assert_eq!(UsageRange::parse("7D"), Some(UsageRange::Days7));
        assert_eq!(UsageRange::parse("1y"), Some(UsageRange::Year));
        assert_eq!(UsageRange::parse("week"), None);
        assert_eq!(serde_json::to_string(&UsageRange::Days30).expect("json"), "\"30d\"");
    }
}
