//! How long one assessment takes: 2,000 employees × 12 wage months (the UI re-assesses on every
//! keystroke). Run with `cargo bench -p bangfu-rules --bench assess`.
//!
//! Plain `std::time::Instant`, no benchmarking crate: the first call (which also parses the
//! shipped reference data once) is reported separately, then the median, minimum and maximum of
//! repeated runs.

use bangfu_rules::{assess, sample, Status};
use chrono::NaiveDate;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn measure(label: &str, employees: usize, months: u32, runs: usize) {
    let date = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap_or_default();
    let draft = sample::qualifying_draft(employees, months, date);
    let first = Instant::now();
    let a = assess(black_box(&draft), date);
    let first = first.elapsed();
    assert_eq!(a.overall, Status::Met, "the sample workshop should qualify");
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            black_box(assess(black_box(&draft), date));
            t.elapsed()
        })
        .collect();
    times.sort();
    let median = times[times.len() / 2];
    println!(
        "{label:<28} first {:>8.2} ms   median {:>8.2} ms   min {:>8.2} ms   max {:>8.2} ms   ({runs} runs, {} people, {} wage months checked)",
        ms(first),
        ms(median),
        ms(times[0]),
        ms(times[times.len() - 1]),
        a.employees.len(),
        a.employees.iter().map(|e| e.wage_months.len()).sum::<usize>(),
    );
}

fn main() {
    // `cargo bench` passes `--bench`; nothing to parse.
    measure("2,000 employees × 12 months", 2_000, 12, 30);
    measure("200 employees × 12 months", 200, 12, 100);
    measure("20 employees × 6 months", 20, 6, 300);
}
