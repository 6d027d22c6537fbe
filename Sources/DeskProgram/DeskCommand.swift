import ArgumentParser
import CommandSupport
import FormPrint

/// `formprint-desk`, the web desk's executable: what `formprint serve …`
/// runs (`formprint` execs it with its own arguments). Its root is named
/// `formprint` so that usage lines and the parser's hints name the command
/// people type, `formprint serve …`. Its own executable, so that the
/// server stack (Hummingbird, NIO, GRDB) is loaded by the desk alone.
@main
struct DeskCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "formprint", abstract: DeskWords.serveAbstract, version: UnitRenderer.version,
                             subcommands: [ServeCommand.self], defaultSubcommand: ServeCommand.self)
    }

    @OptionGroup var language: LanguageOption

    static func main() {
        CommandMain.prepare()
        CommandMain.parseAndRun(self)
    }
}
