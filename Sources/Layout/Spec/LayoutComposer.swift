import Evaluation
import Foundation
import InputReading
import Yams

/// Turns a layout file as written into the whole layout it stands for,
/// before the loader reads it (`Layouts/README.md`, "Writing less"):
///
/// - `extends: ID` — the base layout, with this file's keys merged over it;
/// - `overrides:` — `path: value` pairs put into that tree, the path naming
///   keys and list elements (`table.blocks.funds.header.0.2`: a block by its
///   `name`, a row and a cell by number, from 0);
/// - `totalRow:` written as a mapping — the block's `row` with the cells
///   it numbers changed;
/// - `stylesheet: NAME` — the styles of `styles/NAME.yaml`, under the file's
///   own `styles:`.
///
/// Merging is one rule everywhere: a mapping merges into a mapping key by
/// key, any other value replaces the one below, `~` removes a key, and a
/// cell's `text` replaces its `field` (with its `merge`, `view` and
/// `formula`) and the other way round.
final class LayoutComposer {
    let search: LayoutSearch
    private(set) var problems: [LayoutProblem] = []
    /// Every file composed, the asking file first, with the places of the
    /// nodes it wrote: a problem is reported in the file that wrote its node.
    private var sources: [(file: String, places: Set<Place>)] = []

    struct Place: Hashable {
        var line: Int
        var column: Int
    }

    init(search: LayoutSearch) { self.search = search }

    /// The composed root of the layout `file`; nil when composing it found
    /// problems (in `problems`).
    func compose(_ root: Node, file: String) -> Node? {
        guard let layout = layout(root, file: file, chain: [Self.standardized(file)]) else { return nil }
        let composed = stylesheetApplied(totalRowsExpanded(layout, depth: 0))
        return problems.isEmpty ? composed : nil
    }

    /// `location`, moved into the base or stylesheet file that wrote the
    /// node it points at, when the asking file did not.
    func located(_ location: SourceLocation) -> SourceLocation {
        guard sources.count > 1, let own = sources.first, location.file == own.file else { return location }
        let place = Place(line: location.line, column: location.column)
        if own.places.contains(place) { return location }
        guard let source = sources.dropFirst().first(where: { $0.places.contains(place) }) else { return location }
        return SourceLocation(file: source.file, line: location.line, column: location.column)
    }

    // MARK: extends and overrides

    private func layout(_ root: Node, file: String, chain: [String]) -> Node? {
        // Anything but a mapping is reported by the loader.
        guard case .mapping(let own) = root else { return root }
        register(file, root)
        var tree = Self.removing(["extends", "overrides"], from: own)
        if let extendsNode = own.value(forKey: "extends") {
            guard let id = extendsNode.scalar?.string, Self.isName(id) else {
                report(Message(chinese: "“extends”应写基础表样的标识", english: "'extends' names the base layout by its id"),
                       hint: Message(chinese: "例如 extends: project-national", english: "e.g. extends: project-national"), at: extendsNode, file, "extends")
                return nil
            }
            guard let baseFile = search.layoutFile(id, excluding: [Self.standardized(file)]) else {
                reportUnknown(.layout, id, at: extendsNode, file, "extends")
                return nil
            }
            let basePath = Self.standardized(baseFile.path)
            if chain.contains(basePath) {
                reportCircle(.layout, chain + [basePath], at: extendsNode, file)
                return nil
            }
            guard let baseRoot = read(baseFile) else { return nil }
            guard let base = layout(baseRoot, file: baseFile.path, chain: chain + [basePath]) else { return nil }
            if own.value(forKey: "id") == nil {
                report(Message(chinese: "扩展其他表样的表样需要自己的“id”", english: "a layout that extends another needs its own 'id'"),
                       hint: Message(chinese: "请添加 id: …（与“\(id)”不同）", english: "add id: … (other than '\(id)')"), at: root, file, "")
            }
            // Being the default is not inherited: a variant is chosen by name.
            tree = Self.merged(base.removingKeys(["default"]), tree)
        }
        if let overridesNode = own.value(forKey: "overrides") {
            guard case .mapping(let overrides) = overridesNode else {
                report(Message(chinese: "“overrides”应是“路径: 值”的映射", english: "'overrides' is a mapping of 'path: value'"),
                       hint: Message(chinese: "例如 table.blocks.funds.header.0.2: {text: 全年预算数（A）}", english: "e.g. table.blocks.funds.header.0.2: {text: 全年预算数（A）}"),
                       at: overridesNode, file, "overrides")
                return nil
            }
            for (keyNode, value) in overrides {
                let path = keyNode.scalar?.string ?? ""
                let segments = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if let replaced = override(tree, segments[...], value, walked: [], path: path, keyNode: keyNode, file: file) { tree = replaced }
            }
        }
        return tree
    }

