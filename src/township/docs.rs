//! Printing the township's documents: the packet worker lays them out (same fonts and engine as
//! the 申请材料), from a review file of the applications concerned. The 公示 is offered as plain
//! text too, to paste into the township's website.

use super::Desk;
use crate::clock;
use crate::pdf_worker::{PdfClient, ProgressView, FONT_BASE};
use bangfu_model::text::parse_date;
use bangfu_review::documents::{NoticeLine, PublicNotice};
use bangfu_review::reading::Reading;
use bangfu_review::{handoff, Application, Conclusion};
use bangfu_rules::calendar::Calendar;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// Sends one document job about `apps`.
/// `extra` adds fields to the job (the 公示's `notice_start` for several applications).
pub fn print(
    desk: Desk,
    client: PdfClient,
    doc: &str,
    title: &str,
    apps: &[Application],
    extra: &[(&str, String)],
) {
    let clicked_at = js_sys::Date::now();
    let Some(first) = apps.first() else { return };
    let now = clock::now_local();
    let json = desk
        .ws
        .with_untracked(|ws| handoff::write(&ws.township, apps, &now));
    let job = js_sys::Object::new();
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&job, &k.into(), &v);
    };
    set("doc", doc.into());
    set("review_json", json.into());
    set("now", now.clone().into());
    set("today", clock::today().to_string().into());
    set("font_base", FONT_BASE.into());
    for (k, v) in extra {
        set(k, v.clone().into());
    }
    let name = first
        .latest()
        .map_or(String::new(), |v| v.applicant_name.clone());
    let date = now.split('T').next().unwrap_or("").replace('-', "");
    let file = if apps.len() > 1 {
        format!("{title}-{date}.pdf")
    } else {
        format!("{title}-{}-{name}-{date}.pdf", first.number)
    };
    client.run(JsValue::from(job), file, "打印", clicked_at);
}

/// The notice of `apps` as plain text, or why it cannot be made yet.
pub fn notice_text(desk: Desk, apps: &[Application]) -> Result<String, String> {
    let first = apps.first().ok_or_else(|| "没有拟公示的申请".to_owned())?;
    let today = clock::today();
    let mut lines = Vec::new();
    for a in apps {
        let draft = desk.draft(a)?;
        let on = parse_date(&a.review.review_date).unwrap_or(today);
        lines.push(NoticeLine::of(
            &draft,
            Reading::of(&draft, on, today).current(),
        ));
    }
    let start = parse_date(&first.notice.start).map_err(|_| "请先填写公示开始日期".to_owned())?;
    let end = parse_date(&first.notice.end).ok();
    let township = desk.ws.with_untracked(|ws| ws.township.clone());
    PublicNotice::new(lines, start, end, &township, Calendar::shipped(), today).map(|n| n.to_text())
}

/// The document buttons of one application.
#[component]
pub fn DocButtons(uid: String) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let client = PdfClient::new();
    let app = Memo::new(move |_| desk.ws.with(|ws| ws.application(&uid).cloned()));
    let conclusion = move || {
        app.with(|a| {
            a.as_ref()
                .map_or(Conclusion::Unspecified, |a| a.review.conclusion)
        })
    };
    let one = move || app.get_untracked().into_iter().collect::<Vec<_>>();
    let text = RwSignal::new(None::<Result<String, String>>);
    view! {
        <button type="button" disabled=move || client.busy() on:click=move |_| print(desk, client, "opinion", "初审审查意见表", &one(), &[])>"打印审查意见表"</button>
        <Show when=move || conclusion() == Conclusion::Rejected>
            <button type="button" disabled=move || client.busy() on:click=move |_| print(desk, client, "refusal", "不予通过书面说明", &one(), &[])>"打印不予通过书面说明"</button>
        </Show>
        <Show when=move || conclusion() == Conclusion::Qualifies>
            <button type="button" disabled=move || client.busy() on:click=move |_| print(desk, client, "notice", "拟认定就业帮扶车间公示", &one(), &[])>"打印公示"</button>
            <button type="button" class="secondary" on:click=move |_| text.set(Some(notice_text(desk, &one())))>"公示文本（复制到网站）"</button>
            <button type="button" class="secondary" disabled=move || client.busy() on:click=move |_| print(desk, client, "submission", "报送旗县清单", &one(), &[])>"打印报送清单"</button>
        </Show>
        <ProgressView client=client />
        {move || text.get().map(|t| match t {
            Ok(t) => view! {
                <div class="field wide"><label for="notice-text">"公示文本"</label>
                    <textarea id="notice-text" rows="12" readonly prop:value=t></textarea></div>
            }.into_any(),
            Err(e) => view! { <p class="msg error" role="alert">{e}</p> }.into_any(),
        })}
    }
}
