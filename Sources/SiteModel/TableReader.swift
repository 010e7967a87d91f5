import Diagnostics
import ReportForm

/// Reads a `tables.yaml` node tree against one edition of the form, label by label.
struct TableReader {
    let form: ReportForm
    let file: String
    /// Values by cell index; cells made up for a collapsed row (not in the form) go to `extraValues`.
    private(set) var values: [CellValue?]
    private(set) var extraValues: [CellID: CellValue] = [:]
    private(set) var collapsedRows: [String: CellValue] = [:]
    private(set) var tableLocations: [TableID: SourceLocation] = [:]
    private(set) var findings: [Finding] = []
    /// Cells printed blank (null, an empty string, or left out of a row map), in the order read:
    /// unknown, not 0 and not an error (`BlankCells`).
    private(set) var blanks: [(cell: CellSpec, location: SourceLocation)] = []
    /// Labels unknown or belonging to the other edition, and rows missing: how badly the
    /// tables fit this edition. The loader compares it across editions.
    private(set) var mismatches = 0
    private(set) var firstMismatch: SourceLocation?

    init(form: ReportForm, file: String) {
        self.form = form
        self.file = file
        values = Array(repeating: nil, count: form.cells.count)
    }

    mutating func read(_ root: YAMLNode) {
        guard let mapping = root.mapping else {
            findings.append(Rule.yamlShape.finding(
                "tables.yaml 的顶层应当是三个表格（以部分标题为键）", gist: "top level must be a mapping of tables",
                at: location(root)))
            mismatches += 1
            return
        }
        var seen: Set<TableID> = []
        for (key, value) in mapping {
            let label = key.string ?? ""
            let exact = form.tables.first { $0.label.bytesEqual(label) }.map { ($0, LabelMatch.exact) }
            let match = exact ?? form.tables.lazy.compactMap { table -> (FormTable, LabelMatch)? in
                let section = StatutorySection.containing(table.id)
                return LabelMatcher.match(label, canonical: section.heading, variants: section.variants).map { (table, $0) }
            }.first
            guard let (table, labelMatch) = match else {
                unknown(label, at: key, candidates: form.tables.map(\.label), what: "表格")
                continue
            }
            guard seen.insert(table.id).inserted else {
                duplicate(label, at: key)
                continue
            }
            noteVariant(labelMatch, written: label, canonical: table.label, at: key)
            tableLocations[table.id] = location(key)
            readChildren(value, level: RowLevel.table(table.id, of: form), parentLabel: table.label, parentKey: key)
        }
        for table in form.tables where !seen.contains(table.id) {
            missing("缺少表格「\(table.label)」", gist: "table missing", at: SourceLocation(file: file))
        }
    }

    // MARK: - Rows and groups

    private mutating func readChildren(_ node: YAMLNode, level: RowLevel, parentLabel: String, parentKey: YAMLNode) {
        guard let mapping = node.mapping else {
            shape("「\(parentLabel)」下应当是各行的标签", gist: "expected a mapping of rows", at: node)
            return
        }
        let (expected, labels, otherExpected, otherLabels) = (level.nodes, level.labels, level.otherNodes, level.otherLabels)
        var matched = [Bool](repeating: false, count: expected.count)
        for (key, value) in mapping {
            let label = key.string ?? ""
            let found = Self.find(label, labels: labels, in: expected)
            // The other edition's label written exactly is that edition's row, not a misspelling of ours.
            let foreign = found?.1 != .exact && otherLabels.contains { $0.bytesEqual(label) }
            guard let (index, labelMatch) = found, !foreign else {
                if let (otherIndex, _) = Self.find(label, labels: otherLabels, in: otherExpected) {
                    let id = otherExpected[otherIndex].id
                    if let renamed = expected.firstIndex(where: { id != nil && $0.id == id }), !matched[renamed] {
                        // The same row under its new label: one finding, not also a missing row.
                        matched[renamed] = true
                        if case .row(let plan) = level.entries[renamed], RenamedLabels.isRenamed(row: plan.id) {
                            // Only the name changed: the numbers are the row's, kept under the official label.
                            noteVariant(.variant(.renamed), written: label, canonical: labels[renamed], at: key)
                            readRow(value, plan, key: key)
                            continue
                        }
                        outdated("「\(label)」是\(form.version.other.displayName)的写法，\(form.version.displayName)中为「\(labels[renamed])」",
                                 gist: "row renamed in the \(form.version.rawValue) form", at: key)
                    } else {
                        outdated("「\(label)」是\(form.version.other.displayName)的行，\(form.version.displayName)没有这一行",
                                 gist: "row of the \(form.version.other.rawValue) form", at: key)
                    }
                } else {
                    unknown(label, at: key, candidates: labels, what: "行")
                }
                continue
            }
            guard !matched[index] else { duplicate(label, at: key); continue }
            matched[index] = true
            noteVariant(labelMatch, written: label, canonical: labels[index], at: key)
            switch level.entries[index] {
            case .row(let plan):
                readRow(value, plan, key: key)
            case .group(let group, let id, let children, let otherRow):
                if let otherRow, isRow(value, of: group, columns: otherRow.columns) {
                    readCollapsed(value, group: group, groupID: id, key: key)
                } else {
                    readChildren(value, level: children, parentLabel: group.label, parentKey: key)
                }
            }
        }
        for (index, node) in expected.enumerated() where !matched[index] {
            if case .row(let row) = node, row.id == "total" { continue }  // computed from the rows above it
            let extra = if case .group(let group) = node { "及其下 \(group.children.count) 行" } else { "" }
            missing("「\(parentLabel)」下缺少「\(node.label)」\(extra)", gist: "row missing", at: location(parentKey))
        }
    }

