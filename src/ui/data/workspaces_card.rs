//! The Data page's list of workspaces in this browser (a restore beside this one made
//! another): which one is open here, and a link that opens each other one.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::workspaces::{address_of, databases, label_of};
use crate::store::DEFAULT_DB_NAME;
use crate::ui::app::AppState;

#[component]
pub fn WorkspacesCard() -> impl IntoView {
    let state = AppState::get();
    let current = state.db_name.get_value();
    let names = RwSignal::new(Vec::<String>::new());
    spawn_local(async move {
        names.try_set(databases().await);
    });
    let others = move || names.get().into_iter().filter(|n| *n != current).collect::<Vec<_>>();
    view! {
        {move || (!others().is_empty()).then(|| view! {
            <section class="card data-card" aria-labelledby="workspaces-title">
                <h2 class="card-title" id="workspaces-title">"Other workspaces in this browser"</h2>
                <p>"Each workspace has its own lists and contacts. Opening one here leaves this one as it is."</p>
                <ul class="workspace-list" id="workspace-list">
                    {others().into_iter().map(|name| {
                        let shown = label_of(&name).unwrap_or_else(|| if name == DEFAULT_DB_NAME { "Main workspace".to_owned() } else { name.clone() });
                        view! {
                            <li>
                                <bdi class="workspace-name">{shown}</bdi>
                                " "
                                <a class="btn btn-small" href=address_of(&name) data-db=name.clone()>"Open"</a>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
}
