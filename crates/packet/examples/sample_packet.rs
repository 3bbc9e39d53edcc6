//! Writes a sample packet: `cargo run -p bangfu-packet --example sample_packet -- OUT.pdf [N]`
//! (N employees, 6 wage months, assessed on 2026-03-01; N = 0: an empty draft). With `SAMPLE_DRAFT_JSON=path` it also
//! writes the draft as JSON (what the worker is sent).
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "packet.pdf".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(12);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).ok_or("date")?;
    // N = 0: an empty draft (what a user who filled in nothing would print).
    let draft = if n == 0 {
        bangfu_model::Draft::default()
    } else {
        bangfu_rules::sample::qualifying_draft(n, 6, date)
    };
    if let Some(path) = std::env::var_os("SAMPLE_DRAFT_JSON") {
        std::fs::write(path, serde_json::to_string(&draft)?)?;
    }
    let a = bangfu_rules::assess(&draft, date);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let fonts = bangfu_packet::Fonts::load_dir(&dir, &bangfu_packet::draft_chars(&draft))?;
    let now = date.and_hms_opt(9, 30, 0).ok_or("time")?;
    let t = std::time::Instant::now();
    let pdf = bangfu_packet::build_packet(
        &draft,
        &a,
        &fonts,
        &bangfu_packet::PacketOptions::china_time(now),
        &mut |_, _| {},
    )?;
    eprintln!("{} bytes in {:?}", pdf.len(), t.elapsed());
    std::fs::write(out, pdf)?;
    Ok(())
}
