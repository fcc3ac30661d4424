use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::ApiErr;
use crate::i18n::t;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{t::LOADING()}</p> }
}

/// A failed load: what happened, in words, and a way to try again. `page` when the load was
/// the whole page: its heading is then the page's own (level one).
#[component]
pub fn ErrorRetry(
    message: String,
    on_retry: Callback<()>,
    #[prop(optional)] page: bool,
) -> impl IntoView {
    view! {
        <div class="error-box" role="alert">
            {if page {
                view! { <h1>{t::ERROR_TITLE()}</h1> }.into_any()
            } else {
                view! { <h2>{t::ERROR_TITLE()}</h2> }.into_any()
            }}
            <p>{message}</p>
            {retry(on_retry)}
        </div>
    }
}

/// On a page the server draws, no code in the browser runs `on_retry` (the islands bundle takes
/// over islands only, and a page's load is not one): trying again is loading the page again.
#[cfg(feature = "ssr")]
fn retry(_on_retry: Callback<()>) -> impl IntoView {
    view! { <a href="" class="button">{t::RETRY()}</a> }
}

#[cfg(not(feature = "ssr"))]
fn retry(on_retry: Callback<()>) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| on_retry.run(())>
            {t::RETRY()}
        </button>
    }
}

/// What a failed load tells the citizen.
pub trait LoadFailure {
    fn message(&self) -> String;
}

impl LoadFailure for ApiErr {
    fn message(&self) -> String {
        ApiErr::message(self)
    }
}

impl LoadFailure for &'static str {
    fn message(&self) -> String {
        (*self).to_string()
    }
}

/// Something loaded asynchronously: a `Resource` (resolved on the server and carried in the
/// page) or a `LocalResource` (read from the device or fetched by the browser).
pub trait Loadable<T, E>: Copy + Send + Sync + 'static {
    fn read(&self) -> Option<Result<T, E>>;
    fn reload(&self);
}

impl<T, E> Loadable<T, E> for LocalResource<Result<T, E>>
where
    T: Clone + 'static,
    E: Clone + 'static,
{
    fn read(&self) -> Option<Result<T, E>> {
        self.get()
    }

    fn reload(&self) {
        self.refetch();
    }
}

impl<T, E> Loadable<T, E> for Resource<Result<T, E>>
where
    T: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
    E: Clone + Send + Sync + serde::Serialize + serde::de::DeserializeOwned + 'static,
{
    fn read(&self) -> Option<Result<T, E>> {
        self.get()
    }

    fn reload(&self) {
        self.refetch();
    }
}

/// The one place that draws a load's three states: "loading", "failed, try again" (which
/// loads again), and the value drawn by `ok`. `message` replaces the default wording of a
/// failure where the page knows better (e.g. "no such case" instead of "not found"). Inside
/// `Suspense`, so the server waits for a `Resource` and puts its content in the page.
#[component]
pub fn AsyncView<L, T, E, F, V>(
    resource: L,
    ok: F,
    #[prop(optional)] message: Option<fn(&E) -> String>,
    /// The load is the whole page (see `ErrorRetry`).
    #[prop(optional)]
    page: bool,
    #[prop(optional)] _types: std::marker::PhantomData<(T, E)>,
) -> impl IntoView
where
    L: Loadable<T, E>,
    T: Clone + 'static,
    E: Clone + LoadFailure + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <Loading/> }>
            {move || resource.read().map(|loaded| match loaded {
                Err(e) => {
                    let text = message.map_or_else(|| e.message(), |describe| describe(&e));
                    view! { <ErrorRetry message=text page=page on_retry=Callback::new(move |_| resource.reload())/> }
                        .into_any()
                }
                Ok(value) => ok(value).into_any(),
            })}
        </Suspense>
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    super::set_title(t::NOT_FOUND_TITLE());
    view! {
        <main id="main" class="page">
            <h1>{t::NOT_FOUND_TITLE()}</h1>
            <p>{t::NOT_FOUND_BODY()}</p>
            <A href=crate::routes::home() attr:class="button">{t::BACK_HOME()}</A>
        </main>
    }
}

/// "Saved copy from <time>" when the page was served from the offline cache.
pub fn saved_copy_notice(saved_at: Option<String>) -> impl IntoView {
    saved_at.map(|at| view! { <p class="notice offline" role="status">{t::saved_copy(&at)}</p> })
}

/// The notice on a page the service worker kept and served offline: it stamps `<body
/// data-saved-at>` on the saved HTML, so the page learns it only in the browser. An island: the
/// server draws nothing here.
pub static SAVED_COPY: crate::islands::Island<()> = crate::islands::Island {
    name: "saved",
    view: |()| {
        let saved_at = crate::browser::from_device(None, || {
            crate::browser::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
                .and_then(|b| b.get_attribute("data-saved-at"))
        });
        (move || saved_copy_notice(saved_at.get())).into_any()
    },
};
