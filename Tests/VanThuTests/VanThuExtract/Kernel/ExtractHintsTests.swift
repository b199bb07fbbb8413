import Testing
import VanThuFormats
@testable import VanThuExtract

/// What a format's reader says of a document (its page title, its publication date) joins the
/// record as `ExtractStage.applyHints` decides.
struct ExtractHintsTests {
    static func record(kind: DocumentKind, date: String?) -> Record {
        let source = SourceInfo(path: "trang/thong-bao.html", sha256: String(repeating: "cd", count: 32), bytes: 900,
                                format: "html", encoding: "utf-8", alsoAt: [], root: "/du-lieu")
        return Record(id: "cdcdcdcdcdcdcdcd", source: source, kind: kind, date: date, text: "Thông báo")
    }

    static let hints = DocumentHints(published: "2024-03-12T08:00:00+07:00")

    @Test func aDispatchKeepsTheDateOfItsPlaceAndDateLine() {
        var record = Self.record(kind: .dispatch, date: "2024-03-01")
        ExtractStage.applyHints(Self.hints, to: &record)
        #expect(record.date == "2024-03-01")
    }

    @Test func aDispatchPostedWithoutADateOfItsOwnIsDatedByItsPublication() {
        var record = Self.record(kind: .dispatch, date: nil)
        ExtractStage.applyHints(Self.hints, to: &record)
        #expect(record.date == "2024-03-12")
    }

    @Test func anArticleIsDatedByItsPublication() {
        var record = Self.record(kind: .news, date: "2024-03-01")
        ExtractStage.applyHints(Self.hints, to: &record)
        #expect(record.date == "2024-03-12")
    }
}
