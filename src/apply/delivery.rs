//! 结果送达: pick up at the window, or by post where the service offers it.

use contract::{Channel, FieldError};
use leptos::prelude::*;

use super::page::ApplyCtx;
use crate::components::form::{dom_id, error_for, Field};
use crate::i18n::t;

pub fn delivery(errors: Signal<Vec<FieldError>>) -> impl IntoView {
    let ctx = expect_context::<ApplyCtx>();
    let post_offered = ctx
        .service
        .with_value(|s| s.channels.contains(&Channel::Post));
    let place = ctx
        .service
        .with_value(|s| {
            s.places.first().map(|p| {
                format!(
                    "{}{}{}{}",
                    p.name,
                    t::COMMA(),
                    p.address,
                    t::paren(&p.hours)
                )
            })
        })
        .unwrap_or_default();
    let by_post = move || ctx.draft.with(|d| d.delivery.by_post);
    let recipient = Signal::derive(move || ctx.draft.with(|d| d.delivery.recipient.clone()));
    let phone = Signal::derive(move || ctx.draft.with(|d| d.delivery.phone.clone()));
    let address = Signal::derive(move || ctx.draft.with(|d| d.delivery.address.clone()));
    view! {
        <fieldset class="situation" id=dom_id("delivery")>
            <legend>{t::DELIVERY_QUESTION()}</legend>
            {move || errors.with(|e| error_for(e, "delivery")).map(|m| view! { <p class="error-message">{m}</p> })}
            <div class="radio">
                <input type="radio" id="d-window" name="delivery" prop:checked=move || !by_post()
                    on:change=move |_| ctx.update(|d| d.delivery.by_post = false)/>
                <label for="d-window">{t::DELIVERY_WINDOW()}</label>
            </div>
            <p class="hint">{place}</p>
            {post_offered.then(|| view! {
                <div class="radio">
                    <input type="radio" id="d-post" name="delivery" prop:checked=by_post
                        on:change=move |_| ctx.update(|d| d.delivery.by_post = true)/>
                    <label for="d-post">{t::DELIVERY_POST()}</label>
                </div>
            })}
        </fieldset>
        <Show when=by_post>
            <Field field="delivery.recipient" label=t::RECIPIENT().into() value=recipient
                on_input=Callback::new(move |v| ctx.update(|d| d.delivery.recipient = v)) errors=errors/>
            <Field field="delivery.phone" label=t::PHONE().into() value=phone input_type="tel" inputmode="numeric"
                on_input=Callback::new(move |v| ctx.update(|d| d.delivery.phone = v)) errors=errors/>
            <Field field="delivery.address" label=t::POST_ADDRESS().into() value=address
                on_input=Callback::new(move |v| ctx.update(|d| d.delivery.address = v)) errors=errors/>
        </Show>
    }
}
