//! The import worker seen from the page: started the first time a table is imported or
//! exported, then kept. [`request`] sends one job and waits for its reply (protocol in the
//! `bangfu-import-worker` crate docs). Nothing leaves the machine: the worker is one of the
//! app's own files.

use std::cell::RefCell;
use std::collections::HashMap;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The worker script Trunk emits for `data-type="worker" data-loader-shim`.
const WORKER_URL: &str = "./import-worker_loader.js";

struct Client {
    worker: web_sys::Worker,
    ready: bool,
    /// Jobs sent before the worker said `ready` (with their transfer lists).
    queued: Vec<(JsValue, Array)>,
    /// The promise resolvers of jobs awaiting replies, by id.
    pending: HashMap<u32, Function>,
    next_id: u32,
}

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn get(o: &JsValue, name: &str) -> JsValue {
    Reflect::get(o, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn failure(message: &str) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &"type".into(), &"error".into());
    let _ = Reflect::set(&o, &"message".into(), &message.into());
    o.into()
}

fn on_message(ev: web_sys::MessageEvent) {
    let data = ev.data();
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        let Some(client) = c.as_mut() else { return };
        if get(&data, "type").as_string().as_deref() == Some("ready") {
            client.ready = true;
            for (job, transfer) in client.queued.drain(..) {
                let _ = client.worker.post_message_with_transfer(&job, &transfer);
            }
            return;
        }
        let id = get(&data, "id").as_f64().map_or(u32::MAX, |f| f as u32);
        if let Some(resolve) = client.pending.remove(&id) {
            let _ = resolve.call1(&JsValue::NULL, &data);
        }
    });
}

/// The worker failed to load (or crashed): every waiting job fails, and the next request starts
/// a new worker.
fn on_error() {
    let client = CLIENT.with(|c| c.borrow_mut().take());
    if let Some(client) = client {
        client.worker.terminate();
        // Never advise a reload while offline: that would lose the page.
        let msg = failure(if crate::offline::offline() {
            "当前没有网络，表格处理程序还没有下载到本机。联网后再试一次即可，不必刷新页面；表格在本机处理，不会上传。"
        } else {
            "表格处理程序未能运行（文件异常或程序中断）。请再试一次；表格在本机处理，不会上传。"
        });
        for (_, resolve) in client.pending {
            let _ = resolve.call1(&JsValue::NULL, &msg);
        }
    }
}

fn start() -> Result<Client, String> {
    let worker = web_sys::Worker::new(WORKER_URL)
        .map_err(|_| "此浏览器不支持后台处理（Web Worker），请换用较新的浏览器。".to_owned())?;
    let handler = Closure::<dyn FnMut(web_sys::MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // The worker lives as long as the page; so do its handlers.
    handler.forget();
    let on_err = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| on_error());
    worker.set_onerror(Some(on_err.as_ref().unchecked_ref()));
    on_err.forget();
    Ok(Client {
        worker,
        ready: false,
        queued: Vec::new(),
        pending: HashMap::new(),
        next_id: 1,
    })
}

/// Sends `job` (its fields as in the protocol, without `id`), handing over the buffers in
/// `transfer`, and waits for the reply.
///
/// # Errors
/// The worker's Chinese message when the job failed, or why the worker could not run.
pub async fn request(job: Object, transfer: Array) -> Result<JsValue, String> {
    let mut resolver: Option<Function> = None;
    let promise = Promise::new(&mut |resolve, _| resolver = Some(resolve));
    let resolve = resolver.ok_or("内部错误：无法等待结果")?;
    CLIENT.with(|c| -> Result<(), String> {
        let mut c = c.borrow_mut();
        if c.is_none() {
            *c = Some(start()?);
        }
        let Some(client) = c.as_mut() else {
            return Err("表格处理程序未能启动".into());
        };
        let id = client.next_id;
        client.next_id = client.next_id.wrapping_add(1);
        let _ = Reflect::set(&job, &"id".into(), &id.into());
        client.pending.insert(id, resolve);
        if client.ready {
            let _ = client.worker.post_message_with_transfer(&job, &transfer);
        } else {
            client.queued.push((job.into(), transfer));
        }
        Ok(())
    })?;
    let reply = JsFuture::from(promise)
        .await
        .map_err(|_| "表格处理中断".to_owned())?;
    if get(&reply, "type").as_string().as_deref() == Some("error") {
        return Err(get(&reply, "message")
            .as_string()
            .unwrap_or_else(|| "表格处理失败".into()));
    }
    Ok(reply)
}

/// A job object from its fields.
pub fn job(fields: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in fields {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// A string field of a reply.
pub fn text(reply: &JsValue, name: &str) -> String {
    get(reply, name).as_string().unwrap_or_default()
}

/// The bytes of a `file` reply.
pub fn bytes(reply: &JsValue) -> Vec<u8> {
    get(reply, "bytes")
        .dyn_into::<js_sys::Uint8Array>()
        .map(|b| b.to_vec())
        .unwrap_or_default()
}

/// The sheet names of a `preview` reply.
pub fn strings(reply: &JsValue, name: &str) -> Vec<String> {
    Array::from(&get(reply, name))
        .iter()
        .filter_map(|v| v.as_string())
        .collect()
}
