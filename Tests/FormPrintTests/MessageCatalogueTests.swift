import Evaluation
import Foundation
import Importing
import InputReading
import Layout
import Rendering
import Review
import Testing

@testable import FormPrint

/// Every message FormPrint prints comes from one catalogue per type (its
/// `message`), in Chinese and in English; the command line picks one.
struct MessageCatalogueTests {
    static let place = SourceLocation(file: "单位.yaml", line: 3, column: 5)
    static let cell = ImportPlace.cell(file: "自评表.xlsx", sheet: "项目自评表", row: 4, column: 2)
    static let reason = Message(chinese: "原因", english: "a reason")

    /// One value of every case of every error type (and of the other
    /// catalogued values people read), so that a case without one of its
    /// languages is caught here.
    static var catalogued: [(String, Message)] {
        let note = ImportNote(.unplaced, at: cell, reason)
        var values: [(String, any HasMessage)] = [
            ("syntax", InputFileError(.syntax("bad"), at: place, path: "unit")),
            ("unreadable", InputFileError(.unreadable(reason), at: place, path: FieldPath())),
            ("notUTF8Text", InputFileError(.notUTF8Text, at: place, path: FieldPath())),
            ("wrongType", InputFileError(.wrongType(expected: .text, found: .list), at: place, path: "unit.name")),
            ("missingField", InputFileError(.missingField("name"), at: place, path: "projects[0]")),
            ("unknownField", InputFileError(.unknownField("nmae", suggestion: "name"), at: place, path: FieldPath())),
            ("unknownFields", InputFileError(.unknownFields([UnknownField(name: "实施单住", suggestion: FieldSuggestion(key: "implementingUnit", label: "实施单位"), location: place, path: "projects[0]")]), at: place, path: FieldPath())),
            ("invalidValue", InputFileError(.invalidValue(reason, hint: reason), at: place, path: "year")),
            ("limitExceeded", InputFileError(.limitExceeded(reason), at: place, path: FieldPath())),
            ("RegularFile.notAFile", RegularFile.Failure.notAFile(.fifo)),
            ("RegularFile.tooLarge", RegularFile.Failure.tooLarge(bytes: 32 << 20, limit: 16 << 20)),
            ("RegularFile.unreadable", RegularFile.Failure.unreadable(errno: ENOENT)),
            ("RegularFile.unreadable other", RegularFile.Failure.unreadable(errno: EBADF)),
            ("note", note),
            ("RecognisedDocument", RecognisedDocument(kind: .project, place: cell, summary: reason)),
            ("LayoutFailure.missingGlyphs", LayoutFailure.missingGlyphs(["𠀀"], in: .unit("projects[0].name"), text: "有𠀀字")),
            ("LayoutFailure.figureChanged", LayoutFailure.figureChanged(written: "132.912", printed: "132.91", in: .unit("projects[0].funds[0].executed"))),
            ("LayoutFailure.rowTooTall", LayoutFailure.rowTooTall(row: 0, height: .mm(300), available: .mm(250), firstText: "项目名称")),
            ("LayoutFailure.textDoesNotFit", LayoutFailure.textDoesNotFit(row: 1, column: 2, text: "文字", origin: .unit("a"), needed: .mm(9), available: .mm(8))),
            ("LayoutFailure.columnTooNarrow", LayoutFailure.columnTooNarrow(row: 1, column: 2, character: "执", origin: .unit("a"), needed: .mm(4), available: .mm(1))),
            ("LayoutFailure.labelTooTall", LayoutFailure.labelTooTall(row: 1, column: 0, text: "绩效指标", origin: .unit("a"), printedLines: 2, lines: 4)),
            ("LayoutFailure.signatureTooWide", LayoutFailure.signatureTooWide(text: "填表人", origin: .unit("a"), needed: .mm(200), available: .mm(165))),
            ("LayoutError", LayoutError(problems: [LayoutProblem(location: place, path: "page", message: reason, hint: reason)])),
            ("RenderError.fontsMissing", RenderError.fontsMissing("Fonts/")),
            ("RenderError.cairo", RenderError.cairo(CairoFailure(format: .png, step: "finishing the surface", status: CairoStatus(code: 1, description: "out of memory")))),
            ("RenderError.assembly", RenderError.assembly("qpdf")),
            ("RenderError.ofd", RenderError.ofd("hb-subset")),
            ("ScoringChoiceError", ScoringChoiceError(choice: "x", available: ["national", "jilin"])),
        ]
        let imports: [ImportError.Problem] = [
            .unreadable(reason), .unknownTextEncoding, .binaryNotText, .corruptWorkbook(reason), .passwordProtectedWorkbook,
            .legacyExcelFormat, .workbookTooLarge(reason), .missingColumns(table: reason, missing: ["执行率"], found: ["项目资金"]),
            .noRecognisableForm(details: [reason]), .duplicateDocument(.department, first: cell), .unknownYear, .unknownUnitName,
            .unplacedCells([note]), .wouldOverwriteInput, .corruptLegacyWorkbook(reason), .corruptDocument(reason), .documentTooLarge(reason),
            .unsupportedFormat(.wpsSpreadsheet), .unsupportedFormat(.wpsDocument), .unsupportedFormat(.wordBinary),
            .unsupportedFormat(.excelBinary), .unsupportedFormat(.openDocumentSpreadsheet), .unsupportedFormat(.openDocumentText),
            .unsupportedFormat(.pdf),
        ]
        values += imports.map { ("ImportError.\($0)", ImportError($0, at: cell)) }
        let facade: [FormPrintError] = [
            .resourcesMissing(.fonts), .resourcesMissing(.layouts), .resourcesMissing(.scoring),
            .resourcesMissing(.unlistable(folder: "Scoring/", reason: reason)), .unreadableLayouts("L/", reason),
            .unknownLayout("x", kind: .project, available: ["project-jilin"]),
            .layoutForWrongDocument("x", expected: .project, actual: .report), .layoutFailed(document: "项目支出绩效自评表", file: "u.yaml", reason: reason),
            .writeFailed("out/a.pdf", reason), .inputMissing("a.yaml"), .unreadableInput("a.yaml", reason), .unreadableList("l.txt", reason),
            .badShard("9/8"), .unreadableSummary("s.json", reason), .outsideOutputFolder("../x", reason: reason), .unwritableReport(reason),
            .unreadableRoster("r.txt", reason), .badSourceDateEpoch("1e3"), .noUnitFiles(["in/"]),
        ]
        values += facade.map { ("FormPrintError.\($0.message.english.prefix(30))", $0) }
        values += Severity.allCases.map { ("Severity.\($0)", SeverityWord(severity: $0)) }
        return values.map { ($0.0, $0.1.message) }
    }

