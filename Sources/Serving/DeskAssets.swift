import FormPrint
import Foundation

/// The font the desk's pages fall back to on a machine without Chinese
/// fonts: the bundled 黑体 the forms themselves use.
package enum DeskAssets {
    package static func pageFont() -> URL? {
        ResourceLocator.locate("Fonts", containing: "FormPrintHei-Regular.ttf", environment: "FORMPRINT_FONTS")?
            .appendingPathComponent("FormPrintHei-Regular.ttf")
    }
}
