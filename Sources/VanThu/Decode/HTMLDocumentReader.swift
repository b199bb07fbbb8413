import CLibXML2
import Foundation

/// HTML → text with paragraph breaks, through libxml2's HTML parser (NONET | RECOVER | NOERROR |
/// NOWARNING). Scripts, styles, navigation, menus, headers, footers, forms, share bars, comments,
/// related-article lists and counters are left out; the page's title (og:title, h1, title without
/// the site suffix) and publication date (article:published_time, datePublished, time) are kept
/// as hints for the extractors.
public struct HTMLDocumentReader: Sendable {
    public struct Result: Sendable {
        public var text: String
        /// og:title, else h1.
        public var title: String?
        /// The page's title without its site suffix.
        public var pageTitle: String?
        public var published: String?
        public var encoding: String
    }

    /// Elements whose content is never article text.
    static let skippedElements: Set<String> = [
        "script", "style", "noscript", "nav", "footer", "aside", "form", "button", "iframe", "svg", "select",
        "option", "template", "head", "menu", "object", "embed", "canvas", "input", "textarea", "label",
    ]

    /// Elements that end a line of text.
    static let blockElements: Set<String> = [
        "p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote",
        "pre", "dd", "dt", "ul", "ol", "figure", "figcaption", "header", "main", "hr", "address", "center", "dl",
        "tbody", "thead", "caption",
    ]

    /// class or id words (lower case) that mark boilerplate containers.
    static let boilerplateMarkers: [String] = [
        "menu", "navbar", "breadcrumb", "footer", "sidebar", "share", "social", "comment", "related", "lienquan",
        "lien-quan", "tinkhac", "tin-khac", "counter", "visitor", "thongke", "thong-ke", "login", "dangnhap",
        "banner", "advert", "quangcao", "quang-cao", "pagination", "paging", "tags", "toolbar", "ribbon", "s4-",
        "ms-formtable", "topbar", "top-bar", "copyright", "cookie", "popup", "modal",
    ]

    private static let initialised: Bool = {
        xmlInitParser()
        vanthu_xmlSilence()
        return true
    }()

    public init() {}

