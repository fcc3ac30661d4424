//! `/bundles`, the home page's short list of bundles, and the line on a member service's guide.

use contract::BundleSummary;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;
use crate::components::{set_title, AsyncView};
use crate::i18n::t;
use crate::routes;

#[component]
pub fn BundlesPage() -> impl IntoView {
    set_title(t::BUNDLES_TITLE());
    let resource = Resource::new(
        || (),
        |_| api::sendable(async move { api::bundles().await }),
    );
    view! {
        <main id="main" class="page bundles-page">
            <h1>{t::BUNDLES_TITLE()}</h1>
            <p class="lead">{t::BUNDLES_LEAD()}</p>
            <AsyncView resource=resource ok=list_view/>
        </main>
    }
}

fn list_view(list: Vec<BundleSummary>) -> AnyView {
    if list.is_empty() {
        return view! { <p class="note">{t::BUNDLES_NONE()}</p> }.into_any();
    }
    view! {
        <ul class="bundle-list">
            {list.into_iter().map(|b| view! {
                <li>
                    <A href=routes::bundle(&b.id, &[])>{b.name.clone()}</A>
                    <p>{b.description.clone()}</p>
                    <p class="note">
                        {t::BUNDLE_DEPARTMENTS()}{t::COLON()}{b.departments.join(t::LIST_SEP())}
                        " · "{t::PROMISED_LIMIT()}{t::COLON()}{t::time_limit(b.promised_limit)}
                    </p>
                </li>
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// Links to each bundle under the home page's entries; nothing while loading or on failure
/// (the entries above are what the page is for).
#[component]
pub fn HomeBundles() -> impl IntoView {
    let resource = Resource::new(
        || (),
        |_| api::sendable(async move { api::bundles().await }),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || resource.get().and_then(Result::ok).filter(|l| !l.is_empty()).map(|list| view! {
                <nav class="home-bundles" aria-labelledby="home-bundles-title">
                    <h2 id="home-bundles-title">
                        <A href=routes::bundles()>{t::BUNDLES_TITLE()}</A>
                    </h2>
                    <ul class="link-list">
                        {list.into_iter().map(|b| view! {
                            <li><A href=routes::bundle(&b.id, &[])>{b.name}</A></li>
                        }).collect_view()}
                    </ul>
                </nav>
            })}
        </Suspense>
    }
}

/// "可以和其他事项一起办：…" on the guide of a service some bundle joins; nothing otherwise.
#[component]
pub fn GuideBundles(code: String) -> impl IntoView {
    let resource = Resource::new(
        move || code.clone(),
        |code| api::sendable(async move { api::bundles_with(&code).await }),
    );
    view! {
        <Suspense fallback=|| ()>
            {move || resource.get().and_then(Result::ok).filter(|l| !l.is_empty()).map(|list| view! {
                <p class="guide-bundles">
                    {t::BUNDLE_ON_GUIDE()}
                    {list.into_iter().map(|b| view! {
                        <A href=routes::bundle(&b.id, &[])>{b.name}</A>
                    }).collect_view()}
                </p>
            })}
        </Suspense>
    }
}
