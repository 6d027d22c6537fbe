import Foundation
import Testing

@testable import Batch
@testable import FormPrint

/// File names safe everywhere, output folders that never collide, and the
/// SHA-256 behind `--skip-unchanged`.
struct NamingAndHashTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ]) func sha256MatchesTheStandardVectors(input: String, digest: String) {
        #expect(ContentHash.hex(input) == digest)
        // Streaming byte by byte gives the one-shot digest.
        var pieces = ContentHash()
        for byte in input.utf8 { pieces.update([byte]) }
        #expect(pieces.hexDigest() == digest)
    }

    @Test func sha256OfAMillionBytesInUnevenPieces() {
        var hash = ContentHash()
        var left = 1_000_000
        var size = 1
        while left > 0 {
            let piece = min(size, left)
            hash.update([UInt8](repeating: UInt8(ascii: "a"), count: piece))
            left -= piece
            size = size * 3 % 1000 + 1
        }
        #expect(hash.hexDigest() == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func longNamesAreCutOnACharacterWithATagThatKeepsThemApart() {
        let a = FileNaming.safeComponent(String(repeating: "长", count: 100) + "甲")
        let b = FileNaming.safeComponent(String(repeating: "长", count: 100) + "乙")
        #expect(a.utf8.count <= FileNaming.maximumBytes && b.utf8.count <= FileNaming.maximumBytes)
        #expect(a != b)
        #expect(a.hasPrefix("长长长") && a.contains("~"))
        #expect(FileNaming.safeComponent("短名") == "短名")
        let file = FileNaming.documentFileName(year: 2024, document: "项目支出绩效自评表", detail: String(repeating: "项", count: 120), extension: "pdf")
        #expect(file.utf8.count <= FileNaming.maximumBytes && file.hasSuffix(".pdf"))
    }

    @Test func reservedAndInvisibleCharactersAreReplaced() {
        #expect(FileNaming.safeComponent("CON") == "_CON")
        #expect(FileNaming.safeComponent("nul.txt") == "_nul.txt")
        #expect(FileNaming.safeComponent("单位\u{202E}fdp.exe") == "单位_fdp.exe")
        #expect(FileNaming.safeComponent("a\u{200B}b\u{2028}c") == "a_b_c")
        #expect(FileNaming.safeComponent("../../etc/passwd") == "_.._etc_passwd")
        #expect(FileNaming.safeComponent("...") == "_")
    }

    @Test func unitsWithTheSameNameGetDistinctFoldersDecidedBySortedOrder() {
        let inputs = ["a/x.yaml", "b/x.yaml", "c/y.yaml", "d/z.yaml", "e/w.yaml"].enumerated().map { BatchInput(path: $1, position: $0) }
        let identities: [OutputFolders.Identity?] = [
            .init(name: "单位", year: 2024), .init(name: "单位", year: 2024), .init(name: "单位", year: 2023),
            .init(name: "Unit", year: 2024), .init(name: "UNIT", year: 2024),
        ]
        let folders = OutputFolders.assign(inputs, identities).map { $0?.folder }
        // Another year writes other file names, so it may share the folder;
        // names equal on a case-insensitive file system may not.
        #expect(folders == ["单位", "单位_x", "单位", "Unit", "UNIT_w"])
        let again = OutputFolders.assign(inputs, identities).map { $0?.folder }
        #expect(again == folders)
        #expect(OutputFolders.assign(inputs, identities)[0]?.warnings.first?.contains("b/x.yaml") == true)
    }

    @Test func gradesFollowTheProfilesBands() throws {
        let national = try #require(try ScoringCatalog.standard().profile(id: "national"))
        #expect(ScoreGrade.grade(forTotal: "95", profile: national) == "优")
        #expect(ScoreGrade.grade(forTotal: "90", profile: national) == "优")
        #expect(ScoreGrade.grade(forTotal: "89.5分", profile: national) == "良")
        #expect(ScoreGrade.grade(forTotal: "60", profile: national) == "中")
        #expect(ScoreGrade.grade(forTotal: "59.9", profile: national) == "差")
        #expect(ScoreGrade.grade(forTotal: "", profile: national) == nil)
        #expect(ScoreGrade.grade(forTotal: "待定", profile: national) == nil)
        #expect(ScoreGrade.grade(forTotal: "120", profile: national) == nil)
        // A profile with bands of its own is followed, exactly on the decimal.
        var strict = national
        strict.grades = [.init(grade: "优", minimum: 95), .init(grade: "良", minimum: 85), .init(grade: "差", minimum: 0)]
        #expect(ScoreGrade.grade(forTotal: "94.99", profile: strict) == "良")
        #expect(ScoreGrade.grade(forTotal: "95", profile: strict) == "优")
    }

    @Test func fontsFingerprintChangesWithAFontsBytesOrName() throws {
        let folder = try temporaryFolder()
        let font = folder.appendingPathComponent("A.ttf")
        try Data(repeating: 7, count: 1000).write(to: font)
        let first = FontsFingerprint.compute(directory: folder)
        #expect(FontsFingerprint.compute(directory: folder) == first)
        var edited = Data(repeating: 7, count: 1000)
        edited[10] = 8
        try edited.write(to: font)
        let second = FontsFingerprint.compute(directory: folder)
        #expect(second != first)
        try FileManager.default.moveItem(at: font, to: folder.appendingPathComponent("B.ttf"))
        #expect(FontsFingerprint.compute(directory: folder) != second)
    }
}
