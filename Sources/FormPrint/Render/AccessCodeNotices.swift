import Evaluation
import Foundation
import Layout
import Rendering

/// The access codes the bureau hands out, as FormPrint prints them: an A4
/// PDF with one notice a unit (two notices a sheet, a cut line between),
/// set in the bundled fonts through the same writer as the forms, and the
/// same list as an `.xlsx` (the findings report's writer). The codes exist
/// in plain text only in these bytes: the desk stores their hashes.
package struct AccessCodeNotices: Sendable, Equatable {
    package struct Notice: Sendable, Equatable {
        package var unit: String
        /// 主管部门, from the roster (nil when it gives none).
        package var supervisor: String?
        package var code: String

        package init(unit: String, supervisor: String?, code: String) {
            self.unit = unit
            self.supervisor = supervisor
            self.code = code
        }
    }

    package var notices: [Notice]
    /// The desk's address as the units type it (http://10.0.0.5:8080/).
    package var address: String

    package init(notices: [Notice], address: String) {
        self.notices = notices
        self.address = address
    }

    /// The three steps a unit follows, as every notice prints them.
    package static let steps = [
        "一、在电脑的浏览器中打开上面的网址。",
        "二、在“单位”一栏选择本单位，输入上面的访问码，点击“登录”。",
        "三、粘贴或上传本单位的自评表，按检查结果改正后，下载生成的PDF。",
    ]

    package static let care = "访问码只发给本单位，请妥善保管，勿转告他人。遗失或泄露时请联系财政局重新发放，旧访问码随即失效。"

    // MARK: - The PDF

    /// The notices as PDF bytes, drawn by `renderer`'s typesetter (call it
    /// on the thread that owns the renderer: a render worker).
    package func pdf(with renderer: UnitRenderer, creationDate: Date = Date()) throws -> Data {
        let pages = try pages(measuredBy: renderer.typesetter)
        let metadata = DocumentMetadata(title: "预算绩效自评网上填报访问码通知", author: "FormPrint", subject: "\(notices.count) 个单位的访问码",
                                        keywords: "访问码")
        return try PDFWriter(typesetter: renderer.typesetter, creationDate: creationDate, creator: "FormPrint \(UnitRenderer.version)")
            .pdf(PagedDocument(pages: pages, metadata: metadata, outline: []))
    }

    /// Two notices a portrait A4 sheet, each in its half, a dashed cut line
    /// between them.
    package func pages(measuredBy measurer: some TextMeasurer) throws -> [Page] {
        let sheet = Size.a4Portrait
        let half = sheet.height / 2
        var pages: [Page] = []
        for start in stride(from: 0, to: notices.count, by: 2) {
            var items: [DrawItem] = []
            for (slot, notice) in notices[start..<min(start + 2, notices.count)].enumerated() {
                items += try notice.items(top: half * Double(slot), width: sheet.width, height: half, address: address, measurer: measurer)
            }
            if notices.count > start + 1 { items += Self.cutLine(at: half, width: sheet.width) }
            pages.append(Page(size: sheet, items: items))
        }
        return pages
    }

    /// Dashes of 3 mm every 6 mm across the sheet.
    static func cutLine(at y: Length, width: Length) -> [DrawItem] {
        stride(from: 10.0, to: width.millimetres - 10, by: 6).map { x in
            .line(LineSegment(from: Point(x: .mm(x), y: y), to: Point(x: .mm(x + 3), y: y), width: .pt(0.4)))
        }
    }

    // MARK: - The workbook

    /// The same list as an `.xlsx`: 单位, 主管部门, 访问码, 网址.
    package func workbook() throws -> Data {
        let rows: [[SpreadsheetWriter.Cell]] = notices.map { [.text($0.unit), .text($0.supervisor ?? ""), .text($0.code), .text(address)] }
        return try SpreadsheetWriter.data([
            SpreadsheetWriter.Sheet(name: "访问码", header: ["单位", "主管部门", "访问码", "网址"], rows: rows, widths: [48, 36, 18, 40]),
        ])
    }

    /// Why the notices could not be drawn.
    package enum Failure: Error, HasMessage {
        /// A unit's name (or the address) holds characters no bundled font has.
        case missingGlyphs(text: String, characters: [Character])

        package var message: Message {
            switch self {
            case .missingGlyphs(let text, let characters):
                let list = characters.map { "“\($0)”(U+\(String($0.unicodeScalars.first!.value, radix: 16, uppercase: true)))" }.joined(separator: "、")
                return Message(chinese: "访问码通知无法打印“\(text)”：内置字体没有 \(list) 这些字。请在名单中改用常用字写法后重新发放，或使用工作簿（.xlsx）中的访问码清单。",
                               english: "The access-code notices cannot print \"\(text)\": the bundled fonts have no \(list). Write the name with common characters in the roster and issue again, or use the list in the workbook (.xlsx).")
            }
        }
    }
}

