internal import CCairoPango
import Foundation
import Layout
import Support

/// Which fonts may set a character the bundled fonts lack.
public enum FontFallback: String, Sendable, CaseIterable {
    /// None: such a character is an error naming it and its field, and the
    /// output is the same on every machine.
    case none
    /// The machine's own fonts (the folders its fontconfig configuration
    /// names), for characters no bundled font has; the output then depends
    /// on the fonts installed. The bundled families are never taken from the
    /// system, so everything the bundled fonts cover prints as without it.
    case system
}

/// The bundled fonts, seen through a private fontconfig configuration that
/// contains nothing but the files in `Fonts/` (and, only when asked, the
/// system's fonts as a fallback): by default output never depends on the
/// fonts of the machine it runs on.
package struct FontLibrary: Sendable {
    package let directory: URL
    package var fallback: FontFallback

    /// The families of `Fonts/` (as their files name them) for each role,
    /// in fallback order: 仿宋 falls back to 宋体 for the characters beyond
    /// FandolFang's GB2312 coverage.
    package static func families(_ family: FontFamily, fallback: FontFallback = .none) -> String {
        let own = switch family {
        case .song: "Noto Serif CJK SC"
        case .fang: "FandolFang, Noto Serif CJK SC"
        case .hei: "Noto Sans CJK SC, Noto Serif CJK SC"
        case .kai: "LXGW WenKai, Noto Serif CJK SC"
        }
        // With the system's fonts present, every bundled family is named, so
        // that a character any bundled face has (Hangul in LXGW WenKai) is
        // taken from it before any system font.
        guard fallback == .system else { return own }
        let named = own.components(separatedBy: ", ")
        return (named + bundledFamilies.filter { !named.contains($0) }).joined(separator: ", ")
    }

    /// The families of the bundled faces, as their files name them.
    static let bundledFamilies = ["Noto Serif CJK SC", "Noto Sans CJK SC", "FandolFang", "LXGW WenKai"]

    package init(directory: URL, fallback: FontFallback = .none) throws(RenderError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError.fontsMissing(directory.path)
        }
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard fonts.contains(where: { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }) else {
            throw RenderError.fontsMissing(directory.path)
        }
        self.directory = directory
        self.fallback = fallback
    }
}

/// One fontconfig configuration over the library's folder. fontconfig's
/// cache (in the user's cache folder) keeps the scan of the big CJK fonts
/// out of every start after the first.
///
/// One configuration per folder and fallback is shared by every typesetter
/// of the process (`shared`), each with its own Pango font map — as Pango's
/// per-thread default font maps share fontconfig's default configuration.
/// A configuration per typesetter leaked: Pango 1.50's fontconfig thread
/// keeps a reference to the configuration of a font map that is freed
/// while it works (LeakSanitizer, docs/ROBUSTNESS.md), so the configuration
/// outlived its owner, once per render job. Shared, it is built once and
/// lives as long as the process.
final class FontConfiguration: @unchecked Sendable {
    let config: OpaquePointer
    let fallback: FontFallback

    private static let cache = Locked<[String: FontConfiguration]>([:])

    /// The configuration for `library`, built on first use.
    static func shared(_ library: FontLibrary) throws(RenderError) -> FontConfiguration {
        let key = library.fallback.rawValue + ":" + library.directory.standardizedFileURL.path
        let built: Result<FontConfiguration, RenderError> = cache.withLock { cache in
            if let configuration = cache[key] { return .success(configuration) }
            let made = Result { () throws(RenderError) in try FontConfiguration(library) }
            if case .success(let configuration) = made { cache[key] = configuration }
            return made
        }
        return try built.get()
    }

    init(_ library: FontLibrary) throws(RenderError) {
        guard let config = FcConfigCreate() else { throw RenderError.cairo(CairoFailure(format: nil, step: "FcConfigCreate")) }
        self.config = config
        self.fallback = library.fallback
        let cache = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first?
            .appendingPathComponent("formprint/fontconfig").path ?? "/tmp/formprint-fontconfig"
        let xml = """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><dir>\(MarkupEscaping.xml(library.directory.path))</dir><cachedir>\(MarkupEscaping.xml(cache))</cachedir>\(
                library.fallback == .system ? Self.systemFallback(bundled: library.directory) : "")</fontconfig>
            """
        let loaded = xml.withCString { FcConfigParseAndLoadFromMemory(config, $0, 1) }
        guard loaded != 0, FcConfigBuildFonts(config) != 0 else {
            throw RenderError.cairo(CairoFailure(format: nil, step: "fontconfig could not load the fonts in \(library.directory.path)"))
        }
        // Pango initialises fontconfig's default configuration in a thread
        // of its own, which parses the system's fonts.conf and reads the
        // caches of every system font — a third of a fresh process's work,
        // for fonts FormPrint never uses. With a current configuration in
        // place that initialisation has nothing to do. (fontconfig keeps
        // its own reference to it.)
        FcConfigSetCurrent(config)
    }

    deinit { FcConfigDestroy(config) }

    /// The system's font folders, as its own fontconfig configuration names
    /// them; fonts there of the bundled families are refused, so that a
    /// system copy of Noto CJK never stands in for the bundled subset.
    static func systemFallback(bundled: URL) -> String {
        var xml = ""
        if let system = FcInitLoadConfig() {
            for (list, element) in [(FcConfigGetFontDirs(system), "dir"), (FcConfigGetCacheDirs(system), "cachedir")] {
                guard let list else { continue }
                // The system's caches too, so that its fonts are not scanned again.
                while let entry = FcStrListNext(list) {
                    xml += "<\(element)>\(MarkupEscaping.xml(String(cString: entry)))</\(element)>"
                }
                FcStrListDone(list)
            }
            FcConfigDestroy(system)
        }
        // A reject pattern is overridden only by an accept pattern (not by a
        // glob): each bundled file is accepted by its path.
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: bundled.path)) ?? [])
            .filter { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }.sorted()
        let accepted = files.map { "<pattern><patelt name=\"file\"><string>\(MarkupEscaping.xml(bundled.appendingPathComponent($0).path))</string></patelt></pattern>" }
        let rejected = FontLibrary.bundledFamilies.map { "<pattern><patelt name=\"family\"><string>\(MarkupEscaping.xml($0))</string></patelt></pattern>" }
        return xml + "<selectfont><acceptfont>\(accepted.joined())</acceptfont><rejectfont>\(rejected.joined())</rejectfont></selectfont>"
    }

    /// The files of the fonts this configuration offers (for tests and
    /// diagnostics).
    var fontFiles: [String] {
        guard let fonts = FcConfigGetFonts(config, FcSetSystem) else { return [] }
        var files: [String] = []
        for index in 0..<Int(fonts.pointee.nfont) {
            var file: UnsafeMutablePointer<FcChar8>?
            if FcPatternGetString(fonts.pointee.fonts[index], FC_FILE, 0, &file) == FcResultMatch, let file {
                files.append(String(cString: file))
            }
        }
        return files
    }

}
