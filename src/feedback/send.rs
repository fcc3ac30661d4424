//! What the question and complaint forms share: sending the ticket and showing how it ended, and
//! the end of the form (phone, the note that the draft is kept, the send button).

use contract::{FieldError, TicketReceipt};
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::NavigateOptions;

use super::draft::{self, Draft, Outcome};
use super::my_tickets::{self, Kind};
use crate::components::form::{focus_error_summary, Field};
use crate::i18n::t;
use crate::routes;

/// A ticket form's state while and after it is sent.
#[derive(Clone, Copy)]
pub struct Sending {
    pub busy: RwSignal<bool>,
    /// Beside the fields.
    pub errors: RwSignal<Vec<FieldError>>,
    /// Above the form, in the error summary.
    pub message: RwSignal<Option<String>>,
}

impl Sending {
    pub fn new() -> Sending {
        Sending {
            busy: RwSignal::new(false),
            errors: RwSignal::new(Vec::new()),
            message: RwSignal::new(None),
        }
    }

    /// Shows field errors found before sending; `true` when there are none.
    pub fn checked(self, found: Vec<FieldError>) -> bool {
        let ok = found.is_empty();
        self.errors.set(found);
        if !ok {
            focus_error_summary();
        }
        ok
    }

    /// Sends `body` (JSON) to `path` as the draft `form`'s request. The ticket is remembered on
    /// the device under `title()` and opened; refused fields are shown beside their fields;
    /// anything else leaves the draft and its request for the citizen to send again.
    /// `navigate` is the page's `use_navigate()`, taken when the form was made.
    pub fn send(
        self,
        form: String,
        (path, kind): (&'static str, Kind),
        body: String,
        title: impl FnOnce() -> String + 'static,
        navigate: impl Fn(&str, NavigateOptions) + 'static,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        self.message.set(None);
        self.busy.set(true);
        spawn_local(async move {
            let outcome = draft::send::<TicketReceipt>(&form, path, body).await;
            self.busy.set(false);
            match outcome {
                Outcome::Done(r) => {
                    my_tickets::remember(&r.ticket_number, &r.query_code, kind, &title());
                    navigate(&routes::ticket(&r.ticket_number), Default::default());
                }
                Outcome::Refused(e) => {
                    self.errors.set(e.fields);
                    self.message.set(Some(e.message));
                    focus_error_summary();
                }
                Outcome::Failed(m) => {
                    self.message.set(Some(m));
                    focus_error_summary();
                }
            }
        });
    }
}

/// The end of a ticket form: the phone to call back on, the note that what is typed stays on
/// the device, and the send button (`send` gives its label).
pub fn form_end(
    typed: RwSignal<Draft>,
    on_phone: Callback<String>,
    sending: Sending,
    send: fn() -> &'static str,
) -> impl IntoView {
    view! {
        <Field field="phone" label=t::FEEDBACK_PHONE().into() hint=t::FEEDBACK_PHONE_HINT().into()
            value=Signal::derive(move || typed.with(|d| d.phone.clone()))
            on_input=on_phone errors=sending.errors
            input_type="tel" inputmode="numeric" autocomplete="tel" maxlength=11/>
        <p class="note">{t::DRAFT_KEPT()}</p>
        <button type="submit" class="button wide" disabled=move || sending.busy.get()>
            {move || if sending.busy.get() { t::SUBMITTING() } else { send() }}
        </button>
    }
}
