import Batch
import Evaluation
import Foundation

/// Which lines of the bureau's table a view shows, and in what order: all
/// from the page's GET query (`?q=…&status=…&supervisor=…&sort=…`), so a
/// filtered view is a link to bookmark and works without JavaScript.
package struct UnitFilter: Sendable, Equatable {
    package enum Order: String, Sendable, CaseIterable {
        /// Worst first (有错误, 未提交, 已退回, 有警告, 通过), then by name.
        case status
        /// By name only.
        case name
    }

    /// Part of the unit's name (spaces, widths and brackets folded).
    package var query = ""
    package var status: UnitStatus?
    /// 主管部门, as the roster (or else the unit's forms) gives it.
    package var supervisor: String?
    package var order = Order.status

    package init(query: String = "", status: UnitStatus? = nil, supervisor: String? = nil, order: Order = .status) {
        self.query = query
        self.status = status
        self.supervisor = supervisor
        self.order = order
    }

    /// From the query parameters; unknown values are ignored (all units).
    package init(parameters: [String: String]) {
        query = String((parameters["q"] ?? "").trimmingCharacters(in: .whitespaces).prefix(100))
        status = parameters["status"].flatMap(UnitStatus.init(key:))
        supervisor = parameters["supervisor"].flatMap { $0.isEmpty ? nil : $0 }
        order = parameters["sort"].flatMap(Order.init(rawValue:)) ?? .status
    }

    package var isEmpty: Bool { query.isEmpty && status == nil && supervisor == nil }

    /// The query string of this view ("" for the default), for links.
    package var queryString: String {
        var parts: [String] = []
        if !query.isEmpty { parts.append("q=" + HTML.query(query)) }
        if let status { parts.append("status=" + status.key) }
        if let supervisor { parts.append("supervisor=" + HTML.query(supervisor)) }
        if order != .status { parts.append("sort=" + order.rawValue) }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    package func admits(_ line: UnitLine) -> Bool {
        if let status, line.status != status { return false }
        if let supervisor, line.supervisor != supervisor { return false }
        return query.isEmpty || UnitIdentity.folded(line.name).localizedCaseInsensitiveContains(UnitIdentity.folded(query))
    }

    /// The lines this view shows, in its order.
    package func apply(_ lines: [UnitLine]) -> [UnitLine] {
        lines.filter(admits).sorted { a, b in
            if order == .status && a.status != b.status { return a.status < b.status }
            return NaturalOrder.precedes(a.name, b.name)
        }
    }
}

/// Names in the order people count: 第2单位 before 第10单位 before
/// 第100单位, and 第二单位 before 第十单位 (Chinese numerals read as
/// numbers); other text by its code points, as before.
package enum NaturalOrder {
    enum Piece: Equatable {
        case text(String)
        case number(Int)
    }

    package static func precedes(_ a: String, _ b: String) -> Bool {
        let (x, y) = (pieces(a), pieces(b))
        for (p, q) in zip(x, y) where p != q {
            switch (p, q) {
            case (.number(let m), .number(let n)): return m < n
            case (.number, .text): return true
            case (.text, .number): return false
            case (.text(let s), .text(let t)): return s.unicodeScalars.lexicographicallyPrecedes(t.unicodeScalars)
            }
        }
        // One is the other's start (第1单位 before 第1单位二处), then as written.
        return x.count != y.count ? x.count < y.count : a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
    }

    static let chineseDigits: [Character: Int] = ["零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9]
    static let chineseUnits: [Character: Int] = ["十": 10, "百": 100, "千": 1000]

    /// Runs of ASCII digits, runs of Chinese numerals, and the text between.
    static func pieces(_ name: String) -> [Piece] {
        var pieces: [Piece] = []
        var text = "", run = ""
        var runIsChinese = false
        func flushRun() {
            guard !run.isEmpty else { return }
            if let value = runIsChinese ? chineseValue(run) : Int(run.prefix(18)) {
                if !text.isEmpty { pieces.append(.text(text)); text = "" }
                pieces.append(.number(value))
            } else {
                text += run
            }
            run = ""
        }
        for character in name {
            let ascii = character.isASCII && character.isNumber
            let chinese = chineseDigits[character] != nil || chineseUnits[character] != nil
            if ascii || chinese {
                if !run.isEmpty && runIsChinese != chinese { flushRun() }
                runIsChinese = chinese
                run.append(character)
            } else {
                flushRun()
                text.append(character)
            }
        }
        flushRun()
        if !text.isEmpty { pieces.append(.text(text)) }
        return pieces
    }

    /// 十二 = 12, 二十 = 20, 一百零五 = 105, 三千 = 3000; digits alone (二〇二四)
    /// as written digit by digit.
    static func chineseValue(_ run: String) -> Int? {
        if run.allSatisfy({ chineseDigits[$0] != nil }) {
            return run.count > 18 ? nil : run.reduce(0) { $0 * 10 + chineseDigits[$1]! }
        }
        var total = 0, pending = 0
        for character in run {
            if let digit = chineseDigits[character] {
                pending = digit
            } else if let unit = chineseUnits[character] {
                total += (pending == 0 ? 1 : pending) * unit
                pending = 0
            }
        }
        return total + pending
    }
}

extension UnitStatus {
    /// The status's name in a query string.
    package var key: String { cssClass }

    package init?(key: String) {
        guard let status = Self.allCases.first(where: { $0.key == key }) else { return nil }
        self = status
    }
}
