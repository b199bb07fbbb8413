import VanThuExtract

/// CSV export of every model count, one row per count, for spreadsheets.
///
/// Written by `CSV`: UTF-8 with a byte-order mark (so spreadsheet programs read the Vietnamese
/// letters right), CRLF line ends, RFC 4180 quoting, formulas neutralised. Columns: `document` (record id), `documentDate`, `scope`, `status`, `field`, `year`,
/// `count`, `text`, then `approximate`, `lowerBound`, `upperBound`, `partOf` (the row number,
/// 1-based, among the same document's rows, of the total this count is a part of),
/// `breakdownMismatch`, `recognizedBy`, `holder`, `start`, `end`. Unknown values are empty.
///
/// Streaming use: write `header` once, then `lines(for:)` of each record in archive order.
public enum ModelCountCSV {
    public static let columns = [
        "document", "documentDate", "scope", "status", "field", "year", "count", "text",
        "approximate", "lowerBound", "upperBound", "partOf", "breakdownMismatch", "recognizedBy", "holder",
        "start", "end",
    ]

    public static let byteOrderMark = CSV.byteOrderMark

    /// The byte-order mark and the header line.
    public static var header: [UInt8] { CSV.header(columns) }

    /// The rows of one record's model counts (CRLF after each), or nothing.
    public static func lines(for record: Record) -> [UInt8] { lines(id: record.id, date: record.date, record.modelCounts) }

    public static func lines(for record: RecordSummary) -> [UInt8] { lines(id: record.id, date: record.date, record.modelCounts) }

    package static func lines(id: String, date: String?, _ modelCounts: [ModelCountFact]) -> [UInt8] {
        var out: [UInt8] = []
        for fact in modelCounts {
            let fields: [String?] = [
                id, date, fact.scope, fact.status, fact.field, fact.year.map(String.init),
                fact.count.map(String.init), fact.text,
                fact.approximate ? "true" : "false", fact.lowerBound.map(String.init), fact.upperBound.map(String.init),
                fact.partOf.map { String($0.saturatingAdding(1)) }, fact.breakdownMismatch ? "true" : "false", fact.recognizedBy,
                fact.holder, String(fact.start), String(fact.end),
            ]
            out += CSV.row(fields.map { $0 ?? "" })
        }
        return out
    }

    /// The whole file for `records` (in the order given).
    public static func file<Records: Sequence>(_ records: Records) -> [UInt8] where Records.Element == Record {
        var out = header
        for record in records { out += lines(for: record) }
        return out
    }

    /// One field as `CSV` writes it.
    public static func quote(_ field: String) -> String { CSV.field(field) }
}
