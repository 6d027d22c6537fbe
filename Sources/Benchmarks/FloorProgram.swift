import FormPrint
import Foundation
import Layout
import Rendering
import Support

/// `formprint-floor` (Sources/FloorProgram/floor.c): the C program that draws
/// the same one-page form with cairo and Pango, one PDF per page. Every
/// figure of `formprint bench` is given as a ratio to it, measured in the
/// same run, so that the machine's load cancels out.
struct FloorProgram {
    let executable: URL

    /// The floor built beside `formprint` (`swift build -c release` builds
    /// both); nil when only `formprint` was built.
    static func beside(_ formprint: URL) -> FloorProgram? {
        let floor = formprint.deletingLastPathComponent().appendingPathComponent("formprint-floor")
        return FileManager.default.isExecutableFile(atPath: floor.path) ? FloorProgram(executable: floor) : nil
    }

    /// Writes the page in the form floor.c reads: "page W H", then per cell
    /// a tab-separated line ending in its font's families, its text's byte
    /// count, then the text itself.
    static func writePage(size: Size, cells: [DirectCell], to file: URL) throws {
        var out = Data("page \(size.width.points) \(size.height.points)\n".utf8)
        for cell in cells {
            let align = cell.align == .left ? "l" : cell.align == .right ? "r" : "c"
            let text = Data(cell.text.utf8)
            let fields: [String] = [
                "\(cell.frame.minX.points)", "\(cell.frame.minY.points)", "\(cell.frame.size.width.points)", "\(cell.frame.size.height.points)",
                cell.font.bold ? "1" : "0", "\(cell.font.size.points)", align, "\(cell.padding.points)", "\(text.count)",
                FontLibrary.families(cell.font.family),
            ]
            out += Data((fields.joined(separator: "\t") + "\n").utf8) + text + Data("\n".utf8)
        }
        try out.write(to: file, options: .atomic)
    }

    /// The arguments that draw `page` `count` times into `folder`.
    func arguments(page: URL, fonts: URL, folder: URL, count: Int) -> [String] {
        [page.path, fonts.path, folder.path, "\(count)"]
    }
}

/// Instruction counts of whole processes, by callgrind: they do not depend
/// on the machine's load, so a change of a few per cent shows in them.
struct InstructionCounter {
    let valgrind: URL

    /// valgrind from PATH; nil when it is not installed.
    static func find() -> InstructionCounter? {
        let path = EnvironmentVariables.value("PATH") ?? "/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("valgrind")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return InstructionCounter(valgrind: candidate) }
        }
        return nil
    }

    /// A copy of `executable` in `folder` without its DWARF 5 debug
    /// information, which valgrind 3.19 cannot read ("Possibly corrupted
    /// debuginfo file"); the executable itself when `strip` is missing. The
    /// copy finds Fonts/ and Layouts/ through the checkout it was built
    /// from, as the original does.
    static func strippedCopy(of executable: URL, in folder: URL) throws -> URL {
        let copy = folder.appendingPathComponent(executable.lastPathComponent)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let strip = Process()
        strip.executableURL = URL(fileURLWithPath: "/usr/bin/strip")
        strip.arguments = ["--strip-debug", "-o", copy.path, executable.path]
        guard (try? strip.run()) != nil else { return executable }
        strip.waitUntilExit()
        return strip.terminationStatus == 0 ? copy : executable
    }

    /// The instructions `executable arguments` executes, all threads, from
    /// start to exit ("Collected" of callgrind's summary).
    func count(_ executable: URL, _ arguments: [String]) throws -> Int {
        let process = Process()
        process.executableURL = valgrind
        process.arguments = ["--tool=callgrind", "--callgrind-out-file=/dev/null", executable.path] + arguments
        let pipe = Pipe()
        process.standardError = pipe
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let line = text.split(separator: "\n").first(where: { $0.contains("Collected :") }),
              let count = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") else {
            throw FormPrintError.resourcesMissing(.described("callgrind of \(executable.lastPathComponent) \(arguments.joined(separator: " ")) failed:\n"
                + text.split(separator: "\n").suffix(8).joined(separator: "\n")))
        }
        return count
    }
}
