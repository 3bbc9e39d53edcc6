//! The township's review as a reviewer goes through it: receive files, review every criterion
//! with the 审查组, conclude, publish, submit; and the faults they meet (the same file twice, a
//! newer file, a file in the wrong encoding, a review file from a newer app).

use bangfu_model::{Draft, Envelope};
use bangfu_review::check::{self, Problem};
use bangfu_review::handoff::{self, HandOffError};
use bangfu_review::reading::Reading;
use bangfu_review::status::{standing, Stage};
use bangfu_review::workspace::{ReceiveError, Received};
use bangfu_review::{
    Application, Conclusion, Member, Method, Objections, Reached, ReviewResult, Workspace,
};
use bangfu_rules::calendar::Calendar;
use bangfu_rules::sample::qualifying_draft;
use bangfu_rules::{Assessment, CriterionId};
use chrono::NaiveDate;

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn file(draft: &Draft) -> Vec<u8> {
    Envelope::new(draft.clone(), "2026-06-19T08:00:00Z")
        .to_json()
        .into_bytes()
}

/// A qualifying workshop of `n` people assessed on 2026-06-20, with its own USCC suffix.
fn applicant(n: usize, name: &str, code: &str) -> Draft {
    applicant_on(n, name, code, d(2026, 6, 20))
}

fn applicant_on(n: usize, name: &str, code: &str, on: NaiveDate) -> Draft {
    let mut d = qualifying_draft(n, 6, on);
    d.applicant.name = name.into();
    d.applicant.credit_code = code.into();
    d
}

const CODE_A: &str = "91350100M000100Y43";
const CODE_B: &str = "12100000400009880K";

fn received(ws: &mut Workspace, draft: &Draft, today: NaiveDate) -> String {
    match ws.receive("申请.json", &file(draft), "", today).unwrap() {
        Received::New { uid, .. } | Received::NewVersion { uid, .. } => uid,
    }
}

fn current(app: &Application, review_date: NaiveDate) -> Assessment {
    let draft = app.latest_draft().unwrap();
    Reading::of(&draft, review_date, review_date)
        .current()
        .clone()
}

/// Three members, the visit, every row confirmed as the app judged it.
fn review_fully(app: &mut Application, on: NaiveDate) -> Assessment {
    let a = current(app, on);
    let r = &mut app.review;
    r.members = ["乌兰", "张建华", "李娜"]
        .iter()
        .map(|n| Member {
            name: (*n).into(),
            role: "某某镇人民政府 干部".into(),
            ..Member::default()
        })
        .collect();
    r.visit_date = on.to_string();
    r.visit_place = "车间现场".into();
    r.review_date = on.to_string();
    check::prefill(r, &a);
    let fp = app.versions.last().unwrap().fingerprint.clone();
    for row in &mut app.review.rows {
        row.methods = vec![Method::Documents, Method::SiteVisit];
        row.confirmed_for = fp.clone();
    }
    a
}

/// An application received on 22 June 2026 and fully reviewed on the 24th: the workspace, its
/// uid and the app's assessment on the review date.
fn reviewed(n: usize, name: &str, code: &str) -> (Workspace, String, Assessment) {
    let mut ws = Workspace::default();
    let uid = received(&mut ws, &applicant(n, name, code), d(2026, 6, 22));
    let a = review_fully(ws.application_mut(&uid).unwrap(), d(2026, 6, 24));
    (ws, uid, a)
}

fn blocking(p: &[Problem]) -> Vec<(&str, &str)> {
    p.iter()
        .filter(|p| p.blocking)
        .map(|p| (p.at.as_str(), p.message.as_str()))
        .collect()
}

