import Foundation
import Testing

/// Runs the built `nianbao` executable, as a user or CI would.
struct Nianbao {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The executable next to the test bundle (`swift build` puts both in the same folder).
    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["NIANBAO_BIN"] { return URL(fileURLWithPath: path) }
        var folder = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("nianbao")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("nianbao")
    }()

    /// The repository root, which is itself a site with the shipped sample `Content/`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @discardableResult
    static func run(
        _ arguments: [String], in directory: URL? = nil, executable: URL = Nianbao.executable,
        environment: [String: String] = [:]
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a large output cannot block the child; stderr on
        // another thread, so that neither pipe can fill while the other is read.
        let errBox = DataBox()
        let errDescriptor = err.fileHandleForReading.fileDescriptor
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            errBox.data = drain(errDescriptor)
            done.signal()
        }
        let outData = drain(out.fileHandleForReading.fileDescriptor)
        done.wait()
        let errData = errBox.data
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

/// Everything a pipe gives until its end. `FileHandle.readDataToEndOfFile` traps on EINTR (a
/// signal landing while it reads, as SIGCHLD from another test's child can), so read(2) is
/// retried here.
func drain(_ descriptor: Int32) -> Data {
    var data = Data()
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let count = read(descriptor, &buffer, buffer.count)
        if count > 0 {
            data.append(contentsOf: buffer[0..<count])
        } else if count == 0 || errno != EINTR {
            return data
        }
    }
}

/// Data written by one thread and read by another after a semaphore.
final class DataBox: @unchecked Sendable {
    var data = Data()
}

/// A scratch site in a temporary folder, removed when the test ends.
final class ScratchSite {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("nianbao-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    func write(_ path: String, _ text: String) throws { try write(path, Data(text.utf8)) }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// A copy of one shipped agency, to break on purpose.
    func copySample(agency: String) throws {
        let source = Nianbao.repositoryRoot.appendingPathComponent("Content").appendingPathComponent(agency)
        let target = root.appendingPathComponent("Content").appendingPathComponent(agency)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: source, to: target)
        // The task lists its reports name come along.
        let lists = Nianbao.repositoryRoot.appendingPathComponent("Content/_tasks")
        let listsTarget = root.appendingPathComponent("Content/_tasks")
        if !FileManager.default.fileExists(atPath: listsTarget.path) { try FileManager.default.copyItem(at: lists, to: listsTarget) }
    }
}
