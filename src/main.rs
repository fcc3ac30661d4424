//! The browser entry point (Trunk builds this binary for wasm32).

fn main() {
    portal::app::start();
}
