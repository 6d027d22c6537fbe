import Foundation
import InputReading

/// Finds FormPrint's data folders; see `ResourceFolder`.
package enum ResourceLocator {
    package static func locate(_ folder: String, containing marker: String, environment variable: String) -> URL? {
        ResourceFolder.locate(folder, containing: marker, environment: variable)
    }
}
