import Diagnostics
import Foundation

/// A text file of the site, read and checked: UTF-8 (or GB18030 where the site accepts it), no
/// NUL bytes, not empty, not huge, not a link out of the site, no invisible control characters.
struct TextFile {
    /// Path relative to the site root.
    let path: String
    /// The text with a leading byte-order mark removed and CRLF folded to LF.
    let text: String
    /// Warnings about a file that could be read (invisible characters, GB18030 decoded).
    var findings: [Finding] = []

    /// What the site allows (`accept_gb18030: true` in nianbao.yaml).
    struct Options: Sendable {
        var acceptGB18030 = false

        init(acceptGB18030: Bool = false) { self.acceptGB18030 = acceptGB18030 }

        /// What nianbao.yaml allows.
        init(_ config: SiteConfig) { acceptGB18030 = config["accept_gb18030"]?.value == "true" }
    }

    /// Larger files are refused: no report or table comes near this, and reading a huge
    /// file into memory would only delay the message.
    static let maximumSize = 8 * 1024 * 1024

    /// Reads `url`, or returns the finding that says why it cannot be used.
    /// `ifMissing` is the finding for a file that does not exist, where the caller has a better
    /// one than 「无法读取」.
    static func read(
        _ file: String, path: String, ifMissing: @autoclosure () -> Finding? = nil, options: Options = Options()
    ) -> Result<TextFile, Finding> {
        let location = SourceLocation(file: path)
        let bytes: [UInt8]
        // The site root is what `file` has before `path`: links may not lead out of it.
        let root = file.hasSuffix("/" + path) ? String(decoding: file.utf8.dropLast(path.utf8.count + 1), as: UTF8.self) : nil
        switch readBytes(file, within: root) {
        case .success(let read): bytes = read
        case .failure(let problem):
            // The finding for a missing file is made only when one is missing.
            if case .missing = problem, let finding = ifMissing() { return .failure(finding) }
            let (message, gist, hint) = problem.explanation
            let rule = if case .notRegular = problem { Rule.fileNotRegular } else { Rule.fileUnreadable }
            return .failure(rule.finding(message, gist: gist, at: location, hint: hint))
        }
        return decode(bytes, path: path, options: options)
    }

