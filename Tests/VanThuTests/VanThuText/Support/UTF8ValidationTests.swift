import Foundation
import Testing
@testable import VanThuText
@testable import VanThuFormats

/// The DFA validator accepts exactly what the standard library accepts, says ASCII exactly when
/// every byte is, and makes the strings `String(decoding:as:)` makes; `firstInvalidUTF8` finds
/// where the longest valid prefix ends. Inputs mix Vietnamese letters, 4-byte scalars and every
/// kind of fault, after runs of ASCII of every length up to sixteen.
struct UTF8ValidationTests {
    /// Valid sequences, and faults: overlong forms, surrogates, past U+10FFFF, stray continuation
    /// bytes, bytes that never occur, and sequences cut short.
    static let pieces: [[UInt8]] = [
        [0x61], [0x20], [0x3C, 0x70, 0x3E], [0xC3, 0xB4], [0xC4, 0x91], [0xC6, 0xB0], [0xCC, 0x81],
        [0xE1, 0xBB, 0x99], [0xE1, 0xBA, 0xA1], [0xE2, 0x80, 0x9C], [0xEF, 0xBB, 0xBF], [0xE0, 0xA0, 0x80],
        [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xF0, 0x90, 0x80, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0xF3, 0xBF, 0xBF, 0xBF],
        [0xF4, 0x8F, 0xBF, 0xBF], [0xDF, 0xBF], [0xC2, 0x80], [0x00], [0x7F],
        // Faults.
        [0xC0, 0x80], [0xC1, 0xBF], [0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xF0, 0x80, 0x80, 0x80], [0xF0, 0x8F, 0xBF, 0xBF],
        [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xF4, 0x90, 0x80, 0x80], [0xF5, 0x80, 0x80, 0x80], [0xFF], [0xFE], [0xF8, 0x88, 0x80, 0x80, 0x80],
        [0x80], [0xBF], [0xC3], [0xE1, 0xBB], [0xE1], [0xF0, 0x9F, 0x98], [0xF0, 0x9F], [0xC3, 0x41], [0xE1, 0x41, 0x80],
    ]

    static func validates(_ bytes: [UInt8]) -> Bool { String(validating: bytes, as: UTF8.self) != nil }

    /// Where the longest valid prefix ends (nil: all of it is valid), by the standard library.
    static func longestValidPrefix(_ bytes: [UInt8]) -> Int? {
        if validates(bytes) { return nil }
        return (0..<bytes.count).last { validates(Array(bytes[..<$0])) } ?? 0
    }

    func check(_ bytes: [UInt8]) {
        let scan = bytes.withUnsafeBufferPointer(UTF8Validation.scan)
        let valid = Self.validates(bytes)
        #expect(scan.isValid == valid, "\(bytes.map { String($0, radix: 16) })")
        #expect(scan.isASCII == (valid && bytes.allSatisfy { $0 < 0x80 }), "\(bytes.map { String($0, radix: 16) })")
        let string = bytes.withUnsafeBufferPointer { UTF8Validation.string($0) }
        #expect(string == String(validating: bytes, as: UTF8.self))
        if let string { #expect(Array(string.utf8) == bytes && string.count == String(decoding: bytes, as: UTF8.self).count) }
        #expect(bytes.withUnsafeBufferPointer(UTF8Validation.repairingString) == String(decoding: bytes, as: UTF8.self))
        if valid {
            let known = bytes.withUnsafeBufferPointer { UTF8Validation.knownValidString($0) }
            #expect(known == String(decoding: bytes, as: UTF8.self) && Array(known.utf8) == bytes)
            // The string's ASCII flag shows in its UTF-16 view's fast paths only; its contents must agree.
            #expect(known.utf16.count == String(decoding: bytes, as: UTF8.self).utf16.count)
        }
    }

    @Test func randomMixturesAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...14, using: &generator) {
                bytes += Self.pieces.randomElement(using: &generator)!
            }
            check(bytes)
        }
    }

    @Test func randomBytesAgreeWithTheStandardLibrary() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<40 {
            for _ in 0..<300 {
                // High bytes often enough that some of these are valid.
                check((0..<length).map { _ in
                    Bool.random(using: &generator) ? UInt8.random(in: 0x20...0x7E, using: &generator) : UInt8.random(in: 0x80...0xFF, using: &generator)
                })
            }
        }
    }

    /// Each piece after every length of ASCII up to sixteen, followed by ASCII, by Vietnamese text
    /// or by nothing: the scan carries its state from byte to byte, and ASCII after a sequence
    /// left open must not close it.
    @Test func everyPieceAtEveryOffset() {
        let tails: [[UInt8]] = [[], Array("abcdefghijklmnop".utf8), Array("ộc đường ".utf8), [0x80, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41, 0x41]]
        for piece in Self.pieces {
            for offset in 0..<17 {
                for tail in tails {
                    check(Array(repeating: UInt8(ascii: "x"), count: offset) + piece + tail)
                }
            }
        }
    }

    @Test func firstInvalidUTF8IsWhereTheLongestValidPrefixEnds() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...10, using: &generator) {
                bytes += Self.pieces.randomElement(using: &generator)!
            }
            #expect(DecodeStage.firstInvalidUTF8(bytes) == Self.longestValidPrefix(bytes), "\(bytes.map { String($0, radix: 16) })")
        }
    }

    /// Long text: Vietnamese letters among markup, valid, then broken far from the start.
    @Test func longTextIsValidUntilBroken() {
        let page = Array(String(repeating: "<p class=\"noi-dung\">Thực hiện Kế hoạch số 06-KH/BCĐ của Ban Dân vận 😀</p>\n", count: 500).utf8)
        check(page)
        #expect(DecodeStage.firstInvalidUTF8(page) == nil)
        var broken = page
        broken[30_001] = 0xFF
        check(broken)
        #expect(DecodeStage.firstInvalidUTF8(broken) == Self.longestValidPrefix(Array(broken[..<30_100])))
        check(Array(page.dropLast(3)) + [0xF0, 0x9F, 0x98])
    }
}
