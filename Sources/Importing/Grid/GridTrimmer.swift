/// Ends a form where its grid ends. A cell someone typed below a form,
/// after wholly empty rows, became a new 绩效指标 row (issue 14): the form
/// readers saw one stream of rows. Now a gap — rows with no cell at all in
/// a workbook (a template's empty rows still have their styled cells), an
/// empty line in pasted text — closes the form, and the rows after it are
/// outside every form (reported as unplaced) until the next form's title
/// or first label.
struct GridTrimmer {
    let starts: FormStarts
    private var inForm = false
    private var gapSinceForm = false

    init(starts: FormStarts) { self.starts = starts }

    /// A wholly empty row or line.
    mutating func gap() {
        if inForm { gapSinceForm = true }
    }

    /// Whether `row` belongs to the form the rows before it started (or
    /// starts one); false for a row after the form's grid ended.
    mutating func belongsToForm(_ row: GridRow) -> Bool {
        guard !row.isBlank else { return true }
        if startsForm(row) {
            inForm = true
            gapSinceForm = false
            return true
        }
        return !(inForm && gapSinceForm)
    }

    /// A form's title row, or the first label of a form without a title,
    /// as `TableSplitter` recognises them.
    func startsForm(_ row: GridRow) -> Bool {
        if let title = row.soleText, starts.kind(ofTitle: title) != nil { return true }
        return starts.kind(of: row) != nil
    }
}
