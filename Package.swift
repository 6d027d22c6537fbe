// swift-tools-version: 6.0
import PackageDescription

// Module boundaries follow ../shared/DESIGN.md: only `Rendering` (and the
// `CCairoPango` system library it wraps) touches C. `Evaluation` (the model)
// and `Layout` (binding, measuring protocol, pagination) are pure Swift, so
// most layout tests run without fonts.
let package = Package(
    name: "FormPrint",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "FormPrint", targets: ["FormPrint"]),
        .executable(name: "formprint", targets: ["formprint"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairoPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libfontconfig-dev"])]
        ),
        .target(name: "Evaluation"),
        .target(name: "InputReading", dependencies: ["Evaluation", "Yams"]),
        .target(name: "Layout", dependencies: ["Evaluation", "InputReading", "Yams"]),
        .target(name: "Rendering", dependencies: ["Layout", "CCairoPango"]),
        .target(name: "Importing", dependencies: ["Evaluation", "InputReading", "Yams"]),
        .target(
            name: "FormPrint",
            dependencies: ["Evaluation", "InputReading", "Layout", "Rendering", "Importing"],
            resources: []
        ),
        .executableTarget(
            name: "formprint",
            dependencies: ["FormPrint", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation", "Importing", "InputReading"]),
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Evaluation"]),
        .testTarget(name: "FormPrintTests", dependencies: ["FormPrint"]),
    ],
    swiftLanguageModes: [.v6]
)
