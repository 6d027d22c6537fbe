import FormPrint
import Foundation

/// The content hash of everything a unit's output depends on: FormPrint's
/// version, the render options, `SOURCE_DATE_EPOCH`, the unit's output
/// folder, the unit file's bytes, the bytes of each layout file it uses,
/// the scoring profiles and the fonts.
struct UnitFingerprint {
    var version: String
    var options: RenderOptions
    var sourceDateEpoch: String
    var fonts: String
    /// The scoring profiles (they fill the scores a unit left empty).
    var scoring: String

    func hash(input: Data, folder: String, layoutFiles: [(id: String, hash: String)]) -> String {
        var hash = ContentHash()
        hash.field("formprint", version)
        hash.field("formats", options.formats.map(\.rawValue).joined(separator: ","))
        hash.field("resolution", String(options.resolution))
        hash.field("combined", String(options.combined))
        hash.field("scoring-profile", options.scoringProfile ?? "")
        hash.field("layout-choices", options.layouts.sorted { $0.key < $1.key }.map { "\($0.key.rawValue)=\($0.value)" }.joined(separator: ","))
        if !options.lines.isEmpty { hash.field("optional-lines", options.lines.sorted().joined(separator: ",")) }
        hash.field("source-date-epoch", sourceDateEpoch)
        hash.field("fonts", fonts)
        hash.field("scoring", scoring)
        hash.field("folder", folder)
        hash.field("input", input)
        for layout in layoutFiles { hash.field("layout:" + layout.id, layout.hash) }
        return hash.hexDigest()
    }
}

/// A fingerprint of the font folder: each file's name, size and first
/// 64 KB. A TrueType/OpenType file begins with its table directory, which
/// holds a checksum of every table (and `head` a checksum of the whole
/// file), so those bytes change whenever any glyph, metric or name does —
/// without reading 50 MB of fonts on every run (a plain-Swift SHA-256 of
/// them takes ~30 s in a debug build).
enum FontsFingerprint {
    static let headBytes = 65_536

    static func compute(directory: URL) -> String {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") }.sorted(by: BatchPlan.pathOrder)
        var hash = ContentHash()
        for name in names {
            let url = directory.appendingPathComponent(name)
            let size = ((try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? NSNumber)?.int64Value ?? -1
            let head = (try? FileHandle(forReadingFrom: url)).flatMap { handle in
                defer { try? handle.close() }
                return try? handle.read(upToCount: headBytes)
            } ?? Data()
            hash.field("name", name)
            hash.field("size", String(size))
            hash.field("head", head)
        }
        return hash.hexDigest()
    }
}

/// A fingerprint of the scoring profiles: every file of the built-in
/// `Scoring/` folder, the profile asked for, and that file when it is one.
enum ScoringFingerprint {
    static func compute(choice: String?) -> String {
        var hash = ContentHash()
        hash.field("choice", choice ?? "")
        if let folder = ResourceLocator.locate("Scoring", containing: "national.yaml", environment: "FORMPRINT_SCORING") {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted(by: BatchPlan.pathOrder)
            for name in names where !name.hasPrefix(".") {
                hash.field("file:" + name, (try? Data(contentsOf: folder.appendingPathComponent(name))) ?? Data())
            }
        }
        if let choice, let data = try? Data(contentsOf: URL(fileURLWithPath: choice)) { hash.field("profile", data) }
        return hash.hexDigest()
    }
}