#[test]
fn a_review_group_needs_three_named_members() {
    let mut ws = Workspace::default();
    let uid = received(&mut ws, &applicant(8, "甲合作社", CODE_A), d(2026, 6, 22));
    let app = ws.application_mut(&uid).unwrap();
    let a = review_fully(app, d(2026, 6, 24));
    let cal = Calendar::shipped();
    for (names, ok) in [
        (vec!["乌兰", "张建华", "李娜"], true),
        (vec!["乌兰", "张建华"], false),
        (vec!["乌兰", "张建华", "  "], false),
        (vec!["乌兰", "张建华", "李娜", "王芳"], true),
    ] {
        app.review.members = names
            .iter()
            .map(|n| Member {
                name: (*n).into(),
                role: "干部".into(),
                ..Member::default()
            })
            .collect();
        let p = check::review(app, &a, cal, d(2026, 6, 24));
        let at_members: Vec<_> = blocking(&p)
            .into_iter()
            .filter(|(at, _)| *at == "members")
            .collect();
        assert_eq!(at_members.is_empty(), ok, "{names:?}: {at_members:?}");
        if !ok {
            assert!(
                at_members[0].1.contains("不少于3人（第八条第（二）项）"),
                "{at_members:?}"
            );
        }
    }
    // A member without 单位/职务 is a warning only.
    app.review.members[0].role.clear();
    let p = check::review(app, &a, cal, d(2026, 6, 24));
    assert!(p.iter().any(|p| p.at == "members.0" && !p.blocking));
    assert!(blocking(&p).is_empty(), "{:?}", blocking(&p));
}

#[test]
fn rows_count_once_confirmed_and_a_disagreement_needs_a_note() {
    let (mut ws, uid, a) = reviewed(8, "甲合作社", CODE_A);
    let app = ws.application_mut(&uid).unwrap();
    let today = d(2026, 6, 24);
    let cal = Calendar::shipped();
    assert!(blocking(&check::review(app, &a, cal, today)).is_empty());

    // Pre-filled but not confirmed: does not count.
    app.review
        .row_mut(CriterionId::Art7_4)
        .confirmed_for
        .clear();
    assert_eq!(
        blocking(&check::review(app, &a, cal, today)),
        [("rows.art7-4", "第七条第（四）项尚未确认核实结果")]
    );
    let fp = app.latest_fingerprint().to_owned();
    let row = app.review.row_mut(CriterionId::Art7_4);
    row.confirmed_for = fp;
    // The reviewers found the insurance lapsed: 不符合 where the app said 符合.
    row.result = ReviewResult::NotMet;
    let p = check::review(app, &a, cal, today);
    assert_eq!(
        blocking(&p),
        [(
            "rows.art7-4",
            "第七条第（四）项核实结果（不符合）与系统自评（符合）不同，须填写说明"
        )]
    );
    app.review.row_mut(CriterionId::Art7_4).note = "现场查验保单，已于5月31日到期未续保".into();
    assert!(blocking(&check::review(app, &a, cal, today)).is_empty());
    // No 审查方式: blocked.
    app.review.row_mut(CriterionId::Art6).methods.clear();
    assert!(blocking(&check::review(app, &a, cal, today))
        .contains(&("rows.art6", "第六条未选择审查方式")));
}

#[test]
fn conclusions_need_what_the_regulation_asks() {
    let (mut ws, uid, a) = reviewed(8, "甲合作社", CODE_A);
    let app = ws.application_mut(&uid).unwrap();
    let today = d(2026, 6, 24);
    let cal = Calendar::shipped();
    app.review.conclusion = Conclusion::Qualifies;
    assert!(check::is_concluded(
        &check::review(app, &a, cal, today),
        &app.review
    ));

    // 拟公示 with a row 待补正.
    app.review.row_mut(CriterionId::Art7_3).result = ReviewResult::ToSupplement;
    app.review.row_mut(CriterionId::Art7_3).note = "缺5月银行流水".into();
    let p = check::review(app, &a, cal, today);
    assert!(blocking(&p).contains(&(
        "conclusion",
        "结论为符合条件，但第七条第（三）项的核实结果不是符合"
    )));
    // 不符合 without a 不符合 row and without reasons.
    app.review.conclusion = Conclusion::Rejected;
    app.review.reasons.clear();
    let p = check::review(app, &a, cal, today);
    assert!(blocking(&p).contains(&("conclusion", "结论为不符合，但没有核实结果为不符合的项目")));
    assert!(blocking(&p).contains(&(
        "reasons",
        "不符合条件的，须书面说明原因及整改事项（第八条第（五）项）"
    )));
    // 待补正 needs the materials.
    app.review.conclusion = Conclusion::ToSupplement;
    app.review.materials = " ".into();
    assert_eq!(
        blocking(&check::review(app, &a, cal, today)),
        [("materials", "请列出需要补正的材料")]
    );
}

