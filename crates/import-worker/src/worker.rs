//! The worker's message loop (wasm only). See the crate doc for the protocol.

use std::cell::RefCell;

use bangfu_io::{ImportOptions, ImportPlan, InputFile};
use bangfu_model::Draft;
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

thread_local! {
    /// The last previewed plan, waiting for the user to confirm it.
    static PLAN: RefCell<Option<ImportPlan>> = const { RefCell::new(None) };
}

/// Installs the message handler and says `ready`.
pub fn start() {
    console_error_panic_hook::set_once();
    let handler = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        let id = Reflect::get(&data, &"id".into()).unwrap_or(JsValue::NULL);
        let reply = match handle(&data) {
            Ok(fields) => fields,
            Err(message) => vec![("type", "error".into()), ("message", message.into())],
        };
        let o = obj(&reply);
        let _ = Reflect::set(&o, &"id".into(), &id);
        // A file's buffer is handed over rather than copied.
        let bytes = Reflect::get(&o, &"bytes".into()).ok();
        match bytes.and_then(|b| b.dyn_into::<Uint8Array>().ok()) {
            Some(b) => {
                let _ = scope().post_message_with_transfer(&o, &Array::of1(&b.buffer()));
            }
            None => {
                let _ = scope().post_message(&o);
            }
        }
    });
    scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
    handler.forget();
    let _ = scope().post_message(&obj(&[("type", "ready".into())]));
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn obj(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

fn text(data: &JsValue, name: &str) -> Option<String> {
    Reflect::get(data, &JsValue::from_str(name))
        .ok()
        .and_then(|v| v.as_string())
}

fn draft(data: &JsValue) -> Result<Draft, String> {
    let json = text(data, "draft_json").ok_or("缺少 draft_json")?;
    serde_json::from_str(&json).map_err(|e| format!("草稿数据无法读取：{e}"))
}

type Reply = Vec<(&'static str, JsValue)>;

fn handle(data: &JsValue) -> Result<Reply, String> {
    match text(data, "op").as_deref() {
        Some("preview") => preview(data),
        Some("apply") => apply(data),
        Some("file") => file(data),
        other => Err(format!("未知的操作：{other:?}")),
    }
}

fn preview(data: &JsValue) -> Result<Reply, String> {
    let draft = draft(data)?;
    let files: Vec<(String, Vec<u8>)> =
        Array::from(&Reflect::get(data, &"files".into()).unwrap_or(JsValue::NULL))
            .iter()
            .map(|f| {
                let name = text(&f, "name").unwrap_or_default();
                let bytes = Reflect::get(&f, &"bytes".into())
                    .ok()
                    .and_then(|b| b.dyn_into::<Uint8Array>().ok())
                    .map(|b| b.to_vec())
                    .unwrap_or_default();
                (name, bytes)
            })
            .collect();
    let sheets = Array::new();
    for (name, bytes) in &files {
        for s in bangfu_io::sheet_names(name, bytes).unwrap_or_default() {
            sheets.push(&s.into());
        }
    }
    let inputs: Vec<InputFile<'_>> = files
        .iter()
        .map(|(name, bytes)| InputFile { name, bytes })
        .collect();
    // The user's mapping of unrecognised headers: {"入职时间": "协议起始日期", …}.
    let mapping = text(data, "mapping")
        .and_then(|m| serde_json::from_str::<std::collections::BTreeMap<String, String>>(&m).ok())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|(h, c)| Some((h, bangfu_io::columns::Column::from_code(&c)?)))
        .collect();
    let options = ImportOptions {
        sheet: text(data, "sheet").filter(|s| !s.is_empty()),
        mapping,
        ..ImportOptions::default()
    };
    let plan = bangfu_io::preview(&draft, &inputs, &options).map_err(|e| e.to_string())?;
    let summary = serde_json::to_string(&plan.to_summary()).map_err(|e| e.to_string())?;
    PLAN.with(|p| *p.borrow_mut() = Some(plan));
    Ok(vec![
        ("type", "preview".into()),
        ("summary", summary.into()),
        ("sheets", sheets.into()),
    ])
}

fn apply(data: &JsValue) -> Result<Reply, String> {
    let draft = draft(data)?;
    let plan = PLAN
        .with(|p| p.borrow_mut().take())
        .ok_or("没有待确认的导入，请重新选择文件")?;
    let after = bangfu_io::apply(&plan, &draft);
    let json = serde_json::to_string(&after).map_err(|e| e.to_string())?;
    Ok(vec![
        ("type", "applied".into()),
        ("draft_json", json.into()),
        ("label", format!("已导入：{}", plan.summary()).into()),
    ])
}

fn file(data: &JsValue) -> Result<Reply, String> {
    use bangfu_io::{export, ledger, template};
    let what = text(data, "what").unwrap_or_default();
    let bytes = match what.as_str() {
        "template_roster_xlsx" => template::roster_xlsx().map_err(|e| e.to_string())?,
        "template_wages_xlsx" => template::wages_xlsx().map_err(|e| e.to_string())?,
        "template_roster_csv" => template::roster_csv(),
        "template_wages_csv" => template::wages_csv(),
        "workbook_xlsx" => export::workbook_xlsx(&draft(data)?).map_err(|e| e.to_string())?,
        "roster_csv" => export::roster_csv(&draft(data)?),
        "wages_csv" => export::wages_csv(&draft(data)?),
        "ledger_xlsx" => {
            let d = draft(data)?;
            let date = text(data, "date")
                .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
                .ok_or("缺少日期")?;
            let a = bangfu_rules::assess(&d, date);
            let line = ledger::LedgerLine::from_assessment(&d, &a, "");
            ledger::ledger_xlsx(&[line], &a.date.to_string()).map_err(|e| e.to_string())?
        }
        // The township's list of applications (bangfu_review::overview) with the 第十一条
        // columns: `review_json` holds the applications as listed, in order.
        "overview_xlsx" => {
            let json = text(data, "review_json").ok_or("缺少 review_json")?;
            let file = bangfu_review::handoff::read(json.as_bytes()).map_err(|e| e.to_string())?;
            let date = text(data, "date")
                .and_then(|s| chrono::NaiveDate::parse_from_str(&s, "%Y-%m-%d").ok())
                .ok_or("缺少日期")?;
            let mut ws = bangfu_review::Workspace::default();
            bangfu_review::handoff::open(&mut ws, file);
            let cal = bangfu_rules::calendar::Calendar::shipped();
            let rows = bangfu_review::overview::rows(&ws, cal, date);
            bangfu_review::overview::to_xlsx(&rows, date).map_err(|e| e.to_string())?
        }
        other => return Err(format!("未知的表格：{other}")),
    };
    Ok(vec![
        ("type", "file".into()),
        ("bytes", Uint8Array::from(bytes.as_slice()).into()),
    ])
}
