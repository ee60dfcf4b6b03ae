//! Domain tests that span several modules (each module keeps its own small tests).

mod bench;
mod catalog;
mod codec;
mod contact;
mod query;
mod support;
mod workspace;
