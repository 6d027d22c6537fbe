import Evaluation
import InputReading

/// Why an input could not be imported, written for the person who has to
/// fix the file: what is wrong, where, and what to do. `message` is the
/// type's catalogue of sentences, in Chinese and English.
package struct ImportError: Error, Sendable, Equatable, HasMessage {
    package enum Problem: Sendable, Equatable {
        case unreadable(Message)
        /// Neither UTF-8, UTF-16 with a byte-order mark, nor GB18030.
        case unknownTextEncoding
        case binaryNotText
        /// Not a ZIP container, or a damaged one.
        case corruptWorkbook(Message)
        /// An encrypted OLE container: a workbook saved with a password.
        case passwordProtectedWorkbook
        /// An OLE container without encryption: the old binary .xls format.
        case legacyExcelFormat
        case workbookTooLarge(Message)
        /// A binary .xls workbook that libfreexl or the BIFF scan cannot read.
        case corruptLegacyWorkbook(Message)
        /// A .docx that is not a readable Word document.
        case corruptDocument(Message)
        case documentTooLarge(Message)
        /// A format FormPrint refuses before parsing (.et, .doc, .pdf, …).
        case unsupportedFormat(UnsupportedFormat)
        /// A table's header lacks columns the form needs. `table` names the
        /// form (and the layout it was read by, or came closest to).
        case missingColumns(table: Message, missing: [String], found: [String])
        /// Nothing in the file looks like one of the forms.
        case noRecognisableForm(details: [Message])
        /// A form whose title says what it is, but that no layout fits
        /// well: the closest layouts, with what each lacks.
        case noLayoutFits(kind: DocumentKind, closest: [LayoutFit])
        /// A second copy of a document that a unit has only once.
        case duplicateDocument(DocumentKind, first: ImportPlace)
        case unknownYear
        case unknownUnitName
        /// Cells that hold data but fit nowhere (an error unless `--lenient`;
        /// for `import`, with `--strict`).
        case unplacedCells([ImportNote])
        /// The unit file `import` would write is its own input.
        case wouldOverwriteInput
        /// The form's headings name different money units (资金情况（元） and
        /// 年初预算数（万元）): which one its amounts are in cannot be told.
        case amountUnitsDisagree([AmountHeading])
        /// An amount under a heading in another money unit that is not a
        /// plain number, so it cannot be converted exactly.
        case amountNotConvertible(value: String, from: String, to: String, heading: AmountHeading)
    }

    /// A heading that names a money unit, where it is.
    package struct AmountHeading: Sendable, Equatable {
        package var text: String
        package var unit: String
        package var place: ImportPlace
    }

    /// How close a form came to one layout: its labels found of those
    /// expected, and the labels it lacks.
    package struct LayoutFit: Sendable, Equatable {
        package var layout: String
        package var matched: Int
        package var expected: Int
        package var missing: [String]
    }

    package var problem: Problem
    package var place: ImportPlace

    package init(_ problem: Problem, at place: ImportPlace) {
        self.problem = problem
        self.place = place
    }

    package var message: Message {
        let at = place.description
        switch problem {
        case .unreadable(let reason):
            return .cannotRead(at: at, reason)
        case .unknownTextEncoding:
            return .error(at: at, chinese: "文本既不是UTF-8、UTF-16（带字节顺序标记）也不是GB18030；请另存为UTF-8文本。",
                          english: "the text is neither UTF-8, UTF-16 (with a byte-order mark) nor GB18030; save it as UTF-8 text.")
        case .binaryNotText:
            return .error(at: at, chinese: "这不是FormPrint能导入的文本文件或工作簿（含二进制数据）；请导入.txt/.tsv文本、.xlsx/.xls工作簿或.docx文档。",
                          english: "this is not a text file or workbook FormPrint can import (it holds binary data); import .txt/.tsv text, .xlsx/.xls workbooks or .docx documents.")
        case .corruptWorkbook(let reason):
            return .error(at: at, chinese: "工作簿已损坏或不是.xlsx文件（\(reason.chinese)）；请在Excel或WPS中打开并另存为.xlsx。",
                          english: "the workbook is damaged or not an .xlsx file (\(reason.english)); open it in Excel or WPS and save it again as .xlsx.")
        case .passwordProtectedWorkbook:
            return .error(at: at,
                chinese: "工作簿设有密码（已加密）；请在Excel或WPS中打开，取消密码（文件 → 信息 → 保护工作簿 → 用密码进行加密）后另存为.xlsx。",
                english: "the workbook is password-protected (encrypted); open it in Excel or WPS, remove the password (文件 → 信息 → 保护工作簿 → 用密码进行加密) and save it as .xlsx.")
        case .legacyExcelFormat:
            return .error(at: at, chinese: "这是旧版二进制Excel工作簿（.xls）；请在Excel或WPS中打开并另存为.xlsx（Excel 工作簿）。",
                          english: "this is an old binary Excel workbook (.xls); open it in Excel or WPS and save it as .xlsx (Excel 工作簿).")
        case .corruptLegacyWorkbook(let reason):
            return .error(at: at, chinese: "旧版Excel工作簿（.xls）已损坏，无法读取（\(reason.chinese)）；请在Excel或WPS中打开，另存为.xlsx后再导入。",
                          english: "the old Excel workbook (.xls) is damaged and cannot be read (\(reason.english)); open it in Excel or WPS, save it as .xlsx and import that.")
        case .corruptDocument(let reason):
            return .error(at: at, chinese: "Word文档已损坏或不是.docx文件（\(reason.chinese)）；请在Word或WPS文字中打开并另存为.docx。",
                          english: "the Word document is damaged or not a .docx file (\(reason.english)); open it in Word or WPS 文字 and save it again as .docx.")
        case .documentTooLarge(let reason):
            return .error(at: at, chinese: "Word文档过大，不像是自评表或自评报告（\(reason.chinese)）。",
                          english: "the Word document is too large to be a self-evaluation form or report (\(reason.english)).")
        case .unsupportedFormat(let format):
            return .error(at: at, chinese: format.message.chinese, english: format.message.english)
        case .workbookTooLarge(let reason):
            return .error(at: at, chinese: "工作簿过大，不像是自评表（\(reason.chinese)）。",
                          english: "the workbook is too large to be a self-evaluation form (\(reason.english)).")
        case .missingColumns(let table, let missing, let found):
            let one = missing.count == 1
            return .error(at: at,
                chinese: "\(table.chinese)的表头缺少“\(missing.joined(separator: "”“"))”列（"
                    + (found.isEmpty ? "没有找到列标题" : "只找到" + found.joined(separator: "、")) + "）；请按官方表样添加缺少的列及其标题。",
                english: "the \(table.english) header lacks the column\(one ? "" : "s") \(missing.joined(separator: ", ")) (found "
                    + (found.isEmpty ? "no column labels" : "only " + found.joined(separator: ", "))
                    + "); add the missing column\(one ? "" : "s") with \(one ? "its" : "their") label as in the official form.")
        case .noRecognisableForm(let details):
            return .error(at: at,
                chinese: "没有可识别的表：应有“项目支出绩效自评表”“部门整体支出绩效自评表”或“部门整体支出绩效自评报告”之类的标题，或首行为“项目名称”或“部门名称”"
                    + (details.isEmpty ? "" : "（" + details.map(\.chinese).joined(separator: "；") + "）") + "。",
                english: "no recognisable form: expected a title such as 项目支出绩效自评表, 部门整体支出绩效自评表 or 部门整体支出绩效自评报告, or a first row labelled 项目名称 or 部门名称"
                    + (details.isEmpty ? "" : " (" + details.map(\.english).joined(separator: "; ") + ")") + ".")
        case .noLayoutFits(let kind, let closest):
            let chinese = closest.map { fit in
                "表样\(fit.layout)（\(fit.expected)个标签中\(fit.matched)个在位" + (fit.missing.isEmpty ? "" : "，缺少“" + fit.missing.joined(separator: "”“") + "”") + "）"
            }.joined(separator: "；")
            let english = closest.map { fit in
                "layout \(fit.layout) (\(fit.matched) of \(fit.expected) labels in place" + (fit.missing.isEmpty ? "" : "; lacks " + fit.missing.joined(separator: ", ")) + ")"
            }.joined(separator: "; ")
            return .error(at: at,
                chinese: "这份\(kind.chineseName)与各表样都不吻合" + (closest.isEmpty ? "" : "，最接近的是：" + chinese)
                    + "。若是本省自己的表样，请用 formprint layouts learn 本省模板.xlsx -o 表样文件夹 生成表样，再用 --layouts 表样文件夹 导入。",
                english: "this \(kind.chineseName) fits no layout" + (closest.isEmpty ? "" : "; the closest are " + english)
                    + ". If it is your province's own form, make a layout from its template with formprint layouts learn TEMPLATE.xlsx -o FOLDER and import with --layouts FOLDER.")
        case .duplicateDocument(let kind, let first):
            return .error(at: at,
                chinese: "又一份\(kind.chineseName)（第一份在\(first.short.chinese)）；一个单位文件每个单位只有一份——请把输入拆成每个单位一个文件。",
                english: "a second \(kind.chineseName) (the first is at \(first.short.english)); a unit file holds one per unit — split the input into one file per unit.")
        case .unknownYear:
            return .error(at: at,
                chinese: "无法确定评价年度：没有（2024年度）这样的标题行，项目或任务名称中也没有2024年这样的年份；请用 --year 年度 指定。",
                english: "cannot tell the evaluated year: no title line like （2024年度） and no year such as 2024年 in a project or task name; pass --year YEAR.")
        case .unknownUnitName:
            return .error(at: at, chinese: "无法确定单位名称：没有找到“部门名称”或“实施单位”；请用 --unit 名称 指定。",
                          english: "cannot tell the unit's name: no 部门名称 or 实施单位 was found; pass --unit NAME.")
        case .unplacedCells(let notes):
            let more = notes.count - 20
            return .error(at: at,
                chinese: "\(notes.count)个单元格有内容，但不属于所识别表格的任何字段：" + notes.prefix(20).map { "\n  \($0.message(in: .chinese))" }.joined()
                    + (more > 0 ? "\n  ……另有\(more)个" : "")
                    + "\n请把它们移到表格的栏目中或删除；若只想作为提示：validate、render、batch 加 --lenient，import 不加 --strict。",
                english: "\(notes.count) cell\(notes.count == 1 ? "" : "s") fit no field of the recognised forms:" + notes.prefix(20).map { "\n  \($0.message(in: .english))" }.joined()
                    + (more > 0 ? "\n  … and \(more) more" : "")
                    + "\nMove them into the form's columns or delete them; to have them as notes instead, pass --lenient to validate, render or batch, or import without --strict.")
        case .wouldOverwriteInput:
            return .error(at: at, chinese: "导入的单位文件会覆盖它自己的输入；请用 -o 另选文件夹。",
                          english: "the unit file would overwrite its own input; choose another folder with -o")
        case .amountUnitsDisagree(let headings):
            let chinese = headings.map { "“\($0.text.trimmedCell)”（\($0.place.short.chinese)）" }.joined(separator: "、")
            let english = headings.map { "\($0.text.trimmedCell) (\($0.place.short.english))" }.joined(separator: ", ")
            return .error(at: at,
                chinese: "表头的金额单位不一致：\(chinese)；无法确定金额是以哪个单位填写的。请把这些表头改为同一个单位（与金额实际所用的单位一致）后重新导入。",
                english: "the headings name different money units: \(english); which unit the amounts are in cannot be told. Make the headings name one unit (the one the amounts are written in) and import again.")
        case .amountNotConvertible(let value, let from, let to, let heading):
            return .error(at: at,
                chinese: "金额“\(value)”不是一个数，无法从\(from)准确换算为表样的\(to)（表头“\(heading.text.trimmedCell)”在\(heading.place.short.chinese)说金额以\(from)填写）。请改为数字，或把金额换算为\(to)并把表头改为（\(to)）。",
                english: "the amount \(value) is not a number, so it cannot be converted exactly from \(from) to the layout's \(to) (the heading \(heading.text.trimmedCell) at \(heading.place.short.english) says the amounts are in \(from)). Write it as a number, or convert the amounts to \(to) and make the heading say (\(to)).")
        }
    }
}
