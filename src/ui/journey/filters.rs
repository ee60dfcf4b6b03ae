//! The journey's filters: view, channels and interval. They belong to the app session,
//! not to one contact, so moving between contacts keeps them (provided once at the
//! root); Reset goes back to every channel and the default interval.

use std::collections::BTreeSet;

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::journey::JourneyFilter;
use crate::domain::{Channel, Interval, JourneyView};
use crate::ui::kit::{local_offset, now, sentence, with_stop};

/// How the date inputs write a day.
const DATE_FORMAT: &str = "%Y-%m-%d";

#[derive(Clone, Copy)]
pub struct JourneyFilters {
    pub view: RwSignal<JourneyView>,
    /// The channels chosen; none shows every channel.
    pub channels: RwSignal<BTreeSet<Channel>>,
    pub interval: RwSignal<Interval>,
}

impl JourneyFilters {
    pub fn new() -> Self {
        Self { view: RwSignal::new(JourneyView::default()), channels: RwSignal::new(BTreeSet::new()), interval: RwSignal::new(default_interval()) }
    }

    /// The session's filters. Without them in context (the root not providing them)
    /// the pane provides its own, which last as long as it does.
    pub fn get() -> Self {
        use_context::<Self>().unwrap_or_else(|| {
            let filters = Self::new();
            provide_context(filters);
            filters
        })
    }

    /// The channel and interval filter (tracked).
    pub fn filter(self) -> JourneyFilter {
        JourneyFilter { channels: self.channels.get(), interval: self.interval.get() }
    }

    pub fn reset(self) {
        self.channels.set(BTreeSet::new());
        self.interval.set(default_interval());
    }
}

/// The user's offset now: the one the interval's days and the timeline's days use.
pub fn offset_now() -> i32 {
    local_offset(now())
}

fn default_interval() -> Interval {
    let t = now();
    Interval::default_for(t, local_offset(t))
}

/// Channel checkboxes with their counts in the interval, the From/To days and Reset.
#[component]
pub fn FilterBar(counts: Memo<Vec<(Channel, usize)>>) -> impl IntoView {
    let filters = JourneyFilters::get();
    let offset = offset_now();
    let error = RwSignal::new(None::<String>);
    let dates = Memo::new(move |_| filters.interval.get().dates(offset));
    let set_day = move |from_end: bool, text: String| {
        let Ok(day) = NaiveDate::parse_from_str(text.trim(), DATE_FORMAT) else {
            error.set(Some("Choose a day for both ends of the interval.".into()));
            return;
        };
        let (from, to) = dates.get_untracked();
        let (from, to) = if from_end { (day, to) } else { (from, day) };
        match Interval::from_dates(from, to, offset) {
            Ok(interval) => {
                error.set(None);
                filters.interval.set(interval);
            }
            Err(e) => error.set(Some(with_stop(&sentence(&e.to_string())))),
        }
    };
    let channel_boxes = move || {
        counts
            .get()
            .into_iter()
            .map(|(channel, n)| {
                let checked = move || filters.channels.with(|s| s.contains(&channel));
                let toggle = move |ev| {
                    let on = event_target_checked(&ev);
                    filters.channels.update(|s| {
                        if on {
                            s.insert(channel);
                        } else {
                            s.remove(&channel);
                        }
                    });
                };
                view! {
                    <label class="journey-check" class:is-empty=n == 0>
                        <input type="checkbox" class="journey-channel" data-channel=channel.key() prop:checked=checked on:change=toggle />
                        <span>{channel.label()}</span>
                        " "
                        <span class="journey-count">{format!("({n})")}</span>
                    </label>
                }
            })
            .collect_view()
    };
    let reset = move |_| {
        error.set(None);
        filters.reset();
    };
    view! {
        <div class="journey-filters">
            <fieldset class="journey-channels">
                <legend>"Channels"</legend>
                {channel_boxes}
            </fieldset>
            <div class="journey-interval">
                <label class="journey-date">
                    <span>"From"</span>
                    <input type="date" id="journey-from" prop:value=move || dates.get().0.format(DATE_FORMAT).to_string()
                        on:change=move |ev| set_day(true, event_target_value(&ev)) />
                </label>
                <label class="journey-date">
                    <span>"To"</span>
                    <input type="date" id="journey-to" prop:value=move || dates.get().1.format(DATE_FORMAT).to_string()
                        on:change=move |ev| set_day(false, event_target_value(&ev)) />
                </label>
                <button type="button" class="btn btn-small" id="journey-reset" on:click=reset>"Reset"</button>
            </div>
            {move || error.get().map(|m| view! { <p class="field-error" id="journey-interval-error" role="alert">{m}</p> })}
        </div>
    }
}
