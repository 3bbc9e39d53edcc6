//! The township's documents read back from the PDF: the 审查意见表 names the applicant, the
//! members, the sampled workers (ID numbers masked), the conclusion and the dates; the 公示 has
//! the applicants and the period but no worker's name or ID number; the 书面说明 gives the
//! reasons; the 报送清单 the fingerprints.

mod common;
use bangfu_model::{Draft, Envelope};
use bangfu_packet::township::{notice_pdf, opinion_pdf, refusal_pdf, submission_pdf};
use bangfu_packet::{Fonts, PacketOptions};
use bangfu_review::documents::{
    NoticeLine, OpinionSheet, PublicNotice, RefusalLetter, SubmissionList,
};
use bangfu_review::reading::Reading;
use bangfu_review::{
    check, sample, Application, Conclusion, Member, Method, Objections, Reached, Workspace,
};
use bangfu_rules::calendar::Calendar;
use bangfu_rules::sample::qualifying_draft;
use chrono::NaiveDate;
use common::*;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// The fonts for every character a document prints, as the worker loads them.
fn fonts(document: &impl serde::Serialize) -> Fonts {
    Fonts::load_dir(&font_dir(), &bangfu_review::documents::chars_of(document)).expect("fonts load")
}

fn opts() -> PacketOptions {
    PacketOptions::china_time(d(2026, 9, 25).and_hms_opt(10, 0, 0).unwrap())
}

/// 甲 (qualifying) and 乙 (four people) received on 18 September 2026 and reviewed on the 24th.
fn reviewed() -> (Workspace, Vec<Draft>) {
    let mut ws = Workspace::default();
    ws.township.name = "察素齐镇人民政府".into();
    ws.township.office = "察素齐镇乡村振兴办公室".into();
    ws.township.address = "察素齐镇政府路1号".into();
    ws.township.phone = "0471-8888888".into();
    let mut drafts = Vec::new();
    for (n, name, code, conclusion) in [
        (
            12,
            "巧手民族服饰专业合作社",
            "91350100M000100Y43",
            Conclusion::Qualifies,
        ),
        (
            4,
            "塞外食品加工厂",
            "12100000400009880K",
            Conclusion::Rejected,
        ),
    ] {
        let mut draft = qualifying_draft(n, 6, d(2026, 9, 18));
        draft.applicant.name = name.into();
        draft.applicant.credit_code = code.into();
        draft.applicant.legal_rep = "王建国".into();
        let file = Envelope::new(draft.clone(), "").to_json();
        ws.receive("f.json", file.as_bytes(), "", d(2026, 9, 18))
            .unwrap();
        let app = ws.applications.last_mut().unwrap();
        review(app, &draft, conclusion);
        drafts.push(draft);
    }
    (ws, drafts)
}

fn review(app: &mut Application, draft: &Draft, conclusion: Conclusion) {
    let on = d(2026, 9, 24);
    let a = Reading::of(draft, on, on).current().clone();
    let r = &mut app.review;
    r.members = [
        ("乌兰", "镇党委副书记"),
        ("张海燕", "乡村振兴办主任"),
        ("李志强", "人社所所长"),
    ]
    .iter()
    .map(|(n, role)| Member {
        name: (*n).into(),
        role: (*role).into(),
        ..Member::default()
    })
    .collect();
    r.visit_date = "2026-09-23".into();
    r.visit_place = "车间现场".into();
    r.review_date = "2026-09-24".into();
    check::prefill(r, &a);
    r.sample.seed = "20260923".into();
    r.sample.picks = sample::draw(draft, &a, 3, 20260923);
    for p in &mut r.sample.picks {
        p.reached = Reached::Yes;
    }
    r.conclusion = conclusion;
    let fp = app.latest_fingerprint().to_owned();
    for row in &mut app.review.rows {
        row.methods = vec![Method::Documents, Method::SiteVisit, Method::PhoneCheck];
        row.confirmed_for = fp.clone();
    }
}

#[test]
fn the_opinion_sheet_names_the_applicant_members_sample_conclusion_and_dates() {
    let (ws, drafts) = reviewed();
    let app = &ws.applications[0];
    let on = d(2026, 9, 24);
    let a = Reading::of(&drafts[0], on, on).current().clone();
    let sheet = OpinionSheet::of(app, &drafts[0], &a, &ws.township, Calendar::shipped(), on);
    assert!(sheet.unfinished.is_empty(), "{:?}", sheet.unfinished);
    let pdf = opinion_pdf(&sheet, &fonts(&sheet), &opts()).unwrap();
    let text = squash(&page_texts(&pdf).concat());
    for needle in [
        "就业帮扶车间认定苏木乡镇初审审查意见表",
        "参考格式",
        "巧手民族服饰专业合作社",
        "91350100M000100Y43",
        "2026-001",
        "2026年9月18日",
        "2026年9月24日",
        "乌兰",
        "张海燕",
        "李志强",
        "第七条第（三）项",
        "符合条件，拟公示",
        "察素齐镇人民政府（盖章）",
        &bangfu_model::fingerprint::short(app.latest_fingerprint()),
    ] {
        assert!(text.contains(&squash(needle)), "missing «{needle}»");
    }
    // The sampled workers are named, their ID numbers masked.
    for p in &app.review.sample.picks {
        assert!(text.contains(&p.name), "{}", p.name);
        assert!(!text.contains(&p.id_number), "{}", p.id_number);
        assert!(text.contains(&bangfu_rules::validate::id_card::mask_id(&p.id_number)));
    }
}

