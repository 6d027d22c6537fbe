import Evaluation
import Foundation
import ZIPFoundation

/// The ZIP container of an .xlsx workbook or a .docx document (read with
/// ZIPFoundation), and
/// the first look at the bytes that tells a damaged file, an encrypted one
/// and an old binary .xls apart — so each gets its own message.
struct WorkbookPackage {
    /// A part larger than this is not a self-evaluation form (and may be a
    /// ZIP bomb).
    static let maximumPartSize = 64 << 20

    let file: String
    private let archive: Archive
    private let damaged: (Message) -> ImportError.Problem

    /// `damaged` names what a damaged container is: a workbook (the
    /// default) or a Word document.
    init(data: Data, file: String, damaged: @escaping (Message) -> ImportError.Problem = ImportError.Problem.corruptWorkbook) throws {
        self.damaged = damaged
        self.file = file
        let signature = [UInt8](data.prefix(8))
        if signature == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
            // An OLE compound file: Excel stores a password-protected .xlsx
            // as one (with an "EncryptionInfo" stream), and so was the old .xls.
            let marker = Data("EncryptionInfo".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
            throw ImportError(data.range(of: marker) != nil ? .passwordProtectedWorkbook : .legacyExcelFormat, at: .file(file))
        }
        guard signature.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
            throw ImportError(damaged(data.isEmpty ? Message.emptyFile
                                                            : Message(chinese: "不是ZIP容器", english: "it is not a ZIP container")), at: .file(file))
        }
        // ZIPFoundation trusts the offsets in the archive; ZIPDirectory
        // checks them first (see there why).
        do {
            try ZIPDirectory.check([UInt8](data))
        } catch .tooManyEntries(let count) {
            throw ImportError(.workbookTooLarge(Message(chinese: "有\(count)个部件", english: "it has \(count) parts")), at: .file(file))
        } catch {
            throw ImportError(damaged(error.message), at: .file(file))
        }
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw ImportError(damaged(Message(chinese: "ZIP目录已损坏", english: "its ZIP directory is damaged")), at: .file(file))
        }
    }

    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of the part at `path` (no leading slash); nil if absent.
    func part(_ path: String) throws -> Data? {
        guard let entry = archive[path] else { return nil }
        guard entry.uncompressedSize <= UInt64(Self.maximumPartSize) else {
            throw ImportError(.workbookTooLarge(Message(chinese: "\(path)解压后有\(entry.uncompressedSize >> 20) MB",
                                                        english: "\(path) unpacks to \(entry.uncompressedSize >> 20) MB")), at: .file(file))
        }
        var data = Data()
        do {
            // ZIPFoundation returns the checksum of what it read; comparing it
            // is the caller's job.
            let checksum = try archive.extract(entry) { chunk in
                data.append(chunk)
                if data.count > Self.maximumPartSize { throw ArchiveTooLarge() }
            }
            guard checksum == entry.checksum else {
                throw ImportError(damaged(Message(chinese: "部件\(path)已损坏（校验和不符）",
                                                           english: "the part \(path) is damaged (its checksum does not match)")), at: .file(file))
            }
        } catch let error as ImportError {
            throw error
        } catch is ArchiveTooLarge {
            throw ImportError(.workbookTooLarge(Message(chinese: "\(path)解压后超过\(Self.maximumPartSize >> 20) MB",
                                                        english: "\(path) unpacks to more than \(Self.maximumPartSize >> 20) MB")), at: .file(file))
        } catch {
            throw ImportError(damaged(Message(chinese: "部件\(path)无法解压", english: "the part \(path) cannot be unpacked")), at: .file(file))
        }
        return data
    }

    private struct ArchiveTooLarge: Error {}
}
