//! The case bundle's entry point (Trunk target `case.html`): a case page, the page citizens open
//! most on a weak network, loads only what it draws (see `app::start_case`).

fn main() {
    // It runs the upload queue too (supplements); see main.rs.
    portal::use_app_queue();
    portal::app::start_case();
}
