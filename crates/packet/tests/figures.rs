//! The packet prints the rules' figures, not its own: read back with pdftotext, each person's
//! 累计就业月数 and 月均工资 on the roster, and each wage row's 对应最低工资标准, are the values in
//! the rules' `EmployeeFinding`s; numbers and codes are never split across lines; the township
//! typed again in the address is printed once.

mod common;
use bangfu_model::text::format_fen;
use bangfu_rules::Prorata;
use common::*;

/// The whole text of the PDF as pdftotext lays it out, one string per page.
fn pdftotext(pdf: &[u8]) -> Vec<String> {
    // One folder per call: the tests of this file run in parallel in one process.
    static CALLS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("bangfu-figures-{}-{n}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("packet.pdf");
    std::fs::write(&path, pdf).expect("write pdf");
    let out = std::process::Command::new("pdftotext")
        .arg("-layout")
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (poppler-utils)");
    let _ = std::fs::remove_dir_all(&dir);
    String::from_utf8_lossy(&out.stdout)
        .split('\u{c}')
        .map(str::to_owned)
        .collect()
}

/// The lines around each line holding `needle`, joined: one table row as pdftotext lays it out.
fn rows_with(pages: &[String], needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    for p in pages {
        let lines: Vec<&str> = p.lines().collect();
        for (i, l) in lines.iter().enumerate() {
            if l.contains(needle) {
                let from = i.saturating_sub(2);
                let to = (i + 3).min(lines.len());
                out.push(lines[from..to].join(" "));
            }
        }
    }
    out
}

/// A qualifying workshop where one person took unpaid leave in a month (15 of 21.75 days) and
/// one started mid-month, so the rules pro-rate the standard both ways.
fn draft_with_pro_rata() -> bangfu_model::Draft {
    let mut d = qualifying(8);
    let month = d.employees[0].wages[2].month.clone();
    let w = &mut d.employees[0].wages[2];
    w.days_worked = "15".into();
    w.gross = "1600.00".into();
    w.net = "1600.00".into();
    d.site.township_code.clear();
    d.site.township_other = "卓资山镇".into();
    d.site.address = "卓资山镇工业园区8号".into();
    assert!(!month.is_empty());
    d
}

#[test]
fn rosters_and_wage_tables_print_the_rules_figures() {
    if !which("pdftotext") {
        eprintln!("pdftotext missing: install poppler-utils");
        return;
    }
    let b = build(draft_with_pro_rata());
    let pages = pdftotext(&b.pdf);
    let all = squash(&pages.concat());
    let mut checked_attendance = false;
    for f in &b.assessment.employees {
        let e = b.draft.employee(f.key).expect("employee");
        if f.checks.is_empty() {
            continue;
        }
        // 吸纳脱贫人口就业花名册: the row of this person carries the rules' months and mean pay.
        let months = f.months_employed.expect("months").to_string();
        let avg = format_fen(f.average_gross_fen.expect("average"));
        // pdftotext lays a wrapped row out over a few lines around the one with the ID.
        let row = rows_with(&pages, &e.id_number)
            .into_iter()
            .find(|r| r.contains(&avg))
            .unwrap_or_else(|| panic!("no roster row for {} with {avg}", e.name));
        assert!(
            row.split_whitespace().any(|w| w == months),
            "{}: months {months} not in «{row}»",
            e.name
        );
        // 工资发放明细表: each month's 对应最低工资标准 is the rules' required amount.
        for m in f.wage_months.iter() {
            let Some(required) = m.required_fen else {
                continue;
            };
            if m.prorata == Prorata::Attendance {
                checked_attendance = true;
                let amount = format_fen(required);
                assert!(
                    rows_with(&pages, &e.id_number)
                        .iter()
                        .any(|r| r.contains(&amount) && r.contains("（出勤15天）")),
                    "attendance pro rata {} not printed: {}",
                    format_fen(required),
                    rows_with(&pages, &e.id_number).join("\n")
                );
                // Not the full monthly standard.
                assert_ne!(Some(required), m.monthly_fen);
            }
        }
    }
    assert!(
        checked_attendance,
        "the draft has a month pro-rated by attendance"
    );
    // The screen's words for who counts are the packet's.
    for f in &b.assessment.employees {
        assert!(
            all.contains(&squash(&f.standing.text)),
            "{}",
            f.standing.text
        );
    }
}

#[test]
fn codes_numbers_and_dates_never_break_across_lines() {
    if !which("pdftotext") {
        return;
    }
    let b = build(draft_with_pro_rata());
    let pages = pdftotext(&b.pdf);
    let lines: Vec<&str> = pages.iter().flat_map(|p| p.lines()).collect();
    let code = &b.draft.applicant.credit_code;
    assert!(
        lines.iter().any(|l| l.contains(code.as_str())),
        "credit code split"
    );
    for e in &b.draft.employees {
        assert!(
            lines.iter().any(|l| l.contains(e.id_number.as_str())),
            "ID {} split",
            e.id_number
        );
    }
    // No line ends in the middle of an ISO date or a Chinese one.
    for l in &lines {
        let t = l.trim_end();
        assert!(!t.ends_with('-'), "«{t}»");
        assert!(!t.ends_with('年'), "a date broken after 年: «{t}»");
    }
}

#[test]
fn the_township_typed_again_in_the_address_is_printed_once() {
    if !which("pdftotext") {
        return;
    }
    let b = build(draft_with_pro_rata());
    let all = squash(&pdftotext(&b.pdf).concat());
    let want = format!("卓资山镇{}工业园区8号", b.draft.site.village);
    assert!(all.contains(&want), "{want}");
    assert!(!all.contains("卓资山镇卓资山镇"));
    assert!(!all.contains(&format!("{}卓资山镇", b.draft.site.village)));
}
