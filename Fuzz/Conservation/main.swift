// Fuzzes what an officer's table becomes on the page (issue 24): any bytes
// read as a pasted table or, when they are a ZIP, as a workbook; every unit
// that imports goes through the form pipeline on every shipped form layout
// (ShippedForms), and each text that prints one of its values must print it
// as written, in the cell's declared format without a lost digit, or as one
// of its parts (FigureConservation). Any bytes must give conserved figures or
// a named error — never a crash, a hang, or a figure that changed on its way
// to the page.
import Evaluation
import Foundation
import FuzzSupport
import Importing
import ShippedForms

fuzz { data in
    let file = data.starts(with: [0x50, 0x4B]) ? "fuzz.xlsx" : "fuzz.txt"
    guard let imported = try? UnitImporter.importData(data, file: file, options: ImportOptions(layouts: ShippedForms.layouts)) else { return }
    ShippedForms.assertConserved(imported.unit)
}
