#!/usr/bin/env python3
"""A loopback test site for `nianbao audit-ipv6`: different answers over IPv6 and IPv4.

Usage: audit-test-server.py PORT [--pages N]

Listens on [::1]:PORT (the IPv6 site), 127.0.0.1:PORT (the IPv4 site: the homepage only) and
127.0.0.1:PORT+1 (an IPv4-only service). Audit it as http://site.test:PORT/ with
--resolve site.test:PORT:[::1],127.0.0.1 --resolve site.test:PORT+1:127.0.0.1.

Without --pages: the homepage links to /a.html and /b.html (fine), /c.html (500), /missing.html
(404), the IPv4-only service, another host and a mailto; /a.html links to /a1.html (fine),
/a2.html (404) and /b.html again; /b.html links to /b1.html. With --pages N: the homepage
links to 20 pages which link to N/20 - 1 pages each, all fine (for the benchmark).
Prints "ready" when listening; stops on SIGTERM.
"""
import argparse, http.server, os, signal, socket, threading

ap = argparse.ArgumentParser()
ap.add_argument("port", type=int)
ap.add_argument("--pages", type=int, default=0)
args = ap.parse_args()
PORT = args.port


def page(links):
    items = "".join(f'<li><a href="{link}">{link}</a></li>' for link in links)
    return f"<!DOCTYPE html><html><head><title>t</title></head><body><ul>{items}</ul></body></html>".encode()


def homepage():
    if args.pages:
        return page([f"/p{i}.html" for i in range(20)])
    return page(["/a.html", "b.html", "/c.html", "/missing.html", f"http://site.test:{PORT + 1}/v4only.html",
                 "https://elsewhere.test/x", "#top", "mailto:gk@site.test"])


def ipv6_page(path):
    if path == "/":
        return 200, homepage()
    if args.pages:
        if path.startswith("/p") and path.endswith(".html"):
            name = path[2:-5]
            if name.isdigit():
                per = max(args.pages // 20 - 1, 0)
                return 200, page([f"/p{name}-{k}.html" for k in range(per)])
            return 200, page([])
        return 404, b"not found"
    pages = {"/a.html": page(["/a1.html", "/a2.html#part", "/b.html"]), "/b.html": page(["/b1.html"]),
             "/a1.html": page([]), "/b1.html": page([])}
    if path == "/c.html":
        return 500, b"error"
    return (200, pages[path]) if path in pages else (404, b"not found")


def handler(answer):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            status, body = answer(self.path.split("?")[0])
            self.send_response(status)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    return Handler


class IPv6Server(http.server.ThreadingHTTPServer):
    address_family = socket.AF_INET6

    def server_bind(self):
        self.socket.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        super().server_bind()


servers = [
    IPv6Server(("::1", PORT), handler(ipv6_page)),
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT), handler(lambda p: (200, homepage()) if p == "/" else (404, b"not found"))),
    http.server.ThreadingHTTPServer(("127.0.0.1", PORT + 1), handler(lambda p: (200, page([])))),
]
for server in servers:
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
signal.signal(signal.SIGTERM, lambda *a: os._exit(0))
print("ready", flush=True)
while True:
    signal.pause()
