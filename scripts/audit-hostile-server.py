#!/usr/bin/env python3
"""A loopback site that misbehaves, for the limits of `nianbao audit-ipv6`.

Usage: audit-hostile-server.py PORT

Listens on [::1]:PORT and 127.0.0.1:PORT (the audited site, site.test) and on [::1]:PORT+1 and
127.0.0.1:PORT+1 (another host, other.test). Audit with
--resolve site.test:PORT:[::1],127.0.0.1 --resolve other.test:PORT+1:[::1],127.0.0.1.

  /redirects/        links to /r/away (302 to http://other.test:PORT+1/landing), /r/relative
                     (302 to /ok.html), /r/chain (301 to /r/relative), /r/loop (302 to itself),
                     /r/port (302 to http://site.test:PORT+1/ok.html, same host, other port) and
                     /r/https (302 to https://site.test:PORT+2/ok.html, the http to https upgrade;
                     nothing listens there).
  /drip/             answers 200 and then sends one byte of its body every half second, forever.
  /drips/            links to /drip/0 ... /drip/19, each like /drip/.
  /links/            a page of 21 MB: 500,000 links to pages on the same host (all 404).
  /tags/             a page of 7.8 MB of `<a ` that never closes: no link at all.
  /endless/          answers 200 with no length and sends its body forever.
  /announced/        answers 200 announcing a 1 GB body, and sends it.
  /stats             JSON: requests served per host and path, bytes of body sent per path.

Prints "ready" when listening; stops on SIGTERM.
"""
import http.server, json, os, signal, socket, sys, threading, time

PORT = int(sys.argv[1])
lock = threading.Lock()
hits = {}
sent = {}


def count(table, key, amount=1):
    with lock:
        table[key] = table.get(key, 0) + amount


def page(links):
    items = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    return f"<!DOCTYPE html><html><body><ul>{items}</ul></body></html>".encode()


def links(cache=[]):
    with lock:
        if not cache:
            cache.append(page([f"/l/{i}" for i in range(500_000)]))
        return cache[0]


REDIRECTS = {
    "/r/away": f"http://other.test:{PORT + 1}/landing",
    "/r/relative": "/ok.html",
    "/r/chain": "/r/relative",
    "/r/loop": "/r/loop",
    "/r/port": f"http://site.test:{PORT + 1}/ok.html",
    "/r/https": f"https://site.test:{PORT + 2}/ok.html",
}


def handler(name):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def send(self, status, body, extra=()):
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            for key, value in extra:
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def stream(self, path, chunk, pause, headers):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                self.wfile.write(b"<!DOCTYPE html><html><body>")
                while True:
                    self.wfile.write(chunk)
                    self.wfile.flush()
                    count(sent, path, len(chunk))
                    if pause:
                        time.sleep(pause)
            except OSError:
                pass

        def do_GET(self):
            path = self.path.split("?")[0]
            count(hits, f"{name}{path}")
            if path == "/stats":
                with lock:
                    body = json.dumps({"hits": hits, "sent": sent}).encode()
                return self.send(200, body)
            if name == "other":
                return self.send(200, page([]))
            if path == "/redirects/":
                return self.send(200, page(list(REDIRECTS) + ["/ok.html"]))
            if path in REDIRECTS:
                return self.send(302 if path != "/r/chain" else 301, b"", [("Location", REDIRECTS[path])])
            if path == "/ok.html":
                return self.send(200, page([]))
            if path == "/links/":
                return self.send(200, links())
            if path == "/tags/":
                return self.send(200, b"<a " * 2_600_000)
            if path == "/drips/":
                return self.send(200, page([f"/drip/{i}" for i in range(20)]))
            if path == "/drip/" or path.startswith("/drip/"):
                return self.stream(path, b" ", 0.5, [])
            if path == "/endless/":
                return self.stream(path, b"<p>x</p>" * 8192, 0, [])
            if path == "/announced/":
                return self.stream(path, b"<p>x</p>" * 8192, 0, [("Content-Length", str(1 << 30))])
            self.send(404, b"not found")

        def log_message(self, *args):
            pass

    return Handler


class IPv6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        super().server_bind()


servers = [
    IPv6Server(("::1", PORT), handler("site")),
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler("site")),
    IPv6Server(("::1", PORT + 1), handler("other")),
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT + 1), handler("other")),
]
for server in servers:
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
print("ready", flush=True)
while True:
    signal.pause()