#[test]
fn the_reasons_of_a_refusal_are_prefilled_from_the_failing_findings() {
    let mut ws = Workspace::default();
    // Four people: 第七条第（一）项 needs five.
    let uid = received(&mut ws, &applicant(4, "乙加工厂", CODE_B), d(2026, 6, 22));
    let app = ws.application_mut(&uid).unwrap();
    let today = d(2026, 6, 24);
    let a = review_fully(app, today);
    let r = &app.review;
    assert_eq!(
        r.row(CriterionId::Art7_1).unwrap().result,
        ReviewResult::NotMet
    );
    assert!(
        r.reasons
            .starts_with("1. 第七条第（一）项（吸纳脱贫人口就业人数及比例）："),
        "{}",
        r.reasons
    );
    assert!(r.reasons.contains("整改事项："), "{}", r.reasons);
    assert!(r
        .row(CriterionId::Art7_3)
        .unwrap()
        .evidence
        .contains("工资发放凭证"));
    app.review.conclusion = Conclusion::Rejected;
    let p = check::review(app, &a, Calendar::shipped(), today);
    assert!(check::is_concluded(&p, &app.review), "{:?}", blocking(&p));
    let s = standing(app, &a, Calendar::shipped(), today);
    assert_eq!(s.stage, Stage::Rejected);
}

#[test]
fn an_application_goes_from_received_to_submitted() {
    let cal = Calendar::shipped();
    let mut ws = Workspace::default();
    // Assessed on 18 September and received that Friday, before 中秋 and 国庆.
    let draft = applicant_on(8, "甲合作社", CODE_A, d(2026, 9, 18));
    let uid = received(&mut ws, &draft, d(2026, 9, 18));
    let app = ws.application_mut(&uid).unwrap();
    assert_eq!(app.received_on, "2026-09-18");
    let a = current(app, d(2026, 9, 18));
    let s = standing(app, &a, cal, d(2026, 9, 18));
    assert_eq!(s.stage, Stage::Received);
    let next = s.next.unwrap();
    assert_eq!(
        (next.what, next.date, next.overdue),
        ("审查截止", d(2026, 10, 9), false)
    );
    // Overdue the day after.
    assert!(
        standing(app, &a, cal, d(2026, 10, 10))
            .next
            .unwrap()
            .overdue
    );

    let a = review_fully(app, d(2026, 9, 24));
    assert_eq!(
        standing(app, &a, cal, d(2026, 9, 24)).stage,
        Stage::InReview
    );
    app.review.conclusion = Conclusion::Qualifies;
    assert_eq!(
        standing(app, &a, cal, d(2026, 9, 24)).stage,
        Stage::ToPublish
    );

    app.notice.start = "2026-09-28".into();
    app.notice.end = "2026-10-08".into();
    let p = check::notice(app, cal, d(2026, 9, 28));
    assert!(
        blocking(&p)[0].1.contains("最早可于2026年10月9日结束"),
        "{p:?}"
    );
    app.notice.end = "2026-10-09".into();
    assert!(blocking(&check::notice(app, cal, d(2026, 9, 28))).is_empty());
    let s = standing(app, &a, cal, d(2026, 10, 8));
    assert_eq!(s.stage, Stage::Publishing);
    assert_eq!(s.next.unwrap().date, d(2026, 10, 9));

    // After the end: say whether there were objections, then submit (10 October is a 调休
    // Saturday, a working day).
    let s = standing(app, &a, cal, d(2026, 10, 10));
    assert_eq!(s.next.as_ref().unwrap().what, "待填写有无异议");
    app.notice.objections = Objections::None;
    let s = standing(app, &a, cal, d(2026, 10, 10));
    assert_eq!(s.stage, Stage::NoticeEnded);
    assert_eq!(s.next.unwrap().date, d(2026, 10, 10));
    app.submission.submitted_on = "2026-10-09".into();
    assert!(
        !check::submission(app, cal, d(2026, 10, 12)).is_empty(),
        "not before the end"
    );
    app.submission.submitted_on = "2026-10-12".into();
    assert!(check::submission(app, cal, d(2026, 10, 12)).is_empty());
    assert_eq!(
        standing(app, &a, cal, d(2026, 10, 12)).stage,
        Stage::Submitted
    );

    // Objections: nothing goes to the county.
    app.notice.objections = Objections::Some;
    let p = check::submission(app, cal, d(2026, 10, 12));
    assert!(
        p.iter().any(|p| p.message.contains("公示无异议的")),
        "{p:?}"
    );
    assert_eq!(
        standing(app, &a, cal, d(2026, 10, 12)).stage,
        Stage::Objected
    );
}

