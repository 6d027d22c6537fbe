import Evaluation
import Foundation
import Layout
import Testing

@testable import Rendering

/// qpdf's side of the combined PDF: page labels as ranges, and a document
/// PDF it cannot read named in the error (the combined PDF of a rendered
/// unit: FormPrintTests' CombinedAssemblyTests).
@Suite struct PDFAssemblerTests {
    @Test func pageLabelsAreWrittenAsRanges() {
        let ranges = PDFAssembler.labelRanges(["项目1-1", "项目2-1", "项目2-2", "部门表-1", "报告-1", "报告-2", "报告-3", "封面", "封面", "附01", "附02"])
        #expect(ranges.map(\.firstPage) == [0, 1, 3, 4, 7, 8, 9, 10])
        #expect(ranges.map(\.prefix) == ["项目1-", "项目2-", "部门表-", "报告-", "封面", "封面", "附01", "附02"])
        #expect(ranges.map(\.start) == [1, 1, 1, 1, nil, nil, nil, nil])
        #expect(PDFAssembler.labelRanges(["A-3", "A-4", "A-6"]).map(\.start) == [3, 6])
    }

    @Test func aDocumentPDFQpdfCannotReadIsAnAssemblyErrorNamingIt() throws {
        let assembler = PDFAssembler(creationDate: Date(timeIntervalSince1970: 0), creator: "test")
        let metadata = DocumentMetadata(title: "", author: "", subject: "", keywords: "")
        do {
            _ = try assembler.combine([(name: "2024_部门整体支出绩效自评表", pdf: Data("not a pdf".utf8))], metadata: metadata,
                                      outline: [], pageLabels: [])
            Issue.record("expected an error")
        } catch {
            let message = (error as? any HasMessage)?.message.english ?? "\(error)"
            #expect(message.contains("2024_部门整体支出绩效自评表"), "\(message)")
            #expect(message.contains("could not be assembled") && message.contains("--no-combined"), "\(message)")
        }
    }
}
