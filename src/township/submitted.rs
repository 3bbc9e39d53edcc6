//! What the applicant filled in, read-only: the applicant, the site, the declarations and every
//! person with their agreement, insurance, wage months and the rules' standing (the same line
//! the applicant's roster and packet show). Nothing here can be edited: the township reviews the
//! file as received.

use bangfu_model::text::{format_fen, parse_date};
use bangfu_model::{Choice, Draft};
use bangfu_rules::Assessment;
use leptos::prelude::*;
use std::rc::Rc;

fn or_dash(s: &str) -> String {
    let s = s.trim();
    if s.is_empty() {
        "—".to_owned()
    } else {
        s.to_owned()
    }
}

fn label_or_dash<T: Choice + Default>(v: T) -> String {
    if v == T::default() {
        "—".to_owned()
    } else {
        v.label().to_owned()
    }
}

fn period(start: &str, end: &str) -> String {
    let f = |s: &str| parse_date(s).map_or_else(|_| s.trim().to_owned(), |d| d.to_string());
    match (start.trim().is_empty(), end.trim().is_empty()) {
        (true, true) => String::new(),
        (false, true) => format!("{}起", f(start)),
        _ => format!("{}至{}", f(start), f(end)),
    }
}

/// The application's content, read-only.
pub fn view(draft: Rc<Draft>, assessment: &Assessment) -> impl IntoView {
    let d = draft.as_ref();
    let a = &d.applicant;
    let s = &d.site;
    let facts: Vec<(&str, String)> = vec![
        ("经营主体名称", or_dash(&a.name)),
        ("统一社会信用代码", or_dash(&a.credit_code)),
        ("主体类型", label_or_dash(a.entity_type)),
        ("法定代表人（负责人）", or_dash(&a.legal_rep)),
        (
            "联系人 / 电话",
            format!("{} {}", a.contact_person.trim(), a.phone.trim()),
        ),
        ("注册地址", or_dash(&a.registered_address)),
        ("成立日期", or_dash(&a.established)),
        (
            "车间地址",
            or_dash(&bangfu_model::region::Regions::get().site_address(s)),
        ),
        (
            "场所",
            format!(
                "{}，{} 平方米 {}",
                label_or_dash(s.tenure),
                or_dash(&s.area_m2),
                period(&s.lease_start, &s.lease_end)
            ),
        ),
        ("产品类别", or_dash(&s.products)),
        ("车间形式", label_or_dash(s.workshop_form)),
        ("发薪日", or_dash(&d.pay_day)),
        ("自评基准日", or_dash(&d.assessment_date)),
    ];
    let by_key: std::collections::HashMap<u32, &bangfu_rules::EmployeeFinding> =
        assessment.employees.iter().map(|e| (e.key, &**e)).collect();
    let people = d
        .employees
        .iter()
        .map(|e| {
            let f = by_key.get(&e.key);
            let stints = e
                .stints
                .iter()
                .map(|st| {
                    format!(
                        "{} {} {}",
                        label_or_dash(st.employment_form),
                        label_or_dash(st.agreement_type),
                        period(&st.start, &st.end)
                    )
                })
                .collect::<Vec<_>>()
                .join("；");
            let insurance = e
                .insurance
                .iter()
                .map(|i| format!("{} {}", label_or_dash(i.kind), period(&i.start, &i.end)))
                .collect::<Vec<_>>()
                .join("；");
            let pay = f
                .and_then(|f| f.average_gross_fen)
                .map_or(String::new(), |fen| format!("月均 {} 元", format_fen(fen)));
            let standing = f.map_or(String::new(), |f| f.standing.text.to_string());
            let code = f.map_or("other", |f| f.standing.code());
            view! {
                <tr>
                    <td data-label="姓名" class="name">{e.name.clone()}</td>
                    <td data-label="身份证号" class="mono">{e.id_number.clone()}</td>
                    <td data-label="人员类别">{label_or_dash(e.poverty_status)}</td>
                    <td data-label="岗位">{or_dash(&e.post)}</td>
                    <td data-label="用工与协议">{stints}</td>
                    <td data-label="参保">{insurance}</td>
                    <td data-label="工资">{format!("{} 个月 {pay}", e.wages.len())}</td>
                    <td data-label="系统判断" class=format!("standing {code}")>{standing}</td>
                </tr>
            }
        })
        .collect_view();
    let rules = [
        ("安全生产制度", d.rules.safety),
        ("劳动纪律制度", d.rules.labour_discipline),
        ("车间管理制度", d.rules.workshop_management),
        ("生产经营稳定", d.rules.stable_operation),
    ]
    .into_iter()
    .map(|(what, yes)| format!("{what}：{}", if yes { "已勾选" } else { "未勾选" }))
    .collect::<Vec<_>>()
    .join("；");
    view! {
        <details class="submitted">
            <summary>{format!("申请单位填报的内容（只读，{} 人）", d.employees.len())}</summary>
            <dl class="facts">
                {facts.into_iter().map(|(k, v)| view! { <dt>{k}</dt><dd>{v}</dd> }).collect_view()}
                <dt>"管理制度"</dt><dd>{rules}</dd>
            </dl>
            <div class="table-wrap" tabindex="0" role="region" aria-label="申请单位填报的员工">
                <table class="roster">
                    <caption class="visually-hidden">"申请单位填报的员工"</caption>
                    <thead><tr>
                        <th scope="col">"姓名"</th><th scope="col">"身份证号"</th><th scope="col">"人员类别"</th><th scope="col">"岗位"</th>
                        <th scope="col">"用工与协议"</th><th scope="col">"参保"</th><th scope="col">"工资"</th><th scope="col">"系统判断"</th>
                    </tr></thead>
                    <tbody>{people}</tbody>
                </table>
            </div>
        </details>
    }
}
