// swift-tools-version:6.0
import PackageDescription

/// PigmentMatch: scalp-micropigmentation pigment matching. Module layout per `../shared/DESIGN.md`.
let package = Package(
  name: "PigmentMatch",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Colorimetry", targets: ["Colorimetry"]),
    .library(name: "PhotoIO", targets: ["PhotoIO"]),
    .library(name: "PigmentMatch", targets: ["PigmentMatch"]),
    .executable(name: "pigmatch", targets: ["pigmatch"]),
    .executable(name: "pigmatch-bench", targets: ["pigmatch-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
  ],
  targets: [
    // System libraries: module maps and pkg-config only.
    .systemLibrary(
      name: "CLibPNG", pkgConfig: "libpng",
      providers: [.apt(["libpng-dev"]), .brew(["libpng"])]),
    .systemLibrary(
      name: "CLibJPEG", pkgConfig: "libjpeg",
      providers: [.apt(["libjpeg-dev"]), .brew(["jpeg-turbo"])]),
    .systemLibrary(
      name: "CLittleCMS", pkgConfig: "lcms2",
      providers: [.apt(["liblcms2-dev"]), .brew(["little-cms2"])]),
    .systemLibrary(
      name: "CLibHeif", pkgConfig: "libheif",
      providers: [.apt(["libheif-dev"]), .brew(["libheif"])]),
    // The one C target that calls libpng, libjpeg-turbo, libheif and lcms2 and owns every setjmp.
    .target(
      name: "CPhotoCodecs",
      dependencies: ["CLibPNG", "CLibJPEG", "CLittleCMS", "CLibHeif"]),
    .target(name: "Colorimetry"),
    .target(name: "PhotoIO", dependencies: ["CPhotoCodecs"]),
    .target(name: "PigmentMatch", dependencies: ["Colorimetry", "PhotoIO"]),
    .executableTarget(
      name: "pigmatch",
      dependencies: [
        "PigmentMatch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(
      name: "pigmatch-bench",
      dependencies: [
        "PigmentMatch",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .executableTarget(name: "pigmatch-samples", dependencies: ["PigmentMatch"]),
    .executableTarget(name: "pigmatch-example", dependencies: ["PigmentMatch"]),
    // Fuzz targets (scripts/fuzz.sh builds them with -sanitize=fuzzer); a replay runner otherwise.
    .executableTarget(name: "pigmatch-fuzz", dependencies: ["PigmentMatch", "TestSupport"]),
    // Shared test helpers (paths to the package and ../shared/testdata).
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "ColorimetryTests", dependencies: ["Colorimetry", "TestSupport"]),
    .testTarget(name: "PhotoIOTests", dependencies: ["PhotoIO", "CPhotoCodecs", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "PigmentMatchTests", dependencies: ["PigmentMatch", "TestSupport"], exclude: ["Fixtures"]),
    .testTarget(name: "pigmatchTests", dependencies: ["pigmatch", "TestSupport"]),
    .testTarget(name: "FuzzRegressionTests", dependencies: ["pigmatch-fuzz"], exclude: ["Inputs"]),
  ],
  swiftLanguageModes: [.v6]
)
