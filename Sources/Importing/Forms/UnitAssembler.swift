import Evaluation
import InputReading
import Layout

/// Collects the documents of one input into a unit: reads each form table
/// and the report, reports every cell left over, and decides the unit's
/// name and year from the strongest clue (saying which one it took).
struct UnitAssembler {
    var context: ReadingContext
    private var projects: [Project] = []
    private var department: (value: DepartmentEvaluation, place: ImportPlace)?
    private var report: (value: Report, place: ImportPlace)?
    private var signatures = Signatures()
    private var documents: [RecognisedDocument] = []
    /// The layouts forms are recognised by, as the importer reads them, and
    /// the one each kind matched.
    private let templates: [FormTemplate]
    private var chosenLayouts: [DocumentKind: String] = [:]
    /// The amounts moved to the form's money unit, by the field they became.
    private var conversions: [FieldPath: ConvertedAmount] = [:]

    /// The share of a layout's labels a form must show to be read as it.
    static let recognitionThreshold = 0.6

    init(file: String, layouts: [LayoutSpec]) throws {
        context = ReadingContext(file: file)
        let registry = try FieldRegistryReader.standard()
        templates = layouts.compactMap { FormTemplate($0, registry: registry) }
    }

    /// The first labels of forms without a title line, for finding where
    /// such a form starts.
    var starts: FormStarts { FormStarts(templates) }

    mutating func read(_ table: FormTable) throws {
        context.use(table.title)
        if let title = table.title, let year = FormTitle.year(in: title.text) {
            context.evidence.year(year, rank: ClueRank.formHeader, source: Message(chinese: "标题“\(title.text)”", english: "the title \(title.text)"), at: title.place)
        }
        let readings = templates.filter { $0.layout.document == table.kind }.map { LayoutFormReading($0, table: table) }
        // The reading that fits best: the most labels in place, then the
        // best-placed cells (labels with their exact (A)/(B/A) text, values
        // of the right kind under the right header, nothing left over).
        let ranked = readings.sorted { a, b in
            a.fraction != b.fraction ? a.fraction > b.fraction : a.score > b.score
        }
        // A form that fits its layout well is read; so is a part of a form
        // most of whose cells found their place (the rest of the layout is
        // named as missing, the cells left over as unplaced). Only a form
        // that fits no layout and leaves much of itself over is refused.
        guard let best = ranked.first, best.matched > 0,
              best.fraction >= Self.recognitionThreshold || leftOver(table, after: best) * 2 <= best.used.count else {
            throw ImportError(.noLayoutFits(kind: table.kind, closest: ranked.prefix(2).map { reading in
                ImportError.LayoutFit(layout: reading.layoutID, matched: reading.matched, expected: reading.expected,
                                      missing: Array(reading.missing.prefix(8)))
            }), at: table.place)
        }
        context.note(.inferred, table.place, Message(
            chinese: "\(table.kind.chineseName)按表样\(best.layoutID)读取：其\(best.expected)个标签中有\(best.matched)个在位",
            english: "the \(table.kind.chineseName) is read as layout \(best.layoutID): \(best.matched) of \(best.expected) of its labels are in place"))
        if !best.missing.isEmpty {
            let list = best.missing.map { "“\($0)”" }.joined(separator: "、")
            let english = best.missing.joined(separator: ", ")
            context.note(.inferred, table.place, Message(
                chinese: "表中没有表样\(best.layoutID)的\(list)；这些栏目留空",
                english: "the form lacks \(english) of layout \(best.layoutID); those cells are left empty"))
        }
        if best.layoutID != LayoutDefaults.layouts[table.kind] { chosenLayouts[table.kind] = best.layoutID }
        try apply(best, table, others: Array(ranked.dropFirst()))
    }

    /// The cells of `table` that `reading` leaves without a place, apart
    /// from the lines every form may carry (signatures, 单位：万元, 填报单位).
    private func leftOver(_ table: FormTable, after reading: LayoutFormReading) -> Int {
        var scratch = context
        return table.rows.filter { row in
            !SignatureLine.isSignatureRow(row) && !(row.cells.count == 1 && (FormTitle.isYearLine(row.cells[0].text) || FormTitle.kind(of: row.cells[0].text) != nil))
                && !CommonRows.read(row, &scratch)
        }.reduce(0) { count, row in count + row.cells.filter { !reading.usedIDs.contains($0.id) }.count }
    }

