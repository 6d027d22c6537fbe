import Foundation
import Testing

/// The command line speaks Chinese by default (no locale, C, POSIX or a
/// zh_* one) and English with --lang en or an English locale — help included.
struct CommandLanguageTests {
    static let unset = ["LANG": "", "LC_ALL": "", "LC_MESSAGES": ""]

    @Test("formprint --help and formprint render --help are Chinese by default and English with --lang en or LANG=en_US.UTF-8",
          arguments: [["--help"], ["render", "--help"]])
    func help(arguments: [String]) throws {
        let chinese = try runFormPrint(arguments, environment: Self.unset)
        #expect(chinese.status == 0)
        #expect(chinese.output.contains(arguments.count == 1 ? "把预算绩效自评表" : "把每个输入的文档生成PDF"), "\(chinese.output.prefix(400))")
        #expect(chinese.output.contains("输出语言"))
        // swift-argument-parser's own headings and option help, too.
        #expect(chinese.output.contains("用法：formprint") && chinese.output.contains("选项：") && chinese.output.contains("显示帮助信息。"))
        #expect(!chinese.output.contains("USAGE:") && !chinese.output.contains("Show help information."))
        let zh = try runFormPrint(arguments, environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(zh.output == chinese.output)
        // C and POSIX — a server's or a container's locale — are Chinese too.
        #expect(try runFormPrint(arguments, environment: ["LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""]).output == chinese.output)
        #expect(try runFormPrint(arguments, environment: ["LC_ALL": "POSIX"]).output == chinese.output)
        let english = try runFormPrint(arguments + ["--lang", "en"], environment: Self.unset)
        #expect(english.output.contains(arguments.count == 1 ? "Print China's budget-performance" : "Render each input's documents"), "\(english.output.prefix(400))")
        #expect(!english.output.contains("输出语言"))
        #expect(english.output.contains("USAGE: formprint") && english.output.contains("OPTIONS:"))
        let locale = try runFormPrint(arguments, environment: ["LANG": "en_US.UTF-8", "LC_ALL": "", "LC_MESSAGES": ""])
        #expect(locale.output == english.output)
        // --lang wins over the locale.
        #expect(try runFormPrint(arguments + ["--lang", "zh"], environment: ["LANG": "en_US.UTF-8"]).output == chinese.output)
    }

    @Test("a missing input: the same Chinese sentence with the path and exit status 2 in every command; English with --lang en")
    func missingFileInEveryCommand() throws {
        let missing = try temporaryFolder().appendingPathComponent("不存在.yaml").path
        let output = try temporaryFolder().path
        let commands = [["validate", missing], ["render", missing, "-o", output], ["import", missing, "-o", output],
                        ["batch", missing, "-o", output], ["layouts", "check", missing]]
        for command in commands {
            let chinese = try runFormPrint(command, environment: Self.unset)
            #expect(chinese.status == 2, "\(command[0]): \(chinese.status) \(chinese.errors)")
            #expect(chinese.errors.contains("\(missing): 错误："), "\(command[0]): \(chinese.errors)")
            #expect(chinese.errors.contains("不存在，请检查路径和名称"), "\(command[0]): \(chinese.errors)")
            let english = try runFormPrint(command + ["--lang", "en"], environment: Self.unset)
            #expect(english.status == 2)
            #expect(english.errors.contains("\(missing): error: ") && english.errors.contains("no such file or folder"), "\(command[0]): \(english.errors)")
            #expect(!english.errors.contains("doesn’t exist") && !english.errors.contains("couldn’t be opened"))
        }
    }

    @Test("a mistake on the command line is exit status 64, in the run's language")
    func usage() throws {
        let result = try runFormPrint(["batch", "x", "--jobs", "0"], environment: Self.unset)
        #expect(result.status == 64)
        #expect(result.errors.contains("--jobs 至少为1"), "\(result.errors)")
        #expect(try runFormPrint(["batch", "x", "--jobs", "0", "--lang", "en"]).errors.contains("--jobs must be at least 1"))
        #expect(try runFormPrint(["render", "x", "--lang", "fr"]).status == 64)
        let missing = try runFormPrint(["render"], environment: Self.unset)
        #expect(missing.status == 64)
        #expect(missing.errors.hasPrefix("错误：缺少必需的参数 '<units> ...'") && missing.errors.contains("用 'formprint render --help' 查看更多信息。"),
                "\(missing.errors)")
        #expect(try runFormPrint(["render"]).errors.hasPrefix("Error: Missing expected argument"))
        // The parser's suggestion and its placeholders are Chinese too (issue 27).
        let typo = try runFormPrint(["validate", "x.yaml", "--formt", "json"], environment: Self.unset)
        #expect(typo.status == 64)
        #expect(typo.errors.contains("未知选项 '--formt'；是否要用 '--format'？") && !typo.errors.contains("Did you mean"), "\(typo.errors)")
        let help = try runFormPrint(["--help"], environment: Self.unset).output
        #expect(help.contains("<子命令>") && !help.contains("<subcommand>") && !help.contains("<options>"), "\(help)")
        let renderHelp = try runFormPrint(["render", "--help"], environment: Self.unset).output
        #expect(renderHelp.contains("[<选项>]") && !renderHelp.contains("<options>"), "\(renderHelp.prefix(300))")
        #expect(try runFormPrint(["validate", "x.yaml", "--formt", "json", "--lang", "en"]).errors.contains("Did you mean '--format'?"))
    }

    @Test("findings and the end of a batch are in the run's language")
    func findingsAndBatchInChinese() throws {
        let validate = try runFormPrint(["validate", exampleUnit.path], environment: Self.unset)
        #expect(validate.status == 0)
        #expect(validate.output.contains(": 警告[FP301]：优化政府部门：完成值14.4万元"), "\(validate.output.prefix(500))")
        #expect(validate.output.contains("0个错误，7个警告，1个提示"))
        let folder = try temporaryFolder()
        try FileManager.default.copyItem(at: exampleUnit, to: folder.appendingPathComponent("a.yaml"))
        try "formprint: 1\nunit: {name: 坏单位}\nyear: 2024\nprojects:\n  - name: [x]\n".write(to: folder.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        let batch = try runFormPrint(["batch", folder.path, "-o", try temporaryFolder().path, "--jobs", "1"], environment: Self.unset)
        #expect(batch.status == 1)
        #expect(batch.output.contains("FormPrint 批量生成") && batch.output.contains("无法生成1个"), "\(batch.output)")
        #expect(batch.output.contains("无法生成（1个）："), "\(batch.output)")
        #expect(batch.errors.contains("b.yaml:5:11: 错误：projects[0].name应为文字"), "\(batch.errors)")
    }
}
