//! The browser entry point (Trunk builds this binary for wasm32).

fn main() {
    // Before the app: the lists of drafts reach the upload queue through this.
    portal::use_app_queue();
    portal::app::start();
}
