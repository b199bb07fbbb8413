import VanThuExtract

/// `metadata/documents.csv`: one row per document with the fields of Thông tư 02/2019/TT-BNV
/// (Thông tư 05/2025/TT-BNV) under their Vietnamese names, the ones the archivist assigns left
/// empty so the sheet can be filled in and imported again. Written by the project's `CSV` (UTF-8
/// with a byte-order mark, CRLF, RFC 4180 quoting, formulas neutralised). With `keyRow`, a second
/// heading row gives each column's English key, for programs that read the sheet back.
public enum DocumentsCSV {
    public struct Column: Sendable {
        public var heading: String
        public var key: String
        /// nil: a column the archivist fills in.
        public var value: (@Sendable (ArchivalDescription) -> String)?
    }

    public static let columns: [Column] = [
        Column(heading: "Mã tài liệu (VanThu)", key: "vanthuId", value: { $0.id }),
        Column(heading: "Tệp", key: "file", value: { $0.file }),
        Column(heading: "Mã phông", key: "fondsCode", value: nil),
        Column(heading: "Mã hồ sơ", key: "fileCode", value: nil),
        Column(heading: "Số thứ tự văn bản trong hồ sơ", key: "itemNumber", value: nil),
        Column(heading: "Tên loại văn bản", key: "documentType", value: { $0.documentType }),
        Column(heading: "Số của văn bản", key: "number", value: { $0.number }),
        Column(heading: "Ký hiệu của văn bản", key: "symbol", value: { $0.symbol }),
        Column(heading: "Ngày, tháng, năm văn bản", key: "date", value: { $0.date }),
        Column(heading: "Tên cơ quan, tổ chức ban hành văn bản", key: "issuer", value: { $0.issuer }),
        Column(heading: "Trích yếu nội dung", key: "subject", value: { $0.subject }),
        Column(heading: "Ngôn ngữ", key: "language", value: { $0.language }),
        Column(heading: "Số lượng trang", key: "pageCount", value: { $0.pageCount }),
        Column(heading: "Từ khóa", key: "keywords", value: { $0.keywords.joined(separator: "; ") }),
        Column(heading: "Mức độ tin cậy", key: "origin", value: { $0.origin?.rawValue ?? "" }),
        Column(heading: "Thời hạn bảo quản", key: "retention", value: nil),
        Column(heading: "Chế độ sử dụng", key: "accessLevel", value: nil),
        Column(heading: "Ghi chú", key: "notes", value: { $0.notes.joined(separator: "; ") }),
    ]

    /// The byte-order mark and the heading row (and the key row when asked).
    public static func header(keyRow: Bool = false) -> [UInt8] {
        CSV.header(columns.map(\.heading)) + (keyRow ? CSV.row(columns.map(\.key)) : [])
    }

    public static func row(_ description: ArchivalDescription) -> [UInt8] {
        CSV.row(columns.map { $0.value?(description) ?? "" })
    }
}

/// `metadata/metadata.csv`: simple Dublin Core, the form Archivematica imports from a transfer's
/// `metadata` folder. `filename` names the file as Archivematica sees the transfer (the bag's
/// `data/` is the transfer: `objects/…`).
public enum DublinCoreCSV {
    public static let columns = ["filename", "dc.title", "dc.date", "dc.creator", "dc.type", "dc.identifier", "dc.language",
                                 "dc.description"]

    public static var header: [UInt8] { CSV.header(columns) }

    /// dc.title: the title (else the subject); dc.creator: the issuing body; dc.type: the type
    /// name; dc.identifier: the number-symbol, else the VanThu id; dc.language: ISO 639-1;
    /// dc.description: the subject, else the beginning of the text.
    public static func row(_ d: ArchivalDescription) -> [UInt8] {
        CSV.row([
            d.file, d.title.isEmpty ? d.subject : d.title, d.date, d.issuer, d.documentType,
            d.numberSymbol.isEmpty ? "vanthu:\(d.id)" : d.numberSymbol, "vi",
            d.subject.isEmpty || d.subject == d.title ? d.lead : d.subject,
        ])
    }
}
