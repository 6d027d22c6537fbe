import Evaluation
import Foundation

/// Which paragraph styles of a .docx are headings, and of what level.
///
/// A style's id is what paragraphs name, but ids are localized by the
/// producer ("Heading1" in English Word, "1" or "a3" in Chinese Word and
/// WPS), so the level is read from the style's `w:name` — "heading 1" as
/// Word writes it whatever its language, "标题 1" as WPS may — or from the
/// outline level it sets (`w:outlineLvl` 0 is level 1), following
/// `w:basedOn` to the style it inherits from.
struct DocumentStyles {
    private var levels: [String: Int] = [:]

    init() {}

    init(_ data: Data, file: String) throws {
        struct Style { var name = "", outline: Int?, basedOn: String? }
        var styles: [String: Style] = [:]
        var current: (id: String, style: Style)?
        try XMLEvents.parse(data, part: "word/styles.xml", file: file, damaged: ImportError.Problem.corruptDocument, start: { name, attributes in
            let value = XMLEvents.prefixedAttribute("val", in: attributes) ?? attributes["val"]
            switch name {
            case "style":
                let isParagraph = (XMLEvents.prefixedAttribute("type", in: attributes) ?? "paragraph") == "paragraph"
                current = isParagraph ? (XMLEvents.prefixedAttribute("styleId", in: attributes) ?? "", Style()) : nil
            case "name": current?.style.name = value ?? ""
            case "basedOn": current?.style.basedOn = value
            case "outlineLvl": current?.style.outline = value.flatMap(Int.init)
            default: break
            }
        }, end: { name in
            if name == "style", let finished = current {
                styles[finished.id] = finished.style
                current = nil
            }
        })
        for id in styles.keys {
            var seen: Set<String> = []
            var next: String? = id
            while let key = next, seen.insert(key).inserted, let style = styles[key] {
                if let level = Self.level(named: style.name) ?? style.outline.map({ $0 + 1 }) {
                    if (1...9).contains(level) { levels[id] = level }
                    break
                }
                next = style.basedOn
            }
        }
    }

    /// "heading 2", "Heading2", "标题 2", "标题2" → 2; "Title" and "标题" are
    /// not section headings.
    static func level(named name: String) -> Int? {
        let lower = name.lowercased().replacingOccurrences(of: " ", with: "")
        for prefix in ["heading", "标题"] where lower.hasPrefix(prefix) {
            return Int(lower.dropFirst(prefix.count))
        }
        return nil
    }

    /// The heading level of a paragraph in style `id`; nil for body text.
    func headingLevel(ofStyle id: String?) -> Int? {
        guard let id else { return nil }
        return levels[id] ?? Self.level(named: id)
    }
}