extension AccessCodeNotices.Notice {
    static let margin = Length.mm(22)
    static let title = FontSpec(family: .hei, bold: false, size: .pt(17))
    static let label = FontSpec(family: .hei, bold: false, size: .pt(12))
    static let body = FontSpec(family: .song, bold: false, size: .pt(12))
    static let code = FontSpec(family: .hei, bold: false, size: .pt(26), tracking: .pt(2))
    static let small = FontSpec(family: .song, bold: false, size: .pt(10.5))

    /// One notice in the band from `top`, `height` tall: title, the unit,
    /// its 主管部门, the address, the code large, the steps, the care line.
    func items(top: Length, width: Length, height: Length, address: String, measurer: some TextMeasurer) throws -> [DrawItem] {
        var items: [DrawItem] = []
        let measure = width - Self.margin * 2
        var y = top + .mm(18)
        func lines(_ text: String, _ font: FontSpec, indent: Length = .zero) throws -> [String] {
            try Self.measured(text) { () throws(MeasureError) in try measurer.lines(of: text, font: font, width: measure - indent).map(\.text) }
        }
        /// Sets `text` from the left margin (plus `indent`), wrapped, and moves down.
        func set(_ text: String, _ font: FontSpec, indent: Length = .zero, pitch: Double = 1.6) throws {
            for line in try lines(text, font, indent: indent) {
                items.append(.text(TextRun(text: line, font: font, origin: Point(x: Self.margin + indent, y: y + font.size * 0.88))))
                y += font.size * pitch
            }
        }
        // The title, centred.
        let title = "预算绩效自评网上填报 · 访问码通知"
        let titleWidth = try Self.measured(title) { () throws(MeasureError) in try measurer.width(of: title, font: Self.title) }
        items.append(.text(TextRun(text: title, font: Self.title, origin: Point(x: (width - titleWidth) / 2, y: y + Self.title.size * 0.88))))
        y += Self.title.size * 2.2
        try set("单位：" + unit, Self.body)
        if let supervisor, !supervisor.isEmpty { try set("主管部门：" + supervisor, Self.body) }
        try set("网址：" + address, Self.body)
        y += .mm(2)
        try set("访问码：", Self.label, pitch: 1.3)
        items.append(.text(TextRun(text: code, font: Self.code, origin: Point(x: Self.margin + .mm(10), y: y + Self.code.size * 0.88))))
        y += Self.code.size * 1.6
        try set("填报步骤：", Self.label, pitch: 1.5)
        for step in AccessCodeNotices.steps { try set(step, Self.body, indent: .mm(4), pitch: 1.5) }
        y += .mm(2)
        try set(AccessCodeNotices.care, Self.small, pitch: 1.5)
        return items
    }

    /// A measurement, its missing glyphs named with the text they are in.
    static func measured<T>(_ text: String, _ measure: () throws(MeasureError) -> T) throws -> T {
        do throws(MeasureError) {
            return try measure()
        } catch {
            switch error {
            case .missingGlyphs(let characters): throw AccessCodeNotices.Failure.missingGlyphs(text: text, characters: characters)
            }
        }
    }
}
