import Foundation
import Testing

/// deploy/: the manifest against the files, the server configurations against the pages.
@Suite struct DeploymentTests {
    @Test("the manifest lists every published file with its size and SHA-256 (recomputed with sha256sum)")
    func manifest() throws {
        let build = try BuiltSite.sample()
        let json = try #require(build.files["deploy/manifest.json"])
        let manifest = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let files = try #require(manifest["files"] as? [[String: Any]])
        let published = build.files.keys.filter { !$0.hasPrefix("deploy/") }.sorted()
        #expect(files.compactMap { $0["path"] as? String } == published)
        #expect(manifest["generator"] as? String == "nianbao 0.1.0")
        #expect((manifest["input_sha256"] as? String)?.count == 64)
        // sha256sum over the same bytes, in a scratch folder.
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        for path in published {
            let url = scratch.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try build.files[path]!.write(to: url)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
        process.arguments = published
        process.currentDirectoryURL = scratch
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let sums = Dictionary(uniqueKeysWithValues: output.split(separator: "\n").map { line in
            (String(line.split(separator: " ", maxSplits: 1)[1].drop { $0 == " " || $0 == "*" }), String(line.prefix(64)))
        })
        for entry in files {
            let path = try #require(entry["path"] as? String)
            #expect(entry["sha256"] as? String == sums[path], "\(path)")
            #expect(entry["size"] as? Int == build.files[path]?.count, "\(path)")
        }
        let types = Dictionary(uniqueKeysWithValues: files.map { ($0["path"] as! String, $0["type"] as! String) })
        #expect(types["index.html"] == "text/html; charset=utf-8")
        #expect(types["data/all.csv"] == "text/csv; charset=utf-8")
        #expect(types["feed.xml"] == "application/atom+xml; charset=utf-8")
    }

    @Test("two builds give the same manifest")
    func reproducible() throws {
        #expect(try BuiltSite.build().files["deploy/manifest.json"] == BuiltSite.sample().files["deploy/manifest.json"])
    }

    @Test("the pages satisfy the Content-Security-Policy: no inline script or style, no event handler attributes")
    func contentSecurityPolicy() throws {
        let build = try BuiltSite.sample()
        for (path, data) in build.files where path.hasSuffix(".html") {
            let html = String(decoding: data, as: UTF8.self)
            #expect(html.matches(of: /<script(?![^>]*\ssrc=)[^>]*>/).isEmpty, "inline script in \(path)")
            #expect(!html.contains("<style"), "inline style element in \(path)")
            #expect(html.matches(of: /\s(style|on[a-z]+)="/).isEmpty, "style or event attribute in \(path)")
            #expect(!html.contains("=\"javascript:"), "javascript: URL in \(path)")
            // Every script and stylesheet is the site's own.
            #expect(html.matches(of: /<(script|link rel="stylesheet")[^>]*(src|href)="(https?:)?\/\//).isEmpty, "\(path)")
        }
    }

    @Test("nginx.conf: dual-stack listeners, HTTPS, HTTP/2, sub-path, headers; deploy/ not served")
    func nginx() throws {
        let conf = try BuiltSite.sample().text("deploy/nginx.conf")
        for line in ["listen [::]:443 ssl http2 ipv6only=on;", "listen 443 ssl http2;", "listen [::]:80 ipv6only=on;",
                     "return 301 https://$host$request_uri;", "charset utf-8;", "gzip on;", "location /zfxxgk/ndbg/ {",
                     "location ^~ /zfxxgk/ndbg/deploy/ { return 404; }", "error_page 404 /zfxxgk/ndbg/404.html;",
                     "add_header Strict-Transport-Security", "add_header Content-Security-Policy", "add_header X-Content-Type-Options \"nosniff\"",
                     "server_name www.jiangyu.gov.cn;"] {
            #expect(conf.contains(line), "\(line)")
        }
        let readme = try BuiltSite.sample().text("deploy/README.md")
        #expect(readme.contains("AAAA 记录") && readme.contains("A 记录"))
    }

    @Test("404.html links from the base path, so it works at any depth")
    func notFound() throws {
        let html = try BuiltSite.sample().text("404.html")
        #expect(html.contains("<a href=\"/zfxxgk/ndbg/\">政府信息公开年报首页</a>"))
        #expect(html.contains("href=\"/zfxxgk/ndbg/assets/style."))
    }
}
