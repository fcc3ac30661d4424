//! Catalog content in English: `?lang=en` serves a guide's `en` overlay with `content_lang`
//! saying so, and leaves guides without one in Chinese, saying that too.

use axum::http::header;

use super::*;

const PERMIT: &str = "11990100GAHZ070005000";
/// A guide the catalog has only in Chinese.
const CHINESE_ONLY: &str = "11990100GAHZ070001000";

#[tokio::test]
async fn a_guide_with_english_is_served_in_english_when_asked() {
    let t = TestApp::new();
    let (status, en) = t.get(&format!("/api/services/{PERMIT}?lang=en")).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(en["content_lang"], "en");
    assert!(en["name"].as_str().unwrap().starts_with("Residence Permit"));
    let proof = en["materials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "residence-proof")
        .unwrap();
    assert_eq!(proof["name"], "Proof of your address");
    assert_eq!(
        en["situations"][0]["options"][1]["label"],
        "Yearly endorsement"
    );
    // The Chinese name stays searchable.
    assert!(en["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "居住证首次申领、年度签注"));
    // The overlay itself is never sent.
    assert!(en.get("en").is_none());

    let (_, zh) = t.get(&format!("/api/services/{PERMIT}")).await;
    assert_eq!(zh["content_lang"], "zh");
    assert_eq!(zh["name"], "居住证首次申领、年度签注");
    assert!(zh.get("department_en").is_none());
    assert!(zh.get("en").is_none());
    let (_, other) = t.get(&format!("/api/services/{PERMIT}?lang=fr")).await;
    assert_eq!(other, zh);
}

#[tokio::test]
async fn a_guide_without_english_says_it_is_in_chinese() {
    let t = TestApp::new();
    let (status, s) = t
        .get(&format!("/api/services/{CHINESE_ONLY}?lang=en"))
        .await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(s["content_lang"], "zh");
    assert!(!s["name"].as_str().unwrap().is_ascii());
}

#[tokio::test]
async fn the_list_in_english_names_the_services_that_have_it() {
    let t = TestApp::new();
    let (_, list) = t.get("/api/services?lang=en").await;
    let by_code = |code: &str| {
        list.as_array()
            .unwrap()
            .iter()
            .find(|s| s["code"] == code)
            .cloned()
            .unwrap()
    };
    let permit = by_code(PERMIT);
    assert_eq!(permit["content_lang"], "en");
    assert!(permit["aliases"]
        .as_array()
        .unwrap()
        .iter()
        .any(|a| a == "residence permit"));
    assert_eq!(by_code(CHINESE_ONLY)["content_lang"], "zh");
    for code in [
        "11990100GAHZ070002000",
        "11990100GAHZ200006000",
        "11990100RSJU200002000",
        "11990100YBJU200001000",
        "11990100GJJZ200001000",
    ] {
        assert_eq!(by_code(code)["content_lang"], "en", "{code}");
    }
    // Each language is its own document to caches.
    let (_, en_headers, _) = t.get_raw("/api/services?lang=en").await;
    let (_, zh_headers, _) = t.get_raw("/api/services").await;
    assert_ne!(en_headers[header::ETAG], zh_headers[header::ETAG]);
}
