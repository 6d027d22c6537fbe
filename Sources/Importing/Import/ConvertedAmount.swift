import Evaluation

/// An amount the import moved to the form's money unit (a heading
/// 资金情况（元） over a form printed in 万元): the text the cell held, the
/// two units and the heading that said so — what `validate --explain`
/// shows between "written" and "read".
package struct ConvertedAmount: Sendable, Equatable {
    package var written: String
    package var from: String
    package var to: String
    package var heading: String
    package var headingPlace: ImportPlace

    /// "按表头“资金情况（元）”（Sheet1!A3）由元准确换算为万元（小数点移位，没有四舍五入）".
    package var message: Message {
        Message(chinese: "按表头“\(heading)”（\(headingPlace.short.chinese)）由\(from)准确换算为\(to)（小数点移位，没有四舍五入）",
                english: "converted exactly from \(from) to \(to) by the heading \(heading) (\(headingPlace.short.english)): the decimal point moved, nothing rounded")
    }
}
