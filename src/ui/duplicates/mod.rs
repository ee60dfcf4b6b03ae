//! Find duplicates (issue 13, part 4): groups of likely duplicates in a list or all
//! lists (`domain::duplicates`), found in slices with progress and Stop, each saying
//! why it matched, with "Not duplicates" (remembered) and Merge….
//!
//! The plain parts (what is left of a group, its reasons in words, the summary) build
//! and test on the host; the page and the search exist only in wasm.

mod kept;
mod shown_group;

browser_only! {
    mod group_card;
    pub mod merge_action;
    mod page;
    mod search;

    pub(crate) use page::DuplicatesPage;
}
