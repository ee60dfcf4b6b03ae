//! How values are read: the country of numbers without a country code, what to do
//! with a value that is not valid, and tags the workspace does not have yet.

use leptos::prelude::*;

use crate::domain::import::{CheckReport, InvalidValues, Target, UnknownTags};

use crate::ui::app::AppState;
use crate::ui::kit::CountrySelect;

use super::session::ImportSession;

/// New tag names listed by name; more are counted.
const TAGS_LISTED: usize = 12;

#[component]
pub fn ImportValues(session: ImportSession, check: Signal<Result<CheckReport, String>>) -> impl IntoView {
    let state = AppState::get();
    // A new list brings its own country.
    Effect::new(move |_| session.country.set(session.country_for_list(state)));
    let maps_tags = Memo::new(move |_| session.columns.with(|c| c.contains(&Target::Tags)));
    let new_tags = Memo::new(move |_| check.with(|c| c.as_ref().map(|r| r.new_tags.clone()).unwrap_or_default()));
    let radio = move |name: &'static str, id: &'static str, label: &'static str, checked: Signal<bool>, pick: Callback<()>| {
        view! {
            <label class="check-inline">
                <input type="radio" name=name id=id prop:checked=move || checked.get() on:change=move |_| pick.run(()) />
                <span>{label}</span>
            </label>
        }
    };
    let invalid_is = move |v: InvalidValues| Signal::derive(move || session.invalid_values.get() == v);
    let tags_are = move |v: UnknownTags| Signal::derive(move || session.unknown_tags.get() == v);
    view! {
        <div class="import-values">
            <div class="field">
                <label for="import-country">"Numbers without a country code are read as"</label>
                <CountrySelect
                    id="import-country"
                    value=session.country
                    on_change=Callback::new(move |c| session.country.set(c))
                    none_label="None: such numbers are not valid"
                    describedby="hint-import-country"
                />
                <p class="hint" id="hint-import-country">
                    "Numbers written with + or 00 keep their own country. Set the list's usual country in its settings."
                </p>
            </div>
            <fieldset class="choice-group">
                <legend>"If a value is not valid (a phone, an email, a date…)"</legend>
                {radio("import-invalid", "import-invalid-without", "Import the contact without it (listed in the report)", invalid_is(InvalidValues::ImportWithout), Callback::new(move |_| session.invalid_values.set(InvalidValues::ImportWithout)))}
                {radio("import-invalid", "import-invalid-skip", "Skip the whole row", invalid_is(InvalidValues::SkipRow), Callback::new(move |_| session.invalid_values.set(InvalidValues::SkipRow)))}
            </fieldset>
            <Show when=move || maps_tags.get()>
                <fieldset class="choice-group" id="import-new-tags">
                    <legend>"Tags that do not exist yet"</legend>
                    {move || {
                        let names = new_tags.get();
                        if names.is_empty() {
                            return view! { <p class="hint">"Every tag in the rows checked already exists."</p> }.into_any();
                        }
                        let more = names.len().saturating_sub(TAGS_LISTED);
                        view! {
                            <ul class="new-tag-names" id="import-new-tag-names">
                                {names.into_iter().take(TAGS_LISTED).map(|n| view! { <li><bdi>{n}</bdi></li> }).collect_view()}
                                {(more > 0).then(|| view! { <li>{format!("and {more} more")}</li> })}
                            </ul>
                        }
                        .into_any()
                    }}
                    <div class="check-inline">
                        {radio("import-tags", "import-tags-create", "Create them, in", tags_are(UnknownTags::Create), Callback::new(move |_| session.unknown_tags.set(UnknownTags::Create)))}
                        <input
                            type="color"
                            id="import-tag-colour"
                            aria-label="Colour of the new tags"
                            prop:value=move || session.tag_colour.get()
                            disabled=move || session.unknown_tags.get() != UnknownTags::Create
                            on:input=move |ev| session.tag_colour.set(event_target_value(&ev))
                        />
                    </div>
                    {radio("import-tags", "import-tags-ignore", "Leave unknown tags out", tags_are(UnknownTags::Ignore), Callback::new(move |_| session.unknown_tags.set(UnknownTags::Ignore)))}
                </fieldset>
            </Show>
        </div>
    }
}
