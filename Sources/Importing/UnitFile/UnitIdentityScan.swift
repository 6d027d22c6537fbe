import Foundation
import InputReading
import Support

/// A unit file's name and year, found by looking at its lines instead of
/// parsing it. A batch needs every unit's identity before it renders any
/// (to give each its own output folder), and reading every file twice —
/// once for that, once to render it — was a tenth of a batch's work
/// (docs/BENCHMARKS.md, issue 25).
///
/// The scan accepts only the plain shapes FormPrint writes and people copy
/// — `year: 2024` and `unit:` with an indented `name: …` (or
/// `unit: {name: …}`) at the top level of a block mapping, the values plain
/// scalars on one line — and says nil for anything else (quotes, tabs,
/// carriage returns, anchors, a value that may continue on the next line,
/// a key twice, a JSON file), so that the caller reads the file as the
/// reader does. Where it answers, it answers what `UnitFileReader` reads.
package enum UnitIdentityScan {
    package struct Identity: Equatable, Sendable {
        package var name: String
        package var year: Int

        package init(name: String, year: Int) {
            self.name = name
            self.year = year
        }
    }

    package static func scan(_ text: String) -> Identity? {
        var bytes = Array(text.utf8)[...]
        // A byte order mark, a carriage return or a tab: leave it to the reader.
        guard !bytes.starts(with: [0xEF, 0xBB, 0xBF]), !bytes.contains(0x0D), !bytes.contains(0x09) else { return nil }
        var lines: [ArraySlice<UInt8>] = []
        while let end = bytes.firstIndex(of: 0x0A) {
            lines.append(bytes[..<end])
            bytes = bytes[(end + 1)...]
        }
        lines.append(bytes)

        var name: String?, year: Int?
        var sawUnit = false, sawYear = false, sawContent = false
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard let indent = contentIndent(line) else { continue }
            // The root must be a block mapping at the left margin.
            if !sawContent && indent != 0 { return nil }
            sawContent = true
            guard indent == 0 else { continue }
            guard let (key, rest) = keyAndRest(line) else { return nil }
            switch key {
            case "year":
                guard !sawYear, nextLineIsNotIndented(lines, after: index - 1, deeperThan: 0),
                      let value = plainValue(rest, inFlow: false), value.utf8.count <= 4, value.utf8.allSatisfy({ (0x30...0x39).contains($0) }),
                      let number = Int(value), (1990...2100).contains(number) else { return nil }
                sawYear = true
                year = number
            case "unit":
                guard !sawUnit else { return nil }
                sawUnit = true
                let value = String(decoding: rest, as: UTF8.self).trimmingSpaces()
                if value.hasPrefix("{") {
                    guard nextLineIsNotIndented(lines, after: index - 1, deeperThan: 0), let found = flowName(value) else { return nil }
                    name = found
                } else {
                    guard value.isEmpty || value.hasPrefix("#") else { return nil }
                    guard let (found, next) = blockName(lines, from: index) else { return nil }
                    name = found
                    index = next
                }
            default:
                continue
            }
        }
        guard let name, let year else { return nil }
        return Identity(name: name, year: year)
    }

    /// The indentation of a line with content; nil for a blank line or a comment.
    static func contentIndent(_ line: ArraySlice<UInt8>) -> Int? {
        let indent = line.prefix { $0 == 0x20 }.count
        guard indent < line.count, line[line.startIndex + indent] != 0x23 else { return nil }
        return indent
    }

    /// `key: rest` with a key of letters, digits, `_` and `-` (starting with
    /// a letter or `_`), after the line's indentation; nil for any other line.
    static func keyAndRest(_ line: ArraySlice<UInt8>) -> (String, ArraySlice<UInt8>)? {
        let body = line.drop { $0 == 0x20 }
        guard let first = body.first, isLetter(first) || first == 0x5F else { return nil }
        let key = body.prefix { isLetter($0) || (0x30...0x39).contains($0) || $0 == 0x5F || $0 == 0x2D }
        let rest = body[key.endIndex...]
        guard rest.first == 0x3A, rest.count == 1 || rest[rest.startIndex + 1] == 0x20 else { return nil }
        return (String(decoding: key, as: UTF8.self), rest.dropFirst())
    }

    static func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }

    /// Whether the line after `index` that is not blank is indented no
    /// deeper than `indent`: else it may continue the value on `index`.
    static func nextLineIsNotIndented(_ lines: [ArraySlice<UInt8>], after index: Int, deeperThan indent: Int) -> Bool {
        for line in lines[(index + 1)...] {
            let spaces = line.prefix { $0 == 0x20 }.count
            if spaces == line.count { continue }
            return spaces <= indent
        }
        return true
    }

    /// The `name:` of the block below `unit:` (lines from `start`), and the
    /// line after the block.
    static func blockName(_ lines: [ArraySlice<UInt8>], from start: Int) -> (String, Int)? {
        var blockIndent: Int?
        var name: String?
        var index = start
        while index < lines.count {
            let line = lines[index]
            guard let indent = contentIndent(line) else { index += 1; continue }
            if indent == 0 { break }
            let level = blockIndent ?? indent
            blockIndent = level
            if indent < level { return nil }
            if indent == level {
                guard let (key, rest) = keyAndRest(line) else { return nil }
                if key == "name" {
                    guard name == nil, nextLineIsNotIndented(lines, after: index, deeperThan: level),
                          let value = plainValue(rest, inFlow: false) else { return nil }
                    name = value
                }
            }
            index += 1
        }
        return name.map { ($0, index) }
    }

    /// `{name: X}` (and nothing else but a comment after it).
    static func flowName(_ value: String) -> String? {
        guard let close = value.firstIndex(of: "}") else { return nil }
        let after = value[value.index(after: close)...].trimmingSpaces()
        guard after.isEmpty || after.hasPrefix("#") else { return nil }
        let inside = value[value.index(after: value.startIndex)..<close].trimmingSpaces()
        guard inside.hasPrefix("name: ") else { return nil }
        return plainValue(Array(inside.utf8.dropFirst("name:".utf8.count))[...], inFlow: true)
    }

    /// The text of a plain scalar written on one line (after `key:`),
    /// without its comment, as YAML reads it — or nil for a value that is
    /// not plainly a plain scalar, or that the reader refuses or empties.
    static func plainValue(_ rest: ArraySlice<UInt8>, inFlow: Bool) -> String? {
        var text = String(decoding: rest, as: UTF8.self)
        if let comment = text.range(of: " #") { text = String(text[..<comment.lowerBound]) }
        text = text.trimmingCharacters(in: CharacterSet(charactersIn: " "))
        guard let first = text.unicodeScalars.first, !"-?:,[]{}#&*!|>'\"%@`".unicodeScalars.contains(first),
              !text.contains(": "), !text.hasSuffix(":"), !text.contains("#"),
              !(inFlow && text.contains { ",[]{}:".contains($0) }),
              !["~", "null", "Null", "NULL"].contains(text),
              text.count <= NodeReader.maximumValueLength, InvisibleCharacter.first(in: text) == nil else { return nil }
        return text
    }
}
