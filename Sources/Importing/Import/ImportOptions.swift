import Layout

/// What the person running the import can say that the file may not:
/// the evaluated year and the unit's name, which win over what the
/// importer would infer; and the layouts a form may be recognised as.
public struct ImportOptions: Sendable {
    public var year: Int?
    public var unitName: String?
    /// Layouts to recognise forms by (built-in and `--layouts`): a form that
    /// matches one of them best is read cell by cell as that layout lays it
    /// out, and the unit file names the layout.
    public var layouts: [LayoutSpec]

    public init(year: Int? = nil, unitName: String? = nil, layouts: [LayoutSpec] = []) {
        self.year = year
        self.unitName = unitName
        self.layouts = layouts
    }
}
