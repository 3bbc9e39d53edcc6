//! The browser's clock, in local time (what the user's calendar says).

use chrono::NaiveDate;

/// Today's date in the browser's local time zone.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// Local time as `YYYY-MM-DDTHH:MM:SS` (for save stamps and file names).
pub fn now_local() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date(),
        now.get_hours(),
        now.get_minutes(),
        now.get_seconds()
    )
}

/// `HH:MM:SS` of a stamp made by [`now_local`].
pub fn time_of(stamp: &str) -> &str {
    stamp.split('T').nth(1).unwrap_or(stamp)
}
