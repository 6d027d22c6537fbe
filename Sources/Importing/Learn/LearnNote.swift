import Evaluation
import Layout

/// What the learner guessed or could not decide, at a cell of the sheet:
/// printed by `formprint layouts learn` so that the person can check the
/// layout file against the template.
package struct LearnNote: Sendable, CustomStringConvertible {
    /// "表1!F12", or the sheet alone.
    package var place: String
    package var message: Message

    package var description: String { Message(chinese: "\(place)：\(message.chinese)", english: "\(place): \(message.english)").text }

    static func newField(_ label: String, key: String, kind: FieldKind, level: FieldLevel) -> Message {
        Message(chinese: "标签“\(label)”不在字段登记中，已声明为新字段\(key)（\(level.chineseName)，\(kind.learnedKindName)）",
                english: "the label '\(label)' is not in the field registry; declared as a new field \(key) (\(level.rawValue), \(kind.rawValue))")
    }

    static func bound(_ label: String, to key: String) -> Message {
        Message(chinese: "标签“\(label)”对应字段\(key)", english: "the label '\(label)' is bound to the field \(key)")
    }

    static func unlabelledValue(_ text: String) -> Message {
        Message(chinese: "“\(text)”左边和上边都没有标签，按固定文字处理；若它是填写的值，请在表样中改为{字段}",
                english: "'\(text)' has no label to its left or above, so it is kept as fixed text; if it is a filled-in value, write it as a {field} in the layout")
    }

    static func block(_ each: String, rows: Int) -> Message {
        Message(chinese: "重复行块\(each)：表头下有\(rows)行同样形状的行", english: "repeated block \(each): \(rows) row\(rows == 1 ? "" : "s") of the header's shape under it")
    }

    static func formula(_ label: String, _ formula: String) -> Message {
        Message(chinese: "“\(label)”按公式计算：\(formula)", english: "'\(label)' is computed by the formula \(formula)")
    }

    static func guessedFormula(_ label: String, _ formula: String) -> Message {
        Message(chinese: "“\(label)”没有写出公式，推定为\(formula)；若不对，请删去该格的formula",
                english: "'\(label)' names no formula; guessed \(formula) — delete the cell's formula if it is wrong")
    }

    static func views(_ label: String) -> Message {
        Message(chinese: "“\(label)”一列写的是比较符（>=、<=、=），该列与其后的指标值、单位列读作同一个指标值的三部分",
                english: "the '\(label)' column holds comparators (>=, <=, =): it and the value and unit columns after it are read as the three parts of one target")
    }

    static func placeholder(_ label: String, _ text: String) -> Message {
        Message(chinese: "“\(label)”一列除合计行外都是“\(text)”，按固定文字处理", english: "the '\(label)' column holds '\(text)' on every row but the total, so it is fixed text")
    }

    static func orientation(landscape: Bool, columns: Int, fromSheet: Bool) -> Message {
        let chinese = landscape ? "横向" : "纵向", english = landscape ? "landscape" : "portrait"
        return fromSheet
            ? Message(chinese: "页面方向取自工作表的页面设置：\(chinese)", english: "page orientation from the sheet's page setup: \(english)")
            : Message(chinese: "工作表没有页面设置，按\(columns)列定为\(chinese)", english: "the sheet sets no orientation; \(english) for \(columns) columns")
    }

    static func document(_ kind: DocumentKind, title: String) -> Message {
        Message(chinese: "由标题“\(title)”定为\(kind.chineseName)", english: "'\(title)' makes it a \(kind.rawValue) form")
    }

    static func titleNotRecognised(_ title: String) -> Message {
        Message(chinese: "标题“\(title)”不是导入能识别的表名（项目支出绩效自评表、部门整体支出绩效自评表等），按该表样导入时表格须以项目名称或部门名称开头",
                english: "the title '\(title)' is not one import recognises (项目支出绩效自评表, 部门整体支出绩效自评表, …); to import by this layout the table must start with 项目名称 or 部门名称")
    }
}

extension FieldKind {
    /// 文本, 金额, … for messages.
    fileprivate var learnedKindName: String {
        switch self {
        case .text: "文本"
        case .money: "金额"
        case .percent: "百分比"
        case .value: "指标值"
        case .number: "数字"
        case .date: "日期"
        case .score: "分值"
        }
    }
}

/// Why no layout could be learned from a sheet.
package struct LearnError: Error, HasMessage {
    package enum Problem: Sendable {
        case noSheet(String, available: [String])
        case noGrid(sheet: String)
        case tooLarge(sheet: String, rows: Int, columns: Int)
        case unknownDocument(sheet: String, title: String)
        /// The layout written did not pass the layout checker: a learner bug.
        case invalid(sheet: String, problems: Message)
    }

    package var problem: Problem

    package var message: Message {
        switch problem {
        case .noSheet(let name, let available):
            Message(chinese: "工作簿中没有工作表“\(name)”；可选：\(available.joined(separator: "、"))",
                    english: "the workbook has no sheet '\(name)'; it has: \(available.joined(separator: ", "))")
        case .noGrid(let sheet):
            Message(chinese: "工作表“\(sheet)”中没有表格（至少一行有两个以上单元格）；请用 --sheet 指定放表样的工作表",
                    english: "the sheet '\(sheet)' holds no table (a row of two or more cells); name the sheet with the template with --sheet")
        case .tooLarge(let sheet, let rows, let columns):
            Message(chinese: "工作表“\(sheet)”的表格有\(rows)行\(columns)列，超出表样的范围；请删去表格以外的内容后再学习",
                    english: "the table of the sheet '\(sheet)' has \(rows) rows and \(columns) columns, more than any form; remove what is not the form and learn again")
        case .unknownDocument(let sheet, let title):
            Message(chinese: "\(sheet)：无法从标题“\(title)”或首个标签判断是项目表还是部门整体表；请在表格上方加一行标题（如“项目支出绩效自评表”）",
                    english: "\(sheet): cannot tell from the title '\(title)' or the first label whether this is a project or a department form; add a title line above the table (e.g. 项目支出绩效自评表)")
        case .invalid(let sheet, let problems):
            Message(chinese: "由工作表“\(sheet)”学得的表样未通过检查（这是FormPrint的缺陷，请报告）：\n\(problems.chinese)",
                    english: "the layout learned from the sheet '\(sheet)' does not pass the layout check (a FormPrint defect; please report it):\n\(problems.english)")
        }
    }

}
