import Evaluation
import Foundation

/// A check of a ZIP container's directory before ZIPFoundation reads it.
///
/// ZIPFoundation (0.9.20) trusts the offsets and sizes it finds in the
/// archive. Reading from memory, a position past the end of the data stops
/// the process (a range check in its memory file), and ZIP64 fields can
/// overflow its arithmetic; it also leaks the whole input when it finds no
/// directory. So every place it will read — the end record, each directory
/// entry, each local header, data descriptor and data — is checked here to
/// lie inside the data, the way ZIPFoundation walks the archive. This is not
/// a ZIP reader: nothing is decompressed, and a container that passes is
/// still read (and its checksums verified) by ZIPFoundation.
///
/// Workbooks never need ZIP64 (it is for parts over 4 GB) nor more than a
/// few hundred parts, so both are refused.
struct ZIPDirectory {
    static let maximumEntries = 10_000

    enum Problem: Error, Equatable {
        case noDirectory
        case damaged(Message)
        case zip64
        case tooManyEntries(Int)
        /// Two entries of one name: office suites disagree on which one
        /// counts, so the workbook would read differently in each.
        case duplicateName(String)

        var message: Message {
            switch self {
            case .noDirectory:
                Message(chinese: "缺少ZIP目录（文件不完整或已损坏）", english: "its ZIP directory is missing (the file is cut short or damaged)")
            case .damaged(let what):
                Message(chinese: "ZIP目录已损坏（\(what.chinese)）", english: "its ZIP directory is damaged (\(what.english))")
            case .zip64:
                Message(chinese: "使用了ZIP64扩展，表格工作簿从不需要", english: "it uses ZIP64 extensions, which a workbook of forms never needs")
            case .tooManyEntries(let count):
                Message(chinese: "有\(count)个部件，超过工作簿可能有的\(ZIPDirectory.maximumEntries)个",
                        english: "it has \(count) parts, more than the \(ZIPDirectory.maximumEntries) a workbook could hold")
            case .duplicateName(let name):
                Message(chinese: "工作簿中有两个名为\(name)的部件；Excel、WPS和LibreOffice各会读取不同的一个，因此拒绝读取：请用办公软件重新保存",
                        english: "it holds two parts named \(name); Excel, WPS and LibreOffice would each read a different one, so it is refused: save it again from the office suite")
            }
        }
    }

    private let bytes: [UInt8]

    /// Checks `bytes`; throws the first problem found.
    static func check(_ bytes: [UInt8]) throws(Problem) {
        try ZIPDirectory(bytes: bytes).check()
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    /// Whether `count` bytes from `offset` lie inside the data.
    private func inside(_ offset: Int, _ count: Int) -> Bool { offset >= 0 && count >= 0 && offset <= bytes.count - count }

    private func check() throws(Problem) {
        let end = try endRecord()
        let entries = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryOffset = u32(end + 16)
        if entries == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF { throw .zip64 }
        // ZIPFoundation also reads a ZIP64 locator just before the end record.
        if end >= 20 && u32(end - 20) == 0x0706_4B50 { throw .zip64 }
        if entries > Self.maximumEntries { throw .tooManyEntries(entries) }
        var position = directoryOffset
        var names: Set<String> = []
        for index in 0..<entries {
            guard inside(position, 46), u32(position) == 0x0201_4B50 else {
                throw .damaged(Message(chinese: "第\(index + 1)个条目（共\(entries)个）不在目录所说的位置", english: "entry \(index + 1) of \(entries) is not where the directory says"))
            }
            let flags = u16(position + 8)
            let method = u16(position + 10)
            let compressed = u32(position + 20)
            let uncompressed = u32(position + 24)
            let nameLength = u16(position + 28), extraLength = u16(position + 30), commentLength = u16(position + 32)
            let localOffset = u32(position + 42)
            if compressed == 0xFFFF_FFFF || uncompressed == 0xFFFF_FFFF || localOffset == 0xFFFF_FFFF { throw .zip64 }
            guard inside(position + 46, nameLength + extraLength + commentLength) else {
                throw .damaged(Message(chinese: "第\(index + 1)个条目超出了文件末尾", english: "entry \(index + 1) runs past the end of the file"))
            }
            if hasZIP64Field(from: position + 46 + nameLength, length: extraLength) { throw .zip64 }
            // Compared as the names are looked up: case and "\" vs "/" aside.
            let name = String(decoding: bytes[(position + 46)..<(position + 46 + nameLength)], as: UTF8.self)
            guard names.insert(name.lowercased().replacingOccurrences(of: "\\", with: "/")).inserted else { throw .duplicateName(name) }
            guard inside(localOffset, 30), u32(localOffset) == 0x0403_4B50 else {
                throw .damaged(Message(chinese: "缺少第\(index + 1)个条目的本地头", english: "the local header of entry \(index + 1) is missing"))
            }
            let localNameLength = u16(localOffset + 26), localExtraLength = u16(localOffset + 28)
            guard inside(localOffset + 30, localNameLength + localExtraLength) else {
                throw .damaged(Message(chinese: "第\(index + 1)个条目的本地头超出了文件末尾", english: "the local header of entry \(index + 1) runs past the end of the file"))
            }
            if hasZIP64Field(from: localOffset + 30 + localNameLength, length: localExtraLength) { throw .zip64 }
            let dataOffset = localOffset + 30 + localNameLength + localExtraLength
            let localCompressed = u32(localOffset + 18), localUncompressed = u32(localOffset + 22)
            // Whatever size ZIPFoundation takes the data to have, it lies inside the file.
            let dataSize = max(compressed, localCompressed, method == 0 ? max(uncompressed, localUncompressed) : 0)
            guard inside(dataOffset, dataSize) else {
                throw .damaged(Message(chinese: "第\(index + 1)个条目的数据超出了文件末尾", english: "the data of entry \(index + 1) runs past the end of the file"))
            }
            if flags & 0x8 != 0 {
                let descriptor = dataOffset + (method == 0 ? uncompressed : compressed)
                guard inside(descriptor, 16) else {
                    throw .damaged(Message(chinese: "第\(index + 1)个条目的数据描述符超出了文件末尾", english: "the data descriptor of entry \(index + 1) runs past the end of the file"))
                }
            }
            position += 46 + nameLength + extraLength + commentLength
        }
    }

    /// The offset of the end-of-central-directory record, found as
    /// ZIPFoundation finds it: the signature nearest the end, whose record
    /// and comment fit in the data (searched only where the format allows
    /// it, the last 22 bytes plus a comment of at most 64 KB).
    private func endRecord() throws(Problem) -> Int {
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - Int(UInt16.max))
        while offset >= lowest {
            if u32(offset) == 0x0605_4B50 {
                guard offset + 22 + u16(offset + 20) <= bytes.count else {
                    throw .damaged(Message(chinese: "结束记录的注释超出了文件末尾", english: "the end record's comment runs past the end"))
                }
                return offset
            }
            offset -= 1
        }
        throw .noDirectory
    }

    /// Whether the extra fields at `from` hold a ZIP64 field (header 0x0001).
    private func hasZIP64Field(from start: Int, length: Int) -> Bool {
        var position = start
        while position + 4 <= start + length {
            if u16(position) == 0x0001 { return true }
            position += 4 + u16(position + 2)
        }
        return false
    }
}
