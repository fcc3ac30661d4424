use axum::http::StatusCode;

use super::*;

#[tokio::test]
async fn serves_each_loaded_year() {
    let t = TestApp::new();
    let (status, body) = t.get("/api/calendar/2026").await;
    assert_eq!(status, StatusCode::OK);
    let year: contract::calendar::CalendarYear = serde_json::from_value(body).unwrap();
    assert_eq!(year.year, 2026);
    assert_eq!(year.working_days, 248);
    assert!(year.holidays.iter().any(|h| h.name == "春节"));
    for missing in ["1999", "2100", "abc", "2026.5"] {
        let (status, body) = t.get(&format!("/api/calendar/{missing}")).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{missing}");
        assert_eq!(body["code"], "not_found");
    }
}

#[tokio::test]
async fn openapi_documents_every_route() {
    let t = TestApp::new();
    let (status, doc) = t.get("/api/openapi.json").await;
    assert_eq!(status, StatusCode::OK);
    let paths = doc["paths"].as_object().unwrap();
    for (path, method) in [
        ("/api/health", "get"),
        ("/api/services", "get"),
        ("/api/services/{code}", "get"),
        ("/api/services/{code}/form", "get"),
        ("/api/calendar/{year}", "get"),
        ("/api/uploads", "post"),
        ("/api/applications", "post"),
        ("/api/cases/lookup", "post"),
        ("/api/cases/supplement", "post"),
        ("/api/cases/rating", "post"),
        ("/api/staff/cases", "get"),
        ("/api/staff/cases/{number}", "get"),
        ("/api/staff/cases/{number}/actions", "post"),
        ("/api/staff/uploads/{id}", "get"),
    ] {
        assert!(
            paths.get(path).and_then(|p| p.get(method)).is_some(),
            "{method} {path}"
        );
    }
    let schemas = doc["components"]["schemas"].as_object().unwrap();
    for schema in [
        "CaseView",
        "StaffAction",
        "Application",
        "SubmitReceipt",
        "UploadReceipt",
        "CalendarYear",
        "RatingSubmission",
        "SupplementSubmission",
        "StaffCaseDetail",
        "PauseInfo",
        "ApiError",
    ] {
        assert!(schemas.contains_key(schema), "{schema}");
    }
    assert!(doc["components"]["securitySchemes"]["staff_token"].is_object());
    assert_eq!(schemas["BinaryFile"]["format"], "binary");
}

#[tokio::test]
async fn openapi_shows_the_typed_contract() {
    let t = TestApp::new();
    let (_, doc) = t.get("/api/openapi.json").await;
    let schemas = &doc["components"]["schemas"];
    // The error code is an enum of the codes the backend sends.
    assert_eq!(
        schemas["ApiError"]["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
    let codes = schemas["ErrorCode"]["enum"].as_array().unwrap();
    for code in [
        "not_found",
        "invalid",
        "illegal_transition",
        "rate_limited",
        "internal",
    ] {
        assert!(codes.contains(&json!(code)), "{code}");
    }
    // Dates are `date` strings, times `date-time` strings.
    let case = &schemas["CaseView"]["properties"];
    assert_eq!(
        case["submitted_at"],
        json!({"type": "string", "format": "date-time"})
    );
    assert_eq!(
        schemas["TimelineStep"]["properties"]["at"]["format"],
        "date-time"
    );
    let due = case["due_date"].to_string();
    assert!(due.contains(r#""format":"date""#), "{due}");
    // Limits are tagged by kind, the statutory one with its citation beside.
    assert_eq!(
        case["promised_limit"]["$ref"],
        "#/components/schemas/TimeLimit"
    );
    let kinds = schemas["TimeLimit"].to_string();
    for kind in ["days", "on_the_spot", "not_set"] {
        assert!(kinds.contains(&format!(r#"["{kind}"]"#)), "{kinds}");
    }
    let statutory = schemas["StatutoryLimit"].to_string();
    assert!(
        statutory.contains("#/components/schemas/TimeLimit"),
        "{statutory}"
    );
    assert!(statutory.contains("citation"), "{statutory}");
    assert_eq!(
        schemas["PauseInfo"]["properties"]["since"]["format"],
        "date"
    );
    assert_eq!(schemas["Holiday"]["properties"]["date"]["format"], "date");
}
