//! Bench binary (`cargo bench -p bangfu-packet --bench packet`): packets of 300 and 3,000
//! employees (6 wage months each), natively. Prints time per packet (best and median of a few
//! runs), PDF size, pages, the bytes of the fonts embedded in the PDF (subset, as stored), and
//! the bytes of font files a browser would download for the draft.
//! Goals (issue 5): 300 employees ≤ 1 s and ≤ 1 MB; 3,000 ≤ 8 s.

use std::path::Path;
use std::time::{Duration, Instant};

use bangfu_packet::{build_packet, draft_chars, Fonts, PacketOptions};

fn main() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fonts");
    if !dir.join("manifest.json").is_file() {
        eprintln!(
            "no fonts in {}: run `bash scripts/fonts.sh` first",
            dir.display()
        );
        std::process::exit(1);
    }
    let Some(date) = chrono::NaiveDate::from_ymd_opt(2026, 3, 1) else {
        return;
    };
    let Some(now) = date.and_hms_opt(9, 0, 0) else {
        return;
    };
    for (n, runs) in [(300usize, 5usize), (3000, 3)] {
        let draft = bangfu_rules::sample::qualifying_draft(n, 6, date);
        let assessment = bangfu_rules::assess(&draft, date);
        let t = Instant::now();
        let fonts = match Fonts::load_dir(&dir, &draft_chars(&draft)) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("fonts: {e}");
                std::process::exit(1);
            }
        };
        let load = t.elapsed();
        let mut times: Vec<Duration> = Vec::new();
        let mut last = Vec::new();
        let mut pages = 0;
        for _ in 0..runs {
            let t = Instant::now();
            match build_packet(
                &draft,
                &assessment,
                &fonts,
                &PacketOptions::china_time(now),
                &mut |_, total| pages = total - 1,
            ) {
                Ok(pdf) => last = pdf,
                Err(e) => {
                    eprintln!("packet: {e}");
                    std::process::exit(1);
                }
            }
            times.push(t.elapsed());
        }
        times.sort();
        println!(
            "{n:>5} employees: best {:>7.3} s, median {:>7.3} s; {pages} pages, PDF {:.1} KB \
             (fonts in it {}); fonts downloaded {:.1} KB in {} files (read {:.3} s)",
            times[0].as_secs_f64(),
            times[times.len() / 2].as_secs_f64(),
            last.len() as f64 / 1024.0,
            embedded_fonts(&last),
            fonts.total_bytes() as f64 / 1024.0,
            fonts.regular_faces() + 1,
            load.as_secs_f64(),
        );
    }
}

/// The embedded font programs (`FontFile2` streams, as stored) of a PDF, e.g.
/// "150.1 KB: 118.4 + 31.7", largest first.
fn embedded_fonts(pdf: &[u8]) -> String {
    let Ok(doc) = lopdf::Document::load_mem(pdf) else {
        return "unreadable".into();
    };
    let mut sizes: Vec<usize> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| d.get(b"FontFile2").and_then(|f| f.as_reference()).ok())
        .filter_map(|r| doc.get_object(r).and_then(|o| o.as_stream()).ok())
        .map(|s| s.content.len())
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    let kb = |b: usize| format!("{:.1}", b as f64 / 1024.0);
    let parts: Vec<String> = sizes.iter().map(|&b| kb(b)).collect();
    format!("{} KB: {}", kb(sizes.iter().sum()), parts.join(" + "))
}
