import Evaluation
import FormPrint
import Foundation
import InputReading

/// A batch's units against the bureau's roster (`batch --roster`): one
/// line per roster unit, in the roster's order, with the files that name
/// it — matched after the one folding of unit names (`UnitNameFolding`:
/// spaces, full-width forms, brackets) — then one line per unit that is not
/// on the roster. A file that failed is listed under the unit it names when
/// it can be read that far, so a unit that did submit is never also
/// counted as 未提交. Without a roster every unit is a line of its own kind.
package struct RosterMatch: Sendable {
    package struct Line: Sendable {
        /// The roster's writing of the name for a roster unit; the unit
        /// file's (or, for a file naming none, the file's name) otherwise.
        package var name: String
        package var onRoster: Bool
        /// The files of this unit in the batch; none: not submitted.
        package var units: [UnitSummary]

        /// The worst standing of its files (a broken file beside a good
        /// one still needs the bureau's attention); 未提交 without files.
        package var status: ReviewStatus { units.map(ReviewStatus.init).min() ?? .notSubmitted }
    }

    package var lines: [Line]
    /// Whether a roster was given (else `lines` are the batch's units alone).
    package var hasRoster: Bool

    package var rosterCount: Int { lines.filter(\.onRoster).count }
    package var submittedFromRoster: Int { lines.filter { $0.onRoster && !$0.units.isEmpty }.count }
    package var notSubmitted: [Line] { lines.filter { $0.onRoster && $0.units.isEmpty } }
    package var offRoster: [Line] { lines.filter { !$0.onRoster } }

    /// `namedBy` reads the unit a failed file names (a unit file read as far
    /// as its `unit.name`); tests may pass their own.
    package init(summary: BatchSummary, roster: Roster?, namedBy probe: (UnitSummary) -> String? = RosterMatch.unitName) {
        hasRoster = roster != nil
        var lines = (roster?.units ?? []).map { Line(name: $0, onRoster: true, units: []) }
        var byName: [String: Int] = [:]
        for (index, line) in lines.enumerated() where byName[UnitNameFolding.folded(line.name)] == nil {
            byName[UnitNameFolding.folded(line.name)] = index
        }
        for unit in summary.units {
            let named = probe(unit)
            guard let named, !UnitNameFolding.folded(named).isEmpty else {
                // Nothing names the unit: the file alone is the line.
                lines.append(Line(name: URL(fileURLWithPath: unit.input).lastPathComponent, onRoster: false, units: [unit]))
                continue
            }
            let key = UnitNameFolding.folded(named)
            if let index = byName[key] {
                lines[index].units.append(unit)
            } else {
                byName[key] = lines.count
                lines.append(Line(name: named, onRoster: false, units: [unit]))
            }
        }
        self.lines = lines
    }

    /// The unit a file names: as read when it rendered, else as far as
    /// its unit file can be read (nil for a file that names none).
    package static func unitName(_ unit: UnitSummary) -> String? {
        unit.unit ?? UnitNameProbe.name(inFile: URL(fileURLWithPath: unit.input))
    }

    /// "共 55 个单位：名单内 52 个（已提交 50 个，未提交 2 个），名单外 3 个。"
    package var totals: Message {
        let all = lines.count
        guard hasRoster else { return Message(chinese: "共 \(all) 个单位。", english: "\(all) unit\(all == 1 ? "" : "s").") }
        let roster = rosterCount, submitted = submittedFromRoster, missing = notSubmitted.count, extra = offRoster.count
        return Message(
            chinese: "共 \(all) 个单位：名单内 \(roster) 个（已提交 \(submitted) 个，未提交 \(missing) 个），名单外 \(extra) 个。",
            english: "\(all) units: \(roster) on the roster (\(submitted) submitted, \(missing) not submitted), \(extra) not on the roster.")
    }
}
