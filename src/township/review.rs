//! One application: what was received (versions and what changed), the app's findings on both
//! dates, the review record (审查组, 实地审查, one row per criterion, 抽查, 结论), the public
//! notice and the submission, the documents and the review file. Every check, date and text is
//! `bangfu_review`'s; this page renders it and writes what the reviewer types.

use super::inputs::{FieldMessages, Select, Text};
use super::Desk;
use crate::{clock, draft_file};
use bangfu_model::text::parse_date;
use bangfu_model::Choice;
use bangfu_review::check::{self, Problem};
use bangfu_review::deadline::notice_earliest_end;
use bangfu_review::reading::Reading;
use bangfu_review::status::standing;
use bangfu_review::{
    handoff, sample, Answer, Application, Conclusion, Member, Method, Objections, Reached,
    ReviewResult,
};
use bangfu_rules::calendar::{cn, Calendar};
use bangfu_rules::{CriterionId, Status};
use leptos::prelude::*;
use std::sync::Arc;

/// The reading of the newest version on the review date, shared and compared by identity.
#[derive(Clone)]
struct Shared(Arc<Result<Reading, String>>);

impl PartialEq for Shared {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The problems at one field, once the reviewers have worked on it or chosen a conclusion
/// ([`check::worked_on`]).
fn msgs_at(
    problems: Memo<Vec<Problem>>,
    app: Memo<Option<Application>>,
    at: impl Into<String>,
) -> Signal<Vec<(String, bool)>> {
    let at: String = at.into();
    Signal::derive(move || {
        let shown = app.with(|a| {
            a.as_ref().is_some_and(|a| {
                a.review.conclusion != Conclusion::Unspecified || check::worked_on(a, &at)
            })
        });
        if !shown {
            return Vec::new();
        }
        problems.with(|ps| {
            ps.iter()
                .filter(|p| p.at == at)
                .map(|p| (p.message.clone(), p.blocking))
                .collect()
        })
    })
}

#[component]
pub fn ApplicationPage(uid: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let uid = Arc::new(uid);
    let app = {
        let uid = uid.clone();
        Memo::new(move |_| desk.ws.with(|ws| ws.application(&uid).cloned()))
    };
    // What the reading depends on: the newest version and the review date.
    let key = Memo::new(move |_| {
        app.with(|a| {
            a.as_ref().map(|a| {
                (
                    a.latest_fingerprint().to_owned(),
                    a.review.review_date.trim().to_owned(),
                )
            })
        })
    });
    let reading = Memo::new(move |_| {
        key.track();
        let today = clock::today();
        let result = app.with_untracked(|a| {
            let a = a.as_ref().ok_or_else(|| "申请已删除".to_owned())?;
            let draft = desk.draft(a)?;
            let on = parse_date(&a.review.review_date).unwrap_or(today);
            Ok(Reading::of(&draft, on, today))
        });
        Shared(Arc::new(result))
    });
    let problems = Memo::new(move |_| {
        let r = reading.get();
        let today = clock::today();
        app.with(|a| match (a, r.0.as_ref()) {
            (Some(a), Ok(r)) => check::review(a, r.current(), Calendar::shipped(), today),
            _ => Vec::new(),
        })
    });
    let notice_problems = Memo::new(move |_| {
        app.with(|a| {
            a.as_ref()
                .map(|a| check::notice(a, Calendar::shipped(), clock::today()))
                .unwrap_or_default()
        })
    });
    // Pre-fill once, when nothing has been recorded for the criteria yet.
    {
        let uid = uid.clone();
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) {
                return true;
            }
            let r = reading.get();
            let Ok(r) = r.0.as_ref() else { return false };
            let empty =
                app.with_untracked(|a| a.as_ref().is_some_and(|a| a.review.rows.is_empty()));
            if empty {
                let current = r.current().clone();
                desk.edit(&uid, move |a| check::prefill(&mut a.review, &current));
            }
            true
        });
    }
    let edit = {
        let uid = uid.clone();
        move |f: Box<dyn FnOnce(&mut Application)>| desk.edit(&uid, f)
    };
    let edit = StoredValue::new(edit);
    let set = move |f: Box<dyn FnOnce(&mut Application)>| edit.with_value(|e| e(f));

    let text_of = move |get: fn(&Application) -> String| {
        Signal::derive(move || app.with(|a| a.as_ref().map(get).unwrap_or_default()))
    };
    let on_text = move |put: fn(&mut Application, String)| {
        Callback::new(move |v: String| set(Box::new(move |a| put(a, v))))
    };

    let header = move || {
        app.with(|a| {
            a.as_ref().map(|a| {
                let v = a.latest();
                let name = v.map_or(String::new(), |v| v.applicant_name.clone());
                let code = v.map_or(String::new(), |v| v.credit_code.clone());
                let short = v.map_or(String::new(), |v| v.short_fingerprint());
                let full = a.latest_fingerprint().to_owned();
                view! {
                    <h2 id="app-title">{format!("{} {}", a.number, name)}</h2>
                    <p class="lead">{format!("统一社会信用代码：{code}")}</p>
                    <p class="fingerprint">"材料指纹："<strong class="mono">{short}</strong>
                        <span class="hint mono" title="SHA-256">{format!("（SHA-256：{full}）")}</span></p>
                }
            })
        })
    };

    // The versions change only when a file is received, not with each keystroke of the review:
    // the list (and the drafts it compares) follows them alone.
    let version_list = Memo::new(move |_| {
        app.with(|a| a.as_ref().map(|a| a.versions.clone()).unwrap_or_default())
    });
    let versions = move || {
        version_list.with(|vs| {
            vs.iter()
                .enumerate()
                .map(|(i, v)| {
                    let changes = if i == 0 {
                        None
                    } else {
                        match (desk.version_draft(&vs[i - 1]), desk.version_draft(v)) {
                            (Ok(old), Ok(new)) => Some(bangfu_io::versions::changes_between(&old, &new)),
                            _ => None,
                        }
                    };
                    let title = format!(
                        "第 {} 版：{}，收到于 {}，指纹 {}",
                        i + 1,
                        v.file_name,
                        v.received_at.replace('T', " "),
                        v.short_fingerprint()
                    );
                    view! {
                        <li>
                            {title}
                            {changes.map(|c| {
                                let summary = c.summary();
                                let mut lines: Vec<String> = Vec::new();
                                lines.extend(c.people_added.iter().map(|p| format!("新增：{p}")));
                                lines.extend(c.people_removed.iter().map(|p| format!("减少：{p}")));
                                lines.extend(c.fields.iter().map(|f| f.to_string()));
                                for p in &c.people_changed {
                                    for ch in &p.changes {
                                        lines.push(format!("{}：{ch}", p.person));
                                    }
                                }
                                view! {
                                    <details class="changes">
                                        <summary>{format!("与上一版相比：{summary}")}</summary>
                                        <ul>{lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}</ul>
                                    </details>
                                }
                            })}
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };

    let findings = move || {
        let r = reading.get();
        match r.0.as_ref() {
            Err(e) => {
                view! { <p class="notice error">{format!("申请材料无法读取：{e}")}</p> }.into_any()
            }
            Ok(r) => {
                let on_app = r.at_application.date;
                let later = r.at_review.as_ref();
                let rows = CriterionId::ALL.into_iter().map(|id| {
                    let a = r.at_application.finding(id);
                    let b = later.and_then(|x| x.finding(id));
                    let differs = r.differing.contains(&id);
                    view! {
                        <tr class:differs=differs data-criterion=id.code()>
                            <th scope="row">{format!("{} {}", id.citation(), id.title())}</th>
                            <td data-label="自评基准日" class=a.map_or("", |f| f.status.code())>{a.map(|f| format!("{}：{}", f.status.label(), f.summary))}</td>
                            {later.map(|_| view! { <td data-label="审查日" class=b.map_or("", |f| f.status.code())>{b.map(|f| format!("{}：{}", f.status.label(), f.summary))}</td> })}
                        </tr>
                    }
                }).collect_view();
                view! {
                    <div class="table-wrap" tabindex="0" role="region" aria-label="系统自评结果">
                        <table class="roster findings">
                            <caption>"系统按认定条件的自评结果（与申请单位看到的相同）"</caption>
                            <thead><tr>
                                <th scope="col">"认定条件"</th>
                                <th scope="col">{format!("自评基准日 {}", cn(on_app))}</th>
                                {later.map(|x| view! { <th scope="col">{format!("审查日 {}", cn(x.date))}</th> })}
                            </tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {app.with_untracked(|a| a.as_ref().and_then(|a| desk.draft(a).ok())).map(|d| super::submitted::view(d, r.current()))}
                    {(!r.differing.is_empty()).then(|| view! {
                        <p class="notice info">"标黄的条件在审查日与自评基准日结论不同（例如有人已离职），请在审查时核实。"</p>
                    })}
                }.into_any()
            }
        }
    };

    // The number of rows, not the review: typing in a row must not rebuild the rows (that would
    // take the focus away from the field being typed in).
    let member_count = Memo::new(move |_| {
        app.with(|a| a.as_ref().map_or(0, |a| a.review.members.len()))
            .max(check::MIN_MEMBERS)
    });
    let members = move || {
        let n = member_count.get();
        (0..n)
            .map(|i| {
                let get = move |f: fn(&Member) -> String| {
                    Signal::derive(move || {
                        app.with(|a| a.as_ref().and_then(|a| a.review.members.get(i)).map(f).unwrap_or_default())
                    })
                };
                let put = move |f: fn(&mut Member, String)| {
                    Callback::new(move |v: String| {
                        set(Box::new(move |a| {
                            while a.review.members.len() <= i {
                                a.review.members.push(Member::default());
                            }
                            f(&mut a.review.members[i], v);
                        }))
                    })
                };
                view! {
                    <div class="member grid">
                        <Text id=format!("member-{i}-name") label=format!("审查组成员 {} 姓名", i + 1) value=get(|m| m.name.clone()) on_input=put(|m, v| m.name = v) />
                        <Text id=format!("member-{i}-role") label=format!("审查组成员 {} 单位/职务", i + 1) value=get(|m| m.role.clone()) on_input=put(|m, v| m.role = v) />
                    </div>
                }
            })
            .collect_view()
    };

    let rows = move || {
        CriterionId::ALL
            .into_iter()
            .map(|id| {
                let code = id.code();
                let row_of = move |f: fn(&bangfu_review::CriterionReview) -> String| {
                    Signal::derive(move || app.with(|a| a.as_ref().and_then(|a| a.review.row(id)).map(f).unwrap_or_default()))
                };
                let put = move |f: fn(&mut bangfu_review::CriterionReview, String)| {
                    Callback::new(move |v: String| set(Box::new(move |a| f(a.review.row_mut(id), v))))
                };
                let result = Signal::derive(move || app.with(|a| a.as_ref().and_then(|a| a.review.row(id)).map_or(ReviewResult::Unspecified, |r| r.result)));
                let app_status = move || reading.with(|r| r.0.as_ref().as_ref().ok().and_then(|r| r.current().finding(id).map(|f| f.status)));
                let differs = move || {
                    let s = app_status();
                    let res = result.get();
                    res != ReviewResult::Unspecified && s.is_some_and(|s| ReviewResult::matching(s) != res)
                };
                let confirmed = Signal::derive(move || app.with(|a| a.as_ref().is_some_and(|a| a.review.row(id).is_some_and(|r| check::is_confirmed(r, a)))));
                let msgs = msgs_at(problems, app, format!("rows.{code}"));
                let methods = Method::ALL[1..].iter().map(|m| {
                    let m = *m;
                    let checked = move || app.with(|a| a.as_ref().and_then(|a| a.review.row(id)).is_some_and(|r| r.methods.contains(&m)));
                    view! {
                        <label class="check inline">
                            <input type="checkbox" prop:checked=checked disabled=move || desk.locked() on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                set(Box::new(move |a| {
                                    let r = a.review.row_mut(id);
                                    r.methods.retain(|x| *x != m);
                                    if on { r.methods.push(m); }
                                }));
                            } />
                            {m.label()}
                        </label>
                    }
                }).collect_view();
                // The checklist's materials for this criterion, ticked where 依据材料 names them.
                let cited = bangfu_rules::materials::for_criterion(id).map(|m| {
                    let name = m.name;
                    let checked = move || app.with(|a| a.as_ref().and_then(|a| a.review.row(id)).is_some_and(|r| r.cites(name)));
                    view! {
                        <label class="check inline">
                            <input type="checkbox" prop:checked=checked disabled=move || desk.locked() on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                set(Box::new(move |a| a.review.row_mut(id).set_cited(name, on)));
                            } />
                            {name}
                        </label>
                    }
                }).collect_view();
                view! {
                    <fieldset class="editor criterion" class:differs=differs class:confirmed=move || confirmed.get() data-criterion=code>
                        <legend>{format!("{} {}", id.citation(), id.title())}</legend>
                        <p class="app-verdict">"系统自评（审查日）："
                            <strong class=move || app_status().map_or("", Status::code)>{move || app_status().map_or("—", Status::label)}</strong></p>
                        <fieldset class="sub"><legend>"审查方式（可多选）"</legend>{methods}</fieldset>
                        <Select id=format!("row-{code}-result") label="核实结果" value=result
                            on_change=Callback::new(move |v: ReviewResult| set(Box::new(move |a| a.review.row_mut(id).result = v))) />
                        <fieldset class="sub evidence"><legend>"依据材料（勾选申报材料清单中的，其他的在下面补充）"</legend>{cited}</fieldset>
                        <Text id=format!("row-{code}-evidence") label="依据材料" lines=2 value=row_of(|r| r.evidence.clone()) on_input=put(|r, v| r.evidence = v) />
                        <Text id=format!("row-{code}-note") label="说明（核实结果与系统自评不同时必填）" lines=2 value=row_of(|r| r.note.clone()) on_input=put(|r, v| r.note = v) />
                        <label class="check">
                            <input type="checkbox" id=format!("row-{code}-confirmed") prop:checked=move || confirmed.get() disabled=move || desk.locked() on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                set(Box::new(move |a| {
                                    let fp = if on { a.latest_fingerprint().to_owned() } else { String::new() };
                                    a.review.row_mut(id).confirmed_for = fp;
                                }));
                            } />
                            "审查组已核实并确认此项"
                        </label>
                        <FieldMessages id=format!("row-{code}-msg") msgs=msgs />
                    </fieldset>
                }
            })
            .collect_view()
    };

    let sample_size = RwSignal::new(String::new());
    let draw = move |_| {
        let r = reading.get_untracked();
        let Ok(r) = r.0.as_ref() else { return };
        let current = r.current().clone();
        let Some(draft) = app.with_untracked(|a| a.as_ref().and_then(|a| desk.draft(a).ok()))
        else {
            return;
        };
        let candidates = current.employees.iter().filter(|e| e.registered).count();
        let size = sample_size
            .get_untracked()
            .trim()
            .parse::<usize>()
            .unwrap_or_else(|_| sample::default_size(candidates));
        // The seed: the clock's milliseconds, shown and printed so the draw can be repeated.
        let seed = js_sys::Date::now() as u64;
        let picks = sample::draw(&draft, &current, size, seed);
        set(Box::new(move |a| {
            a.review.sample.seed = seed.to_string();
            a.review.sample.picks = picks;
        }));
    };
    let pick_count =
        Memo::new(move |_| app.with(|a| a.as_ref().map_or(0, |a| a.review.sample.picks.len())));
    let picks = move || {
        let n = pick_count.get();
        (0..n).map(|i| {
            let who = Signal::derive(move || app.with(|a| a.as_ref().and_then(|a| a.review.sample.picks.get(i)).map(|p| format!("{}（{}）", p.name, bangfu_rules::validate::id_card::mask_id(&p.id_number))).unwrap_or_default()));
            let choice = move |get: fn(&bangfu_review::SampledPerson) -> Answer| Signal::derive(move || app.with(|a| a.as_ref().and_then(|a| a.review.sample.picks.get(i)).map_or(Answer::Unspecified, get)));
            let put = move |f: fn(&mut bangfu_review::SampledPerson, Answer)| Callback::new(move |v: Answer| set(Box::new(move |a| if let Some(p) = a.review.sample.picks.get_mut(i) { f(p, v) })));
            let reached = Signal::derive(move || app.with(|a| a.as_ref().and_then(|a| a.review.sample.picks.get(i)).map_or(Reached::Unspecified, |p| p.reached)));
            view! {
                <fieldset class="sub pick">
                    <legend>{move || who.get()}</legend>
                    <div class="grid">
                        <Select id=format!("pick-{i}-reached") label="是否联系上" value=reached msgs=msgs_at(problems, app, format!("sample.{i}"))
                            on_change=Callback::new(move |v: Reached| set(Box::new(move |a| if let Some(p) = a.review.sample.picks.get_mut(i) { p.reached = v }))) />
                        <Select id=format!("pick-{i}-on-post") label="本人确认在岗" value=choice(|p| p.on_post) on_change=put(|p, v| p.on_post = v) />
                        <Select id=format!("pick-{i}-wages") label="工资按时足额到账" value=choice(|p| p.wages_received) on_change=put(|p, v| p.wages_received = v) />
                        <Select id=format!("pick-{i}-agreement") label="签订劳动合同或劳务协议" value=choice(|p| p.agreement_signed) on_change=put(|p, v| p.agreement_signed = v) />
                        <Text id=format!("pick-{i}-note") label="备注" value=Signal::derive(move || app.with(|a| a.as_ref().and_then(|a| a.review.sample.picks.get(i)).map(|p| p.note.clone()).unwrap_or_default()))
                            on_input=Callback::new(move |v: String| set(Box::new(move |a| if let Some(p) = a.review.sample.picks.get_mut(i) { p.note = v }))) />
                    </div>
                </fieldset>
            }
        }).collect_view()
    };

    let conclusion = Signal::derive(move || {
        app.with(|a| {
            a.as_ref()
                .map_or(Conclusion::Unspecified, |a| a.review.conclusion)
        })
    });
    let concluded = Signal::derive(move || {
        problems.with(|ps| {
            app.with(|a| {
                a.as_ref()
                    .is_some_and(|a| check::is_concluded(ps, &a.review))
            })
        })
    });
    let stage = Signal::derive(move || {
        let r = reading.get();
        app.with(|a| match (a, r.0.as_ref()) {
            (Some(a), Ok(r)) => Some(standing(
                a,
                r.current(),
                Calendar::shipped(),
                clock::today(),
            )),
            _ => None,
        })
    });
    let fill_end = move |_| {
        set(Box::new(|a| {
            if let Ok(start) = parse_date(&a.notice.start) {
                a.notice.end = notice_earliest_end(start, Calendar::shipped())
                    .date
                    .to_string();
            }
        }))
    };
    let export_one = move |_| {
        let Some((text, number, name)) = desk.ws.with_untracked(|ws| {
            let a = app.get_untracked()?;
            let name = a
                .latest()
                .map_or(String::new(), |v| v.applicant_name.clone());
            Some((
                handoff::write(&ws.township, [&a], &clock::now_local()),
                a.number.clone(),
                name,
            ))
        }) else {
            return;
        };
        if draft_file::download(
            text.as_bytes(),
            "application/json",
            &format!("审查记录-{number}-{name}.json"),
        )
        .is_err()
        {
            desk.note(true, "无法生成审查记录文件，请换用其他浏览器重试。".into());
        }
    };
    let asking_delete = RwSignal::new(false);
    let delete_uid = uid.clone();
    let applicant_name = move || {
        app.with(|a| {
            a.as_ref()
                .and_then(|a| a.latest())
                .map_or(String::new(), |v| v.applicant_name.clone())
        })
    };

    view! {
        <section class="step review" aria-labelledby="app-title">
            <button type="button" class="link" on:click=move |_| desk.open.set(None)>"← 返回申请一览"</button>
            {header}
            <p class="stage">{move || stage.get().map(|s| {
                let mut t = format!("状态：{}", s.stage.label());
                if let Some(n) = s.next {
                    t.push_str(&format!("；{} {}", n.what, cn(n.date)));
                    if n.overdue { t.push_str("（已逾期）"); }
                    if !n.unverified.is_empty() { t.push_str(&format!("，未核实{}", n.unverified)); }
                }
                t
            })}</p>
            <div class="grid">
                <Text id="app-number" label="受理编号" value=text_of(|a| a.number.clone()) on_input=on_text(|a, v| a.number = v) />
                <Text id="app-received" label="受理日期" value=text_of(|a| a.received_on.clone()) on_input=on_text(|a, v| a.received_on = v) msgs=msgs_at(problems, app, "received_on") />
            </div>
            <h3>"收到的材料"</h3>
            <ol class="versions">{versions}</ol>
            <h3>"系统自评"</h3>
            {findings}

            <h3>"审查记录（第八条第（二）项）"</h3>
            <fieldset class="editor"><legend>"审查组（不少于3人）"</legend>
                {members}
                <button type="button" class="secondary small" disabled=move || desk.locked() on:click=move |_| set(Box::new(|a| {
                    while a.review.members.len() < check::MIN_MEMBERS { a.review.members.push(Member::default()); }
                    a.review.members.push(Member::default());
                }))>"增加成员"</button>
                <FieldMessages id="members-msg".to_owned() msgs=msgs_at(problems, app, "members") />
            </fieldset>
            <div class="grid">
                <Text id="visit-date" label="实地审查日期" placeholder="如 2026-12-02" value=text_of(|a| a.review.visit_date.clone()) on_input=on_text(|a, v| a.review.visit_date = v) msgs=msgs_at(problems, app, "visit_date") />
                <Text id="visit-place" label="实地审查地点" value=text_of(|a| a.review.visit_place.clone()) on_input=on_text(|a, v| a.review.visit_place = v) />
                <Text id="review-date" label="审查日期" placeholder="如 2026-12-02" value=text_of(|a| a.review.review_date.clone()) on_input=on_text(|a, v| a.review.review_date = v) msgs=msgs_at(problems, app, "review_date") />
            </div>
            {rows}
            <fieldset class="editor"><legend>"抽查（电话抽查或访谈）"</legend>
                <p class="hint">"从登记的脱贫人口（含监测对象）中随机抽取，抽取结果和随机种子会印在审查意见表上。"</p>
                <div class="list-tools">
                    <div class="field inline"><label for="sample-size">"抽查人数"</label>
                        <input id="sample-size" type="text" inputmode="numeric" placeholder="默认3至5人" readonly=move || desk.locked() prop:value=move || sample_size.get() on:input=move |ev| sample_size.set(event_target_value(&ev)) /></div>
                    <button type="button" class="secondary" disabled=move || desk.locked() on:click=draw>"随机抽取"</button>
                    <span class="hint">{move || app.with(|a| a.as_ref().filter(|a| !a.review.sample.seed.is_empty()).map(|a| format!("随机种子 {}", a.review.sample.seed)))}</span>
                </div>
                {picks}
            </fieldset>
            <fieldset class="editor"><legend>"审查结论"</legend>
                <Select id="conclusion" label="结论" value=conclusion msgs=msgs_at(problems, app, "conclusion")
                    on_change=Callback::new(move |v: Conclusion| set(Box::new(move |a| a.review.conclusion = v))) />
                <Show when=move || conclusion.get() == Conclusion::Rejected>
                    <Text id="reasons" label="不符合的原因及整改事项（第八条第（五）项，将写入书面说明）" lines=6 wide=true value=text_of(|a| a.review.reasons.clone()) on_input=on_text(|a, v| a.review.reasons = v) msgs=msgs_at(problems, app, "reasons") />
                </Show>
                <Show when=move || conclusion.get() == Conclusion::ToSupplement>
                    <Text id="materials" label="需补正的材料" lines=4 wide=true value=text_of(|a| a.review.materials.clone()) on_input=on_text(|a, v| a.review.materials = v) msgs=msgs_at(problems, app, "materials") />
                </Show>
                <Text id="opinion" label="审查意见" lines=3 wide=true value=text_of(|a| a.review.opinion.clone()) on_input=on_text(|a, v| a.review.opinion = v) />
                <div class="problems" role="status">
                    {move || {
                        let blocking: Vec<String> = problems.with(|ps| ps.iter().filter(|p| p.blocking).map(|p| p.message.clone()).collect());
                        if conclusion.get() == Conclusion::Unspecified {
                            view! { <p class="hint">{format!("尚需完成 {} 项后才能作出结论。", blocking.len())}</p> }.into_any()
                        } else if concluded.get() {
                            view! { <p class="msg ok">"结论已生效。"</p> }.into_any()
                        } else {
                            view! { <div><p class="msg error">"结论尚未生效，还需："</p><ul>{blocking.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul></div> }.into_any()
                        }
                    }}
                </div>
            </fieldset>
            <Show when=move || conclusion.get() == Conclusion::Qualifies && concluded.get()>
                <fieldset class="editor"><legend>"公示（不少于5个工作日）"</legend>
                    <div class="grid">
                        <Text id="notice-start" label="公示开始日期" value=text_of(|a| a.notice.start.clone()) on_input=on_text(|a, v| a.notice.start = v) msgs=msgs_at(notice_problems, app, "notice.start") />
                        <Text id="notice-end" label="公示结束日期" value=text_of(|a| a.notice.end.clone()) on_input=on_text(|a, v| a.notice.end = v) msgs=msgs_at(notice_problems, app, "notice.end") />
                    </div>
                    <button type="button" class="secondary small" disabled=move || desk.locked() on:click=fill_end>"按5个工作日填入结束日期"</button>
                    <Text id="notice-place" label="公示地点或网址" value=text_of(|a| a.notice.place.clone()) on_input=on_text(|a, v| a.notice.place = v) />
                    <Select id="notice-objections" label="公示期内有无异议" value=Signal::derive(move || app.with(|a| a.as_ref().map_or(Objections::Unspecified, |a| a.notice.objections)))
                        msgs=msgs_at(notice_problems, app, "notice.objections")
                        on_change=Callback::new(move |v: Objections| set(Box::new(move |a| a.notice.objections = v))) />
                    <Text id="objection-text" label="异议内容及处理结果" lines=2 value=text_of(|a| a.notice.objection_text.clone()) on_input=on_text(|a, v| a.notice.objection_text = v) />
                    <Text id="submitted-on" label="报送旗县日期" value=text_of(|a| a.submission.submitted_on.clone()) on_input=on_text(|a, v| a.submission.submitted_on = v) />
                </fieldset>
            </Show>
            <fieldset class="editor"><legend>"文书和审查记录"</legend>
                <div class="actions">
                    <super::docs::DocButtons uid=(*uid).clone() />
                    <button type="button" class="secondary" on:click=export_one>"导出本申请的审查记录"</button>
                    <button type="button" class="danger" disabled=move || desk.locked() on:click=move |_| asking_delete.set(true)>"删除此申请"</button>
                </div>
                <Show when=move || asking_delete.get()>
                    <div class="notice error" role="alertdialog" aria-labelledby="delete-q">
                        <p id="delete-q">{move || format!("确定删除「{}」的申请吗？收到的材料和全部审查记录都将从本机删除，无法恢复。需要保留时请先导出审查记录。", applicant_name())}</p>
                        <div class="notice-actions">
                            <button type="button" class="danger" on:click={
                                let uid = delete_uid.clone();
                                move |_| { asking_delete.set(false); desk.remove(&uid); }
                            }>"确定删除"</button>
                            <button type="button" class="secondary" on:click=move |_| asking_delete.set(false)>"取消"</button>
                        </div>
                    </div>
                </Show>
            </fieldset>
        </section>
    }
}