    /// Parses `bytes`. `encoding` is what the caller decided ("UTF-8" for valid UTF-8), or nil to let
    /// the page's meta charset decide.
    public func read(_ bytes: [UInt8], encoding: String?) -> Result? {
        _ = Self.initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue)
        let document: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, encoding, options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        var walker = Walker()
        walker.walk(xmlDocGetRootElement(document))
        let usedEncoding = encoding ?? document.pointee.encoding.map { String(cString: $0) } ?? "unknown"
        return Result(text: walker.textString(), title: walker.headline(), pageTitle: walker.pageTitle(), published: walker.published,
                      encoding: usedEncoding.lowercased())
    }

    /// What an element means to the walker, looked up by its name without making a string.
    struct ElementKind: OptionSet {
        let rawValue: UInt8
        static let skipped = ElementKind(rawValue: 1)
        static let block = ElementKind(rawValue: 2)
        static let cell = ElementKind(rawValue: 4)
        static let lineBreak = ElementKind(rawValue: 8)
        static let head = ElementKind(rawValue: 16)
        /// Read even without attributes (its text or content matters: title, h1, header).
        static let inspected = ElementKind(rawValue: 32)

        /// Names of up to 8 bytes packed into an integer.
        private static let table: [UInt64: ElementKind] = {
            var table: [UInt64: ElementKind] = [:]
            func add(_ names: Set<String>, _ kind: ElementKind) {
                for name in names { if let key = pack(name.utf8) { table[key, default: []].insert(kind) } }
            }
            add(HTMLDocumentReader.skippedElements.subtracting(["head"]), .skipped)
            add(HTMLDocumentReader.blockElements, .block)
            add(["td", "th"], .cell)
            add(["br"], .lineBreak)
            add(["head"], .head)
            add(["title", "h1", "header", "meta", "time"], .inspected)
            return table
        }()
        private static let longNames: [String: ElementKind] = {
            var table: [String: ElementKind] = [:]
            for name in HTMLDocumentReader.blockElements where name.utf8.count > 8 { table[name, default: []].insert(.block) }
            for name in HTMLDocumentReader.skippedElements where name.utf8.count > 8 { table[name, default: []].insert(.skipped) }
            return table
        }()

        static func pack<C: Collection>(_ bytes: C) -> UInt64? where C.Element == UInt8 {
            guard bytes.count <= 8 else { return nil }
            var key: UInt64 = 0
            for byte in bytes { key = key << 8 | UInt64(byte) }
            return key
        }

        static func of(_ name: UnsafePointer<xmlChar>?) -> ElementKind {
            guard let name else { return [] }
            var key: UInt64 = 0
            var length = 0
            while name[length] != 0 {
                if length == 8 { return longNames[String(cString: name)] ?? [] }
                key = key << 8 | UInt64(name[length])
                length += 1
            }
            return table[key] ?? []
        }
    }

    /// The attributes the walker looks at, read in one pass over an element's attribute list.
    struct Attributes {
        var classAndID = ""
        var style: String?
        var hidden = false
        var itemprop: String?
        var property: String?
        var content: String?
        var datetime: String?

        init(_ node: xmlNodePtr) {
            var attribute = node.pointee.properties
            while let a = attribute {
                defer { attribute = a.pointee.next }
                guard let namePointer = a.pointee.name else { continue }
                let name = String(cString: namePointer)
                let value: () -> String = {
                    guard let text = a.pointee.children, let content = text.pointee.content else { return "" }
                    return String(cString: content)
                }
                switch name {
                case "class", "id": classAndID += " " + value().lowercased()
                case "style": style = value()
                case "hidden": hidden = true
                case "itemprop": itemprop = value().lowercased()
                case "property", "name": property = value().lowercased()
                case "content": content = value()
                case "datetime": datetime = value()
                default: break
                }
            }
        }
    }

    /// Walks the tree iteratively (pages nest deeply) and collects text by blocks, as UTF-8 bytes.
    struct Walker {
        var text: [UInt8] = []
        var current: [UInt8] = []
        var pendingSpace = false
        var ogTitle: String?
        var h1: String?
        var htmlTitle: String?
        var published: String?

        mutating func walk(_ root: xmlNodePtr?) {
            guard let root else { return }
            // Stack of (node, leaving): leaving entries close block elements.
            var stack: [(xmlNodePtr, Bool)] = [(root, false)]
            while let (node, leaving) = stack.popLast() {
                if leaving { breakLine(); continue }
                switch node.pointee.type {
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = node.pointee.content { appendText(content) }
                case XML_ELEMENT_NODE:
                    let kind = ElementKind.of(node.pointee.name)
                    if kind.contains(.head) { inspectSubtree(node); continue }
                    if kind.contains(.skipped) { continue }
                    if node.pointee.properties != nil || kind.contains(.inspected) {
                        let name = node.pointee.name.map { String(cString: $0) } ?? ""
                        let attributes = Attributes(node)
                        inspect(node, name: name, attributes)
                        if Self.shouldSkip(node, name: name, attributes) { continue }
                    }
                    if kind.contains(.cell) {
                        if !current.isEmpty { current += Array(" | ".utf8); pendingSpace = false }
                    }
                    if kind.contains(.lineBreak) { breakLine(); continue }
                    if kind.contains(.block) {
                        breakLine()
                        stack.append((node, true))
                    }
                    // Children in reverse, so the first is popped first.
                    var child = node.pointee.last
                    while let c = child { stack.append((c, false)); child = c.pointee.prev }
                default:
                    continue
                }
            }
            breakLine()
        }

        /// Reads the metadata of a subtree whose text is not kept (the page's head).
        mutating func inspectSubtree(_ root: xmlNodePtr) {
            var stack: [xmlNodePtr] = []
            var child = root.pointee.children
            while let c = child { stack.append(c); child = c.pointee.next }
            while let node = stack.popLast() {
                guard node.pointee.type == XML_ELEMENT_NODE else { continue }
                inspect(node, name: node.pointee.name.map { String(cString: $0) } ?? "", Attributes(node))
                var grandchild = node.pointee.children
                while let c = grandchild { stack.append(c); grandchild = c.pointee.next }
            }
        }

        /// Reads titles and dates from head and article markup.
        mutating func inspect(_ node: xmlNodePtr, name: String, _ attributes: Attributes) {
            switch name {
            case "meta":
                let property = attributes.property ?? attributes.itemprop
                if property == "og:title", let content = attributes.content, ogTitle == nil { ogTitle = Self.collapse(content) }
                if ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued"].contains(property ?? ""),
                   let content = attributes.content, published == nil { published = content.trimmingCharacters(in: .whitespaces) }
            case "title":
                if htmlTitle == nil { htmlTitle = Self.collapse(Self.textContent(node)) }
            case "h1":
                if h1 == nil { h1 = Self.collapse(Self.textContent(node)) }
            case "time":
                if published == nil, let value = attributes.datetime { published = value }
            default:
                if published == nil, attributes.itemprop == "datepublished" {
                    published = attributes.content ?? attributes.datetime
                }
            }
        }

        static func shouldSkip(_ node: xmlNodePtr, name: String, _ attributes: Attributes) -> Bool {
            if attributes.hidden || (attributes.style?.replacingOccurrences(of: " ", with: "").contains("display:none") ?? false) {
                return true
            }
            if !attributes.classAndID.isEmpty,
               ["header", "div", "ul", "ol", "section", "table", "span", "p", "aside", "li"].contains(name) {
                let words = attributes.classAndID.split(whereSeparator: { $0 == " " || $0 == "_" })
                if HTMLDocumentReader.boilerplateMarkers.contains(where: { marker in
                    words.contains { $0.hasPrefix(marker) || $0.hasSuffix(marker) }
                }) {
                    return true
                }
            }
            if name == "header" && !containsH1(node) { return true }
            return false
        }

        static func containsH1(_ node: xmlNodePtr) -> Bool {
            var stack: [xmlNodePtr] = [node]
            var visited = 0
            while let n = stack.popLast(), visited < 10_000 {
                visited += 1
                if n.pointee.type == XML_ELEMENT_NODE, let name = n.pointee.name, strcmp(name, "h1") == 0 { return true }
                var child = n.pointee.children
                while let c = child { stack.append(c); child = c.pointee.next }
            }
            return false
        }

        static func textContent(_ node: xmlNodePtr) -> String {
            guard let value = xmlNodeGetContent(node) else { return "" }
            defer { vanthu_xmlFree(value) }
            return String(cString: value)
        }

        static func collapse(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }).joined(separator: " ")
        }

        /// Appends a text node's bytes, white space collapsed to single spaces.
        mutating func appendText(_ content: UnsafePointer<xmlChar>) {
            var pointer = content
            while pointer.pointee != 0 {
                let byte = pointer.pointee
                pointer += 1
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pendingSpace = true
                } else {
                    if pendingSpace && !current.isEmpty { current.append(0x20) }
                    pendingSpace = false
                    current.append(byte)
                }
            }
        }

        mutating func breakLine() {
            pendingSpace = false
            while let last = current.last, last == 0x20 { current.removeLast() }
            guard !current.isEmpty, current != [UInt8(ascii: "|")] else { current.removeAll(keepingCapacity: true); return }
            if !text.isEmpty { text.append(0x0A) }
            text.append(contentsOf: current)
            current.removeAll(keepingCapacity: true)
        }

        func textString() -> String { String(decoding: text, as: UTF8.self) }

        /// og:title, else h1.
        func headline() -> String? {
            if let ogTitle, !ogTitle.isEmpty { return ogTitle }
            if let h1, !h1.isEmpty { return h1 }
            return nil
        }

        /// The title without a site suffix (" - Site", " | Site").
        func pageTitle() -> String? {
            guard var title = htmlTitle, !title.isEmpty else { return nil }
            for separator in [" | ", " - ", " – ", " :: "] {
                if let range = title.range(of: separator, options: .backwards), title.distance(from: title.startIndex, to: range.lowerBound) > 10 {
                    title = String(title[..<range.lowerBound])
                    break
                }
            }
            return title
        }
    }
}
