import Foundation
import Testing
@testable import VanThuText
@testable import VanThuExtract

struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func knownVectors(_ input: String, _ digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func incrementalUpdatesEqualOneShot() {
        let data = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hasher = SHA256()
        hasher.update(data[0..<13]); hasher.update(data[13..<200]); hasher.update(data[200...])
        #expect(hasher.finalizeHex() == SHA256.hex(data))
        #expect(SHA256.hex(Array(repeating: UInt8(ascii: "a"), count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}

struct JSONWriterTests {
    @Test func escapesWhatJSONRequiresAndNothingElse() {
        var w = JSONWriter()
        w.beginObject()
        w.field("a", "quote \" backslash \\ newline \n tab \t bell \u{7} slash / Đà Nẵng")
        w.field("n", Optional<Int>.none)
        w.field("list", [1, 2])
        w.endObject()
        #expect(w.string == #"{"a":"quote \" backslash \\ newline \n tab \t bell \u0007 slash / Đà Nẵng","n":null,"list":[1,2]}"#)
        let parsed = try? JSONSerialization.jsonObject(with: Data(w.bytes)) as? [String: Any]
        #expect(parsed?["a"] as? String == "quote \" backslash \\ newline \n tab \t bell \u{7} slash / Đà Nẵng")
    }

    /// Every escaped byte at every position around the eight-byte fast path, among ASCII and
    /// multi-byte letters whose bytes must never be taken for control bytes.
    @Test func escapesAtEveryOffset() throws {
        for special in ["\"", "\\", "\n", "\r", "\t", "\u{0}", "\u{1F}"] {
            for offset in 0..<20 {
                let value = String(repeating: "a", count: offset) + special + String(repeating: "ệ", count: offset % 7) + "end"
                var w = JSONWriter()
                w.string(value)
                #expect(try JSONDecoder().decode(String.self, from: Data(w.bytes)) == value)
                #expect(try JSONValue.parse(w.bytes) == .string(value))
            }
        }
        var w = JSONWriter()
        w.string("Đà Nẵng ơi, ỷ ỹ ~ \u{7F} ÿ")
        #expect(w.string == "\"Đà Nẵng ơi, ỷ ỹ ~ \u{7F} ÿ\"")
    }

    @Test func recordsRoundTripThroughTheDecoder() throws {
        var record = Record(id: "0123456789abcdef", source: SourceInfo(path: "a/b.txt", sha256: "00", bytes: 3, format: "text", encoding: "utf-8"))
        record.kind = .dispatch
        record.title = "V/v thử"
        record.header = DispatchHeader(number: "1-CV/HU", recipients: ["UBND huyện"], signer: Signer(name: "A", position: nil, authority: "T/M"))
        record.dates = [DateFact(text: "ngày 1/2/2020", value: "2020-02-01", precision: .day, start: 0, end: 13, rule: "r")]
        record.deadlines = [DeadlineFact(text: "trước ngày 20/3 hằng năm", due: "--03-20", recurrence: .yearly, start: 1, end: 2, rule: "d")]
        record.modelCounts = [ModelCountFact(text: "5 mô hình", count: 5, start: 0, end: 9, rule: "m")]
        record.units = [UnitFact(name: "UBND huyện", key: "uy ban nhan dan huyen", mentions: [[0, 10]])]
        var w = JSONWriter()
        record.write(to: &w)
        let decoded = try JSONDecoder().decode(Record.self, from: Data(w.bytes))
        #expect(decoded == record)
    }
}

struct GzipTests {
    @Test func roundTripsAndReadsConcatenatedMembers() throws {
        let a = Array("Công văn số 1\n".utf8), b = Array("Kế hoạch số 2\n".utf8)
        let packed = try Gzip.compress(a) + Gzip.compress(b)
        #expect(try Gzip.decompress(packed, limit: 1000) == a + b)
    }

    @Test func streamingCompressionRoundTrips() throws {
        // Incompressible-ish bytes in uneven chunks, so deflate fills its output chunk more than once.
        var generator = SystemRandomNumberGenerator()
        let input = (0..<700_000).map { _ in UInt8.random(in: 0...255, using: &generator) } + Array(repeating: 0x20, count: 300_000)
        let deflater = try Gzip.Deflater()
        var packed: [UInt8] = []
        var offset = 0
        for size in [1, 65_535, 400_000, 1 << 20] where offset < input.count {
            let end = min(input.count, offset + size)
            try input[offset..<end].withUnsafeBytes { try deflater.compress($0) { packed += $0 } }
            offset = end
        }
        try deflater.finish { packed += $0 }
        #expect(offset == input.count)
        #expect(try Gzip.decompress(packed, limit: 2 << 20) == input)
    }

    @Test func truncatedStreamsAndBombsFail() throws {
        let big = [UInt8](repeating: 0x41, count: 200_000)
        let packed = try Gzip.compress(big)
        #expect(throws: Gzip.Failure.truncated) { try Gzip.decompress(Array(packed.prefix(packed.count / 2)), limit: 1 << 30) }
        #expect(throws: Gzip.Failure.tooLarge(limit: 10_000)) { try Gzip.decompress(packed, limit: 10_000) }
    }
}

struct GlobTests {
    @Test func matchesSegmentsAndDoubleStar() {
        #expect(Glob("**").matches("a/b/c.txt"))
        #expect(Glob("**/input.*").matches("case/input.txt"))
        #expect(Glob("**/input.*").matches("input.html"))
        #expect(!Glob("**/input.*").matches("case/expected.json"))
        #expect(Glob("news/*.txt").matches("news/a.txt"))
        #expect(!Glob("news/*.txt").matches("news/x/a.txt"))
        #expect(Glob("**/*.[th]*").matches("x/y/a.html"))
    }

    /// Patterns with and without `**`, where the number of segments decides or does not.
    @Test func segmentCountsAndStarsInTheMiddle() {
        #expect(Glob("a/**/b").matches("a/b"))
        #expect(Glob("a/**/b").matches("a/x/y/b"))
        #expect(!Glob("a/**/b").matches("a/x/y/c"))
        #expect(Glob("**/x/*.txt").matches("q/x/r.txt"))
        #expect(!Glob("**/x/*.txt").matches("q/x/r/s.txt"))
        #expect(!Glob("*/*").matches("a"))
        #expect(!Glob("*/*").matches("a/b/c"))
        #expect(Glob("*/*").matches("a/b"))
        #expect(Glob("**/**/c").matches("c"))
        #expect(Glob("a/**").matches("a"))
        #expect(!Glob("a/**").matches("b"))
        #expect(!Glob("**/[Rr][Ee][Aa][Dd][Mm][Ee]").matches("readme/notes.txt"))
        #expect(Glob("**/[Rr][Ee][Aa][Dd][Mm][Ee]").matches("docs/ReadMe"))
        let parts = Glob.segments(of: "kho/2024/README.md")
        #expect(Glob("**/[Rr][Ee][Aa][Dd][Mm][Ee][._-]*").matches(segments: parts))
        #expect(!Glob("**/*.json").matches(segments: parts))
    }
}

struct FoldingBasicsTests {
    @Test func searchFoldRemovesDiacriticsAndFoldsDD() {
        #expect(VietnameseFolding.searchFold("Dân vận khéo") == "dan van kheo")
        #expect(VietnameseFolding.searchFold("ĐẢNG ỦY KHỐI") == "dang uy khoi")
        #expect(VietnameseFolding.searchFold("Ð") == "d")
    }

    @Test func tonePlacementIsUnifiedAtSyllableEnds() {
        #expect(VietnameseFolding.unifyTones("hoà bình") == "hòa bình")
        #expect(VietnameseFolding.unifyTones("uỷ ban") == "ủy ban")
        #expect(VietnameseFolding.unifyTones("hoàn thành") == "hoàn thành")
        #expect(VietnameseFolding.unifyTones("quý") == "quý")
    }

    @Test func keysJoinAbbreviationsAndLongForms() {
        #expect(VietnameseFolding.canonicalKey("UBND huyện") == VietnameseFolding.canonicalKey("Ủy ban nhân dân huyện"))
        #expect(VietnameseFolding.canonicalKey("Uỷ ban MTTQ") == VietnameseFolding.canonicalKey("Ủy ban Mặt trận Tổ quốc"))
        #expect(VietnameseFolding.canonicalKey("Ban Dân vận Tỉnh ủy") != VietnameseFolding.canonicalKey("Ban Dân vận Thành ủy"))
    }
}
