//! The worker's side: each message is `[id, bytes]` (plus the file, for `Start`), a
//! request encoded by the page; the answer goes back as `[id, bytes]`, its buffer
//! transferred, not copied. The first message the worker sends is "ready": messages
//! sent before its wasm ran would find no handler, so the page waits for it.

use std::cell::RefCell;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime, Timelike};
use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, DedicatedWorkerGlobalScope, MessageEvent};

use super::protocol::{Answer, Request, Run};
use super::serve::{answer_bytes, read_request, Engine};
use crate::ui::kit::read_slice;

/// What the worker posts once it can take requests.
pub const READY: &str = "ready";

/// Bytes read from the file per step: ~2,000 rows of a typical export.
const CHUNK_BYTES: f64 = 256.0 * 1024.0;

/// A running import's file and how far it has been read.
struct Reading {
    file: Blob,
    offset: f64,
}

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new(|| Box::new(browser_offset)));
    /// Per run (`Run`): its file.
    static READING: RefCell<HashMap<Run, Reading>> = RefCell::new(HashMap::new());
}

/// Installs the message handler and says so.
pub fn start() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_scope = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let message = Array::from(&event.data());
        let id = message.get(0);
        let bytes = Uint8Array::new(&message.get(1)).to_vec();
        let scope = reply_scope.clone();
        match read_request(&bytes) {
            Ok(Request::Next { run, bytes }) => {
                wasm_bindgen_futures::spawn_local(async move {
                    let answer = next(run, bytes as f64).await;
                    reply(&scope, &id, &answer);
                });
            }
            Ok(request) => {
                let starts = match request {
                    Request::Start { .. } => Some(Run::Contacts),
                    Request::StartCallLog { .. } => Some(Run::CallLog),
                    _ => None,
                };
                if let Some(run) = starts {
                    let file = message.get(2).dyn_into::<Blob>().ok();
                    READING.with(|r| match file {
                        Some(file) => r.borrow_mut().insert(run, Reading { file, offset: 0.0 }),
                        None => r.borrow_mut().remove(&run),
                    });
                }
                let answer = ENGINE.with(|e| e.borrow_mut().answer(request));
                reply(&scope, &id, &answer);
            }
            Err(why) => reply(&scope, &id, &Answer::Unreadable(why)),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str(READY));
}

/// Reads about `budget` bytes more of `run`'s file, feeding each chunk to the engine,
/// and answers with what is ready.
async fn next(run: Run, budget: f64) -> Answer {
    if !ENGINE.with(|e| e.borrow().running(run)) {
        return Answer::NoImport;
    }
    let Some(Reading { file, mut offset }) = READING.with(|r| r.borrow_mut().remove(&run)) else {
        return ENGINE.with(|e| e.borrow_mut().batch(run, false, Some("the file was not received".into())));
    };
    let size = file.size();
    let stop_at = offset + budget.max(CHUNK_BYTES);
    let mut error = None;
    while offset < size && offset < stop_at {
        match read_slice(&file, offset, CHUNK_BYTES).await {
            Ok(chunk) if chunk.is_empty() => break,
            Ok(chunk) => {
                offset += chunk.len() as f64;
                ENGINE.with(|e| e.borrow_mut().feed(run, &chunk));
            }
            Err(message) => {
                error = Some(message);
                break;
            }
        }
    }
    let at_end = error.is_none() && offset >= size;
    READING.with(|r| r.borrow_mut().insert(run, Reading { file, offset }));
    let mut answer = ENGINE.with(|e| e.borrow_mut().batch(run, at_end, error));
    if let Answer::Read(batch) = &mut answer {
        batch.engine_memory = crate::perf::memory_bytes() as u64;
    }
    answer
}

/// The browser's UTC offset at a local date and time (daylight saving included), for
/// the local times a call log gives.
fn browser_offset(at: NaiveDateTime) -> i32 {
    let date = js_sys::Date::new_with_year_month_day_hr_min_sec(at.year() as u32, at.month0() as i32, at.day() as i32, at.hour() as i32, at.minute() as i32, at.second() as i32);
    // getTimezoneOffset is minutes *behind* UTC.
    -(date.get_timezone_offset() as i32)
}

fn reply(scope: &DedicatedWorkerGlobalScope, id: &JsValue, answer: &Answer) {
    let bytes = Uint8Array::from(answer_bytes(answer).as_slice());
    let transfer = Array::of1(&bytes.buffer());
    // A page gone away cannot be answered; nothing else to do.
    let _ = scope.post_message_with_transfer(&Array::of2(id, &bytes), &transfer);
}
