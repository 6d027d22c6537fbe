// Fuzzes the unit-file reader: any bytes, read as UTF-8 text, must give a
// unit or an InputFileError — never a crash, a hang or unbounded memory.
import Foundation
import FuzzSupport
import Importing

fuzz { data in
    let text = String(decoding: data, as: UTF8.self)
    _ = try? UnitFileReader.read(text: text, file: "fuzz.yaml")
}
