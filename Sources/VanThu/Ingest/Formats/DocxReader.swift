import CLibXML2

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
        guard let text = Self.paragraphs(xml) else { throw StageFailure(.ingest, "broken .docx: word/document.xml is not well-formed XML") }
        return text
    }

    /// Walks the WordprocessingML tree: w:p → line, w:t → text, w:tab → tab, w:br → line break,
    /// w:tc → cell separator.
    static func paragraphs(_ xml: [UInt8]) -> String? {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue | XML_PARSE_NOBLANKS.rawValue)
        let document: xmlDocPtr? = xml.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                xmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
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
                if let content = xmlNodeGetContent(node) { current += String(cString: content); vanthu_xmlFree(content) }
                continue
            case "tab": current += "\t"; continue
            case "br", "cr": lines.append(current); current = ""; continue
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
        return lines.joined(separator: "\n")
    }
}
