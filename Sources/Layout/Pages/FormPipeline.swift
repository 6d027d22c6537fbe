import Evaluation

/// A form's layout phases in order — bind → measure → paginate → compose —
/// the one place they are chained, for the renderer, the fuzz targets and
/// the tests alike.
package enum FormPipeline {
    /// The pages of `instance` (a project or the department form) on the
    /// table `table` of `layout`, `computed` bound beside the unit's values;
    /// `lines` are the layout's optional lines to print (`--line`).
    package static func pages(_ unit: UnitEvaluation, _ instance: DocumentInstance, onto layout: LayoutSpec, table: TableSpec,
                             computed: ComputedValues = .none, lines: Set<String> = [],
                             measurer: some TextMeasurer) throws(LayoutFailure) -> [Page] {
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
