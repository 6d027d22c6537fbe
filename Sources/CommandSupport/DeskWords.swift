/// The desk's one-line description, shown by `formprint --help` (where
/// `serve` is listed) and by `formprint serve --help` (the desk's own
/// executable, which parses serve's options): written once, for both.
package enum DeskWords {
    package static var serveAbstract: String {
        say("启动网页服务：各单位在网页上填报、改正自评表，财政局汇总。",
            "Serve the web desk: officers hand in and fix their forms (填报), the bureau collects them (汇总).")
    }
}
