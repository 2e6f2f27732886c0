// swift-tools-version:6.1
import PackageDescription

// Module layout and dependency rules: see Sources/CallsCore/CallsCore.docc/Architecture.md.
// CallsCore imports Foundation only; backends depend on CallsCore, not on each other;
// TerminalKit knows nothing about calls; only TerminalKit's backend touches CNCursesW.
let swiftSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
]

let package = Package(
    name: "hubcalls",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "hubcalls", targets: ["hubcalls"]),
        .executable(name: "hubcalls-bench", targets: ["hubcalls-bench"]),
        .executable(name: "hubcalls-https", targets: ["hubcalls-https"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Links ncursesw directly (module.modulemap): pkg-config's cflags carry
        // -D_XOPEN_SOURCE=600, which SwiftPM refuses with a warning; shim.h sets what we need.
        .systemLibrary(name: "CNCursesW"),
        // glibc's <malloc.h> (mallopt), for the hubcalls executable's malloc settings.
        .systemLibrary(name: "CMalloc"),
        .target(name: "CallsCore", swiftSettings: swiftSettings),
        .target(
            name: "LocalStore",
            dependencies: ["CallsCore", .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .target(name: "HubSpotAPI", dependencies: ["CallsCore"], swiftSettings: swiftSettings),
        .target(
            name: "HubSpotServer",
            dependencies: ["CallsCore", "LocalStore", "HubSpotAPI", .product(name: "Hummingbird", package: "hummingbird")],
            swiftSettings: swiftSettings
        ),
        .target(name: "TerminalKit", dependencies: ["CNCursesW"], swiftSettings: swiftSettings),
        .target(
            name: "CallBrowser",
            dependencies: ["CallsCore", "TerminalKit"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "hubcalls",
            dependencies: [
                "CallsCore", "LocalStore", "HubSpotAPI", "HubSpotServer", "TerminalKit", "CallBrowser", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // Built alongside, not linked: `--backend hubspot` sends its requests through it,
                // so hubcalls itself does not link FoundationNetworking (libcurl).
                "hubcalls-https",
            ],
            swiftSettings: swiftSettings,
            // The static runtime's link arguments export every symbol of the executable; the
            // dynamic linker and the runtime's start-up then read the 2 MB symbol table
            // (about 2.5 MB resident). Nothing looks our symbols up by name.
            linkerSettings: [.unsafeFlags(["-Xlinker", "--no-export-dynamic"], .when(platforms: [.linux]))]
        ),
        // URLSessionTransport and the helper that serves it to hubcalls over a pipe. Only
        // executable targets (and tests) may depend on it: a library target that imports
        // FoundationNetworking would be linked into hubcalls.
        .executableTarget(name: "hubcalls-https", dependencies: ["HubSpotAPI"], swiftSettings: swiftSettings),
        .executableTarget(
            name: "hubcalls-bench",
            dependencies: ["CallsCore", "LocalStore", "HubSpotAPI", "TerminalKit", "CallBrowser", "hubcalls-https"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "CallsCoreTests", dependencies: ["CallsCore"], swiftSettings: swiftSettings),
        .testTarget(name: "LocalStoreTests", dependencies: ["LocalStore"], swiftSettings: swiftSettings),
        .testTarget(name: "HubSpotAPITests", dependencies: ["HubSpotAPI"], swiftSettings: swiftSettings),
        .testTarget(
            name: "HubSpotServerTests",
            dependencies: ["HubSpotServer", "LocalStore", "HubSpotAPI", .product(name: "HummingbirdTesting", package: "hummingbird")],
            // The contract script is run by ContractTests, not compiled.
            exclude: ["Contract"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TerminalKitTests", dependencies: ["TerminalKit"], exclude: ["__Snapshots__"], swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CallBrowserTests",
            dependencies: ["CallBrowser", "TerminalKit", "CallsCore"],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        // One scenario suite run against LocalStore and against the HTTP client talking to
        // `hubcalls serve` on loopback: both backends must agree.
        .testTarget(
            name: "ConformanceTests",
            dependencies: ["CallsCore", "LocalStore", "HubSpotAPI", "HubSpotServer", "CallBrowser", "hubcalls-https"],
            swiftSettings: swiftSettings
        ),
        // Drives the built `hubcalls` binary (tmux end-to-end, HTTP contract tests).
        .testTarget(
            name: "EndToEndTests",
            dependencies: ["hubcalls", "CallsCore"],
            swiftSettings: swiftSettings
        ),
    ]
)
