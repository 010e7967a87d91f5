import Diagnostics
import SiteModel

/// Personal data and commercial secrets in everything that is published (seed task 14; issue
/// 22): resident ID numbers, mobile numbers, unified social credit codes and bank card numbers,
/// each confirmed by its check digit or pattern so that document numbers, totals and dates do
/// not fire, and e-mail addresses at personal mail services. The narrative (link texts and
/// addresses included) is scanned line by line; the front matter, `tasks.yaml`, agency.yaml,
/// the task lists and nianbao.yaml value by value. The office's own published contacts, and the
/// office's own code at the head of its 索引号, are allowed.
enum PrivacyRules {
    /// A report's narrative, front matter and `tasks.yaml`. `source` reads a file again to place
    /// a finding in a YAML value at its column; without it the value's start is used.
    static func check(_ report: Report, allowed contacts: PublicContacts, source: SiteSource? = nil) -> [Finding] {
        let allowed = contacts.adding(ownCode: ownCode(report))
        var findings = narrative(report, allowed: allowed)
        let lines = SourceLines(source)
        for text in PublishedText.of(report) { findings += scan(text, allowed: allowed, lines: lines) }
        return findings
    }

    /// The texts of the site as a whole: agency names, task lists, nianbao.yaml. A text shared
    /// by several places (a task list's part title) is reported once.
    static func check(_ site: Site, allowed: PublicContacts, source: SiteSource?) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        let lines = SourceLines(source)
        for text in PublishedText.of(site) {
            for finding in scan(text, allowed: allowed, lines: lines) where seen.insert("\(finding.rule) \(finding.location)").inserted {
                findings.append(finding)
            }
        }
        return findings
    }

    /// The office's own unified social credit code: the letters and digits its 索引号 starts
    /// with (`11320800014160536F/2024-00012`, `…F-2024-00012`), as every index number of the
    /// office does.
    static func ownCode(_ report: Report) -> String? {
        guard let index = report.frontMatter["索引号"]?.value else { return nil }
        let scalars = index.unicodeScalars.map(ScanLine.folded).drop { $0 == " " }
        let code = scalars.prefix { PersonalData.isAlphanumeric($0) }
        return code.isEmpty ? nil : String(String.UnicodeScalarView(code))
    }

    private static func narrative(_ report: Report, allowed: PublicContacts) -> [Finding] {
        var source = report.document.source
        let offset = report.document.sourceLineOffset
        // Lines cut on the narrative's own bytes: splitting a Substring on Characters cost a third
        // of `check`, and splitting its UTF-8 view into subsequences a tenth.
        return source.withUTF8 { bytes -> [Finding] in
            guard bytes.contains(where: PersonalData.isCandidateByte) else { return [] }
            var findings: [Finding] = []
            var number = offset
            var start = 0
            while start <= bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                let line = UnsafeBufferPointer(rebasing: bytes[start..<end])
                number += 1
                start = end + 1
                guard PersonalData.mayHold(line) else { continue }
                let scanned = ScanLine(Array(String(decoding: line, as: UTF8.self).unicodeScalars))
                for found in PersonalData.find(in: scanned) where !allowed.contains(found) {
                    let location = SourceLocation(file: report.reportFile, line: number, column: found.offset + 1)
                    findings.append(finding(found.kind, masked: PersonalData.masked(found.text), at: location))
                }
            }
            return findings
        }
    }

    private static func scan(_ text: PublishedText, allowed: PublicContacts, lines: SourceLines) -> [Finding] {
        var value = text.text
        let candidate = value.withUTF8 { $0.contains(where: PersonalData.isCandidateByte) }
        guard candidate else { return [] }
        var findings: [Finding] = []
        for (number, line) in text.text.lineSlices.enumerated() {
            var line = line
            guard line.withUTF8({ PersonalData.mayHold($0) }) else { continue }
            for found in PersonalData.find(in: ScanLine(Array(line.unicodeScalars))) where !allowed.contains(found) {
                let location = text.location(of: found, onLine: number, in: lines[text.location.file])
                findings.append(finding(found.kind, masked: PersonalData.masked(found.text), at: location, in: text))
            }
        }
        return findings
    }
}

