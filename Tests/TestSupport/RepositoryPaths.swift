import Foundation

/// Paths the tests share: the checkout, its example unit and the seed.
public enum RepositoryPaths {
    /// The checkout root (Tests/TestSupport/RepositoryPaths.swift → ../..).
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let exampleUnit = root.appendingPathComponent("Examples/liuhe-2024.yaml")
    public static let schema = root.appendingPathComponent("Schemas/unit.schema.json")
    /// The seed, in the shared folder beside the checkout.
    public static let seed = root.appendingPathComponent("Examples/liuhe-2024-pasted.txt")
}
