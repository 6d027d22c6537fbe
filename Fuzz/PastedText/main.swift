// Fuzzes the pasted-text importer, encoding detection included: any bytes
// named .txt must give an imported unit or an ImportError.
import Foundation
import FuzzSupport
import Importing

fuzz { data in
    _ = try? UnitImporter.importData(data, file: "fuzz.txt")
}
