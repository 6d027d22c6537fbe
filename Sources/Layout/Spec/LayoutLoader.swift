import Evaluation
import Foundation
import InputReading
import Yams

/// Loads and validates one layout file. The format is documented in
/// `Layouts/README.md`. All bindings (fields, collections, styles) are
/// resolved here, once; a file with any problem is rejected with all of them.
package enum LayoutLoader {
    package static let formatVersion = 1

    /// `fields` is the field registry bindings are checked against
    /// (default: the built-in `Layouts/fields.yaml`); the layout's own
    /// `fields:` section adds to it. `userFolders` are the `--layouts`
    /// folders, searched with the file's own folder and the built-in one for
    /// the base a file `extends` and its `stylesheet` (`LayoutSearch`).
    package static func load(contentsOf url: URL, fields: FieldRegistry? = nil, userFolders: [URL] = []) throws(LayoutError) -> LayoutSpec {
        do {
            return try load(text: try YAMLDocument.text(contentsOf: url), file: url.path, fields: fields, userFolders: userFolders)
        } catch let error as InputFileError {
            throw LayoutError(problems: [problem(from: error)])
        } catch let error as LayoutError {
            throw error
        } catch {
            throw LayoutError(problems: [LayoutProblem(location: SourceLocation(file: url.path, line: 0, column: 0),
                                                       path: FieldPath(), message: Self.unexpected(error))])
        }
    }

    package static func load(text: String, file: String, fields: FieldRegistry? = nil, userFolders: [URL] = []) throws(LayoutError) -> LayoutSpec {
        let registry: FieldRegistry
        do {
            registry = try fields ?? FieldRegistryReader.standard()
        } catch let error as InputFileError {
            throw LayoutError(problems: [problem(from: error)])
        } catch {
            throw LayoutError(problems: [LayoutProblem(location: SourceLocation(file: file, line: 0, column: 0), path: FieldPath(),
                                                       message: Self.unexpected(error))])
        }
        let session = LoadSession(file: file, fields: registry)
        // The file as written becomes the whole layout (its base, overrides,
        // total rows and stylesheet) before it is read; a problem the reading
        // finds in a node the base wrote is reported in the base's file.
        let composer = LayoutComposer(search: .around(file: file, userFolders: userFolders))
        do {
            let written = try YAMLDocument.compose(text, file: file)
            guard let root = composer.compose(written, file: file) else { throw LayoutError(problems: composer.problems) }
            if let spec = try session.layout(root), session.problems.isEmpty { return spec }
        } catch let error as LayoutError {
            throw error
        } catch let error as InputFileError {
            session.problems.append(problem(from: error))
        } catch {
            session.problems.append(LayoutProblem(location: SourceLocation(file: file, line: 1, column: 1),
                                                  path: FieldPath(), message: Self.unexpected(error)))
        }
        throw LayoutError(problems: session.problems.map { problem in
            var problem = problem
            problem.location = composer.located(problem.location)
            return problem
        })
    }

    /// An error no reader expected, said in its own catalogue's words when
    /// it has one.
    static func unexpected(_ error: any Error) -> Message {
        (error as? any HasMessage)?.message ?? Message(chinese: "\(error)", english: "\(error)")
    }

    static func problem(from error: InputFileError) -> LayoutProblem {
        // Written for the person fixing the file, not as a Swift enum dump.
        let (message, hint): (Message, Message) = switch error.problem {
        case .syntax(let text):
            (Message(chinese: "不是有效的YAML：\(YAMLProblemWords.chinese(text))（读取器原文：\(text)）", english: "not valid YAML: \(text)"),
             Message(chinese: "请检查这一行附近的缩进和引号", english: "check indentation and quoting near this line"))
        case .unreadable(let reason): (Message(chinese: "无法读取文件：\(reason.chinese)", english: "cannot read the file: \(reason.english)"), .none)
        case .notUTF8Text: (error.message, .none)
        case .wrongType(let expected, let found):
            (Message(chinese: "应为\(expected.expected.chinese)，实为\(found.found.chinese)", english: "must be \(expected.expected.english), found \(found.found.english)"),
             Message(chinese: "请写成\(expected.expected.chinese)", english: "write it as \(expected.expected.english)"))
        case .missingField(let name):
            (Message(chinese: "缺少必填字段“\(name)”", english: "missing required field '\(name)'"),
             Message(chinese: "请在此处添加“\(name): …”", english: "add '\(name): …' here"))
        case .unknownField(let name, let suggestion): (.unknownLayoutField(name), suggestion.map { .didYouMean($0) } ?? .seeLayoutsReadme)
        case .invalidValue(let text, let hint): (text, hint)
        case .unknownFields(let fields): (.joined(fields.map(\.message), separator: "; "), .none)
        case .limitExceeded(let text): (text, .none)
        }
        return LayoutProblem(location: error.location, path: error.path, message: message, hint: hint)
    }
}