    struct SeverityWord: HasMessage {
        var severity: Severity
        var message: Message { severity.word }
    }

    @Test("every catalogued message has a Chinese sentence and an English one, and they differ")
    func bothLanguages() {
        for (name, message) in Self.catalogued {
            #expect(message.chinese.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(name) has no Chinese: \(message.chinese)")
            #expect(message.english.range(of: "[A-Za-z]{2,}", options: .regularExpression) != nil, "\(name) has no English: \(message.english)")
            #expect(message.chinese != message.english, "\(name): the same text twice")
        }
    }

    @Test("an error's description is its message in the language chosen; the library's default is Chinese on every machine")
    func descriptionFollowsTheLanguage() {
        let error = FormPrintError.inputMissing("不存在.yaml")
        #expect(error.description(in: .chinese) == "不存在.yaml: 错误：文件或文件夹不存在，请检查路径和名称")
        #expect(error.description(in: .english) == "不存在.yaml: error: there is no such file or folder; check the path and the name")
        // Tests never set Language.current: the default is Chinese whatever LANG says.
        #expect(error.description == error.description(in: .chinese))
    }

    @Test("the language of a run: --lang first, then LC_ALL, LC_MESSAGES, LANG; English only for en/en_*, Chinese for every other locale, C and POSIX included")
    func languageOfARun() {
        #expect(Language.of(environment: [:]) == .chinese)
        #expect(Language.of(environment: ["LANG": ""]) == .chinese)
        #expect(Language.of(environment: ["LANG": "zh_CN.UTF-8"]) == .chinese)
        #expect(Language.of(environment: ["LANG": "en_US.UTF-8"]) == .english)
        #expect(Language.of(environment: ["LANG": "en"]) == .english)
        // The default of servers and containers: an officer's tool still speaks Chinese.
        #expect(Language.of(environment: ["LANG": "C.UTF-8"]) == .chinese)
        #expect(Language.of(environment: ["LANG": "C"]) == .chinese)
        #expect(Language.of(environment: ["LC_ALL": "POSIX"]) == .chinese)
        #expect(Language.of(environment: ["LANG": "fr_FR.UTF-8"]) == .chinese)
        #expect(Language.of(environment: ["LC_ALL": "C.UTF-8", "LANG": "en_US.UTF-8"]) == .chinese)
        #expect(Language.of(environment: ["LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"]) == .chinese)
        #expect(Language.of(environment: ["LC_MESSAGES": "en_GB.UTF-8", "LANG": "zh_CN.UTF-8"]) == .english)
        #expect(Language.of(arguments: ["render", "--lang", "en", "a.yaml"]) == .english)
        #expect(Language.of(arguments: ["render", "--lang=zh"]) == .chinese)
        #expect(Language.of(arguments: ["render", "--", "--lang", "en"]) == nil)
        #expect(Language.of(arguments: ["render", "a.yaml"]) == nil)
    }