    /// The other edition's single row written where this edition has a group of rows.
    private mutating func readCollapsed(_ value: YAMLNode, group: RowGroup, groupID: String, key: YAMLNode) {
        outdated(
            "「\(group.label)」在\(form.version.displayName)中分为 \(group.children.count) 行（"
                + group.children.map(\.label).joined(separator: "；") + "），这里按\(form.version.other.displayName)填成了一行",
            gist: "one row where the \(form.version.rawValue) form has \(group.children.count) sub-rows", at: key)
        guard case .row(let first)? = group.children.first else { return }
        let row = Row(group.id ?? "", group.label, columns: first.columns)
        var scratch = TableReader(form: form, file: file)
        scratch.readRow(value, RowLevel.RowPlan(row: row, id: groupID, form: form, otherColumns: []), key: key)
        findings += scratch.findings.filter { $0.rule != Rule.cellMissing.id }
        blanks += scratch.blanks
        for (id, cellValue) in scratch.extraValues { collapsedRows[id] = cellValue }
    }

    /// Whether `value`, written where this edition has `group`, is one row of cells instead:
    /// a sequence, or a mapping by column label rather than by the group's row labels.
    private func isRow(_ value: YAMLNode, of group: RowGroup, columns: [Column]) -> Bool {
        guard let mapping = value.mapping else { return true }
        let writesRows = mapping.contains { key, _ in group.children.contains { $0.label.bytesEqual(key.string ?? "") } }
        return !writesRows && isColumnMapping(mapping, columns)
    }

    private func isColumnMapping(_ mapping: [(key: YAMLNode, value: YAMLNode)], _ columns: [Column]) -> Bool {
        let labels = columns.map(\.label)
        return mapping.allSatisfy { key, _ in Self.find(key.string ?? "", labels: labels, in: columns) != nil }
    }

    // MARK: - Cells

    private mutating func readRow(_ value: YAMLNode, _ plan: RowLevel.RowPlan, key: YAMLNode) {
        let (row, specs, otherColumns) = (plan.row, plan.cells, plan.otherColumns)
        if let sequence = value.sequence {
            let columns = row.columns
            let withoutTotal = columns.last?.isTotal == true ? columns.count - 1 : columns.count
            guard sequence.count == columns.count || sequence.count == withoutTotal else {
                shape(
                    "「\(row.label)」应有 \(columns.count) 个数（" + columns.map(\.label).joined(separator: "，")
                        + "），实有 \(sequence.count) 个",
                    gist: "row has \(sequence.count) values, expected \(columns.count)", at: value)
                return
            }
            for index in 0..<min(specs.count, sequence.count) { readCell(sequence[index], specs, index) }
            return
        }
        guard let mapping = value.mapping else {
            shape("「\(row.label)」应当是按列顺序的数组或按列标签的映射", gist: "row must be a sequence or mapping", at: value)
            return
        }
        let labels = plan.columnLabels
        var matched = [Bool](repeating: false, count: labels.count)
        for (columnKey, cell) in mapping {
            let label = columnKey.string ?? ""
            let found = Self.find(label, labels: labels, in: row.columns)
            let foreign = found?.1 != .exact && otherColumns.contains { $0.label.bytesEqual(label) }
            guard let (index, labelMatch) = found, !foreign else {
                if let (other, _) = Self.find(label, labels: otherColumns.map(\.label), in: otherColumns),
                    let renamed = row.columns.firstIndex(where: { $0.id == otherColumns[other].id }), !matched[renamed],
                    RenamedLabels.isRenamed(cell: specs[renamed].id)
                {
                    // The same column under its new label: its number is kept.
                    matched[renamed] = true
                    noteVariant(.variant(.renamed), written: label, canonical: labels[renamed], at: columnKey)
                    readCell(cell, specs, renamed)
                } else if Self.find(label, labels: otherColumns.map(\.label), in: otherColumns) != nil {
                    outdated("「\(label)」是\(form.version.other.displayName)的列，\(form.version.displayName)没有这一列",
                             gist: "column of the \(form.version.other.rawValue) form", at: columnKey)
                } else {
                    unknown(label, at: columnKey, candidates: labels, what: "列")
                }
                continue
            }
            guard !matched[index] else { duplicate(label, at: columnKey); continue }
            matched[index] = true
            noteVariant(labelMatch, written: label, canonical: labels[index], at: columnKey)
            readCell(cell, specs, index)
        }
        for (index, column) in row.columns.enumerated() where !matched[index] && !column.isTotal {
            // A cell left out of the row is printed blank; it still tells which edition this is not.
            blanks.append((specs[index], location(key)))
            mismatch(at: location(key))
        }
    }

