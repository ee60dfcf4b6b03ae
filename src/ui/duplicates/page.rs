//! The Find duplicates page: a list or all lists, Find duplicates, the sliced search
//! with its progress and Stop (a new search cancels a running one), then the groups,
//! strongest first, a page of them at a time. A group goes when the user says "Not
//! duplicates" (remembered) and shrinks or goes as its contacts are merged or deleted.

use leptos::prelude::*;

use crate::domain::duplicates::{DuplicateGroup, NotDuplicates};
use crate::domain::{Collection, ListId};
use crate::ui::app::{AppState, Setting, SettingKey};
use crate::ui::kit::{focus_id, grouped, plural, EmptyState, FormField, Select};
use crate::ui::lists::ListOptions;

use super::group_card::{GroupCard, ShownGroup};
use super::merge_action::{MergeFromGroup, MergeFromGroupDialog};
use super::kept::{self, Found, Kept};
use super::search::{contacts_in_scope, run_search, Halt};
use super::shown_group::{keep_apart, remaining};

/// Groups shown at first, and added by "Show more": thousands of cards would make
/// the page slow, and the strongest come first.
const GROUPS_PER_PAGE: usize = 50;

/// The search under way: which one (a newer one cancels it) and how many contacts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Running {
    run: u64,
    total: usize,
}