    /// A project form read: what is left of its table is reported, and the
    /// form listed among the documents recognised.
    private mutating func add(_ project: Project, from table: FormTable, layout: String?) {
        context.reportUnused(table.rows, in: Message(chinese: "位于项目支出绩效自评表“\(project.name)”中", english: "in the 项目支出绩效自评表 \(project.name)"))
        projects.append(project)
        let indicators = project.indicators.flatMap(\.subcategories).flatMap(\.indicators).count
        documents.append(RecognisedDocument(kind: .project, place: table.place, summary: Message(
            chinese: "\(project.name)：资金\(project.funds.count)行，指标\(indicators)个" + (layout.map { "（表样\($0)）" } ?? ""),
            english: "\(project.name): \(project.funds.count) funds rows, \(indicators) indicators" + (layout.map { " (layout \($0))" } ?? ""))))
    }

    private mutating func add(_ value: DepartmentEvaluation, from table: FormTable, layout: String?) {
        context.reportUnused(table.rows, in: Message(chinese: "位于部门整体支出绩效自评表中", english: "in the 部门整体支出绩效自评表"))
        department = (value, table.place)
        let indicators = value.indicators.flatMap(\.subcategories).flatMap(\.indicators).count
        let funds = value.funds.isEmpty ? "" : "\(value.funds.count) funds rows, "
        documents.append(RecognisedDocument(kind: .department, place: table.place, summary: Message(
            chinese: "\(value.name)：" + (value.funds.isEmpty ? "" : "资金\(value.funds.count)行，") + "任务\(value.tasks.count)项，指标\(indicators)个"
                + (layout.map { "（表样\($0)）" } ?? ""),
            english: "\(value.name): \(funds)\(value.tasks.count) task\(value.tasks.count == 1 ? "" : "s"), \(indicators) indicators"
                + (layout.map { " (layout \($0))" } ?? ""))))
    }

    /// A form read by its layout: every cell the layout places is in the
    /// unit; every other cell of the table is reported as unplaced.
    private mutating func apply(_ reading: LayoutFormReading, _ table: FormTable, others: [LayoutFormReading]) throws {
        var reading = reading
        try convertAmounts(&reading, table)
        for cell in reading.used { context.use(cell) }
        context.notes += reading.notes
        // Never a silent downgrade: a cell this layout leaves over that
        // another layout would print is named with that layout.
        for row in table.rows where !SignatureLine.isSignatureRow(row) {
            for cell in row.cells where !context.used.contains(cell.id) {
                guard let other = others.first(where: { $0.fraction >= Self.recognitionThreshold && $0.usedIDs.contains(cell.id) }) else { continue }
                context.use(cell)
                context.note(.unplaced, cell.place, Message(
                    chinese: "“\(ReadingContext.excerpt(cell.text))”不在表样\(reading.layoutID)的栏目中，表样\(other.layoutID)可以打印它；请在单位文件中写 layouts: {\(table.kind.rawValue): \(other.layoutID)}，或用 --layout \(table.kind.rawValue)=\(other.layoutID)",
                    english: "\"\(ReadingContext.excerpt(cell.text))\" has no place in layout \(reading.layoutID); layout \(other.layoutID) prints it — name it in the unit file (layouts: {\(table.kind.rawValue): \(other.layoutID)}) or pass --layout \(table.kind.rawValue)=\(other.layoutID)"))
            }
        }
        // Signature lines and the rows every form may carry ("单位：万元",
        // "填报单位：…") are read as for any form.
        for row in table.rows where !row.cells.allSatisfy({ context.used.contains($0.id) }) {
            if SignatureLine.isSignatureRow(row) { SignatureLine.read(row, into: &signatures, &context) } else { _ = CommonRows.read(row, &context) }
        }
        if let (year, cell) = reading.year {
            context.evidence.year(year, rank: ClueRank.declared, source: Message(chinese: "“\(cell.text.trimmedCell)”一行", english: "the line \(cell.text.trimmedCell)"), at: cell.place)
        }
        for key in Signatures.typedKeys + reading.signatures.extra.keys.sorted() where !reading.signatures.value(key).isEmpty {
            signatures.setValue(reading.signatures.value(key), key)
        }
        switch table.kind {
        case .project:
            let project = reading.project
            guard !project.name.isEmpty else {
                throw ImportError(.missingColumns(table: Message(chinese: "项目支出绩效自评表（表样\(reading.layoutID)）", english: "项目支出绩效自评表 (layout \(reading.layoutID))"),
                                                  missing: ["项目名称"], found: []), at: table.place)
            }
            context.evidence.name(project.implementingUnit.replacingOccurrences(of: "（盖章）", with: ""), rank: ClueRank.formField,
                                  source: .label("实施单位"), at: reading.places["project.implementingUnit"]?.place ?? table.place)
            context.evidence.yearMentioned(in: project.name, rank: ClueRank.formField, source: .label("项目名称 \(project.name)"),
                                           at: reading.places["project.name"]?.place ?? table.place)
            add(project, from: table, layout: reading.layoutID)
        case .department:
            if let first = department { throw ImportError(.duplicateDocument(.department, first: first.place), at: table.place) }
            let value = reading.department
            guard !value.name.isEmpty else {
                throw ImportError(.missingColumns(table: Message(chinese: "部门整体支出绩效自评表（表样\(reading.layoutID)）", english: "部门整体支出绩效自评表 (layout \(reading.layoutID))"),
                                                  missing: ["部门名称"], found: []), at: table.place)
            }
            context.evidence.name(value.name, rank: ClueRank.formHeader, source: .label("部门名称"), at: reading.places["department.name"]?.place ?? table.place)
            add(value, from: table, layout: reading.layoutID)
        case .report:
            break
        }
    }

