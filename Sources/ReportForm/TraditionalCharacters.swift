extension LabelMatcher {
    /// Traditional forms of the characters that occur in the form's labels and headings,
    /// as seen in reports published with traditional characters (麻阳, 柞水 copies).
    static let traditionalScalars: [UInt32: Unicode.Scalar] = {
        let pairs =
            "開开請请數数結结轉转處处決决況况總总計计與与規规範范許许強强費费復复議议訟讼維维審审機机關关現现製制補补後后"
            + "確确認认訪访舉举報报訴诉類类複复無无當当實实業业學学會会務务權权過过執执檔档項项條条證证國国險险穩稳護护"
            + "產产組组織织發发廢废額额單单萬万採采購购辦办來来據据係系於于應应屬属內内經经這这種种區区將将錄录責责獲获問问"
            + "題题進进須须歸归檢检預预門门樣样個个並并為为對对時时間间覆复裡里圍围儘尽與与雜杂錯错誤误頁页謝谢範范備备閱阅"
            + "體体動动罰罚糾纠繼继續续繳缴納纳詢询減减沒没構构"
        var map: [UInt32: Unicode.Scalar] = [:]
        var iterator = pairs.unicodeScalars.makeIterator()
        while let traditional = iterator.next(), let simplified = iterator.next() {
            map[traditional.value] = simplified
        }
        return map
    }()
}
