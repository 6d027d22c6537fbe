/// What the person running the import can say that the file may not:
/// the evaluated year and the unit's name. When given they win over what
/// the importer would infer.
public struct ImportOptions: Sendable, Equatable {
    public var year: Int?
    public var unitName: String?

    public init(year: Int? = nil, unitName: String? = nil) {
        self.year = year
        self.unitName = unitName
    }
}
