//! Draft files: "保存草稿文件" downloads the draft as `.json`, "打开草稿文件" reads one back.
//! Also the generic download helper used for every file the app produces.

use bangfu_model::envelope::{self, Envelope};
use bangfu_model::{Draft, LoadError};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The largest draft file we try to read; a real one with 3,000 employees and a year of wages is
/// about 10 MB.
pub const MAX_DRAFT_FILE_BYTES: f64 = 64.0 * 1024.0 * 1024.0;

/// Offers `bytes` to the user as a download named `file_name`.
///
/// # Errors
/// The browser's error when a Blob or object URL cannot be made.
pub fn download(bytes: &[u8], mime: &str, file_name: &str) -> Result<(), JsValue> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = leptos::prelude::document();
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.style().set_property("display", "none")?;
    if let Some(body) = document.body() {
        body.append_child(&a)?;
        a.click();
        body.remove_child(&a)?;
    }
    // Revoke later: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(60),
    );
    Ok(())
}

/// A file name safe on Windows: the applicant's name (or a default) plus a date.
pub fn file_name(draft: &Draft, what: &str, date: &str, ext: &str) -> String {
    let name: String = draft
        .applicant
        .name
        .trim()
        .chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .take(40)
        .collect();
    if name.is_empty() {
        format!("{what}-{date}.{ext}")
    } else {
        format!("{what}-{name}-{date}.{ext}")
    }
}

/// Downloads the draft as a draft file.
///
/// # Errors
/// The browser's error when the download cannot be started.
pub fn save_draft_file(draft: &Draft, now: &str) -> Result<(), JsValue> {
    let json = Envelope::new(draft.clone(), now).to_json();
    let date = now.split('T').next().unwrap_or(now);
    download(
        json.as_bytes(),
        "application/json",
        &file_name(draft, "帮扶车间草稿", date, "json"),
    )
}

/// Why an opened file was not used.
#[derive(Debug)]
pub enum OpenError {
    TooLarge,
    Unreadable,
    Load(LoadError),
}

impl std::fmt::Display for OpenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::TooLarge => write!(f, "文件太大，不是本系统保存的草稿文件。"),
            OpenError::Unreadable => write!(f, "无法读取这个文件，请重新选择。"),
            OpenError::Load(e) => write!(f, "{e}"),
        }
    }
}

/// The files picked in the `<input type="file">` that fired `ev`. The input is cleared, so that
/// picking the same file again (after fixing it) fires `change` again.
pub fn take_picked_files(ev: &web_sys::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return vec![];
    };
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Reads a file's text.
///
/// # Errors
/// [`OpenError::TooLarge`] past `max_bytes`; [`OpenError::Unreadable`] when the browser fails.
pub async fn read_text(file: &web_sys::File, max_bytes: f64) -> Result<String, OpenError> {
    if file.size() > max_bytes {
        return Err(OpenError::TooLarge);
    }
    let text = JsFuture::from(file.text())
        .await
        .map_err(|_| OpenError::Unreadable)?;
    text.as_string().ok_or(OpenError::Unreadable)
}

/// Reads a file's bytes.
///
/// # Errors
/// As [`read_text`].
pub async fn read_bytes(file: &web_sys::File, max_bytes: f64) -> Result<Vec<u8>, OpenError> {
    if file.size() > max_bytes {
        return Err(OpenError::TooLarge);
    }
    let buf = JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| OpenError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Reads a draft file.
///
/// # Errors
/// [`OpenError`] when the file is too large, unreadable or not a valid draft.
pub async fn open_draft_file(file: &web_sys::File) -> Result<Draft, OpenError> {
    // Bytes, not text: a file re-saved as GBK must be refused, not decoded into mojibake.
    let bytes = read_bytes(file, MAX_DRAFT_FILE_BYTES).await?;
    envelope::read_bytes(&bytes)
        .map(|env| env.draft)
        .map_err(OpenError::Load)
}