    /// Amounts written in another money unit than the layout prints (a
    /// heading 资金情况（元）, a line 单位：元) converted exactly to it, with a
    /// note naming the heading; refused when the headings disagree.
    private mutating func convertAmounts(_ reading: inout LayoutFormReading, _ table: FormTable) throws {
        var headings = reading.amountHeadings
        for row in table.rows {
            for cell in row.cells where !reading.usedIDs.contains(cell.id) && AmountUnitHeadings.isUnitLine(cell.text) { headings.consider(cell) }
        }
        let printed = AmountUnitHeadings.printedUnit(of: reading.template)
        func described(_ mention: AmountUnitHeadings.Mention) -> ImportError.AmountHeading {
            ImportError.AmountHeading(text: mention.cell.text, unit: mention.unit.symbol, place: mention.cell.place)
        }
        switch headings.decision(printed: printed) {
        case .asPrinted:
            return
        case .conflict(let mentions):
            throw ImportError(.amountUnitsDisagree(mentions.map(described)), at: table.place)
        case .convert(let from, let heading):
            let keys = reading.template.fundsAmountKeys.sorted()
            var converted = 0
            // The paths the rows take in the unit: this project is appended next.
            func convert(_ rows: inout [FundsRow], at base: FieldPath) throws {
                for index in rows.indices {
                    for key in keys {
                        let written = rows[index].value(key).trimmedCell
                        guard !written.isEmpty, !WrittenValueParser.placeholders.contains(written) else { continue }
                        guard let amount = AmountConversion.convert(written, from: from, to: printed) else {
                            throw ImportError(.amountNotConvertible(value: written, from: from.symbol, to: printed.symbol,
                                                                    heading: described(.init(unit: from, cell: heading))), at: table.place)
                        }
                        rows[index].setValue(amount, key)
                        conversions[base.appending(index).appending(key: key)] = ConvertedAmount(
                            written: written, from: from.symbol, to: printed.symbol, heading: heading.text.trimmedCell, headingPlace: heading.place)
                        converted += 1
                    }
                }
            }
            try convert(&reading.project.funds, at: FieldPath("projects").appending(projects.count).appending("funds"))
            try convert(&reading.department.funds, at: FieldPath("department").appending("funds"))
            guard converted > 0 else { return }
            context.note(.repaired, heading.place, Message(
                chinese: "表头“\(heading.text.trimmedCell)”说金额以\(from.symbol)填写，表样按\(printed.symbol)打印：\(converted)个金额已按小数点移位准确换算为\(printed.symbol)（没有四舍五入）；请核对",
                english: "the heading \(heading.text.trimmedCell) says the amounts are in \(from.symbol) and the layout prints \(printed.symbol): \(converted) amounts were converted exactly to \(printed.symbol) (the decimal point moved, nothing rounded); check them"))
        }
    }

    mutating func readReport(title: GridCell, lines: [TextLine]) throws {
        if let first = report { throw ImportError(.duplicateDocument(.report, first: first.place), at: title.place) }
        context.use(title)
        if let year = FormTitle.year(in: title.text) {
            context.evidence.year(year, rank: ClueRank.report, source: Message(chinese: "报告标题“\(title.text)”", english: "the report title \(title.text)"), at: title.place)
        }
        let value = ReportParser.parse(title: title.text.trimmedCell, lines: lines, &context)
        report = (value, title.place)
        func count(_ sections: [ReportSection]) -> (sections: Int, paragraphs: Int) {
            sections.reduce((sections.count, 0)) { total, section in
                let inner = count(section.sections)
                return (total.0 + inner.sections, total.1 + section.paragraphs.count + inner.paragraphs)
            }
        }
        let (sections, paragraphs) = count(value.sections)
        documents.append(RecognisedDocument(kind: .report, place: title.place, summary: Message(
            chinese: "一级标题\(value.sections.count)个，标题共\(sections)个，段落\(paragraphs)个",
            english: "\(value.sections.count) top-level sections, \(sections) headings, \(paragraphs) paragraphs")))
    }

