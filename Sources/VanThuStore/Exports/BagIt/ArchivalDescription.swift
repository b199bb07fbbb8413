import VanThuExtract

/// The document-level description an archive asks for (Thông tư 02/2019/TT-BNV, replaced by
/// Thông tư 05/2025/TT-BNV: the input data of documents in a digital archive), filled from what
/// extraction found. `documents.csv` and the Dublin Core `metadata.csv` are written from it.
///
/// Where each value comes from:
/// - `documentType`: the header's type name (`Công văn`, `Nghị định`); a news article is `Tin bài`.
/// - `number`, `symbol`: the header's number-symbol read by `NumberSymbol` (`188/2025/NĐ-CP` →
///   `188` and `NĐ-CP`; the year is the date's; the whole stays in `notes`).
/// - `date`: the header's date, else the record's (ISO: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`).
/// - `issuer`: the header's issuing body.
/// - `subject`: the header's subject (`V/v …`, the line under the type name), else the title.
/// - `language`: Vietnamese: the pipeline reads Vietnamese documents (no language detection).
/// - `pageCount`: the record's `pages.count` (PDFs and scans); empty for plain text, web pages
///   and .docx text, which carry no pages.
/// - `keywords`: the units most mentioned, then the fields of the model counts.
/// - `origin`: from how the text was obtained: a paged document's `pages.textOrigin` (text layer,
///   OCR or both), else the format (`DigitalOrigin.of(format:)`).
/// - `notes`: the whole number-symbol, the original encoding when it was not Unicode, the
///   format when it was not plain text, other files with the same bytes, a gone source.
public struct ArchivalDescription: Sendable, Equatable {
    public var id: String
    /// The bag path of the document's file, relative to `data/` (`objects/corpora/x.txt`).
    public var file: String
    public var documentType: String
    public var number: String
    public var symbol: String
    public var numberSymbol: String
    public var date: String
    public var issuer: String
    public var subject: String
    public var title: String
    public var language: String
    public var pageCount: String
    public var keywords: [String]
    public var origin: DigitalOrigin?
    public var notes: [String]
    /// The beginning of the text after its title, one line (Dublin Core's description when there
    /// is no subject).
    public var lead: String

    /// The most mentioned units that become keywords.
    public static let unitKeywords = 10
    /// The length of `lead`, in characters.
    public static let leadCharacters = 300

    /// `files` are the bag paths (relative to `data/`) of every file holding the record's bytes,
    /// the first the record's own.
    public init(_ record: Record, files: [String]) {
        id = record.id
        file = files.first ?? ""
        let header = record.header
        documentType = header?.documentType ?? (record.kind == .news ? "Tin bài" : "")
        numberSymbol = header?.number ?? ""
        (number, symbol) = Self.split(numberSymbol)
        date = header?.date ?? record.date ?? ""
        issuer = header?.issuer ?? ""
        title = record.title ?? ""
        subject = header?.subject ?? record.title ?? ""
        language = "Tiếng Việt"
        pageCount = Self.pages(of: record).map(String.init) ?? ""
        keywords = Self.keywords(record)
        origin = DigitalOrigin.of(record)
        lead = Self.lead(record.text, after: record.title)
        var notes: [String] = []
        if !numberSymbol.isEmpty { notes.append("Số, ký hiệu: \(numberSymbol)") }
        if let name = Self.encodingNames[record.source.encoding] { notes.append("Chuyển mã từ \(name) sang Unicode") }
        let format = DigitalOrigin.baseFormat(record.source.format)
        if format != "text" { notes.append("Định dạng gốc: \(record.source.format)") }
        if origin == nil { notes.append("Không rõ văn bản được lấy từ định dạng \(record.source.format) như thế nào") }
        if files.count > 1 { notes.append("Cùng nội dung: " + files.dropFirst().joined(separator: ", ")) }
        if record.gone == true { notes.append("Tệp gốc không còn trong thư mục nguồn") }
        self.notes = notes
    }

