//! Runs a future on the host test thread. The memory store's futures are ready at once,
//! so one poll settles them; anything else is a bug in the test.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(out) => out,
        Poll::Pending => panic!("a memory-store future was not ready at once"),
    }
}
