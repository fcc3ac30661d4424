//! The islands bundle's entry point (Trunk target `islands.html`): server-rendered public pages
//! load this instead of the whole app (see src/islands).

fn main() {
    #[cfg(feature = "hydrate")]
    portal::islands::start();
}
