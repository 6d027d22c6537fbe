import Evaluation

/// The streams of an OLE2 compound file (Microsoft's "Compound File Binary"
/// format), the container of .xls, .doc, .et and .wps files and of
/// password-protected .xlsx workbooks.
///
/// FormPrint reads it for two reasons libfreexl cannot serve: to tell the
/// container's kinds apart by their stream names ("Workbook" is an .xls,
/// "WordDocument" a .doc) before any parsing, and to hand `BIFFScan` the
/// Workbook stream, whose number formats and merged ranges libfreexl 1.0.x
/// does not expose. Every sector number and chain is checked to lie inside
/// the data and to end; a chain that loops or runs out is a damaged file.
struct CompoundFile {
    struct Entry {
        var name: String
        /// 1 storage, 2 stream, 5 root.
        var type: UInt8
        var start: Int
        var size: Int
    }

    enum Problem: Error {
        case notCompound
        case damaged(Message)

        var message: Message {
            switch self {
            case .notCompound: Message(chinese: "不是OLE复合文档", english: "it is not an OLE compound file")
            case .damaged(let what): Message(chinese: "OLE复合文档已损坏（\(what.chinese)）", english: "its OLE container is damaged (\(what.english))")
            }
        }
    }

    static let signature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    /// Far more directory entries than any office file has.
    static let maximumEntries = 10_000

    private let bytes: [UInt8]
    private let sectorSize: Int
    private let fat: [Int]
    private var miniFAT: [Int] = []
    private var miniStream: [UInt8] = []
    private let miniCutoff: Int
    private(set) var entries: [Entry] = []

    init(_ bytes: [UInt8]) throws(Problem) {
        self.bytes = bytes
        guard bytes.count >= 512, Array(bytes.prefix(8)) == Self.signature else { throw .notCompound }
        let shift = Int(bytes[0x1E]) | Int(bytes[0x1F]) << 8
        guard shift == 9 || shift == 12 else { throw .damaged(Message(chinese: "扇区大小无效", english: "its sector size is invalid")) }
        sectorSize = 1 << shift
        miniCutoff = Self.u32(bytes, 0x38)
        let sectors = max(0, bytes.count / sectorSize - 1)

        // The FAT's own sectors: 109 in the header, the rest in a DIFAT chain.
        var fatSectors: [Int] = []
        for index in 0..<109 {
            let sector = Self.u32(bytes, 0x4C + index * 4)
            if sector < sectors { fatSectors.append(sector) }
        }
        var difat = Self.u32(bytes, 0x44)
        var visited = 0
        while difat < sectors {
            visited += 1
            guard visited <= sectors else { throw .damaged(Message(chinese: "DIFAT链循环", english: "its DIFAT chain loops")) }
            let base = (difat + 1) * sectorSize
            let perSector = sectorSize / 4 - 1
            for index in 0..<perSector {
                let sector = Self.u32(bytes, base + index * 4)
                if sector < sectors { fatSectors.append(sector) }
            }
            difat = Self.u32(bytes, base + perSector * 4)
        }
        guard fatSectors.count <= sectors else { throw .damaged(Message(chinese: "FAT扇区过多", english: "it lists too many FAT sectors")) }
        var fat: [Int] = []
        fat.reserveCapacity(fatSectors.count * sectorSize / 4)
        for sector in fatSectors {
            let base = (sector + 1) * sectorSize
            for index in 0..<(sectorSize / 4) { fat.append(Self.u32(bytes, base + index * 4)) }
        }
        self.fat = fat

        let directory = try chain(from: Self.u32(bytes, 0x30), what: Message(chinese: "目录", english: "the directory"))
        let count = directory.count / 128
        guard count <= Self.maximumEntries else { throw .damaged(Message(chinese: "目录条目过多", english: "its directory has too many entries")) }
        for index in 0..<count {
            let base = index * 128
            let nameBytes = min(64, Int(directory[base + 0x40]) | Int(directory[base + 0x41]) << 8)
            let units = stride(from: 0, to: max(0, nameBytes - 2), by: 2).map { UInt16(directory[base + $0]) | UInt16(directory[base + $0 + 1]) << 8 }
            let type = directory[base + 0x42]
            guard type == 1 || type == 2 || type == 5 else { continue }
            entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: type,
                                 start: Self.u32(directory, base + 0x74), size: Self.u32(directory, base + 0x78)))
        }
        // Streams shorter than the cutoff live in the mini stream, which the
        // root entry holds, in 64-byte sectors listed by the mini FAT.
        if let root = entries.first(where: { $0.type == 5 }), root.size > 0 {
            miniStream = Array(try chain(from: root.start, what: Message(chinese: "迷你流", english: "the mini stream")).prefix(root.size))
            let table = try chain(from: Self.u32(bytes, 0x3C), what: Message(chinese: "迷你FAT", english: "the mini FAT"))
            miniFAT = stride(from: 0, to: table.count - 3, by: 4).map { Self.u32(table, $0) }
        }
    }

    /// Whether the container holds a stream of this name (case aside, as
    /// the format compares them).
    func has(_ name: String) -> Bool { entries.contains { $0.type == 2 && $0.name.lowercased() == name.lowercased() } }

    /// The bytes of the named stream; nil if there is none.
    func stream(_ name: String) throws(Problem) -> [UInt8]? {
        guard let entry = entries.first(where: { $0.type == 2 && $0.name.lowercased() == name.lowercased() }) else { return nil }
        let what = Message(chinese: "流“\(name)”", english: "the stream \(name)")
        if entry.size < miniCutoff {
            var data: [UInt8] = []
            var sector = entry.start, visited = 0
            while data.count < entry.size {
                visited += 1
                guard sector < miniFAT.count, visited <= miniFAT.count, (sector + 1) * 64 <= miniStream.count else {
                    throw .damaged(Message(chinese: "\(what.chinese)的迷你扇区链中断", english: "the mini sector chain of \(what.english) breaks off"))
                }
                data += miniStream[(sector * 64)..<((sector + 1) * 64)]
                sector = miniFAT[sector]
            }
            return Array(data.prefix(entry.size))
        }
        let data = try chain(from: entry.start, what: what)
        guard data.count >= entry.size else {
            throw .damaged(Message(chinese: "\(what.chinese)比目录所说的短", english: "\(what.english) is shorter than the directory says"))
        }
        return Array(data.prefix(entry.size))
    }

    /// The sectors of a chain, concatenated; a chain ends at ENDOFCHAIN.
    private func chain(from start: Int, what: Message) throws(Problem) -> [UInt8] {
        var data: [UInt8] = []
        var sector = start, visited = 0
        while sector != 0xFFFF_FFFE {
            visited += 1
            let base = (sector + 1) * sectorSize
            guard sector < fat.count, visited <= fat.count, base + sectorSize <= bytes.count else {
                throw .damaged(Message(chinese: "\(what.chinese)的扇区链中断或超出文件末尾", english: "the sector chain of \(what.english) breaks off or runs past the end of the file"))
            }
            data += bytes[base..<(base + sectorSize)]
            sector = fat[sector]
        }
        return data
    }

    /// A little-endian 32-bit value; 0xFFFFFFFF (no sector) past the end.
    static func u32(_ bytes: [UInt8], _ at: Int) -> Int {
        guard at >= 0, at + 4 <= bytes.count else { return 0xFFFF_FFFF }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }
}
