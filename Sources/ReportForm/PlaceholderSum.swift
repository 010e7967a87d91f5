/// A narrative placeholder that adds cells up: `{{a + b}}` is the sum of cells `a` and `b`, so a
/// sentence can state a quantity the table prints in several cells (行政诉讼 = 未经复议直接起诉 +
/// 复议后起诉; 予以公开及部分公开 = （一） + （二）) and still follow the table. A placeholder of
/// one id is the one-term case. Documented in docs/cell-ids.md.
public enum PlaceholderSum {
    /// What joins the terms.
    public static let plus: Character = "+"

    /// The cell ids a placeholder's text adds up, spaces ignored: 「a + b」 → [a, b]. An empty
    /// term (「a +」) is kept, empty, so that it is reported as naming no cell.
    public static func terms(_ text: some StringProtocol) -> [CellID] {
        guard text.contains(plus) else { return [String(text.filter { $0 != " " })] }
        return text.split(separator: plus, omittingEmptySubsequences: false).map { String($0.filter { $0 != " " }) }
    }

    /// The placeholder that states the sum of `cells`: 「{{a}}」 or 「{{a + b}}」.
    public static func written(_ cells: [CellID]) -> String {
        "{{" + cells.joined(separator: " \(plus) ") + "}}"
    }
}
