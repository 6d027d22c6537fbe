import Foundation
import Layout
import TestSupport
import Testing

@testable import Rendering

/// The typesetter's font configuration: the bundled fonts only, or with
/// `--font-fallback system` the machine's fonts after them (what a unit's
/// missing glyph becomes: FormPrintTests' FontFallbackTests).
@Suite("Fonts: the typesetter's configuration and fallbacks", .serialized)
struct FontFallbackTests {
    /// A system font family covering `codePoint` (hex), by fc-list; nil if none.
    static func systemFamily(covering codePoint: String) -> String? {
        guard let listed = try? run("fc-list", [":charset=\(codePoint)", "family"]), listed.status == 0 else { return nil }
        return listed.output.split(separator: "\n").first.map(String.init)
    }

    @Test("a 仿宋 text keeps its declared fallback to 宋体; ordinary text is untouched")
    func declaredFallbackStillWorks() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: RenderingTests.fonts))
        // 龘 is beyond FandolFang's GB2312 set and in 宋体, 仿宋's declared fallback.
        #expect(throws: Never.self) { try typesetter.width(of: "龘项目", font: FontSpec(family: .fang, bold: false, size: .pt(12))) }
        #expect(throws: Never.self) { try typesetter.width(of: "项目支出绩效自评表", font: FontSpec(family: .song, bold: false, size: .pt(12))) }
        #expect(throws: MeasureError.self) { try typesetter.width(of: "项目龦", font: FontSpec(family: .song, bold: false, size: .pt(12))) }
    }

    @Test("without the fallback, the configuration holds the bundled fonts and nothing else")
    func bundledOnly() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: RenderingTests.fonts))
        #expect(!typesetter.fontFiles.isEmpty)
        #expect(typesetter.fontFiles.allSatisfy { $0.hasPrefix(RenderingTests.fonts.path + "/") }, "\(typesetter.fontFiles)")
    }

    @Test("with the fallback, the configuration adds the system's fonts but never a system copy of a bundled family",
          .enabled(if: FontFallbackTests.systemFamily(covering: "41") != nil, "no system fonts on this machine"))
    func systemFontsAdded() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: RenderingTests.fonts, fallback: .system))
        let bundled = typesetter.fontFiles.filter { $0.hasPrefix(RenderingTests.fonts.path + "/") }
        #expect(bundled.count == 5)
        #expect(typesetter.fontFiles.count > bundled.count)
        #expect(FontLibrary.families(.fang, fallback: .system) == "FandolFang, Noto Serif CJK SC, Noto Sans CJK SC, LXGW WenKai")
        #expect(FontLibrary.families(.fang) == "FandolFang, Noto Serif CJK SC")
    }
}
