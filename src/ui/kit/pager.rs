//! Page size and first/previous/next/last, with "1–25 of 1,234".

use leptos::prelude::*;

use crate::ui::contacts::{ContactsView, PAGE_SIZES};
use super::choice::InlineSelect;
use super::text::grouped;

#[component]
pub fn Pager(
    /// How many contacts match in all.
    #[prop(into)]
    total: Signal<usize>,
    /// The page actually shown (after clamping).
    #[prop(into)]
    page: Signal<usize>,
    on_page_size: Callback<usize>,
) -> impl IntoView {
    let view = ContactsView::get();
    let size = view.page_size;
    let last = move || total.get().saturating_sub(1) / size.get().max(1);
    let range = move || {
        let total = total.get();
        if total == 0 {
            return "0 of 0".to_string();
        }
        let from = page.get() * size.get() + 1;
        let to = (from + size.get() - 1).min(total);
        format!("{}–{} of {}", grouped(from), grouped(to), grouped(total))
    };
    let go = move |p: usize| view.page.set(p);
    view! {
        <div class="pager">
            <InlineSelect
                id="page-size"
                label="Rows per page"
                class="page-size"
                choices=PAGE_SIZES.into_iter().map(|n| (n.to_string(), n.to_string())).collect()
                current=Signal::derive(move || size.get().to_string())
                on_change=Callback::new(move |v: String| {
                    if let Ok(n) = v.parse::<usize>() {
                        on_page_size.run(n);
                    }
                })
            />
            <span class="page-range" id="page-range" aria-live="polite">{range}</span>
            <div class="page-buttons">
                <button type="button" class="btn btn-icon" aria-label="First page" title="First page"
                    disabled=move || page.get() == 0 on:click=move |_| go(0)>"«"</button>
                <button type="button" class="btn btn-icon" aria-label="Previous page" title="Previous page" id="page-prev"
                    disabled=move || page.get() == 0 on:click=move |_| go(page.get_untracked().saturating_sub(1))>"‹"</button>
                <button type="button" class="btn btn-icon" aria-label="Next page" title="Next page" id="page-next"
                    disabled=move || { page.get() >= last() } on:click=move |_| go(page.get_untracked() + 1)>"›"</button>
                <button type="button" class="btn btn-icon" aria-label="Last page" title="Last page"
                    disabled=move || { page.get() >= last() } on:click=move |_| go(last())>"»"</button>
            </div>
        </div>
    }
}
