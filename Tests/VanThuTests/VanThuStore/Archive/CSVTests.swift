import Foundation
import Testing
@testable import VanThuStore

/// One CSV writer for every spreadsheet export: RFC 4180 quoting decided on bytes, and formula
/// injection neutralised (issue 14, item 9).
struct CSVTests {
    @Test(arguments: [
        ("=HYPERLINK(\"http://x.invalid\",\"bấm\")", "\"'=HYPERLINK(\"\"http://x.invalid\"\",\"\"bấm\"\")\""),
        ("=cmd|' -C calc'!A0.txt", "\"'=cmd|' -C calc'!A0.txt\""),
        ("+1+2", "\"'+1+2\""),
        ("-2+3+cmd|' /C calc'!A0", "\"'-2+3+cmd|' /C calc'!A0\""),
        ("@SUM(A1:A9)", "\"'@SUM(A1:A9)\""),
        ("\t=1+1", "\"'\t=1+1\""),
        ("\r=1+1", "\"'\r=1+1\""),
        ("＝1+1", "\"'＝1+1\""),
        ("--05-01", "\"'--05-01\""),
    ])
    func formulasAreNeutralised(field: String, written: String) {
        #expect(CSV.field(field) == written)
        #expect(ModelCountCSV.quote(field) == written)
    }

    @Test(arguments: ["-12", "3.5", "+7", "2024-05-01", "Dân vận khéo", "a=b", "x@y.vn", ""])
    func harmlessFieldsStayAsTheyAre(field: String) {
        #expect(CSV.field(field) == field)
    }

    /// "\r\n" is one Character in Swift: a check on characters for "\r" or "\n" missed it.
    @Test(arguments: ["vinamilk\r\nnote.txt", "a\rb", "a\nb", "a,b", "say \"hi\""])
    func fieldsWithSeparatorsAreQuoted(field: String) {
        let written = CSV.field(field)
        #expect(written.hasPrefix("\"") && written.hasSuffix("\""))
        #expect(written.dropFirst().dropLast().replacingOccurrences(of: "\"\"", with: "") .contains("\"") == false)
    }

    @Test func rowsEndInCRLFAndTheHeaderHasABOM() {
        #expect(CSV.row(["a", "b,c"]) == Array("a,\"b,c\"\r\n".utf8))
        #expect(CSV.header(["x"]) == [0xEF, 0xBB, 0xBF] + Array("x\r\n".utf8))
    }

    /// A spreadsheet reading the rows back (RFC 4180) sees as many rows as were written, and
    /// every neutralised field starts with its quote mark.
    @Test func aModelCountRowWithHostileTextStaysOneRow() {
        var record = ModelCountStatsTests.record("=1+1", [ModelCountStatsTests.fact(3, .registered, year: 2023, scope: "@x")])
        record.modelCounts[0].text = "line one\r\nline two"
        let bytes = ModelCountCSV.file([record])
        let rows = Self.parse(bytes.dropFirst(3))
        #expect(rows.count == 2)
        #expect(rows[1][0] == "'=1+1")
        #expect(rows[1][2] == "'@x")
        #expect(rows[1][7] == "line one\r\nline two")
    }

    /// A small RFC 4180 reader for the tests.
    static func parse<Bytes: Collection>(_ bytes: Bytes) -> [[String]] where Bytes.Element == UInt8 {
        var rows: [[String]] = [], row: [String] = [], field: [UInt8] = []
        var quoted = false, index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            index = bytes.index(after: index)
            if quoted {
                if byte == 0x22 {
                    if index != bytes.endIndex, bytes[index] == 0x22 { field.append(0x22); index = bytes.index(after: index) } else { quoted = false }
                } else { field.append(byte) }
            } else if byte == 0x22 { quoted = true
            } else if byte == 0x2C { row.append(String(decoding: field, as: UTF8.self)); field = []
            } else if byte == 0x0D, index != bytes.endIndex, bytes[index] == 0x0A {
                index = bytes.index(after: index)
                row.append(String(decoding: field, as: UTF8.self)); field = []
                rows.append(row); row = []
            } else { field.append(byte) }
        }
        return rows
    }
}
