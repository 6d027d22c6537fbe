import Evaluation

/// A document's layout phases in order — bind → measure → paginate →
/// compose — for a form and for the report alike: the one place they are
/// chained, for the renderer, the fuzz targets and the tests. The caller
/// decides which layouts print (the facade's plan); everything from there
/// to pages is here.
package enum DocumentPipeline {
    /// The pages of `instance` (a project, the department form or the
    /// report) on `layout`, with `computed` bound beside the unit's values
    /// and `lines` the layout's optional lines to print (`--line`).
    ///
    /// A report's attached 自评表 print in `attachedLayouts`' layout of their
    /// kind; the caller resolves one for every kind the report attaches.
    package static func pages(_ unit: UnitEvaluation, _ instance: DocumentInstance, onto layout: LayoutSpec,
                              attachedLayouts: [DocumentKind: LayoutSpec] = [:], computed: ComputedValues = .none,
                              lines: Set<String> = [], measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        switch layout.body {
        case .table(let table):
            return try formPages(unit, instance, onto: layout, table: table, computed: computed, lines: lines, measurer: measurer)
        case .flow(let flow):
            // The loader accepts flow layouts only for reports, and a report
            // is laid out only for a unit that has one.
            guard let report = unit.report else { preconditionFailure("flow layout \(layout.id) for a unit without a report") }
            return try reportPages(unit, report, onto: layout, flow: flow, attachedLayouts: attachedLayouts, computed: computed,
                                   measurer: measurer)
        }
    }

    /// A form on the table `table` of `layout` (the layout's own, or the
    /// one an attachment prints).
    static func formPages(_ unit: UnitEvaluation, _ instance: DocumentInstance, onto layout: LayoutSpec, table: TableSpec,
                          computed: ComputedValues, lines: Set<String>, measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
        let resolved = TableBinder.bind(unit, instance, onto: layout, table: table, computed: computed, lines: lines)
        try checkConserved(resolved, of: unit)
        let measured = try TableMeasurer.measure(resolved, with: measurer)
        let pages = try TablePaginator.paginate(measured, regions: Regions(for: measured, page: layout.page))
        return try TableComposer.compose(measured, pages: pages, page: layout.page, measurer: measurer)
    }

    /// Every value of the unit prints as written or in its declared format
    /// (`FigureConservation`); a figure that would change on its way to the
    /// page stops the form with its place instead of printing another number.
    package static func checkConserved(_ table: ResolvedTable, of unit: UnitEvaluation) throws(LayoutFailure) {
        if let change = FigureConservation.changes(in: table, of: unit).first {
            throw .figureChanged(written: change.written, printed: change.printed, in: .unit(change.path))
        }
    }
}