/// The state of loading one file: the reader and the problems found so far.
final class LoadSession {
    let reader: NodeReader
    var problems: [LayoutProblem] = []
    var styles: [String: TextStyle] = [:]
    var document: DocumentKind = .project
    /// The registry bindings are checked against, with this layout's own
    /// `fields:` added once they are read.
    var registry: FieldRegistry
    /// The layout's own `fields:` section.
    var declared = FieldRegistry()

    init(file: String, fields: FieldRegistry) {
        reader = NodeReader(file: file)
        self.registry = fields
    }

    func report(_ message: Message, hint: Message = .none, at node: Node, _ path: FieldPath) {
        problems.append(LayoutProblem(location: reader.location(of: node), path: path, message: message, hint: hint))
    }

    /// Reports the fields of `fields` that nobody read.
    func checkUnknown(_ fields: ObjectReader) {
        for unknown in fields.unknownKeys() {
            problems.append(LayoutProblem(
                location: unknown.location, path: fields.path, message: .unknownLayoutField(unknown.key),
                hint: unknown.suggestion.map { .didYouMean($0) } ?? .seeLayoutsReadme))
        }
    }

    /// Runs `body`, turning a thrown read error into a recorded problem so
    /// that loading goes on and finds the rest.
    func attempt<T>(_ body: () throws -> T) -> T? {
        do { return try body() } catch let error as InputFileError {
            problems.append(LayoutLoader.problem(from: error))
            return nil
        } catch {
            return nil
        }
    }

    func layout(_ root: Node) throws -> LayoutSpec? {
        var fields = try reader.object(root, at: FieldPath())
        _ = try fields.requiredInteger("formprint-layout", in: 1...1,
            hint: Message(chinese: "请在文件开头写“formprint-layout: 1”（表样的格式版本）。", english: "Start the file with 'formprint-layout: 1' (the layout format version)."))
        let id = try fields.requiredText("id")
        if id.isEmpty || id.contains(where: { !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
            report(Message(chinese: "标识“\(id)”只能由字母、数字、“-”和“_”组成", english: "the id '\(id)' must be letters, digits, '-' and '_' only"), at: fields.value("id")!, FieldPath("id"))
        }
        let documentText = try fields.requiredText("document")
        if let kind = DocumentKind(rawValue: documentText) {
            document = kind
        } else {
            report(Message(chinese: "未知文档类型“\(documentText)”", english: "unknown document '\(documentText)'"),
                   hint: .useOneOf(DocumentKind.allCases.map(\.rawValue)),
                   at: fields.value("document")!, FieldPath("document"))
        }
        let name = try fields.text("name")
        let origin = try fields.text("origin")
        let isDefault = try boolean(&fields, "default") ?? false
        let scoringText = try fields.text("scoring")
        if !scoringText.isEmpty, !scoringText.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            report(Message(chinese: "评分方案名“\(scoringText)”只能由字母、数字、“-”和“_”组成", english: "the scoring profile '\(scoringText)' must be letters, digits, '-' and '_' only"),
                   hint: Message(chinese: "写 Scoring/ 中方案文件的名称，例如 scoring: national", english: "name a profile of Scoring/ by its file, e.g. scoring: national"),
                   at: fields.value("scoring")!, FieldPath("scoring"))
        }
        if fields.value("fields") != nil, var section = try fields.optionalObject("fields") {
            if let declared = attempt({ try FieldRegistryReader.declarations(&section, self.reader) }) {
                self.declared = declared
                self.registry = self.registry.merging(declared)
            }
            checkUnknown(section)
        }
        let page = attempt { try self.page(&fields) }
        attempt { try self.readStyles(&fields) }
        var body: LayoutSpec.Body?
        let tableNode = fields.value("table"), flowNode = fields.value("flow")
        switch (tableNode, flowNode) {
        case (let table?, nil):
            body = attempt { try self.table(table, path: FieldPath("table"), page: page) }.flatMap { $0 }.map { .table($0) }
        case (nil, let flow?):
            body = attempt { try self.flow(flow, path: FieldPath("flow")) }.flatMap { $0 }.map { .flow($0) }
        case (nil, nil):
            report(Message(chinese: "表样既没有“table”也没有“flow”", english: "the layout has neither 'table' nor 'flow'"), hint: Message(chinese: "请添加“table:”（表格）或“flow:”（报告）部分", english: "add a 'table:' (forms) or 'flow:' (reports) section"), at: root, FieldPath())
        case (_?, _?):
            report(Message(chinese: "表样同时有“table”和“flow”", english: "the layout has both 'table' and 'flow'"), hint: Message(chinese: "表样要么是表格（table），要么是报告（flow）", english: "a layout is either a form (table) or a report (flow)"), at: root, FieldPath())
        }
        if document == .report && tableNode != nil {
            report(Message(chinese: "报告表样是“flow”，不是“table”", english: "a report layout is a 'flow', not a 'table'"), hint: Message(chinese: "document: report 请用“flow:”", english: "use 'flow:' for document: report"), at: tableNode!, FieldPath("table"))
        } else if document != .report && flowNode != nil {
            report(Message(chinese: "\(document.rawValue)表是“table”，不是“flow”", english: "a \(document.rawValue) form is a 'table', not a 'flow'"), hint: Message(chinese: "表格请用“table:”", english: "use 'table:' for forms"), at: flowNode!, FieldPath("flow"))
        }
        checkUnknown(fields)
        guard let page, let body, problems.isEmpty else { return nil }
        return LayoutSpec(id: id, document: document, name: name, origin: origin, file: reader.file, isDefault: isDefault,
                          scoring: scoringText.isEmpty ? nil : scoringText, page: page, body: body, fields: declared)
    }