#[component]
pub fn DuplicatesPage() -> impl IntoView {
    let state = AppState::get();
    let Kept { list, found } = kept::recall();
    let list = RwSignal::new(list);
    let found = RwSignal::new(found);
    Effect::new(move |_| kept::keep(Kept { list: list.get(), found: found.get() }));
    // A list the current view may no longer see searches nothing: all lists instead.
    let chosen = Memo::new(move |_| list.get().filter(|id| state.my_lists.with(|ls| ls.iter().any(|l| l.id == *id))));
    let running = RwSignal::new(None::<Running>);
    let checked = RwSignal::new(0usize);
    let stop = RwSignal::new(false);
    let runs = StoredValue::new(0u64);
    let apart = RwSignal::new(None::<NotDuplicates>);
    let limit = RwSignal::new(GROUPS_PER_PAGE);

    let shown = Memo::new(move |_| {
        let groups = found.with(|f| f.as_ref().map(|f| f.groups.clone())).unwrap_or_default();
        let visible = state.visible.get();
        state.lists.with(|lists| {
            state.read(&[Collection::Contacts], |ws| {
                let exists = |id| ws.contact(id).is_some_and(|c| visible.as_ref().is_none_or(|v| v.contains(&c.list_id)));
                groups.iter().filter_map(|g| remaining(g, exists)).map(|g| ShownGroup::read(ws, lists, g)).collect::<Vec<_>>()
            })
        })
    });

    let find = move || {
        let run = runs.get_value() + 1;
        runs.set_value(run);
        let scope = scope_name(state, chosen.get_untracked());
        let ids = contacts_in_scope(state, chosen.get_untracked());
        let total = ids.len();
        stop.set(false);
        checked.set(0);
        found.set(None);
        limit.set(GROUPS_PER_PAGE);
        running.set(Some(Running { run, total }));
        leptos::task::spawn_local(async move {
            let pairs = loaded_apart(state, apart).await;
            let current = move || running.try_get_untracked().flatten().is_some_and(|r| r.run == run);
            let halt = move || match current() {
                true if stop.try_get_untracked().unwrap_or(true) => Some(Halt::Stop),
                true => None,
                false => Some(Halt::Cancel),
            };
            let Some(ended) = run_search(state, ids, pairs, checked, halt).await else { return };
            // Finished while a newer search was starting: that one counts.
            if !current() {
                return;
            }
            running.set(None);
            let (stopped, checked) = (ended.stopped, ended.checked);
            found.set(Some(Found { scope, groups: ended.groups, stopped, checked, total }));
            if stopped {
                focus_id("dups-summary");
            }
        });
    };
    let not_duplicates = Callback::new(move |group: DuplicateGroup| {
        // Each contact is in one group at most: its first member names it.
        let first = group.members.first().copied();
        found.update(|f| {
            if let Some(f) = f {
                f.groups.retain(|g| first.is_none_or(|id| !g.members.contains(&id)));
            }
        });
        focus_id("dups-summary");
        leptos::task::spawn_local(async move {
            let mut pairs = loaded_apart(state, apart).await;
            keep_apart(&group, &mut pairs);
            let _ = apart.try_set(Some(pairs.clone()));
            state.remember(Setting::NotDuplicates(pairs));
        });
    });

    let is_running = move || running.with(Option::is_some);
    let hidden_groups = move || shown.with(Vec::len).saturating_sub(limit.get());
    let progress_text = move || {
        let total = running.with(|r| r.map_or(0, |r| r.total));
        format!("Checked {} of {} contacts", grouped(checked.get()), grouped(total))
    };
    let summary = move || match (running.get(), found.get()) {
        (Some(_), _) => format!("Searching {}…", scope_name(state, chosen.get())),
        (None, Some(found)) => found.summary(shown.with(Vec::len)),
        (None, None) => String::new(),
    };
    let sub = move || {
        let whose = if state.is_admin() { "" } else { " Agent view: only the lists assigned to this agent are searched." };
        format!("Contacts that are likely one person: the same phone or email, or a similar name with the same street, birthday or a similar email.{whose}")
    };

    let merging = MergeFromGroup::provide();

    view! {
        <section class="page" id="duplicates-page">
            <MergeFromGroupDialog action=merging />
            <header class="page-head">
                <div>
                    <h1>"Find duplicates"</h1>
                    <p class="page-sub">{sub}</p>
                </div>
            </header>
            <div class="card dup-controls">
                <FormField id="dups-list" label="List">
                    <Select on_change=Callback::new(move |value: String| list.set(value.parse::<u32>().ok().map(ListId::new)))>
                        <ListOptions current=chosen none_label="All lists" />
                    </Select>
                </FormField>
                <div class="dup-buttons">
                    <button type="button" class="btn btn-primary" id="dups-find" on:click=move |_| find()>
                        "Find duplicates"
                    </button>
                    <Show when=is_running>
                        <button type="button" class="btn btn-danger-outline" id="dups-stop" disabled=move || stop.get() on:click=move |_| stop.set(true)>
                            {move || if stop.get() { "Stopping…" } else { "Stop" }}
                        </button>
                    </Show>
                </div>
                <Show when=is_running>
                    <div class="dup-running">
                        <progress
                            id="dups-progress"
                            aria-label="Search progress"
                            prop:max=move || running.with(|r| r.map_or(1, |r| r.total.max(1)))
                            prop:value=move || checked.get()
                        ></progress>
                        <p id="dups-progress-text">{progress_text}</p>
                    </div>
                </Show>
            </div>
            <p id="dups-summary" class="dup-summary" role="status" tabindex="-1">{summary}</p>
            <Show when=move || found.with(Option::is_none) && !is_running()>
                <EmptyState
                    id="dups-empty"
                    title="No search yet"
                    text="Choose a list, or all lists, and Find duplicates. Each group says why its contacts matched; merge them, or mark them as not duplicates so they are not shown again."
                />
            </Show>
            <ol class="dup-groups" id="dups-groups">
                <For
                    each=move || shown.with(|s| s.iter().take(limit.get()).cloned().collect::<Vec<_>>())
                    key=|g| g.members.clone()
                    children=move |g| view! { <GroupCard shown=g on_apart=not_duplicates /> }
                />
            </ol>
            <Show when=move || hidden_groups() != 0>
                <button type="button" class="btn" id="dups-more" on:click=move |_| limit.update(|n| *n += GROUPS_PER_PAGE)>
                    {move || format!("Show {} more", plural(hidden_groups().min(GROUPS_PER_PAGE), "group", "groups"))}
                </button>
            </Show>
        </section>
    }
}

/// "Leads", or "all lists".
fn scope_name(state: AppState, list: Option<ListId>) -> String {
    list.and_then(|id| state.lists.with_untracked(|ls| ls.iter().find(|l| l.id == id).map(|l| l.name.to_string())))
        .unwrap_or_else(|| "all lists".to_string())
}

/// The pairs the user said are not duplicates: read from storage once per visit of
/// the page, then held here (a dismissal adds to them before they are written).
async fn loaded_apart(state: AppState, apart: RwSignal<Option<NotDuplicates>>) -> NotDuplicates {
    if let Some(Some(pairs)) = apart.try_get_untracked() {
        return pairs;
    }
    let stored = match state.recall(SettingKey::NotDuplicates).await {
        Some(Setting::NotDuplicates(pairs)) => pairs,
        _ => NotDuplicates::default(),
    };
    // Another caller may have read (and added to) them meanwhile: theirs count.
    apart.try_update(|a| a.get_or_insert(stored.clone()).clone()).unwrap_or(stored)
}
