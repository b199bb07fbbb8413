import Foundation
import Testing
@testable import VanThuText

struct JSONReaderTests {
    @Test func readsBackWhatTheWriterWrote() throws {
        let awkward = "Quyết định \"số 5\"\n\tback\\slash \u{1} \u{1F}é 😀 /"
        var w = JSONWriter()
        w.beginObject()
        w.field("text", awkward)
        w.field("none", Optional<String>.none)
        w.field("n", -42)
        w.field("yes", true)
        w.key("list")
        w.beginArray()
        w.int(1); w.string(""); w.beginObject(); w.endObject(); w.beginArray(); w.endArray()
        w.endArray()
        w.endObject()
        let value = try JSONValue.parse(w.bytes)
        #expect(value == .object([
            ("text", .string(awkward)), ("none", .null), ("n", .int(-42)), ("yes", .bool(true)),
            ("list", .array([.int(1), .string(""), .object([]), .array([])])),
        ]))
    }

    @Test func readsWhatOtherWritersEscape() throws {
        #expect(try JSONValue.parse(Array(#" {"a" : "\u00e9\ud83d\ude00\/" , "b":[1.5e2, 0]} "#.utf8))
                == .object([("b", .array([.double(150), .int(0)])), ("a", .string("é😀/"))]))
    }

    @Test(arguments: ["", "{", "[1,", "{\"a\" 1}", "\"open", "tru", "[1] 2", "{\"a\":\"\\x\"}", "nul", "[\"\\u12\"]"])
    func malformedInputIsAnError(_ text: String) {
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array(text.utf8)) }
    }

    @Test func integersAreReadExactly() throws {
        #expect(try JSONValue.parse(Array("[0, -7, 123456789012345678, 9223372036854775807, -9223372036854775808]".utf8))
                == .array([.int(0), .int(-7), .int(123_456_789_012_345_678), .int(Int.max), .int(Int.min)]))
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(Array("-".utf8)) }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONValue.ParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func fieldsOfTheWrongTypeAreNamed() throws {
        let object = try JSONObject(JSONValue.parse(Array(#"{"id": 5}"#.utf8)))
        #expect(throws: JSONValue.ParseError(offset: 0, reason: "id: expected a string")) { try object.string("id") }
    }
}
