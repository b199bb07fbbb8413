import CLibXML2
import Foundation
import VanThuText

/// A web page → its article: the text, the headline and the publication date, without the site's
/// furniture. libxml2 parses the page (NONET, RECOVER, HUGE, no error output) and streams it to
/// the reader (`Stream`; no tree is built, so memory stays near the page's size), which reads it
/// once into lines (one per block) and elements, then, in the spirit of readability,
/// jusText and trafilatura:
/// - scores the containers of prose lines by their length, commas and link density, with class
///   and id words (`HTMLContentHints`) as one signal among several, and takes the best container
///   and those of its siblings that read as the same article;
/// - keeps the lead between the headline and the body, in-body headings, captions and tables, and
///   drops what reads as furniture inside the container: link lists, related lists, tag lists,
///   "Đọc thêm" and ">>" lines, players' `0:00 / 0:00`, date stamps and bylines, author boxes;
/// - finds the headline (a heading or title block that the page's og:title or title names, else
///   og:title, else the h1 next to the article) and the date (a byline next to the headline wins
///   over the page's structured data, which wins over nothing; a legal document's own date wins
///   over the date it was posted). Each says which rule found it.
/// A page with no article (a listing, an error page, a login wall) gives a `failure`.
public struct HTMLDocumentReader: Sendable {
    public struct Result: Sendable {
        public var text: String
        /// The article's headline.
        public var title: String?
        /// Which rule found `title` (`h1=og:title`, `og:title`, `h1` …).
        public var titleRule: String?
        /// The page's title without its site suffix.
        public var pageTitle: String?
        /// The publication date: `YYYY-MM-DD` from a visible line, or as the page's metadata gives it.
        public var published: String?
        /// Which source gave `published` (`byline`, `article:published_time`, `JSON-LD datePublished` …).
        public var dateSource: String?
        public var encoding: String
        /// Why the page holds no article (nil when it does).
        public var failure: String?
    }

    /// Deepest nesting read: past it the page is refused ("nested deeper than …"), not cut.
    package static let maxDepth: UInt32 = 4096

    private static let initialised: Bool = {
        xmlInitParser()
        vanthu_xmlSilence()
        return true
    }()

    /// Whether the page is read from libxml2's tree rather than streamed (`Stream`): the two give
    /// the same result; the tree costs several times the page in memory, so it is kept for tests.
    package let readsTree: Bool

    public init() { readsTree = false }

    package init(readsTree: Bool) { self.readsTree = readsTree }

    /// Parses `bytes` in `encoding` (nil: the page's meta charset decides).
    public func read(_ bytes: [UInt8], encoding: String?) -> Result? {
        bytes.withUnsafeBufferPointer { read($0, encoding: encoding) }
    }

    /// Parses bytes that are valid UTF-8 (the caller checked).
    package func read(validUTF8 bytes: UnsafeBufferPointer<UInt8>) -> Result? { read(bytes, encoding: "UTF-8") }

    package func read(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?) -> Result? {
        _ = Self.initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        if let subset = Self.internalSubset(bytes) {
            // libxml2's HTML parser does not read an internal DTD subset: it would come out as text.
            var copy = Array(bytes)
            for index in subset { copy[index] = 0x20 }
            return copy.withUnsafeBufferPointer { parse($0, encoding: encoding) }
        }
        return parse(bytes, encoding: encoding)
    }

    private func parse(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?) -> Result? {
        readsTree ? parseTree(bytes, encoding: encoding) : stream(bytes, encoding: encoding)
    }

