import Foundation

/// A pasted table as the officer sees it: lines of tab-separated cells, as
/// WPS and Excel copy them. The findings' places (line, and the character
/// column counted with a tab as one) are turned into cells here, and an
/// edited grid is turned back into the text it stands for.
package struct PastedGrid: Sendable, Equatable {
    package var lines: [[String]]

    package init(text: String) {
        let normalised = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        lines = normalised.components(separatedBy: "\n").map { $0.components(separatedBy: "\t") }
    }

    package init(lines: [[String]]) { self.lines = lines }

    package var text: String { lines.map { $0.joined(separator: "\t") }.joined(separator: "\n") }

    package var width: Int { lines.map(\.count).max() ?? 0 }

    /// The cell (line, 1-based grid column) holding the 1-based character
    /// `column` of `line`.
    package func cell(line: Int, characterColumn column: Int) -> (line: Int, column: Int)? {
        guard line >= 1, line <= lines.count else { return nil }
        var position = 1
        for (index, cell) in lines[line - 1].enumerated() {
            let end = position + cell.count
            if column >= position && column <= end { return (line, index + 1) }
            position = end + 1
        }
        return nil
    }

    /// The grid with the cells posted as `r<line>c<column>` replaced; every
    /// other cell is kept as it was.
    package func edited(_ fields: [String: String]) -> PastedGrid {
        var result = self
        for (l, line) in lines.enumerated() {
            for c in line.indices {
                if let value = fields["r\(l + 1)c\(c + 1)"] {
                    // A cell is one cell: a tab or line break typed into it
                    // would shift every cell after it.
                    result.lines[l][c] = value.replacingOccurrences(of: "\t", with: " ")
                        .replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                }
            }
        }
        return result
    }
}
