//! The filtered list of services, shared by the home page's search and the list page.

use std::sync::Arc;

use contract::ServiceSummary;
use leptos::prelude::*;

use crate::components::AsyncView;
use crate::i18n::t;
use crate::routes;
use crate::search::{search, Filters};

/// Rows drawn at first and added by each "show more".
pub const PAGE: usize = 30;

/// Rows shown and the link that shows more, for a page that keeps them in its address: "show
/// more" is then a plain link the server answers, so it works on a server-drawn page with no
/// code in the browser.
#[derive(Clone, Copy)]
pub struct Paging {
    pub rows: Signal<usize>,
    pub more_href: Signal<String>,
}

/// Renders the services matching `query` and `filters`; `href` links a row to its guide,
/// checklist or application.
#[component]
pub fn ServiceResults(
    #[prop(into)] query: Signal<String>,
    #[prop(into)] filters: Signal<Filters>,
    #[prop(default = routes::guide)] href: fn(&str) -> String,
    #[prop(optional)] limit: Option<usize>,
    #[prop(optional)] paging: Option<Paging>,
) -> impl IntoView {
    let catalog = crate::app::catalog();
    // Long lists are drawn a page at a time: a phone need not lay out 3,000 rows per keystroke.
    let shown = RwSignal::new(limit.unwrap_or(PAGE));
    view! {
        <AsyncView resource=catalog ok={move |all: Arc<Vec<ServiceSummary>>| {
            // Searched from the loaded list, so nothing reads the catalog outside the load.
            let list = all.clone();
            let hits = Memo::new(move |_| search(&list, &query.get(), &filters.get()));
            Effect::new(move |_| {
                hits.track();
                shown.set(limit.unwrap_or(PAGE));
            });
            results(all, hits, shown, href, limit.is_none(), paging)
        }}/>
    }
}

/// The count, the rows (keyed, so a keystroke only adds and removes the rows that changed) and
/// the "show more" button.
fn results(
    all: Arc<Vec<ServiceSummary>>,
    hits: Memo<Vec<usize>>,
    shown: RwSignal<usize>,
    href: fn(&str) -> String,
    can_show_more: bool,
    paging: Option<Paging>,
) -> impl IntoView {
    let rows = move || paging.map_or_else(|| shown.get(), |p| p.rows.get());
    let visible = move || hits.with(|h| h.iter().take(rows()).copied().collect::<Vec<_>>());
    view! {
        {move || if hits.with(Vec::is_empty) {
            view! {
                <div class="empty" role="status">
                    <p class="empty-title">{t::NO_MATCH()}</p>
                    <p>{t::NO_MATCH_HINT()}</p>
                </div>
            }.into_any()
        } else {
            view! { <p class="result-count" role="status">{move || t::result_count(hits.with(Vec::len))}</p> }.into_any()
        }}
        <ul class="service-list">
            <For each=visible key=|i| *i let:i>
                {all.get(i).cloned().map(|s| row(s, href))}
            </For>
        </ul>
        {move || (can_show_more && hits.with(Vec::len) > rows()).then(|| match paging {
            Some(p) => view! {
                <a href=p.more_href class="button secondary more">{t::SHOW_MORE()}</a>
            }.into_any(),
            None => view! {
                <button type="button" class="button secondary more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {t::SHOW_MORE()}
                </button>
            }.into_any(),
        })}
    }
}

fn row(s: ServiceSummary, href: fn(&str) -> String) -> impl IntoView {
    let href = href(&s.code);
    view! {
        <li>
            // A plain link: the router catches its click all the same, and a row stays cheap.
            <a href=href class="service-item">
                <span class="service-name">{s.name.clone()}</span>
                <span class="service-meta">
                    <span>{s.department.clone()}</span>
                    <span>{t::PROMISED_LIMIT()}" "{t::time_limit(s.promised_limit)}</span>
                    <span>{t::visits(s.visits_required)}</span>
                    {s.online_application.then(|| view! { <span class="tag">{t::ONLINE_YES()}</span> })}
                </span>
            </a>
        </li>
    }
}
