//! The filtered journey by day, newest first, rendered a page at a time (a contact
//! may have 10,000 interactions): the first `PAGE` items, then "Show more".

use std::collections::HashSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::filters::offset_now;
use super::item::JourneyItem;
use crate::domain::change::JournalKey;
use crate::domain::journey::group_by_day;
use crate::domain::{Interaction, JourneyEntry};
use crate::ui::kit::grouped;

/// Items rendered at first and added by each "Show more".
const PAGE: usize = 50;

#[component]
pub fn Timeline(
    /// The entries the filters keep, newest first.
    shown: Memo<Vec<JourneyEntry>>,
    on_close: Callback<Interaction>,
) -> impl IntoView {
    let offset = offset_now();
    let limit = RwSignal::new(PAGE);
    // A new filter starts from the first page again.
    Effect::watch(move || shown.track(), move |_, _, _| limit.set(PAGE), false);
    let all_details = RwSignal::new(false);
    // Items whose details were toggled one by one (the opposite of `all_details`).
    let toggled = RwSignal::new(HashSet::<JournalKey>::new());
    let rendered = Memo::new(move |_| shown.with(|s| s.len().min(limit.get())));
    let total = Memo::new(move |_| shown.with(Vec::len));

    let days = move || {
        shown.with(|all| {
            group_by_day(&all[..rendered.get()], offset)
                .into_iter()
                .map(|(day, items)| {
                    let items = items
                        .into_iter()
                        .map(|entry| {
                            let key = JournalKey::of(entry);
                            let expanded = Signal::derive(move || all_details.get() != toggled.with(|t| t.contains(&key)));
                            let toggle = Callback::new(move |()| {
                                toggled.update(|t| {
                                    if !t.remove(&key) {
                                        t.insert(key);
                                    }
                                })
                            });
                            view! { <JourneyItem entry=entry.clone() offset=offset expanded=expanded on_toggle=toggle on_close=on_close /> }
                        })
                        .collect_view();
                    view! {
                        <section class="journey-day-group">
                            <h3 class="journey-day">{day_text(day)}</h3>
                            <ol class="journey-items">{items}</ol>
                        </section>
                    }
                })
                .collect_view()
        })
    };
    let toggle_all = move |_| {
        toggled.update(HashSet::clear);
        all_details.update(|on| *on = !*on);
    };
    view! {
        <div class="journey-status">
            <p id="journey-shown" aria-live="polite">{move || format!("{} of {} shown", grouped(rendered.get()), grouped(total.get()))}</p>
            <button type="button" class="btn-link" id="journey-details-all" aria-pressed=move || all_details.get().to_string() on:click=toggle_all>
                {move || if all_details.get() { "Hide all details" } else { "Show all details" }}
            </button>
        </div>
        {move || (total.get() == 0).then(|| view! { <p class="journey-empty" id="journey-empty">"Nothing in this interval for the chosen channels."</p> })}
        <div class="journey-days">{days}</div>
        {move || (rendered.get() < total.get()).then(|| {
            let more = (total.get() - rendered.get()).min(PAGE);
            view! {
                <button type="button" class="btn journey-more" id="journey-more" on:click=move |_| limit.update(|l| *l += PAGE)>
                    {format!("Show {more} more")}
                </button>
            }
        })}
    }
}

/// "Wednesday, 11 June 2026".
fn day_text(day: NaiveDate) -> String {
    day.format("%A, %-d %B %Y").to_string()
}
