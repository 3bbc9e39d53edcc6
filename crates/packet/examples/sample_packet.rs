//! Writes a sample packet: `cargo run -p bangfu-packet --example sample_packet -- OUT.pdf [N]`.
fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let out = args.next().unwrap_or_else(|| "packet.pdf".into());
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(12);
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).ok_or("date")?;
    let draft = bangfu_rules::sample::qualifying_draft(n, 6, date);
    let a = bangfu_rules::assess(&draft, date);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    let fonts = bangfu_packet::Fonts::load_dir(&dir, &bangfu_packet::draft_chars(&draft))?;
    let now = date.and_hms_opt(9, 30, 0).ok_or("time")?;
    let t = std::time::Instant::now();
    let pdf = bangfu_packet::build_packet(
        &draft,
        &a,
        &fonts,
        &bangfu_packet::PacketOptions { now },
        &mut |_, _| {},
    )?;
    eprintln!("{} bytes in {:?}", pdf.len(), t.elapsed());
    std::fs::write(out, pdf)?;
    Ok(())
}
