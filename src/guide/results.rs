//! The filtered list of services, shared by the home page's search and the list page.

use std::rc::Rc;

use contract::ServiceSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::app::Catalog;
use crate::components::{ErrorRetry, Loading};
use crate::i18n::t;
use crate::search::{search, Filters};

/// Renders the services matching `query` and `filters`; `link_prefix` picks guide or checklist.
#[component]
pub fn ServiceResults(
    #[prop(into)] query: Signal<String>,
    #[prop(into)] filters: Signal<Filters>,
    #[prop(default = "/services/")] link_prefix: &'static str,
    #[prop(optional)] limit: Option<usize>,
) -> impl IntoView {
    let Catalog(catalog) = expect_context::<Catalog>();
    // Long lists are drawn a page at a time: a phone need not lay out 3,000 rows per keystroke.
    let shown = RwSignal::new(limit.unwrap_or(PAGE));
    Effect::new(move |_| {
        query.track();
        filters.track();
        shown.set(limit.unwrap_or(PAGE));
    });
    move || match catalog.get() {
        None => view! { <Loading/> }.into_any(),
        Some(Err(e)) => view! {
            <ErrorRetry message=e.message() on_retry=Callback::new(move |_| catalog.refetch())/>
        }
        .into_any(),
        Some(Ok(all)) => {
            let hits = search(&all, &query.get(), &filters.get());
            let more = (limit.is_none() && hits.len() > shown.get()).then(|| view! {
                <button type="button" class="button secondary more" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {t::SHOW_MORE}
                </button>
            });
            view! { {render_hits(all, hits, link_prefix, shown.get())} {more} }.into_any()
        }
    }
}

/// Rows drawn at first and added by each "show more".
const PAGE: usize = 50;

fn render_hits(
    all: Rc<Vec<ServiceSummary>>,
    hits: Vec<usize>,
    link_prefix: &'static str,
    limit: usize,
) -> impl IntoView {
    if hits.is_empty() {
        return view! {
            <div class="empty" role="status">
                <p class="empty-title">{t::NO_MATCH}</p>
                <p>{t::NO_MATCH_HINT}</p>
            </div>
        }
        .into_any();
    }
    let count = hits.len();
    let shown = hits.into_iter().take(limit);
    view! {
        <p class="result-count" role="status">{t::result_count(count)}</p>
        <ul class="service-list">
            {shown
                .filter_map(|i| all.get(i).cloned())
                .map(|s| {
                    let href = format!("{link_prefix}{}", s.code);
                    view! {
                        <li>
                            <A href=href attr:class="service-item">
                                <span class="service-name">{s.name.clone()}</span>
                                <span class="service-meta">
                                    <span>{s.department.clone()}</span>
                                    <span>{t::PROMISED_LIMIT}" "{t::working_days(s.promised_limit)}</span>
                                    <span>{t::visits(s.visits_required)}</span>
                                    {s.online_application.then(|| view! { <span class="tag">{t::ONLINE_YES}</span> })}
                                </span>
                            </A>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
