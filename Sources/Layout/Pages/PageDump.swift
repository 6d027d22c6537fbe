/// A plain-text listing of laid-out pages: every text run and rule with its
/// position in millimetres (0.1 mm). Tests compare it with a stored
/// snapshot, and it is what to read when a form looks wrong.
package enum PageDump {
    package static func text(of pages: [Page]) -> String {
        var out = ""
        for (number, page) in pages.enumerated() {
            out += "page \(number + 1) \(mm(page.size.width))×\(mm(page.size.height))"
            if let placement = page.transform.placement {
                out += " placed ×\((placement.scale * 1000).rounded() / 1000) turned \(placement.quarterTurns * 90)° at \(mm(placement.translation.x)),\(mm(placement.translation.y))"
            }
            out += "\n"
            for item in page.items + page.overlay {
                switch item {
                case .text(let run):
                    let style = "\(run.font.family.rawValue)\(run.font.bold ? "-bold" : "") \(points(run.font.size))pt"
                    let turn = run.angle == 0 && run.gray == 0 && run.opacity == 1 ? "" : " turned \(run.angle)° grey \(run.gray) opacity \(run.opacity)"
                    out += "  text \(mm(run.origin.x)),\(mm(run.origin.y)) \(style)\(turn) \(run.text)\(run.isComputed ? "  [computed]" : "")\n"
                case .line(let line):
                    out += "  rule \(mm(line.from.x)),\(mm(line.from.y)) → \(mm(line.to.x)),\(mm(line.to.y))\n"
                }
            }
        }
        return out
    }

    static func mm(_ length: Length) -> String {
        let tenths = (length.points * 254 / 72).rounded()
        let negative = tenths < 0
        let value = Int(abs(tenths))
        return (negative ? "-" : "") + "\(value / 10).\(value % 10)"
    }

    static func points(_ length: Length) -> String {
        let value = (length.points * 10).rounded() / 10
        return value == value.rounded() ? String(Int(value)) : String(value)
    }
}
