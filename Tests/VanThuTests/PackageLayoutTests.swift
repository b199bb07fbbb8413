import Foundation
import Testing

/// The module split (issue 15): every folder of Sources/ is a target of Package.swift. A file left
/// in a folder that is no target (Sources/VanThu/…, brought back by a merge from before the split)
/// would not be compiled, and nothing else would say so.
struct PackageLayoutTests {
    /// The names of the targets Package.swift declares (`.target(name: "…"`, `.testTarget(` …).
    static func targetNames(_ manifest: String) -> Set<String> {
        let pattern = try! NSRegularExpression(
            pattern: #"\.(?:target|executableTarget|systemLibrary|testTarget)\(\s*name:\s*"([^"]+)""#)
        let range = NSRange(manifest.startIndex..., in: manifest)
        return Set(pattern.matches(in: manifest, range: range).compactMap { Range($0.range(at: 1), in: manifest).map { String(manifest[$0]) } })
    }

    @Test func targetNamesAreReadFromTheManifest() {
        let names = Self.targetNames("""
            .target(name: "A", dependencies: []),
            .executableTarget(
                name: "b-tool",
            .library(name: "Product", targets: ["A"]),
            """)
        #expect(names == ["A", "b-tool"])
    }

    @Test func everySourceFolderIsATarget() throws {
        let root = TestSupport.repositoryRoot
        let targets = Self.targetNames(try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8))
        #expect(targets.isSuperset(of: ["VanThuText", "VanThuFormats", "VanThuExtract", "VanThuStore", "VanThuPipeline", "vanthu"]))
        let folders = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Sources").path)
            .filter { !$0.hasPrefix(".") }
        for folder in folders {
            #expect(targets.contains(folder), "Sources/\(folder) is no target of Package.swift: its files are not compiled")
        }
    }
}
