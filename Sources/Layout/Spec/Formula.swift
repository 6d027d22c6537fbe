import Evaluation
import Foundation

/// A computed cell of a layout: 福建's 小计④ = initialBudget + carryover +
/// adjustment, 四川's 预算执行率 = executed / adjustedBudget. Parsed once when
/// the layout is loaded; evaluated on exact decimals over the fields of one
/// row as written.
package struct Formula: Sendable, Hashable, CustomStringConvertible {
    package indirect enum Expression: Sendable, Hashable {
        case field(String)
        case number(Decimal)
        case binary(Operator, Expression, Expression)
    }

    package enum Operator: String, Sendable, Hashable {
        case add = "+", subtract = "-", multiply = "*", divide = "/"
    }

    package var expression: Expression
    /// The formula as the layout writes it (field keys), for the layout's
    /// own messages and the page dump.
    package var source: String
    /// The formula in the form's words, each field by its label
    /// (预算执行数 ÷ 调整后预算数), for findings an officer reads; set by the
    /// layout loader, which knows the labels.
    package var labelled: String

    /// The field keys the formula reads, in order of appearance.
    package var fields: [String] {
        func collect(_ expression: Expression) -> [String] {
            switch expression {
            case .field(let key): [key]
            case .number: []
            case .binary(_, let left, let right): collect(left) + collect(right)
            }
        }
        return collect(expression)
    }

    package var description: String { source }

    /// The value over `values` (each field's text as written); nil when an
    /// input is blank or not a number, or a divisor is zero — a computed
    /// cell is then left empty, never filled with a guess.
    package func evaluate(_ values: (String) -> String) -> Decimal? {
        evaluate(numbers: { Self.number(in: values($0)) })
    }

    /// The value with each field's number given by `numbers` (which may
    /// itself compute a field the unit left empty).
    package func evaluate(numbers: (String) -> Decimal?) -> Decimal? {
        func value(_ expression: Expression) -> Decimal? {
            switch expression {
            case .number(let number): return number
            case .field(let key): return numbers(key)
            case .binary(let op, let left, let right):
                guard let a = value(left), let b = value(right) else { return nil }
                switch op {
                case .add: return a + b
                case .subtract: return a - b
                case .multiply: return a * b
                case .divide: return b == 0 ? nil : a / b
                }
            }
        }
        return value(expression)
    }

    /// A written amount or rate as a decimal: "212.40" → 212.40,
    /// "1,234.5" → 1234.5, "81.06%" → 0.8106. Nil for anything else
    /// ("约212万", "—", "").
    package static func number(in text: String) -> Decimal? {
        var digits = text.filter { !$0.isWhitespace && $0 != "," }
        var scale = Decimal(1)
        if digits.hasSuffix("%") || digits.hasSuffix("％") {
            digits.removeLast()
            scale = Decimal(string: "0.01")!
        }
        let body = digits.hasPrefix("-") ? digits.dropFirst() : Substring(digits)
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              body.filter({ $0 == "." }).count <= 1, body.contains(where: \.isNumber),
              let number = Decimal(string: digits, locale: Locale(identifier: "en_US_POSIX")) else { return nil }
        return number * scale
    }

    /// The formula with each field written as `label(key)` and × ÷ − for
    /// its operators; brackets only where the order needs them.
    package func described(label: (String) -> String) -> String {
        func precedence(_ op: Operator) -> Int { op == .add || op == .subtract ? 1 : 2 }
        func text(_ expression: Expression, bracketBelow minimum: Int) -> String {
            switch expression {
            case .field(let key): return label(key)
            case .number(let number): return "\(number)"
            case .binary(let op, let left, let right):
                let own = precedence(op)
                // a − (b + c) and a ÷ (b × c) keep their brackets on the right.
                let inner = text(left, bracketBelow: own) + " " + Self.sign(op) + " "
                    + text(right, bracketBelow: op == .subtract || op == .divide ? own + 1 : own)
                return own < minimum ? "(" + inner + ")" : inner
            }
        }
        return text(expression, bracketBelow: 0)
    }

    static func sign(_ op: Operator) -> String {
        switch op {
        case .add: "+"
        case .subtract: "−"
        case .multiply: "×"
        case .divide: "÷"
        }
    }

    /// Parses "initialBudget + carryover + adjustment", "executed / adjustedBudget",
    /// "(a - b) / a"; × ÷ − are read as * / -.
    package static func parse(_ text: String) throws(FormulaError) -> Formula {
        var parser = Parser(characters: Array(text))
        let expression = try parser.expression()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else {
            throw FormulaError(message: .unexpectedCharacter(parser.characters[parser.position], at: parser.position))
        }
        return Formula(expression: expression, source: text, labelled: text)
    }

    private struct Parser {
        let characters: [Character]
        var position = 0

        mutating func skipSpaces() {
            while position < characters.count, characters[position].isWhitespace { position += 1 }
        }

        mutating func peekOperator(_ accepted: [Character: Operator]) -> Operator? {
            skipSpaces()
            guard position < characters.count, let op = accepted[characters[position]] else { return nil }
            position += 1
            return op
        }

        mutating func expression() throws(FormulaError) -> Expression {
            var left = try term()
            while let op = peekOperator(["+": .add, "-": .subtract, "−": .subtract, "－": .subtract, "＋": .add]) {
                left = .binary(op, left, try term())
            }
            return left
        }

        mutating func term() throws(FormulaError) -> Expression {
            var left = try factor()
            while let op = peekOperator(["*": .multiply, "×": .multiply, "/": .divide, "÷": .divide]) {
                left = .binary(op, left, try factor())
            }
            return left
        }

        mutating func factor() throws(FormulaError) -> Expression {
            skipSpaces()
            guard position < characters.count else {
                throw FormulaError(message: Message(chinese: "公式在应为字段或数字处结束", english: "the formula ends where a field or number was expected"))
            }
            let character = characters[position]
            if character == "(" || character == "（" {
                position += 1
                let inner = try expression()
                skipSpaces()
                guard position < characters.count, characters[position] == ")" || characters[position] == "）" else {
                    throw FormulaError(message: Message(chinese: "“(”没有对应的“)”", english: "'(' without a closing ')'"))
                }
                position += 1
                return inner
            }
            if character.isASCII && (character.isNumber || character == ".") {
                let start = position
                while position < characters.count, characters[position].isASCII, characters[position].isNumber || characters[position] == "." { position += 1 }
                guard let number = Decimal(string: String(characters[start..<position]), locale: Locale(identifier: "en_US_POSIX")) else {
                    throw FormulaError(message: Message(chinese: "“\(String(characters[start..<position]))”不是数字",
                                                        english: "'\(String(characters[start..<position]))' is not a number"))
                }
                return .number(number)
            }
            if character.isASCII && character.isLetter {
                let start = position
                while position < characters.count, characters[position].isASCII,
                      characters[position].isLetter || characters[position].isNumber || characters[position] == "_" { position += 1 }
                return .field(String(characters[start..<position]))
            }
            throw FormulaError(message: .unexpectedCharacter(character, at: position))
        }
    }
}

package struct FormulaError: Error, Sendable, Equatable {
    package var message: Message
}

extension Message {
    /// A formula's character that fits nowhere; `index` counts from 0.
    static func unexpectedCharacter(_ character: Character, at index: Int) -> Message {
        Message(chinese: "第\(index + 1)个字符“\(character)”不应出现在此", english: "unexpected '\(character)' at character \(index + 1)")
    }
}
