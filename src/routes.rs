//! Every page's route and the href builder that links to it, side by side: a link cannot point
//! at a path the router does not know, and a page reads its parameters as typed fields.

use leptos::prelude::*;
use leptos::Params;
use leptos_router::components::{Route, Routes};
use leptos_router::params::Params;
use leptos_router::path;

use crate::apply::{ApplyIndexPage, ApplyPage, ApplyStartPage, DonePage, Step};
use crate::checklist::{ChecklistBrowsePage, ChecklistPage};
use crate::components::NotFound;
use crate::feedback::{AskPage, ComplainCasePage, ComplainServicePage, TicketPage};
use crate::guide::{GuidePage, ServiceListPage};
use crate::home::HomePage;
use crate::i18n::lang::keep;
use crate::performance::{DepartmentPerformancePage, ServicePerformancePage};
use crate::publications::{PublicationPage, PublicationsPage};
use crate::track::{CasePage, TrackPage};

#[component]
pub fn AppRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <NotFound/> }>
            <Route path=path!("/") view=HomePage/>
            // `services()`, `services_search(q)`; filters are added by guide::list.
            <Route path=path!("/services") view=ServiceListPage/>
            // `guide(code)`, read with `ServiceParams`.
            <Route path=path!("/services/:code") view=GuidePage/>
            // `checklists()`, `checklists_by_theme()`.
            <Route path=path!("/checklists") view=ChecklistBrowsePage/>
            // `checklist(code, answers)`, read with `ServiceParams`.
            <Route path=path!("/checklists/:code") view=ChecklistPage/>
            // `apply_index()`.
            <Route path=path!("/apply") view=ApplyIndexPage/>
            // `apply_done(number)`, read with `CaseParams`.
            <Route path=path!("/apply/done/:number") view=DonePage/>
            // `apply_start(code)`, read with `ServiceParams`.
            <Route path=path!("/apply/:code") view=ApplyStartPage/>
            // `apply_step(code, draft, step)`, read with `ApplyParams`.
            <Route path=path!("/apply/:code/:draft/:step") view=ApplyPage/>
            // `track()`, `track_lookup(number)`; the look-up reads `TRACK_NUMBER_PARAM`.
            <Route path=path!("/track") view=TrackPage/>
            // `case(number)`, read with `CaseParams`.
            <Route path=path!("/track/:number") view=CasePage/>
            // `booking(code)`, read with `ServiceParams`.
            <Route path=path!("/services/:code/appointment") view=crate::appointment::BookingPage/>
            // `appointment(number)`, read with `CaseParams`.
            <Route path=path!("/appointments/:number") view=crate::appointment::AppointmentPage/>
            // `ask(code)`, `complain_service(code)`, read with `ServiceParams`;
            // `complain_case(number)`, `ticket(number)`, read with `CaseParams`.
            <Route path=path!("/ask/:code") view=AskPage/>
            <Route path=path!("/complain/case/:number") view=ComplainCasePage/>
            <Route path=path!("/complain/service/:code") view=ComplainServicePage/>
            <Route path=path!("/tickets/:number") view=TicketPage/>
            // `service_performance(code)`, read with `ServiceParams`.
            <Route path=path!("/performance/services/:code") view=ServicePerformancePage/>
            // `department_performance(name)`, read with `DepartmentParams`.
            <Route path=path!("/performance/departments/:department") view=DepartmentPerformancePage/>
            // `publications()`, with `?q=` from its own search form.
            <Route path=path!("/publications") view=PublicationsPage/>
            // `publication(id)`, read with `PublicationParams`.
            <Route path=path!("/publications/:id") view=PublicationPage/>
            // `bundles()`; `bundle(id, answers)`, read with `BundleParams`.
            <Route path=path!("/bundles") view=crate::bundles::BundlesPage/>
            <Route path=path!("/bundles/:id") view=crate::bundles::BundleGuidePage/>
            // `bundle_apply(id, answers)`, `bundle_apply_step(id, draft, step)`, read with
            // `BundleApplyParams`.
            <Route path=path!("/bundles/:id/apply") view=crate::bundle_apply::BundleApplyStartPage/>
            <Route path=path!("/bundles/:id/apply/:draft/:step") view=crate::bundle_apply::BundleApplyPage/>
        </Routes>
    }
}

