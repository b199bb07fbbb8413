import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats
@testable import VanThuPipeline

/// Vietnamese text rendered into every legacy encoding decodes back to itself and names its
/// encoding; what cannot be identified with confidence is refused.
struct DecodeEncodingTests {
    /// Sentences written for these tests: official and news Vietnamese, with capitals, all-caps
    /// headings and the rarer letters.
    static let sentences = [
        "Hội nghị tổng kết công tác dân vận năm 2023 của Đảng ủy phường đã diễn ra sáng nay tại hội trường.",
        "Ủy ban nhân dân huyện đề nghị các cơ quan, đơn vị báo cáo kết quả thực hiện về Văn phòng trước ngày 15/10/2023.",
        "Người dân ở xã Long Đức tích cực tham gia xây dựng nông thôn mới, góp sức làm đường giao thông và kênh mương nội đồng.",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\nQUYẾT ĐỊNH\nVề việc khen thưởng các tập thể, cá nhân",
        "Khuya rồi mà ông Trương Quỳnh vẫn ngồi bên bếp lửa, kể chuyện thuở ấy ai cũng nghèo khó nhưng thương yêu nhau.",
        "Trường học, trạm y tế và nhà văn hóa khóm được sửa chữa khang trang; ngưỡng cửa mới của những gia đình khuyết tật.",
    ]

    static let legacy = ["tcvn3", "vni", "viscii", "windows-1258"]
    static let all = LegacyRenderer.names

    func decode(_ bytes: [UInt8]) throws -> (text: String, encoding: String) {
        let (text, encoding) = try DecodeStage().decode(bytes)
        return (text.precomposedStringWithCanonicalMapping, encoding)
    }

