import Foundation
import Testing

/// The generated server configurations, run for real: nginx from Debian serving the built sample
/// on loopback over IPv6 and IPv4 with a throwaway certificate; Apache's config checked by apache2ctl.
@Suite(.serialized, .enabled(if: (PublishedSiteTests.installed("nginx") && PublishedSiteTests.installed("openssl")) || PublishedSiteTests.underCI, "nginx or openssl is not installed"))
struct DeploymentServerTests {
    /// A scratch folder with a self-signed certificate.
    final class Scratch {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-nginx-\(UUID().uuidString)")
        init() throws {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            let made = try PublishedSiteTests.run(
                "openssl",
                ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=www.jiangyu.gov.cn",
                 "-keyout", root.appendingPathComponent("key.pem").path, "-out", root.appendingPathComponent("cert.pem").path])
            guard made.status == 0 else { throw Failure(message: made.stderr) }
        }
        deinit { try? FileManager.default.removeItem(at: root) }
    }

    struct Failure: Error { let message: String }

    static func port() -> Int { Int.random(in: 20_000...40_000) }

    /// The generated server blocks on loopback ports, wrapped in a minimal nginx.conf.
    static func configure(_ scratch: Scratch, output: URL, https: Int, http: Int) throws -> URL {
        var server = try String(contentsOf: output.appendingPathComponent("deploy/nginx.conf"), encoding: .utf8)
        for (from, to) in [
            ("listen 443 ssl", "listen 127.0.0.1:\(https) ssl"), ("listen [::]:443 ssl", "listen [::1]:\(https) ssl"),
            ("listen 80;", "listen 127.0.0.1:\(http);"), ("listen [::]:80 ", "listen [::1]:\(http) "),
            ("/etc/ssl/nianbao/fullchain.pem", scratch.root.appendingPathComponent("cert.pem").path),
            ("/etc/ssl/nianbao/privkey.pem", scratch.root.appendingPathComponent("key.pem").path),
            ("/var/www/nianbao", output.path),
        ] {
            server = server.replacingOccurrences(of: from, with: to)
        }
        let temp = scratch.root.path
        let conf = """
            worker_processes 1;
            pid \(temp)/nginx.pid;
            error_log \(temp)/error.log;
            events { worker_connections 64; }
            http {
                include /etc/nginx/mime.types;
                access_log off;
                client_body_temp_path \(temp)/body;
                proxy_temp_path \(temp)/proxy;
                fastcgi_temp_path \(temp)/fastcgi;
                uwsgi_temp_path \(temp)/uwsgi;
                scgi_temp_path \(temp)/scgi;
            \(server)
            }
            """
        let url = scratch.root.appendingPathComponent("nginx.conf")
        try conf.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func curl(_ arguments: [String]) throws -> Nianbao.Result {
        try PublishedSiteTests.run("curl", ["-sk", "--max-time", "10"] + arguments)
    }

    @Test("nginx -t accepts the config; every page is the same over [::1] and 127.0.0.1; headers, types, redirect, 404")
    func nginx() throws {
        let output = try PublishedSiteTests.built.get()
        let scratch = try Scratch()
        let (https, http) = (Self.port(), Self.port())
        let conf = try Self.configure(scratch, output: output, https: https, http: http)
        let check = try PublishedSiteTests.run("nginx", ["-t", "-c", conf.path, "-p", scratch.root.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("syntax is ok") && check.stderr.contains("test is successful"))
        // In the foreground, so the test owns the process (a daemon would keep the test's pipes open).
        let server = Process()
        server.executableURL = URL(fileURLWithPath: "/bin/sh")
        server.arguments = ["-c", "exec nginx -g 'daemon off;' -c \"$0\" -p \"$1\"", conf.path, scratch.root.path]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        // Wait until it answers (at most 5 s).
        for _ in 0..<50 where try Self.curl(["-6", "-o", "/dev/null", "https://[::1]:\(https)/"]).status != 0 {
            Thread.sleep(forTimeInterval: 0.1)
        }

        let base = "/zfxxgk/ndbg/"
        let pages = (FileManager.default.enumerator(atPath: output.path)?.allObjects as? [String] ?? [])
            .filter { $0.hasSuffix(".html") && $0 != "404.html" }.sorted()
        #expect(pages.count >= 30)
        for page in pages {
            let path = base + (page.hasSuffix("index.html") ? String(page.dropLast("index.html".count)) : page)
            let six = try Self.curl(["-6", "https://[::1]:\(https)\(path)"])
            let four = try Self.curl(["-4", "https://127.0.0.1:\(https)\(path)"])
            let file = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            #expect(six.status == 0 && six.stdout == file, "\(path) over IPv6")
            #expect(four.stdout == six.stdout, "\(path): IPv4 and IPv6 differ")
        }

        let headers = try Self.curl(["-6", "--http2", "-D", "-", "-o", "/dev/null", "-H", "Accept-Encoding: gzip", "https://[::1]:\(https)\(base)"]).stdout.lowercased()
        for expected in ["http/2 200", "content-type: text/html; charset=utf-8", "content-security-policy: default-src 'self'",
                         "x-content-type-options: nosniff", "referrer-policy: strict-origin-when-cross-origin",
                         "strict-transport-security: max-age=31536000", "cache-control: no-cache", "content-encoding: gzip"] {
            #expect(headers.contains(expected), "\(expected)")
        }
        func header(_ path: String) throws -> String {
            try Self.curl(["-6", "-D", "-", "-o", "/dev/null", "https://[::1]:\(https)\(base)\(path)"]).stdout.lowercased()
        }
        let css = try #require(pages.isEmpty ? nil : (FileManager.default.contentsOfDirectory(atPath: output.appendingPathComponent("assets").path)).first { $0.hasPrefix("style.") })
        #expect(try header("assets/\(css)").contains("cache-control: public, max-age=31536000, immutable"))
        #expect(try header("assets/\(css)").contains("content-type: text/css; charset=utf-8"))
        #expect(try header("jiangyu-tax/2024/data.csv").contains("content-type: text/csv; charset=utf-8"))
        #expect(try header("jiangyu-tax/2024/data.json").contains("content-type: application/json; charset=utf-8"))
        #expect(try header("jiangyu-tax/2024/report.pdf").contains("content-type: application/pdf"))
        #expect(try header("feed.xml").contains("content-type: application/atom+xml; charset=utf-8"))
        let missing = try Self.curl(["-6", "-w", "%{http_code}", "https://[::1]:\(https)\(base)no/such/page"])
        #expect(missing.stdout.hasSuffix("404") && missing.stdout.contains("页面不存在"))
        #expect(try Self.curl(["-6", "-o", "/dev/null", "-w", "%{http_code}", "https://[::1]:\(https)\(base)deploy/manifest.json"]).stdout == "404")
        let redirect = try Self.curl(["-4", "-D", "-", "-o", "/dev/null", "http://127.0.0.1:\(http)\(base)jiangyu-tax/"]).stdout
        #expect(redirect.hasPrefix("HTTP/1.1 301") && redirect.contains("Location: https://127.0.0.1\(base)jiangyu-tax/"), "\(redirect)")
    }

    @Test("apache2ctl -t accepts the Apache config",
          .enabled(if: PublishedSiteTests.installed("apache2ctl") || PublishedSiteTests.installed("apache2") || PublishedSiteTests.underCI, "apache2 is not installed"))
    func apache() throws {
        let output = try PublishedSiteTests.built.get()
        let scratch = try Scratch()
        var vhost = try String(contentsOf: output.appendingPathComponent("deploy/apache.conf"), encoding: .utf8)
        vhost = vhost.replacingOccurrences(of: "/etc/ssl/nianbao/fullchain.pem", with: scratch.root.appendingPathComponent("cert.pem").path)
            .replacingOccurrences(of: "/etc/ssl/nianbao/privkey.pem", with: scratch.root.appendingPathComponent("key.pem").path)
            .replacingOccurrences(of: "/var/www/nianbao", with: output.path)
        let modules = "/usr/lib/apache2/modules"
        let conf = """
            ServerRoot /etc/apache2
            PidFile \(scratch.root.path)/apache.pid
            ErrorLog \(scratch.root.path)/error.log
            Listen 127.0.0.1:\(Self.port())
            Listen [::1]:\(Self.port())
            LoadModule mpm_event_module \(modules)/mod_mpm_event.so
            LoadModule authz_core_module \(modules)/mod_authz_core.so
            LoadModule mime_module \(modules)/mod_mime.so
            LoadModule dir_module \(modules)/mod_dir.so
            LoadModule alias_module \(modules)/mod_alias.so
            LoadModule rewrite_module \(modules)/mod_rewrite.so
            LoadModule headers_module \(modules)/mod_headers.so
            LoadModule deflate_module \(modules)/mod_deflate.so
            LoadModule filter_module \(modules)/mod_filter.so
            LoadModule socache_shmcb_module \(modules)/mod_socache_shmcb.so
            LoadModule ssl_module \(modules)/mod_ssl.so
            LoadModule http2_module \(modules)/mod_http2.so
            TypesConfig /etc/mime.types
            \(vhost)
            """
        let url = scratch.root.appendingPathComponent("apache.conf")
        try conf.write(to: url, atomically: true, encoding: .utf8)
        let binary = PublishedSiteTests.installed("apache2") ? "apache2" : "/usr/sbin/apache2"
        let result = try PublishedSiteTests.run(binary, ["-t", "-f", url.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stderr.contains("Syntax OK") || result.stdout.contains("Syntax OK"))
    }
}