/// The case bundle's routes (`app::start_case`): a case page. Any other address (a link from the
/// case page to a guide, an application, a complaint) is loaded from the server, which gives it
/// the bundle it needs.
#[component]
pub fn CaseRoutes() -> impl IntoView {
    view! {
        <Routes fallback=|| view! { <Elsewhere/> }>
            // `case(number)`: keep in step with `case_page`.
            <Route path=path!("/track/:number") view=CasePage/>
        </Routes>
    }
}

/// An address this bundle does not draw: loaded from the server. On the address the document was
/// itself loaded for (which the server should not have given this bundle), "not found" instead
/// of loading it again and again.
#[component]
fn Elsewhere() -> impl IntoView {
    // The router's address: the window's still shows the page being left while this draws, so
    // reloading it would only open that page again.
    let location = leptos_router::hooks::use_location();
    let path = location.pathname.get_untracked();
    if Some(&path) == crate::app::first_path().as_ref() {
        return view! { <NotFound/> }.into_any();
    }
    let (search, hash) = (
        location.search.get_untracked(),
        location.hash.get_untracked(),
    );
    let href = format!(
        "{path}{}{search}{}{}",
        if search.is_empty() { "" } else { "?" },
        if hash.is_empty() || hash.starts_with('#') {
            ""
        } else {
            "#"
        },
        hash
    );
    // Once the router has put the address in the history: then the page loaded replaces it.
    set_timeout(
        move || crate::browser::load_page(&href, true),
        std::time::Duration::ZERO,
    );
    view! { <crate::components::Loading/> }.into_any()
}

/// Whether the page at `path` is a case page, which the server answers with the case bundle's
/// shell (`CaseRoutes`).
#[cfg(any(feature = "ssr", test))]
pub fn case_page(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    matches!(segments.as_slice(), ["track", number] if !number.is_empty())
}

/// Whether the server renders the page at `path` as HTML: the public pages, which read nothing
/// from the device. Personal pages (application steps, receipts, a case) are rendered in the
/// browser from the plain app shell.
#[cfg(any(feature = "ssr", test))]
pub fn server_rendered(path: &str) -> bool {
    let segments: Vec<&str> = path.trim_end_matches('/').split('/').skip(1).collect();
    matches!(
        segments.as_slice(),
        [] | ["services"]
            | ["services", _]
            | ["checklists"]
            | ["checklists", _]
            | ["apply"]
            | ["track"]
            | ["performance", "services" | "departments", _]
            | ["publications"]
            | ["publications", _]
            | ["bundles"]
            | ["bundles", _]
    ) || matches!(segments.as_slice(), ["apply", code] if *code != "done")
}

/// `:code` of a service page.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct ServiceParams {
    pub code: Option<String>,
}

/// `:number` of a case page or a receipt.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct CaseParams {
    pub number: Option<String>,
}

/// `:department` of a department's performance page (its name, as the guides give it).
#[derive(Params, Clone, Debug, PartialEq)]
pub struct DepartmentParams {
    pub department: Option<String>,
}

/// `:id` of a published licensing decision.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct PublicationParams {
    pub id: Option<String>,
}

/// `:id` of a bundle (一件事).
#[derive(Params, Clone, Debug, PartialEq)]
pub struct BundleParams {
    pub id: Option<String>,
}

/// `/apply/:code/:draft/:step`.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct ApplyParams {
    pub code: Option<String>,
    pub draft: Option<String>,
    pub step: Option<String>,
}

/// Reads a route's typed parameters; a missing or malformed one reads as `None`, which the page
/// shows as "not found" rather than failing.
pub fn params<T>() -> Memo<Option<T>>
where
    T: Params + Clone + PartialEq + Send + Sync + 'static,
{
    let typed = leptos_router::hooks::use_params::<T>();
    Memo::new(move |_| typed.with(|p| p.as_ref().ok().cloned()))
}

/// The query parameter of `/track` that pre-fills the case number.
pub const TRACK_NUMBER_PARAM: &str = "number";

pub fn home() -> String {
    keep("/".into())
}

pub fn services() -> String {
    keep("/services".into())
}

