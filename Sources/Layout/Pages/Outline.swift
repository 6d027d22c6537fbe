/// A place a reader's outline (PDF bookmarks, OFD outline) opens: a
/// heading or a form's name, on the page it starts on. Composers decide
/// bookmarks as they place text, so that every output format writes the
/// same outline and no drawer decides what is a heading.
package struct Bookmark: Sendable, Hashable {
    package var title: String
    /// 1 for the outermost entries (a report's 一、 headings, a form's name),
    /// deeper levels nest under the nearest shallower entry before them.
    package var level: Int

    package init(title: String, level: Int) {
        self.title = title
        self.level = level
    }
}

/// An outline entry: a title that opens `page` (0-based, in the document
/// being written), with nested entries below it.
package struct OutlineEntry: Sendable, Hashable {
    package var title: String
    package var page: Int
    package var children: [OutlineEntry]

    package init(title: String, page: Int, children: [OutlineEntry] = []) {
        self.title = title
        self.page = page
        self.children = children
    }

    /// The same entry and its children, `pages` further on (a document put
    /// into a larger one).
    package func shifted(by pages: Int) -> OutlineEntry {
        OutlineEntry(title: title, page: page + pages, children: children.map { $0.shifted(by: pages) })
    }
}

package enum Outline {
    /// The pages' bookmarks as a tree, in reading order: each bookmark
    /// nests under the nearest earlier bookmark of a smaller level (a
    /// level that skips one, 一、 straight to 1., nests one deeper only).
    package static func tree(of pages: [Page]) -> [OutlineEntry] {
        var marks: [(bookmark: Bookmark, page: Int)] = []
        for (index, page) in pages.enumerated() {
            for bookmark in page.bookmarks { marks.append((bookmark, index)) }
        }
        var position = 0
        return entries(marks, from: &position, deeperThan: 0)
    }

    private static func entries(_ marks: [(bookmark: Bookmark, page: Int)], from position: inout Int,
                                deeperThan level: Int) -> [OutlineEntry] {
        var result: [OutlineEntry] = []
        while position < marks.count, marks[position].bookmark.level > level {
            let mark = marks[position]
            position += 1
            let children = entries(marks, from: &position, deeperThan: mark.bookmark.level)
            result.append(OutlineEntry(title: mark.bookmark.title, page: mark.page, children: children))
        }
        return result
    }
}
