import Diagnostics
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A folder whose name is not UTF-8, named by its bytes: `\xC9\xBD`-escaped (ASCII, exact,
/// and what `mv $'…'` takes), with its GB18030 reading where it has one.
enum UndecodableName {
    /// The name with every byte that is not printable ASCII (and every backslash) as `\xNN`.
    static func escaped(_ name: [UInt8]) -> String {
        var text = ""
        for byte in name {
            if byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\"), byte != UInt8(ascii: "'") {
                text.unicodeScalars.append(UnicodeScalar(byte))
            } else {
                text += "\\x" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return text
    }

    /// Whether `name` in `folder` is a folder (or a link to one): `stat(2)` of the bytes, as
    /// no `String` path can spell the name.
    static func isFolder(_ name: [UInt8], in folder: String) -> Bool {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        var info = stat()
        let found = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &info) == 0 }
        }
        return found && info.st_mode & S_IFMT == S_IFDIR
    }

    /// The finding for the folder `name` in the folder whose site-relative path is `parent`.
    static func finding(_ name: [UInt8], in parent: String) -> Finding {
        let shown = escaped(name)
        let reading = TextFile.looksLikeGB18030(Data(name)) ? GB18030.decode(name[...]) : nil
        let decoded = reading.map { "（按 GB18030 编码是「\($0)」）" } ?? ""
        return Rule.pathEncoding.finding(
            "文件夹名不是 UTF-8 编码：\(shown)\(decoded)；这个文件夹没有读取，其中的报告没有检查，也不会发布",
            gist: "folder name is not UTF-8 (\(shown)); the folder and its reports were skipped",
            at: SourceLocation(file: parent + "/" + shown),
            hint: "把文件夹改名为只用小写字母、数字和连字符的名称，例如：mv \(parent)/$'\(shown)' \(parent)/jiangyu-tax"
                + "（机关全称写在 agency.yaml 的 name 中）。")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
