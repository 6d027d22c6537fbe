import Testing

@testable import Layout

/// Bookmarks placed on pages become the outline tree every output format writes.
struct OutlineTreeTests {
    func page(_ marks: (String, Int)...) -> Page {
        Page(size: .a4Portrait, items: [], bookmarks: marks.map { Bookmark(title: $0.0, level: $0.1) })
    }

    @Test func deeperLevelsNestUnderTheNearestShallowerEntryBeforeThem() {
        let pages = [page(("一、", 1), ("（一）", 2)), page(("1.", 3), ("（二）", 2)), page(), page(("二、", 1), ("（一）", 2))]
        #expect(Outline.tree(of: pages) == [
            OutlineEntry(title: "一、", page: 0, children: [
                OutlineEntry(title: "（一）", page: 0, children: [OutlineEntry(title: "1.", page: 1)]),
                OutlineEntry(title: "（二）", page: 1),
            ]),
            OutlineEntry(title: "二、", page: 3, children: [OutlineEntry(title: "（一）", page: 3)]),
        ])
    }

    @Test func aSkippedLevelNestsOneDeeperAndALeadingDeepEntryStaysAtTheTop() {
        let pages = [page(("1.", 3)), page(("一、", 1), ("1.", 3), ("（一）", 2))]
        #expect(Outline.tree(of: pages) == [
            OutlineEntry(title: "1.", page: 0),
            OutlineEntry(title: "一、", page: 1, children: [OutlineEntry(title: "1.", page: 1), OutlineEntry(title: "（一）", page: 1)]),
        ])
    }

    @Test func aDocumentsOutlineDefaultsToItsPagesBookmarks() {
        let document = PagedDocument(pages: [page(), page(("附件1", 1))], metadata: DocumentMetadata(title: "", author: "", subject: "", keywords: ""))
        #expect(document.outline == [OutlineEntry(title: "附件1", page: 1)])
        #expect(OutlineEntry(title: "a", page: 1, children: [OutlineEntry(title: "b", page: 2)]).shifted(by: 3)
            == OutlineEntry(title: "a", page: 4, children: [OutlineEntry(title: "b", page: 5)]))
    }
}
