//! A file server on 127.0.0.1 for download tests: serves files by path, answers 404 for the
//! rest, and can be told to fail the next requests of a path (a status, or a body cut short).

use std::collections::{HashMap, VecDeque};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// A scripted failure for one request.
#[derive(Debug, Clone)]
pub enum Fault {
    /// Answer with this status and no body.
    Status(u16),
    /// Announce the whole length but send only this many bytes, then close.
    CutAt(usize),
    /// A body with no length that goes on (up to 64 MB, then the server stops by itself).
    Endless,
    /// One byte every interval (at most 60 bytes, then the server stops by itself).
    Trickle(std::time::Duration),
    /// A 302 to this address.
    Redirect(String),
}

#[derive(Default)]
struct Routes {
    files: HashMap<String, Vec<u8>>,
    faults: HashMap<String, VecDeque<Fault>>,
    requests: Vec<String>,
}

/// The running server (it stops with the test process).
#[derive(Clone)]
pub struct FileServer {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    routes: Arc<Mutex<Routes>>,
}

impl FileServer {
    /// Starts serving on a free port.
    pub fn start() -> FileServer {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let routes = Arc::new(Mutex::new(Routes::default()));
        let shared = routes.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let routes = shared.clone();
                std::thread::spawn(move || answer(stream, &routes));
            }
        });
        FileServer { base, routes }
    }

    /// Serves `bytes` at `path` (e.g. `/dl/schedules/games.csv`).
    pub fn put(&self, path: &str, bytes: impl Into<Vec<u8>>) {
        self.routes
            .lock()
            .unwrap()
            .files
            .insert(path.to_string(), bytes.into());
    }

    /// Makes the next request of `path` fail this way (queued in order).
    pub fn fail_next(&self, path: &str, fault: Fault) {
        let mut routes = self.routes.lock().unwrap();
        routes
            .faults
            .entry(path.to_string())
            .or_default()
            .push_back(fault);
    }

    /// How many requests `path` has had.
    pub fn requests(&self, path: &str) -> usize {
        let routes = self.routes.lock().unwrap();
        routes.requests.iter().filter(|p| *p == path).count()
    }

    /// Every request so far, in order.
    pub fn all_requests(&self) -> Vec<String> {
        self.routes.lock().unwrap().requests.clone()
    }
}

fn answer(stream: TcpStream, routes: &Mutex<Routes>) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).is_err() {
        return;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header == "\r\n" || header == "\n" => break,
            Ok(_) => {}
        }
    }
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_string();
    let (fault, body) = {
        let mut routes = routes.lock().unwrap();
        routes.requests.push(path.clone());
        let fault = routes.faults.get_mut(&path).and_then(VecDeque::pop_front);
        (fault, routes.files.get(&path).cloned())
    };
    let mut out = stream;
    let reply = |out: &mut TcpStream, status: &str, length: usize, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\nContent-Length: {length}\r\nContent-Type: text/csv\r\nConnection: close\r\n\r\n"
        );
        out.write_all(head.as_bytes()).ok();
        out.write_all(body).ok();
        out.flush().ok();
    };
    match (fault, body) {
        (Some(Fault::Status(code)), _) => reply(&mut out, &format!("{code} Scripted"), 0, b""),
        (Some(Fault::CutAt(n)), Some(body)) => reply(&mut out, "200 OK", body.len(), &body[..n]),
        (Some(Fault::Endless), _) => {
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nConnection: close\r\n\r\n";
            out.write_all(head.as_bytes()).ok();
            let block = vec![b'x'; 1 << 16];
            for _ in 0..1024 {
                if out.write_all(&block).is_err() {
                    break;
                }
            }
        }
        (Some(Fault::Trickle(every)), _) => {
            let head = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nConnection: close\r\n\r\n";
            out.write_all(head.as_bytes()).ok();
            for _ in 0..60 {
                if out.write_all(b"x").and_then(|()| out.flush()).is_err() {
                    break;
                }
                std::thread::sleep(every);
            }
        }
        (Some(Fault::Redirect(to)), _) => {
            let head = format!(
                "HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            );
            out.write_all(head.as_bytes()).ok();
        }
        (_, Some(body)) => reply(&mut out, "200 OK", body.len(), &body),
        (_, None) => reply(&mut out, "404 Not Found", 0, b""),
    }
}
