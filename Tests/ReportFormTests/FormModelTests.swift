import ReportForm
import Testing

/// The shape of the two editions: cell counts, ids, sections, identities (spec §0, §1.3–§1.5).
@Suite struct FormModelTests {

    @Test func cellCountsOf2021() {
        let form = ReportForm.revised2021
        // §1.3 lists 规章 and 行政规范性文件 × 3 columns, 行政许可, 行政处罚, 行政强制, 行政事业性收费
        // × 1: ten cells. (Its line "6 data rows and 9 numeric cells" miscounts its own table.)
        #expect(form.table(.active).leafRows.map { $0.row.columns.count } == [3, 3, 1, 1, 1, 1])
        #expect(form.table(.active).cells.count == 10)
        #expect(form.table(.requests).leafRows.count == 25)
        #expect(form.table(.requests).cells.count == 175)
        #expect(form.table(.appeals).cells.count == 15)
        #expect(form.cells.count == 10 + 175 + 15)
    }

    @Test func cellCountsOf2019() {
        let form = ReportForm.trial2019
        // §1.3: 规章, 规范性文件 × 3; 行政许可, 其他对外管理服务事项 × 3; 行政处罚, 行政强制 × 3;
        // 行政事业性收费 × 2; 政府集中采购 × 2.
        #expect(form.table(.active).leafRows.map { $0.row.columns.count } == [3, 3, 3, 3, 3, 3, 2, 2])
        #expect(form.table(.active).cells.count == 22)
        #expect(form.table(.requests).leafRows.count == 23)
        #expect(form.table(.requests).cells.count == 161)
        #expect(form.table(.appeals).cells.count == 15)
    }

    @Test(arguments: FormVersion.allCases)
    func everyCellIDIsUnique(version: FormVersion) {
        let form = ReportForm.edition(version)
        let ids = form.cells.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(form.cellsByID.count == ids.count)
        #expect(Set(form.tables.flatMap(\.leafRows).map(\.id)).count == form.tables.flatMap(\.leafRows).count)
    }

    @Test(arguments: FormVersion.allCases)
    func sixSectionHeadings(version: FormVersion) {
        let form = ReportForm.edition(version)
        #expect(form.sections.map(\.heading) == [
            "一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
            "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项",
        ])
        #expect(form.sections.map(\.number) == [1, 2, 3, 4, 5, 6])
        #expect(form.sections.map(\.table) == [nil, .active, .requests, .appeals, nil, nil])
        #expect(form.tables.map(\.label) == [form.sections[1].heading, form.sections[2].heading, form.sections[3].heading])
    }

    @Test(arguments: FormVersion.allCases)
    func identities(version: FormVersion) {
        let form = ReportForm.edition(version)
        let columns = ["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org", "total"]
        let byKind = Dictionary(grouping: form.identities, by: \.kind)

        // 一 + 二 = 三（七）总计 + 四, once per column.
        #expect(byKind[.columnBalance]?.count == 7)
        for (identity, column) in zip(byKind[.columnBalance] ?? [], columns) {
            #expect(identity.left == ["requests.received.\(column)", "requests.carried_over.\(column)"])
            #expect(identity.right == ["requests.results.total.\(column)", "requests.carried_forward.\(column)"])
            #expect(identity.anchor == "requests.results.total.\(column)")
        }

        // 总计 = the six applicants, once per row of table 三.
        let rows = form.table(.requests).leafRows.map(\.id)
        #expect(byKind[.rowTotal]?.map(\.anchor) == rows.map { $0 + ".total" })
        #expect(byKind[.rowTotal]?.allSatisfy { $0.right.count == 6 } == true)

        // （七）总计 = every result row, once per column.
        let results = rows.filter { $0.hasPrefix("requests.results.") && $0 != "requests.results.total" }
        #expect(results.count == (form.version == .revised2021 ? 21 : 19))
        #expect(byKind[.resultsTotal]?.count == 7)
        for (identity, column) in zip(byKind[.resultsTotal] ?? [], columns) {
            #expect(identity.left == ["requests.results.total.\(column)"])
            #expect(identity.right == results.map { "\($0).\(column)" })
        }

        // 四: 总计 = 维持 + 纠正 + 其他 + 尚未审结 in each of the three groups.
        #expect(byKind[.outcomeTotal]?.map(\.anchor) == [
            "appeals.review.total", "appeals.litigation.direct.total", "appeals.litigation.after_review.total",
        ])
        #expect(byKind[.outcomeTotal]?.first?.right == [
            "appeals.review.upheld", "appeals.review.corrected", "appeals.review.other", "appeals.review.pending",
        ])
        #expect(form.identities.count == 7 + rows.count + 7 + 3)
        #expect(IdentityKind.allCases.filter(\.isPrinted) == [.columnBalance])
        #expect(Set(form.identities.flatMap { $0.left + $0.right }).isSubset(of: Set(form.cellsByID.keys)))
    }

    @Test(arguments: [(2019, FormVersion.trial2019), (2020, .trial2019), (2021, .revised2021), (2025, .revised2021)])
    func requiredEdition(year: Int, version: FormVersion) {
        #expect(FormVersion.required(forReportYear: year) == version)
        #expect(ReportForm.required(forReportYear: year).version == version)
    }

    @Test func deadlines() {
        #expect(AgencyKind.department.deadline == (1, 31))
        #expect(AgencyKind.government.deadline == (3, 31))
        #expect(AgencyKind(rawValue: "部门") == .department)
        #expect(AgencyKind(rawValue: "人民政府") == .government)
    }

    @Test func stockIsLinkedOnlyBetweenTwoYearsOfThe2021Form() {
        let stock = { (form: ReportForm, previous: FormVersion) in
            form.crossYearLinks(from: previous).filter { if case .stock = $0.kind { true } else { false } }.map(\.cell)
        }
        #expect(stock(.revised2021, .revised2021) == ["active.regulations.in_force", "active.normative_documents.in_force"])
        #expect(stock(.revised2021, .trial2019) == [])
        #expect(stock(.trial2019, .trial2019) == [])
        #expect(ReportForm.revised2021.crossYearLinks(from: .trial2019).count == 7)
    }
}
