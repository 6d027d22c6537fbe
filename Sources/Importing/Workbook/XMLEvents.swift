import Evaluation
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Foundation's streaming XMLParser reduced to three callbacks, with element
/// names stripped of their namespace prefix ("x:sheet" → "sheet": some
/// producers prefix SpreadsheetML's own namespace).
enum XMLEvents {
    /// `damaged` names the problem a malformed part is (`.corruptWorkbook`,
    /// or `.corruptDocument` for a .docx).
    static func parse(_ data: Data, part: String, file: String, damaged: (Message) -> ImportError.Problem = ImportError.Problem.corruptWorkbook,
                      start: @escaping (String, [String: String]) -> Void,
                      end: @escaping (String) -> Void = { _ in },
                      text: @escaping (String) -> Void = { _ in }) throws {
        // Foundation's XMLParser stops the process on an element or
        // attribute name that is not valid UTF-8 (libxml2 passes such bytes
        // through, Foundation force-unwraps the String it makes of them).
        // Excel, WPS and every other producer write UTF-8 parts.
        guard String(validating: data, as: UTF8.self) != nil else {
            throw ImportError(damaged(Message(chinese: "部件\(part)不是UTF-8文本", english: "the part \(part) is not UTF-8 text")), at: .file(file))
        }
        // A document type declaration is refused: no producer of workbooks
        // writes one, and libxml2 through Foundation drops an internal
        // entity's text and, after an external one, the next escaped
        // character of the following cell (`>=148万元` read as `=148万元`).
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil || data.range(of: Data("<!ENTITY".utf8)) != nil {
            throw ImportError(damaged(Message(
                chinese: "部件\(part)含有DTD声明（<!DOCTYPE>），办公软件从不写入，且可能改变单元格文字；请用办公软件重新保存该文件",
                english: "the part \(part) declares a document type (<!DOCTYPE>), which no office suite writes and "
                    + "which could change the cells' text; save the file again from the office suite")),
                              at: .file(file))
        }
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        let delegate = Delegate(start: start, end: end, text: text)
        parser.delegate = delegate
        // On Linux parse() can return true after an error (libxml2 recovers)
        // and for a document cut short, so check all three.
        let succeeded = parser.parse()
        guard succeeded, parser.parserError == nil, delegate.depth == 0, delegate.sawRoot else {
            let code = (parser.parserError as NSError?)?.code
            let reason = code.map { Message(chinese: "XML错误\($0)", english: "XML error \($0)") }
                ?? (delegate.sawRoot ? Message(chinese: "在元素内部结束", english: "it ends inside an element") : Message(chinese: "是空的", english: "it is empty"))
            throw ImportError(damaged(Message(chinese: "部件\(part)第\(parser.lineNumber)行不是格式正确的XML：\(reason.chinese)",
                                                       english: "the part \(part) is not well-formed XML at line \(parser.lineNumber): \(reason.english)")),
                              at: .file(file))
        }
    }

    static func localName(_ name: String) -> String {
        name.lastIndex(of: ":").map { String(name[name.index(after: $0)...]) } ?? name
    }

    /// An attribute whatever its prefix: `attribute("id", in: …)` finds "r:id".
    static func prefixedAttribute(_ name: String, in attributes: [String: String]) -> String? {
        attributes.first { $0.key.hasSuffix(":" + name) }?.value
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        let start: (String, [String: String]) -> Void
        let end: (String) -> Void
        let text: (String) -> Void
        private(set) var depth = 0
        private(set) var sawRoot = false

        init(start: @escaping (String, [String: String]) -> Void, end: @escaping (String) -> Void,
             text: @escaping (String) -> Void) {
            self.start = start
            self.end = end
            self.text = text
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                    qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
            depth += 1
            sawRoot = true
            start(XMLEvents.localName(elementName), attributeDict)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
            depth -= 1
            end(XMLEvents.localName(elementName))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) { text(String(decoding: CDATABlock, as: UTF8.self)) }
    }
}
