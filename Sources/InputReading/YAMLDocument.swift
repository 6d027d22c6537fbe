import Evaluation
import Foundation
import Yams

/// Reading YAML/JSON input files (unit files and layout files) with
/// positions: the shared front half of both readers.
package enum YAMLDocument {
    /// The largest unit or layout file read: far above any real one (the
    /// seed unit is 22 KB, one with 10 000 indicators 0.6 MB), and low
    /// enough that reading one never exhausts memory.
    package static let maximumFileSize = 16 << 20

    /// The file's text; an unreadable, oversized or non-UTF-8 file is an `InputFileError`.
    package static func text(contentsOf url: URL) throws -> String {
        let data = try data(contentsOf: url)
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputFileError(.notUTF8Text,
                                 at: SourceLocation(file: url.path, line: 0, column: 0), path: FieldPath())
        }
        return text
    }

    /// The file's bytes, at most `maximumFileSize`; a FIFO, device or
    /// folder, or a file too large, is an `InputFileError`.
    package static func data(contentsOf url: URL) throws -> Data {
        do {
            return try RegularFile.read(url, limit: maximumFileSize)
        } catch .tooLarge(let bytes, _) {
            throw InputFileError(.limitExceeded(Message(chinese: "文件有\(bytes >> 20) MB；单位文件和表样文件最大\(maximumFileSize >> 20) MB",
                                                        english: "the file has \(bytes >> 20) MB; unit and layout files are limited to \(maximumFileSize >> 20) MB")),
                                 at: SourceLocation(file: url.path, line: 0, column: 0), path: FieldPath())
        } catch {
            throw InputFileError(.unreadable(error.message), at: SourceLocation(file: url.path, line: 0, column: 0), path: FieldPath())
        }
    }

    /// The tag of a node FormPrint makes itself (a layout's added key or
    /// empty mapping): the basic resolver, as `compose` reads the files.
    /// Yams's `.implicit`, its nodes' default, builds the default resolver,
    /// which compiles a regular expression per type on first use — 8.9 M
    /// instructions of a fresh `render` (issue 25).
    package static var implicitTag: Tag { Tag(.implicit, .basic) }

    /// The composed node tree of `text`, with syntax errors located.
    package static func compose(_ text: String, file: String) throws -> Node {
        do {
            // The basic resolver: every value stays text as written, and no
            // regular expression runs over each scalar to guess a type
            // (that guessing was a fifth of a fresh process's work). UTF-8
            // named, because Yams's default encoding copies the whole process
            // environment to look for an override, on every document. No
            // constructor maps: FormPrint reads the nodes and never asks Yams
            // for Swift values, and `.default` builds its three maps anew for
            // every document (83 K instructions each, issue 25).
            guard let root = try Yams.compose(yaml: text, .basic, Constructor([:], [:], [:]), .utf8) else {
                throw InputFileError(.syntax("the file is empty"), at: SourceLocation(file: file, line: 1, column: 1), path: FieldPath())
            }
            return root
        } catch let error as YamlError {
            throw syntaxError(error, file: file)
        }
    }

    private static func syntaxError(_ error: YamlError, file: String) -> InputFileError {
        func at(_ mark: Mark) -> SourceLocation { SourceLocation(file: file, line: mark.line, column: mark.column) }
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let contextText = context.map { " (\($0.text) at line \($0.mark.line))" } ?? ""
            return InputFileError(.syntax(problem + contextText), at: at(mark), path: FieldPath())
        case .duplicatedKeysInMapping(let duplicates, let context):
            return InputFileError(.syntax("the field \(duplicates.joined(separator: ", ")) appears twice in one mapping"),
                                  at: at(context.mark), path: FieldPath())
        case .reader(let problem, let offset, let value, let yaml):
            // The reader (libyaml's first pass: encoding, control characters)
            // gives an offset in characters, not a line: count it out.
            var location = SourceLocation(file: file, line: 1, column: 1)
            if let offset, offset >= 0, offset <= yaml.count {
                let before = String(yaml.prefix(offset))
                let lastLine = before.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
                location = SourceLocation(file: file, line: before.filter { $0 == "\n" }.count + 1, column: lastLine.unicodeScalars.count + 1)
            }
            let character = value >= 0 ? " (\(InvisibleCharacter(scalar: Unicode.Scalar(UInt32(value)) ?? "?").codePoint))" : ""
            return InputFileError(.syntax(problem + character), at: location, path: FieldPath())
        default:
            return InputFileError(.syntax("\(error)"), at: SourceLocation(file: file, line: 1, column: 1), path: FieldPath())
        }
    }
}
