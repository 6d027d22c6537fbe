import Foundation
import Testing

@testable import Rendering

/// The object-stream packing leaves input it does not understand alone
/// (a rendered unit packed and read back: FormPrintTests' PDFCompactorTests).
@Suite struct PDFCompactorInputTests {
    @Test("input that is not a cairo-shaped PDF comes back unchanged", arguments: [
        "", "%PDF-1.5\n", "not a pdf at all", "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nstartxref\n999999\n%%EOF\n",
        "%PDF-1.5\n1 0 obj\n<< >>\nendobj\nxref\n0 2\n0000000000 65535 f \n0000000009 00000 n \ntrailer\n<< /Size 3 >>\nstartxref\n31\n%%EOF\n",
    ])
    func unknownInput(text: String) {
        let data = Data(text.utf8)
        #expect(PDFCompactor.compact(data) == data)
    }
}