    /// `node` with `value` merged in at `segments`; nil (reported) when the
    /// path names nothing.
    private func override(_ node: Node, _ segments: ArraySlice<String>, _ value: Node, walked: [String], path: String, keyNode: Node,
                          file: String) -> Node? {
        guard let segment = segments.first else { return Self.merged(node, value) }
        let rest = segments.dropFirst()
        let here = walked.isEmpty ? "" : walked.joined(separator: ".")
        func namesNothing(_ chinese: String, _ english: String, hint: Message = .none) -> Node? {
            report(Message(chinese: "路径“\(path)”不指向表样中的任何内容：\(chinese)", english: "the path '\(path)' names nothing in the layout: \(english)"),
                   hint: hint, at: keyNode, file, "overrides")
            return nil
        }
        switch node {
        case .mapping(let mapping):
            var pairs = mapping.map { ($0.key, $0.value) }
            if let index = pairs.firstIndex(where: { $0.0.string == segment }) {
                guard let replaced = override(pairs[index].1, rest, value, walked: walked + [segment], path: path, keyNode: keyNode, file: file)
                else { return nil }
                pairs[index].1 = replaced
                return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
            }
            if rest.isEmpty, !segment.isEmpty {
                let key = Node.scalar(Node.Scalar(segment, YAMLDocument.implicitTag, .plain, keyNode.mark))
                return .mapping(Node.Mapping(pairs + [(key, value)], mapping.tag, mapping.style, mapping.mark))
            }
            let keys = mapping.compactMap { $0.key.string }
            return namesNothing(
                "\(here.isEmpty ? "顶层" : "“\(here)”")没有“\(segment)”", "\(here.isEmpty ? "the top level" : "'\(here)'") has no '\(segment)'",
                hint: nearest(to: segment, in: keys).map { .didYouMean($0) } ?? .available(keys))
        case .sequence(let sequence):
            let nodes = Array(sequence)
            let index: Int
            if let number = Int(segment) {
                guard nodes.indices.contains(number) else {
                    return namesNothing("“\(here)”有\(nodes.count)项（从0数起，0–\(nodes.count - 1)），没有第\(number)项",
                                        "'\(here)' has \(nodes.count) \(nodes.count == 1 ? "element" : "elements") (counted from 0, 0–\(nodes.count - 1)), not \(number)",
                                        hint: Message(chinese: "列表的项从0数起", english: "list elements are counted from 0"))
                }
                index = number
            } else {
                let names = nodes.map { $0.value(forKey: "name")?.string }
                guard let named = names.firstIndex(of: segment) else {
                    let known = names.compactMap { $0 }
                    return namesNothing("“\(here)”中没有 name 为“\(segment)”的项", "'\(here)' has no element with name '\(segment)'",
                                        hint: nearest(to: segment, in: known).map { .didYouMean($0) }
                                            ?? Message(chinese: "按编号（从0起）指出，或给该项写 name: \(segment)（已命名的：\(known.joined(separator: "、"))）",
                                                       english: "give its number (from 0), or give the element name: \(segment) (named: \(known.joined(separator: ", ")))"))
                }
                index = named
            }
            guard let replaced = override(nodes[index], rest, value, walked: walked + [segment], path: path, keyNode: keyNode, file: file)
            else { return nil }
            var replacedNodes = nodes
            replacedNodes[index] = replaced
            return .sequence(Node.Sequence(replacedNodes, sequence.tag, sequence.style, sequence.mark))
        case .scalar, .alias:
            return namesNothing("“\(here)”是一个值，没有“\(segment)”部分", "'\(here)' is a single value with no part '\(segment)'")
        }
    }

    // MARK: totalRow and stylesheet