/// The lines of the files findings are placed in, each read at most once per check, and only
/// when a value holds something.
private final class SourceLines {
    let source: SiteSource?
    var read: [String: [Substring]?] = [:]

    init(_ source: SiteSource?) { self.source = source }

    subscript(file: String) -> [Substring]? {
        if let lines = read[file] { return lines }
        let lines = source?.lines(of: file)
        read[file] = lines
        return lines
    }
}

extension PrivacyRules {
    static func finding(_ kind: PersonalData.Kind, masked: String, at location: SourceLocation, in text: PublishedText? = nil) -> Finding {
        let (rule, name, gist) = describe(kind)
        guard let text else { return rule.finding("正文含有\(name) \(masked)", gist: "\(gist) in the text", at: location) }
        return rule.finding("\(text.place)含有\(name) \(masked)", gist: "\(gist) in \(text.gist)", at: location)
    }

    private static func describe(_ kind: PersonalData.Kind) -> (Rule, String, String) {
        switch kind {
        case .idNumber: (.privacyIDNumber, "居民身份证号码", "resident ID number")
        case .mobile: (.privacyMobile, "手机号码", "mobile number")
        case .creditCode: (.privacyCreditCode, "统一社会信用代码", "unified social credit code")
        case .bankCard: (.privacyBankCard, "银行卡号", "bank card number")
        case .email: (.privacyEmail, "个人电子邮箱", "personal e-mail address")
        }
    }
}

/// The office's own published numbers and addresses (`public_contacts` in nianbao.yaml,
/// separated by commas, 、 or spaces), compared without separators and case; a number also by
/// its digits alone, without a country code (`+86 138-0000-1234` allows `(138)00001234`).
public struct PublicContacts: Sendable {
    let entries: Set<String>
    /// The office's own unified social credit codes (from a report's 索引号), allowed as codes.
    let ownCodes: Set<String>

    public init(_ written: String?) {
        let parts = (written ?? "").split { ",，、;； \t".contains($0) }
        var entries: Set<String> = []
        for part in parts {
            entries.formUnion(Self.forms(String(part)))
        }
        self.entries = entries.subtracting([""])
        ownCodes = []
    }

    private init(entries: Set<String>, ownCodes: Set<String>) {
        self.entries = entries
        self.ownCodes = ownCodes
    }

    public static let none = PublicContacts(nil)

    /// These and the office's own code `code`: allowed where a credit code is found, not where
    /// the same characters make an ID number (`110105…002X/2024-00001` is no office's code).
    func adding(ownCode code: String?) -> PublicContacts {
        guard let code else { return self }
        return PublicContacts(entries: entries, ownCodes: ownCodes.union([Self.normalized(String(String.UnicodeScalarView(code.unicodeScalars.map(ScanLine.folded))))]))
    }

    func contains(_ found: PersonalData.Found) -> Bool {
        if found.kind == .creditCode, ownCodes.contains(found.canonical) { return true }
        return entries.contains(found.canonical) || entries.contains(Self.normalized(found.text))
    }

    /// An entry as written without separators, and a number's digits without a country code.
    private static func forms(_ text: String) -> [String] {
        let folded = String(String.UnicodeScalarView(text.unicodeScalars.map(ScanLine.folded)))
        var digits = folded.unicodeScalars.filter { PersonalData.isDigit($0) || $0 == "X" || $0 == "x" }.map(Character.init)
        if digits.count == 13, digits.starts(with: ["8", "6"]) { digits.removeFirst(2) }
        if digits.count == 15, digits.starts(with: ["0", "0", "8", "6"]) { digits.removeFirst(4) }
        let isNumber = !folded.contains("@") && digits.count >= 7
        return [normalized(folded)] + (isNumber ? [String(digits).lowercased()] : [])
    }

    static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != "-" && $0 != " " }.map(Character.init))
    }
}
