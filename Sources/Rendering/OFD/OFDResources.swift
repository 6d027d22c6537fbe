import Foundation

/// The fonts an OFD document uses: each face file Pango chose, with an ID
/// in first-use order and the code points it prints, for its subset.
final class OFDFontTable {
    struct Entry {
        var id: Int
        var file: String
        var codePoints: Set<UInt32> = []
    }
    private(set) var entries: [Entry] = []
    private var byFile: [String: Int] = [:]
    let ids: OFDIDs

    init(ids: OFDIDs) { self.ids = ids }

    func id(for file: String, adding text: Substring) -> Int {
        let index: Int
        if let known = byFile[file] {
            index = known
        } else {
            index = entries.count
            entries.append(Entry(id: ids.next(), file: file))
            byFile[file] = index
        }
        for scalar in text.unicodeScalars { entries[index].codePoints.insert(scalar.value) }
        return entries[index].id
    }
}

/// OFD's object IDs: one sequence through the document (GB/T 33190 §7.5).
final class OFDIDs {
    private(set) var last = 0
    func next() -> Int {
        last += 1
        return last
    }
}