    package static let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                               | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_HUGE.rawValue)

    private func stream(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?) -> Result? {
        let stream = Stream()
        // The page's text is at most about its size: reserved once (pages not touched stay unmapped).
        var events = vanthu_htmlEvents(
            start: { user, name, attributes in
                guard let user, let name else { return }
                Unmanaged<Stream>.fromOpaque(user).takeUnretainedValue().start(name, attributes)
            },
            end: { user in
                guard let user else { return }
                Unmanaged<Stream>.fromOpaque(user).takeUnretainedValue().end()
            },
            text: { user, characters, length, cdata in
                guard let user, let characters else { return }
                Unmanaged<Stream>.fromOpaque(user).takeUnretainedValue().text(characters, Int(length), cdata: cdata != 0)
            },
            other: { user in
                guard let user else { return }
                Unmanaged<Stream>.fromOpaque(user).takeUnretainedValue().other()
            })
        var tooDeep: Int32 = 0
        let user = Unmanaged.passUnretained(stream).toOpaque()
        let read = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            vanthu_htmlStream_read(pointer, Int32(bytes.count), encoding, Self.options, Self.maxDepth, &tooDeep, &events, user)
        }
        guard let read else { return nil }
        let declared = String(cString: read)
        vanthu_xmlFree(read)
        let used = (encoding ?? (declared.isEmpty ? "unknown" : declared)).lowercased()
        if tooDeep != 0 { return Result(text: "", encoding: used, failure: "HTML nested deeper than \(Self.maxDepth) elements") }
        withExtendedLifetime(stream) { stream.finish() }
        var result = stream.page.extract()
        result.encoding = used
        return result
    }

    private func parseTree(_ bytes: UnsafeBufferPointer<UInt8>, encoding: String?) -> Result? {
        let options = Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                            | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
        var tooDeep: Int32 = 0
        let document = bytes.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            vanthu_htmlRead(pointer, Int32(bytes.count), encoding, options, Self.maxDepth, &tooDeep)
        }
        guard let document else { return nil }
        let used = (encoding ?? document.pointee.encoding.map { String(cString: $0) } ?? "unknown").lowercased()
        if tooDeep != 0 {
            xmlFreeDoc(document)
            return Result(text: "", encoding: used, failure: "HTML nested deeper than \(Self.maxDepth) elements")
        }
        var page = Page()
        page.walk(document)
        // The page's lines and elements hold all the rest: the tree goes before they are weighed.
        xmlFreeDoc(document)
        var result = page.extract()
        result.encoding = used
        return result
    }

    /// The bytes of an internal DTD subset (`<!DOCTYPE html [ … ]>`) at the start of a page.
    package static func internalSubset(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        let limit = min(bytes.count, 1 << 16)
        var index = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3 }
        while index < limit, bytes[index] <= 0x20 { index += 1 }
        let doctype = Array("<!doctype".utf8)
        guard index + doctype.count < limit,
              zip(bytes[index..<(index + doctype.count)], doctype).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { return nil }
        var cursor = index + doctype.count
        var quote: UInt8 = 0
        while cursor < limit {
            let byte = bytes[cursor]
            if quote != 0 {
                if byte == quote { quote = 0 }
            } else if byte == 0x22 || byte == 0x27 {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return nil
            } else if byte == UInt8(ascii: "[") {
                // The subset ends at "]" followed (after spaces) by ">".
                var end = cursor + 1
                while end < bytes.count {
                    if bytes[end] == UInt8(ascii: "]") {
                        var after = end + 1
                        while after < bytes.count, bytes[after] <= 0x20 { after += 1 }
                        if after < bytes.count, bytes[after] == UInt8(ascii: ">") { return cursor..<(end + 1) }
                    }
                    end += 1
                }
                return cursor..<bytes.count
            }
            cursor += 1
        }
        return nil
    }

    /// The title without a site suffix (" - Site", " | Site"): up to the last separator with more
    /// than 10 characters before it, trying each separator in turn.
    package static func withoutSiteSuffix(_ title: String) -> String {
        for separator in titleSeparators {
            if let range = title.range(of: separator, options: .backwards), title.distance(from: title.startIndex, to: range.lowerBound) > 10 {
                return String(title[..<range.lowerBound])
            }
        }
        return title
    }

    package static let titleSeparators = [" | ", " - ", " – ", " :: ", " — "]
}

// MARK: - The page as lines and elements

