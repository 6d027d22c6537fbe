// Fuzzes the workbook importer. An input that starts like a ZIP or OLE file
// is passed as it is (the container, damaged ones included); any other input
// is a bundle of workbook parts — "@@@ xl/worksheets/sheet1.xml" lines, each
// followed by the part's bytes — zipped first (WorkbookBundle), so that
// mutations reach the XML, the number formats and the form readers instead
// of failing ZIP checksums. A workbook that imports must print every figure
// as written (ShippedForms.assertConserved, issue 24).
import Foundation
import FuzzSupport
import Importing
import ShippedForms
import TestSupport

fuzz { data in
    guard let workbook = WorkbookBundle.workbook(from: data),
          let imported = try? UnitImporter.importData(workbook, file: "fuzz.xlsx", options: ImportOptions(layouts: ShippedForms.layouts))
    else { return }
    ShippedForms.assertConserved(imported.unit)
}
