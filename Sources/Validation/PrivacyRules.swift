import Diagnostics
import SiteModel

/// Personal data and commercial secrets in the narrative (seed task 14): resident ID numbers,
/// mobile numbers, unified social credit codes and bank card numbers, each confirmed by its
/// check digit or pattern so that document numbers, totals and dates do not fire, and e-mail
/// addresses at personal mail services. The office's own published contacts are allowed.
enum PrivacyRules {
    static func check(_ report: Report, allowed: PublicContacts) -> [Finding] {
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
                let scalars = Array(String(decoding: line, as: UTF8.self).unicodeScalars)
                for found in PersonalData.find(in: scalars) where !allowed.contains(found.text) {
                    let location = SourceLocation(file: report.reportFile, line: number, column: found.column)
                    findings.append(finding(found.kind, masked: PersonalData.masked(found.text), at: location))
                }
            }
            return findings
        }
    }
}

extension PrivacyRules {
    static func finding(_ kind: PersonalData.Kind, masked: String, at location: SourceLocation) -> Finding {
        switch kind {
        case .idNumber: Rule.privacyIDNumber.finding("正文含有居民身份证号码 \(masked)", gist: "resident ID number in the text", at: location)
        case .mobile: Rule.privacyMobile.finding("正文含有手机号码 \(masked)", gist: "mobile number in the text", at: location)
        case .creditCode:
            Rule.privacyCreditCode.finding("正文含有统一社会信用代码 \(masked)", gist: "unified social credit code in the text", at: location)
        case .bankCard: Rule.privacyBankCard.finding("正文含有银行卡号 \(masked)", gist: "bank card number in the text", at: location)
        case .email: Rule.privacyEmail.finding("正文含有个人电子邮箱 \(masked)", gist: "personal e-mail address in the text", at: location)
        }
    }
}

/// The office's own published numbers and addresses (`public_contacts` in nianbao.yaml,
/// separated by commas, 、 or spaces), compared without separators and case.
public struct PublicContacts: Sendable {
    let entries: Set<String>

    public init(_ written: String?) {
        let parts = (written ?? "").split { ",，、;； \t".contains($0) }
        entries = Set(parts.map { Self.normalized(String($0)) }.filter { !$0.isEmpty })
    }

    public static let none = PublicContacts(nil)

    func contains(_ text: String) -> Bool { entries.contains(Self.normalized(text)) }

    static func normalized(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { $0 != "-" && $0 != " " }.map(Character.init))
    }
}