extension HTMLDocumentReader {
    /// What an element means to the reader.
    package struct Kind: OptionSet {
        package let rawValue: UInt32
        package init(rawValue: UInt32) { self.rawValue = rawValue }
        package static let skipped = Kind(rawValue: 1 << 0)
        package static let block = Kind(rawValue: 1 << 1)
        package static let cell = Kind(rawValue: 1 << 2)
        package static let lineBreak = Kind(rawValue: 1 << 3)
        package static let link = Kind(rawValue: 1 << 4)
        package static let heading = Kind(rawValue: 1 << 5)
        package static let meta = Kind(rawValue: 1 << 6)
        package static let title = Kind(rawValue: 1 << 7)
        package static let script = Kind(rawValue: 1 << 8)
        package static let time = Kind(rawValue: 1 << 9)
        package static let head = Kind(rawValue: 1 << 10)
        /// Layout furniture by its tag (footer, aside, form controls' containers …): a hint only.
        package static let furnitureTag = Kind(rawValue: 1 << 11)
        package static let list = Kind(rawValue: 1 << 12)
        package static let division = Kind(rawValue: 1 << 13)
        package static let table = Kind(rawValue: 1 << 14)
        package static let articleTag = Kind(rawValue: 1 << 15)

        package static let table_: [String: Kind] = {
            var kinds: [String: Kind] = [:]
            func add(_ names: [String], _ kind: Kind) { for name in names { kinds[name, default: []].insert(kind) } }
            add(["script", "style", "noscript", "template", "svg", "iframe", "select", "option", "button", "input",
                 "textarea", "object", "embed", "canvas", "nav", "menu", "video", "audio", "map", "math", "datalist",
                 "dialog", "frameset", "frame", "applet", "link", "base", "label"], .skipped)
            add(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "blockquote",
                 "pre", "dd", "dt", "ul", "ol", "figure", "figcaption", "header", "main", "hr", "address", "center", "dl",
                 "tbody", "thead", "tfoot", "caption", "footer", "aside", "form", "fieldset", "legend", "details", "summary",
                 "body", "html"], .block)
            add(["td", "th"], .cell)
            add(["br", "hr"], .lineBreak)
            add(["a"], .link)
            add(["h1", "h2", "h3", "h4", "h5", "h6"], .heading)
            add(["meta"], .meta)
            add(["title"], .title)
            add(["script"], .script)
            add(["time"], .time)
            add(["head"], .head)
            add(["footer", "aside", "header"], .furnitureTag)
            add(["ul", "ol", "dl", "li"], .list)
            add(["div", "main", "section"], .division)
            add(["table", "td", "tbody", "tr"], .table)
            add(["article"], .articleTag)
            return kinds
        }()

        /// Names of up to 8 bytes packed into an integer (lower-cased); longer ones by string.
        package static let packed: [UInt64: Kind] = {
            var packed: [UInt64: Kind] = [:]
            for (name, kind) in table_ where name.utf8.count <= 8 { packed[pack(Array(name.utf8))] = kind }
            return packed
        }()

        package static func pack(_ bytes: [UInt8]) -> UInt64 { bytes.reduce(0) { $0 << 8 | UInt64($1) } }

        package static func of(_ name: UnsafePointer<xmlChar>) -> Kind {
            var key: UInt64 = 0
            var length = 0
            while name[length] != 0 {
                if length == 8 {
                    return table_[String(cString: name).lowercased()] ?? []
                }
                let byte = name[length]
                key = key << 8 | UInt64(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                length += 1
            }
            return packed[key] ?? []
        }
    }

    package struct Element {
        package var parent: Int32
        package var kind: Kind
        /// +2 strong content word, +1 content word, -1 furniture word, 0 none (class and id).
        package var weight: Int8
        package var headingLevel: UInt8
        /// Its class or id says it is a title (`title`, `tieude`, `headline`).
        package var titled: Bool
        package var chars: Int32 = 0
        package var linkChars: Int32 = 0
        package var score: Float = 0
        package var firstLine: Int32
        package var endLine: Int32 = 0
        /// Index after its last descendant.
        package var end: Int32 = 0

        package var linkDensity: Float { chars == 0 ? 0 : Float(linkChars) / Float(chars) }
    }

    package struct Line {
        package var start: Int
        package var end: Int
        /// The innermost block element it was read in.
        package var element: Int32
        package var chars: Int32
        package var linkChars: Int32
        package var commas: Int32
        package var headingLevel: UInt8
        /// Read in an element whose class or id says title.
        package var titled: Bool

        package var linkDensity: Float { chars == 0 ? 0 : Float(linkChars) / Float(chars) }
    }

