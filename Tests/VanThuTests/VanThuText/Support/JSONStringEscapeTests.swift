import Testing
@testable import VanThuText

struct JSONStringEscapeTests {
    /// Decodes the one escape at the start of `escaped`; returns its bytes and where it ended.
    private func decode(_ escaped: String) throws(JSONStringEscape.Failure) -> (String, Int) {
        let bytes = Array(escaped.utf8)
        var out: [UInt8] = []
        var position = 0
        try bytes.withUnsafeBufferPointer { buffer throws(JSONStringEscape.Failure) in
            try JSONStringEscape.decode(buffer, at: &position, into: &out)
        }
        return (String(decoding: out, as: UTF8.self), position)
    }

    @Test func decodesEachEscapeAndStopsAfterIt() throws {
        #expect(try decode(#"\"rest"#) == ("\"", 2))
        #expect(try decode(#"\\"#) == ("\\", 2))
        #expect(try decode(#"\/"#) == ("/", 2))
        #expect(try decode(#"\n\t"#) == ("\n", 2))
        #expect(try decode(#"\u0111x"#) == ("đ", 6))
        #expect(try decode(#"\u1EA1"#) == ("ạ", 6))
        // A surrogate pair is one scalar; a lone surrogate stands for U+FFFD.
        #expect(try decode(#"\ud83d\ude00!"#) == ("😀", 12))
        #expect(try decode(#"\ud83d rest"#) == ("\u{FFFD}", 6))
        #expect(try decode(#"\ude00"#) == ("\u{FFFD}", 6))
    }

    @Test func rejectsWhatIsNotAnEscape() {
        for bad in [#"\x"#, #"\u12"#, #"\u12g4"#, #"\"#, #"\ud83d\u0041"#] {
            #expect(throws: JSONStringEscape.Failure.self, "\(bad)") { try decode(bad) }
        }
    }
}
