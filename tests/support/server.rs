//! A tiny static file server for the built app (dist/), so end-to-end tests need no
//! tool besides cargo. Every response says `Connection: close`: once `stop` is called
//! nothing answers any more, which is how the offline test takes the network away.

use std::path::{Path, PathBuf};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::task::JoinHandle;

/// Serves directories under URL prefixes on 127.0.0.1 (a free port).
pub struct StaticServer {
    base: String,
    accept: Option<JoinHandle<()>>,
}

impl StaticServer {
    /// `mounts`: (URL prefix such as "/" or "/bench/", directory). The longest matching
    /// prefix wins.
    pub async fn start(mounts: Vec<(String, PathBuf)>) -> StaticServer {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind a local port for the static server");
        let addr = listener.local_addr().expect("local address of the static server");
        let mut mounts = mounts;
        mounts.sort_by_key(|(prefix, _)| std::cmp::Reverse(prefix.len()));
        let mounts = std::sync::Arc::new(mounts);
        let accept = tokio::spawn(async move {
            loop {
                let Ok((stream, _)) = listener.accept().await else { continue };
                let mounts = mounts.clone();
                tokio::spawn(async move {
                    let _ = handle(stream, &mounts).await;
                });
            }
        });
        StaticServer { base: format!("http://127.0.0.1:{}", addr.port()), accept: Some(accept) }
    }

    /// "http://127.0.0.1:PORT", no trailing slash.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Stops accepting connections: the port refuses from now on.
    pub fn stop(&mut self) {
        if let Some(task) = self.accept.take() {
            task.abort();
        }
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        self.stop();
    }
}

async fn handle(mut stream: TcpStream, mounts: &[(String, PathBuf)]) -> std::io::Result<()> {
    let mut buf = Vec::with_capacity(2048);
    let mut chunk = [0u8; 2048];
    while !buf.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut chunk).await?;
        if n == 0 || buf.len() > 64 * 1024 {
            return Ok(());
        }
        buf.extend_from_slice(&chunk[..n]);
    }
    let head = String::from_utf8_lossy(&buf);
    let mut parts = head.lines().next().unwrap_or("").split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let (status, ctype, body) = match resolve(target, mounts) {
        Some(path) => match std::fs::read(&path) {
            Ok(bytes) => ("200 OK", content_type(&path), bytes),
            Err(_) => ("404 Not Found", "text/plain", b"not found".to_vec()),
        },
        None => ("404 Not Found", "text/plain", b"not found".to_vec()),
    };
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(header.as_bytes()).await?;
    if method != "HEAD" {
        stream.write_all(&body).await?;
    }
    stream.shutdown().await
}

/// Maps a request target to a file: `/` and extension-less unknown paths give the
/// mount's index.html (the app routes on the client); `..` is refused.
fn resolve(target: &str, mounts: &[(String, PathBuf)]) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path);
    if path.split('/').any(|seg| seg == "..") {
        return None;
    }
    let (prefix, dir) = mounts.iter().find(|(prefix, _)| {
        path.starts_with(prefix.as_str()) || format!("{path}/") == *prefix
    })?;
    let rel = path.get(prefix.len()..).unwrap_or("").trim_start_matches('/');
    let file = dir.join(rel);
    if !rel.is_empty() && file.is_file() {
        return Some(file);
    }
    let last = rel.rsplit('/').next().unwrap_or("");
    if rel.is_empty() || file.is_dir() || !last.contains('.') {
        return Some(dir.join("index.html"));
    }
    None
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' && i + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz");
            if let Ok(v) = u8::from_str_radix(hex, 16) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
