//! Rows picked with checkboxes: the select-all box of a table's head, and keeping
//! the picked set to the rows still shown.

use std::collections::HashSet;
use std::hash::Hash;

use leptos::prelude::*;

/// The head cell whose checkbox picks every shown row: checked when all are picked,
/// mixed when some are.
#[component]
pub fn SelectAllCell<Id>(
    /// The rows shown.
    #[prop(into)]
    shown: Signal<Vec<Id>>,
    picked: RwSignal<HashSet<Id>>,
    /// What the box picks, for screen readers ("Select all lists").
    label: &'static str,
    #[prop(optional)] id: Option<&'static str>,
) -> impl IntoView
where
    Id: Eq + Hash + Clone + Send + Sync + 'static,
{
    let picked_here = move || picked.with(|p| shown.with(|s| s.iter().filter(|id| p.contains(id)).count()));
    let all = move || {
        let n = shown.with(Vec::len);
        n > 0 && picked_here() == n
    };
    let some = move || {
        let n = picked_here();
        n > 0 && n < shown.with(Vec::len)
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        shown.with_untracked(|s| {
            picked.update(|p| {
                for id in s {
                    if on {
                        p.insert(id.clone());
                    } else {
                        p.remove(id);
                    }
                }
            })
        });
    };
    view! {
        <th scope="col" class="col-check">
            <input type="checkbox" id=id aria-label=label prop:checked=all prop:indeterminate=some on:change=toggle />
        </th>
    }
}

/// Forgets picked rows that are no longer shown (deleted, or filtered out), so an
/// action on the picked rows never reaches a hidden one.
pub fn keep_to_shown<Id>(picked: RwSignal<HashSet<Id>>, shown: impl Fn() -> HashSet<Id> + 'static)
where
    Id: Eq + Hash + Clone + Send + Sync + 'static,
{
    Effect::new(move |_| {
        let shown = shown();
        if picked.with_untracked(|p| p.iter().any(|id| !shown.contains(id))) {
            picked.update(|p| p.retain(|id| shown.contains(id)));
        }
    });
}

/// The cell whose checkbox picks one row.
#[component]
pub fn SelectRowCell<Id>(
    id: Id,
    picked: RwSignal<HashSet<Id>>,
    /// What the box picks, for screen readers ("Select VIP").
    label: String,
    /// A class on the checkbox itself.
    #[prop(optional)]
    class: Option<&'static str>,
) -> impl IntoView
where
    Id: Eq + Hash + Clone + Send + Sync + 'static,
{
    let mine = id.clone();
    let checked = move || picked.with(|p| p.contains(&mine));
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        picked.update(|p| {
            if on {
                p.insert(id.clone());
            } else {
                p.remove(&id);
            }
        });
    };
    view! {
        <td class="col-check">
            <input type="checkbox" class=class aria-label=label prop:checked=checked on:change=toggle />
        </td>
    }
}
