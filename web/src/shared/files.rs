//! Reading the files the user chooses, in the browser.

use doorgroei::exchange::TextFile;
use gloo::file::callbacks::FileReader;
use gloo::file::File;
use wasm_bindgen::JsCast;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// An `onchange` handler for a file input: reads the chosen file's bytes in
/// the browser and hands them on with its name. The same file can be chosen
/// again after a fix.
#[hook]
pub fn use_bytes_reader(on_load: Callback<(String, Vec<u8>)>) -> Callback<Event> {
    let reader = use_mut_ref(|| None::<FileReader>);
    Callback::from(move |e: Event| {
        let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        let file = File::from(file);
        let name = file.name();
        let on_load = on_load.clone();
        let task = gloo::file::callbacks::read_as_bytes(&file, move |result| {
            on_load.emit((name, result.unwrap_or_default()));
        });
        *reader.borrow_mut() = Some(task);
        input.set_value("");
    })
}

/// Like [`use_bytes_reader`], for text files: UTF-8 with or without a
/// byte-order mark, or Windows-1252 as older Windows editors save it
/// (the core's `decode_text`, so no character is silently replaced).
#[hook]
pub fn use_file_reader(on_load: Callback<TextFile>) -> Callback<Event> {
    use_bytes_reader(Callback::from(move |(name, bytes): (String, Vec<u8>)| {
        let text = doorgroei::format::decode_text(&bytes);
        on_load.emit(TextFile { name, text });
    }))
}