    /// A number-symbol's number (`188`, `374`, `12a`) and its symbol after the year
    /// (`NĐ-CP`, `CV/HU`, `UBND-VP`). A value the reader cannot take apart is all number.
    public static func split(_ numberSymbol: String) -> (number: String, symbol: String) {
        guard !numberSymbol.isEmpty else { return ("", "") }
        guard let parsed = NumberSymbol.parse(Array(numberSymbol.utf8), at: 0) else { return (numberSymbol, "") }
        let first = parsed.year == nil ? 0 : 1
        var symbol = ""
        for index in first..<parsed.segments.count {
            if index > first { symbol.unicodeScalars.append(Unicode.Scalar(parsed.separators[index])) }
            symbol += parsed.segments[index]
        }
        return (parsed.number, symbol)
    }

    /// The number of pages, when the format has pages (PDFs and scans record them).
    /// Not inlined: Swift 6.3.1's optimiser (CopyPropagation) crashes in a release build when
    /// this read of `record.pages` is inlined into `init(_:files:)`.
    @inline(never)
    static func pages(of record: Record) -> Int? { record.pages?.count }

    /// The units most mentioned (then by name), and the fields of the model counts.
    static func keywords(_ record: Record) -> [String] {
        var seen = Set<String>()
        let units = record.units.sorted { ($1.mentions.count, $0.name) < ($0.mentions.count, $1.name) }
            .map(\.name).filter { seen.insert($0).inserted }.prefix(unitKeywords)
        var fields: [String] = []
        for fact in record.modelCounts {
            guard let field = fact.field else { continue }
            let name = fieldNames[field] ?? field
            if !fields.contains(name) { fields.append(name) }
        }
        return Array(units) + fields
    }

    /// The model-count fields in Vietnamese.
    static let fieldNames = [
        "economy": "kinh tế", "culture-society": "văn hóa - xã hội", "defense-security": "quốc phòng - an ninh",
        "politics": "chính trị",
    ]

    /// The encodings that were converted to Unicode, by the name the archive records.
    static let encodingNames = [
        "tcvn3": "TCVN3 (ABC)", "vni": "VNI", "viscii": "VISCII", "windows-1258": "Windows-1258",
    ]

    /// The text's first characters on one line, cut at a word, `…` when cut; the title is left
    /// out when the text begins with it.
    static func lead(_ text: String, after title: String? = nil) -> String {
        var text = Substring(text.drop(while: \.isWhitespace))
        if let title, !title.isEmpty, text.hasPrefix(title) { text = text.dropFirst(title.count) }
        var out = ""
        var count = 0
        var space = false
        for character in text {
            if character.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(" "); count += 1; space = false }
            out.append(character)
            count += 1
            if count >= leadCharacters {
                if let cut = out.lastIndex(of: " ") { out = String(out[..<cut]) }
                return out + "…"
            }
        }
        return out
    }
}

/// Whether a document's text was born digital or digitised from paper (the archive's "mức độ
/// tin cậy": gốc điện tử, số hóa, hỗn hợp), from the format its text was read from.
public enum DigitalOrigin: String, Sendable, CaseIterable {
    case bornDigital = "Gốc điện tử"
    case digitised = "Số hóa"
    case mixed = "Hỗn hợp"

    /// How each format's text was obtained. Every reader today reads text that was typed:
    /// plain text, web pages, Word documents. A reader of scans (OCR) adds its format here as
    /// `.digitised`, and one that joins typed text and recognised pages as `.mixed`.
    public static let byFormat: [String: DigitalOrigin] = [
        "text": .bornDigital, "html": .bornDigital, "docx": .bornDigital,
    ]

    /// The format without its compression (`text+gzip` → `text`).
    static func baseFormat(_ format: String) -> String {
        format.hasSuffix("+gzip") ? String(format.dropLast(5)) : format
    }

    /// The origin of a format's text; nil for a format this table does not know.
    public static func of(format: String) -> DigitalOrigin? { byFormat[baseFormat(format)] }

    /// How a paged document's pages were read (`PageProvenance.textOrigin`).
    public static let byPages: [String: DigitalOrigin] = ["text-layer": .bornDigital, "ocr": .digitised, "mixed": .mixed]

    /// A record's origin: from its pages when it has them (a PDF's text layer is born digital, a
    /// scan's OCR digitised), else from its format.
    @inline(never)  // see `ArchivalDescription.pages(of:)`: the same optimiser crash when inlined
    public static func of(_ record: Record) -> DigitalOrigin? {
        if let pages = record.pages { return byPages[pages.textOrigin] }
        return of(format: record.source.format)
    }
}
