import Foundation
import Testing

/// A build killed part way (SIGKILL, SIGTERM, SIGINT, at several moments, full and incremental)
/// leaves Output/ as the previous build left it or as the new build made it, never a mix that
/// the next build does not finish; and the next build puts everything right.
@Suite(.serialized) struct InterruptedBuildTests {
    /// The sample agencies copied ten times over: about 130 reports, a build that takes long
    /// enough to be interrupted.
    static func largeSite() throws -> ScratchSite {
        let site = try ScratchSite()
        for agency in ["jiangyu-tax", "qingshan-county", "qingshan-tax"] { try site.copySample(agency: agency) }
        for copy in 1...9 {
            for agency in ["jiangyu-tax", "qingshan-county", "qingshan-tax"] {
                try FileManager.default.copyItem(
                    at: site.root.appendingPathComponent("Content/\(agency)"), to: site.root.appendingPathComponent("Content/\(agency)-\(copy)"))
            }
        }
        try site.write("nianbao.yaml", try String(contentsOf: Nianbao.repositoryRoot.appendingPathComponent("nianbao.yaml"), encoding: .utf8))
        return site
    }

    /// Starts a build, sends `signal` after `delay` seconds, and waits for it to end.
    static func interruptedBuild(_ site: ScratchSite, extra: [String], signal: Int32, after delay: Double) throws {
        let process = Process()
        process.executableURL = Nianbao.executable
        process.arguments = ["build", "-s", site.root.path] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
    }

    @Test("killed full and incremental builds leave Output whole, and the next build completes it", arguments: [
        (["--no-pdf", "--no-cache"], SIGKILL), (["--no-pdf", "--no-cache"], SIGTERM), (["--no-pdf", "--no-cache"], SIGINT),
        (["--no-pdf"], SIGKILL),
    ])
    func killed(extra: [String], signal: Int32) throws {
        let site = try Self.largeSite()
        let output = site.root.appendingPathComponent("Output")
        #expect(try Nianbao.run(["build", "-s", site.root.path] + extra).status == 0)
        var interrupted = 0
        // 0.03 s: an incremental build of this site can be over within 0.1 s.
        for (round, delay) in [0.03, 0.1, 0.6, 1.5].enumerated() {
            let before = BuildCommandTests.snapshot(output)
            // Each round changes one report, so the interrupted build would change Output.
            let file = "Content/qingshan-tax-\(round + 1)/2023/report.md"
            try site.write(file, try site.read(file) + "\n第\(round + 1)轮修改。\n")
            let expected = site.root.appendingPathComponent("Expected")
            try? FileManager.default.removeItem(at: expected)
            #expect(try Nianbao.run(["build", "-s", site.root.path, "--no-pdf", "--no-cache", "-o", expected.path]).status == 0)
            let after = BuildCommandTests.snapshot(expected)
            try Self.interruptedBuild(site, extra: extra, signal: signal, after: delay)
            let now = BuildCommandTests.snapshot(output)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output.nianbao-update") }
            // Whole: the old site, the new one, or (an update killed after its journal) one the next build finishes.
            #expect(now == before || now == after || !leftovers.isEmpty, "round \(round): Output is neither the old nor the new site")
            if now != after { interrupted += 1 }
            #expect(!now.isEmpty && now[".nianbao-output"] != nil, "round \(round): Output is gone")
            let next = try Nianbao.run(["build", "-s", site.root.path] + extra)
            #expect(next.status == 0, "\(next.stderr)")
            #expect(BuildCommandTests.snapshot(output) == after, "round \(round): the next build did not put Output right")
            let strays = try FileManager.default.contentsOfDirectory(atPath: site.root.path).filter { $0.hasPrefix(".Output.nianbao-") }
            #expect(strays.isEmpty, "round \(round): \(strays)")
        }
        // Not vacuous: at least one signal arrived before the build was done.
        #expect(interrupted > 0)
    }
}
