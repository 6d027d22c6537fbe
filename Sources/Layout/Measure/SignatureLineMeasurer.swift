/// Places signature fields ("单位负责人（签字）：" and a blank line to sign
/// on) across the table's width: fields spread evenly over a row, and a
/// field that does not fit starts a new row.
enum SignatureLineMeasurer {
    private struct Sized {
        var label: TextLine
        var value: TextLine?
        var lineWidth: Length
        var width: Length { label.width + lineWidth }
    }

    static func measure(_ line: ResolvedSignatureLine, width: Length,
                        _ measurer: some TextMeasurer) throws(LayoutFailure) -> MeasuredSignatureLine {
        let font = line.style.font
        var sized: [Sized] = []
        for field in line.fields {
            let label: TextLine, value: TextLine?
            do {
                label = TextLine(text: field.label, width: try measurer.width(of: field.label, font: font))
                value = field.value.isEmpty ? nil : TextLine(text: field.value, width: try measurer.width(of: field.value, font: font))
            } catch {
                switch error {
                case .missingGlyphs(let characters):
                    throw LayoutFailure.missingGlyphs(characters, in: field.origin, text: field.label + field.value)
                }
            }
            // A written value longer than the blank line lengthens it; a
            // field with no line (a seal area) stays without one. A field
            // wider than the table cannot be printed on one line.
            var lineWidth = field.lineWidth
            if let value {
                lineWidth = max(lineWidth, value.width + font.size)
                if !(label.width + value.width).fits(in: width) {
                    throw LayoutFailure.signatureTooWide(text: field.label + field.value, origin: field.origin,
                                                         needed: label.width + value.width, available: width)
                }
            }
            lineWidth = min(lineWidth, max(width - label.width, .zero))
            sized.append(Sized(label: label, value: value, lineWidth: lineWidth))
        }
        let minimumGap = font.size * 2
        var rows: [[Sized]] = [[]]
        var used = Length.zero
        for field in sized {
            if !rows[rows.count - 1].isEmpty && !(used + minimumGap + field.width).fits(in: width) {
                rows.append([])
                used = .zero
            }
            used += (rows[rows.count - 1].isEmpty ? .zero : minimumGap) + field.width
            rows[rows.count - 1].append(field)
        }
        let placed = rows.map { row -> [PlacedSignatureField] in
            let total = row.reduce(Length.zero) { $0 + $1.width }
            let gap = row.count > 1 ? (width - total) / Double(row.count - 1) : .zero
            var x = Length.zero
            return row.map { field in
                defer { x += field.width + gap }
                return PlacedSignatureField(label: field.label, labelX: x, lineX: x + field.label.width, lineWidth: field.lineWidth,
                                            value: field.value)
            }
        }
        return MeasuredSignatureLine(line: line, rows: placed)
    }
}
