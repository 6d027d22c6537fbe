import ArgumentParser
import CommandSupport

/// `serve` in `formprint --help`'s list of commands. `FormPrintCommand.main`
/// hands a serve command line to the desk before parsing; should the
/// parser reach this command all the same, it does the same.
struct ServeCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "serve", abstract: DeskWords.serveAbstract)
    }

    @Argument(parsing: .captureForPassthrough) var arguments: [String] = []

    func run() throws {
        DeskLauncher.exec(arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