    /// Every `totalRow:` written as cell overrides of its block's `row`
    /// (`{4: {field: weight}}`) turned into the whole row.
    ///
    /// A `totalRow` is a key of a block (`table.blocks[i]`, three levels
    /// down), so the walk stops below that depth: it never visits the rows'
    /// cells, which an alias bomb multiplies into millions of nodes that a
    /// copy would expand (the loader refuses such a file without expanding
    /// it, LimitsTests).
    private func totalRowsExpanded(_ node: Node, depth: Int) -> Node {
        guard depth <= Self.blockDepth else { return node }
        switch node {
        case .mapping(let mapping):
            var pairs = mapping.map { ($0.key, totalRowsExpanded($0.value, depth: depth + 1)) }
            if let totalIndex = pairs.firstIndex(where: { $0.0.string == "totalRow" }), case .mapping(let changes) = pairs[totalIndex].1,
               case .sequence(let row)? = mapping.value(forKey: "row") {
                var cells = Array(row)
                for (keyNode, change) in changes {
                    let key = keyNode.string ?? ""
                    guard let index = Int(key), cells.indices.contains(index) else {
                        report(Message(chinese: "“totalRow”的键“\(key)”不是“row”中单元格的编号（0–\(cells.count - 1)）",
                                       english: "the totalRow key '\(key)' is not the number of a cell of 'row' (0–\(cells.count - 1))"),
                               hint: Message(chinese: "合计行按编号（从0起）改写“row”的单元格，例如 totalRow: {4: {field: weight}}",
                                             english: "a total row changes cells of 'row' by number (from 0), e.g. totalRow: {4: {field: weight}}"),
                               at: keyNode, sources.first?.file ?? "", "totalRow")
                        continue
                    }
                    cells[index] = Self.merged(cells[index], change)
                }
                pairs[totalIndex].1 = .sequence(Node.Sequence(cells, row.tag, row.style, changes.mark))
            }
            return .mapping(Node.Mapping(pairs, mapping.tag, mapping.style, mapping.mark))
        case .sequence(let sequence):
            return .sequence(Node.Sequence(sequence.map { totalRowsExpanded($0, depth: depth + 1) }, sequence.tag, sequence.style, sequence.mark))
        case .scalar, .alias:
            return node
        }
    }

    /// The layout with its stylesheet's styles under its own.
    private func stylesheetApplied(_ node: Node) -> Node {
        guard case .mapping(let mapping) = node, let nameNode = mapping.value(forKey: "stylesheet") else { return node }
        let file = sources.first?.file ?? ""
        var tree = Self.removing(["stylesheet"], from: mapping)
        guard let name = nameNode.scalar?.string, Self.isName(name) else {
            report(Message(chinese: "“stylesheet”应写样式表的名称", english: "'stylesheet' names a stylesheet"),
                   hint: Message(chinese: "例如 stylesheet: forms（Layouts/styles/forms.yaml）", english: "e.g. stylesheet: forms (Layouts/styles/forms.yaml)"),
                   at: nameNode, file, "stylesheet")
            return tree
        }
        guard let styles = stylesheet(name, at: nameNode, askedIn: file, chain: []) else { return tree }
        let own = mapping.value(forKey: "styles") ?? .mapping(Node.Mapping([], YAMLDocument.implicitTag))
        let key = mapping.first { $0.key.string == "styles" }?.key ?? .scalar(Node.Scalar("styles", YAMLDocument.implicitTag, .plain, nameNode.mark))
        tree = Self.removing(["stylesheet", "styles"], from: mapping)
        guard case .mapping(let rest) = tree else { return tree }
        return .mapping(Node.Mapping(rest.map { ($0.key, $0.value) } + [(key, Self.merged(styles, own))], mapping.tag, mapping.style, mapping.mark))
    }

    /// What an `extends:` or `stylesheet:` names: a layout file or a stylesheet.
    private enum Referenced { case layout, stylesheet }

