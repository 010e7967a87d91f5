extension FeeStatement {
    /// Whether `text` states the fee, in the words real reports use: any mention of 处理费
    /// (「信息处理费」「信息公开处理费」「收取政府信息公开信息处理费 0 元」), a collection
    /// (「收取…费」: 「共收取费用×元」「未收取任何费用」), or a fee denied (「未发生收费」「均未收费」
    /// 「不收费」「未产生费用」). A table label in the text such as 「逾期未按收费通知要求缴纳费用」
    /// is not a statement: 收费 and 费用 there follow 按 and 缴纳, not a denial.
    /// Callers test first for the bytes of 「费」 (`feeCharacter`): most blocks mention no fee.
    public static func isStated(in text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        for index in scalars.indices where scalars[index] == "费" {
            if index >= 2, scalars[index - 2] == "处", scalars[index - 1] == "理" { return true }  // 处理费
            if collected(before: index, in: scalars) { return true }
            let fee = index > 0 && scalars[index - 1] == "收" ? index - 1 : index  // 收费 or 费(用)
            if denied(before: fee, in: scalars) { return true }
        }
        return false
    }

    /// The character every statement of the fee contains.
    public static let feeCharacter = "费"
    /// What may stand just before 收费 or 费用 in a denial, read backwards from the fee.
    private static let denials: [[Unicode.Scalar]] = [
        "未", "没有", "不", "无", "零", "免", "不予", "未予", "免予", "未发生", "未产生", "没有发生", "没有产生", "未涉及", "不存在", "未有",
        "未发生任何", "未产生任何", "没有任何", "无任何",
    ].map { Array($0.unicodeScalars) }
    /// How far back from 费 a 收取 may stand: 「收取政府信息公开信息处理费」 is ten characters.
    private static let collectionReach = 14
    private static let stops: Set<Unicode.Scalar> = ["。", "；", "，", "、", "：", ";", ",", "\n"]

    /// 收取 within `collectionReach` characters before the 费 at `index`, in the same clause.
    private static func collected(before index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        var position = index - 1
        while position >= 1, index - position <= collectionReach, !stops.contains(scalars[position]) {
            if scalars[position - 1] == "收", scalars[position] == "取" { return true }
            position -= 1
        }
        return false
    }

    /// One of `denials` ending just before `index`.
    private static func denied(before index: Int, in scalars: [Unicode.Scalar]) -> Bool {
        denials.contains { word in
            index >= word.count && scalars[(index - word.count)..<index].elementsEqual(word)
        }
    }
}