    // MARK: Page and styles

    func page(_ fields: inout ObjectReader) throws -> PageSpec {
        guard var page = try fields.optionalObject("page") else {
            throw InputFileError(.missingField("page"), at: reader.location(of: fields.node), path: FieldPath())
        }
        let sizeName = try page.text("size")
        var size = Size.a4Portrait
        switch sizeName {
        case "", "A4": size = .a4Portrait
        case "A4-landscape": size = .a4Landscape
        default:
            report(Message(chinese: "未知纸张尺寸“\(sizeName)”", english: "unknown page size '\(sizeName)'"), hint: Message(chinese: "请用 A4 或 A4-landscape", english: "use A4 or A4-landscape"), at: page.value("size")!, page.path.appending("size"))
        }
        var margins = Margins(top: .mm(20), bottom: .mm(20), left: .mm(20), right: .mm(20))
        if var m = try page.optionalObject("margins") {
            margins.top = try length(&m, "top") ?? margins.top
            margins.bottom = try length(&m, "bottom") ?? margins.bottom
            margins.left = try length(&m, "left") ?? margins.left
            margins.right = try length(&m, "right") ?? margins.right
            checkUnknown(m)
        }
        checkUnknown(page)
        if !(margins.left + margins.right + .mm(20)).fits(in: size.width) || !(margins.top + margins.bottom + .mm(20)).fits(in: size.height) {
            report(Message(chinese: "页边距留给内容的空间不足20毫米", english: "the margins leave less than 20 mm for the content"), hint: Message(chinese: "请减小页边距", english: "reduce the margins"), at: page.node, page.path)
        }
        return PageSpec(size: size, margins: margins)
    }

    func length(_ fields: inout ObjectReader, _ key: String) throws -> Length? {
        guard let node = fields.value(key) else { return nil }
        return try length(node, fields.path.appending(key))
    }

