import Foundation
import InputReading
import Testing

/// Reading an input file: only regular files, within a size limit, every
/// byte of them (the reads go through one retrying loop).
@Suite struct RegularFileTests {
    static func temporary(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("formprint-regular-\(UUID().uuidString)-\(name)")
    }

    @Test("a regular file is read whole, byte for byte")
    func readsEveryByte() throws {
        let file = Self.temporary("unit.yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        let bytes = Data((0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try bytes.write(to: file)
        #expect(try RegularFile.read(file, limit: 1 << 20) == bytes)
    }

    @Test("a file over the limit is refused with its size and the limit")
    func refusesAFileOverTheLimit() throws {
        let file = Self.temporary("big.yaml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(count: 3 << 20).write(to: file)
        #expect(throws: RegularFile.Failure.tooLarge(bytes: 3 << 20, limit: 2 << 20)) { try RegularFile.read(file, limit: 2 << 20) }
    }

    @Test("a folder, a named pipe and a missing file are refused, never read or waited on")
    func refusesWhatIsNotAFile() throws {
        let folder = Self.temporary("folder")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: RegularFile.Failure.notAFile(.folder)) { try RegularFile.read(folder, limit: 1 << 20) }
        let fifo = folder.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: RegularFile.Failure.notAFile(.fifo)) { try RegularFile.read(fifo, limit: 1 << 20) }
        #expect(throws: RegularFile.Failure.self) { try RegularFile.read(folder.appendingPathComponent("missing.yaml"), limit: 1 << 20) }
    }
}
