//! Whatever the seeded catalog holds: every service that takes online applications accepts a
//! complete one and becomes a case with the service's own limit and department.

use axum::http::StatusCode;

use super::*;

/// A value each field kind accepts.
fn value_for(field: &FormField) -> String {
    match &field.kind {
        FieldKind::Text { max_chars } if *max_chars < 2 => "测".into(),
        FieldKind::Text { .. } => "测试".into(),
        FieldKind::IdNumber => ID_NUMBER.into(),
        FieldKind::Phone => "13800138000".into(),
        FieldKind::Date => "2020-01-01".into(),
        FieldKind::Choice { options } => options.first().cloned().unwrap_or_default(),
        FieldKind::Address => "北京市西城区某某街1号".into(),
    }
}

#[tokio::test]
async fn every_online_catalog_service_takes_an_application() {
    let t = TestApp::new();
    let forms = crate::catalog::seed::forms();
    let online: Vec<Service> = crate::catalog::seed::services()
        .into_iter()
        .filter(|s| s.online_application && forms.iter().any(|f| f.service_code == s.code))
        .collect();
    for (i, service) in online.iter().enumerate() {
        let Some(form) = forms.iter().find(|f| f.service_code == service.code) else {
            continue;
        };
        let situation: Vec<String> = service
            .situations
            .iter()
            .filter_map(|s| s.options.first().map(|o| o.id.clone()))
            .collect();
        let mut materials = Vec::new();
        for m in service.materials_for(&situation) {
            let fetched = matches!(
                m.source,
                MaterialSource::Department {
                    fetched_by_center: true,
                    ..
                }
            );
            if m.required == Necessity::Required && !fetched {
                materials.push(MaterialPages {
                    material_id: m.id.clone(),
                    upload_ids: vec![t.upload_png().await],
                });
            }
        }
        let app = Application {
            service_code: service.code.clone(),
            situation: situation.clone(),
            applicant: application("").applicant,
            legal_person: None,
            agent: None,
            fields: form
                .fields
                .iter()
                .map(|f| (f.id.clone(), value_for(f)))
                .collect(),
            materials,
            delivery: Delivery::Window,
            consent: true,
        };
        let (status, body) = t.submit(&format!("key-catalog-{i:04}"), &app).await;
        assert_eq!(status, StatusCode::OK, "{}: {body}", service.code);
        let receipt: SubmitReceipt = serde_json::from_value(body).unwrap();
        assert_eq!(
            receipt.promised_limit,
            service.promised_limit_for(&situation)
        );
        let view = t.lookup(&receipt).await;
        assert_eq!(view.department, service.department);
        assert_eq!(view.service_name, service.name);
    }
}