    /// Reads the cell `specs[position]`; the spec is not copied out on the common path, where
    /// copying its labels and ids cost more than reading the number.
    private mutating func readCell(_ node: YAMLNode, _ specs: [CellSpec], _ position: Int) {
        let at = location(node)
        if case .scalar(let text, true, _) = node, let number = CellValueParser.plainInteger(text) {
            let scale = specs[position].kind.scale
            var minorUnits = number
            for _ in 0..<scale { minorUnits *= 10 }
            let index = specs[position].index
            let value = CellValue(minorUnits: minorUnits, scale: scale, location: at, decimals: 0)
            if index >= 0 { values[index] = value } else { extraValues[specs[position].id] = value }
            return
        }
        let cell = specs[position]
        if node.isScalar, CellValueParser.isBlank(node.isNullLike ? nil : node.string) {
            blanks.append((cell, at))
            return
        }
        guard node.isScalar else {
            findings.append(Rule.cellValue.finding(
                "「\(cell.displayName)」应当是一个数字", gist: "cell must be a single number", at: at, cell: cell.id))
            return
        }
        switch CellValueParser.parse(node.isNullLike ? nil : node.string, kind: cell.kind, cell: cell, at: at) {
        case .value(let number, let decimals, let warning):
            let value = CellValue(minorUnits: number, scale: cell.kind.scale, location: at, decimals: decimals)
            if cell.index >= 0 { values[cell.index] = value } else { extraValues[cell.id] = value }
            if let warning { findings.append(warning) }
        case .invalid(let finding):
            findings.append(finding)
        }
    }

    // MARK: - Findings

    /// The candidate `label` names: exactly (searched in `labels`, the candidates' labels), else
    /// as a variant.
    private static func find(_ label: String, labels: [String], in candidates: [some Labelled]) -> (Int, LabelMatch)? {
        // Almost every label is written exactly; byte equality finds it without normalising anything.
        if let index = labels.firstIndex(where: { $0.bytesEqual(label) }) { return (index, .exact) }
        var variant: (Int, LabelMatch)?
        for (index, candidate) in candidates.enumerated() {
            guard let match = LabelMatcher.match(label, canonical: candidate.label, variants: candidate.variants) else {
                continue
            }
            if match == .exact { return (index, match) }
            if variant == nil { variant = (index, match) }
        }
        return variant
    }

    private func location(_ node: YAMLNode) -> SourceLocation { node.location(in: file) }

    private mutating func noteVariant(_ match: LabelMatch, written: String, canonical: String, at key: YAMLNode) {
        guard case .variant(let kind) = match else { return }
        findings.append(Rule.labelVariant.finding(
            "「\(written)」应写作「\(canonical)」（\(kind.description)）", gist: "non-canonical label (\(kind.rawValue))",
            at: location(key), expected: canonical, found: written, hint: "改为规范标签「\(canonical)」。"))
    }

    private mutating func unknown(_ label: String, at key: YAMLNode, candidates: [String], what: String) {
        let suggestion = LabelMatcher.suggestion(for: label, among: candidates)
        findings.append(Rule.cellUnknown.finding(
            "无法识别的\(what)「\(label)」", gist: "unknown label", at: location(key), found: label,
            hint: suggestion.map { "您是否想写「\($0)」？" } ?? "可用的标签：" + candidates.joined(separator: "、")))
        mismatch(at: location(key))
    }

    private mutating func outdated(_ message: String, gist: String, at key: YAMLNode) {
        findings.append(Rule.formOutdatedRow.finding(message, gist: gist, at: location(key),
                                                     hint: "按\(form.version.displayName)填写；`nianbao new` 可生成本年度的模板。"))
        mismatch(at: location(key))
    }

    private mutating func missing(_ message: String, gist: String, at location: SourceLocation, cell: CellID? = nil) {
        findings.append(Rule.cellMissing.finding(message, gist: gist, at: location, cell: cell, hint: "没有发生的填 0，不能删去。"))
        mismatch(at: location)
    }

    private mutating func duplicate(_ label: String, at key: YAMLNode) {
        shape("「\(label)」重复出现", gist: "duplicate label", at: key)
    }

    private mutating func shape(_ message: String, gist: String, at node: YAMLNode) {
        findings.append(Rule.yamlShape.finding(message, gist: gist, at: location(node)))
        mismatch(at: location(node))
    }

    private mutating func mismatch(at location: SourceLocation) {
        mismatches += 1
        if firstMismatch == nil { firstMismatch = location }
    }
}