    /// The page read once: its lines and elements, and the metadata it declares.
    package struct Page {
        package var elements: [Element] = []
        package var lines: [Line] = []
        /// The page's text: `sealed` chunks of about `chunkSize` bytes, then `text` from `base` on
        /// (a line never spans two), so that the article can be written out while they are let go.
        /// Offsets (`Line.start`, `lineStart` …) count from the start of the whole text.
        package var text: [UInt8] = []
        package var base = 0
        package var sealed: [[UInt8]] = []
        package var sealedBases: [Int] = []
        package static let chunkSize = 1 << 20
        /// The length of the whole text.
        package var textCount: Int { base + text.count }
        /// Where the line being read begins in `text`, and its counts.
        package var lineStart = 0
        package var lineChars: Int32 = 0
        package var lineLinkChars: Int32 = 0
        package var lineCommas: Int32 = 0
        package var lineElement: Int32 = -1
        package var pendingSpace = false
        package var linkDepth = 0
        package var headingLevel: UInt8 = 0
        /// Stack of open element indices; the innermost open block element.
        package var open: [Int32] = []
        package var blocks: [Int32] = []
        package var cellOpenInLine = false

        // Metadata.
        package var meta: [String: String] = [:]
        package var htmlTitle: String?
        package var jsonLD: [String] = []
        /// `<time datetime>` and itemprop=datePublished values, with the line index where they stand.
        package var times: [(value: String, line: Int, itemprop: Bool)] = []
        package var itempropHeadline: String?
        /// The weight of each class and id value met.
        package var weights: [String: Int] = [:]

        // MARK: walking

        package mutating func walk(_ document: htmlDocPtr) {
            var node = document.pointee.children
            while let current = node {
                var descend = false
                switch current.pointee.type {
                case XML_ELEMENT_NODE:
                    descend = enter(current)
                case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                    if let content = current.pointee.content { append(content) }
                default:
                    break
                }
                if descend, let child = current.pointee.children {
                    node = child
                    continue
                }
                if descend { leave() }
                // Up until a next sibling.
                var up: xmlNodePtr? = current
                node = nil
                while let at = up {
                    if let next = at.pointee.next {
                        node = next
                        break
                    }
                    guard let parent = at.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { break }
                    leave()
                    up = parent
                }
            }
            while !open.isEmpty { leave() }
            flush()
        }

        /// Opens an element; false when its content is not read (skipped, or metadata read here).
        package mutating func enter(_ node: xmlNodePtr) -> Bool {
            guard let name = node.pointee.name else { return false }
            var kind = Kind.of(name)
            if kind.contains(.meta) { readMeta(node); return false }
            if kind.contains(.title) {
                if htmlTitle == nil { htmlTitle = Self.collapse(Self.textContent(node)) }
                return false
            }
            if kind.contains(.script) {
                if let type = Self.attribute(node, "type"), HTMLContentHints.contains(type.lowercased(), "ld+json") {
                    jsonLD.append(Self.textContent(node))
                }
                return false
            }
            if kind.contains(.head) {
                // Only its metadata: titles, meta tags, JSON-LD.
                var child = node.pointee.children
                while let at = child {
                    if at.pointee.type == XML_ELEMENT_NODE { _ = enterHeadChild(at) }
                    child = at.pointee.next
                }
                return false
            }
            if kind.contains(.skipped) { return false }
            var attributes = HTMLElementAttributes()
            var property = node.pointee.properties
            while let attribute = property {
                if let attributeName = attribute.pointee.name {
                    attributes.take(Self.attributeKey(attributeName)) { Self.value(attribute) }
                }
                property = attribute.pointee.next
            }
            let classes = attributes.classes, itemprop = attributes.itemprop, datetime = attributes.datetime
            if attributes.hidden { return false }
            // A layout cell (one that holds blocks) is a block; a data cell is part of its row's line.
            if kind.contains(.cell), Self.holdsBlocks(node) { kind.insert(.block) }
            if kind.contains(.block) || kind.contains(.lineBreak) { flush() }
            if kind.contains(.cell), !kind.contains(.block), !lineIsEmpty {
                // Cells of a row on one line.
                appendRaw(Array(" |".utf8))
                pendingSpace = true
            }
            if let itemprop {
                if itemprop == "datepublished" { times.append((datetime ?? Self.collapse(Self.textContent(node)), lines.count, true)) }
                if itemprop == "headline", itempropHeadline == nil { itempropHeadline = Self.collapse(Self.textContent(node)) }
            }
            if kind.contains(.time), let datetime { times.append((datetime, lines.count, false)) }
            let lowered = classes.isEmpty ? "" : classes.lowercased()
            let weight = HTMLContentHints.weight(lowered, cache: &weights)
            var level: UInt8 = 0
            if kind.contains(.heading) { level = name[1] &- 0x30 }
            let titled = HTMLContentHints.namesTitle(lowered)
            let index = Int32(elements.count)
            elements.append(Element(parent: open.last ?? -1, kind: kind, weight: Int8(weight), headingLevel: level, titled: titled,
                                    firstLine: Int32(lines.count)))
            open.append(index)
            if kind.contains(.block) { blocks.append(index) }
            if kind.contains(.link) { linkDepth += 1 }
            if level > 0 { headingLevel = level }
            if titled { titledDepth += 1 }
            return true
        }

        /// Whether an element holds a block element or a line break (among its first 200 nodes).
        package static func holdsBlocks(_ node: xmlNodePtr) -> Bool {
            var seen = 0
            var stack: [xmlNodePtr] = []
            var child = node.pointee.children
            while seen < 200 {
                guard let current = child ?? stack.popLast() else { return false }
                child = nil
                seen += 1
                if current.pointee.type == XML_ELEMENT_NODE, let name = current.pointee.name {
                    let kind = Kind.of(name)
                    if kind.contains(.block) || kind.contains(.lineBreak) { return true }
                    if let next = current.pointee.next { stack.append(next) }
                    child = current.pointee.children
                } else {
                    child = current.pointee.next
                }
            }
            return false
        }

        package mutating func enterHeadChild(_ node: xmlNodePtr) -> Bool {
            guard let name = node.pointee.name else { return false }
            let kind = Kind.of(name)
            if kind.contains(.meta) { readMeta(node) }
            if kind.contains(.title), htmlTitle == nil { htmlTitle = Self.collapse(Self.textContent(node)) }
            if kind.contains(.script), let type = Self.attribute(node, "type"), HTMLContentHints.contains(type.lowercased(), "ld+json") {
                jsonLD.append(Self.textContent(node))
            }
            return false
        }

        package mutating func leave() {
            guard let index = open.popLast() else { return }
            let element = elements[Int(index)]
            if element.kind.contains(.block) {
                flush()
                blocks.removeLast()
            }
            if element.kind.contains(.link) { linkDepth -= 1 }
            if element.headingLevel > 0 { headingLevel = 0 }
            if element.titled { titledDepth -= 1 }
            elements[Int(index)].endLine = Int32(lines.count)
            elements[Int(index)].end = Int32(elements.count)
            if element.parent >= 0 {
                elements[Int(element.parent)].chars += elements[Int(index)].chars
                elements[Int(element.parent)].linkChars += elements[Int(index)].linkChars
            }
        }

        /// The attribute names the reader reads, lower-cased; "" for any other.
        package static func attributeKey(_ name: UnsafePointer<xmlChar>) -> String {
            var length = 0
            while name[length] != 0 {
                length += 1
                if length > 12 { return "" }
            }
            for key in attributeKeys where key.count == length {
                var same = true
                for index in 0..<length where name[index] | 0x20 != key[index] {
                    same = false
                    break
                }
                if same { return String(decoding: key, as: UTF8.self) }
            }
            return ""
        }

        package static let attributeKeys = ["class", "id", "hidden", "style", "itemprop", "datetime", "content", "aria-hidden", "property", "name", "type"]
            .map { Array($0.utf8) }

        package mutating func readMeta(_ node: xmlNodePtr) {
            var key: String?
            var content: String?
            var property = node.pointee.properties
            while let attribute = property {
                if let attributeName = attribute.pointee.name {
                    switch Self.attributeKey(attributeName) {
                    case "property", "name", "itemprop": if key == nil || key == "" { key = Self.value(attribute).lowercased() }
                    case "content": content = Self.value(attribute)
                    default: break
                    }
                }
                property = attribute.pointee.next
            }
            guard let key, let content, !key.isEmpty else { return }
            let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { return }
            if meta[key] == nil { meta[key] = value }
            if key == "datepublished" { times.append((value, lines.count, true)) }
        }

        package static func value(_ attribute: xmlAttrPtr) -> String {
            guard let child = attribute.pointee.children, let content = child.pointee.content else { return "" }
            return String(cString: content)
        }

        package static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
            var property = node.pointee.properties
            while let attribute = property {
                if let attributeName = attribute.pointee.name, attributeKey(attributeName) == name { return value(attribute) }
                property = attribute.pointee.next
            }
            return nil
        }

