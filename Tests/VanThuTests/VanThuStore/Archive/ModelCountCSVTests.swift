import Testing
@testable import VanThuExtract
@testable import VanThuStore

struct ModelCountCSVTests {
    static func record() -> Record {
        var record = Record(id: "abc123", source: SourceInfo(path: "a.txt", sha256: "", bytes: 0, format: "text", encoding: "utf-8"))
        record.date = "2018-08-10"
        record.modelCounts = [
            ModelCountFact(text: "543 mô hình", count: 543, status: .registered, year: 2017, scope: "thành phố Bến Tre",
                           start: 10, end: 21, rule: "digits"),
            ModelCountFact(text: "Hàng trăm mô hình, điển hình", count: nil, approximate: true, lowerBound: 100,
                           status: .built, start: 30, end: 58, rule: "vague"),
            ModelCountFact(text: "36 mô hình \"mẫu\"", count: 36, status: .recognized, recognizedBy: "Ban Dân vận Tỉnh ủy",
                           partOf: 0, start: 60, end: 70, rule: "digits"),
        ]
        return record
    }

    @Test func fileStartsWithBOMAndHeader() {
        let bytes = ModelCountCSV.file([Self.record()])
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF])
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "document,documentDate,scope,status,field,year,count,text,approximate,lowerBound,upperBound,partOf,breakdownMismatch,recognizedBy,holder,start,end")
        #expect(lines.count == 5 && lines[4].isEmpty, "three rows, each ending in CRLF")
    }

    @Test func rowsQuoteAsRFC4180() {
        let text = String(decoding: ModelCountCSV.lines(for: Self.record()), as: UTF8.self)
        let lines = text.components(separatedBy: "\r\n")
        #expect(lines[0] == "abc123,2018-08-10,thành phố Bến Tre,registered,,2017,543,543 mô hình,false,,,,false,,,10,21")
        #expect(lines[1] == "abc123,2018-08-10,,built,,,,\"Hàng trăm mô hình, điển hình\",true,100,,,false,,,30,58")
        #expect(lines[2] == "abc123,2018-08-10,,recognized,,,36,\"36 mô hình \"\"mẫu\"\"\",false,,,1,false,Ban Dân vận Tỉnh ủy,,60,70")
    }

    @Test(arguments: [("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
                      ("two\nlines", "\"two\nlines\""), ("cr\r", "\"cr\r\""), ("", "")])
    func quoting(_ field: String, _ expected: String) {
        #expect(ModelCountCSV.quote(field) == expected)
    }

    @Test func recordWithoutCountsWritesNothing() {
        let record = Record(id: "x", source: SourceInfo(path: "x", sha256: "", bytes: 0, format: "text", encoding: "utf-8"))
        #expect(ModelCountCSV.lines(for: record).isEmpty)
        #expect(ModelCountCSV.file([record]) == ModelCountCSV.header)
    }
}
