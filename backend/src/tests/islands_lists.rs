//! A checklist and a bundle's guide arrive with their answers' part as an island: the server
//! draws it for the answers in the address and gives it, as props, only what it shows.

use axum::Router;
use tempfile::TempDir;

use super::pages::get;

const ID_CARD: &str = "11990100GAHZ070001000";

fn islands_router() -> (TempDir, Router) {
    super::whole_router("<!DOCTYPE html><html><head></head><body></body></html>")
}

/// The props of the island `name` in `html`, as JSON.
fn props(html: &str, name: &str) -> serde_json::Value {
    let mark = format!("data-component=\"{name}\"");
    let at = html
        .find(&mark)
        .unwrap_or_else(|| panic!("no island {name}"));
    let rest = &html[at..];
    let start = rest.find("data-props=\"").expect("props") + "data-props=\"".len();
    let end = start + rest[start..].find('"').expect("end of props");
    let json = rest[start..end]
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&#39;", "'")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("props of {name} unreadable: {e}"))
}

#[tokio::test]
async fn a_checklist_is_drawn_for_its_answers_with_props_of_what_it_shows() {
    let (_dir, router) = islands_router();
    let (_, _, html) = get(&router, &format!("/checklists/{ID_CARD}?s=first,adult")).await;
    let p = props(&html, "checklist");
    assert_eq!(p["answers"], serde_json::json!(["first", "adult"]));
    // Drawn for those answers: the list, the first-time fee, every section.
    assert!(html.contains("class=\"ticks\""));
    assert!(html.contains("每证20元"));
    for h in [
        "受理条件",
        "时限和收费",
        "办理地点和时间",
        "不予受理情形",
        "救济途径",
    ] {
        assert!(html.contains(&format!("<h2>{h}")), "{h}");
    }
    // The parts that do not depend on the answers come drawn, not as data to draw them from.
    let conditions = p["conditions"].as_str().expect("conditions drawn");
    assert!(conditions.starts_with("<section") && conditions.contains("受理条件"));
    assert!(
        !conditions.contains("<!>"),
        "no hydration marks in drawn parts"
    );
    assert!(p.get("places").is_none() && p.get("refusal_reasons").is_none());
    // What a checklist does not show is not in its props: the guide's 常见问题, a fee's 减免.
    let json = p.to_string();
    assert!(!json.contains("身份证的有效期是多长"));
    assert!(!json.contains("城市中领取最低生活保障金"));

    // The answers' form without JavaScript: one parameter per question, checked in the markup.
    let (_, _, html) = get(
        &router,
        &format!("/checklists/{ID_CARD}?type=lost&age=adult"),
    )
    .await;
    assert_eq!(
        props(&html, "checklist")["answers"],
        serde_json::json!(["lost", "adult"])
    );
    assert!(html.contains("每证40元"));
    assert!(html.contains(&format!(
        "<form method=\"get\" action=\"/checklists/{ID_CARD}\""
    )));
    assert!(html.contains("id=\"sit-type-lost\" name=\"type\" value=\"lost\" checked"));
    assert!(!html.contains("value=\"first\" checked"));

    // Unanswered: the island asks first, and the props carry no answer.
    let (_, _, html) = get(&router, &format!("/checklists/{ID_CARD}")).await;
    assert_eq!(props(&html, "checklist")["answers"], serde_json::json!([]));
    assert!(html.contains("请先回答上面的问题"));
    assert!(!html.contains("class=\"ticks\""));
}

#[tokio::test]
async fn a_bundle_guide_is_drawn_for_its_answers_with_the_bundle_text_outside_the_island() {
    let (_dir, router) = islands_router();
    let (_, _, html) = get(&router, "/bundles/restaurant?s=family").await;
    let p = props(&html, "bundle");
    assert_eq!(p["answers"], serde_json::json!(["family"]));
    let family = "<p class=\"material-name\">参加经营的家庭成员身份证明及亲属关系证明";
    assert!(html.contains(family));
    // The name, description and basis are drawn outside the island, so not in its props.
    assert!(html.contains("国发〔2024〕3号"));
    assert!(p.get("basis").is_none() && p.get("description").is_none());
    assert_eq!(p["overall_limit"], "5 个工作日");
    // Each service carries what the list shows, not its whole guide.
    let service = &p["services"][0];
    assert!(service.get("steps").is_none() && service.get("faq").is_none());
    assert!(service["statutory"]
        .as_str()
        .is_some_and(|s| s.starts_with("<div>")));
    assert!(service["materials"][0].get("acceptance").is_none());

    let (_, _, html) = get(&router, "/bundles/restaurant").await;
    assert!(!html.contains(family));
}
