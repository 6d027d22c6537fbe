import Evaluation
import Layout

/// The GB/T 9704 report layout and the fixed-advance measurer that the
/// report suites typeset with.
struct ReportFixture {
    let layout: LayoutSpec
    let flow: FlowSpec
    let measurer = FixedAdvanceMeasurer()

    init() throws {
        layout = try loadLayout("report-gbt9704.yaml")
        flow = try flowSpec(layout)
    }
}

/// A suite over `ReportFixture`, reaching its parts by name.
protocol ReportSuite {
    var fixture: ReportFixture { get }
}

extension ReportSuite {
    var layout: LayoutSpec { fixture.layout }
    var flow: FlowSpec { fixture.flow }
    var measurer: FixedAdvanceMeasurer { fixture.measurer }
}

extension ReportSuite {
    /// `report`'s pages through the one document pipeline (bind → measure →
    /// paginate → compose → number), as the only document of a unit.
    func reportPages(_ report: Report, measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        try DocumentPipeline.pages(UnitEvaluation(name: "柳河县政务服务和数字化建设管理局", year: 2024, report: report), .report,
                                   onto: layout, measurer: measurer)
    }
}
