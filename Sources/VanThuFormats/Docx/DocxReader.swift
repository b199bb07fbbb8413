import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// .docx → text: the main document part (`word/document.xml`) of the zip, paragraphs as lines,
/// table cells separated by " | ", rows as lines.
public struct DocxReader: Sendable {
    public init() {}

    public func text(from bytes: [UInt8], limit: Int) throws(StageFailure) -> String {
        let xml: [UInt8]
        do {
            let zip = try ZipArchive(bytes)
            xml = try zip.read("word/document.xml", limit: limit)
        } catch {
            throw StageFailure(.ingest, "broken .docx: \(error.description)")
        }
        switch Self.paragraphs(xml, limit: limit) {
        case .text(let text): return text
        case .malformed: throw StageFailure(.ingest, "broken .docx: word/document.xml is not well-formed XML")
        case .declaresDTD:
            throw StageFailure(.ingest, "refused .docx: word/document.xml declares a DTD (entity definitions, the stuff of expansion bombs); Word never writes one")
        case .tooLarge:
            throw StageFailure(.ingest, "refused .docx: its text expands to more than \(limit) bytes (limits.maxFileBytes)")
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

    /// Walks the WordprocessingML tree: w:p → line, w:t → text, w:tab → tab, w:br → line break,
    /// w:tc → cell separator.
    package static func paragraphs(_ xml: [UInt8], limit: Int = .max) -> Outcome {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue)
        let document: xmlDocPtr? = xml.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return .malformed }
        defer { xmlFreeDoc(document) }
        // No entity is ever expanded: a document with a DTD is refused before any text is read.
        if document.pointee.intSubset != nil || document.pointee.extSubset != nil { return .declaresDTD }
        // Bytes of text so far (lines and the current one), against `limit`.
        var size = 0
        var lines: [String] = []
        var current = ""
        // Open table rows (tables nest) and, per open cell, the line count where it started.
        var rows: [[String]] = []
        var cellStarts: [Int] = []
        var stack: [(xmlNodePtr, Bool)] = []
        if let root = xmlDocGetRootElement(document) { stack.append((root, false)) }
        while let (node, leaving) = stack.popLast() {
            let name = node.pointee.name.map { String(cString: $0) } ?? ""
            if leaving {
                switch name {
                case "p":
                    size += 1
                    if size > limit { return .tooLarge }
                    lines.append(current.trimmingCharacters(in: .whitespaces))
                    current = ""
                case "tc":
                    let start = cellStarts.popLast() ?? lines.count
                    let cell = lines[start...].filter { !$0.isEmpty }.joined(separator: " ")
                    lines.removeSubrange(start...)
                    if !rows.isEmpty { rows[rows.count - 1].append(cell) }
                case "tr":
                    if let row = rows.popLast() { lines.append(row.joined(separator: " | ")) }
                default: break
                }
                continue
            }
            switch name {
            case "t":
                if let content = xmlNodeGetContent(node) {
                    size += Int(xmlStrlen(content))
                    if size <= limit { current += String(cString: content) }
                    vanthu_xmlFree(content)
                    if size > limit { return .tooLarge }
                }
                continue
            case "tab": current += "\t"; size += 1; continue
            case "br", "cr": lines.append(current); current = ""; size += 1; continue
            case "tr": rows.append([])
            case "tc": cellStarts.append(lines.count)
            default: break
            }
            stack.append((node, true))
            var children: [xmlNodePtr] = []
            var child = node.pointee.children
            while let c = child { children.append(c); child = c.pointee.next }
            for c in children.reversed() where c.pointee.type == XML_ELEMENT_NODE { stack.append((c, false)) }
        }
        if !current.isEmpty { lines.append(current) }
        return .text(lines.joined(separator: "\n"))
    }
}
