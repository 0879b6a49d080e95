// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Planbook",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "planbook", targets: ["PlanbookCLI"]),
        // Plan blocks link against PlanKit, so it is a dynamic library that imports no C module.
        .library(name: "PlanKit", type: .dynamic, targets: ["PlanKit"]),
        .library(name: "PlanbookCore", targets: ["PlanbookCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
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
        .target(name: "PlanKit"),
        .target(
            name: "PlanbookCore",
            dependencies: [
                "CCmark",
                "CGraphviz",
                "PlanKit",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
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
        .testTarget(name: "PlanbookCoreTests", dependencies: ["PlanbookCore"]),
        .testTarget(name: "PlanbookCLITests", dependencies: ["PlanbookCore", "PlanbookCLI"]),
    ],
    swiftLanguageModes: [.v6]
)
