//! Sizes and durations as the page shows them, to one decimal place ("1.4 MB", "2.3 秒").
//! Rounded to tenths as integers and written with integer formatting: formatting an `f64` with
//! `{:.1}` links Rust's float printing (≈11 KB of the page's wasm) for a handful of messages.

/// `value` rounded to one decimal place: `tenths(1.25) == "1.3"`; negative or not-a-number
/// values read as 0.
pub fn tenths(value: f64) -> String {
    let t = (value * 10.0).round();
    let t = if t.is_finite() && t > 0.0 {
        t as u64
    } else {
        0
    };
    format!("{}.{}", t / 10, t % 10)
}

/// Bytes in megabytes (MiB, as browsers report them) with one decimal: "1.4 MB".
pub fn megabytes(bytes: f64) -> String {
    format!("{} MB", tenths(bytes / 1_048_576.0))
}

/// Milliseconds, whole: "12"; not a number reads as 0.
pub fn whole(value: f64) -> String {
    let v = value.round();
    if v.is_finite() {
        (v as i64).to_string()
    } else {
        "0".to_owned()
    }
}