    /// Rows outside every form: year and unit lines and signature lines are
    /// read; anything else is reported.
    mutating func readLoose(_ rows: [GridRow], where description: Message) {
        for row in rows {
            if CommonRows.read(row, &context) { continue }
            if SignatureLine.isSignatureRow(row) {
                SignatureLine.read(row, into: &signatures, &context)
                continue
            }
            context.reportUnused([row], in: description)
        }
    }

    var isEmpty: Bool { documents.isEmpty }

    /// Notes on text sorted by line (the readers visit tables, report and
    /// loose rows in turn); notes on workbook cells keep their reading order.
    private static func inFileOrder(_ notes: [ImportNote]) -> [ImportNote] {
        func key(_ note: ImportNote) -> (Int, Int) {
            if case .text(_, let line, let column) = note.place { return (line, column) }
            return (0, 0)
        }
        return notes.enumerated().sorted { a, b in
            let (ka, kb) = (key(a.element), key(b.element))
            return ka != kb ? ka < kb : a.offset < b.offset
        }.map(\.element)
    }

    /// The optional title lines of the layouts the forms were read with
    /// (吉林's （{year}年度）) that the officer's own form has: the printed
    /// form then keeps them, as the officer wrote it. Each is noted.
    func optionalLinesFound(year: Int, name: String, _ context: inout ReadingContext) -> Set<String> {
        let written = Dictionary(context.usedCells.map { (Label.normalise($0.text), $0) }, uniquingKeysWith: { first, _ in first })
        var lines: Set<String> = []
        for document in Set(documents.map(\.kind)) {
            let id = chosenLayouts[document] ?? LayoutDefaults.layouts[document]
            guard let template = templates.first(where: { $0.layout.id == id }), case .table(let table) = template.layout.body else { continue }
            for line in table.title + table.continuedTitle {
                guard let optional = line.optionalName, !lines.contains(optional) else { continue }
                // The line as it prints for this unit; a line naming another field is not compared.
                var text = ""
                for part in line.text.parts {
                    switch part {
                    case .literal(let literal): text += literal
                    case .field(let field) where field.scope == .year: text += String(year)
                    case .field(let field) where field.scope == .unit: text += name
                    case .field: text = ""
                    }
                }
                guard !text.isEmpty, let cell = written[Label.normalise(text)] else { continue }
                lines.insert(optional)
                context.note(.inferred, cell.place, Message(
                    chinese: "原表有“\(cell.text.trimmedCell)”一行，打印时照印（单位文件记为 lines: [\(optional)]）",
                    english: "the form has the line \(cell.text.trimmedCell), so it prints too (recorded as lines: [\(optional)])"))
            }
        }
        return lines
    }

    func finish(_ options: ImportOptions, file: String) throws -> ImportedUnit {
        var context = self.context
        guard !documents.isEmpty else {
            let leftOver = context.notes.filter { $0.kind == .unplaced }.count
            let details = leftOver == 0 ? [Message.emptyFile]
                : [Message(chinese: "\(leftOver)个单元格或行，都不是表的标题或首个标签", english: "\(leftOver) cells or lines, none of them a form's title or first label")]
            throw ImportError(.noRecognisableForm(details: details), at: .file(file))
        }
        let name: String
        if let given = options.unitName {
            name = given
        } else if let clue = context.evidence.bestName {
            name = clue.value
            context.note(.inferred, clue.place, Message(chinese: "单位名称“\(clue.value)”取自\(clue.source.chinese)",
                                                        english: "the unit's name \(clue.value) is taken from \(clue.source.english)"))
        } else {
            throw ImportError(.unknownUnitName, at: .file(file))
        }
        let year: Int
        if let given = options.year {
            year = given
        } else if let clue = context.evidence.bestYear {
            year = clue.value
            context.note(.inferred, clue.place, Message(chinese: "评价年度\(clue.value)取自\(clue.source.chinese)",
                                                        english: "the evaluated year \(clue.value) is taken from \(clue.source.english)"))
        } else {
            throw ImportError(.unknownYear, at: .file(file))
        }
        let lines = optionalLinesFound(year: year, name: name, &context)
        let unit = UnitEvaluation(name: name, year: year, projects: projects, department: department?.value,
                                  report: report?.value, signatures: signatures, layouts: chosenLayouts, lines: lines)
        let found = ImportedPlaces.find(unit, in: context.usedCells, converted: conversions.mapValues(\.written))
        return ImportedUnit(unit: unit, documents: documents, notes: Self.inFileOrder(context.notes),
                            places: found.places, writtenTexts: found.texts, conversions: conversions)
    }
}