        package static func textContent(_ node: xmlNodePtr) -> String {
            guard let content = xmlNodeGetContent(node) else { return "" }
            defer { vanthu_xmlFree(content) }
            return String(cString: content)
        }

        // MARK: text

        package var lineIsEmpty: Bool { textCount == lineStart }

        package mutating func appendRaw(_ bytes: [UInt8]) {
            if lineIsEmpty, lineElement < 0 { lineElement = blocks.last ?? -1 }
            text.append(contentsOf: bytes)
        }

        /// Appends a text node's bytes, white space (and no-break spaces) collapsed.
        package mutating func append(_ content: UnsafePointer<xmlChar>) {
            var length = 0
            while content[length] != 0 { length += 1 }
            append(UnsafeBufferPointer(start: content, count: length))
        }

        package mutating func append(_ content: UnsafeBufferPointer<UInt8>) {
            var index = 0
            var chars: Int32 = 0
            var commas: Int32 = 0
            let count = content.count
            /// The length of the white space (a no-break space is two bytes) at `at`, 0 for none.
            func space(at at: Int) -> Int {
                let byte = content[at]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C { return 1 }
                return byte == 0xC2 && at + 1 < count && content[at + 1] == 0xA0 ? 2 : 0
            }
            while index < count {
                let spaces = space(at: index)
                if spaces > 0 {
                    pendingSpace = true
                    index += spaces
                    continue
                }
                // A word: its bytes counted, then copied at once.
                var end = index
                repeat {
                    let byte = content[end]
                    if byte & 0xC0 != 0x80 { chars += 1 }
                    if byte == UInt8(ascii: ",") { commas += 1 }
                    end += 1
                } while end < count && space(at: end) == 0
                if lineIsEmpty {
                    if lineElement < 0 { lineElement = blocks.last ?? -1 }
                } else if pendingSpace {
                    text.append(0x20)
                }
                pendingSpace = false
                text.append(contentsOf: UnsafeBufferPointer(rebasing: content[index..<end]))
                index = end
            }
            guard chars > 0 else { return }
            lineChars += chars
            lineCommas += commas
            if linkDepth > 0 { lineLinkChars += chars }
            if let owner = open.last {
                elements[Int(owner)].chars += chars
                if linkDepth > 0 { elements[Int(owner)].linkChars += chars }
            }
            if headingLevel > 0 {
                lineHeading = max(lineHeading, headingLevel)
                cellHeading = max(cellHeading, headingLevel)
            }
            if titledDepth > 0 {
                lineTitled = true
                cellTitled = true
            }
        }
        /// The heading level and title flag of the text read since a table cell opened (`Stream`).
        package var cellHeading: UInt8 = 0
        package var cellTitled = false
        package var lineHeading: UInt8 = 0
        package var lineTitled = false
        package var titledDepth = 0

