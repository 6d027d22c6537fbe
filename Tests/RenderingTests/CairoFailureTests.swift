import Foundation
import Layout
import Rendering
import TestSupport
import Testing

/// Issue 26, item 4: a cairo failure keeps cairo's status as a value and
/// names the format being written — PNG, SVG and PostScript are not "PDF".
@Suite struct CairoFailureTests {
    @Test("a PNG too large for cairo fails naming PNG and cairo's status")
    func oversizedPNGNamesItsFormat() throws {
        let typesetter = try Typesetter(fonts: try FontLibrary(directory: RenderingTests.fonts))
        // 600 000 pixels per inch makes an A4 page far wider than cairo's 32 767.
        #expect {
            _ = try PNGWriter(typesetter: typesetter, resolution: 600_000).pngs(RenderingTests.page("表"))
        } throws: { error in
            guard case .cairo(let failure) = error as? RenderError else { return false }
            return failure.format == .png && failure.status != nil && failure.status?.code != 0
                && (error as! RenderError).message.english.contains("the PNG could not be written")
                && (error as! RenderError).message.chinese.contains("无法写出PNG")
        }
    }

    @Test("each format is named in the message, and a font set-up failure names no file", arguments: [
        (DrawnFormat.pdf, "PDF"), (.postScript, "PostScript"), (.png, "PNG"), (.svg, "SVG"),
    ])
    func messageNamesTheFormat(format: DrawnFormat, name: String) {
        let status = CairoStatus(code: 11, description: "error while writing to output stream")
        let message = RenderError.cairo(CairoFailure(format: format, step: "finishing the surface", status: status)).message
        #expect(message.english.contains("the \(name) could not be written: finishing the surface: error while writing to output stream"))
        #expect(message.chinese.contains("无法写出\(name)"))
        let fonts = RenderError.cairo(CairoFailure(format: nil, step: "FcConfigCreate")).message
        #expect(fonts.english.contains("the fonts could not be set up") && !fonts.english.contains("PDF"))
    }
}