    func expectRoundTrip(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let rendering = LegacyRenderer.render(text, as: name)
        do {
            let decoded = try decode(rendering.bytes)
            #expect(decoded.encoding == name.replacingOccurrences(of: "-bom", with: ""), sourceLocation: sourceLocation)
            #expect(decoded.text == rendering.expected, sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(name) refused: \(error)", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: all)
    func ownSentencesRoundTrip(_ name: String) {
        expectRoundTrip(Self.sentences.joined(separator: "\n"), name)
    }

    @Test(arguments: all)
    func shortLinesRoundTrip(_ name: String) {
        for sentence in Self.sentences { expectRoundTrip(sentence, name) }
    }

    @Test(arguments: legacy)
    func everyLetterDecodes(_ name: String) throws {
        // Straight through the decoder: the alphabet alone does not look like Vietnamese text.
        // Each letter in a syllable (+ n), as TCVN3 reads some capitals only inside words.
        let letters = VietnameseAlphabet.vowelRows.map { row in
            row.map { String($0) + ($0.isUppercase ? "N" : "n") }.joined(separator: " ")
        }.joined(separator: " ") + " đa Đa"
        let rendering = LegacyRenderer.render(letters, as: name)
        let encoding: any CharacterEncoding = [TCVN3(), VNI(), VISCII(), Windows1258()].first { $0.name == name }!
        let decoded = try #require(encoding.decode(rendering.bytes))
        #expect(decoded.precomposedStringWithCanonicalMapping == letters)
    }

    static let fixtureInputs: [URL] = {
        let folders = (try? FileManager.default.contentsOfDirectory(at: TestSupport.fixtures, includingPropertiesForKeys: nil)) ?? []
        return folders.map { $0.appendingPathComponent("input.txt") }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
            .sorted { $0.path < $1.path }
    }()

    @Test(arguments: all)
    func fixturesRoundTrip(_ name: String) throws {
        #expect(!Self.fixtureInputs.isEmpty)
        for url in Self.fixtureInputs {
            expectRoundTrip(try String(contentsOf: url, encoding: .utf8), name)
        }
    }

    @Test(.enabled(if: TestSupport.shared != nil, "needs ../shared (the shared corpus beside the repository; not on every machine)"), arguments: all)
    func seedsRoundTrip(_ name: String) throws {
        let shared = try #require(TestSupport.shared)
        let folder = shared.appendingPathComponent("seeds")
        let seeds = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
        for url in seeds {
            let text = try String(contentsOf: url, encoding: .utf8)
            expectRoundTrip(text, name)
            if let folder = ProcessInfo.processInfo.environment["VANTHU_RENDER_DIR"] {
                // Keep the renderings (outside the repository), e.g. to score them with ../shared/tools/score.
                TestSupport.write(LegacyRenderer.render(text, as: name).bytes,
                                  to: URL(fileURLWithPath: folder).appendingPathComponent("seeds-\(name)/\(url.lastPathComponent)"))
            }
        }
    }

    @Test func renderingsWrittenToFilesGoThroughThePipeline() throws {
        let folder = TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = Self.sentences.joined(separator: "\n\n")
        for name in Self.all {
            TestSupport.write(LegacyRenderer.render(text, as: name).bytes, to: folder.appendingPathComponent("in/\(name).txt"))
        }
        var config = PipelineConfig(inputs: [.init(path: folder.appendingPathComponent("in").path)])
        config.output.folder = folder.appendingPathComponent("out").path
        let report = try Pipeline(config: config, baseDirectory: folder).run()
        #expect(report.quarantined.isEmpty, "\(report.quarantined)")
        #expect(report.archived == Self.all.count)
        let archive = try JSONDecoder().decode(ArchiveFile.self, from: Data(contentsOf: folder.appendingPathComponent("out/archive.json")))
        for record in archive.documents {
            let name = URL(fileURLWithPath: record.source.path).deletingPathExtension().lastPathComponent
            #expect(record.source.encoding == name.replacingOccurrences(of: "-bom", with: ""))
            #expect(record.text.hasPrefix("Hội nghị tổng kết công tác dân vận"), "\(name)")
        }
    }

    // MARK: what each encoding is known for

    @Test func tcvn3KnownBytes() throws {
        // "Việt Nam đồng Ủy" typed with the ABC keyboard: ệ = 0xD6, đ = 0xAE, ồ = 0xE5, Ủ = 0x9E.
        #expect(TCVN3().decode([0x56, 0x69, 0xD6, 0x74, 0x20, 0x4E, 0x61, 0x6D, 0x20, 0xAE, 0xE5, 0x6E, 0x67, 0x20, 0x9E, 0x79]) == "Việt Nam đồng Ủy")
    }

    @Test func tcvn3HeadingsTypedInLowerCaseDecodeInLowerCase() throws {
        let text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nỦy ban nhân dân tỉnh thông báo kết quả tuyển sinh năm học mới của các trường."
        let rendering = LegacyRenderer.render(text, as: "tcvn3", headingsInLowerCase: true)
        let decoded = try decode(rendering.bytes)
        #expect(decoded.encoding == "tcvn3")
        #expect(decoded.text == rendering.expected)
        #expect(decoded.text.hasPrefix("CộNG HòA Xã HộI CHủ NGHĩA VIệT NAM"))
    }

    @Test func tcvn3SavedFromWordHasWindowsQuotesBesideToneCapitals() throws {
        // 0x93/0x94 are Ỏ/Õ in TCVN 5712 but “/” in a .VnTime document saved by Word; 0x97 is Ộ or —.
        let text = """
            CỘNG HÒAXÃ HỘI CHỦ NGHĨA VIỆT NAM — ĐỘC LẬP, CÓ NGÕ RIÊNG
            Phong trào thi đua “Dân vận khéo” được các cấp ủy đảng quan tâm… Ông nói: ‘Tốt lắm’ — rồi đi.
            • Năm 2020–2025, các đơn vị đăng ký xây dựng “mô hình” mới; “ĐỘI” và “Ọc” ở đầu câu.
            """
        let rendering = LegacyRenderer.render(text, as: "tcvn3", windowsPunctuation: true)
        #expect(rendering.bytes.contains(0x93) && rendering.bytes.contains(0x97))
        let decoded = try decode(rendering.bytes)
        #expect(decoded.encoding == "tcvn3")
        #expect(decoded.text == rendering.expected)
    }

    @Test func seedsAndFixturesInTCVN3FromWordKeepTheirPunctuation() throws {
        var urls = Self.fixtureInputs
        if let shared = TestSupport.shared {
            urls += try FileManager.default.contentsOfDirectory(at: shared.appendingPathComponent("seeds"), includingPropertiesForKeys: nil)
                .filter { $0.pathExtension == "txt" }
        }
        for url in urls {
            let text = try String(contentsOf: url, encoding: .utf8)
            let rendering = LegacyRenderer.render(text, as: "tcvn3", windowsPunctuation: true)
            let decoded = try decode(rendering.bytes)
            #expect(decoded.encoding == "tcvn3")
            #expect(decoded.text == rendering.expected, "\(url.lastPathComponent)")
        }
    }

    @Test func vniKnownBytes() {
        // "Việt Nam hòa bình, được" in VNI: e + ä (ệ), o + ø (ò), ì alone, ñ (đ) ö (ư) ô (ơ) ï (dot).
        let bytes = Array("Vieät Nam hoøa bình, ñöôïc".unicodeScalars.map { UInt8($0.value) })
        #expect(VNI().decode(bytes) == "Việt Nam hòa bình, được")
        let caps = Array("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM".unicodeScalars.map { UInt8($0.value) })
        #expect(VNI().decode(caps) == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    }

    @Test func visciiLettersAtControlPositionsAreKept() throws {
        // Ẳ Ẵ Ẫ Ỷ Ỹ Ỵ live at 0x02 0x05 0x06 0x14 0x19 0x1E.
        #expect(VISCII().decode([0x02, 0x05, 0x06, 0x14, 0x19, 0x1E]) == "ẲẴẪỶỸỴ")
        let text = "Ỷ lại vào cấp trên là điều mà Ban Thường vụ đã nhắc nhở nhiều lần trong các cuộc họp."
        let rendering = LegacyRenderer.render(text, as: "viscii")
        #expect(rendering.bytes.first == 0x14)
        let decoded = try decode(rendering.bytes)
        #expect(decoded.encoding == "viscii")
        #expect(decoded.text == text)
    }

    @Test func windows1258CombiningTonesAreComposed() {
        // ệ is ê + 0xF2 (dot below); ố is ô + 0xEC (acute); ả is a + 0xD2 (hook).
        let decoded = Windows1258().decode([0x56, 0x69, 0xEA, 0xF2, 0x74, 0x20, 0x73, 0xF4, 0xEC, 0x20, 0x62, 0x61, 0xD2, 0x6E])
        #expect(decoded == "Việt số bản")
        #expect(decoded?.unicodeScalars.count == 11)
    }

    @Test func oldTonePlacementStaysAsWritten() throws {
        let text = "Hoà bình, thuỷ lợi và sức khoẻ: Uỷ ban nhân dân xã đã hoà giải xong, mọi người đều thoả thuận."
        for name in Self.all {
            let decoded = try decode(LegacyRenderer.render(text, as: name).bytes)
            #expect(decoded.text == text, "\(name)")
            #expect(UnicodeCleaner.clean(decoded.text).contains("Hoà bình, thuỷ lợi"), "\(name)")
        }
    }

    @Test func nfdInputIsUTF8AndTheCleanerComposesIt() throws {
        let text = Self.sentences[0]
        let nfd = text.decomposedStringWithCanonicalMapping
        let decoded = try DecodeStage().decode(Array(nfd.utf8))
        #expect(decoded.encoding == "utf-8")
        #expect(UnicodeCleaner.clean(decoded.text) == text)
        // UTF-16 of NFD text, without a byte order mark.
        let utf16 = try DecodeStage().decode(LegacyRenderer.render(nfd, as: "utf-16le").bytes)
        #expect(utf16.encoding == "utf-16le")
        #expect(UnicodeCleaner.clean(utf16.text) == text)
    }

    @Test func windows1258WithDecomposedLettersOnly() throws {
        // Some converters wrote every toned letter as base + tone byte.
        let text = Self.sentences[1]
        var bytes: [UInt8] = []
        for scalar in text.decomposedStringWithCanonicalMapping.precomposedStringWithCanonicalMapping.unicodeScalars {
            if let (base, tone) = LegacyRenderer.split(scalar), tone > 0 {
                bytes += LegacyRenderer.render(String(Character(base)), as: "windows-1258").bytes
                bytes.append([0xCC, 0xEC, 0xD2, 0xDE, 0xF2][tone - 1])
            } else {
                bytes += LegacyRenderer.render(String(Character(scalar)), as: "windows-1258").bytes
            }
        }
        let decoded = try decode(bytes)
        #expect(decoded.encoding == "windows-1258")
        #expect(decoded.text == text)
    }

    // MARK: refusals

    func expectRefused(_ bytes: [UInt8], _ comment: Comment, sourceLocation: SourceLocation = #_sourceLocation) {
        do {
            let decoded = try DecodeStage().decode(bytes)
            Issue.record("accepted as \(decoded.encoding): \(comment)", sourceLocation: sourceLocation)
        } catch {
            #expect(error.stage == .decode, sourceLocation: sourceLocation)
        }
    }

    @Test func randomBytesAreRefused() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            expectRefused((0..<4096).map { _ in UInt8.random(in: 0x80...0xFF, using: &generator) }, "random high bytes")
            expectRefused((0..<4096).map { _ in UInt8.random(in: 0...0xFF, using: &generator) }, "random bytes")
            expectRefused((0..<4096).map { _ in UInt8.random(in: 0x20...0xFF, using: &generator) }, "random printable and high bytes")
            // Random high bytes between words: no syllable structure.
            let words = (0..<600).map { _ in (0..<Int.random(in: 1...6, using: &generator)).map { _ in UInt8.random(in: 0xA0...0xFF, using: &generator) } }
            expectRefused(Array(words.joined(separator: [0x20])), "random words of high bytes")
        }
    }

    @Test func latin1AndWindows1252TextIsRefused() {
        let french = """
            Le café crème est servi à la terrasse. Après le déjeuner, nous irons à l'église où le prêtre \
            célèbre la fête. C'était déjà l'été; les élèves préféraient la forêt et le théâtre. \
            Où est la bibliothèque? Là-bas, près de l'hôpital, à côté du marché. Noël approche, \
            et les enfants sont très contents de recevoir des cadeaux. Ça coûte cher, mais c'est la vie.
            """
        let latin1 = Array(french.unicodeScalars.map { UInt8($0.value) })
        expectRefused(latin1, "French in Latin-1")
        expectRefused(Array("caf\u{E9} cr\u{E8}me".unicodeScalars.map { UInt8($0.value) }), "café crème")
        let english = "He said \u{93}hello\u{94} \u{96} and then left \u{85} The end.\nIt\u{92}s over."
        expectRefused(Array(english.unicodeScalars.map { UInt8($0.value) }), "English in Windows-1252")
        let german = "Über die Brücke gehen Müller und Schäfer; sie grüßen die Bäckerin mit großer Freude, während draußen Kinder spielen."
        expectRefused(Array(german.unicodeScalars.map { UInt8($0.value) }), "German in Latin-1")
    }

    @Test func shortAmbiguousInputsAreRefused() {
        // A word or two: too little to tell the encodings apart.
        for text in ["Việt", "Hà Nội", "Số 12"] {
            for name in Self.legacy {
                let bytes = LegacyRenderer.render(text, as: name).bytes
                guard DecodeStage.firstInvalidUTF8(bytes) != nil else { continue }
                expectRefused(bytes, "\(text) in \(name)")
            }
        }
    }

    @Test(arguments: legacy)
    func anEncodingNotAmongTheCandidatesIsRefusedNotMisread(_ name: String) throws {
        // Stands for the legacy encodings not supported (VPS, VIQR, BKHCM …): the others must not
        // pass their reading of it off as Vietnamese.
        let text = try Self.fixtureInputs.map { try String(contentsOf: $0, encoding: .utf8) }.joined(separator: "\n")
            + Self.sentences.joined(separator: "\n")
        let bytes = LegacyRenderer.render(text, as: name).bytes
        let others = EncodingDetector().candidates.filter { $0.name != name }
        if case .identified(let encoding, let readings) = EncodingDetector(candidates: others).detect(bytes) {
            Issue.record("\(name) text read as \(encoding.name): \(readings[0].score)")
        }
    }

    @Test func utf8CutMidCharacterIsRefusedAsTruncated() {
        let bytes = Array(Self.sentences[0].utf8) + [0xE1, 0xBB]  // the first two bytes of "ệ"
        do {
            _ = try DecodeStage().decode(bytes)
            Issue.record("a truncated UTF-8 file was accepted")
        } catch {
            #expect(error.reason.contains("truncated"))
        }
    }

    @Test func binaryWithNulBytesIsNotUTF16() {
        expectRefused([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0x00, 0xFF, 0x00, 0x10, 0x80], "binary")
        // UTF-16 with an odd byte count is cut: refused rather than guessed.
        expectRefused(LegacyRenderer.render(Self.sentences[0], as: "utf-16le").bytes.dropLast(), "UTF-16 cut mid-character")
    }
}