    func length(_ node: Node, _ path: FieldPath) throws -> Length? {
        let text = try reader.text(node, at: path)
        guard let value = Length(parsing: text), value.points >= 0 else {
            report(Message(chinese: "“\(text)”不是长度", english: "'\(text)' is not a length"), hint: Message(chinese: "请写带单位的数字：20mm、1.5cm、10.5pt", english: "write a number with a unit: 20mm, 1.5cm, 10.5pt"), at: node, path)
            return nil
        }
        if case .key(let key)? = path.components.last, let bound = LengthBounds.bound(for: key), !value.fits(in: bound.maximum) {
            report(Message(chinese: "“\(text)”作为\(bound.meaning)太大", english: "'\(text)' is too large for \(bound.meaning)"), hint: Message(chinese: "最多写\(bound.maximum)", english: "write at most \(bound.maximum)"), at: node, path)
            return nil
        }
        return value
    }

    /// A length that may be negative (tracking).
    func length(signed fields: inout ObjectReader, _ key: String) throws -> Length? {
        guard let node = fields.value(key) else { return nil }
        let text = try reader.text(node, at: fields.path.appending(key))
        let negative = text.hasPrefix("-")
        guard let value = Length(parsing: negative ? String(text.dropFirst()) : text), value.points < 5 else {
            report(Message(chinese: "“\(text)”不是小的长度值", english: "'\(text)' is not a small length"), hint: Message(chinese: "例如 tracking: -0.21pt", english: "e.g. tracking: -0.21pt"), at: node, fields.path.appending(key))
            return nil
        }
        return negative ? Length(points: -value.points) : value
    }

    func readStyles(_ fields: inout ObjectReader) throws {
        guard let node = fields.value("styles") else { return }
        let stylesFields = try reader.object(node, at: FieldPath("styles"))
        for (keyNode, valueNode) in stylesFields.mapping {
            let name = keyNode.string ?? ""
            let path = FieldPath("styles").appending(name)
            guard let style = attempt({ try self.style(valueNode, path) }).flatMap({ $0 }) else { continue }
            styles[name] = style
        }
    }

    func style(_ node: Node, _ path: FieldPath) throws -> TextStyle? {
        var fields = try reader.object(node, at: path)
        let familyText = try fields.requiredText("family")
        let family = FontFamily(rawValue: familyText)
        if family == nil {
            report(.unknownFontFamily(familyText), hint: .useOneOf(FontFamily.allCases.map(\.rawValue)),
                   at: fields.value("family")!, path.appending("family"))
        }
        let bold = try boolean(&fields, "bold") ?? false
        let vertical = try boolean(&fields, "vertical") ?? false
        let size = try length(&fields, "size")
        if fields.value("size") == nil { report(Message(chinese: "缺少“size”", english: "missing 'size'"), hint: Message(chinese: "例如 size: 10.5pt（五号）或 12pt（小四）", english: "e.g. size: 10.5pt (五号) or 12pt (小四)"), at: node, path) }
        let alignText = try fields.text("align")
        let align = alignText.isEmpty ? .left : HorizontalAlignment(rawValue: alignText)
        if align == nil {
            report(Message(chinese: "未知对齐方式“\(alignText)”", english: "unknown alignment '\(alignText)'"), hint: Message(chinese: "请用 left、center 或 right", english: "use left, center or right"), at: fields.value("align")!, path.appending("align"))
        }
        var lineSpacing = 1.25
        let spacingText = try fields.text("lineSpacing")
        if !spacingText.isEmpty {
            if let value = Double(spacingText), (0.8...4).contains(value) { lineSpacing = value } else {
                report(Message(chinese: "lineSpacing“\(spacingText)”须为0.8到4之间的数", english: "lineSpacing '\(spacingText)' must be a number from 0.8 to 4"), at: fields.value("lineSpacing")!, path.appending("lineSpacing"))
            }
        }
        let tracking = try length(signed: &fields, "tracking") ?? .zero
        let minimumSize = try length(&fields, "minSize")
        var latinFamily: FontFamily?
        if let latinNode = fields.value("latin") {
            let text = try reader.text(latinNode, at: path.appending("latin"))
            latinFamily = FontFamily(rawValue: text)
            if latinFamily == nil {
                report(.unknownFontFamily(text), hint: .useOneOf(FontFamily.allCases.map(\.rawValue)),
                       at: latinNode, path.appending("latin"))
            }
        }
        checkUnknown(fields)
        guard let family, let size, let align else { return nil }
        if size.points < 4 || size.points > 72 {
            report(Message(chinese: "字号\(size.points)pt不在4pt–72pt之间", english: "font size \(size.points)pt is outside 4pt–72pt"), at: node, path.appending("size"))
        }
        if let minimumSize, minimumSize.points < 4 || minimumSize.points > size.points + 0.001 {
            report(Message(chinese: "minSize \(minimumSize.points)pt须在4pt到该样式字号（\(size.points)pt）之间", english: "minSize \(minimumSize.points)pt must be from 4pt up to the style's size (\(size.points)pt)"),
                   hint: Message(chinese: "minSize 是固定行高中文字最多可缩小到的字号", english: "minSize is how far the text may shrink in a fixed-height row"), at: fields.value("minSize")!, path.appending("minSize"))
        }
        return TextStyle(family: family, bold: bold, size: size, align: align, lineSpacing: lineSpacing, vertical: vertical,
                         tracking: tracking, minimumSize: minimumSize, latinFamily: latinFamily)
    }

