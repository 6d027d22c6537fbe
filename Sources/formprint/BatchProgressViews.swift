import Batch
import CommandSupport
import FormPrint
import Foundation
import Support

/// Progress views that can also show a message between unit reports and
/// tidy the terminal at the end.
protocol Noting: Sendable {
    func note(_ message: String)
    func end()
}

/// One line per unit on standard output, failures on standard error:
/// for logs, pipes and CI (and `--quiet`, `--verbose` on a terminal).
final class LineProgress: BatchProgress, Noting, @unchecked Sendable {
    enum Mode { case quiet, normal, verbose }

    let mode: Mode
    /// Whole lines, one writer at a time.
    private let writing = Locked(())

    init(mode: Mode) { self.mode = mode }

    func started(total: Int) {
        if mode != .quiet { write(startLine(total) + "\n", to: .standardOutput) }
    }

    func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts) {
        let counter = "[\(String(counts.done).leftPadded(to: String(counts.total).count))/\(counts.total)]"
        if unit.status == .failed {
            write("\(counter) \(statusWord(unit.status)) \(unit.input)\n" + unit.errors.map { "  " + $0 + "\n" }.joined(), to: .standardError)
            return
        }
        guard mode != .quiet else { return }
        let pages = unit.documents.reduce(0) { $0 + $1.pages }
        let findings = unit.warnings + unit.documents.flatMap(\.findings)
        let documents = unit.documents.count
        var text = "\(counter) \(statusWord(unit.status)) \(unit.input) → \(unit.folder ?? "")"
            + say("（\(documents)份文档，\(pages)页" + (findings.isEmpty ? "" : "，\(findings.count)个问题") + "）",
                  " (\(documents) documents, \(pages) pages" + (findings.isEmpty ? "" : ", \(findings.count) finding\(findings.count == 1 ? "" : "s")") + ")")
            + "\n"
        if mode == .verbose {
            text += files.map { "  " + $0 + "\n" }.joined()
            text += findings.map { "  " + $0 + "\n" }.joined()
        }
        write(text, to: .standardOutput)
    }

    func note(_ message: String) { write(message + "\n", to: .standardError) }

    func end() {}

    private func write(_ text: String, to handle: FileHandle) {
        writing.withLock { _ in handle.write(Data(text.utf8)) }
    }
}

/// A live line on the terminal — done/total, units per second, time left,
/// failures so far — with failures printed above it. Findings are counted
/// in the final table and listed in summary.csv (`--verbose` prints them).
final class LiveProgress: BatchProgress, Noting, @unchecked Sendable {
    /// The live line as it is now, redrawn by one thread at a time.
    private let line = Locked("")
    private let output = FileHandle.standardError

    func started(total: Int) {
        line.withLock { redraw(startLine(total), &$0) }
    }

    func finished(_ unit: UnitSummary, files: [String], counts: BatchCounts) {
        line.withLock { line in
            var above = ""
            if unit.status == .failed {
                above += say("失败：\(unit.input)", "failed: \(unit.input)") + "\n" + unit.errors.map { "  " + $0 + "\n" }.joined()
            }
            var status = "[\(counts.done)/\(counts.total)] " + say(String(format: "每秒%.1f个单位", counts.rate), String(format: "%.1f units/s", counts.rate))
            if let remaining = counts.remaining { status += " · " + say("剩余" + Self.duration(remaining), Self.duration(remaining) + " left") }
            if counts.failed > 0 { status += " · " + say("失败\(counts.failed)个", "\(counts.failed) failed") }
            status += " · " + (unit.unit ?? unit.input)
            clear()
            output.write(Data(above.utf8))
            redraw(status, &line)
        }
    }

    func note(_ message: String) {
        line.withLock { line in
            clear()
            output.write(Data((message + "\n").utf8))
            redraw(line, &line)
        }
    }

    func end() {
        line.withLock { _ in clear() }
    }

    private func clear() { output.write(Data("\r\u{1B}[K".utf8)) }

    /// The line, cut to the terminal's width so that it never wraps.
    private func redraw(_ text: String, _ line: inout String) {
        line = text
        var size = winsize()
        let columns = ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0 ? Int(size.ws_col) : 80
        var shown = ""
        var width = 0
        for character in text {
            // CJK characters take two columns.
            let cells = character.unicodeScalars.first.map { $0.value >= 0x1100 ? 2 : 1 } ?? 1
            if width + cells > columns - 1 { break }
            shown.append(character)
            width += cells
        }
        output.write(Data(shown.utf8))
    }

    static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 60 ? say("\(whole / 60)分\(whole % 60)秒", "\(whole / 60) min \(whole % 60) s") : say("\(whole)秒", "\(whole) s")
    }
}

/// "batch: 200 units" when a batch starts.
private func startLine(_ total: Int) -> String {
    say("批量生成：\(total)个单位", "batch: \(total) unit\(total == 1 ? "" : "s")")
}

/// A unit's status in the per-unit lines, padded to one width.
private func statusWord(_ status: UnitSummary.Status) -> String {
    let word = status.word.text
    return word.paddedToColumns(10)
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
