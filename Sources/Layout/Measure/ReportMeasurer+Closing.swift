/// The lines after the report's body: the 附件说明, then the 署名 and
/// 成文日期, placed across the text block as GB/T 9704 §7.3.4–7.3.5 says.
extension ReportMeasurer {
    /// 附件说明 by GB/T 9704 §7.3.4: a blank line after the body, then
    /// "附件：" two characters in, the names numbered "1." "2." when there are
    /// several, each further name (and a wrapped name) aligned with the
    /// first name's first character.
    static func attachmentLines(_ names: [String], flow: FlowSpec, content: Rect,
                                measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        guard !names.isEmpty else { return [] }
        let font = flow.body.font
        let origin = TextOrigin.unit("report.attachments")
        let character = try measurer.width(of: "\u{3000}", font: font, at: origin)
        let label = "附件："
        let labelX = content.minX + character * flow.firstLineIndent
        let itemX = labelX + (try measurer.width(of: label, font: font, at: origin))
        var lines = [FlowLine(runs: [], keepWithNext: true)]
        for (index, name) in names.enumerated() {
            let number = names.count > 1 ? "\(index + 1)." : ""
            let numberWidth = try measurer.width(of: number, font: font, at: origin)
            let nameX = itemX + numberWidth
            let broken = try TableMeasurer.breakLines(name, style: flow.body, font: font, width: content.maxX - nameX, origin: origin, measurer)
            for (lineIndex, line) in broken.enumerated() {
                var runs: [TextRun] = []
                if index == 0 && lineIndex == 0 { runs.append(TextRun(text: label, font: font, origin: Point(x: labelX, y: .zero))) }
                if lineIndex == 0 && !number.isEmpty { runs.append(TextRun(text: number, font: font.font(for: "1"), origin: Point(x: itemX, y: .zero))) }
                runs += try measurer.runs(of: line.text, font: font, x: nameX, at: origin, quoting: name)
                lines.append(FlowLine(runs: runs, keepWithNext: true))
            }
        }
        lines[lines.count - 1].keepWithNext = false
        return lines
    }

    /// 署名 and 成文日期 by GB/T 9704 §7.3.5, one blank line below the body.
    /// Without a seal: the 署名 right-indented two characters, the date below
    /// it starting two characters further right (a longer date moves both
    /// left). With a seal: the date right-indented four characters and the
    /// 署名 centred on it; the seal is stamped over both.
    static func signatureLines(_ report: ResolvedReport, flow: FlowSpec, content: Rect,
                               measurer: some TextMeasurer) throws(LayoutFailure) -> [FlowLine] {
        guard !report.signature.isEmpty || !report.date.isEmpty else { return [] }
        let font = flow.body.font
        let character = try measurer.width(of: "\u{3000}", font: font, at: .unit("report.signature"))
        let signatureWidth = try measurer.width(of: report.signature, font: font, at: .unit("report.signature"))
        let dateWidth = try measurer.width(of: report.date, font: font, at: .unit("report.date"))
        var signatureX: Length, dateX: Length
        if report.sealed {
            dateX = content.maxX - character * 4 - dateWidth
            signatureX = dateX + (dateWidth - signatureWidth) / 2
        } else {
            let right = content.maxX - character * flow.signatureRightIndent
            signatureX = right - signatureWidth
            dateX = signatureX + character * 2
            if !(dateX + dateWidth).fits(in: right) {
                dateX = right - dateWidth
                signatureX = dateX - character * 2
            }
        }
        var lines = [FlowLine(runs: [], keepWithNext: true)]
        if !report.signature.isEmpty {
            lines.append(FlowLine(runs: try measurer.runs(of: report.signature, font: font, x: signatureX, at: .unit("report.signature")),
                                  keepWithNext: true))
        }
        if !report.date.isEmpty {
            lines.append(FlowLine(runs: try measurer.runs(of: report.date, font: font, x: dateX, at: .unit("report.date")), keepWithNext: false))
        }
        return lines
    }
}
