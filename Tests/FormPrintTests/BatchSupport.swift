import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// Unit files for batch tests: copies of the seed unit under other names.
enum BatchFixture {
    static let seedText = try! String(contentsOf: exampleUnit, encoding: .utf8)
    static let seedNameLine = "  name: 柳河县政务服务和数字化建设管理局   # 单位名称"

    /// The seed unit renamed; `extra` lines are added after `year:`.
    static func unit(named name: String, extra: String = "") -> String {
        precondition(seedText.contains(seedNameLine))
        var text = seedText.replacingOccurrences(of: seedNameLine, with: "  name: \(name)")
        if !extra.isEmpty { text = text.replacingOccurrences(of: "\nyear: 2024", with: "\nyear: 2024\n" + extra) }
        return text
    }

    /// A small unit: one project form, no department form or report.
    static func smallUnit(named name: String) -> String {
        """
        formprint: 1
        unit: {name: \(name)}
        year: 2024
        projects:
          - name: \(name)的项目
            implementingUnit: \(name)
            totalScore: "92"
            funds:
              - {source: 当年财政拨款, initialBudget: 10.00, annualBudget: 10.00, executed: 9.00, executionRate: 90.00%}
            goal: {expected: 完成年度工作, actual: 已完成}
            indicators:
              - category: 产出指标
                subcategories:
                  - category: 数量指标
                    indicators:
                      - {name: 覆盖人数, target: ">=100人", actual: 120人}
        """
    }

    /// A folder with `good` seed copies (测试单位1…), a broken YAML, a unit
    /// asking for a layout that does not exist, and a second file for
    /// 测试单位1 in a subfolder.
    static func mixedFolder(good: Int = 3) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("more"), withIntermediateDirectories: true)
        for index in 1...good {
            try write(unit(named: "测试单位\(index)"), to: folder.appendingPathComponent("unit\(index).yaml"))
        }
        try write("formprint: 1\nunit: {name: 坏文件\nyear: 2024\n", to: folder.appendingPathComponent("broken.yaml"))
        try write(unit(named: "布局错误单位", extra: "layouts: {project: project-nowhere}"),
                  to: folder.appendingPathComponent("impossible.yaml"))
        try write(unit(named: "测试单位1"), to: folder.appendingPathComponent("more/again.yaml"))
        return folder
    }

    /// A folder of `count` small units.
    static func smallFolder(_ count: Int) throws -> URL {
        let folder = try temporaryFolder().appendingPathComponent("units")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for index in 1...count {
            try write(smallUnit(named: "小单位\(index)"), to: folder.appendingPathComponent(String(format: "u%03d.yaml", index)))
        }
        return folder
    }

    static func write(_ text: String, to url: URL) throws {
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    static func run(_ inputs: [URL], output: URL, jobs: Int = 2, shard: Shard? = nil, skipUnchanged: Bool = false,
                    options: RenderOptions = RenderOptions(combined: true)) throws -> BatchSummary {
        let plan = try BatchPlan(arguments: inputs.map(\.path), excluding: output, shard: shard)
        let runner = try BatchRunner(configuration: BatchConfiguration(output: output, options: options, jobs: jobs,
                                                                       skipUnchanged: skipUnchanged))
        let summary = runner.run(plan)
        try SummaryFiles.write(summary, into: output, baseName: SummaryFiles.baseName(shard: shard))
        return summary
    }

    /// Every file below `folder` (relative paths, sorted) with its bytes,
    /// hidden files and the summaries (which carry the run's time) left out.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        where !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) && !path.hasPrefix("summary") {
            var isDirectory: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }

    /// The summary without its run time, for comparing runs.
    static func timeless(_ summary: BatchSummary) -> BatchSummary {
        var copy = summary
        copy.seconds = 0
        return copy
    }
}

/// The command-line tool `swift test` builds next to the tests (it builds
/// every product). The tests never build it themselves: with `--skip-build`
/// they use whatever was built last, and a missing binary fails the test
/// that needs it with a message saying how to build it.
let formprintBinary = repositoryRoot.appendingPathComponent(".build/debug/formprint")

/// Fails with a clear message when `.build/debug/formprint` is missing.
func requireFormPrintBinary() throws -> URL {
    guard FileManager.default.isExecutableFile(atPath: formprintBinary.path) else {
        throw MissingBinary(path: formprintBinary.path)
    }
    return formprintBinary
}

struct MissingBinary: Error, CustomStringConvertible {
    let path: String
    var description: String {
        "\(path) is missing: run `swift build` (or `swift test` without --skip-build), which builds it"
    }
}

/// Runs the built `formprint` with `arguments`; returns status, stdout and stderr.
/// Runs the built `formprint`. Its language does not depend on the
/// machine's locale: English unless `environment` sets another (an empty
/// value is unset, which means Chinese) or the arguments pass `--lang`.
func runFormPrint(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: String, errors: String) {
    let process = Process()
    process.executableURL = try requireFormPrintBinary()
    process.arguments = arguments
    let english = ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_US.UTF-8"]
    process.environment = ProcessInfo.processInfo.environment.merging(english) { $1 }.merging(environment) { $1 }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let errorData = ReadAll(errors.fileHandleForReading)
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: outputData, as: UTF8.self), String(decoding: errorData.wait(), as: UTF8.self))
}

/// Reads a pipe to its end on another thread, so that a child filling
/// both stdout and stderr cannot block.
final class ReadAll: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
