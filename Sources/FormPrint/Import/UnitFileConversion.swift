import Evaluation
import Foundation
import Importing

/// `formprint import`: each input (pasted text, workbook, unit file)
/// becomes a unit file, written atomically, with a report of what was
/// recognised, repaired and left over.
package enum UnitFileConversion {
    package struct Outcome: Sendable {
        package var input: URL
        package var output: URL
        package var imported: ImportedUnit
    }

    /// Imports `input` and writes `<folder>/<input name>.yaml`. With
    /// `strict`, cells that fit nowhere are an error; on any error nothing
    /// is written (and an earlier unit file of the same name is kept).
    /// Forms are recognised by the layouts of `catalog` (default: the
    /// built-in ones) unless `options` names its own.
    package static func importFile(_ input: URL, into folder: URL, options: ImportOptions = ImportOptions(),
                                  strict: Bool = false, as chosen: URL? = nil, catalog: LayoutCatalog? = nil) throws -> Outcome {
        let catalog = try catalog ?? LayoutCatalog.standard()
        var options = options
        if options.layouts.isEmpty { options.layouts = try catalog.all() }
        let imported = try UnitImporter.importFile(at: input, options: options)
        if strict && !imported.unplaced.isEmpty {
            throw ImportError(.unplacedCells(imported.unplaced), at: .file(input.path))
        }
        let output = chosen ?? outputURL(for: input, in: folder)
        if output.standardizedFileURL.path == input.standardizedFileURL.path {
            throw ImportError(.wouldOverwriteInput, at: .file(input.path))
        }
        let text = UnitFileWriter.yaml(imported.unit, header: header(for: input, imported), fields: try catalog.fields)
        try AtomicFile.write(Data(text.utf8), to: output)
        return Outcome(input: input, output: output, imported: imported)
    }

    /// `<folder>/<input file name without its extension>.yaml`.
    package static func outputURL(for input: URL, in folder: URL) -> URL {
        let base = FileNaming.safeComponent(input.deletingPathExtension().lastPathComponent)
        return folder.appendingPathComponent(base + ".yaml")
    }

    /// The output of each of `inputs` imported together: `<stem>.yaml`, and
    /// when two inputs share a stem (a.xlsx and a.txt, or dir1/a.xlsx and
    /// dir2/a.xlsx) the first keeps it and each later one gets
    /// `<stem>_<extension>.yaml` (then `_2`, `_3`), with a warning naming
    /// both — they were written to one file, the last one winning (issue 14).
    package static func outputURLs(for inputs: [URL], in folder: URL) -> [(output: URL, warning: String?)] {
        var taken: [String: URL] = [:]
        return inputs.map { input in
            var output = outputURL(for: input, in: folder)
            guard let first = taken[FileNaming.collisionKey(output.lastPathComponent)] else {
                taken[FileNaming.collisionKey(output.lastPathComponent)] = input
                return (output, nil)
            }
            let stem = input.deletingPathExtension().lastPathComponent
            let suffix = input.pathExtension.isEmpty ? "" : "_" + input.pathExtension
            var number = 1
            repeat {
                let name = stem + suffix + (number == 1 ? "" : "_\(number)")
                output = folder.appendingPathComponent(FileNaming.safeComponent(name) + ".yaml")
                number += 1
            } while taken[FileNaming.collisionKey(output.lastPathComponent)] != nil
            taken[FileNaming.collisionKey(output.lastPathComponent)] = input
            return (output, Message(
                chinese: "警告：\(input.path)和\(first.path)都会导入为\(outputURL(for: input, in: folder).lastPathComponent)；\(input.lastPathComponent)另写为\(output.lastPathComponent)",
                english: "warning: \(input.path) and \(first.path) would both be imported to \(outputURL(for: input, in: folder).lastPathComponent); "
                    + "\(input.lastPathComponent) is written to \(output.lastPathComponent)").text)
        }
    }

    /// The comment block at the top of an imported unit file: where it came
    /// from and every note, so the person editing it can review them — in
    /// the language of the run, like everything FormPrint prints.
    static func header(for input: URL, _ imported: ImportedUnit, in language: Language = .current) -> [String] {
        var lines = [
            Message(chinese: "FormPrint 单位文件，由 `formprint import` 从 \(input.lastPathComponent) 导入。",
                    english: "FormPrint unit file imported by `formprint import` from \(input.lastPathComponent).").text(in: language),
            Message(chinese: "各值与原文件所填一致。请先检查下面的导入提示，再用 `formprint render` 生成。",
                    english: "Values are as written in the source. Review the notes below, then render with `formprint render`.").text(in: language),
        ]
        if !imported.notes.isEmpty {
            lines.append("")
            lines.append(Message(
                chinese: "导入提示（已修正\(imported.repairs.count)处，未导入\(imported.unplaced.count)处，推断\(imported.inferences.count)处）：",
                english: "Import notes (\(imported.repairs.count) repaired, \(imported.unplaced.count) unplaced, \(imported.inferences.count) inferred):").text(in: language))
            for note in imported.notes {
                lines.append("  " + Message(chinese: "\(note.place.short.chinese)，\(note.kind.word.chinese)：\(note.text.chinese)",
                                            english: "\(note.place.short.english): \(note.kind.rawValue): \(note.text.english)").text(in: language))
            }
        }
        return lines
    }

    /// What the command prints for one import.
    package static func report(_ outcome: Outcome, in language: Language = .current) -> String {
        let imported = outcome.imported
        let documents = imported.documents.count
        var lines = ["\(outcome.input.path) → \(outcome.output.path)"]
        lines.append(Message(chinese: "  识别出\(imported.unit.name) \(imported.unit.year)年度的\(documents)份文档：",
                             english: "  recognised \(documents) document\(documents == 1 ? "" : "s") for \(imported.unit.name), \(imported.unit.year):").text(in: language))
        for document in imported.documents { lines.append("    " + document.description(in: language)) }
        for note in imported.notes { lines.append("  " + note.description(in: language)) }
        lines.append(Message(chinese: "  已修正\(imported.repairs.count)处，未导入\(imported.unplaced.count)处，推断\(imported.inferences.count)处",
                             english: "  \(imported.repairs.count) repaired, \(imported.unplaced.count) unplaced, \(imported.inferences.count) inferred").text(in: language))
        return lines.joined(separator: "\n")
    }
}