        /// Ends the line being read; a line of nothing but cell separators is dropped.
        package mutating func flush() {
            pendingSpace = false
            if lineChars > 0 {
                lines.append(Line(start: lineStart, end: textCount, element: lineElement, chars: lineChars, linkChars: lineLinkChars,
                                  commas: lineCommas, headingLevel: lineHeading, titled: lineTitled))
                text.append(0x0A)
            } else {
                text.removeSubrange((lineStart - base)...)
            }
            if text.count >= Self.chunkSize { seal() }
            lineStart = textCount
            lineChars = 0
            lineLinkChars = 0
            lineCommas = 0
            lineElement = -1
            lineHeading = 0
            lineTitled = false
        }

        /// Ends the chunk being written (at a line's end); the next begins where it ends.
        package mutating func seal() {
            sealed.append(text)
            sealedBases.append(base)
            base += text.count
            text = []
            text.reserveCapacity(Self.chunkSize + Self.chunkSize / 4)
        }

        /// The chunk that holds offset `offset` (`sealed.count`: `text`).
        package func chunk(_ offset: Int) -> Int {
            if offset >= base { return sealed.count }
            var low = 0
            var high = sealed.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if sealedBases[middle] <= offset { low = middle } else { high = middle - 1 }
            }
            return low
        }

        /// Calls `body` with the bytes of `range` (within one line).
        package func withBytes<R>(_ range: Range<Int>, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
            let index = chunk(range.lowerBound)
            let (bytes, start) = index == sealed.count ? (text, base) : (sealed[index], sealedBases[index])
            return bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[(range.lowerBound - start)..<(range.upperBound - start)])) }
        }

        package func string(_ line: Line) -> String {
            withBytes(bytes(line)) { UTF8Validation.repairingString($0) }
        }

        /// Where a line's text lies, without a leading cell separator.
        package func bytes(_ line: Line) -> Range<Int> {
            withBytes(line.start..<line.end) { text in
                var start = 0
                let end = text.count
                // A line that began with a cell separator.
                if end > 0, text[start] == UInt8(ascii: " "), end - start > 2, text[start + 1] == UInt8(ascii: "|") { start += 2 }
                while start < end, text[start] == UInt8(ascii: " ") || text[start] == UInt8(ascii: "|") { start += 1 }
                return (line.start + start)..<line.end
            }
        }

        package static func collapse(_ text: String) -> String {
            text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" || $0 == "\r\n" })
                .joined(separator: " ")
        }
    }
}
