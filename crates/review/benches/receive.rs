//! Township benchmark: receiving 20 applications of 300 employees each (12 wage months), then
//! building the overview (every application assessed on its review date) and the records the
//! browser stores. Run with `cargo bench -p bangfu-review --bench receive`. Prints one line per
//! step (median of 5).

use bangfu_model::Envelope;
use bangfu_review::{overview, stored, Workspace};
use bangfu_rules::calendar::Calendar;
use bangfu_rules::sample::qualifying_draft;
use std::time::{Duration, Instant};

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap_or_default();
    let files: Vec<Vec<u8>> = (0..20)
        .map(|i| {
            let mut d = qualifying_draft(300, 12, today);
            d.applicant.name = format!("第{i}号帮扶车间合作社");
            // Distinct applicants: no USCC, so each name is its own applicant.
            d.applicant.credit_code.clear();
            Envelope::new(d, "2026-11-30T09:00:00Z")
                .to_json()
                .into_bytes()
        })
        .collect();
    let mb = files.iter().map(Vec::len).sum::<usize>() as f64 / 1e6;
    let (mut receive, mut rows, mut records) = (Vec::new(), Vec::new(), Vec::new());
    let mut bytes = 0;
    for _ in 0..5 {
        let mut ws = Workspace::default();
        let t = Instant::now();
        for (i, f) in files.iter().enumerate() {
            ws.receive(&format!("{i}.json"), f, "", today)
                .expect("received");
        }
        receive.push(t.elapsed());
        let t = Instant::now();
        let r = overview::rows(&ws, Calendar::shipped(), today);
        assert_eq!(r.len(), 20);
        rows.push(t.elapsed());
        let t = Instant::now();
        bytes = ws
            .applications
            .iter()
            .flat_map(stored::application_records)
            .map(|(k, v)| k.len() + v.len())
            .sum::<usize>();
        records.push(t.elapsed());
    }
    println!("files: 20 × 300 employees × 12 months, {mb:.1} MB of JSON");
    println!(
        "receive all 20 (read, fingerprint, match): {:?}",
        median(receive)
    );
    println!(
        "overview of 20 (assess each on its review date): {:?}",
        median(rows)
    );
    println!(
        "stored records: {:.1} MB ({:?} to serialise)",
        bytes as f64 / 1e6,
        median(records)
    );
}
