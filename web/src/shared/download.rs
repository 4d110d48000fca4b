//! Files offered for download: made on the page, or written by the worker
//! (YAML, calendars). Nothing leaves the browser.

use doorgroei::exchange::{Reply, Request};
use wasm_bindgen::JsCast;
use yew::Callback;

use crate::shared::worker;

/// Offers `text` as a file download (a blob URL).
pub fn download(name: &str, text: &str, mime: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = gloo::utils::document();
    if let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// Has the worker write a YAML file (`request` is one of the `Write…`
/// kinds) and offers it as `name`; `on_failed` gets why it could not be
/// written.
pub fn download_written(name: &'static str, request: &Request, on_failed: Callback<String>) {
    download_from_worker(name.into(), "text/yaml;charset=utf-8", request, on_failed)
}

/// Has the worker write a file (`request` is one of the `Write…` kinds)
/// and offers it as `name` of type `mime`; `on_failed` gets why it could
/// not be written.
pub fn download_from_worker(
    name: String,
    mime: &'static str,
    request: &Request,
    on_failed: Callback<String>,
) {
    let on_reply = Callback::from(move |reply| match reply {
        Reply::Written(Ok(text)) => download(&name, &text, mime),
        Reply::Written(Err(reason)) => on_failed.emit(reason),
        other => on_failed.emit(other.failure()),
    });
    worker::post(request, on_reply);
}
