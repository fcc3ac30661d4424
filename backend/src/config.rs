//! Command-line and environment settings: `backend` serves; `backend staff ...` acts on cases.

use std::path::PathBuf;

use crate::cases::cli::StaffCommand;

#[derive(clap::Parser, Debug, Clone)]
#[command(name = "backend", about = "政务服务门户 reference backend")]
pub struct Cli {
    #[command(flatten)]
    pub config: Config,
    /// Reply and follow-up limits of 投诉 and 差评整改.
    #[command(flatten)]
    pub feedback: crate::feedback::Settings,
    /// Without a subcommand the backend serves.
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(clap::Subcommand, Debug, Clone)]
pub enum Command {
    /// 工作人员办件操作 on the database in --data-dir.
    #[command(subcommand)]
    Staff(StaffCommand),
    /// 办事指南目录: check or import a city's own catalog files.
    #[command(subcommand)]
    Catalog(crate::catalog::import::CatalogCommand),
    /// 演示数据: invented cases for a demonstration (never on a city's real database).
    #[command(subcommand)]
    Demo(crate::demo::DemoCommand),
}

#[derive(clap::Args, Debug, Clone)]
pub struct Config {
    /// Address to listen on.
    #[arg(long, env = "PORTAL_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: String,
    /// Folder holding the SQLite database and uploaded files.
    #[arg(long, env = "PORTAL_DATA_DIR", default_value = "./data", global = true)]
    pub data_dir: PathBuf,
    /// Folder of the built app (trunk's output).
    #[arg(long, env = "PORTAL_DIST_DIR", default_value = "./dist")]
    pub dist_dir: PathBuf,
    /// Bearer token of the staff API; without it the staff API answers 403.
    #[arg(long, env = "PORTAL_STAFF_TOKEN", hide_env_values = true)]
    pub staff_token: Option<String>,
    /// Take the client address from the last X-Forwarded-For entry (only behind a reverse
    /// proxy that sets it), so rate limits apply per citizen rather than to the proxy.
    #[arg(long, env = "PORTAL_TRUST_PROXY")]
    pub trust_proxy: bool,
    /// The site is served over HTTPS (TLS ends at a proxy in front): send
    /// Strict-Transport-Security.
    #[arg(long, env = "PORTAL_BEHIND_TLS")]
    pub behind_tls: bool,
    /// Another origin the app may call, when `portal-api-base` in index.html points at a city's
    /// own backend or gateway (e.g. `https://gw.example.cn`); added to the CSP.
    #[arg(long, env = "PORTAL_API_ORIGIN")]
    pub api_origin: Option<String>,
}