#[test]
fn a_review_due_in_2027_is_unverified() {
    let mut ws = Workspace::default();
    let uid = received(&mut ws, &applicant(8, "甲合作社", CODE_A), d(2026, 12, 24));
    let app = ws.application(&uid).unwrap();
    let a = current(app, d(2026, 12, 24));
    let next = standing(app, &a, Calendar::shipped(), d(2026, 12, 24))
        .next
        .unwrap();
    assert!(
        next.unverified.contains("2027年节假日安排未收录"),
        "{next:?}"
    );
}

#[test]
fn receiving_files_the_same_one_twice_a_newer_one_and_a_wrong_one() {
    let today = d(2026, 6, 22);
    let mut ws = Workspace::default();
    let first = applicant(8, "甲合作社", CODE_A);
    let r = ws.receive("甲.json", &file(&first), "t1", today).unwrap();
    assert!(matches!(&r, Received::New { number, .. } if number == "2026-001"));
    let r = ws
        .receive(
            "乙.json",
            &file(&applicant(6, "乙加工厂", CODE_B)),
            "t2",
            today,
        )
        .unwrap();
    assert!(matches!(&r, Received::New { number, .. } if number == "2026-002"));

    // The same draft saved again at another time is the same material.
    let again = Envelope::new(first.clone(), "2026-06-21T10:00:00Z").to_json();
    let err = ws
        .receive("甲(1).json", again.as_bytes(), "t3", today)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "这份材料已经接收过：与受理编号 2026-001（甲合作社）的第 1 版内容完全相同，未重复接收。"
    );

    // A newer file of 甲 (its USCC typed with a space and lower case): one person more, one
    // wage changed.
    let mut newer = first.clone();
    newer.applicant.credit_code = "91350100m000100y43 ".into();
    let key = newer.add_employee();
    newer.employee_mut(key).unwrap().name = "新员工".into();
    newer.employees[0].wages[0].gross = "2600".into();
    let r = ws
        .receive("甲-补充.json", &file(&newer), "t4", today)
        .unwrap();
    let Received::NewVersion {
        number, changes, ..
    } = r
    else {
        panic!("expected a new version, got {r:?}");
    };
    assert_eq!(number, "2026-001");
    assert_eq!(changes.people_added, ["新员工"]);
    assert_eq!(changes.people_changed.len(), 1);
    assert!(
        changes.summary().contains("新增 1 人"),
        "{}",
        changes.summary()
    );
    assert_eq!(ws.applications[0].versions.len(), 2);
    assert_eq!(ws.applications.len(), 2);

    // A draft file re-saved as GBK by Notepad: refused, nothing changed.
    let before = ws.clone();
    let gbk = b"{\"format\":\"bangfu-draft\",\"draft\":{\"applicant\":{\"name\":\"\xbc\xd7\"}}}";
    let err = ws.receive("gbk.json", gbk, "t5", today).unwrap_err();
    assert!(matches!(err, ReceiveError::Unreadable(_)));
    assert!(err.to_string().contains("UTF-8"), "{err}");
    assert_eq!(ws, before);

    // Removing one frees nothing else; its number is not reused.
    let uid = ws.applications[1].uid.clone();
    assert_eq!(ws.remove(&uid).unwrap().number, "2026-002");
    assert_eq!(ws.next_number(2026), "2026-002");
    assert_eq!(ws.next_number(2027), "2027-001");
}