#[test]
fn an_unfinished_sheet_says_so() {
    let (mut ws, drafts) = reviewed();
    ws.applications[0].review.members.truncate(2);
    let on = d(2026, 9, 24);
    let a = Reading::of(&drafts[0], on, on).current().clone();
    let sheet = OpinionSheet::of(
        &ws.applications[0],
        &drafts[0],
        &a,
        &ws.township,
        Calendar::shipped(),
        on,
    );
    let pdf = opinion_pdf(&sheet, &fonts(&sheet), &opts()).unwrap();
    let text = squash(&page_texts(&pdf).concat());
    assert!(
        text.contains("审查尚未完成，本表不能作为审查意见"),
        "{text}"
    );
    assert!(text.contains(&squash("审查组须不少于3人（第八条第（二）项），现有 2 人")));
}

#[test]
fn the_notice_lists_the_applicants_and_no_worker() {
    let (ws, drafts) = reviewed();
    let on = d(2026, 9, 24);
    let a = Reading::of(&drafts[0], on, on).current().clone();
    let line = NoticeLine::of(&drafts[0], &a);
    assert_eq!(line.workforce, 12);
    let notice = PublicNotice::new(
        vec![line],
        d(2026, 9, 28),
        None,
        &ws.township,
        Calendar::shipped(),
        on,
    )
    .unwrap();
    let pdf = notice_pdf(&notice, &fonts(&notice), &opts()).unwrap();
    let text = squash(&page_texts(&pdf).concat());
    for needle in [
        "关于拟认定就业帮扶车间的公示",
        "第八条第（二）项",
        "巧手民族服饰专业合作社",
        "91350100M000100Y43",
        "王建国",
        "公示期：2026年9月28日至2026年10月9日（5个工作日）",
        "察素齐镇乡村振兴办公室",
        "0471-8888888",
        "电话、来信或来访",
    ] {
        assert!(text.contains(&squash(needle)), "missing «{needle}»");
    }
    for e in &drafts[0].employees {
        assert!(
            !text.contains(&e.id_number),
            "ID {} in the notice",
            e.id_number
        );
        assert!(
            !text.contains(&e.name) || e.name == "王建国",
            "worker {} in the notice",
            e.name
        );
    }
    // The same words as plain text for the website.
    let plain = notice.to_text();
    assert!(plain.contains("巧手民族服饰专业合作社（统一社会信用代码：91350100M000100Y43）"));
    assert!(!drafts[0]
        .employees
        .iter()
        .any(|e| plain.contains(&e.id_number)));
}

#[test]
fn the_refusal_letter_gives_the_reasons_and_the_way_back() {
    let (ws, drafts) = reviewed();
    let app = &ws.applications[1];
    let letter = RefusalLetter::of(app, &drafts[1], &ws.township);
    assert!(!letter.reasons.is_empty());
    let pdf = refusal_pdf(&letter, &fonts(&letter), &opts()).unwrap();
    let text = squash(&page_texts(&pdf).concat());
    for needle in [
        "就业帮扶车间认定初审不予通过书面说明",
        "塞外食品加工厂：",
        "第八条第（五）项",
        "第七条第（一）项",
        "整改事项",
        "可依照该办法重新",
        "2026年9月24日",
    ] {
        assert!(text.contains(&squash(needle)), "missing «{needle}»");
    }
}

#[test]
fn the_submission_list_carries_the_fingerprints() {
    let (mut ws, _) = reviewed();
    let app = &mut ws.applications[0];
    app.notice.start = "2026-09-28".into();
    app.notice.end = "2026-10-09".into();
    app.notice.objections = Objections::None;
    let list = SubmissionList::of(
        ws.applications.iter().take(1),
        &ws.township,
        d(2026, 10, 12),
    );
    let pdf = submission_pdf(&list, &fonts(&list), &opts()).unwrap();
    let text = squash(&page_texts(&pdf).concat());
    let fp = ws.applications[0].latest_fingerprint();
    assert!(text.contains(fp), "full fingerprint printed");
    assert!(text.contains("无异议"));
    assert!(text.contains("2026年10月12日"));
}
