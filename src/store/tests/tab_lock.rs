//! The tab lock's take-over: a holder that never answers loses the lock after the
//! patience, and is told (`on_lost`); a holder that lets go in time hands it over.

use std::cell::Cell;
use std::rc::Rc;

use wasm_bindgen_test::*;

use web_sys::AbortController;

use super::raw::fresh_name;
use crate::store::{LockOutcome, TabLock};

#[wasm_bindgen_test]
async fn a_holder_that_never_answers_loses_the_lock_and_is_told() {
    let db = fresh_name("lock-steal");
    let LockOutcome::Acquired(held) = TabLock::acquire(&db).await.expect("lock") else { panic!("a fresh lock is free") };
    assert!(held.is_enforced(), "this Chromium has Web Locks");
    let lost = Rc::new(Cell::new(false));
    let told = Rc::clone(&lost);
    held.on_lost(move || told.set(true));
    // Nobody answers the hand-over request: the holder is "frozen".
    let started = js_sys::Date::now();
    let taken = TabLock::take_over(&db, 300, patience()).await.expect("taken over");
    let waited = js_sys::Date::now() - started;
    assert!(waited >= 250.0, "it waited for the holder first ({waited} ms)");
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(lost.get(), "the holder is told it lost the lock");
    assert!(matches!(TabLock::acquire(&db).await.expect("ask again"), LockOutcome::HeldElsewhere), "the new holder has it");
    drop(taken);
    drop(held);
}

#[wasm_bindgen_test]
async fn a_holder_that_lets_go_in_time_hands_the_lock_over_and_is_not_told_it_lost_it() {
    let db = fresh_name("lock-handover");
    let LockOutcome::Acquired(held) = TabLock::acquire(&db).await.expect("lock") else { panic!("a fresh lock is free") };
    let lost = Rc::new(Cell::new(false));
    let told = Rc::clone(&lost);
    held.on_lost(move || told.set(true));
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(50).await;
        held.release();
    });
    let started = js_sys::Date::now();
    let taken = TabLock::take_over(&db, 5_000, patience()).await.expect("handed over");
    assert!(js_sys::Date::now() - started < 4_000.0, "it did not wait for the patience to run out");
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(!lost.get(), "letting go is not losing");
    drop(taken);
}

fn patience() -> AbortController {
    AbortController::new().expect("an AbortController")
}

#[wasm_bindgen_test]
async fn take_over_now_ends_the_wait_at_once() {
    let db = fresh_name("lock-now");
    let LockOutcome::Acquired(held) = TabLock::acquire(&db).await.expect("lock") else { panic!("a fresh lock is free") };
    let lost = Rc::new(Cell::new(false));
    let told = Rc::clone(&lost);
    held.on_lost(move || told.set(true));
    let now = patience();
    let press = now.clone();
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(50).await;
        press.abort();
    });
    let started = js_sys::Date::now();
    // A minute of patience: only "now" can end the wait within this test's time.
    let taken = TabLock::take_over(&db, 60_000, now).await.expect("taken over now");
    assert!(js_sys::Date::now() - started < 30_000.0, "the wait ended when asked");
    gloo_timers::future::TimeoutFuture::new(50).await;
    assert!(lost.get(), "the holder is told it lost the lock");
    drop(taken);
    drop(held);
}
