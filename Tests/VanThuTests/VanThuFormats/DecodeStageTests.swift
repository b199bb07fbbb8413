import Foundation
import Testing
@testable import VanThuFormats

struct DecodeStageTests {
    func raw(_ bytes: [UInt8]) -> RawDocument {
        RawDocument(file: SourceFile(url: URL(fileURLWithPath: "/x.txt"), relativePath: "x.txt", size: bytes.count),
                    bytes: bytes, sha256: "", format: .text)
    }

    @Test func utf8WithAndWithoutBOM() throws {
        let text = "Ủy ban nhân dân"
        #expect(try DecodeStage().run(raw(Array(text.utf8))).text == text)
        #expect(try DecodeStage().run(raw([0xEF, 0xBB, 0xBF] + Array(text.utf8))).text == text)
    }

    @Test func utf16WithByteOrderMark() throws {
        let text = "Đảng ủy"
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let decoded = try DecodeStage().run(raw(le))
        #expect(decoded.text == text)
        #expect(decoded.encoding == "utf-16le")
    }

    @Test func binaryAndUnknownEncodingsAreRefusedWithAReason() {
        #expect(throws: StageFailure.self) { try DecodeStage().run(raw([0x25, 0x50, 0x00, 0x01])) }
        do {
            _ = try DecodeStage().run(raw(Array("Vi\u{EA}t".unicodeScalars.map { UInt8($0.value) })))
            Issue.record("Latin-1 bytes were accepted")
        } catch {
            #expect(error.stage == .decode)
            #expect(error.reason.contains("not valid UTF-8"))
        }
    }

    @Test func invalidUTF8IsLocated() {
        #expect(DecodeStage.firstInvalidUTF8(Array("abc".utf8)) == nil)
        #expect(DecodeStage.firstInvalidUTF8([0x61, 0xC3]) == 1)
        #expect(DecodeStage.firstInvalidUTF8([0x61, 0xE0, 0x80, 0x80]) == 1)  // overlong
        #expect(DecodeStage.firstInvalidUTF8([0xED, 0xA0, 0x80]) == 0)  // surrogate
        // After a run of ASCII read eight bytes at a time, and at the bounds of each sequence length.
        let ascii = Array("<p class=\"noi-dung\">".utf8)
        #expect(DecodeStage.firstInvalidUTF8(ascii + [0xC3, 0xA0] + ascii + [0xC1, 0xBF]) == 2 * ascii.count + 2)
        #expect(DecodeStage.firstInvalidUTF8(ascii[3...] + [0xE0, 0x9F, 0xBF]) == ascii.count - 3)
        #expect(DecodeStage.firstInvalidUTF8([0xE0, 0xA0, 0x80, 0xED, 0x9F, 0xBF, 0xF0, 0x90, 0x80, 0x80, 0xF4, 0x8F, 0xBF, 0xBF]) == nil)
        #expect(DecodeStage.firstInvalidUTF8([0x61, 0xF4, 0x90, 0x80, 0x80]) == 1)  // past U+10FFFF
        #expect(DecodeStage.firstInvalidUTF8(ascii + [0xE1, 0xBB]) == ascii.count)  // cut short
    }

    /// The one-pass census counts what `controlRatio` and a NUL search find, at every alignment
    /// of the eight-byte words it reads (controls, NULs and whitespace among text and high bytes).
    @Test func controlCensusAgreesWithTheBytewiseCounts() {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0C, 0x0D, 0x1B, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0xC3, 0xE1, 0xFF]
        for length in 0..<80 {
            for _ in 0..<20 {
                let bytes = (0..<length + 3).map { _ in alphabet.randomElement(using: &generator)! }
                let body = bytes.dropFirst(3)
                let census = DecodeStage.ControlCensus(body)
                #expect(census.ratio == DecodeStage.controlRatio(body))
                #expect(census.firstNUL == body.firstIndex(of: 0).map { $0 - 3 })
                #expect(census.nuls == body.filter { $0 == 0 }.count)
            }
        }
    }
}

/// Issue 14 (item 15): UTF-32 was read as UTF-16LE (its mark starts with UTF-16LE's).
struct UTF32DecodeTests {
    func raw(_ bytes: [UInt8]) -> RawDocument {
        RawDocument(file: SourceFile(url: URL(fileURLWithPath: "/x.txt"), relativePath: "x.txt", size: bytes.count),
                    bytes: bytes, sha256: "", format: .text)
    }

    func utf32(_ text: String, littleEndian: Bool) -> [UInt8] {
        text.unicodeScalars.flatMap { scalar -> [UInt8] in
            let v = scalar.value
            let le = [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v >> 16 & 0xFF), UInt8(v >> 24)]
            return littleEndian ? le : le.reversed()
        }
    }

    @Test func utf32IsDecodedAndNamed() throws {
        let text = "Ủy ban nhân dân xã Phước Hòa báo cáo tình hình năm 2023.\n"
        for littleEndian in [true, false] {
            let mark: [UInt8] = littleEndian ? [0xFF, 0xFE, 0, 0] : [0, 0, 0xFE, 0xFF]
            let withMark = try DecodeStage().run(raw(mark + utf32(text, littleEndian: littleEndian)))
            #expect(withMark.text == text)
            #expect(withMark.encoding == (littleEndian ? "utf-32le" : "utf-32be"))
            let without = try DecodeStage().run(raw(utf32(text, littleEndian: littleEndian)))
            #expect(without.text == text)
            #expect(without.encoding == (littleEndian ? "utf-32le" : "utf-32be"))
        }
        // UTF-16LE text is still UTF-16LE.
        let le: [UInt8] = [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try DecodeStage().run(raw(le)).encoding == "utf-16le")
        // A UTF-32 mark over bytes that are not UTF-32: refused with that reason, not read as UTF-16.
        do {
            _ = try DecodeStage().run(raw([0xFF, 0xFE, 0, 0, 0x41, 0, 0, 0x7F]))
            Issue.record("bad UTF-32 accepted")
        } catch {
            #expect(error.reason.contains("UTF-32"))
        }
    }
}
