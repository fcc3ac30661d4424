use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::t;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{t::LOADING}</p> }
}

/// A failed load: what happened, in words, and a way to try again.
#[component]
pub fn ErrorRetry(message: String, on_retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error-box" role="alert">
            <h2>{t::ERROR_TITLE}</h2>
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry.run(())>
                {t::RETRY}
            </button>
        </div>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_title(t::NOT_FOUND_TITLE);
    view! {
        <main id="main" class="page">
            <h1>{t::NOT_FOUND_TITLE}</h1>
            <p>{t::NOT_FOUND_BODY}</p>
            <A href="/" attr:class="button">{t::BACK_HOME}</A>
        </main>
    }
}

/// "Saved copy from <time>" when the page was served from the offline cache.
pub fn saved_copy_notice(saved_at: Option<String>) -> impl IntoView {
    saved_at.map(|at| view! { <p class="notice offline" role="status">{t::saved_copy(&at)}</p> })
}
