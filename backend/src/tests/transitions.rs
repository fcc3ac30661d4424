//! Every action from every status: legal moves happen, illegal ones change nothing.

use axum::http::{Method, StatusCode};
use CaseStatus::*;

use super::*;
use crate::cases::labels::status_label;

/// The legal moves of the state machine, written out independently of the code.
const LEGAL: [(CaseStatus, CaseStatus); 11] = [
    (Submitted, Accepted),
    (Submitted, NotAccepted),
    (Accepted, UnderReview),
    (UnderReview, SupplementRequired),
    (SupplementRequired, UnderReview),
    (UnderReview, SpecialProcedure),
    (SpecialProcedure, UnderReview),
    (UnderReview, Approved),
    (UnderReview, Refused),
    (Approved, Delivered),
    (Refused, Delivered),
];

/// Staff actions with their target, and the citizen's supplement (target 审查中).
const ACTIONS: [(&str, CaseStatus); 10] = [
    ("accept", Accepted),
    ("refuse_intake", NotAccepted),
    ("start_review", UnderReview),
    ("request_supplement", SupplementRequired),
    ("start_special_procedure", SpecialProcedure),
    ("end_special_procedure", UnderReview),
    ("approve", Approved),
    ("refuse", Refused),
    ("deliver", Delivered),
    ("citizen_supplement", UnderReview),
];

const REVIEW: [&str; 4] = [
    "request_supplement",
    "start_special_procedure",
    "approve",
    "refuse",
];

/// Whether `name` must succeed from `from`, and how many steps it adds.
fn expected(from: CaseStatus, name: &str, to: CaseStatus) -> Option<usize> {
    match name {
        "end_special_procedure" => (from == SpecialProcedure).then_some(1),
        "citizen_supplement" => (from == SupplementRequired).then_some(1),
        _ if LEGAL.contains(&(from, to)) => Some(1),
        _ if from == Accepted && REVIEW.contains(&name) && LEGAL.contains(&(UnderReview, to)) => {
            Some(2)
        }
        _ => None,
    }
}

/// The actions that bring a new case to `status`.
fn path_to(status: CaseStatus) -> &'static [&'static str] {
    match status {
        Submitted => &[],
        Accepted => &["accept"],
        NotAccepted => &["refuse_intake"],
        UnderReview => &["accept", "start_review"],
        SupplementRequired => &["accept", "request_supplement"],
        SpecialProcedure => &["accept", "start_special_procedure"],
        Approved => &["accept", "approve"],
        Refused => &["accept", "refuse"],
        Delivered => &["accept", "approve", "deliver"],
    }
}

async fn perform(t: &TestApp, r: &SubmitReceipt, name: &str) -> (StatusCode, Value) {
    if name == "citizen_supplement" {
        let upload = t.upload_png().await;
        t.post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": r.query_code,
                   "materials": [{"material_id": "form", "upload_ids": [upload]}]}),
        )
        .await
    } else {
        t.staff_action(&r.case_number, action(name)).await
    }
}

async fn staff_view(t: &TestApp, number: &str) -> Value {
    let auth = format!("Bearer {STAFF_TOKEN}");
    let (status, body) = t
        .request(
            Method::GET,
            &format!("/api/staff/cases/{number}"),
            &[("authorization", &auth)],
            None,
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    body
}

#[tokio::test]
async fn every_action_from_every_status() {
    let t = TestApp::new();
    let mut legal_seen = Vec::new();
    for from in CaseStatus::ALL {
        for (name, to) in ACTIONS {
            let r = t.new_case().await;
            for step in path_to(from) {
                let (status, body) = perform(&t, &r, step).await;
                assert_eq!(status, StatusCode::OK, "{step}: {body}");
            }
            let before = staff_view(&t, &r.case_number).await;
            assert_eq!(before["case"]["status"], json!(from));
            let steps_before = before["case"]["timeline"].as_array().unwrap().len();

            let (status, body) = perform(&t, &r, name).await;
            let context = format!("{from:?} --{name}--> {to:?}: {body}");
            match expected(from, name, to) {
                Some(added) => {
                    assert_eq!(status, StatusCode::OK, "{context}");
                    let view: CaseView = serde_json::from_value(body).unwrap();
                    assert_eq!(view.status, to, "{context}");
                    assert_eq!(view.timeline.len(), steps_before + added, "{context}");
                    let last = view.timeline.last().unwrap();
                    assert_eq!(last.status, to);
                    assert_eq!(last.department, "测试市市场监督管理局");
                    assert_eq!(
                        last.at.offset(),
                        &contract::time::CHINA_OFFSET,
                        "{}",
                        last.at
                    );
                    legal_seen.push((from, to));
                }
                None => {
                    assert_eq!(status, StatusCode::CONFLICT, "{context}");
                    assert_eq!(body["code"], "illegal_transition", "{context}");
                    let message = body["message"].as_str().unwrap();
                    assert!(message.contains(status_label(from)), "{message}");
                    if name != "citizen_supplement" {
                        assert!(message.contains(status_label(to)), "{message}");
                    }
                    let after = staff_view(&t, &r.case_number).await;
                    assert_eq!(before, after, "{context}: changed");
                }
            }
        }
    }
    // Every legal move of the table was made at least once.
    for pair in LEGAL {
        assert!(legal_seen.contains(&pair), "{pair:?} never made");
    }
}

#[tokio::test]
async fn supplement_flow() {
    let t = TestApp::new();
    let r = t.new_case().await;
    t.act(&r.case_number, action("accept")).await;
    let view = t.act(&r.case_number, action("request_supplement")).await;
    assert_eq!(view.status, SupplementRequired);
    assert_eq!(view.supplements.len(), 1);
    assert_eq!(view.supplements[0].material_name, "申请表");
    assert_eq!(view.supplements[0].reason, "签名不清晰");
    assert!(!view.supplements[0].supplied);
    let paused = view.paused.unwrap();
    assert_eq!(paused.kind, PauseKind::Supplement);
    assert_eq!(paused.since.to_string(), "2026-03-02");

    let send = |materials: Value| {
        t.post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": r.query_code, "materials": materials}),
        )
    };
    // Nothing for the flagged material, or something not asked for: refused.
    let (status, body) = send(json!([])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "material.form");
    let photo = t.upload_png().await;
    let (status, body) = send(json!([{"material_id": "photo", "upload_ids": [photo]}])).await;
    assert_eq!(status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(body["fields"][0]["field"], "material.photo");
    // A wrong code is the usual 404.
    let (status, _) = t
        .post(
            "/api/cases/supplement",
            json!({"case_number": r.case_number, "query_code": "WRONGCDE", "materials": []}),
        )
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND);

    let page = t.upload_png().await;
    let (status, body) = send(json!([{"material_id": "form", "upload_ids": [page]}])).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let view: CaseView = serde_json::from_value(body).unwrap();
    assert_eq!(view.status, UnderReview);
    assert!(view.supplements[0].supplied);
    assert_eq!(view.paused, None);
    assert_eq!(view.pauses.len(), 1);
    let last = view.timeline.last().unwrap();
    assert_eq!(
        (last.handler.as_str(), last.opinion.as_str()),
        ("申请人", "已补正材料")
    );
    // Staff now see both pages of the material, the new one last.
    let detail = staff_view(&t, &r.case_number).await;
    let pages = &detail["materials"][0]["upload_ids"];
    assert_eq!(pages.as_array().unwrap().len(), 2);
    assert_eq!(pages[1], json!(page));
}
