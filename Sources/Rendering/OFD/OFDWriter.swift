import Foundation
import Layout
import Support

/// Writes a paged document as OFD (GB/T 33190-2016, 电子文件存储与交换格式
/// 版式文档): a ZIP package of XML files, one Content.xml per page drawn
/// from the same draw items as the PDF, the faces Pango chose embedded as
/// hb-subset subsets, the outline and the metadata. Deterministic: fixed
/// entry order and timestamps, IDs in drawing order, no clock read.
package struct OFDWriter {
    let typesetter: Typesetter
    package var creationDate: Date
    package var creator: String
    package var creatorVersion: String

    package init(typesetter: Typesetter, creationDate: Date, creator: String, creatorVersion: String) {
        self.typesetter = typesetter
        self.creationDate = creationDate
        self.creator = creator
        self.creatorVersion = creatorVersion
    }

    package func ofd(_ document: PagedDocument) throws(RenderError) -> Data {
        let ids = OFDIDs()
        let fonts = OFDFontTable(ids: ids)
        let content = OFDPageContent(typesetter: typesetter, fonts: fonts, ids: ids)
        var entries: [(path: String, data: Data)] = []
        var pageIDs: [Int] = []
        for (index, page) in document.pages.enumerated() {
            let id = ids.next()
            pageIDs.append(id)
            entries.append(("Doc_0/Pages/Page_\(index)/Content.xml", Data(try content.xml(page).utf8)))
        }
        let subsetter = FontSubsetter()
        var fontElements = ""
        for font in fonts.entries {
            let name = "font_\(font.id).ttf"
            entries.append(("Doc_0/Res/\(name)", try subsetter.subset(of: font.file, codePoints: font.codePoints.sorted())))
            let family = MarkupEscaping.xml(Self.familyName(ofFile: font.file))
            fontElements += "<ofd:Font ID=\"\(font.id)\" FontName=\"\(family)\" FamilyName=\"\(family)\"><ofd:FontFile>\(name)</ofd:FontFile></ofd:Font>"
        }
        entries.append(("Doc_0/PublicRes.xml", Data((OFDXML.header + "<ofd:Res xmlns:ofd=\"\(OFDXML.namespace)\" BaseLoc=\"Res\">"
            + "<ofd:Fonts>\(fontElements)</ofd:Fonts></ofd:Res>\n").utf8)))
        let first = document.pages.first?.size ?? .a4Portrait
        let pages = pageIDs.enumerated().map { "<ofd:Page ID=\"\($1)\" BaseLoc=\"Pages/Page_\($0)/Content.xml\"/>" }.joined()
        let outline = document.outline.isEmpty ? "" : "<ofd:Outlines>\(outlineElements(document.outline, pageIDs: pageIDs))</ofd:Outlines>"
        let box = "0 0 \(OFDXML.millimetres(first.width.points)) \(OFDXML.millimetres(first.height.points))"
        entries.append(("Doc_0/Document.xml", Data((OFDXML.header + "<ofd:Document xmlns:ofd=\"\(OFDXML.namespace)\"><ofd:CommonData>"
            + "<ofd:MaxUnitID>\(ids.last)</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>\(box)</ofd:PhysicalBox></ofd:PageArea>"
            + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData><ofd:Pages>\(pages)</ofd:Pages>\(outline)</ofd:Document>\n").utf8)))
        entries.append(("OFD.xml", Data(rootXML(document.metadata).utf8)))
        return try OFDPackage.zip(entries)
    }

    /// OFD.xml: the document's entry point and its metadata (§7.4).
    func rootXML(_ metadata: DocumentMetadata) -> String {
        var info = "<ofd:DocID>\(Self.documentID(metadata, creationDate))</ofd:DocID>"
        for (tag, value) in [("Title", metadata.title), ("Author", metadata.author), ("Subject", metadata.subject)] where !value.isEmpty {
            info += "<ofd:\(tag)>\(MarkupEscaping.xml(value))</ofd:\(tag)>"
        }
        let date = String(PDFDate.iso8601(creationDate).prefix(10))
        info += "<ofd:CreationDate>\(date)</ofd:CreationDate>"
        let keywords = metadata.keywords.components(separatedBy: ", ").filter { !$0.isEmpty }
        if !keywords.isEmpty {
            info += "<ofd:Keywords>" + keywords.map { "<ofd:Keyword>\(MarkupEscaping.xml($0))</ofd:Keyword>" }.joined() + "</ofd:Keywords>"
        }
        info += "<ofd:Creator>\(MarkupEscaping.xml(creator))</ofd:Creator><ofd:CreatorVersion>\(MarkupEscaping.xml(creatorVersion))</ofd:CreatorVersion>"
        return OFDXML.header + "<ofd:OFD xmlns:ofd=\"\(OFDXML.namespace)\" Version=\"1.0\" DocType=\"OFD\"><ofd:DocBody>"
            + "<ofd:DocInfo>\(info)</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n"
    }

    /// Each entry opens the top of its page (§11.2, a CLICK action with a
    /// Goto destination).
    func outlineElements(_ entries: [OutlineEntry], pageIDs: [Int]) -> String {
        entries.filter { $0.page >= 0 && $0.page < pageIDs.count }.map { entry in
            "<ofd:OutlineElem Title=\"\(MarkupEscaping.xml(entry.title))\"\(entry.children.isEmpty ? "" : " Expanded=\"true\"")>"
                + "<ofd:Actions><ofd:Action Event=\"CLICK\"><ofd:Goto><ofd:Dest Type=\"XYZ\" PageID=\"\(pageIDs[entry.page])\" Left=\"0\" Top=\"0\"/>"
                + "</ofd:Goto></ofd:Action></ofd:Actions>" + outlineElements(entry.children, pageIDs: pageIDs) + "</ofd:OutlineElem>"
        }.joined()
    }

    /// A 32-hex-digit ID from the metadata and date (FNV-1a, twice):
    /// identical input, identical ID; not a secret, only a name.
    static func documentID(_ metadata: DocumentMetadata, _ date: Date) -> String {
        let text = [metadata.title, metadata.author, metadata.subject, PDFDate.iso8601(date)].joined(separator: "\u{1F}")
        func fnv(_ seed: UInt64) -> UInt64 {
            text.utf8.reduce(seed) { ($0 ^ UInt64($1)) &* 0x100_0000_01B3 }
        }
        let high = fnv(0xCBF2_9CE4_8422_2325), low = fnv(0x8422_2325_CBF2_9CE4)
        return String(format: "%016llx%016llx", high, low)
    }

    /// The family a face file's name stands for, as the font table names it.
    static func familyName(ofFile file: String) -> String {
        URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
    }
}
