//! The OpenAPI document, generated from the handlers and the contract types.

use axum::Json;
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
        crate::performance::service,
        crate::performance::department,
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

pub async fn document() -> Json<utoipa::openapi::OpenApi> {
    Json(ApiDoc::openapi())
}