    @Test("a missing file is FormPrint's own sentence with the path, never Foundation's text")
    func fileErrorsAreOwnSentences() {
        let missing = RegularFile.Failure.unreadable(errno: ENOENT).message
        #expect(missing.english == "there is no such file or folder; check the path and the name")
        #expect(missing.chinese == "文件或文件夹不存在，请检查路径和名称")
        let cocoa = NSError(domain: NSCocoaErrorDomain, code: NSFileReadNoSuchFileError)
        #expect(SystemReason.message(of: cocoa) == missing)
        #expect(!SystemReason.message(of: cocoa).english.contains("doesn’t exist"))
    }

    /// The command line's sentences are written through `say`, `help`,
    /// `usageError` or a type's catalogue: a literal English sentence
    /// handed straight to print, printError or ValidationError would be
    /// English only. Foundation's own text (`localizedDescription`) is never
    /// shown.
    @Test("no user-facing sentence is built outside the catalogue")
    func noSentenceOutsideTheCatalogue() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") && !$0.contains("Bench") }
        #expect(files.count > 100)
        let direct = try NSRegularExpression(pattern: #"\b(print|printError|ValidationError|note)\("[^"]*[A-Za-z]{3,} [A-Za-z]{2,}"#)
        var offenders: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                if direct.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil || line.contains("localizedDescription") {
                    offenders.append("\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        #expect(offenders.isEmpty, "\(offenders.joined(separator: "\n"))")
    }

    /// A sentence written in two places drifts apart: each is written once
    /// and the other place uses it (`Message.didYouMean`, `.cannotRead`, …).
    @Test("no sentence of the catalogue is written in two places")
    func noSentenceTwice() throws {
        let sources = repositoryRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }
        let literal = try NSRegularExpression(pattern: #"(chinese|english): "((?:[^"\\]|\\.)*)""#)
        let interpolation = try NSRegularExpression(pattern: #"\\\([^)]*\)"#)
        var seen: [String: String] = [:]
        var twice: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for match in literal.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let sentence = String(text[Range(match.range(at: 2), in: text)!])
                let shape = interpolation.stringByReplacingMatches(in: sentence, range: NSRange(sentence.startIndex..., in: sentence), withTemplate: "…")
                guard shape.count > 12 else { continue }
                if let first = seen[shape] { twice.append("\(shape) — \(first) and \(file)") } else { seen[shape] = file }
            }
        }
        // The scan reads the catalogue (hundreds of sentences), and finds none twice.
        #expect(seen.count > 300, "\(seen.count)")
        #expect(twice.isEmpty, "\(twice.joined(separator: "\n"))")
    }
}