    /// A base layout or stylesheet that no folder holds, with the nearest
    /// name or the list of those that exist.
    private func reportUnknown(_ kind: Referenced, _ name: String, at node: Node, _ file: String, _ key: String) {
        let available = search.available(stylesheets: kind == .stylesheet)
        let list = (chinese: available.joined(separator: "、"), english: available.joined(separator: ", "))
        let (problem, place) = switch kind {
        case .layout:
            (Message(chinese: "找不到基础表样“\(name)”", english: "unknown base layout '\(name)'"),
             Message(chinese: "基础表样是本文件夹、--layouts 文件夹或内置 Layouts/ 中的 \(name).yaml；可用的有：\(list.chinese)",
                     english: "a base is the file \(name).yaml in this folder, a --layouts folder or the built-in Layouts/; available: \(list.english)"))
        case .stylesheet:
            (Message(chinese: "找不到样式表“\(name)”", english: "unknown stylesheet '\(name)'"),
             Message(chinese: "样式表是本文件夹、--layouts 文件夹或内置 Layouts/ 下的 styles/\(name).yaml；可用的有：\(list.chinese)",
                     english: "a stylesheet is the file styles/\(name).yaml in this folder, a --layouts folder or the built-in Layouts/; available: \(list.english)"))
        }
        report(problem, hint: nearest(to: name, in: available).map { .didYouMean($0) } ?? place, at: node, file, key)
    }

    /// An `extends:` chain that comes back to a file already in it (`chain`
    /// ends with the file named again).
    private func reportCircle(_ kind: Referenced, _ chain: [String], at node: Node, _ file: String) {
        let names = chain.map { (kind == .stylesheet ? "styles/" : "") + URL(fileURLWithPath: $0).lastPathComponent }.joined(separator: " → ")
        let (problem, hint) = switch kind {
        case .layout:
            (Message(chinese: "“extends”绕成了圈：\(names)", english: "'extends' goes round in a circle: \(names)"),
             Message(chinese: "表样只能扩展不（间接）扩展它自己的表样", english: "a layout may only extend a layout that does not (through others) extend it"))
        case .stylesheet:
            (Message(chinese: "样式表的“extends”绕成了圈：\(names)", english: "the stylesheets' 'extends' go round in a circle: \(names)"),
             Message(chinese: "样式表只能扩展不（间接）扩展它自己的样式表", english: "a stylesheet may only extend one that does not (through others) extend it"))
        }
        report(problem, hint: hint, at: node, file, "extends")
    }

    /// The styles of the stylesheet `name` (and of the one it extends).
    private func stylesheet(_ name: String, at node: Node, askedIn file: String, chain: [String]) -> Node? {
        guard let url = search.stylesheetFile(name, excluding: Set(chain)) else {
            if let looping = search.stylesheetFile(name, excluding: []), chain.contains(Self.standardized(looping.path)) {
                reportCircle(.stylesheet, chain + [Self.standardized(looping.path)], at: node, file)
                return nil
            }
            reportUnknown(.stylesheet, name, at: node, file, "stylesheet")
            return nil
        }
        let path = Self.standardized(url.path)
        guard let root = read(url) else { return nil }
        register(url.path, root)
        let reader = NodeReader(file: url.path)
        do {
            var fields = try reader.object(root, at: FieldPath())
            _ = try fields.requiredInteger("formprint-styles", in: 1...1,
                hint: Message(chinese: "请在样式表开头写“formprint-styles: 1”（样式表的格式版本）。", english: "Start the stylesheet with 'formprint-styles: 1' (the stylesheet format version)."))
            let base = try fields.value("extends").map { node -> Node? in
                let name = try reader.text(node, at: FieldPath("extends"))
                guard Self.isName(name) else {
                    report(Message(chinese: "样式表的“extends”应写另一个样式表的名称", english: "a stylesheet's 'extends' names another stylesheet"),
                           hint: Message(chinese: "例如 extends: forms", english: "e.g. extends: forms"), at: node, url.path, "extends")
                    return nil
                }
                return stylesheet(name, at: node, askedIn: url.path, chain: chain + [path])
            }
            let styles = fields.value("styles") ?? .mapping(Node.Mapping([], YAMLDocument.implicitTag))
            _ = try reader.object(styles, at: FieldPath("styles"))
            for unknown in fields.unknownKeys() {
                problems.append(LayoutProblem(location: unknown.location, path: FieldPath(), message: .unknownLayoutField(unknown.key),
                                              hint: unknown.suggestion.map { .didYouMean($0) } ?? .seeLayoutsReadme))
            }
            if let base { return base.map { Self.merged($0, styles) } }
            return styles
        } catch let error as InputFileError {
            problems.append(LayoutLoader.problem(from: error))
        } catch {
            problems.append(LayoutProblem(location: reader.location(of: root), path: FieldPath(), message: LayoutLoader.unexpected(error)))
        }
        return nil
    }

