//! 生成申请材料: starts the packet worker on demand, sends it the draft, shows its progress and
//! offers the finished PDF for download and preview.
//!
//! The worker (crate `bangfu-packet-worker`, protocol in its crate docs) carries printpdf and the
//! fonts, so none of that is downloaded until the user asks for a packet, and the page stays
//! responsive while pages are laid out. Nothing leaves the machine: the worker and the fonts are
//! the app's own files.

use crate::clock;
use crate::pdf_worker::{PdfClient, ProgressView, FONT_BASE};
use crate::state::AppState;
use bangfu_model::Envelope;
use bangfu_rules::Status;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

/// How long 自评结果 is open before the worker and fonts are fetched: long enough for the
/// results to render first, short compared with reading them.
const WARM_UP_AFTER: std::time::Duration = std::time::Duration::from_millis(1500);

#[component]
pub fn PacketPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let client = PdfClient::new();

    // The job for the draft as it is now.
    let job = move || {
        let now = clock::now_local();
        let date = now.split('T').next().unwrap_or("").to_owned();
        let name = state.draft.with_untracked(|d| {
            crate::draft_file::file_name(d, "就业帮扶车间认定申请材料", &date, "pdf")
        });
        let json = state
            .draft
            .with_untracked(|d| Envelope::new(d.clone(), now.clone()).to_json());
        let job = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&job, &"draft_json".into(), &json.into());
        let _ = js_sys::Reflect::set(&job, &"now".into(), &now.into());
        // Assessed on the screen's date, so the packet says what the screen says.
        let today = state.today.get_untracked().to_string();
        let _ = js_sys::Reflect::set(&job, &"today".into(), &today.into());
        let _ = js_sys::Reflect::set(&job, &"font_base".into(), &FONT_BASE.into());
        // The PDF's creation instant carries the local offset (getTimezoneOffset is minutes
        // behind UTC, hence the sign).
        let offset = -js_sys::Date::new_0().get_timezone_offset();
        let _ = js_sys::Reflect::set(&job, &"utc_offset_minutes".into(), &offset.into());
        (job, name)
    };
    let start = move |_| {
        let clicked_at = js_sys::Date::now();
        let (job, name) = job();
        client.run(JsValue::from(job), name, "生成申请材料", clicked_at);
    };
    // 自评结果 is open: most who look at it print next. Once the page has settled, download and
    // start the worker and fetch the fonts this draft needs, so the click only lays out pages —
    // unless the browser says the connection is metered or very slow: ≈ 1 MB nobody asked for.
    let warm_up = (!saving_data()).then(|| {
        leptos::prelude::set_timeout_with_handle(
            move || {
                let (job, _) = job();
                let _ = js_sys::Reflect::set(&job, &"warm".into(), &"1".into());
                client.warm(JsValue::from(job));
            },
            WARM_UP_AFTER,
        )
        .ok()
    });
    on_cleanup(move || {
        if let Some(h) = warm_up.flatten() {
            h.clear();
        }
    });
    let not_met = move || state.assessment.with(|a| a.overall != Status::Met);
    view! {
        <section class="packet" aria-labelledby="packet-title">
            <h3 id="packet-title">"申请材料"</h3>
            <p class="hint">
                "生成完整的认定申请材料（PDF，A4）：封面与目录、认定申请书、认定申请表、自评结果、花名册、劳动合同（劳务协议）清单、参保清单、工资发放明细表、承诺书和申报材料清单。材料在本机生成，不会上传。"
            </p>
            <Show when=not_met>
                <p class="msg warn">"自评尚未通过：仍可生成材料供核对，每页将标注「自评未通过」。"</p>
            </Show>
            <button type="button" disabled=move || client.busy() on:click=start>"生成申请材料"</button>
            <ProgressView client=client />
        </section>
    }
}

/// Whether the browser says the user saves data (Save-Data, set in Chrome's Lite mode and by
/// many phones on metered plans) or the connection is 2G: then nothing is fetched ahead of a
/// click. `navigator.connection` is Chromium's; elsewhere this is `false`.
fn saving_data() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let get = |target: &JsValue, key: &str| js_sys::Reflect::get(target, &key.into()).ok();
    let Some(connection) = get(&window.navigator(), "connection").filter(JsValue::is_object) else {
        return false;
    };
    let save_data = get(&connection, "saveData").and_then(|v| v.as_bool()) == Some(true);
    let slow = get(&connection, "effectiveType")
        .and_then(|v| v.as_string())
        .is_some_and(|t| t.ends_with("2g"));
    save_data || slow
}
