//! A small static file server for the built app, on loopback only.
//!
//! It sends the same Content-Security-Policy as the page's meta tag, so
//! `cargo xtask serve` shows exactly what a production server would.

use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::thread;

use crate::Result;

/// The page's Content-Security-Policy: nothing but its own origin.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/// A bound server.
pub struct Server {
    listener: TcpListener,
    dir: PathBuf,
}

/// Stops a spawned server when dropped.
pub struct Handle {
    stop: Arc<AtomicBool>,
    addr: SocketAddr,
}

impl Drop for Handle {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

impl Server {
    /// Binds 127.0.0.1:`port` (0 picks a free port) to serve `dir`.
    pub fn bind(dir: &Path, port: u16) -> Result<Server> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port)"))?;
        Ok(Server {
            listener,
            dir: dir.to_path_buf(),
        })
    }

    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    /// Serves until the process ends.
    pub fn run_forever(self) {
        let stop = Arc::new(AtomicBool::new(false));
        self.accept(&stop);
    }

    /// Serves on a background thread until the handle is dropped.
    pub fn spawn(self) -> Handle {
        let stop = Arc::new(AtomicBool::new(false));
        let addr = self.addr();
        let flag = stop.clone();
        thread::spawn(move || self.accept(&flag));
        Handle { stop, addr }
    }

    fn accept(&self, stop: &AtomicBool) {
        for stream in self.listener.incoming() {
            if stop.load(Ordering::SeqCst) {
                break;
            }
            let Ok(stream) = stream else { continue };
            let dir = self.dir.clone();
            thread::spawn(move || {
                let _ = handle(stream, &dir);
            });
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("json") => "application/json",
        Some("webmanifest") => "application/manifest+json",
        Some("yaml" | "yml") => "text/yaml; charset=utf-8",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

fn handle(stream: TcpStream, dir: &Path) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Read and ignore the headers.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let relative = if path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    };
    let file = Path::new(relative.trim_start_matches('/'));
    let safe = file.components().all(|c| matches!(c, Component::Normal(_)));
    let body = if safe && (method == "GET" || method == "HEAD") {
        std::fs::read(dir.join(file)).ok()
    } else {
        None
    };
    let mut out = stream;
    match body {
        Some(body) => {
            write!(
                out,
                "HTTP/1.1 200 OK\r\nContent-Type: {}\r\nContent-Length: {}\r\nContent-Security-Policy: {CSP}\r\nX-Content-Type-Options: nosniff\r\nReferrer-Policy: no-referrer\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
                content_type(file),
                body.len()
            )?;
            if method == "GET" {
                out.write_all(&body)?;
            }
        }
        None => {
            let msg = b"not found\n";
            write!(
                out,
                "HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                msg.len()
            )?;
            out.write_all(msg)?;
        }
    }
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::CSP;

    /// The README's intranet section gives the header this server sends,
    /// in the plain header and in each server's configuration, and the
    /// page's meta tag is the same policy (without `frame-ancestors`, which
    /// a meta tag cannot carry).
    #[test]
    fn the_documented_policy_is_the_one_served() {
        let root = crate::root();
        let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
        let section = readme
            .split("## Putting it on an intranet")
            .nth(1)
            .and_then(|rest| rest.split("\n## ").next())
            .expect("the README has the intranet section");
        let found = section.matches(CSP).count();
        assert_eq!(found, 4, "the header, nginx, Apache and IIS");
        assert!(section.contains("application/wasm"));
        let page = std::fs::read_to_string(root.join("web/index.html")).unwrap();
        let meta = CSP.trim_end_matches("; frame-ancestors 'none'");
        assert!(
            page.contains(&format!("content=\"{meta}\"")),
            "web/index.html's policy differs"
        );
    }
}
