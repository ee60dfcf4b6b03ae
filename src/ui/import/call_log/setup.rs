//! Step 2: how the file is read (the contacts wizard's format bar and preview), what
//! each column holds, and the direction and channel of rows that do not say. Import
//! starts the run.

use leptos::prelude::*;

use crate::domain::import::call_log::CallColumn;
use crate::domain::{Channel, Direction};
use crate::ui::app::AppState;
use crate::ui::kit::InlineSelect;

use super::super::error::ImportError;
use super::super::format::ImportFormat;
use super::super::preview::ImportPreview;
use super::mapping::CallLogMapping;
use super::session::CallLogSession;
use crate::domain::text::quoted;

#[component]
pub fn CallLogSetup(session: CallLogSession) -> impl IntoView {
    let state = AppState::get();
    // A new reading of the file (format changed) means new columns: propose again.
    // Back from the other tab, the columns chosen stay.
    Effect::new(move |previous: Option<()>| {
        session.file.preview.track();
        if previous.is_some() || session.columns.with_untracked(Vec::is_empty) {
            session.propose();
        }
    });
    let directions = Direction::ALL.iter().map(|d| (d.key().to_owned(), d.label().to_owned())).collect();
    let channels = Channel::ALL.iter().map(|c| (c.key().to_owned(), c.label().to_owned())).collect();
    let set_direction = Callback::new(move |key: String| {
        if let Some(d) = Direction::parse(&key) {
            session.direction.set(d);
        }
    });
    let set_channel = Callback::new(move |key: String| {
        if let Some(c) = Channel::parse(&key) {
            session.channel.set(c);
        }
    });
    let defaults_hint = move || {
        let said = [(CallColumn::Direction, "direction"), (CallColumn::Channel, "channel")]
            .into_iter()
            .filter(|(c, _)| session.maps(&[*c]))
            .map(|(_, word)| word)
            .collect::<Vec<_>>();
        if said.is_empty() {
            "The file has no direction or channel column: every row is logged with these.".to_owned()
        } else {
            format!("The file gives the {}: these are used for rows where it is empty.", said.join(" and "))
        }
    };
    view! {
        <div class="import-setup call-log-setup">
            <section class="card" aria-labelledby="call-log-file-title">
                <h2 class="card-title" id="call-log-file-title">
                    {move || format!("1. Reading {}", quoted(&session.file.file_name.get()))}
                </h2>
                <ImportFormat session=session.file />
                <ImportPreview session=session.file />
            </section>
            <section class="card" aria-labelledby="call-log-map-title">
                <h2 class="card-title" id="call-log-map-title">"2. What each column holds"</h2>
                <p class="hint">
                    "Rows are matched by the contact's number (numbers without a country code are read with each list's default country) or email. Columns left as details are kept on the interaction."
                </p>
                <CallLogMapping session=session />
            </section>
            <section class="card" aria-labelledby="call-log-defaults-title">
                <h2 class="card-title" id="call-log-defaults-title">"3. When a row does not say"</h2>
                <div class="format-bar">
                    <InlineSelect id="call-log-direction" label="Direction" choices=directions current=Signal::derive(move || session.direction.get().key().to_owned()) on_change=set_direction />
                    <InlineSelect id="call-log-channel" label="Channel" choices=channels current=Signal::derive(move || session.channel.get().key().to_owned()) on_change=set_channel />
                </div>
                <p class="hint" id="call-log-defaults-hint">{defaults_hint}</p>
            </section>
            <ImportError session=session.file />
            <div class="form-actions">
                {[("", "Choose another file", false), ("call-log-start", "Import the log", true)]
                    .map(|(id, label, primary)| {
                        let act = move |_| if primary { session.start(state) } else { session.reset() };
                        view! { <button type="button" class="btn" class:btn-primary=primary id=(!id.is_empty()).then_some(id) on:click=act>{label}</button> }
                    })
                    .collect_view()}
            </div>
        </div>
    }
}