#[test]
fn a_row_confirmed_for_an_older_version_must_be_confirmed_again() {
    let today = d(2026, 6, 24);
    let mut ws = Workspace::default();
    let first = applicant(8, "甲合作社", CODE_A);
    let uid = received(&mut ws, &first, d(2026, 6, 22));
    let a = review_fully(ws.application_mut(&uid).unwrap(), today);
    let mut newer = first.clone();
    newer.employees[0].phone = "13900000000".into();
    received(&mut ws, &newer, today);
    let app = ws.application(&uid).unwrap();
    let p = check::review(app, &a, Calendar::shipped(), today);
    assert_eq!(blocking(&p).len(), 6, "{p:?}");
    assert!(blocking(&p)[0].1.contains("收到新版本后须重新确认"));
}

#[test]
fn the_sample_must_say_who_was_reached() {
    let today = d(2026, 6, 24);
    let mut ws = Workspace::default();
    let uid = received(&mut ws, &applicant(30, "甲合作社", CODE_A), d(2026, 6, 22));
    let app = ws.application_mut(&uid).unwrap();
    let a = review_fully(app, today);
    let draft = app.latest_draft().unwrap();
    app.review.sample.seed = "42".into();
    app.review.sample.picks = bangfu_review::sample::draw(&draft, &a, 3, 42);
    let p = check::review(app, &a, Calendar::shipped(), today);
    assert_eq!(blocking(&p).len(), 3, "{p:?}");
    for pick in &mut app.review.sample.picks {
        pick.reached = Reached::Yes;
    }
    assert!(blocking(&check::review(app, &a, Calendar::shipped(), today)).is_empty());
}

#[test]
fn the_review_file_round_trips_and_refuses_what_it_cannot_read() {
    let mut ws = Workspace::default();
    ws.township.name = "某某镇人民政府".into();
    let uid = received(&mut ws, &applicant(8, "甲合作社", CODE_A), d(2026, 6, 22));
    review_fully(ws.application_mut(&uid).unwrap(), d(2026, 6, 24));
    let text = handoff::write(&ws.township, &ws.applications, "2026-06-24T10:00:00Z");

    // A fresh browser opens it and has everything.
    let mut fresh = Workspace::default();
    handoff::open(&mut fresh, handoff::read(text.as_bytes()).unwrap());
    assert_eq!(fresh, ws);

    // Fields a newer app wrote survive at every level.
    let mut v: serde_json::Value = serde_json::from_str(&text).unwrap();
    v["county_note"] = "旗县备注".into();
    v["applications"][0]["priority"] = 1.into();
    v["applications"][0]["review"]["members"][0]["phone"] = "139".into();
    v["applications"][0]["review"]["rows"][0]["photo"] = "p.jpg".into();
    let back = handoff::read(v.to_string().as_bytes()).unwrap();
    let again: serde_json::Value =
        serde_json::from_str(&handoff::write(&back.township, &back.applications, "")).unwrap();
    assert_eq!(again["applications"][0]["priority"], 1);
    assert_eq!(
        again["applications"][0]["review"]["members"][0]["phone"],
        "139"
    );
    assert_eq!(
        again["applications"][0]["review"]["rows"][0]["photo"],
        "p.jpg"
    );
    assert_eq!(back.unknown["county_note"], "旗县备注");

    // Refused, with what to do.
    let too_new = text.replacen("\"schema_version\":1", "\"schema_version\":9", 1);
    let draft_file = file(&Draft::default());
    for (bytes, expected) in [
        (b"".to_vec(), HandOffError::Empty),
        (b"\x89PNG\r\n\x1a\n\0\0".to_vec(), HandOffError::NotJson),
        (b"{\"name\":\"\xbc\xd7\"}".to_vec(), HandOffError::NotUtf8),
        (b"[1,2]".to_vec(), HandOffError::NotOurs),
        (draft_file, HandOffError::ADraft),
        (too_new.into_bytes(), HandOffError::TooNew { found: 9 }),
    ] {
        assert_eq!(handoff::read(&bytes).unwrap_err(), expected);
    }
    let cut = &text[..text.len() / 2];
    let err = handoff::read(cut.as_bytes()).unwrap_err();
    assert!(matches!(err, HandOffError::Damaged { .. }), "{err:?}");
    assert!(err.to_string().starts_with("审查记录文件已损坏"), "{err}");
    let wrong = text.replacen("\"applications\":[", "\"applications\":[1,", 1);
    assert!(matches!(
        handoff::read(wrong.as_bytes()),
        Err(HandOffError::Damaged { .. })
    ));
}

