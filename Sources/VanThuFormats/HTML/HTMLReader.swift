import VanThuText

extension SourceFormat {
    public static let html = SourceFormat(rawValue: "html")
}

extension TextOrigin {
    /// The article of a web page, without its site's chrome (`HTMLDocumentReader`).
    public static let article = TextOrigin(rawValue: "article")
}

/// Web pages: the article, its headline and publication date (`HTMLDocumentReader`). A page is
/// recognised by how it begins (a doctype, `<html>` …) whatever its name; a file named as a page
/// without a single tag in it is text.
public struct HTMLReader: FormatReader {
    public var format: SourceFormat { .html }
    public var extensions: [String] { ["html", "htm", "xhtml", "shtml", "aspx", "asp", "php", "jsp"] }
    /// For pages that are not UTF-8: decoded as text files are.
    public var text = TextReader()

    public init() {}

    public func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition {
        if Self.startsWithMarkup(bytes) { return .signature }
        // The tag search matters only to a file named as a page.
        guard named.outermost == format else { return .consistent }
        return Self.hasTag(bytes.prefix(1 << 16)) ? .consistent : .contradicted
    }

    /// Valid UTF-8 is parsed as UTF-8 whatever the meta tag says (a UTF-8 page labelled
    /// windows-1258 would otherwise come out empty); other bytes are decoded as text files are,
    /// and the page's meta charset decides only when that cannot. A page without an article is
    /// refused with the reason.
    public func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let reader = HTMLDocumentReader()
        var (page, encoding): (HTMLDocumentReader.Result?, String?) = bytes.withUnsafeBufferPointer { all in
            let body = UnsafeBufferPointer(rebasing: all[bom...])
            return UTF8Validation.isValid(body) ? (reader.read(validUTF8: body), "utf-8") : (nil, nil)
        }
        if encoding == nil {
            let body = Array(bytes[bom...])
            if let (text, detected) = try? self.text.decode(body) {
                // Not UTF-8: the statistics of Vietnamese letters decide, as for text.
                var text = text
                page = text.withUTF8 { reader.read(validUTF8: $0) }
                encoding = detected
            } else if let declared = Self.declaredCharset(Array(body.prefix(8192))) {
                // They cannot: the page's meta charset is the fallback.
                page = reader.read(body, encoding: declared)
                encoding = declared
            } else {
                throw FormatFailure("HTML that is not UTF-8, whose encoding could not be identified with confidence and that declares no charset")
            }
        }
        guard let page, let encoding else { throw FormatFailure("HTML could not be parsed") }
        if let failure = page.failure { throw FormatFailure(failure) }
        return FormatReading(text: page.text, format: format, encoding: encoding.lowercased(),
                             hints: DocumentHints(title: page.title, pageTitle: page.pageTitle, published: page.published,
                                                  titleRule: page.titleRule, dateSource: page.dateSource, textOrigin: .article))
    }

    /// The charset a page declares in `<meta charset>` or `<meta http-equiv … content="…charset=…">`.
    static func declaredCharset(_ head: [UInt8]) -> String? {
        let text = String(decoding: head.map { $0 < 0x80 ? $0 : UInt8(ascii: " ") }, as: UTF8.self).lowercased()
        guard let range = text.range(of: "charset=") else { return nil }
        let value = text[range.upperBound...].drop(while: { $0 == "\"" || $0 == "'" || $0 == " " })
            .prefix(while: { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" })
        return value.isEmpty ? nil : String(value)
    }

    /// Whether the content begins as an HTML page does (after a byte order mark, white space and
    /// comments): a doctype, `<html`, `<head`, `<body`, or an XML declaration followed by `<html`.
    static func startsWithMarkup(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        let head = Array(bytes.prefix(4096))
        func lowered(_ at: Int, _ count: Int) -> String {
            String(decoding: head[min(at, head.count)..<min(at + count, head.count)].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        while index < head.count {
            while index < head.count, head[index] <= 0x20 { index += 1 }
            if lowered(index, 4) == "<!--" {
                guard let end = ByteSearch.find(head, Array("-->".utf8), from: index + 4) else { return false }
                index = end + 3
                continue
            }
            let start = lowered(index, 14)
            if start.hasPrefix("<!doctype html") || start.hasPrefix("<html") || start.hasPrefix("<head") || start.hasPrefix("<body") {
                return true
            }
            if start.hasPrefix("<?xml") { return lowered(index, head.count).contains("<html") }
            return false
        }
        return false
    }

    /// Whether the bytes hold an element tag (`<p`, `</div`, `<br`).
    static func hasTag(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while let open = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let next = open + 1
            guard next < bytes.endIndex else { return false }
            let byte = bytes[next] | 0x20
            if (byte >= 0x61 && byte <= 0x7A) || bytes[next] == UInt8(ascii: "/") || bytes[next] == UInt8(ascii: "!") { return true }
            index = next
        }
        return false
    }
}
