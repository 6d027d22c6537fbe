import Evaluation
import Foundation

/// The parts of a workbook the importer needs before reading any sheet:
/// the sheets in workbook order with their part paths, the shared strings,
/// the cell styles' number formats and the date system.
struct WorkbookParts {
    struct Sheet {
        var name: String
        var path: String
    }

    var sheets: [Sheet] = []
    /// Sheets hidden in the workbook (`state="hidden"` or `"veryHidden"`):
    /// not read, as Excel and WPS neither show nor print them (issue 14).
    var hiddenSheets: [String] = []
    var sharedStrings: [String] = []
    /// Number format code per cell style index (`s` attribute of a cell).
    var styleFormats: [String] = []
    /// Workbooks from old Mac Excel count days from 1904.
    var date1904 = false

    init(_ package: WorkbookPackage) throws {
        let file = package.file
        let workbookPath = try Self.relationships(of: "", in: package)
            .first { $0.type.hasSuffix("/officeDocument") }?.target ?? "xl/workbook.xml"
        guard let workbook = try package.part(workbookPath) else {
            throw ImportError(.corruptWorkbook(Message(chinese: "没有\(workbookPath)，不是Excel工作簿",
                                                       english: "it has no \(workbookPath), so it is not an Excel workbook")), at: .file(file))
        }
        let relationships = try Self.relationships(of: workbookPath, in: package)
        var sheetIDs: [(name: String, id: String)] = []
        var hidden: [String] = []
        var date1904 = false
        try XMLEvents.parse(workbook, part: workbookPath, file: file, start: { name, attributes in
            if name == "sheet", let sheetName = attributes["name"], let id = XMLEvents.prefixedAttribute("id", in: attributes) {
                if let state = attributes["state"], state == "hidden" || state == "veryHidden" {
                    hidden.append(sheetName)
                } else {
                    sheetIDs.append((sheetName, id))
                }
            }
            if name == "workbookPr", let value = attributes["date1904"] { date1904 = value == "1" || value == "true" }
        })
        self.date1904 = date1904
        hiddenSheets = hidden
        for (name, id) in sheetIDs {
            // Chart sheets and dialog sheets have no cells to import.
            guard let relationship = relationships.first(where: { $0.id == id }), relationship.type.hasSuffix("/worksheet") else { continue }
            sheets.append(Sheet(name: name, path: relationship.target))
        }
        if let path = relationships.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target, let data = try package.part(path) {
            sharedStrings = try Self.sharedStrings(data, part: path, file: file)
        }
        if let path = relationships.first(where: { $0.type.hasSuffix("/styles") })?.target, let data = try package.part(path) {
            styleFormats = try Self.styleFormats(data, part: path, file: file)
        }
    }

    // MARK: - Relationships

    struct Relationship {
        var id: String
        var type: String
        /// Resolved to a path inside the package.
        var target: String
    }

    /// The relationships of the part at `path` ("" for the package itself),
    /// from its `_rels/NAME.rels` part.
    static func relationships(of path: String, in package: WorkbookPackage) throws -> [Relationship] {
        let folder = path.split(separator: "/").dropLast().joined(separator: "/")
        let name = path.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + name + ".rels"
        guard let data = try package.part(relsPath) else { return [] }
        var result: [Relationship] = []
        try XMLEvents.parse(data, part: relsPath, file: package.file, start: { element, attributes in
            guard element == "Relationship", let id = attributes["Id"], let type = attributes["Type"],
                  let target = attributes["Target"], attributes["TargetMode"] != "External" else { return }
            result.append(Relationship(id: id, type: type, target: resolve(target, from: folder)))
        })
        return result
    }

    /// "worksheets/sheet1.xml" from "xl" → "xl/worksheets/sheet1.xml";
    /// "/xl/x.xml" → "xl/x.xml"; ".." steps up.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts = target.hasPrefix("/") ? [] : folder.split(separator: "/").map(String.init)
        for component in target.split(separator: "/") {
            if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(String(component)) }
        }
        return parts.joined(separator: "/")
    }

    // MARK: - Shared strings and styles

    static func sharedStrings(_ data: Data, part: String, file: String) throws -> [String] {
        var strings: [String] = []
        var current = ""
        var inText = false
        var phoneticDepth = 0
        try XMLEvents.parse(data, part: part, file: file, start: { name, _ in
            switch name {
            case "si": current = ""
            case "rPh": phoneticDepth += 1  // furigana-like runs are not part of the text
            case "t": inText = phoneticDepth == 0
            default: break
            }
        }, end: { name in
            switch name {
            case "si": strings.append(OOXMLText.decodeEscapes(current))
            case "rPh": phoneticDepth -= 1
            case "t": inText = false
            default: break
            }
        }, text: { text in
            if inText { current += text }
        })
        return strings
    }

    static func styleFormats(_ data: Data, part: String, file: String) throws -> [String] {
        var custom: [Int: String] = [:]
        var formats: [String] = []
        var inCellXfs = false
        try XMLEvents.parse(data, part: part, file: file, start: { name, attributes in
            switch name {
            case "numFmt":
                if let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"] { custom[id] = code }
            case "cellXfs":
                inCellXfs = true
            case "xf" where inCellXfs:
                let id = attributes["numFmtId"].flatMap(Int.init) ?? 0
                formats.append(custom[id] ?? ExcelNumberFormat.builtIn(id) ?? "General")
            default: break
            }
        }, end: { name in
            if name == "cellXfs" { inCellXfs = false }
        })
        return formats
    }
}

/// Text as OOXML stores it.
enum OOXMLText {
    /// Characters XML cannot carry are written "_x000D_"; "_x005F_" escapes
    /// a literal underscore before such a sequence.
    static func decodeEscapes(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "_x") {
            result += rest[..<start.lowerBound]
            let hex = rest[start.upperBound...].prefix(5)
            if hex.count == 5, hex.last == "_", let value = UInt32(hex.dropLast(), radix: 16), let scalar = Unicode.Scalar(value) {
                result.unicodeScalars.append(scalar)
                rest = rest[rest.index(start.upperBound, offsetBy: 5)...]
            } else {
                result += "_x"
                rest = rest[start.upperBound...]
            }
        }
        return result + rest
    }
}