#[test]
fn a_version_holding_an_old_draft_schema_is_migrated_when_read() {
    // A schema-1 draft (one agreement per person) kept inside a review file.
    let v1 = r#"{"format":"bangfu-draft","schema_version":1,"draft":{
        "applicant":{"name":"某服装加工厂","credit_code":"91350100M000100Y43"},
        "employees":[{"key":1,"name":"王五","agreement_type":"labour_agreement",
                      "agreement_start":"2026-03-01","agreement_end":"2026-06-30"}]}}"#;
    let mut ws = Workspace::default();
    ws.receive("旧版.json", v1.as_bytes(), "", d(2026, 6, 22))
        .unwrap();
    let text = handoff::write(&ws.township, &ws.applications, "");
    let back = handoff::read(text.as_bytes()).unwrap();
    let version = &back.applications[0].versions[0];
    assert_eq!(&*version.text, v1, "kept exactly as received");
    let draft = version.draft().unwrap();
    assert_eq!(draft.employees[0].stints[0].start, "2026-03-01");
    assert_eq!(version.applicant_name, "某服装加工厂");
}

#[test]
fn a_review_just_opened_shows_its_problems_only_where_the_reviewers_have_worked() {
    let mut ws = Workspace::default();
    let uid = received(&mut ws, &applicant(8, "甲合作社", CODE_A), d(2026, 6, 22));
    let app = ws.application_mut(&uid).unwrap();
    let a = current(app, d(2026, 6, 24));
    check::prefill(&mut app.review, &a);
    let problems = check::review(app, &a, Calendar::shipped(), d(2026, 6, 24));
    assert!(
        problems.iter().filter(|p| p.blocking).count() >= 8,
        "{problems:?}"
    );
    // Prefilled results and materials are not the reviewers' work: nothing shows yet.
    let shown: Vec<&str> = problems
        .iter()
        .filter(|p| check::worked_on(app, &p.at))
        .map(|p| p.at.as_str())
        .collect();
    assert_eq!(shown, Vec::<&str>::new());
    // Two members named: the group's problem shows; ticking a row shows that row's.
    app.review.members = vec![
        Member {
            name: "乌兰".into(),
            ..Member::default()
        };
        2
    ];
    app.review.row_mut(CriterionId::Art7_3).methods = vec![Method::Documents];
    let problems = check::review(app, &a, Calendar::shipped(), d(2026, 6, 24));
    let shown: Vec<&str> = problems
        .iter()
        .filter(|p| p.blocking && check::worked_on(app, &p.at))
        .map(|p| p.at.as_str())
        .collect();
    assert_eq!(shown, ["members", "rows.art7-3"]);
    // A conclusion chosen: the page shows every problem (worked_on says so for the conclusion).
    app.review.conclusion = Conclusion::Qualifies;
    assert!(check::worked_on(app, "conclusion"));
}
