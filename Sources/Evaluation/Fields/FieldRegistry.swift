/// The vocabulary of fields: every field a unit file may carry, declared as
/// data (`Layouts/fields.yaml`, plus the `fields:` sections of layouts).
/// The unit-file reader and writer, the layout loader, the binder and the
/// importer all read this one declaration.
public struct FieldRegistry: Sendable, Hashable {
    /// Declarations per level, in declaration order.
    public private(set) var levels: [FieldLevel: [FieldDeclaration]] = [:]

    public init(_ declarations: [FieldDeclaration] = []) {
        for declaration in declarations { add(declaration) }
    }

    /// Adds `declaration`; a later declaration of the same key at the same
    /// level replaces the earlier one (a layout may relabel a field).
    public mutating func add(_ declaration: FieldDeclaration) {
        var fields = levels[declaration.level] ?? []
        if let index = fields.firstIndex(where: { $0.key == declaration.key }) {
            fields[index] = declaration
        } else {
            fields.append(declaration)
        }
        levels[declaration.level] = fields
    }

    /// This registry with `other`'s declarations added.
    public func merging(_ other: FieldRegistry) -> FieldRegistry {
        var merged = self
        for level in FieldLevel.allCases { for declaration in other.fields(at: level) { merged.add(declaration) } }
        return merged
    }

    public func fields(at level: FieldLevel) -> [FieldDeclaration] { levels[level] ?? [] }

    public func declaration(_ key: String, at level: FieldLevel) -> FieldDeclaration? {
        levels[level]?.first { $0.key == key }
    }

    /// The words a message uses for field `key` at `level`: its label on the
    /// form without the numbering and formula the form prints after it
    /// (历年结余结转② → 历年结余结转, 小计④=①+②+③ → 小计), so that a finding
    /// names a cell as the registry (and a layout that relabels it) does.
    /// The key itself for a field the registry does not declare.
    public func words(for key: String, at level: FieldLevel) -> String {
        guard let label = declaration(key, at: level)?.label else { return key }
        let cut = label.firstIndex { character in
            character == "=" || character.unicodeScalars.first.map { (0x2460...0x2473).contains($0.value) } == true
        }
        let words = cut.map { String(label[..<$0]) } ?? label
        return words.isEmpty ? label : words
    }

    /// The declaration at `level` whose key or one of whose labels is closest
    /// to `name` (a misspelt key `implementingUnt`, or a label typed in
    /// Chinese, `实施单住`), if it is close enough to be a plausible typo.
    public func suggestion(for name: String, at level: FieldLevel, also extraKeys: [String] = []) -> FieldSuggestion? {
        let fields = fields(at: level)
        var best: (distance: Int, suggestion: FieldSuggestion)?
        func consider(_ candidate: String, _ suggestion: FieldSuggestion) {
            let distance = FieldRegistry.editDistance(name.lowercased(), candidate.lowercased())
            // Chinese labels are short: one wrong character of four is a typo.
            let allowed = candidate.unicodeScalars.allSatisfy(\.isASCII) ? max(2, name.count / 3) : max(1, candidate.count / 3)
            guard distance <= allowed, distance < (best?.distance ?? .max) else { return }
            best = (distance, suggestion)
        }
        for key in extraKeys { consider(key, FieldSuggestion(key: key, label: nil)) }
        for field in fields {
            consider(field.key, FieldSuggestion(key: field.key, label: field.label))
            for label in field.labels { consider(label, FieldSuggestion(key: field.key, label: field.label)) }
        }
        return best?.suggestion
    }

    /// The field at `level` whose label or alias is `label` (spaces and
    /// full-width brackets ignored).
    public func field(labelled label: String, at level: FieldLevel) -> FieldDeclaration? {
        let wanted = Self.normalisedLabel(label)
        return fields(at: level).first { $0.labels.contains { Self.normalisedLabel($0) == wanted } }
    }

    /// "实施单位（盖章）" and "实施单位(盖章)" read alike; so do labels with
    /// spaces or line breaks inside them.
    public static func normalisedLabel(_ label: String) -> String {
        String(label.compactMap { character -> Character? in
            if character.isWhitespace { return nil }
            switch character {
            case "（": return "("
            case "）": return ")"
            case "：": return ":"
            default: return character
            }
        })
    }

    /// Levenshtein distance by characters: the one measure of "a likely typo".
    public static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// "did you mean 'implementingUnit' (实施单位)?"
public struct FieldSuggestion: Sendable, Hashable {
    public var key: String
    public var label: String?

    public init(key: String, label: String?) {
        self.key = key
        self.label = label
    }

    public var description: String { "'\(key)'" + (label.map { "（\($0)）" } ?? "") }
}
