import Evaluation
import Foundation
import Testing

@testable import FormPrint
@testable import Rendering

/// `--font-fallback system`: the machine's fonts may set what the bundled
/// fonts lack; without it, such a character is an error, never a box.
@Suite("Font fallback", .serialized)
struct FontFallbackTests {
    @Test func debugFiles() throws {
        let fonts = try FontLibrary(directory: repositoryRoot.appendingPathComponent("Fonts"), fallback: .system)
        print(FontConfiguration.systemFallback(bundled: fonts.directory))
        let typesetter = try Typesetter(fonts: fonts)
        print(typesetter.fontFiles.count, typesetter.fontFiles.prefix(10))
    }
}
