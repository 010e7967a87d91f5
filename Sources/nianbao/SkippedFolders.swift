import Diagnostics
import Foundation

/// The line under the summary that says which folders were left out of its count: a folder
/// whose name is not UTF-8 is not read, so its reports are in no count (`path-encoding`).
enum SkippedFolders {
    static func note(_ findings: [Finding]) {
        let skipped = findings.filter { $0.rule == Rule.pathEncoding.id }.map(\.location.file)
        guard !skipped.isEmpty else { return }
        let list = skipped.prefix(5).joined(separator: "、") + (skipped.count > 5 ? " 等" : "")
        fflush(nil)  // after the summary, which went to standard output (nil: every stream)
        printError(
            "另有 \(skipped.count) 个文件夹因名称不是 UTF-8 编码而跳过，其中的报告不在上面的份数中：\(list)"
                + " (\(skipped.count) folder(s) skipped, name not UTF-8; their reports are not counted)")
    }
}