    // MARK: Helpers

    private func read(_ url: URL) -> Node? {
        do {
            return try YAMLDocument.compose(try YAMLDocument.text(contentsOf: url), file: url.path)
        } catch let error as InputFileError {
            problems.append(LayoutLoader.problem(from: error))
        } catch {
            problems.append(LayoutProblem(location: SourceLocation(file: url.path, line: 1, column: 1), path: FieldPath(),
                                          message: LayoutLoader.unexpected(error)))
        }
        return nil
    }

    private func report(_ message: Message, hint: Message = .none, at node: Node, _ file: String, _ path: String) {
        let mark = node.mark
        problems.append(LayoutProblem(location: SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1),
                                      path: path.isEmpty ? FieldPath() : FieldPath().appending(path), message: message, hint: hint))
    }

    private func register(_ file: String, _ root: Node) {
        var places: Set<Place> = []
        // A budget of nodes: a real layout has a few thousand; an alias
        // bomb's millions of shared copies are not walked (their places are
        // the few written ones, seen first).
        var budget = Self.registeredNodes
        func visit(_ node: Node) {
            guard budget > 0 else { return }
            budget -= 1
            if let mark = node.mark { places.insert(Place(line: mark.line, column: mark.column)) }
            switch node {
            case .mapping(let mapping): for (key, value) in mapping { visit(key); visit(value) }
            case .sequence(let sequence): sequence.forEach(visit)
            case .scalar, .alias: break
            }
        }
        visit(root)
        sources.append((file, places))
    }

    /// How deep a block's keys lie (root → table → blocks → block).
    static let blockDepth = 3
    /// The most nodes of one file whose places are registered.
    static let registeredNodes = 200_000

    /// A layout id or stylesheet name: letters, digits, `-` and `_` (never a path).
    static func isName(_ text: String) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
    }

    static func standardized(_ file: String) -> String { URL(fileURLWithPath: file).standardizedFileURL.path }

    static func removing(_ keys: Set<String>, from mapping: Node.Mapping) -> Node {
        .mapping(Node.Mapping(mapping.filter { !keys.contains($0.key.string ?? "") }.map { ($0.key, $0.value) },
                              mapping.tag, mapping.style, mapping.mark))
    }

    /// `over` merged into `base`: the one rule of the type's comment.
    static func merged(_ base: Node, _ over: Node) -> Node {
        guard case .mapping(let below) = base, case .mapping(let above) = over else { return over }
        var pairs = below.map { ($0.key, $0.value) }
        for (key, value) in above {
            let name = key.string ?? ""
            // Fixed text replaces a field with what only a field has.
            let exclusive: Set<String> = name == "text" ? ["field", "merge", "view", "formula"] : name == "field" ? ["text"] : []
            pairs.removeAll { exclusive.contains($0.0.string ?? "") }
            let index = pairs.firstIndex { $0.0.string == name }
            if value.isRemoval {
                if let index { pairs.remove(at: index) }
            } else if let index {
                pairs[index] = (key, merged(pairs[index].1, value))
            } else {
                pairs.append((key, value))
            }
        }
        return .mapping(Node.Mapping(pairs, below.tag, below.style, above.mark ?? below.mark))
    }
}

extension Node.Mapping {
    /// The value of `key` (compared as written, whatever its tag).
    func value(forKey key: String) -> Node? { first { $0.key.string == key }?.value }
}

extension Node {
    func value(forKey key: String) -> Node? {
        guard case .mapping(let mapping) = self else { return nil }
        return mapping.value(forKey: key)
    }

    /// `~` or `null` written as a value: remove the key below.
    fileprivate var isRemoval: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain else { return false }
        return ["~", "null", "Null", "NULL"].contains(scalar.string)
    }

    fileprivate func removingKeys(_ keys: Set<String>) -> Node {
        guard case .mapping(let mapping) = self else { return self }
        return LayoutComposer.removing(keys, from: mapping)
    }
}