    func boolean(_ fields: inout ObjectReader, _ key: String) throws -> Bool? {
        guard let node = fields.value(key) else { return nil }
        switch try reader.text(node, at: fields.path.appending(key)) {
        case "true", "yes": return true
        case "false", "no": return false
        case let other:
            report(.notTrueOrFalse(other), at: node, fields.path.appending(key))
            return nil
        }
    }

    func styleReference(_ name: String, at node: Node, _ path: FieldPath) -> TextStyle? {
        if let style = styles[name] { return style }
        let suggestion = nearest(to: name, in: styles.keys.sorted())
        report(Message(chinese: "未知样式“\(name)”", english: "unknown style '\(name)'"),
               hint: suggestion.map { .didYouMean($0) } ?? Message(chinese: "请在“styles:”下定义（已定义：\(styles.keys.sorted().joined(separator: "、"))）",
                                                                   english: "define it under 'styles:' (defined: \(styles.keys.sorted().joined(separator: ", ")))"),
               at: node, path)
        return nil
    }

    /// Parses "（{year}年度）" into literal and field parts, checking every
    /// field name against the fields this document kind has.
    func template(_ text: String, at node: Node, _ path: FieldPath) -> TextTemplate? {
        var parts: [TextTemplate.Part] = []
        var rest = Substring(text)
        var ok = true
        while let open = rest.firstIndex(of: "{") {
            if open > rest.startIndex { parts.append(.literal(String(rest[..<open]))) }
            guard let close = rest[open...].firstIndex(of: "}") else {
                report(Message(chinese: "“\(text)”中的“{”没有对应的“}”", english: "'{' without a closing '}' in \"\(text)\""), hint: Message(chinese: "字段写作 {year} 或 {project.name}", english: "write a field as {year} or {project.name}"), at: node, path)
                return nil
            }
            let name = String(rest[rest.index(after: open)..<close])
            let available = ScalarField.available(for: document, in: registry)
            if let field = ScalarField.named(name, in: registry), field.document == nil || field.document == document {
                parts.append(.field(field))
            } else if let collection = RepeatedList(rawValue: name) {
                report(Message(chinese: "“{\(name)}”是列表，不是单个值", english: "'{\(name)}' is a list, not a single value"),
                       hint: Message(chinese: "请用 each: \(collection.rawValue) 重复一行，单元格写成 {field: \(collection.fieldKeys(in: registry).first ?? "name")}",
                                     english: "repeat a row for it with each: \(collection.rawValue) and cells like {field: \(collection.fieldKeys(in: registry).first ?? "name")}"),
                       at: node, path)
                ok = false
            } else {
                let suggestion = nearest(to: name, in: available)
                report(Message(chinese: "\(document.rawValue)表样没有字段“{\(name)}”", english: "unknown field '{\(name)}' for a \(document.rawValue) layout"),
                       hint: suggestion.map { .didYouMean("{\($0)}") }
                           ?? Message(chinese: "可用的有：\(available.joined(separator: "、"))；新字段请在“fields:”下声明",
                                      english: "available: \(available.joined(separator: ", ")); declare a new field under 'fields:'"),
                       at: node, path)
                ok = false
            }
            rest = rest[rest.index(after: close)...]
        }
        if !rest.isEmpty { parts.append(.literal(String(rest))) }
        return ok ? TextTemplate(parts: parts) : nil
    }
}
