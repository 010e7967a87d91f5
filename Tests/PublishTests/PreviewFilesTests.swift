import Foundation
import PreviewServer
import Testing

/// Request paths to files of the output folder, without the network.
@Suite struct PreviewFilesTests {
    @Test("paths under the base path map to files; everything else is refused", arguments: [
        ("/zfxxgk/ndbg/", "index.html"), ("/zfxxgk/ndbg/a/", "a/index.html"), ("/zfxxgk/ndbg/a/data.csv", "a/data.csv"),
        ("/zfxxgk/ndbg/%E4%B8%AD.txt", "中.txt"),
    ])
    func files(path: String, file: String) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let files = PreviewFiles(root: folder, basePath: "/zfxxgk/ndbg/")
        guard case .file(let found, _) = files.resolve(path) else { Issue.record("\(path): \(files.resolve(path))"); return }
        #expect(found == folder.resolvingSymlinksInPath().appendingPathComponent(file).path)
    }

    @Test("refusals", arguments: [
        ("/zfxxgk/ndbg/../x", PreviewFiles.Resolution.badRequest), ("/zfxxgk/ndbg/%2e%2e/x", .badRequest),
        ("/zfxxgk/ndbg/a/./b", .badRequest), ("/zfxxgk/ndbg/..%2F%CC%81x", .badRequest), ("/zfxxgk/ndbg/a%5cb", .badRequest), ("/zfxxgk/ndbg/a%00", .badRequest),
        ("/other/", .notFound), ("/zfxxgk/ndbg/none.html", .notFound), ("/zfxxgk/ndbg/deploy/nginx.conf", .notFound),
        ("/zfxxgk/ndbg/link", .notFound), ("/", .redirect("/zfxxgk/ndbg/")), ("/zfxxgk/ndbg", .redirect("/zfxxgk/ndbg/")),
        ("/zfxxgk/ndbg/a", .redirect("/zfxxgk/ndbg/a/")),
    ])
    func refusals(path: String, expected: PreviewFiles.Resolution) throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(PreviewFiles(root: folder, basePath: "/zfxxgk/ndbg/").resolve(path) == expected)
    }

    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-preview-\(UUID().uuidString)")
        for file in ["index.html", "a/index.html", "a/data.csv", "中.txt", "deploy/nginx.conf"] {
            let url = folder.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data("x".utf8).write(to: url)
        }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("link").path, withDestinationPath: "/etc/hostname")
        return folder
    }
}
