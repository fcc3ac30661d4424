//! Where the wasm's bytes go: `twiggy top` on the file rustc wrote (before wasm-bindgen and
//! wasm-opt, which drop the names), grouped by crate, so that growth shows in every change.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use anyhow::{bail, Context};

use crate::build::{root, run_checked};

pub const TWIGGY_VERSION: &str = "0.8.0";

/// Installs twiggy when missing; it is needed by the bench only, never by the build or tests.
fn ensure_twiggy() -> anyhow::Result<std::path::PathBuf> {
    let twiggy = crate::tools::cargo_bin("twiggy");
    let current = Command::new(&twiggy)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).into_owned());
    if !current.is_some_and(|v| v.contains(TWIGGY_VERSION)) {
        println!("xtask: installing twiggy {TWIGGY_VERSION}");
        run_checked(Command::new("cargo").args([
            "install",
            "twiggy",
            "--version",
            TWIGGY_VERSION,
            "--locked",
        ]))?;
    }
    Ok(twiggy)
}

/// The crate a symbol belongs to: `serde_json::de::from_str` → `serde_json`,
/// `<alloc::vec::Vec<T> as core::fmt::Debug>::fmt` → `alloc`; data and unnamed items by kind.
pub fn crate_of(symbol: &str) -> &str {
    let s = symbol.trim_start_matches(['<', '&', '*', ' ']);
    let s = s.strip_prefix("mut ").unwrap_or(s);
    if s.starts_with("data[") || s.starts_with("data segment") {
        return "(data segments)";
    }
    if s.starts_with("code[") || s.starts_with("type[") || s.starts_with("elem[") {
        return "(unnamed)";
    }
    match s.find("::") {
        // `<T as tachys::…>`: a generic type counts for the trait's crate; `core[hash]` for `core`.
        Some(end) => {
            let head = &s[..end];
            let head = head.rsplit(" as ").next().unwrap_or(head);
            head.split('[').next().unwrap_or(head)
        }
        None if s.contains(' ') || s.is_empty() => "(wasm sections)",
        None => "(other symbols)",
    }
}

/// The first CSV field (quoted with `""` for a quote, or plain) and the rest of the line.
fn first_field(line: &str) -> (String, &str) {
    let Some(quoted) = line.strip_prefix('"') else {
        let (field, rest) = line.split_once(',').unwrap_or((line, ""));
        return (field.to_string(), rest);
    };
    let mut field = String::new();
    let mut chars = quoted.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '"' {
            if chars.peek().map(|(_, n)| *n) == Some('"') {
                field.push('"');
                chars.next();
            } else {
                let rest = &quoted[i + 1..];
                return (field, rest.strip_prefix(',').unwrap_or(rest));
            }
        } else {
            field.push(c);
        }
    }
    (field, "")
}

/// Sums twiggy's CSV rows (`Name,ShallowSize,...`) per crate, largest first. Custom sections
/// (names, debug information, wasm-bindgen's own) are left out: none of them ships.
pub fn group(csv: &str) -> Vec<(String, u64)> {
    let mut by_crate: BTreeMap<String, u64> = BTreeMap::new();
    for line in csv.lines().skip(1) {
        let (name, rest) = first_field(line);
        let Some(size) = rest.split(',').next().and_then(|s| s.parse::<u64>().ok()) else {
            continue;
        };
        if name.starts_with('Σ')
            || name.starts_with("custom section")
            || name.ends_with("subsection")
        {
            continue;
        }
        *by_crate.entry(crate_of(&name).to_string()).or_default() += size;
    }
    let mut rows: Vec<(String, u64)> = by_crate.into_iter().collect();
    rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    rows
}

/// Prints the share of each crate in the release wasm of `bin` (`portal`, the app; `islands`, the
/// bundle of public pages) that Trunk's last build compiled.
pub fn print_by_crate(bin: &str) -> anyhow::Result<()> {
    let wasm = root().join(format!("target/wasm32-unknown-unknown/release/{bin}.wasm"));
    if !Path::new(&wasm).is_file() {
        bail!("{} is missing: build the app first", wasm.display());
    }
    let twiggy = ensure_twiggy()?;
    let out = Command::new(twiggy)
        .args(["top", "-n", "1000000", "--format", "csv"])
        .arg(&wasm)
        .output()
        .context("running twiggy")?;
    if !out.status.success() {
        bail!("twiggy failed: {}", String::from_utf8_lossy(&out.stderr));
    }
    let rows = group(&String::from_utf8_lossy(&out.stdout));
    let total: u64 = rows.iter().map(|r| r.1).sum();
    println!("\nThe {bin} wasm by crate (before wasm-bindgen and wasm-opt; shallow bytes):");
    println!("{:<32} {:>10} {:>7}", "crate", "bytes", "share");
    for (name, bytes) in rows.iter().take(25) {
        println!(
            "{:<32} {:>10} {:>6.1}%",
            name,
            bytes,
            *bytes as f64 * 100.0 / total.max(1) as f64
        );
    }
    println!("{:<32} {:>10}", "total", total);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols_are_grouped_by_their_crate() {
        assert_eq!(crate_of("serde_json::de::from_str::h1234"), "serde_json");
        assert_eq!(
            crate_of("<alloc::vec::Vec<T> as core::fmt::Debug>::fmt"),
            "alloc"
        );
        assert_eq!(crate_of("<T as tachys::view::Render>::build"), "tachys");
        assert_eq!(crate_of("core[c5930c85a12de822]::fmt::write"), "core");
        assert_eq!(crate_of("data[3]"), "(data segments)");
        assert_eq!(crate_of("code[12]"), "(unnamed)");
        assert_eq!(crate_of("\"function names\" subsection"), "(wasm sections)");
    }

    #[test]
    fn rows_are_summed_per_crate_largest_first() {
        let csv = "Name,ShallowSize,ShallowSizePercent,RetainedSize,RetainedSizePercent\n\
                   serde_json::de::a,100,1.0,,\n\
                   \"<core::option::Option<T> as serde::Deserialize>::deserialize, x\",30,0.3,,\n\
                   serde_json::ser::b,50,0.5,,\n\
                   data[0],400,4.0,,\n\
                   \"\"\"function names\"\" subsection\",9000,9.0,,\n\
                   custom section '.debug_str',700,0.7,,\n\
                   Σ [4 Total Rows],580,5.8,,\n";
        assert_eq!(
            group(csv),
            vec![
                ("(data segments)".to_string(), 400),
                ("serde_json".to_string(), 150),
                ("core".to_string(), 30),
            ]
        );
    }
}