    /// Checks and decodes the bytes of a file (whose site-relative path is `path`).
    static func decode(_ bytes: [UInt8], path: String, options: Options = Options()) -> Result<TextFile, Finding> {
        let location = SourceLocation(file: path)
        if !bytes.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            return .failure(Rule.fileEmpty.finding("文件为空", gist: "file is empty", at: location))
        }
        if let nul = Self.offset(of: 0, in: bytes[...]) {
            return .failure(Rule.fileBinary.finding(
                "文件包含 NUL 字节，不是文本文件（可能误存为 Word、PDF 或图片）",
                gist: "binary file (NUL byte at offset \(nul))", at: position(ofByte: nul, in: Data(bytes), file: path)))
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        var warnings: [Finding] = []
        var decoded = String(validating: body, as: UTF8.self)
        if decoded == nil, options.acceptGB18030, looksLikeGB18030(Data(body)), let converted = GB18030.decode(body) {
            decoded = converted
            warnings.append(
                Rule.fileEncoding.finding(
                    "文件是 GB18030/GBK 编码，已按 nianbao.yaml 的 accept_gb18030 转换后读取", gist: "GB18030 file decoded (accept_gb18030)",
                    at: location, hint: "建议转换为 UTF-8：iconv -f GB18030 -t UTF-8 \(path) > 临时文件，确认无误后替换原文件。",
                    severity: .warning))
        }
        guard var text = decoded else {
            return .failure(encodingFinding(Data(body), path: path))
        }
        // By memchr: the UTF-8 view's `contains` went byte by byte, 4 % of a cold `check`.
        if Self.offset(of: 0x0D, in: body) != nil { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
        warnings += InvisibleCharacters.findings(in: text, file: path)
        return .success(TextFile(path: path, text: text, findings: warnings))
    }

    /// The offset of the first `byte` in `bytes`, by memchr: these scans run over every byte of every file.
    static func offset(of byte: UInt8, in bytes: ArraySlice<UInt8>) -> Int? {
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base, Int32(byte), buffer.count) else { return nil }
            return UnsafeRawPointer(hit) - base
        }
    }

    enum ReadProblem: Error {
        case system(String)
        case missing
        case folder
        /// A named pipe, socket or device (its kind in Chinese and English), not a file.
        case notRegular(String, String)
        case tooLarge(Int)
        case outsideSite(String)

        var explanation: (String, String, String?) {
            switch self {
            case .system(let reason): ("无法读取文件：\(reason)", "cannot read file: \(reason)", nil)
            case .missing: ("文件不存在", "file does not exist", nil)
            case .folder: ("这里应当是文件，却是一个文件夹", "a folder where a file is expected", "删除或改名该文件夹，放入同名文件。")
            case .notRegular(let kind, let english):
                ("这里应当是普通文件，却是\(kind)，不会读取", "not a regular file (\(english))",
                 "删除它（rm），在原处放入普通的文本文件；读取\(kind)会一直等待写入方，检查因此无法结束。")
            case .outsideSite(let target):
                ("符号链接指向站点之外（\(target)），不会读取", "symbolic link out of the site (\(target))",
                 "把文件复制到站点中，不要用指向站点之外的符号链接。")
            case .tooLarge(let size):
                ("文件过大（\(size / 1024 / 1024) MB），超过 \(maximumSize / 1024 / 1024) MB 的上限", "file too large (\(size) bytes)",
                 "年报的正文和表格文件不会这么大；请确认没有放错文件。")
            }
        }
    }

    /// The file's bytes through open(2)/read(2): one system call each for small files, and the
    /// size is checked before anything is read.
    /// A symbolic link is followed only when it leads to a file under `root`.
    ///
    /// Opened with `O_NONBLOCK`, and its type checked by `fstat` before any read: opening a
    /// named pipe (FIFO) for reading otherwise waits for a writer forever, and reading a device
    /// may never end. Anything but a regular file is refused.
    static func readBytes(_ path: String, within root: String? = nil) -> Result<[UInt8], ReadProblem> {
        var descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        if descriptor < 0, errno == ELOOP {
            guard let target = realpath(path, nil) else { return .failure(.system(String(cString: strerror(errno)))) }
            let resolved = String(cString: target)
            free(target)
            let base = root.flatMap { realpath($0, nil) }.map { pointer in
                defer { free(pointer) }
                return String(cString: pointer)
            }
            guard let base, resolved.hasPrefix(base + "/") else { return .failure(.outsideSite(resolved)) }
            descriptor = open(resolved, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
        }
        guard descriptor >= 0 else {
            return .failure(errno == ENOENT ? .missing : .system(String(cString: strerror(errno))))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.folder)
        case S_IFIFO: return .failure(.notRegular("命名管道（FIFO）", "named pipe"))
        case S_IFSOCK: return .failure(.notRegular("套接字（socket）", "socket"))
        case S_IFCHR, S_IFBLK: return .failure(.notRegular("设备文件", "device"))
        default: return .failure(.notRegular("特殊文件", "special file"))
        }
        let size = Int(info.st_size)
        guard size <= maximumSize else { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, size - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
            if count == 0 { break }  // the file shrank while being read
            filled += count
        }
        bytes.removeSubrange(filled...)
        return .success(bytes)
    }

    private static func encodingFinding(_ data: Data, path: String) -> Finding {
        let offset = firstInvalidUTF8Offset(data)
        let location = position(ofByte: offset, in: data, file: path)
        if looksLikeGB18030(data) {
            return Rule.fileEncoding.finding(
                "文件是 GB18030/GBK 编码，不是 UTF-8", gist: "file is GB18030/GBK-encoded, not UTF-8", at: location,
                hint: "转换为 UTF-8：iconv -f GB18030 -t UTF-8 \(path) > 临时文件，确认无误后替换原文件。")
        }
        return Rule.fileEncoding.finding(
            "文件不是有效的 UTF-8 编码（第一个无效字节在第 \(offset) 字节）", gist: "invalid UTF-8", at: location,
            hint: "用编辑器以 UTF-8 编码另存该文件。")
    }

    /// Whether every non-ASCII byte pairs up as GB18030 double-byte (or four-byte) characters.
    static func looksLikeGB18030(_ data: Data) -> Bool {
        var index = data.startIndex
        var pairs = 0
        while index < data.endIndex {
            let byte = data[index]
            if byte < 0x80 { index += 1; continue }
            guard (0x81...0xFE).contains(byte), index + 1 < data.endIndex else { return false }
            let second = data[index + 1]
            if (0x40...0xFE).contains(second), second != 0x7F {
                index += 2
            } else if (0x30...0x39).contains(second), index + 3 < data.endIndex {
                index += 4
            } else {
                return false
            }
            pairs += 1
        }
        return pairs > 0
    }

    private static func firstInvalidUTF8Offset(_ data: Data) -> Int {
        var decoder = UTF8()
        var iterator = data.makeIterator()
        var offset = 0
        var consumed = 0
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                consumed = offset
            case .emptyInput: return consumed
            case .error: return consumed
            }
        }
    }

    /// Line and column of a byte offset, counting columns in characters decoded so far.
    private static func position(ofByte offset: Int, in data: Data, file: String) -> SourceLocation {
        let prefix = data.prefix(offset)
        let line = prefix.reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
        let lineStart = prefix.lastIndex(of: 0x0A).map { $0 + 1 } ?? prefix.startIndex
        let column = (String(decoding: data[lineStart..<(prefix.startIndex + offset)], as: UTF8.self).unicodeScalars.count) + 1
        return SourceLocation(file: file, line: line, column: column)
    }
}

