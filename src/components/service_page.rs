//! A page about one service (`/services/{code}`, `/checklists/{code}`): loads the guide, shows
//! loading, error with retry, or the "saved copy" notice when it came from the offline cache.

use contract::Service;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::{saved_copy_notice, set_title, ErrorRetry, Loading};
use crate::api;

#[component]
pub fn ServicePage(
    class: &'static str,
    title_suffix: &'static str,
    render: fn(Service) -> AnyView,
) -> impl IntoView {
    let params = use_params_map();
    let service = LocalResource::new(move || {
        let code = params.with(|p| p.get("code").unwrap_or_default());
        async move {
            let path = format!("/api/services/{}", js_sys::encode_uri_component(&code));
            api::get_cached::<Service>(&path).await
        }
    });
    view! {
        <main id="main" class=format!("page {class}")>
            {move || match service.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(e)) => view! {
                    <ErrorRetry message=e.message() on_retry=Callback::new(move |_| service.refetch())/>
                }
                .into_any(),
                Some(Ok(loaded)) => {
                    set_title(&format!("{}{title_suffix}", loaded.value.name));
                    view! {
                        {saved_copy_notice(loaded.saved_at.clone())}
                        {render(loaded.value)}
                    }
                    .into_any()
                }
            }}
        </main>
    }
}
