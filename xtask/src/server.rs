//! Starts the real backend on a free port with a fresh data directory and runs the browser tests
//! against it; the backend is stopped whatever the tests do.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use anyhow::{bail, Context};

use crate::build::{backend_binary, root, step_counted, Counts};
use crate::tools::BuildEnv;

/// Token the tests use for the staff API; never a production value.
pub const TEST_STAFF_TOKEN: &str = "e2e-staff-token";

pub struct Backend {
    child: Child,
    pub base_url: String,
    /// `127.0.0.1:port`.
    pub addr: String,
    options: Options,
    _data: tempfile::TempDir,
}

/// How a backend is started beyond the defaults.
#[derive(Clone, Copy, Default)]
pub struct Options {
    /// `--trust-proxy`: rate limits count per `X-Forwarded-For` address, so one test machine
    /// can stand for many citizens.
    pub trust_proxy: bool,
    /// Leave out the log line of every refused request (load runs refuse many by design).
    pub quiet: bool,
}

impl Drop for Backend {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Backend {
    /// Kills the backend with SIGKILL, as a crash or the OOM killer would (what reached the
    /// kernel stays; a power cut is not simulated), and starts it again on the same address and
    /// data directory.
    pub fn kill_and_restart(&mut self) -> anyhow::Result<()> {
        if let Some(status) = self.exited() {
            bail!("the backend had already stopped by itself ({status})");
        }
        self.child.kill().context("killing the backend")?;
        self.child.wait()?;
        self.child = spawn(&self.addr, self._data.path(), self.options)?;
        wait_healthy(&self.addr)
    }

    /// How the backend ended, if it is no longer running.
    pub fn exited(&mut self) -> Option<std::process::ExitStatus> {
        self.child.try_wait().ok().flatten()
    }
}

pub fn free_port() -> anyhow::Result<u16> {
    Ok(TcpListener::bind("127.0.0.1:0")?.local_addr()?.port())
}

pub fn start_backend() -> anyhow::Result<Backend> {
    start_backend_with(Options::default())
}

pub fn start_backend_with(options: Options) -> anyhow::Result<Backend> {
    let port = free_port()?;
    let data = tempfile::tempdir()?;
    let addr = format!("127.0.0.1:{port}");
    let child = spawn(&addr, data.path(), options)?;
    let backend = Backend {
        child,
        base_url: format!("http://{addr}"),
        addr,
        options,
        _data: data,
    };
    wait_healthy(&backend.addr)?;
    Ok(backend)
}

fn spawn(addr: &str, data: &std::path::Path, options: Options) -> anyhow::Result<Child> {
    let mut cmd = Command::new(backend_binary());
    cmd.args(["--addr", addr, "--dist-dir"])
        .arg(root().join("dist"))
        .arg("--data-dir")
        .arg(data)
        .env("PORTAL_STAFF_TOKEN", TEST_STAFF_TOKEN)
        .env(
            "RUST_LOG",
            if options.quiet {
                "warn,tower_http=off"
            } else {
                "warn"
            },
        );
    if options.trust_proxy {
        cmd.arg("--trust-proxy");
    }
    cmd.spawn().context("starting the backend")
}

/// A plain GET over HTTP/1.0 (no compression asked for, no chunking): the status and the body
/// as the server sends it uncompressed.
pub fn get(addr: &str, path: &str) -> anyhow::Result<(u16, Vec<u8>)> {
    let mut s = TcpStream::connect(addr).with_context(|| format!("connecting to {addr}"))?;
    s.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(s, "GET {path} HTTP/1.0\r\nHost: {addr}\r\n\r\n")?;
    let mut reply = Vec::new();
    s.read_to_end(&mut reply)?;
    let split = reply
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .context("no end of headers in the reply")?;
    let head = String::from_utf8_lossy(&reply[..split]);
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .context("no status in the reply")?;
    Ok((status, reply[split + 4..].to_vec()))
}

fn wait_healthy(addr: &str) -> anyhow::Result<()> {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if let Ok(mut s) = TcpStream::connect(addr) {
            let _ = s.write_all(b"GET /api/health HTTP/1.0\r\n\r\n");
            let mut reply = String::new();
            let _ = s.read_to_string(&mut reply);
            if reply.starts_with("HTTP/1.0 200") || reply.starts_with("HTTP/1.1 200") {
                return Ok(());
            }
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    bail!("the backend did not become healthy at {addr}")
}

/// The step name of the browser tests, also named by the closing line when they did not run.
pub const BROWSER_TESTS: &str = "end-to-end tests (Playwright, Chromium)";

pub fn end_to_end(env: &BuildEnv, counts: &mut Counts) -> anyhow::Result<()> {
    let backend = start_backend()?;
    println!(
        "xtask: backend for end-to-end tests at {}",
        backend.base_url
    );
    let result = step_counted(
        BROWSER_TESTS,
        Command::new("npx")
            .args(["playwright", "test"])
            .current_dir(root().join("end2end"))
            .env("PATH", &env.path)
            .env("BASE_URL", &backend.base_url)
            .env("STAFF_TOKEN", TEST_STAFF_TOKEN)
            // For tests that age uploads on the server as a day passing would.
            .env("DATA_DIR", backend._data.path())
            // For the demo history run against the backend's database.
            .env("PORTAL_BACKEND_BIN", backend_binary()),
        counts,
    );
    drop(backend);
    result
}
