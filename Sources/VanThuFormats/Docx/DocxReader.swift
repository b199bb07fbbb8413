import VanThuText

import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

extension SourceFormat {
    public static let docx = SourceFormat(rawValue: "docx")
}

extension TextOrigin {
    /// The paragraphs of a word processor's document (WordprocessingML).
    public static let wordprocessing = TextOrigin(rawValue: "wordprocessing")
}

/// .docx → text: the main document part (`word/document.xml`) of the zip (`ZipEntries`: size
/// cap, CRC-32, ZIP64), paragraphs as lines, table cells separated by " | ", rows as lines. A zip
/// that holds `word/document.xml` is a .docx whatever its name; a file named .docx is read as
/// one, and refused with the reason when it is not.
public struct DocxReader: FormatReader {
    public var format: SourceFormat { .docx }
    public var extensions: [String] { ["docx"] }

    public init() {}

    public func recognize(_ bytes: [UInt8], named: SourceFormat) -> FormatRecognition {
        bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) && ByteSearch.contains(bytes.prefix(1 << 16), Array("word/document.xml".utf8))
            ? .signature : .consistent
    }

    public func read(_ bytes: [UInt8], named: SourceFormat, context: FormatContext) throws(FormatFailure) -> FormatReading {
        let text = try text(from: bytes, limit: context.maxBytes)
        return FormatReading(text: text, format: format, encoding: "utf-8", hints: DocumentHints(textOrigin: .wordprocessing))
    }

    public func text(from bytes: [UInt8], limit: Int) throws(FormatFailure) -> String {
        let xml: [UInt8]
        do {
            let zip = try ZipEntries(bytes)
            xml = try zip.read("word/document.xml", limit: limit)
        } catch {
            throw FormatFailure("broken .docx: \(error.description)")
        }
        switch Self.paragraphs(xml, limit: limit) {
        case .text(let text): return text
        case .malformed: throw FormatFailure("broken .docx: word/document.xml is not well-formed XML")
        case .declaresDTD:
            throw FormatFailure("refused .docx: word/document.xml declares a DTD (entity definitions, the stuff of expansion bombs); Word never writes one")
        case .tooLarge:
            throw FormatFailure("refused .docx: its text expands to more than \(limit) bytes (limits.maxFileBytes)")
        }
    }

    package enum Outcome: Equatable {
        case text(String)
        case malformed
        /// A DOCTYPE: entity references in the text would be expanded by every read of it (a few
        /// hundred bytes can declare and reference entities that make 100 MB of text).
        case declaresDTD
        /// The text would pass the limit.
        case tooLarge
    }

    /// Reads the WordprocessingML as a stream of nodes (libxml2's `xmlTextReader`, which lets go
    /// of each part of the tree once past it): w:p → line, w:t → text, w:tab → tab, w:br → line
    /// break, w:tc → cell separator. The tree of a 64 MB document.xml took ten times its size
    /// (issue 14, item 8); the text is made as it is read.
    package static func paragraphs(_ xml: [UInt8], limit: Int = .max) -> Outcome {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue)
        return xml.withUnsafeBufferPointer { buffer -> Outcome in
            let reader: xmlTextReaderPtr? = buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReaderForMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
            guard let reader else { return .malformed }
            defer { xmlFreeTextReader(reader) }
            var text = WordText(limit: limit)
            // Inside an element whose content is not walked (w:t's text is gathered; w:tab's and
            // w:br's content is skipped): its depth.
            var within: (name: String, depth: Int32)?
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                if status < 0 { return .malformed }
                let type = xmlTextReaderNodeType(reader)
                let depth = xmlTextReaderDepth(reader)
                if let open = within {
                    if type == Int32(XML_READER_TYPE_END_ELEMENT.rawValue) && depth == open.depth {
                        within = nil
                        continue
                    }
                    if open.name == "t", Self.isText(type), let value = xmlTextReaderConstValue(reader) {
                        guard text.add(value) else { return .tooLarge }
                    }
                    continue
                }
                switch type {
                case Int32(XML_READER_TYPE_DOCUMENT_TYPE.rawValue):
                    // No entity is ever expanded: a document with a DTD is refused.
                    return .declaresDTD
                case Int32(XML_READER_TYPE_ELEMENT.rawValue):
                    let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                    let empty = xmlTextReaderIsEmptyElement(reader) == 1
                    switch name {
                    case "t", "tab", "br", "cr":
                        if name == "tab" { guard text.tab() else { return .tooLarge } }
                        if name == "br" || name == "cr" { guard text.lineBreak() else { return .tooLarge } }
                        if !empty { within = (name, depth) }
                    default:
                        text.open(name)
                        if empty { guard text.close(name) else { return .tooLarge } }
                    }
                case Int32(XML_READER_TYPE_END_ELEMENT.rawValue):
                    let name = xmlTextReaderConstLocalName(reader).map { String(cString: $0) } ?? ""
                    guard text.close(name) else { return .tooLarge }
                default:
                    break
                }
            }
            return .text(text.finish())
        }
    }

    private static func isText(_ type: Int32) -> Bool {
        type == Int32(XML_READER_TYPE_TEXT.rawValue) || type == Int32(XML_READER_TYPE_CDATA.rawValue)
            || type == Int32(XML_READER_TYPE_WHITESPACE.rawValue) || type == Int32(XML_READER_TYPE_SIGNIFICANT_WHITESPACE.rawValue)
    }

    /// The text of a WordprocessingML document as its elements open and close: paragraphs as
    /// lines, table cells joined by " | " into their row's line. Lines are written into the text
    /// as they end, but inside a table, whose cells gather the lines they hold.
    struct WordText {
        let limit: Int
        /// Bytes of text so far (lines and the current one), against `limit`.
        var size = 0
        var output = ""
        var wroteLine = false
        /// Lines not yet written: those of the open tables.
        var lines: [String] = []
        var current = ""
        // Open table rows (tables nest) and, per open cell, the line count where it started.
        var rows: [[String]] = []
        var cellStarts: [Int] = []

        init(limit: Int) { self.limit = limit }

        mutating func add(_ value: UnsafePointer<xmlChar>) -> Bool {
            size += Int(xmlStrlen(value))
            guard size <= limit else { return false }
            current += String(cString: value)
            return true
        }

        mutating func tab() -> Bool {
            current += "\t"
            size += 1
            return true
        }

        mutating func lineBreak() -> Bool {
            emit(current)
            current = ""
            size += 1
            return true
        }

        mutating func open(_ name: String) {
            switch name {
            case "tr": rows.append([])
            case "tc": cellStarts.append(lines.count)
            default: break
            }
        }

        mutating func close(_ name: String) -> Bool {
            switch name {
            case "p":
                size += 1
                if size > limit { return false }
                emit(current.trimmingCharacters(in: .whitespaces))
                current = ""
            case "tc":
                let start = cellStarts.popLast() ?? lines.count
                let cell = lines[start...].filter { !$0.isEmpty }.joined(separator: " ")
                lines.removeSubrange(start...)
                if !rows.isEmpty { rows[rows.count - 1].append(cell) }
                flushIfOutsideTables()
            case "tr":
                if let row = rows.popLast() { emit(row.joined(separator: " | ")) }
            default: break
            }
            return true
        }

        mutating func emit(_ line: String) {
            lines.append(line)
            flushIfOutsideTables()
        }

        /// Outside every table, the lines gathered go into the text.
        mutating func flushIfOutsideTables() {
            guard rows.isEmpty && cellStarts.isEmpty else { return }
            for line in lines {
                if wroteLine { output += "\n" }
                output += line
                wroteLine = true
            }
            lines.removeAll(keepingCapacity: true)
        }

        mutating func finish() -> String {
            // Tables left open at the end: their lines as they are.
            rows = []
            cellStarts = []
            if !current.isEmpty { lines.append(current) }
            flushIfOutsideTables()
            return output
        }
    }
}
