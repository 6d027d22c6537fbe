import Importing
import InputReading
import Layout
import Review

// The names the command line and the desk use from the modules below the
// facade, given here so that they import FormPrint (and the model) only:
// what they depend on is this list, and a module below can be split or
// renamed behind it (issue 26). Each is a name, not a wrapper: the type's
// own documentation stays where it is.

/// A finding of the checks (rule, severity, place, message): the library's
/// `CheckedUnit.findings` are these.
public typealias Finding = Review.Finding

/// The system's reason for a failed read or write, in FormPrint's own words.
package typealias SystemReason = InputReading.SystemReason

/// `formprint import`'s choices: the year and unit name an input does not say.
package typealias ImportOptions = Importing.ImportOptions
/// A cell's place in an imported workbook (`项目自评表!F16`).
package typealias ImportPlace = Importing.ImportPlace
/// The unit file written back from a model (the desk's correction).
package typealias UnitFileWriter = Importing.UnitFileWriter
/// A pasted table's bytes decoded as the importer decodes them.
package typealias TextDecoder = Importing.TextDecoder
/// A workbook's sheets and cells as the importer reads them (the desk draws them).
package typealias WorkbookImporter = Importing.WorkbookImporter

/// `formprint layouts learn`: a layout file from an officer's own workbook.
package typealias LayoutLearner = Importing.LayoutLearner
package typealias LearnError = Importing.LearnError
/// `formprint layouts check`: one layout file read as the catalogue reads it.
package typealias LayoutLoader = Layout.LayoutLoader
