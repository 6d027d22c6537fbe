internal import CCairoPango
import Foundation
import Layout

/// The bundled fonts, seen through a private fontconfig configuration that
/// contains nothing but the files in `Fonts/`: output never depends on the
/// fonts of the machine it runs on.
public struct FontLibrary: Sendable {
    public let directory: URL

    /// The families of `Fonts/` (as their files name them) for each role,
    /// in fallback order: 仿宋 falls back to 宋体 for the characters beyond
    /// FandolFang's GB2312 coverage.
    static func families(_ family: FontFamily) -> String {
        switch family {
        case .song: "Noto Serif CJK SC"
        case .fang: "FandolFang, Noto Serif CJK SC"
        case .hei: "Noto Sans CJK SC, Noto Serif CJK SC"
        case .kai: "LXGW WenKai, Noto Serif CJK SC"
        }
    }

    public init(directory: URL) throws(RenderError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw RenderError.fontsMissing(directory.path)
        }
        let fonts = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        guard fonts.contains(where: { $0.hasSuffix(".ttf") || $0.hasSuffix(".otf") }) else {
            throw RenderError.fontsMissing(directory.path)
        }
        self.directory = directory
    }
}

/// One fontconfig configuration over the library's folder. Owned by one
/// render job; fontconfig's cache (in the user's cache folder) keeps the
/// scan of the big CJK fonts out of every start after the first.
final class FontConfiguration {
    let config: OpaquePointer

    init(_ library: FontLibrary) throws(RenderError) {
        guard let config = FcConfigCreate() else { throw RenderError.cairo("FcConfigCreate failed") }
        self.config = config
        let cache = FileManager.default.urls(for: .cachesDirectory, in: .userDomainMask).first?
            .appendingPathComponent("formprint/fontconfig").path ?? "/tmp/formprint-fontconfig"
        let xml = """
            <?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
            <fontconfig><dir>\(Self.escaped(library.directory.path))</dir><cachedir>\(Self.escaped(cache))</cachedir></fontconfig>
            """
        let loaded = xml.withCString { FcConfigParseAndLoadFromMemory(config, $0, 1) }
        guard loaded != 0, FcConfigBuildFonts(config) != 0 else {
            throw RenderError.cairo("fontconfig could not load the fonts in \(library.directory.path)")
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

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
