import Evaluation

/// The layout each document kind uses when the unit file names none: the
/// seed's 吉林 forms and the GB/T 9704 report.
package enum LayoutDefaults {
    package static let layouts: [DocumentKind: String] = [
        .project: "project-jilin", .department: "department-jilin", .report: "report-gbt9704",
    ]
}
