// swift-tools-version: 6.0
import Foundation
import PackageDescription

// Module boundaries follow the design notes: only `Rendering` (and the
// `CCairoPango` system library it wraps) touches C, apart from the one
// Importing file that reads .xls through libfreexl (`CFreeXL`). `Evaluation` (the model)
// and `Layout` (binding, measuring protocol, pagination) are pure Swift, so
// most layout tests run without fonts.
let package = Package(
    name: "FormPrint",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "FormPrint", targets: ["FormPrint"]),
        .executable(name: "formprint", targets: ["formprint"]),
        // The web desk, run by `formprint serve` from beside `formprint`: the
        // server stack lives in this executable only (issue 25).
        .executable(name: "formprint-desk", targets: ["formprint-desk"]),
        // The C floor `formprint bench` compares with (docs/BENCHMARKS.md).
        .executable(name: "formprint-floor", targets: ["formprint-floor"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // `formprint serve` (Sources/Serving, run as `formprint-desk`): the web server, its database
        // and the bcrypt hashes of passwords and access codes.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.0.0"),
        // The login form's HMAC token (already a dependency of hummingbird-auth).
        .package(url: "https://github.com/apple/swift-crypto.git", "1.0.0"..<"6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // The desk's multipart/form-data bodies (no hand-written parser).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.0"),
        // ServingTests' own HTTP/1 client over a loopback server (already
        // dependencies of Hummingbird; named here because the tests import them).
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCairoPango",
            pkgConfig: "pangocairo",
            providers: [.apt(["libcairo2-dev", "libpango1.0-dev", "libfontconfig-dev", "zlib1g-dev", "libharfbuzz-dev"])]
        ),
        // libfreexl reads the cells of old binary .xls workbooks (BIFF8);
        // only Importing's FreeXLBook.swift imports it.
        .systemLibrary(
            name: "CFreeXL",
            pkgConfig: "freexl",
            providers: [.apt(["libfreexl-dev"])]
        ),
        // qpdf assembles the combined PDF from the documents' own PDFs;
        // libqpdf (libqpdf-dev) is opened with dlopen on first use.
        .target(name: "CQPDF"),
        // Small utilities every module may use: Locked<T>, SystemError (errno),
        // the seeded generator of the tests and the bench.
        .target(name: "Support"),
        .target(name: "Evaluation", dependencies: ["Support"]),
        .target(name: "InputReading", dependencies: ["Evaluation", "Support", "Yams"]),
        .target(name: "Layout", dependencies: ["Evaluation", "InputReading", "Support", "Yams"]),
        // Rendering writes OFD packages (ZIP) through ZIPFoundation.
        .target(name: "Rendering", dependencies: ["Layout", "Support", "CCairoPango", "CQPDF", "ZIPFoundation"]),
        // Importing reads .xlsx and .docx through ZIPFoundation (no
        // hand-written ZIP reader) and Foundation's XMLParser, and .xls
        // through libfreexl.
        // Import reads a pasted or workbook form by the layout it matches
        // best, so it knows the layouts' cells (no drawing, no C).
        .target(name: "Importing", dependencies: ["Evaluation", "InputReading", "Layout", "Support", "Yams", "ZIPFoundation", "CFreeXL"]),
        // Checks and scoring over the model, and the scoring profiles they use.
        .target(name: "Review", dependencies: ["Evaluation", "InputReading", "Support", "Yams"]),
        .target(
            name: "FormPrint",
            dependencies: ["Evaluation", "InputReading", "Layout", "Rendering", "Importing", "Review", "Support", "ZIPFoundation",
                           .product(name: "Crypto", package: "swift-crypto")],
            resources: []
        ),
        // `formprint batch` and the desk's lists, above the facade: the plan
        // of many inputs, the worker pool, summary.json/csv, the findings
        // report and the roster. The library itself renders one unit.
        .target(name: "Batch", dependencies: ["FormPrint", "Evaluation", "InputReading", "Importing", "Layout", "Rendering", "Review", "Support"]),
        // `formprint bench`: generated units, the figures of docs/BENCHMARKS.md
        // and the direct Cairo + Pango floor they are compared with.
        // Scaffolding, not product: nothing in FormPrint depends on it.
        .target(name: "Benchmarks", dependencies: ["FormPrint", "Batch", "Evaluation", "Importing", "InputReading", "Layout", "Rendering", "Support", "CCairoPango"]),
        // `formprint bench`'s floor: a minimal C program that draws the same
        // one-page form with cairo and Pango over the same fonts, one PDF per
        // page. C on purpose, so that the floor is not FormPrint's own Swift;
        // CCairoPango brings pangocairo's flags, and the two libraries below
        // are the ones pangocairo.pc leaves out.
        .executableTarget(name: "formprint-floor", dependencies: ["CCairoPango"], path: "Sources/FloorProgram",
                          linkerSettings: [.linkedLibrary("pangoft2-1.0"), .linkedLibrary("fontconfig")]),
        // The web desk (`formprint serve`, the `formprint-desk` executable): routes only wire; submissions,
        // access and rendering live in its folders, over the FormPrint facade.
        .target(
            name: "Serving",
            dependencies: ["FormPrint", "Batch", "Evaluation", "InputReading", "Importing", "Review", "Support", "ZIPFoundation",
                           .product(name: "Hummingbird", package: "hummingbird"),
                           // `serve --tls-cert/--tls-key`: TLS in the server (swift-nio-ssl).
                           .product(name: "HummingbirdTLS", package: "hummingbird"),
                           .product(name: "HummingbirdCore", package: "hummingbird"),
                           .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "GRDB", package: "GRDB.swift"),
                           .product(name: "MultipartKit", package: "multipart-kit")]
        ),
        // What the two executables share: the run's language, the bilingual
        // `say`/`help`/`usageError`, the parser's words translated, how a
        // root command starts.
        .target(name: "CommandSupport", dependencies: ["Evaluation", "Support", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        // The command line, without the desk: `formprint serve` execs
        // `formprint-desk`, so that render, batch and validate do not load
        // (and scan the conformance records of) Hummingbird, NIO and GRDB.
        .executableTarget(
            name: "formprint",
            dependencies: ["FormPrint", "Batch", "Benchmarks", "Review", "Importing", "InputReading", "CommandSupport", "Support",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        .executableTarget(
            name: "formprint-desk",
            dependencies: ["Serving", "FormPrint", "CommandSupport", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/DeskProgram"
        ),
        // A real server on loopback and a small HTTP/1 client over NIO (Support/LoopbackServer.swift),
        // not HummingbirdTesting: that would compile AsyncHTTPClient, HTTP/2 and NIO Transport
        // Services for the tests alone (issue 26).
        .testTarget(name: "ServingTests", dependencies: ["Serving", "FormPrint", "Batch", "Evaluation", "TestSupport",
                                                         .product(name: "Hummingbird", package: "hummingbird"),
                                                         .product(name: "HTTPTypes", package: "swift-http-types"),
                                                         .product(name: "NIOCore", package: "swift-nio"),
                                                         .product(name: "NIOPosix", package: "swift-nio"),
                                                         .product(name: "NIOHTTP1", package: "swift-nio"),
                                                         .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "EvaluationTests", dependencies: ["Evaluation"]),
        .testTarget(name: "InputReadingTests", dependencies: ["InputReading", "Evaluation"]),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "Layout", "Evaluation", "TestSupport"]),
        .testTarget(name: "ReviewTests", dependencies: ["Review", "Evaluation", "Importing", "InputReading", "TestSupport"]),
        // Page-dump snapshots are read by path, not bundled.
        .testTarget(name: "LayoutTests", dependencies: ["Layout", "Evaluation", "Importing", "Support", "TestSupport"], exclude: ["Snapshots"]),
        .testTarget(name: "FormPrintTests", dependencies: ["FormPrint", "Batch", "Benchmarks", "Importing", "TestSupport", "Support", "ZIPFoundation"], exclude: ["Snapshots"]),
        // Workbook fixtures are built by the tests themselves (a small .xlsx
        // writer over ZIPFoundation), so no binary fixture needs a generator.
        .target(name: "TestSupport", dependencies: ["Evaluation", "ZIPFoundation", "Yams"], path: "Tests/TestSupport"),
        .testTarget(
            name: "ImportingTests",
            dependencies: ["Importing", "Evaluation", "InputReading", "TestSupport", "Support", "Yams", "ZIPFoundation"],
            // Read from disk by path; made by Scripts/fixtures/make_workbooks.py.
            exclude: ["Fixtures"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (Fuzz/), built only by Scripts/fuzz/run.sh, which sets
// FORMPRINT_FUZZ=1 and builds them with -sanitize=fuzzer,address in its own
// scratch folder; `swift build` and `swift test` never see them.
if ProcessInfo.processInfo.environment["FORMPRINT_FUZZ"] == "1" {
    package.targets += [
        .target(name: "CFuzzing", path: "Fuzz/CFuzzing"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzing"], path: "Fuzz/FuzzSupport"),
        .executableTarget(name: "fuzz-unit-file", dependencies: ["FuzzSupport", "Importing"], path: "Fuzz/UnitFile"),
        .executableTarget(name: "fuzz-pasted-text", dependencies: ["FuzzSupport", "Importing"], path: "Fuzz/PastedText"),
        // The shipped form layouts and the conservation check (issue 24).
        .target(name: "ShippedForms", dependencies: ["Evaluation", "Layout"], path: "Fuzz/ShippedForms"),
        .executableTarget(name: "fuzz-workbook", dependencies: ["FuzzSupport", "Importing", "ShippedForms", "TestSupport"], path: "Fuzz/Workbook"),
        .executableTarget(name: "fuzz-layout", dependencies: ["FuzzSupport", "Layout", "Importing", "Evaluation"], path: "Fuzz/Layout"),
        .executableTarget(name: "fuzz-render", dependencies: ["FuzzSupport", "Layout", "Importing", "Evaluation", "Review"],
                          path: "Fuzz/Render"),
        .executableTarget(name: "fuzz-form-body", dependencies: ["FuzzSupport", "Serving"], path: "Fuzz/FormBody"),
        .executableTarget(name: "fuzz-conservation", dependencies: ["FuzzSupport", "Importing", "ShippedForms", "Evaluation"], path: "Fuzz/Conservation"),
    ]
}

// FormPrint's own release builds (Scripts/setup.sh, .ci/run, the bench's
// instructions) set FORMPRINT_RELEASE_FLAGS=1, which compiles its targets
// with direct type-metadata accessors: by default the compiler fetches
// a generic type's metadata by its mangled name, and the runtime then
// scans all 6 700 protocol-conformance records for each generic
// requirement it has not met before (every new Dictionary or Set key type,
// 0.4 M instructions each). With the flag a fresh `render` of one form
// costs 9 M instructions fewer (docs/BENCHMARKS.md, issue 25). It is an
// unsafe flag, which SwiftPM refuses in a package used by version, so a
// package that depends on FormPrint builds without it.
if ProcessInfo.processInfo.environment["FORMPRINT_RELEASE_FLAGS"] == "1" {
    let directMetadata = SwiftSetting.unsafeFlags(["-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"],
                                                  .when(configuration: .release))
    for target in package.targets where target.type == .regular || target.type == .executable {
        target.swiftSettings = (target.swiftSettings ?? []) + [directMetadata]
    }
}
