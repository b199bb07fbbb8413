import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuStore
@testable import VanThuPipeline
#if canImport(Glibc)
import Glibc
#endif

/// Issue 14, the file-system half: links that leave the input roots, special files, hostile names,
/// .docx expansion bombs, accounting of every entry the walk meets, an output folder inside the input.
struct HostileInputTests {
    static let text = "Ủy ban nhân dân xã Hòa Bình báo cáo kết quả năm 2022.\n"

    func run(_ input: URL, output: URL, includeHidden: Bool = false) throws -> RunReport {
        var config = PipelineConfig(inputs: [PipelineConfig.InputSpec(path: input.path, includeHidden: includeHidden)])
        config.output.folder = output.path
        return try Pipeline(config: config, baseDirectory: output).run()
    }

    func archive(_ output: URL) throws -> [[String: Any]] {
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: output.appendingPathComponent("archive.json"))) as! [String: Any]
        return json["documents"] as! [[String: Any]]
    }

    func sourcePaths(_ output: URL) throws -> [String] {
        try archive(output).flatMap { document -> [String] in
            let source = document["source"] as! [String: Any]
            return [source["path"] as! String] + (source["alsoAt"] as? [String] ?? [])
        }.sorted()
    }

    /// Makes a file whose name is raw bytes (not necessarily UTF-8) in `folder`.
    func create(_ folder: URL, name: [UInt8], contents: String? = nil, directory: Bool = false) {
        let path = Array(folder.path.utf8) + [UInt8(ascii: "/")] + name
        var cPath = path.map { CChar(bitPattern: $0) }
        cPath.append(0)
        if directory {
            #expect(mkdir(cPath, 0o755) == 0)
        } else {
            let fd = open(cPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            #expect(fd >= 0)
            let bytes = Array((contents ?? Self.text).utf8)
            _ = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
    }

    @Test func linksLeavingTheInputRootsAreQuarantinedNotRead() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in"), outside = folder.appendingPathComponent("secret")
        TestSupport.write(Self.text, to: input.appendingPathComponent("a.txt"))
        TestSupport.write("Mật khẩu của ông Nguyễn Văn Bình năm 2020 là hoa sen.\n", to: outside.appendingPathComponent("s.txt"))
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("secret.txt").path, withDestinationPath: outside.appendingPathComponent("s.txt").path)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("null.txt").path, withDestinationPath: "/dev/null")
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("broken.txt").path, withDestinationPath: "nowhere.txt")
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("inside.txt").path, withDestinationPath: "a.txt")
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("up").path, withDestinationPath: outside.path)
        try fm.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: input.appendingPathComponent("here").path, withDestinationPath: "sub")
        let output = folder.appendingPathComponent("out")
        let report = try run(input, output: output)
        let reasons = Dictionary(uniqueKeysWithValues: report.quarantined.map { (URL(fileURLWithPath: $0.path).lastPathComponent, $0.reason) })
        #expect(reasons["secret.txt"]?.contains("outside the input roots") == true)
        #expect(reasons["null.txt"]?.contains("outside the input roots") == true)
        #expect(reasons["broken.txt"]?.contains("broken symbolic link") == true)
        #expect(reasons["inside.txt"] == nil)
        #expect(reasons["up"]?.contains("outside the input roots") == true)
        // The link to a folder outside is not followed: nothing of it is archived.
        #expect(try sourcePaths(output) == ["a.txt", "inside.txt"])
        let archive = try String(contentsOf: output.appendingPathComponent("archive.json"), encoding: .utf8)
        #expect(!archive.contains("hoa sen"))
        #expect(report.skippedByRule["linkToFolder"] == 1)
    }

    @Test func fifosSocketsAndDevicesAreNeverOpened() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        TestSupport.write(Self.text, to: input.appendingPathComponent("a.txt"))
        #expect(mkfifo(input.appendingPathComponent("pipe.txt").path, 0o644) == 0)
        let report = try run(input, output: folder.appendingPathComponent("out"))
        #expect(report.archived == 1)
        #expect(report.quarantined.count == 1)
        #expect(report.quarantined.first?.reason.contains("FIFO") == true)
        // A file swapped for a FIFO after the walk: ingest's own open refuses it without blocking.
        let stage = IngestStage(maxFileBytes: 1 << 20)
        let file = SourceFile(path: input.appendingPathComponent("pipe.txt").path, relativePath: "pipe.txt", size: 0)
        #expect(throws: StageFailure.self) { try stage.run(file) }
        do { _ = try stage.run(file) } catch { #expect(error.reason.contains("not a regular file")) }
        // A device named directly: refused too.
        let device = SourceFile(path: "/dev/zero", relativePath: "zero", size: 0)
        do { _ = try stage.run(device); Issue.record("/dev/zero read") } catch { #expect(error.reason.contains("character device")) }
        // A regular file replaced by a link since the walk is not followed.
        let swapped = input.appendingPathComponent("swapped.txt")
        try FileManager.default.createSymbolicLink(atPath: swapped.path, withDestinationPath: "/etc/hostname")
        let walked = SourceFile(path: swapped.path, relativePath: "swapped.txt", size: 0)
        do { _ = try stage.run(walked); Issue.record("a link swapped in was followed") } catch { #expect(error.reason.contains("symbolic link")) }
    }

    @Test func namesWithNewlinesAndBytesThatAreNotUTF8AreArchived() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        create(input, name: Array("new\nline.txt".utf8), contents: "Xã Hòa Bình có dân số đông năm 2021.\n")
        create(input, name: Array("bad".utf8) + [0xFF] + Array(".txt".utf8), contents: "Xã Tân Lập có dân số đông năm 2020.\n")
        create(input, name: Array("back\\slash.txt".utf8), contents: "Xã Tân Hòa có dân số đông năm 2018.\n")
        create(input, name: Array("th".utf8) + [0xE6, 0x6D], directory: true)
        let raw = Array(input.path.utf8) + Array("/th".utf8) + [0xE6, 0x6D]
        create(URL(fileURLWithPath: "/"), name: Array(raw.dropFirst()) + Array("/inner.txt".utf8), contents: "Xã Tân Phú năm 2019 có nhiều đổi mới.\n")
        let output = folder.appendingPathComponent("out")
        let report = try run(input, output: output)
        #expect(report.quarantined.filter { !$0.path.hasSuffix("\u{FFFD}") }.isEmpty, "\(report.quarantined)")
        let paths = try sourcePaths(output)
        #expect(paths.contains("new\nline.txt"))
        #expect(paths.contains("bad\\xFF.txt"))
        #expect(paths.contains("back\\\\slash.txt"))
        #expect(paths.contains("th\\xE6m/inner.txt"))
        // The escape is lossless.
        #expect(PathEscape.unescape("th\\xE6m/inner.txt") == Array("th".utf8) + [0xE6, 0x6D] + Array("/inner.txt".utf8))
        #expect(PathEscape.unescape(PathEscape.escape(Array("back\\slash".utf8))) == Array("back\\slash".utf8))
        // The export writes the newline escaped in JSON, on one line with the rest.
        let bytes = try Data(contentsOf: output.appendingPathComponent("archive.json"))
        #expect(String(decoding: bytes, as: UTF8.self).contains("\"new\\nline.txt\""))
        // A second run finds every file unchanged (the escaped paths are stable keys).
        let again = try run(input, output: output)
        #expect(again.processed == 0)
        #expect(again.skipped == report.inputsFound)
    }

    @Test func everyEntryIsAccountedFor() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        TestSupport.write(Self.text, to: input.appendingPathComponent("a.txt"))
        TestSupport.write(Self.text, to: input.appendingPathComponent(".hidden.txt"))
        TestSupport.write(Self.text, to: input.appendingPathComponent(".git/config.txt"))
        TestSupport.write("not a document", to: input.appendingPathComponent("b.pdf"))
        #expect(mkfifo(input.appendingPathComponent("p.txt").path, 0o644) == 0)
        let output = folder.appendingPathComponent("out")
        let report = try run(input, output: output)
        #expect(report.skippedByRule == ["hidden": 2])
        #expect(report.archived == 1)
        #expect(Set(report.quarantined.map { URL(fileURLWithPath: $0.path).lastPathComponent }) == ["b.pdf", "p.txt"])
        #expect(report.inputsFound == report.archived + report.quarantined.count)
        var w = JSONWriter()
        report.write(to: &w)
        #expect(String(decoding: w.bytes, as: UTF8.self).contains("\"skippedByRule\":{\"hidden\":2}"))
        let hidden = try run(input, output: folder.appendingPathComponent("out2"), includeHidden: true)
        #expect(hidden.skippedByRule.isEmpty)
        #expect(hidden.archived == 3)
    }

    @Test func anOutputFolderInsideTheInputIsNotReadByTheFirstRun() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        TestSupport.write(Self.text, to: folder.appendingPathComponent("a.txt"))
        // Relative output below the input, not made yet.
        var config = PipelineConfig(inputs: [PipelineConfig.InputSpec(path: ".")])
        config.output.folder = "archive"
        let first = try Pipeline(config: config, baseDirectory: folder).run()
        #expect(first.quarantined.isEmpty, "\(first.quarantined)")
        #expect(first.archived == 1)
        #expect(first.skippedByRule["outputFolder"] == 1)
        let second = try Pipeline(config: config, baseDirectory: folder).run()
        #expect(second.quarantined.isEmpty)
        #expect(second.processed == 0)
    }

    /// A .docx of a few hundred bytes whose document.xml references an entity thousands of times
    /// (deflate packs the repetition): each reference would expand the entity once more.
    static func entityBomb(references: Int, entityBytes: Int) -> [UInt8] {
        let entity = String(repeating: "ha ", count: entityBytes / 3)
        let body = String(repeating: "&e;", count: references)
        let xml = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY e "\(entity)">]>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>\(body)</w:t></w:r></w:p></w:body></w:document>
            """
        return FormatTests.zip([("word/document.xml", Array(xml.utf8))])
    }

    @Test func docxEntityExpansionIsRefusedCheaply() throws {
        let bomb = Self.entityBomb(references: 100_000, entityBytes: 3_000)
        #expect(bomb.count < 2_000)
        let started = Date()
        guard case .failure(let failure) = TestSupport.process(bomb, name: "bomb.docx") else {
            Issue.record("an entity bomb was archived"); return
        }
        #expect(failure.reason.contains("DTD"))
        #expect(Date().timeIntervalSince(started) < 5)
        // Text past the limit without any entity: refused by the cap on the expanded text.
        let paragraph = "<w:p><w:r><w:t>" + String(repeating: "Xã Hòa Bình ", count: 100) + "</w:t></w:r></w:p>"
        let xml = "<w:document xmlns:w=\"x\"><w:body>" + String(repeating: paragraph, count: 200) + "</w:body></w:document>"
        #expect(DocxReader.paragraphs(Array(xml.utf8), limit: 100_000) == .tooLarge)
        let large = FormatTests.zip([("word/document.xml", Array(xml.utf8))])
        do {
            _ = try DocxReader().text(from: large, limit: 100_000)
            Issue.record("a docx over the limit was read")
        } catch {
            #expect(error.reason.contains("100000 bytes"))
        }
        #expect(try DocxReader().text(from: large, limit: 1 << 20).count > 200_000)
    }
}
