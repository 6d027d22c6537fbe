import Evaluation
import Foundation
import Layout
import Testing

/// The seed laid out in each form layout, as a page dump compared with a
/// stored snapshot (Tests/LayoutTests/Snapshots). A change to the layout
/// engine or a layout file that moves anything shows up here as a diff;
/// after checking the rendered PDF by eye, refresh the snapshots with
/// FORMPRINT_UPDATE_SNAPSHOTS=1 swift test --filter PageSnapshot.
@Suite("Page dump snapshots")
struct PageSnapshotTests {
    @Test("the seed and a 60-indicator unit match their page dumps",
          arguments: ["project-jilin.yaml", "project-national.yaml", "project-national.yaml@60"])
    func snapshot(_ name: String) throws {
        let parts = name.split(separator: "@")
        let unit = parts.count > 1 ? unitWithIndicators(Int(parts[1])!) : seedUnit()
        let form = try LaidOutForm(unit, layout: String(parts[0]))
        let dump = PageDump.text(of: form.pages)
        let file = layoutsFolder().deletingLastPathComponent().appendingPathComponent("Tests/LayoutTests/Snapshots")
            .appendingPathComponent(name.replacingOccurrences(of: ".yaml", with: "").replacingOccurrences(of: "@", with: "-") + ".txt")
        if ProcessInfo.processInfo.environment["FORMPRINT_UPDATE_SNAPSHOTS"] == "1" {
            try dump.write(to: file, atomically: true, encoding: .utf8)
        }
        let stored = try String(contentsOf: file, encoding: .utf8)
        if stored != dump {
            let mine = dump.split(separator: "\n", omittingEmptySubsequences: false)
            let theirs = stored.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(mine, theirs).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(mine.count, theirs.count)
            Issue.record("""
                \(file.lastPathComponent) differs from line \(first + 1):
                  stored: \(first < theirs.count ? theirs[first] : "(end)")
                  now:    \(first < mine.count ? mine[first] : "(end)")
                """)
        }
    }

    @Test("the page dump lists texts and rules in millimetres")
    func dumpFormat() throws {
        let form = try LaidOutForm(seedUnit())
        let dump = PageDump.text(of: form.pages)
        #expect(dump.hasPrefix("page 1 210.0×297.0\n"))
        #expect(dump.contains(" song-bold 18pt 项目支出绩效自评表\n"))
        #expect(dump.contains("  rule 25.0,"))
    }
}
