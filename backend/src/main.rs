//! Reference backend of the citizen portal: serves the contract's JSON API on SQLite and the built app.

mod app;
mod applications;
mod appointments;
mod calendar;
mod cases;
mod catalog;
mod clock;
mod config;
mod db;
mod demo;
mod feedback;
mod http;
mod idempotency;
mod openapi;
mod performance;
mod publications;
mod qr;
mod tokens;
mod uploads;

#[cfg(test)]
mod tests;

use std::net::SocketAddr;

use clap::Parser;
use config::{Cli, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let cli = Cli::parse();
    let config = cli.config;
    // Before the command branch, so that the staff command line logs causes too; on stderr,
    // so that a command's output on stdout stays clean.
    tracing_subscriber::fmt()
        .json()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tower_http=info".into()),
        )
        .init();
    if let Some(command) = cli.command {
        // A refused action is an answer for the operator, not a crash: no backtrace.
        let done = match command {
            Command::Staff(command) => cases::cli::run(&config, command),
            Command::Catalog(command) => catalog::import::run(&config, command),
            Command::Demo(command) => demo::run(&config, command).await,
        };
        if let Err(e) = done {
            eprintln!("{e:#}");
            std::process::exit(1);
        }
        return Ok(());
    }
    let mut state = app::AppState::open(&config)?;
    state.feedback = cli.feedback;
    if state.staff_token.is_none() {
        tracing::info!("no staff token configured: the staff API is off");
    }
    uploads::cleanup::spawn(state.clone());
    http::ratelimit::spawn_pruner(state.clone());
    let router = app::router(state, &config)?;
    let listener = tokio::net::TcpListener::bind(&config.addr).await?;
    tracing::info!(addr = %listener.local_addr()?, data_dir = %config.data_dir.display(),
        today_in_china = %clock::today_in_china(), "portal backend listening");
    // Connection info gives the rate limits the client's address.
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}
