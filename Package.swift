// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Planbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planbook", targets: ["PlanbookCLI"]),
        // Plan programs link this one dynamic library: PlanKit (the model, pure Swift, no C module), PlanCharts (its
        // SVG charts), PlanRuntime (show, param, expect, claim) and PlanRecord (what the program tells Planbook). One
        // library, so that each type exists once and `show` recognises PlanKit's figures and PlanCharts' charts.
        .library(name: "PlanKit", type: .dynamic, targets: ["PlanKit", "PlanCharts", "PlanRecord", "PlanRuntime"]),
        .library(name: "PlanbookCore", targets: ["PlanbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // A real Swift parser for plan code: statement locations and names used before they are declared.
        .package(url: "https://github.com/swiftlang/swift-syntax", exact: "603.0.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        .systemLibrary(
            name: "CGraphviz",
            pkgConfig: "libgvc",
            providers: [.apt(["libgraphviz-dev"])]
        ),
        // libxml2's HTML and XML parsers, for the sanitizer of raw HTML and SVG.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // The C library's GNU calls that Swift's Glibc module leaves out (renameat2, pipe2, close_range, prlimit).
        .systemLibrary(name: "CLinux"),
        // Graphviz's text layout finds fonts through fontconfig; Planbook restricts it to the pinned font.
        .systemLibrary(
            name: "CFontconfig",
            pkgConfig: "fontconfig",
            providers: [.apt(["libfontconfig-dev"])]
        ),
        // PlanKit uses rounding from libm (without importing a C module), so its library names libm itself.
        .target(name: "PlanKit", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        .target(name: "PlanCharts", dependencies: ["PlanKit"]),
        // The records a plan program writes and Planbook reads: Foundation-free, so plan programs compile fast.
        .target(name: "PlanRecord"),
        .target(name: "PlanRuntime", dependencies: ["PlanKit", "PlanCharts", "PlanRecord"]),
        .target(
            name: "PlanbookCore",
            dependencies: [
                "CCmark",
                "CGraphviz",
                "CLibXML2",
                "CLinux",
                "CFontconfig",
                "PlanKit",
                // The scenario matrix draws its charts as plan blocks draw theirs.
                "PlanCharts",
                "PlanRecord",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "FlyingFox", package: "FlyingFox"),
                .product(name: "FlyingSocks", package: "FlyingFox"),
                .product(name: "SwiftSyntax", package: "swift-syntax"),
                .product(name: "SwiftParser", package: "swift-syntax"),
                .product(name: "SwiftLexicalLookup", package: "swift-syntax"),
            ],
            // The built-in look, compiled into the code (no file to find beside an installed planbook).
            resources: [.embedInCode("Templates")]
        ),
        .executableTarget(
            name: "PlanbookCLI",
            dependencies: [
                "PlanbookCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "PlanbookBench",
            dependencies: ["PlanbookCore", "PlanKit"]
        ),
        .testTarget(name: "PlanKitTests", dependencies: ["PlanKit"]),
        .testTarget(name: "PlanChartsTests", dependencies: ["PlanCharts", "PlanKit"]),
        .testTarget(name: "PlanRecordTests", dependencies: ["PlanRecord"]),
        .testTarget(name: "PlanRuntimeTests", dependencies: ["PlanRuntime", "PlanKit", "PlanRecord"]),
        .testTarget(name: "PlanbookCoreTests", dependencies: ["PlanbookCore", "PlanKit", "PlanRecord"]),
        .testTarget(name: "PlanbookCLITests", dependencies: ["PlanbookCore", "PlanbookCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