/// The service list with filters (`query`, without its `?`; see guide::list).
pub fn services_filtered(query: &str) -> String {
    keep(format!("/services?{query}"))
}

pub fn services_search(query: &str) -> String {
    keep(format!("/services?q={}", encode(query)))
}

pub fn guide(code: &str) -> String {
    keep(format!("/services/{}", encode(code)))
}

pub fn checklists() -> String {
    keep("/checklists".into())
}

pub fn checklists_by_theme() -> String {
    keep("/checklists?by=theme".into())
}

/// A checklist, with the situation's answers (精准告知) when some are chosen.
pub fn checklist(code: &str, answers: &[String]) -> String {
    with_answers(format!("/checklists/{}", encode(code)), answers)
}

pub fn apply_index() -> String {
    keep("/apply".into())
}

pub fn apply_start(code: &str) -> String {
    keep(format!("/apply/{}", encode(code)))
}

pub fn apply_step(code: &str, draft: &str, step: Step) -> String {
    keep(format!(
        "/apply/{}/{}/{}",
        encode(code),
        encode(draft),
        step.slug()
    ))
}

/// The draft id in an application's address that asks for a new draft (no real id is this).
pub const NEW_DRAFT: &str = "new";

/// Where 开始申报 leads: the app makes a new draft there and puts its id in the address. A form's
/// action, so without the page's language (the form sends it as a field).
pub fn apply_new(code: &str) -> String {
    format!(
        "/apply/{}/{NEW_DRAFT}/{}",
        encode(code),
        Step::Notice.slug()
    )
}

pub fn apply_done(number: &str) -> String {
    keep(format!("/apply/done/{}", encode(number)))
}

/// One question page of a 一件事 application; `step` is its slug.
pub fn bundle_apply_step(id: &str, draft: &str, step: &str) -> String {
    keep(format!(
        "/bundles/{}/apply/{}/{}",
        encode(id),
        encode(draft),
        encode(step)
    ))
}

/// `/bundles/:id/apply/:draft/:step`; `/bundles/:id/apply` has only `id`.
#[derive(Params, Clone, Debug, PartialEq)]
pub struct BundleApplyParams {
    pub id: Option<String>,
    pub draft: Option<String>,
    pub step: Option<String>,
}

pub fn track() -> String {
    keep("/track".into())
}

/// The look-up form with the case number filled in.
pub fn track_lookup(number: &str) -> String {
    keep(format!("/track?{TRACK_NUMBER_PARAM}={}", encode(number)))
}

/// 我的办件, the list below the look-up form on `/track`.
pub fn my_cases() -> String {
    keep("/track#my-cases-title".into())
}

pub fn case(number: &str) -> String {
    keep(format!("/track/{}", encode(number)))
}

/// Booking a window visit for a service (personal: rendered in the browser).
pub fn booking(code: &str) -> String {
    keep(format!("/services/{}/appointment", encode(code)))
}

/// One appointment; its query code stays on the device.
pub fn appointment(number: &str) -> String {
    keep(format!("/appointments/{}", encode(number)))
}

/// 咨询 about a service (a personal page: the draft is on the device).
pub fn ask(code: &str) -> String {
    keep(format!("/ask/{}", encode(code)))
}

/// 投诉 about a case, by its owner.
pub fn complain_case(number: &str) -> String {
    keep(format!("/complain/case/{}", encode(number)))
}

/// 投诉 about a service or one of its windows.
pub fn complain_service(code: &str) -> String {
    keep(format!("/complain/service/{}", encode(code)))
}

/// A question or complaint on this device.
pub fn ticket(number: &str) -> String {
    keep(format!("/tickets/{}", encode(number)))
}

pub fn service_performance(code: &str) -> String {
    keep(format!("/performance/services/{}", encode(code)))
}

pub fn department_performance(department: &str) -> String {
    keep(format!("/performance/departments/{}", encode(department)))
}

pub fn publications() -> String {
    keep("/publications".into())
}

pub fn publication(id: &str) -> String {
    keep(format!("/publications/{}", encode(id)))
}

/// 办件公示 of one service's decisions (its guide links here).
pub fn service_publications(code: &str) -> String {
    keep(format!("/publications?service={}", encode(code)))
}

