//! How long one assessment takes: 2,000 employees × 12 wage months (the UI re-assesses on every
//! keystroke). Run with `cargo bench -p bangfu-rules --bench assess`.
//!
//! Plain `std::time::Instant`, no benchmarking crate. The first call (which also parses the
//! shipped reference data once) is reported separately, then the median and minimum of repeated
//! runs. On Linux the thread's on-CPU time (`/proc/thread-self/schedstat`) is reported too: on a
//! shared, busy machine wall time includes waiting for a core, CPU time does not.

use bangfu_rules::{assess, sample, Status};
use chrono::NaiveDate;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nanoseconds this thread has run on a CPU, when the OS says.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn median(v: &mut [Duration]) -> Duration {
    v.sort();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn measure(label: &str, employees: usize, months: u32, runs: usize) {
    let date = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap_or_default();
    let draft = sample::qualifying_draft(employees, months, date);
    let first = Instant::now();
    let a = assess(black_box(&draft), date);
    let first = first.elapsed();
    assert_eq!(a.overall, Status::Met, "the sample workshop should qualify");
    let mut wall = Vec::with_capacity(runs);
    let mut cpu = Vec::with_capacity(runs);
    for _ in 0..runs {
        let c0 = cpu_ns();
        let t = Instant::now();
        let out = assess(black_box(&draft), date);
        let elapsed = t.elapsed();
        let c1 = cpu_ns();
        drop(black_box(out));
        wall.push(elapsed);
        if let (Some(a), Some(b)) = (c0, c1) {
            cpu.push(Duration::from_nanos(b.saturating_sub(a)));
        }
    }
    let min = wall.iter().min().copied().unwrap_or_default();
    let cpu_text = if cpu.is_empty() {
        String::new()
    } else {
        let min_cpu = cpu.iter().min().copied().unwrap_or_default();
        format!(
            "   cpu median {:>7.2} ms min {:>7.2} ms",
            ms(median(&mut cpu)),
            ms(min_cpu)
        )
    };
    println!(
        "{label:<28} first {:>7.2} ms   wall median {:>7.2} ms min {:>7.2} ms{cpu_text}   ({runs} runs, {} wage months checked)",
        ms(first),
        ms(median(&mut wall)),
        ms(min),
        a.employees.iter().map(|e| e.wage_months.len()).sum::<usize>(),
    );
}

/// What one keystroke triggers: one person's wage edited, then the incremental re-assessment.
fn measure_incremental(label: &str, employees: usize, runs: usize) {
    let date = NaiveDate::from_ymd_opt(2026, 6, 20).unwrap_or_default();
    let mut draft = sample::qualifying_draft(employees, 12, date);
    let mut assessor = bangfu_rules::Assessor::default();
    assessor.assess(&draft, date);
    let mut wall = Vec::with_capacity(runs);
    for i in 0..runs {
        let e = &mut draft.employees[i % employees];
        if let Some(w) = e.wages.first_mut() {
            w.gross.push('0');
        }
        let key = draft.employees[i % employees].key;
        let changed: std::collections::BTreeSet<u32> = [key].into_iter().collect();
        let t = Instant::now();
        let out = assessor.assess_changed(black_box(&draft), date, Some(&changed));
        wall.push(t.elapsed());
        assert_eq!(assessor.last_rejudged(), 1);
        drop(black_box(out));
    }
    println!(
        "{label:<28} incremental, one edit: median {:>7.2} ms min {:>7.2} ms ({runs} runs)",
        ms(median(&mut wall)),
        ms(wall.iter().min().copied().unwrap_or_default())
    );
}

fn main() {
    measure_incremental("2,000 employees × 12 months", 2_000, 30);
    measure_incremental("4,000 employees × 12 months", 4_000, 15);
    // `cargo bench` passes `--bench`; nothing to parse.
    measure("2,000 employees × 12 months", 2_000, 12, 30);
    measure("1,000 employees × 12 months", 1_000, 12, 50);
    measure("4,000 employees × 12 months", 4_000, 12, 15);
    measure("200 employees × 12 months", 200, 12, 100);
    measure("20 employees × 6 months", 20, 6, 300);
}
