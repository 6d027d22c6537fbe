import Evaluation
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
    /// The layouts forms are recognised by, and the one each kind matched.
    private let layouts: [LayoutSpec]
    private var chosenLayouts: [DocumentKind: String] = [:]

    /// The forms FormPrint's own readers were built for (their variants,
    /// repairs and tests); any other layout that a form matches better is
    /// read by the layout itself.
    static let builtInReaders: Set<String> = ["project-jilin", "project-national", "department-jilin"]
    /// The share of a layout's labels a form must show at their places to
    /// be read as that layout.
    static let recognitionThreshold = 0.75

    init(file: String, layouts: [LayoutSpec] = []) {
        context = ReadingContext(file: file)
        self.layouts = layouts
    }

    mutating func read(_ table: FormTable) throws {
        context.use(table.title)
        if let title = table.title, let year = FormTitle.year(in: title.text) {
            context.evidence.year(year, rank: ClueRank.formHeader, source: Message(chinese: "标题“\(title.text)”", english: "the title \(title.text)"), at: title.place)
        }
        let readings = layouts.filter { $0.document == table.kind }.compactMap(LayoutFormReader.init).map { $0.read(table) }
        // The best fit; on a tie, the form FormPrint has a reader of its own for.
        let best = readings.max { a, b in
            a.score != b.score ? a.score < b.score : (Self.builtInReaders.contains(a.layoutID) ? 0 : 1) > (Self.builtInReaders.contains(b.layoutID) ? 0 : 1)
        }
        if let best, best.score >= Self.recognitionThreshold {
            context.note(.inferred, table.place, Message(
                chinese: "\(table.kind.chineseName)按表样\(best.layoutID)读取：其\(best.expected)个标签中有\(best.matched)个在位",
                english: "the \(table.kind.chineseName) is read as layout \(best.layoutID): \(best.matched) of \(best.expected) of its labels are in place"))
            if best.layoutID != LayoutDefaults.layouts[table.kind] { chosenLayouts[table.kind] = best.layoutID }
            if !Self.builtInReaders.contains(best.layoutID) { return try apply(best, table) }
        } else if let best, best.expected > 0 {
            context.note(.inferred, table.place, Message(
                chinese: "\(table.kind.chineseName)与各表样都不太吻合；最接近的是\(best.layoutID)（\(best.expected)个标签中\(best.matched)个在位），因此按标签读取",
                english: "the \(table.kind.chineseName) matches no layout well; the closest is \(best.layoutID) with \(best.matched) of \(best.expected) labels in place, so it is read by its labels"))
        }
        do {
            try readByLabels(table)
        } catch let error as ImportError {
            // Name the layout the form came closest to, so that the person
            // can compare the form with it (or add a layout of their own).
            guard case .missingColumns(let name, let missing, let found) = error.problem, let best, best.expected > 0 else { throw error }
            throw ImportError(.missingColumns(table: Message(
                chinese: "\(name.chinese)（最接近的表样：\(best.layoutID)，\(best.expected)个标签中\(best.matched)个在位）",
                english: "\(name.english) (closest layout: \(best.layoutID), \(best.matched) of \(best.expected) of its labels in place)"),
                                              missing: missing, found: found), at: error.place)
        }
    }

    /// A form of the 吉林 or national kind, read by FormPrint's own readers.
    private mutating func readByLabels(_ table: FormTable) throws {
        switch table.kind {
        case .project:
            add(try ProjectFormReader.read(table, signatures: &signatures, &context), from: table, layout: nil)
        case .department:
            if let first = department { throw ImportError(.duplicateDocument(.department, first: first.place), at: table.place) }
            add(try DepartmentFormReader.read(table, signatures: &signatures, &context), from: table, layout: nil)
        case .report:
            preconditionFailure("reports are read by readReport")
        }
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
    private mutating func apply(_ reading: LayoutFormReader.Reading, _ table: FormTable) throws {
        for cell in reading.used { context.use(cell) }
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
                                  source: .label("实施单位"), at: table.place)
            context.evidence.yearMentioned(in: project.name, rank: ClueRank.formField,
                                           source: Message(chinese: "项目名称“\(project.name)”", english: "the project name \(project.name)"), at: table.place)
            add(project, from: table, layout: reading.layoutID)
        case .department:
            if let first = department { throw ImportError(.duplicateDocument(.department, first: first.place), at: table.place) }
            let value = reading.department
            guard !value.name.isEmpty else {
                throw ImportError(.missingColumns(table: Message(chinese: "部门整体支出绩效自评表（表样\(reading.layoutID)）", english: "部门整体支出绩效自评表 (layout \(reading.layoutID))"),
                                                  missing: ["部门名称"], found: []), at: table.place)
            }
            context.evidence.name(value.name, rank: ClueRank.formHeader, source: .label("部门名称"), at: table.place)
            add(value, from: table, layout: reading.layoutID)
        case .report:
            break
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
        let unit = UnitEvaluation(name: name, year: year, projects: projects, department: department?.value,
                                  report: report?.value, signatures: signatures, layouts: chosenLayouts)
        return ImportedUnit(unit: unit, documents: documents, notes: Self.inFileOrder(context.notes),
                            places: ImportedPlaces.find(unit, in: context.usedCells))
    }
}
