import Evaluation

/// Where each value of an imported unit came from. Every value is a cell's
/// text as written, so each is found among the cells the readers used, in
/// reading order: a record's first field moves on through the table, its
/// other fields are looked for just after it. A value made of several cells
/// (a 四川 target from three columns) or repaired in reading points at its
/// record. Findings about the unit then name the cell the officer edits.
enum ImportedPlaces {
    /// The place of each value, and the text of the cell it was found in;
    /// an amount converted to the form's money unit is looked for by the
    /// text it was `converted` from.
    static func find(_ unit: UnitEvaluation, in cells: [GridCell],
                     converted: [FieldPath: String] = [:]) -> (places: [FieldPath: SourceLocation], texts: [FieldPath: String]) {
        var finder = Finder(cells: cells, converted: converted)
        for (p, project) in unit.projects.enumerated() {
            let base = FieldPath("projects").appending(p)
            finder.record(base, project, anchor: "name")
            for (i, row) in project.funds.enumerated() { finder.record(base.appending("funds").appending(i), row, anchor: "source") }
            finder.tree(project.indicators, base.appending("indicators"))
        }
        if let department = unit.department {
            let base = FieldPath("department")
            finder.record(base, department, anchor: "name")
            for (i, row) in department.funds.enumerated() { finder.record(base.appending("funds").appending(i), row, anchor: "source") }
            for (i, task) in department.tasks.enumerated() { finder.record(base.appending("tasks").appending(i), task, anchor: "name") }
            finder.tree(department.indicators, base.appending("indicators"))
        }
        finder.record(FieldPath("signatures"), unit.signatures, anchor: nil)
        return (finder.places, finder.texts)
    }

    struct Finder {
        let cells: [GridCell]
        let converted: [FieldPath: String]
        var cursor = 0
        var places: [FieldPath: SourceLocation] = [:]
        var texts: [FieldPath: String] = [:]

        /// `path` was read from cell `index`.
        mutating func found(_ path: FieldPath, at index: Int) {
            places[path] = cells[index].location
            texts[path] = cells[index].text
        }

        /// The index of the first cell at or after `start` whose text is `value`
        /// (or whose text, for a label-and-value cell, ends with it).
        func index(of value: String, from start: Int, within window: Int = 60) -> Int? {
            let wanted = value.trimmedCell
            guard !wanted.isEmpty else { return nil }
            let end = cells.count - start <= window ? cells.count : start + window
            guard start < end else { return nil }
            return (start..<end).first { cells[$0].text.trimmedCell == wanted }
                ?? (start..<end).first { let text = cells[$0].text.trimmedCell; return text.hasSuffix("：" + wanted) || text.hasSuffix(":" + wanted) }
        }

        mutating func record<Value: FieldValues>(_ base: FieldPath, _ value: Value, anchor: String?) {
            let keys = Value.typedKeys + value.extra.keys.sorted()
            var start = cursor
            if let anchor, let found = index(of: value.value(anchor), from: cursor, within: .max) {
                self.found(base.appending(key: anchor), at: found)
                start = max(0, found - 12)
                cursor = found + 1
            }
            var recordPlace: SourceLocation?
            for key in keys where key != anchor {
                let text = converted[base.appending(key: key)] ?? value.value(key)
                if let found = index(of: text, from: start) {
                    self.found(base.appending(key: key), at: found)
                    recordPlace = recordPlace ?? cells[found].location
                }
            }
            if let anchor, let place = places[base.appending(key: anchor)] ?? recordPlace {
                // Whatever was not found (joined or repaired) points at its record.
                places[base] = place
            }
        }

        mutating func tree(_ categories: [IndicatorCategory], _ base: FieldPath) {
            for (c, category) in categories.enumerated() {
                let categoryPath = base.appending(c)
                if let found = index(of: category.name, from: cursor, within: .max) {
                    self.found(categoryPath.appending("category"), at: found)
                    places[categoryPath] = cells[found].location
                }
                for (s, subcategory) in category.subcategories.enumerated() {
                    let subPath = categoryPath.appending("subcategories").appending(s)
                    if let found = index(of: subcategory.name, from: cursor, within: .max) {
                        self.found(subPath.appending("category"), at: found)
                    }
                    for (i, indicator) in subcategory.indicators.enumerated() {
                        record(subPath.appending("indicators").appending(i), indicator, anchor: "name")
                    }
                }
            }
        }
    }
}

extension FieldPath {
    /// `goal.expected` → two components.
    func appending(key: String) -> FieldPath {
        key.split(separator: ".").reduce(self) { $0.appending(String($1)) }
    }
}

extension GridCell {
    /// The cell as the person who edits the file names it:
    /// "自评表.xlsx 项目自评表!B4", "粘贴.txt 第12行第3列".
    var location: SourceLocation {
        switch place {
        case .cell(let file, let sheet, let row, let column):
            SourceLocation(file: file, line: row, column: column, place: "\(file) \(sheet)!\(ImportPlace.columnName(column))\(row)")
        case .text(let file, let line, let character):
            // The row and column of the pasted table, as an officer counts them.
            SourceLocation(file: file, line: line, column: character, place: "\(file) 第\(line)行第\(self.column)列")
        case .tableCell(let file, let table, let row, let column):
            SourceLocation(file: file, line: row, column: column, place: "\(file) 表\(table) 第\(row)行第\(column)列")
        case .paragraph(let file, let number):
            SourceLocation(file: file, line: number, column: 1, place: "\(file) 第\(number)段")
        case .file(let file):
            SourceLocation(file: file, line: 0, column: 0, place: file)
        }
    }
}
