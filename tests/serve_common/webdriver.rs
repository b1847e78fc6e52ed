//! A minimal W3C WebDriver client: chromedriver driving headless Chromium (Debian's
//! `chromium` and `chromium-driver`), spoken to as JSON over HTTP with the same std-only
//! client as the API tests.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use super::request;

/// The key under which WebDriver returns an element reference.
const ELEMENT: &str = "element-6066-11e4-a52e-4f735466cecf";

/// A program on PATH (or one of the usual Debian places), if installed.
pub fn find_program(names: &[&str]) -> Option<PathBuf> {
    let path = std::env::var_os("PATH").unwrap_or_default();
    let mut dirs: Vec<PathBuf> = std::env::split_paths(&path).collect();
    dirs.extend(["/usr/bin", "/usr/lib/chromium"].map(PathBuf::from));
    for n in names {
        for d in &dirs {
            let p = d.join(n);
            if p.is_file() {
                return Some(p);
            }
        }
    }
    None
}

/// A chromedriver process with one browser session; both end when dropped.
pub struct Driver {
    child: Child,
    addr: String,
    session: String,
}

/// A free port on loopback (asked of the OS, then released for chromedriver to take).
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

impl Driver {
    /// Starts chromedriver and a headless Chromium with a fresh profile in `profile`.
    pub fn start(profile: &Path, width: u32, height: u32) -> Result<Driver, String> {
        let driver = find_program(&["chromedriver"])
            .ok_or("chromedriver is not installed (Debian: apt-get install chromium-driver)")?;
        let browser = find_program(&["chromium", "chromium-browser"])
            .ok_or("chromium is not installed (Debian: apt-get install chromium)")?;
        let port = free_port();
        let child = Command::new(&driver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start {}: {e}", driver.display()))?;
        let mut d = Driver {
            child,
            addr: format!("127.0.0.1:{port}"),
            session: String::new(),
        };
        let t0 = Instant::now();
        loop {
            if let Ok(r) = request(&d.addr, "GET", "/status", &[], b"") {
                if r.status == 200 {
                    break;
                }
            }
            if t0.elapsed() > Duration::from_secs(30) {
                return Err("chromedriver did not come up within 30 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        // Flags without which Chromium in a closed network tries (and fails) to reach
        // outside services, or refuses to start as root.
        let args = vec![
            "--headless".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-dev-shm-usage".into(),
            format!("--user-data-dir={}", profile.display()),
            format!("--window-size={width},{height}"),
        ];
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "goog:chromeOptions": {"binary": browser.to_string_lossy(), "args": args,
                // Downloads (the page's links) land in `downloads/` beside the profile.
                "prefs": {"download.default_directory": Driver::downloads(profile).to_string_lossy(),
                          "download.prompt_for_download": false}},
        }}});
        let v = d.call("POST", "/session", Some(caps))?;
        d.session = v["sessionId"]
            .as_str()
            .ok_or_else(|| format!("no session id in {v}"))?
            .to_string();
        Ok(d)
    }

    /// Where the browser started with `profile` saves downloads.
    pub fn downloads(profile: &Path) -> PathBuf {
        profile.with_file_name("downloads")
    }

    /// One WebDriver command; its `value`, or the error it reports.
    fn call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        let text = body.map(|b| b.to_string()).unwrap_or_default();
        let r = request(
            &self.addr,
            method,
            path,
            &[("Content-Type", "application/json; charset=utf-8")],
            text.as_bytes(),
        )
        .map_err(|e| format!("{method} {path}: {e}"))?;
        let v: Value = serde_json::from_slice(&r.body)
            .map_err(|e| format!("{method} {path}: not JSON ({e}): {}", r.text()))?;
        let value = v.get("value").cloned().unwrap_or(Value::Null);
        if r.status != 200 {
            return Err(format!("{method} {path}: {}", value));
        }
        Ok(value)
    }

    fn session_call(&self, method: &str, path: &str, body: Option<Value>) -> Result<Value, String> {
        self.call(method, &format!("/session/{}{path}", self.session), body)
    }

    pub fn goto(&self, url: &str) -> Result<(), String> {
        self.session_call("POST", "/url", Some(json!({ "url": url })))
            .map(|_| ())
    }

    /// The first element matching a CSS selector.
    pub fn find(&self, css: &str) -> Result<String, String> {
        let v = self.session_call(
            "POST",
            "/element",
            Some(json!({"using": "css selector", "value": css})),
        )?;
        v[ELEMENT]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| format!("no element for {css}: {v}"))
    }

    pub fn click(&self, el: &str) -> Result<(), String> {
        self.session_call("POST", &format!("/element/{el}/click"), Some(json!({})))
            .map(|_| ())
    }

    pub fn clear(&self, el: &str) -> Result<(), String> {
        self.session_call("POST", &format!("/element/{el}/clear"), Some(json!({})))
            .map(|_| ())
    }

    pub fn send_keys(&self, el: &str, text: &str) -> Result<(), String> {
        self.session_call(
            "POST",
            &format!("/element/{el}/value"),
            Some(json!({ "text": text })),
        )
        .map(|_| ())
    }

    /// Runs `script` (a function body; `arguments` holds `args`) in the page.
    pub fn exec(&self, script: &str, args: Value) -> Result<Value, String> {
        self.session_call(
            "POST",
            "/execute/sync",
            Some(json!({"script": script, "args": args})),
        )
    }

    /// Polls `script` until it returns true, or fails after `timeout`.
    pub fn wait_for(&self, script: &str, timeout: Duration) -> Result<(), String> {
        let t0 = Instant::now();
        loop {
            if self.exec(script, json!([]))? == Value::Bool(true) {
                return Ok(());
            }
            if t0.elapsed() > timeout {
                return Err(format!("timed out after {timeout:?} waiting for: {script}"));
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Resizes the browser window.
    pub fn set_window(&self, width: u32, height: u32) -> Result<(), String> {
        self.session_call(
            "POST",
            "/window/rect",
            Some(json!({"width": width, "height": height})),
        )
        .map(|_| ())
    }

    /// A PNG screenshot of the viewport, written to `path`.
    pub fn screenshot(&self, path: &Path) -> Result<(), String> {
        let v = self.session_call("GET", "/screenshot", None)?;
        let b64 = v.as_str().ok_or("no screenshot data")?;
        let bytes = base64_decode(b64).ok_or("screenshot is not base64")?;
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        if !self.session.is_empty() {
            let _ = self.call("DELETE", &format!("/session/{}", self.session), None);
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn base64_decode(s: &str) -> Option<Vec<u8>> {
    let val = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a' + 26) as u32,
            b'0'..=b'9' => (c - b'0' + 52) as u32,
            b'+' => 62,
            b'/' => 63,
            _ => return None,
        })
    };
    let clean: Vec<u8> = s
        .bytes()
        .filter(|c| !c.is_ascii_whitespace() && *c != b'=')
        .collect();
    let mut out = Vec::with_capacity(clean.len() * 3 / 4);
    for chunk in clean.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= val(c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        out.extend_from_slice(&bytes[..chunk.len().saturating_sub(1)]);
    }
    Some(out)
}
