//! The OpenAPI document, generated from the handlers and the contract types.

use axum::Json;
use serde_json::{json, Value};
use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "政务服务门户 contract",
        description = "The HTTP JSON contract between the citizen portal and a service center's case system."
    ),
    paths(
        crate::app::health,
        crate::catalog::service_items::list,
        crate::catalog::service_items::get_one,
        crate::catalog::service_items::form,
        crate::catalog::documents::get,
        crate::calendar::get_year,
        crate::qr::qr,
        crate::uploads::create,
        crate::applications::submit,
        crate::cases::lookup::lookup,
        crate::cases::supplement::submit,
        crate::cases::rating::submit,
        crate::cases::staff::list,
        crate::cases::staff::show,
        crate::cases::staff::act,
        crate::uploads::staff_file,
        crate::appointments::api::service_availability,
        crate::appointments::api::service_next_free,
        crate::appointments::api::create,
        crate::appointments::api::lookup,
        crate::appointments::api::cancel,
        crate::appointments::api::move_to,
        crate::appointments::api::precheck_submit,
        crate::appointments::api::staff_day,
        crate::appointments::api::staff_act,
        crate::appointments::api::staff_close,
        crate::feedback::inquiries::submit,
        crate::feedback::inquiries::lookup,
        crate::feedback::complaints::submit,
        crate::feedback::complaints::lookup,
        crate::feedback::follow_ups::case_feedback,
        crate::feedback::inquiries::staff_list,
        crate::feedback::inquiries::staff_answer,
        crate::feedback::inquiries::staff_publish,
        crate::feedback::complaints::staff_list,
        crate::feedback::complaints::staff_act,
        crate::feedback::follow_ups::staff_list,
        crate::feedback::follow_ups::staff_act,
        crate::performance::service,
        crate::performance::department,
        crate::publications::list,
        crate::publications::get_one,
        crate::catalog::bundles::list,
        crate::catalog::bundles::get_one,
        crate::cases::bundle::submit,
    ),
    components(schemas(contract::ApiError, contract::FieldError)),
    modifiers(&StaffToken)
)]
pub struct ApiDoc;

/// The raw bytes of a file, as the upload body and the staff download carry them.
pub struct BinaryFile;

impl utoipa::PartialSchema for BinaryFile {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Binary)))
            .into()
    }
}

impl utoipa::ToSchema for BinaryFile {}

/// The staff endpoints take `Authorization: Bearer <PORTAL_STAFF_TOKEN>`.
struct StaffToken;

impl Modify for StaffToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "staff_token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

pub async fn document() -> Json<Value> {
    Json(spec())
}

/// The document as served: what the handlers declare, plus what every route does alike.
pub fn spec() -> Value {
    let mut doc = serde_json::to_value(ApiDoc::openapi()).unwrap_or(Value::Null);
    declare_common_errors(&mut doc);
    bound_list_items(&mut doc);
    headers_are_never_null(&mut doc);
    doc
}

/// An optional header is either sent or not, never `null`: the derive writes an `Option` as
/// `["string", "null"]`, which would admit the text "null" as a key.
fn headers_are_never_null(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let params = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut())
        .filter_map(|op| op.get_mut("parameters").and_then(Value::as_array_mut))
        .flat_map(|ps| ps.iter_mut())
        .filter(|p| p["in"] == "header");
    for p in params {
        if let Some(types) = p.pointer_mut("/schema/type").and_then(Value::as_array_mut) {
            types.retain(|t| t != "null");
            if let [only] = types.as_slice() {
                let only = only.clone();
                if let Some(schema) = p.get_mut("schema").and_then(Value::as_object_mut) {
                    schema.insert("type".into(), only);
                }
            }
        }
    }
}

/// Answers every route can give without its handler: a JSON body that does not parse (400),
/// is too large (413) or is not JSON (415), and a request that took too long (408).
fn declare_common_errors(doc: &mut Value) {
    let Some(paths) = doc.get_mut("paths").and_then(Value::as_object_mut) else {
        return;
    };
    let ops = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    for op in ops {
        let takes_json = op
            .pointer("/requestBody/content/application~1json")
            .is_some();
        let takes_query = op
            .get("parameters")
            .and_then(Value::as_array)
            .is_some_and(|ps| ps.iter().any(|p| p["in"] == "query"));
        let Some(responses) = op.get_mut("responses").and_then(Value::as_object_mut) else {
            continue;
        };
        let mut common = vec![(
            "408",
            "timeout: the request took over 30 s to arrive or answer",
        )];
        if takes_query {
            common.push(("400", "bad_request: a query parameter is malformed"));
        }
        if takes_json {
            common.extend([
                (
                    "400",
                    "bad_request: the body is not JSON of the declared shape",
                ),
                ("413", "too_large: the body is over the route's limit"),
                (
                    "415",
                    "bad_request: the body is not sent as application/json",
                ),
            ]);
        }
        for (status, description) in common {
            responses.entry(status).or_insert_with(|| {
                json!({
                    "description": description,
                    "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ApiError"}}}
                })
            });
        }
    }
}

/// Ids inside lists are bounded like the others (`contract::validate::ID_MAX_LEN` characters);
/// the derive cannot say so for the items of a `Vec<String>`.
fn bound_list_items(doc: &mut Value) {
    for pointer in [
        "/components/schemas/MaterialPages/properties/upload_ids/items",
        "/components/schemas/Application/properties/situation/items",
        "/components/schemas/Application/properties/fields/items/prefixItems/0",
        "/components/schemas/BundleApplication/properties/situation/items",
        "/components/schemas/ServiceAnswers/properties/situation/items",
        "/components/schemas/ServiceAnswers/properties/fields/items/prefixItems/0",
    ] {
        if let Some(items) = doc.pointer_mut(pointer).and_then(Value::as_object_mut) {
            items.insert("maxLength".into(), json!(contract::validate::ID_MAX_LEN));
        }
    }
    // A form field's value is a pair: its id and its value.
    for pointer in [
        "/components/schemas/Application/properties/fields/items",
        "/components/schemas/ServiceAnswers/properties/fields/items",
    ] {
        if let Some(pair) = doc.pointer_mut(pointer).and_then(Value::as_object_mut) {
            pair.insert("minItems".into(), json!(2));
            pair.insert("maxItems".into(), json!(2));
        }
    }
}
