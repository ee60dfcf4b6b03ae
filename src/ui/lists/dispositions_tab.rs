//! Edit List → Dispositions: the list's outcomes as an indented tree (three levels at
//! most), with add, add below, rename and delete (which takes the branch with it).

use leptos::prelude::*;

use crate::ui::app::Collection;

use super::disposition_dialog::{DispositionDialog, NameTarget};
use crate::domain::disposition::{subtree, MAX_DISPOSITION_DEPTH};
use crate::domain::{Disposition, DispositionId, ListId};
use crate::ui::app::AppState;
use crate::ui::kit::{Confirmation, Question};
use crate::domain::text::quoted;

#[component]
pub fn DispositionsTab(list: ListId) -> impl IntoView {
    let state = AppState::get();
    let tree = Memo::new(move |_| {
        state.read(&[Collection::Dispositions], |ws| ws.dispositions(list).into_iter().map(|(depth, d)| (depth, d.clone())).collect::<Vec<(usize, Disposition)>>())
    });
    let naming = RwSignal::new(None::<NameTarget>);
    let deleting = Confirmation::<DispositionId>::new();
    let delete = Callback::new(move |id: DispositionId| {
        deleting.run(
            move |ws, _| ws.delete_disposition(id),
            move |result| match result {
                Ok(()) => state.info("Disposition deleted."),
                Err(err) => state.error(err.to_string()),
            },
        );
    });
    let question = move |id: &DispositionId| {
        let message = tree.with_untracked(|t| {
            let all: Vec<&Disposition> = t.iter().map(|(_, d)| d).collect();
            let name = all.iter().find(|d| d.id == *id).map(|d| d.name.to_string()).unwrap_or_default();
            let below = subtree(&all, *id).len().saturating_sub(1);
            match below {
                0 => format!("Delete the disposition {}?", quoted(&name)),
                1 => format!("Delete the disposition {}? Its sub-disposition goes too.", quoted(&name)),
                n => format!("Delete the disposition {}? Its {n} sub-dispositions go too.", quoted(&name)),
            }
        });
        Question { title: "Delete disposition", message, confirm_label: "Delete" }
    };

    view! {
        <div class="tab-head">
            <p class="hint">"The outcomes an agent picks when closing an interaction: up to three levels."</p>
            <button type="button" class="btn btn-primary" id="new-disposition" on:click=move |_| naming.set(Some(NameTarget::Add { parent: None }))>
                <span aria-hidden="true" class="plus">"+"</span>
                " New Disposition"
            </button>
        </div>
        <Show
            when=move || tree.with(|t| !t.is_empty())
            fallback=|| view! { <p class="empty-inline" id="no-dispositions">"No dispositions yet."</p> }
        >
            <ul class="disp-tree" id="disposition-tree" aria-label="Dispositions">
                <For
                    each=move || tree.get()
                    key=|(depth, d)| (*depth, d.id, d.name.clone())
                    children={move |(depth, d)| {
                        let id = d.id;
                        let name = d.name.to_string();
                        view! {
                            <li class="disp-row" data-depth=depth.to_string() data-id=id.get().to_string() style=format!("--depth: {}", depth - 1)>
                                <span class="disp-name">{name.clone()}</span>
                                <span class="visually-hidden">{format!(", level {depth}")}</span>
                                <span class="row-actions">
                                    {(depth < MAX_DISPOSITION_DEPTH).then(|| view! {
                                        <button type="button" class="btn btn-small disp-add" aria-label=format!("Add a sub-disposition under {name}") on:click=move |_| naming.set(Some(NameTarget::Add { parent: Some(id) }))>
                                            "+ Sub"
                                        </button>
                                    })}
                                    <button type="button" class="btn btn-small disp-rename" aria-label=format!("Rename {name}") on:click=move |_| naming.set(Some(NameTarget::Rename(id)))>
                                        "Rename"
                                    </button>
                                    <button type="button" class="btn btn-small btn-danger-outline disp-delete" aria-label=format!("Delete {name}") on:click=move |_| deleting.ask(id)>
                                        "Delete"
                                    </button>
                                </span>
                            </li>
                        }
                    }}
                />
            </ul>
        </Show>
        {move || naming.get().map(|target| view! {
            <DispositionDialog list=list target=target on_close=Callback::new(move |()| naming.set(None)) />
        })}
        {deleting.view(question, delete)}
    }
}
