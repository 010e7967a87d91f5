import ReportForm
import Testing

/// How labels written in real reports are recognised (spec §1.4 note, §6 items 13–14).
@Suite struct LabelMatcherTests {
    @Test func exact() {
        #expect(LabelMatcher.match("（一）予以公开", canonical: "（一）予以公开") == .exact)
    }

    @Test(arguments: [
        ("(一)予以公开", "（一）予以公开"),
        ("1、属于国家秘密", "1.属于国家秘密"),
        ("第二十条 第（一）项", "第二十条第（一）项"),
        ("本年收费金额(单位:万元)", "本年收费金额（单位：万元）"),
        ("3.危及\"三安全一稳定\"", "3.危及“三安全一稳定”"),
    ])
    func punctuation(written: String, canonical: String) {
        #expect(LabelMatcher.match(written, canonical: canonical) == .variant(.punctuation))
    }

    @Test func traditionalCharacters() {
        #expect(LabelMatcher.match("（一）予以公開", canonical: "（一）予以公开") == .variant(.traditional))
        #expect(LabelMatcher.match("三、本年度辦理結果", canonical: "三、本年度办理结果") == .variant(.traditional))
        #expect(LabelMatcher.normalize("(一) 予以公開") == "（一）予以公开")
    }

    @Test func truncatedOrWithCharactersMissing() {
        #expect(LabelMatcher.match("现行有效件", canonical: "现行有效件数") == .variant(.missingCharacters))
        #expect(LabelMatcher.match("2.其他法律行政止公开", canonical: "2.其他法律行政法规禁止公开") == .variant(.missingCharacters))
        // Listed in the model as seen in real reports.
        #expect(LabelMatcher.match("现行有效件", canonical: "现行有效件数", variants: ["现行有效件"]) == .variant(.known))
        #expect(
            LabelMatcher.match("2.其他法律行政止公开", canonical: "2.其他法律行政法规禁止公开", variants: ["2.其他法律行政止公开"])
                == .variant(.known))
    }

    @Test(arguments: [
        ("1.属于国家秘密", "2.其他法律行政法规禁止公开"),
        ("1.属于国家秘密", "1.信访举报投诉类申请"),
        ("行政处罚", "行政强制"),
        ("规章", "行政规范性文件"),
        ("总计", "（七）总计"),
        ("3.其他", "3.要求提供公开出版物"),
        ("现行", "现行有效件数"),
        ("（一）予以公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
        ("一、总体情况", "二、主动公开政府信息情况"),
    ])
    func unrelatedLabelsDoNotMatch(written: String, canonical: String) {
        #expect(LabelMatcher.match(written, canonical: canonical) == nil)
    }

    /// No printed label of either edition is taken for a sibling: rows of one group, columns of one
    /// row, the six section headings.
    @Test(arguments: FormVersion.allCases)
    func siblingsNeverMatchEachOther(version: FormVersion) {
        let form = ReportForm.edition(version)
        var sets: [[String]] = [form.sections.map(\.heading)]
        func collect(_ nodes: [RowNode]) {
            sets.append(nodes.map(\.label))
            for case .group(let group) in nodes { collect(group.children) }
            for case .row(let row) in nodes { sets.append(row.columns.map(\.label)) }
        }
        for table in form.tables { collect(table.rows) }
        for labels in sets {
            for written in labels {
                for canonical in labels where canonical != written {
                    #expect(LabelMatcher.match(written, canonical: canonical) == nil, "「\(written)」 taken for 「\(canonical)」")
                }
            }
        }
    }

    @Test func suggestion() {
        let rows = ["1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息"]
        #expect(LabelMatcher.suggestion(for: "2.重复的申请", among: rows) == "2.重复申请")
        #expect(LabelMatcher.suggestion(for: "合计", among: ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]) == "总计")
        #expect(LabelMatcher.suggestion(for: "完全无关的一段文字", among: ["结果维持", "结果纠正", "总计"]) == nil)
    }
}

/// Every label of the form written in traditional characters (as in the 麻阳 and 柞水 copies,
/// spec §1.4) is recognised as a traditional-character variant.
@Suite struct TraditionalLabelTests {
    /// Simplified → traditional for every character of the form's labels that has a distinct
    /// traditional form (制 is left alone: 制 and 製 are both used). The independent reference.
    static let traditional: [Character: Character] = {
        let pairs =
            "万萬业業举舉于於会會体體关關内內决決况況减減办辦务務动動区區单單发發后後国國处處复復审審对對属屬废廢开開"
            + "强強当當总總执執护護报報数數无無机機权權条條构構没沒现現确確稳穩类類纠糾纳納组組织織经經结結继繼续續"
            + "维維缴繳罚罰范範获獲补補规規计計认認议議许許讼訟访訪诉訴询詢请請购購费費转轉过過这這进進采採问問项項题題额額"
        var map: [Character: Character] = [:]
        var iterator = pairs.makeIterator()
        while let simplified = iterator.next(), let traditional = iterator.next() { map[simplified] = traditional }
        return map
    }()

    /// Characters of the labels whose traditional form `LabelMatcher` does not fold.
    static let unfolded: Set<Character> = ["体", "动", "罚", "纠", "继", "续", "缴", "纳", "询", "减", "没", "构"]

    static func labels(_ form: ReportForm) -> [String] {
        var labels = form.sections.map(\.heading)
        func collect(_ nodes: [RowNode]) {
            for node in nodes {
                labels.append(node.label)
                switch node {
                case .group(let group): collect(group.children)
                case .row(let row): labels += row.columns.map(\.label)
                }
            }
        }
        for table in form.tables { collect(table.rows) }
        return Array(Set(labels)).sorted()
    }

    @Test(arguments: FormVersion.allCases)
    func everyLabelInTraditionalCharacters(version: FormVersion) {
        let form = ReportForm.edition(version)
        let unrecognised = Self.labels(form).filter { label in
            let written = String(label.map { Self.traditional[$0] ?? $0 })
            return written != label && LabelMatcher.match(written, canonical: label) != .variant(.traditional)
        }
        // Every failure comes from a character of `unfolded`; all other labels are recognised.
        #expect(unrecognised.allSatisfy { $0.contains(where: Self.unfolded.contains) }, "\(unrecognised)")
        #expect(unrecognised == [])
    }
}