pub fn bundles() -> String {
    keep("/bundles".into())
}

/// `?s=` with the answers, as a checklist carries them.
fn with_answers(base: String, answers: &[String]) -> String {
    keep(if answers.is_empty() {
        base
    } else {
        let answers: Vec<String> = answers.iter().map(|a| encode(a)).collect();
        format!("{base}?s={}", answers.join(","))
    })
}

/// A bundle's guide, with the answers to its questions when some are chosen.
pub fn bundle(id: &str, answers: &[String]) -> String {
    with_answers(format!("/bundles/{}", encode(id)), answers)
}

/// Applying for a bundle (personal: rendered in the browser), with the guide's answers.
pub fn bundle_apply(id: &str, answers: &[String]) -> String {
    with_answers(format!("/bundles/{}/apply", encode(id)), answers)
}

/// Percent-encodes one path segment or query value (as `encodeURIComponent`, but pure, so the
/// builders are tested natively).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'-' | b'_' | b'.' | b'!' | b'~' | b'*' | b'\'' | b'(' | b')'
            )
        {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builders_give_the_routes_paths() {
        assert_eq!(guide("330100-001"), "/services/330100-001");
        assert_eq!(checklist("A1", &[]), "/checklists/A1");
        assert_eq!(
            checklist("A1", &["agent".into(), "lost".into()]),
            "/checklists/A1?s=agent,lost"
        );
        assert_eq!(
            apply_step("A1", "d-9", Step::Notice),
            "/apply/A1/d-9/notice"
        );
        assert_eq!(apply_done("2026112200001"), "/apply/done/2026112200001");
        assert_eq!(track_lookup("2026112200001"), "/track?number=2026112200001");
        assert_eq!(case("2026112200001"), "/track/2026112200001");
        assert_eq!(bundle("newborn", &[]), "/bundles/newborn");
        assert_eq!(
            bundle("newborn", &["card-yes".into()]),
            "/bundles/newborn?s=card-yes"
        );
        assert_eq!(
            bundle_apply("restaurant", &["family".into(), "licence-no".into()]),
            "/bundles/restaurant/apply?s=family,licence-no"
        );
    }

    #[test]
    fn a_case_page_gets_the_case_bundle_and_nothing_else_does() {
        assert!(case_page("/track/2026112200001"));
        assert!(case_page("/track/2026112200001-2/"));
        for other in [
            "/track",
            "/track/",
            "/apply/A1",
            "/tickets/ZX1",
            "/track/1/x",
        ] {
            assert!(!case_page(other), "{other}");
        }
    }

    #[test]
    fn public_pages_are_rendered_on_the_server_personal_ones_in_the_browser() {
        for public in [
            "/",
            "/services",
            "/services/A1",
            "/checklists",
            "/checklists/A1",
            "/apply",
            "/apply/A1",
            "/track",
            "/performance/services/A1",
            "/performance/departments/%E6%B0%91%E6%94%BF%E5%B1%80",
            "/publications",
            "/publications/XK2026113000001",
            "/bundles",
            "/bundles/newborn",
        ] {
            assert!(server_rendered(public), "{public}");
        }
        for personal in [
            "/apply/A1/d-1/notice",
            "/apply/done/2026112200001",
            "/track/2026112200001",
            "/apply/done",
            "/services/A1/appointment",
            "/appointments/YY2026113000001",
            "/ask/A1",
            "/complain/case/2026112200001",
            "/complain/service/A1",
            "/tickets/ZX2026112200001",
            "/bundles/restaurant/apply",
        ] {
            assert!(!server_rendered(personal), "{personal}");
        }
    }

    #[test]
    fn encodes_like_encode_uri_component() {
        assert_eq!(
            encode("营业执照 办理"),
            "%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7%20%E5%8A%9E%E7%90%86"
        );
        assert_eq!(encode("a/b?c=d&e#f"), "a%2Fb%3Fc%3Dd%26e%23f");
        assert_eq!(encode("A-z_0.9~!*'()"), "A-z_0.9~!*'()");
        assert_eq!(
            services_search("身份证"),
            "/services?q=%E8%BA%AB%E4%BB%BD%E8%AF%81"
        );
    }
}
