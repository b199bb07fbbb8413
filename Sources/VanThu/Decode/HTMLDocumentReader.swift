import CLibXML2
import Foundation

/// HTML → text with paragraph breaks, through libxml2's HTML parser (NONET | RECOVER | NOERROR |
/// NOWARNING). Scripts, styles, navigation, menus, headers, footers, forms, share bars, comments,
/// related-article lists and counters are left out; the page's title (og:title, h1, title without
/// the site suffix) and publication date (article:published_time, datePublished, time) are kept
/// as hints for the extractors.
///
/// The parser is used as a stream (SAX): no tree is built. Its callbacks keep a stack of the open
/// elements and append text bytes as they come, and give what a walk over libxml2's tree gives:
/// - a `header` is kept only if it holds an h1 (among its first 10,000 nodes, as the walk looked),
///   which is known at its end: its text and hints are taken back then if it holds none;
/// - the head's titles and dates are read as the walk read them, children from the last, the first
///   found winning: the last in the page wins, unless an element holding it was found first;
/// - libxml2's tree builder stops a page nested deeper than `xmlParserMaxDepth` elements (256), so
///   the stream stops there too.
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

    /// Elements whose class or id can mark them as boilerplate.
    static let classCheckedElements: Set<String> = ["header", "div", "ul", "ol", "section", "table", "span", "p", "aside", "li"]

    /// class or id words (lower case) that mark boilerplate containers.
    static let boilerplateMarkers: [String] = [
        "menu", "navbar", "breadcrumb", "footer", "sidebar", "share", "social", "comment", "related", "lienquan",
        "lien-quan", "tinkhac", "tin-khac", "counter", "visitor", "thongke", "thong-ke", "login", "dangnhap",
        "banner", "advert", "quangcao", "quang-cao", "pagination", "paging", "tags", "toolbar", "ribbon", "s4-",
        "ms-formtable", "topbar", "top-bar", "copyright", "cookie", "popup", "modal",
    ]
    static let markerBytes: [[UInt8]] = boilerplateMarkers.map { Array($0.utf8) }

    /// meta names and properties that give the publication date.
    static let dateProperties: Set<String> = ["article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date.issued"]

    /// Nodes of a header searched for an h1.
    static let headerSearchLimit = 10_000

    private static let initialised: Bool = {
        xmlInitParser()
        vanthu_xmlSilence()
        return true
    }()

    public init() {}

    /// Parses `bytes`. `encoding` is what the caller decided ("UTF-8" for valid UTF-8), or nil to let
    /// the page's meta charset decide.
    public func read(_ bytes: [UInt8], encoding: String?) -> Result? {
        bytes.withUnsafeBufferPointer { buffer in
            if encoding == "UTF-8", UTF8Validation.isValid(buffer) { return read(validUTF8: buffer) }
            return read(buffer, converting: encoding)
        }
    }

    /// Parses bytes that are valid UTF-8 (the caller checked), as `read(_:encoding: "UTF-8")` does.
    /// libxml2 reads UTF-8 natively: it takes the page in chunks from where it is, holding only a
    /// few kilobytes of it at a time, and the input's encoding is named so that a meta charset
    /// cannot switch it. Only where libxml2 would itself switch (a byte order mark, or NULs among
    /// the first four bytes, which it takes for UTF-16 or UCS-4) is the page given whole to the UTF-8
    /// converter instead, which is what made the result UTF-8 in those cases.
    ///
    /// Long runs of plain text reach libxml2 as stand-ins (`HTMLStandIns`), unless `standIns` is
    /// false or the page could be mistaken for one.
    func read(validUTF8 bytes: UnsafeBufferPointer<UInt8>, standIns: Bool = true) -> Result? {
        _ = Self.initialised
        guard !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        let start = bytes.prefix(4)
        if start.contains(0) || start.starts(with: [0xEF, 0xBB, 0xBF]) { return read(bytes, converting: "UTF-8") }
        let standIns = standIns && HTMLStandIns.canStandIn(bytes)
        var source = HTMLStandIns.Source(bytes, standIns: standIns)
        return withUnsafeMutablePointer(to: &source) { source in
            // What xmlCreateMemoryParserCtxt makes, reading from `source` instead of a copy.
            guard let context = xmlCreateIOParserCtxt(nil, nil, Self.readChunk, nil, source, XML_CHAR_ENCODING_NONE) else { return nil }
            defer { htmlFreeParserCtxt(context) }
            guard let input = context.pointee.input else { return nil }
            input.pointee.encoding = UnsafePointer(xmlCharStrdup("UTF-8"))
            return Self.parse(context, encoding: "UTF-8", switching: false, size: bytes.count,
                              expander: standIns ? HTMLStandIns.Expander(page: bytes) : nil)
        }
    }

    /// libxml2's read callback: fills its buffer from the page (an `HTMLStandIns.Source`).
    private static let readChunk: xmlInputReadCallback = { context, buffer, length in
        guard let context, let buffer, length > 0 else { return 0 }
        let source = context.assumingMemoryBound(to: HTMLStandIns.Source.self)
        return Int32(source.pointee.fill(UnsafeMutableRawPointer(buffer).assumingMemoryBound(to: UInt8.self), capacity: Int(length)))
    }

    /// Parses a copy of the bytes in memory, switched to `encoding` (the converter makes a second
    /// copy), or in the encoding the page's meta charset names when it is nil or unknown.
    private func read(_ bytes: UnsafeBufferPointer<UInt8>, converting encoding: String?) -> Result? {
        _ = Self.initialised
        guard let base = bytes.baseAddress, !bytes.isEmpty, bytes.count < Int(Int32.max) else { return nil }
        return base.withMemoryRebound(to: CChar.self, capacity: bytes.count) { pointer in
            // The context htmlReadMemory makes (an XML one, which reads UTF-8 until told otherwise).
            guard let context = xmlCreateMemoryParserCtxt(pointer, Int32(bytes.count)) else { return nil }
            defer { htmlFreeParserCtxt(context) }
            return Self.parse(context, encoding: encoding, switching: true, size: bytes.count)
        }
    }

    /// Runs the parser over its input with a `Collector` behind the callbacks, set up as
    /// `htmlReadMemory` sets up its tree builder (switching to `encoding` when asked).
    private static func parse(_ context: htmlParserCtxtPtr, encoding: String?, switching: Bool, size: Int,
                              expander: HTMLStandIns.Expander? = nil) -> Result? {
        context.pointee.sax.pointee = Collector.handler
        htmlCtxtUseOptions(context, Int32(HTML_PARSE_NONET.rawValue | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue
                                          | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_COMPACT.rawValue))
        if switching, let encoding, let handler = xmlFindCharEncodingHandler(encoding), let input = context.pointee.input {
            // The caller's encoding, not the page's meta charset.
            xmlSwitchToEncoding(context, handler)
            if let old = input.pointee.encoding { vanthu_xmlFree(UnsafeMutableRawPointer(mutating: old)) }
            input.pointee.encoding = UnsafePointer(xmlCharStrdup(encoding))
        }
        let collector = UnsafeMutablePointer<Collector>.allocate(capacity: 1)
        // The text is shorter than the page (room that is not written to takes no memory).
        collector.initialize(to: Collector(context: context, capacity: size, expander: expander))
        defer {
            collector.deinitialize(count: 1)
            collector.deallocate()
        }
        context.pointee.userData = UnsafeMutableRawPointer(collector)
        htmlParseDocument(context)
        guard collector.pointee.started else { return nil }
        collector.pointee.finish()
        let page = collector.pointee
        let usedEncoding = encoding ?? Self.documentEncoding(context) ?? "unknown"
        // libxml2 gives UTF-8, checked piece by piece as it came (what is not is repaired, as
        // String(decoding:) did): the text is copied into the string as it is.
        let text = page.text.withUnsafeBufferPointer { text in
            page.textIsValid ? UTF8Validation.knownValidString(text) : UTF8Validation.repairingString(text)
        }
        return Result(text: text, title: page.headline(), pageTitle: page.pageTitle(),
                      published: page.published, encoding: usedEncoding.lowercased())
    }

    /// The encoding libxml2 gives a document it builds: the one it switched to, else its input's.
    private static func documentEncoding(_ context: htmlParserCtxtPtr) -> String? {
        if let encoding = context.pointee.encoding { return String(cString: encoding) }
        if context.pointee.inputNr > 0, let input = context.pointee.inputTab?[0], let encoding = input.pointee.encoding {
            return String(cString: encoding)
        }
        return nil
    }

    /// What an element means to the reader, looked up by its name without making a string.
    struct ElementKind: OptionSet {
        let rawValue: UInt16
        static let skipped = ElementKind(rawValue: 1)
        static let block = ElementKind(rawValue: 2)
        static let cell = ElementKind(rawValue: 4)
        static let lineBreak = ElementKind(rawValue: 8)
        static let head = ElementKind(rawValue: 16)
        static let title = ElementKind(rawValue: 32)
        static let h1 = ElementKind(rawValue: 64)
        static let header = ElementKind(rawValue: 128)
        static let meta = ElementKind(rawValue: 256)
        static let time = ElementKind(rawValue: 512)
        /// Its class and id can mark it as boilerplate.
        static let classChecked = ElementKind(rawValue: 1024)
        /// Read even without attributes (its text or content matters).
        static let inspected: ElementKind = [.title, .h1, .header, .meta, .time]

        /// Names of up to 8 bytes packed into an integer, in an open-addressing table (slot: the
        /// key's multiplicative hash, then the next free one).
        private static let table: (keys: [UInt64], kinds: [ElementKind]) = {
            var kinds: [UInt64: ElementKind] = [:]
            func add(_ names: Set<String>, _ kind: ElementKind) {
                for name in names { if let key = pack(name.utf8) { kinds[key, default: []].insert(kind) } }
            }
            add(HTMLDocumentReader.skippedElements.subtracting(["head"]), .skipped)
            add(HTMLDocumentReader.blockElements, .block)
            add(["td", "th"], .cell)
            add(["br"], .lineBreak)
            add(["head"], .head)
            add(["title"], .title)
            add(["h1"], .h1)
            add(["header"], .header)
            add(["meta"], .meta)
            add(["time"], .time)
            add(HTMLDocumentReader.classCheckedElements, .classChecked)
            var table = (keys: [UInt64](repeating: 0, count: slotCount), kinds: [ElementKind](repeating: [], count: slotCount))
            for (key, kind) in kinds {
                var slot = Self.slot(key)
                while table.keys[slot] != 0 { slot = (slot + 1) % slotCount }
                table.keys[slot] = key
                table.kinds[slot] = kind
            }
            return table
        }()
        private static let slotCount = 256
        private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

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

        static func of(_ name: UnsafePointer<xmlChar>) -> ElementKind {
            var key: UInt64 = 0
            var length = 0
            while name[length] != 0 {
                if length == 8 { return longNames[String(cString: name)] ?? [] }
                key = key << 8 | UInt64(name[length])
                length += 1
            }
            guard key != 0 else { return [] }
            let table = Self.table
            var slot = Self.slot(key)
            while true {
                let found = table.keys[slot]
                if found == key { return table.kinds[slot] }
                if found == 0 { return [] }
                slot = (slot + 1) % slotCount
            }
        }

        static func isH1(_ name: UnsafePointer<xmlChar>) -> Bool {
            name[0] == UInt8(ascii: "h") && name[1] == UInt8(ascii: "1") && name[2] == 0
        }
    }

    /// The attributes the reader looks at, found in one pass over libxml2's list of names and
    /// values, as positions in it (-1: absent). Values are made strings only where they are kept.
    struct Attributes {
        let list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?
        /// Puts back the runs of values that hold stand-ins.
        let expander: HTMLStandIns.Expander?
        var classAttribute = -1
        var id = -1
        var style = -1
        var hidden = false
        var itemprop = -1
        /// property, else name (the last of the two).
        var property = -1
        var content = -1
        var datetime = -1

        private static let keys = (class: ElementKind.pack("class".utf8)!, id: ElementKind.pack("id".utf8)!,
                                   style: ElementKind.pack("style".utf8)!, hidden: ElementKind.pack("hidden".utf8)!,
                                   itemprop: ElementKind.pack("itemprop".utf8)!, property: ElementKind.pack("property".utf8)!,
                                   name: ElementKind.pack("name".utf8)!, content: ElementKind.pack("content".utf8)!,
                                   datetime: ElementKind.pack("datetime".utf8)!)

        init(_ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, expander: HTMLStandIns.Expander?) {
            self.list = list
            self.expander = expander
            guard let list else { return }
            var index = 0
            while let name = list[index] {
                defer { index += 2 }
                var key: UInt64 = 0
                var length = 0
                while name[length] != 0, length < 9 {
                    key = key << 8 | UInt64(name[length])
                    length += 1
                }
                guard length <= 8 else { continue }
                switch key {
                case Self.keys.class: classAttribute = index
                case Self.keys.id: id = index
                case Self.keys.style: style = index
                case Self.keys.hidden: hidden = true
                case Self.keys.itemprop: itemprop = index
                case Self.keys.property, Self.keys.name: property = index
                case Self.keys.content: content = index
                case Self.keys.datetime: datetime = index
                default: break
                }
            }
        }

        /// An attribute's value; an attribute without one reads as "".
        func string(_ position: Int) -> String? {
            guard position >= 0, let list else { return nil }
            guard let value = list[position + 1] else { return "" }
            if let expander, strchr(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self), Int32(HTMLStandIns.lead.0)) != nil {
                return String(decoding: expander.expanded(value), as: UTF8.self)
            }
            return String(cString: value)
        }

        func lowercased(_ position: Int) -> String? { string(position)?.lowercased() }

        /// The value's bytes, if they are all ASCII ("" for an attribute without one).
        func asciiValue(_ position: Int) -> UnsafeBufferPointer<UInt8>? {
            guard let list, let value = list[position + 1] else { return UnsafeBufferPointer(start: nil, count: 0) }
            var length = 0
            while value[length] != 0 {
                if value[length] >= 0x80 { return nil }
                length += 1
            }
            return UnsafeBufferPointer(start: value, count: length)
        }

        /// Hidden, or styled display:none.
        var hide: Bool {
            if hidden { return true }
            guard style >= 0 else { return false }
            guard let value = asciiValue(style) else {
                return string(style)!.replacingOccurrences(of: " ", with: "").contains("display:none")
            }
            // "display:none" with spaces left out; its first letter occurs once in it, so a
            // mismatch can only restart a match there.
            let target = Array("display:none".utf8)
            var matched = 0
            for byte in value where byte != 0x20 {
                if byte == target[matched] {
                    matched += 1
                    if matched == target.count { return true }
                } else {
                    matched = byte == target[0] ? 1 : 0
                }
            }
            return false
        }

        /// A word of the class or id (split at spaces and underscores, lower case) begins or ends
        /// with a boilerplate marker.
        var marksBoilerplate: Bool {
            // The two attributes in their order, the first present one first.
            var positions = (Swift.min(classAttribute, id), Swift.max(classAttribute, id))
            if positions.0 < 0 { positions = (positions.1, -1) }
            let empty = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
            guard positions.0 >= 0, let first = asciiValue(positions.0), let second = positions.1 < 0 ? empty : asciiValue(positions.1) else {
                // Not ASCII: compared as Swift strings, as always.
                let classAndID = [positions.0, positions.1].filter { $0 >= 0 }.map { " " + lowercased($0)! }.joined()
                let words = classAndID.split(whereSeparator: { $0 == " " || $0 == "_" })
                return HTMLDocumentReader.boilerplateMarkers.contains { marker in
                    words.contains { $0.hasPrefix(marker) || $0.hasSuffix(marker) }
                }
            }
            return Self.hasMarkedWord(first) || Self.hasMarkedWord(second)
        }

        /// Whether a word of an ASCII value (split at spaces and underscores) is marked.
        private static func hasMarkedWord(_ value: UnsafeBufferPointer<UInt8>) -> Bool {
            var start = 0
            while start < value.count {
                var end = start
                while end < value.count, value[end] != 0x20, value[end] != UInt8(ascii: "_") { end += 1 }
                if end > start, marks(UnsafeBufferPointer(rebasing: value[start..<end])) { return true }
                start = end + 1
            }
            return false
        }

        /// Whether an ASCII word, in lower case, begins or ends with a marker.
        private static func marks(_ word: UnsafeBufferPointer<UInt8>) -> Bool {
            func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
            for marker in HTMLDocumentReader.markerBytes where marker.count <= word.count {
                var prefix = true
                var suffix = true
                let offset = word.count - marker.count
                for k in 0..<marker.count {
                    if prefix && lower(word[k]) != marker[k] { prefix = false }
                    if suffix && lower(word[offset + k]) != marker[k] { suffix = false }
                    if !prefix && !suffix { break }
                }
                if prefix || suffix { return true }
            }
            return false
        }
    }

    /// The state behind the parser's callbacks: the stack of open elements and the text and hints
    /// collected so far.
    struct Collector {
        /// What closing an element does.
        struct Ends: OptionSet {
            let rawValue: UInt8
            /// Ends a line of text.
            static let lineBreak = Ends(rawValue: 1)
            /// Ends a subtree whose text is not kept.
            static let skipped = Ends(rawValue: 2)
            static let head = Ends(rawValue: 4)
            /// Ends the text read for the title or the h1.
            static let titleText = Ends(rawValue: 8)
            static let h1Text = Ends(rawValue: 16)
            /// Decides whether a header is kept.
            static let header = Ends(rawValue: 32)
            /// Ends the head element whose date was read.
            static let headDate = Ends(rawValue: 64)
            /// Ends an h1 inside a header.
            static let h1 = Ends(rawValue: 128)
        }

        /// The node libxml2's tree builder would have added last to an element: text that comes
        /// after text goes into the same node, as CDATA after CDATA does.
        enum LastChild: UInt8 { case other, text, cdata }

        struct Frame {
            var ends: Ends
            var lastChild = LastChild.other
        }

        /// A header whose text is kept until its end tells whether it holds an h1, with what to
        /// restore if it does not.
        struct PendingHeader {
            var depth: Int
            /// The least depth − nodes-after-its-end of the h1s found in it (the order in which a
            /// tree walk would visit them follows from it).
            var h1Key = Int.max
            var lineStart: Int
            var line: [UInt8]
            var pendingSpace: Bool
            var ogTitle, h1, htmlTitle, published: String?
            var titleClaimed, h1Claimed: Bool
        }

        /// Hints read in the head, where the last found wins unless an element holding it was
        /// found first.
        struct HeadHints {
            var ogTitle, published, title, h1: String?
            /// The element that gave `published` is still open.
            var publishedOpen = false
        }

        let context: htmlParserCtxtPtr
        let maxDepth = Int(vanthu_xmlParserMaxDepth())
        var started = false
        var halted = false
        var rootSeen = false
        /// A doctype, comment or processing instruction came before the root element.
        var nodeBeforeRoot = false
        /// The root element is the document's first node.
        var rootFirst = false
        /// The root element was skipped (hidden), with all that comes after it.
        var rootSkipped = false

        var frames: [Frame] = []
        /// Inside a subtree whose text is not kept.
        var skipping = false
        var inHead = false
        /// Nodes a tree builder would have made so far.
        var nodes = 0
        var headers: [PendingHeader] = []

        /// The text: finished lines, then the line being read (after a line feed once it has some).
        var text: [UInt8] = []
        /// Where the line being read starts.
        var lineStart = 0
        var pendingSpace = false

        var ogTitle: String?
        var h1: String?
        var htmlTitle: String?
        var published: String?
        /// An element's text is or was read for the title or h1 (the first one wins).
        var titleClaimed = false
        var h1Claimed = false
        var capturingTitle = false
        var capturingH1 = false
        var titleBytes: [UInt8] = []
        var h1Bytes: [UInt8] = []
        var head = HeadHints()

        /// Puts back the runs whose stand-ins libxml2 was given, if it was.
        var expander: HTMLStandIns.Expander?
        /// Every piece of text libxml2 gave was valid UTF-8.
        var textIsValid = true

        init(context: htmlParserCtxtPtr, capacity: Int, expander: HTMLStandIns.Expander?) {
            self.context = context
            self.expander = expander
            frames.reserveCapacity(64)
            text.reserveCapacity(capacity)
        }

        static func at(_ pointer: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<Collector> {
            pointer!.assumingMemoryBound(to: Collector.self)
        }

        /// Callbacks for the events the reader needs; libxml2 skips the others.
        static var handler: htmlSAXHandler {
            var handler = htmlSAXHandler()
            handler.startDocument = { context in Collector.at(context).pointee.started = true }
            handler.startElement = { context, name, attributes in
                guard let name else { return }
                Collector.at(context).pointee.startElement(name, attributes)
            }
            handler.endElement = { context, _ in
                let collector = Collector.at(context)
                // libxml2 still closes the open elements after a stop.
                if !collector.pointee.halted { collector.pointee.endElement() }
            }
            handler.characters = { context, bytes, count in
                guard let bytes, count > 0 else { return }
                Collector.at(context).pointee.receive(UnsafeBufferPointer(start: bytes, count: Int(count)), as: .text)
            }
            handler.cdataBlock = { context, bytes, count in
                guard let bytes, count > 0 else { return }
                Collector.at(context).pointee.receive(UnsafeBufferPointer(start: bytes, count: Int(count)), as: .cdata)
            }
            handler.comment = { context, _ in Collector.at(context).pointee.otherNode() }
            handler.processingInstruction = { context, _, _ in Collector.at(context).pointee.otherNode() }
            handler.internalSubset = { context, _, _, _ in
                // libxml2 puts the doctype first in the document, wherever it was.
                let collector = Collector.at(context)
                collector.pointee.nodeBeforeRoot = true
                collector.pointee.rootFirst = false
            }
            return handler
        }

        mutating func startElement(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            if halted { return }
            if frames.count > maxDepth {
                // Where libxml2's tree builder stops the page, leaving this element out.
                halted = true
                xmlStopParser(context)
                return
            }
            nodes += 1
            var frame = Frame(ends: [])
            let isRoot = frames.isEmpty && !rootSeen
            if frames.isEmpty {
                if !rootSeen {
                    rootSeen = true
                    rootFirst = !nodeBeforeRoot
                } else if !rootFirst || rootSkipped {
                    // A second top element (after </html>): libxml2 makes it the root's last child
                    // when the root is the document's first node, else the root's sibling, which
                    // the walk did not read.
                    skip(&frame)
                }
            } else {
                frames[frames.count - 1].lastChild = .other
            }
            let depth = frames.count + 1
            if skipping {
                if !headers.isEmpty && ElementKind.isH1(name) { frame.ends.insert(.h1) }
            } else {
                let kind = ElementKind.of(name)
                if !headers.isEmpty && kind.contains(.h1) { frame.ends.insert(.h1) }
                if inHead {
                    inspectInHead(kind, attributes, &frame, depth: depth)
                } else {
                    walk(kind, attributes, &frame, depth: depth)
                }
            }
            if isRoot && frame.ends.contains(.skipped) { rootSkipped = true }
            frames.append(frame)
        }

        /// What the tree walk did on reaching an element.
        mutating func walk(_ kind: ElementKind, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ frame: inout Frame, depth: Int) {
            if kind.contains(.head) {
                inHead = true
                frame.ends.insert(.head)
                return
            }
            if kind.contains(.skipped) { return skip(&frame) }
            if list?[0] != nil || !kind.isDisjoint(with: .inspected) {
                let attributes = Attributes(list, expander: expander)
                inspect(kind, attributes, &frame)
                if attributes.hide || (kind.contains(.classChecked) && (attributes.classAttribute >= 0 || attributes.id >= 0)
                                       && attributes.marksBoilerplate) {
                    return skip(&frame)
                }
                if kind.contains(.header) {
                    headers.append(PendingHeader(depth: depth, lineStart: lineStart, line: Array(text[lineStart...]), pendingSpace: pendingSpace,
                                                 ogTitle: ogTitle, h1: h1, htmlTitle: htmlTitle, published: published,
                                                 titleClaimed: titleClaimed, h1Claimed: h1Claimed))
                    frame.ends.insert(.header)
                }
            }
            if kind.contains(.cell) {
                if !lineIsEmpty { text += [0x20, UInt8(ascii: "|"), 0x20]; pendingSpace = false }
            }
            if kind.contains(.lineBreak) {
                breakLine()
                return skip(&frame)
            }
            if kind.contains(.block) {
                breakLine()
                frame.ends.insert(.lineBreak)
            }
        }

        mutating func skip(_ frame: inout Frame) {
            skipping = true
            frame.ends.insert(.skipped)
        }

        /// Reads titles and dates from article markup (the first found wins).
        mutating func inspect(_ kind: ElementKind, _ attributes: Attributes, _ frame: inout Frame) {
            if kind.contains(.meta) {
                let property = attributes.lowercased(attributes.property) ?? attributes.lowercased(attributes.itemprop)
                if property == "og:title", let content = attributes.string(attributes.content), ogTitle == nil { ogTitle = Self.collapse(content) }
                if let property, HTMLDocumentReader.dateProperties.contains(property), let content = attributes.string(attributes.content),
                   published == nil {
                    published = content.trimmingCharacters(in: .whitespaces)
                }
            } else if kind.contains(.title) {
                if !titleClaimed {
                    titleClaimed = true
                    startCapture(title: true, &frame)
                }
            } else if kind.contains(.h1) {
                if !h1Claimed {
                    h1Claimed = true
                    startCapture(title: false, &frame)
                }
            } else if kind.contains(.time) {
                if published == nil, let value = attributes.string(attributes.datetime) { published = value }
            } else if published == nil, attributes.itemprop >= 0, attributes.lowercased(attributes.itemprop) == "datepublished" {
                published = attributes.string(attributes.content) ?? attributes.string(attributes.datetime)
            }
        }

        /// Reads titles and dates in the head, as the tree walk did: it went through children from
        /// the last, so a later element wins over an earlier one, but not over one that holds it.
        mutating func inspectInHead(_ kind: ElementKind, _ list: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, _ frame: inout Frame,
                                    depth: Int) {
            guard list?[0] != nil || !kind.isDisjoint(with: [.title, .h1]) else { return }
            let attributes = Attributes(list, expander: expander)
            var date: String?
            if kind.contains(.meta) {
                let property = attributes.lowercased(attributes.property) ?? attributes.lowercased(attributes.itemprop)
                if property == "og:title", let content = attributes.string(attributes.content) { head.ogTitle = Self.collapse(content) }
                if let property, HTMLDocumentReader.dateProperties.contains(property), let content = attributes.string(attributes.content) {
                    date = content.trimmingCharacters(in: .whitespaces)
                }
            } else if kind.contains(.title) {
                if !capturingTitle {
                    head.title = nil
                    startCapture(title: true, &frame)
                }
            } else if kind.contains(.h1) {
                if !capturingH1 {
                    head.h1 = nil
                    startCapture(title: false, &frame)
                }
            } else if kind.contains(.time) {
                date = attributes.string(attributes.datetime)
            } else if attributes.itemprop >= 0, attributes.lowercased(attributes.itemprop) == "datepublished" {
                date = attributes.string(attributes.content) ?? attributes.string(attributes.datetime)
            }
            if let date, !head.publishedOpen {
                head.published = date
                head.publishedOpen = true
                frame.ends.insert(.headDate)
            }
        }

        /// Starts reading an element's whole text (that of skipped descendants too), for the title
        /// or the h1.
        mutating func startCapture(title: Bool, _ frame: inout Frame) {
            if title {
                capturingTitle = true
                titleBytes.removeAll(keepingCapacity: true)
                frame.ends.insert(.titleText)
            } else {
                capturingH1 = true
                h1Bytes.removeAll(keepingCapacity: true)
                frame.ends.insert(.h1Text)
            }
        }

        /// Text or CDATA from libxml2 (whole characters), its stand-ins expanded. What libxml2
        /// gives is checked here, a piece at a time: the text is made of these pieces, of runs of
        /// the page (valid UTF-8) and of ASCII, cut only at ASCII, so it need not be checked whole.
        mutating func receive(_ bytes: UnsafeBufferPointer<UInt8>, as node: LastChild) {
            if textIsValid && !UTF8Validation.isValid(bytes) { textIsValid = false }
            let kept = !halted && !frames.isEmpty
            if kept {
                let top = frames.count - 1
                if frames[top].lastChild != node {
                    frames[top].lastChild = node
                    nodes += 1
                }
            }
            guard var expander else {
                if kept { take(bytes) }
                return
            }
            // Expanded even when not kept: a stand-in can be cut between two pieces.
            self.expander = nil
            expander.expand(bytes) { if kept { take($0) } }
            self.expander = expander
        }

        /// Text read for the title or h1, and kept unless skipped.
        mutating func take(_ bytes: UnsafeBufferPointer<UInt8>) {
            if capturingTitle { titleBytes.append(contentsOf: bytes) }
            if capturingH1 { h1Bytes.append(contentsOf: bytes) }
            if !skipping && !inHead { appendText(bytes) }
        }

        /// A comment or processing instruction: a node, without text.
        mutating func otherNode() {
            guard !halted else { return }
            guard !frames.isEmpty else {
                if !rootSeen { nodeBeforeRoot = true }
                return
            }
            frames[frames.count - 1].lastChild = .other
            nodes += 1
        }

        mutating func endElement() {
            guard let frame = frames.popLast() else { return }
            let ends = frame.ends
            if ends.isEmpty { return }
            let depth = frames.count + 1
            if ends.contains(.h1), !headers.isEmpty {
                headers[headers.count - 1].h1Key = min(headers[headers.count - 1].h1Key, depth - nodes)
            }
            if ends.contains(.titleText) {
                capturingTitle = false
                let title = Self.collapse(String(decoding: titleBytes, as: UTF8.self))
                if inHead { head.title = title } else { htmlTitle = title }
            }
            if ends.contains(.h1Text) {
                capturingH1 = false
                let heading = Self.collapse(String(decoding: h1Bytes, as: UTF8.self))
                if inHead { head.h1 = heading } else { h1 = heading }
            }
            if ends.contains(.headDate) { head.publishedOpen = false }
            if ends.contains(.head) {
                inHead = false
                if ogTitle == nil { ogTitle = head.ogTitle }
                if published == nil { published = head.published }
                if !titleClaimed, let title = head.title { htmlTitle = title; titleClaimed = true }
                if !h1Claimed, let heading = head.h1 { h1 = heading; h1Claimed = true }
            }
            if ends.contains(.skipped) { skipping = false }
            if ends.contains(.header) {
                let header = headers.removeLast()
                if !headers.isEmpty { headers[headers.count - 1].h1Key = min(headers[headers.count - 1].h1Key, header.h1Key) }
                // Where a tree walk from the header, children from the last, would meet its first h1.
                let visited = header.h1Key == Int.max ? Int.max : header.h1Key - header.depth + nodes
                if visited >= HTMLDocumentReader.headerSearchLimit {
                    restore(header)
                    return
                }
            }
            if ends.contains(.lineBreak) { breakLine() }
        }

        /// Takes back what a header without an h1 added.
        mutating func restore(_ header: PendingHeader) {
            text.removeSubrange(header.lineStart...)
            text += header.line
            lineStart = header.lineStart
            pendingSpace = header.pendingSpace
            ogTitle = header.ogTitle
            h1 = header.h1
            htmlTitle = header.htmlTitle
            published = header.published
            titleClaimed = header.titleClaimed
            h1Claimed = header.h1Claimed
        }

        /// Closes what is still open (the parser stopped) and ends the last line.
        mutating func finish() {
            while !frames.isEmpty { endElement() }
            breakLine()
        }

        /// The text's words (split at spaces, no-break spaces, line feeds, tabs and carriage
        /// returns that stand alone as characters) joined by single spaces.
        static func collapse(_ text: String) -> String {
            if let collapsed = collapseScalars(text) { return collapsed }
            return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "\r" || $0 == "\u{A0}" }).joined(separator: " ")
        }

        /// `collapse` read from the UTF-8 bytes, without breaking the text into characters: nil
        /// where a space or no-break space has a neighbour that could join it into a larger
        /// character (a combining mark after it, a prepended mark before it), as far as a short
        /// list of blocks shows. Tabs and line feeds always stand alone, and carriage returns
        /// unless a line feed follows.
        static func collapseScalars(_ text: String) -> String? {
            var text = text
            return text.withUTF8 { bytes -> String? in
                func scalar(at index: Int) -> UInt32 {
                    let lead = UInt32(bytes[index])
                    if lead < 0x80 { return lead }
                    if lead < 0xE0 { return (lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F) }
                    if lead < 0xF0 { return (lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F) }
                    return (lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                        | UInt32(bytes[index + 3] & 0x3F)
                }
                /// Letters, punctuation and symbols that are neither marks nor prepended.
                func isPlainBlock(_ value: UInt32) -> Bool {
                    (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value) || (0x2030...0x205E).contains(value)
                        || (0x2100...0x27BF).contains(value)
                }
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count)
                var run = -1
                var previous = -1
                var index = 0
                while index < bytes.count {
                    let lead = bytes[index]
                    let next = index + (lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4)
                    var separates = false
                    switch lead {
                    case 0x09: separates = true
                    case 0x0A: separates = previous < 0 || bytes[previous] != 0x0D
                    case 0x0D: separates = next >= bytes.count || bytes[next] != 0x0A
                    case 0x20, 0xC2:
                        guard lead == 0x20 || bytes[index + 1] == 0xA0 else { break }
                        if next < bytes.count {
                            let after = scalar(at: next)
                            guard after < 0x300 || isPlainBlock(after) else { return nil }
                        }
                        if previous >= 0 {
                            let before = scalar(at: previous)
                            guard before < 0x600 || isPlainBlock(before) else { return nil }
                        }
                        separates = true
                    default: break
                    }
                    if separates {
                        if run >= 0 {
                            if !out.isEmpty { out.append(0x20) }
                            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run..<index]))
                            run = -1
                        }
                    } else if run < 0 {
                        run = index
                    }
                    previous = index
                    index = next
                }
                if run >= 0 {
                    if !out.isEmpty { out.append(0x20) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[run...]))
                }
                return String(decoding: out, as: UTF8.self)
            }
        }

        /// Space, line feed, tab or carriage return.
        static func isSpace(_ byte: UInt8) -> Bool { byte <= 0x20 && (0x1_0000_2600 as UInt64) >> byte & 1 == 1 }

        /// Appends text bytes, white space collapsed to single spaces. Stretches whose only white
        /// space is single spaces between other bytes are copied as they are.
        mutating func appendText(_ bytes: UnsafeBufferPointer<UInt8>) {
            guard let base = bytes.baseAddress else { return }
            var start = 0
            while start < bytes.count {
                if Self.isSpace(base[start]) {
                    pendingSpace = true
                    start += 1
                    continue
                }
                let end = Self.stretchEnd(base, after: start, count: bytes.count)
                if lineIsEmpty {
                    if lineStart > 0 { text.append(0x0A) }
                } else if pendingSpace {
                    text.append(0x20)
                }
                pendingSpace = false
                text.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                start = end
            }
        }

        /// Where the stretch that begins with the byte at `start` (not white space) ends: at white
        /// space other than a single space between two other bytes. Read eight bytes at a time
        /// while they hold no control byte and no two spaces in a row, and end with a byte other
        /// than a space or with a space that a byte other than white space follows (the byte
        /// before them is never a space).
        static func stretchEnd(_ base: UnsafePointer<UInt8>, after start: Int, count: Int) -> Int {
            var end = start + 1
            while end < count {
                if end + 8 <= count {
                    let word = UInt64(littleEndian: UnsafeRawPointer(base + end).loadUnaligned(as: UInt64.self))
                    let controls = (word &- 0x2020_2020_2020_2020) & ~word & 0x8080_8080_8080_8080
                    let folded = word ^ 0x2020_2020_2020_2020
                    let spaces = ~(((folded & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | folded | 0x7F7F_7F7F_7F7F_7F7F)
                    if controls == 0 && spaces & (spaces >> 8) == 0 {
                        if spaces >> 63 == 0 {
                            end += 8
                            continue
                        }
                        if end + 8 < count && !isSpace(base[end + 8]) {
                            end += 9
                            continue
                        }
                    }
                }
                let stop = min(end + 8, count)
                while end < stop {
                    if !isSpace(base[end]) {
                        end += 1
                    } else if base[end] == 0x20, end + 1 < count, !isSpace(base[end + 1]) {
                        end += 2
                    } else {
                        return end
                    }
                }
            }
            return end
        }

        var lineIsEmpty: Bool { text.count == lineStart }

        /// Ends the line being read; one of nothing but a cell separator is dropped.
        mutating func breakLine() {
            pendingSpace = false
            while text.count > lineStart, text[text.count - 1] == 0x20 { text.removeLast() }
            let first = lineStart > 0 ? lineStart + 1 : lineStart
            if text.count <= first || (text.count == first + 1 && text[first] == UInt8(ascii: "|")) {
                while text.count > lineStart { text.removeLast() }
            }
            lineStart = text.count
        }

        /// Where the last occurrence of `part`'s bytes in `text`'s begins, in bytes.
        static func lastByteMatch(_ text: String, _ part: String) -> Int? {
            var text = text
            var part = part
            return text.withUTF8 { text in
                part.withUTF8 { part in
                    guard let first = part.first, text.count >= part.count else { return nil }
                    var start = text.count - part.count
                    while start >= 0 {
                        if text[start] == first && memcmp(text.baseAddress! + start, part.baseAddress!, part.count) == 0 { return start }
                        start -= 1
                    }
                    return nil
                }
            }
        }

        /// Scalars that are characters by themselves whatever stands next to them (no marks, no
        /// joiners, no prepended or spacing marks) but for a carriage return before a line feed, and
        /// are canonically equivalent to nothing else: in a title of these, characters are scalars,
        /// a CR LF counting once.
        static func isPlainScalar(_ value: UInt32) -> Bool {
            value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2010...0x2027).contains(value)
                || (0x2030...0x205E).contains(value) || (0x2100...0x27BF).contains(value)
        }

        /// og:title, else h1.
        func headline() -> String? {
            if let ogTitle, !ogTitle.isEmpty { return ogTitle }
            if let h1, !h1.isEmpty { return h1 }
            return nil
        }

        /// The title without a site suffix (" - Site", " | Site").
        func pageTitle() -> String? {
            htmlTitle.flatMap { $0.isEmpty ? nil : Self.withoutSiteSuffix($0) }
        }

        static let titleSeparators = [" | ", " - ", " – ", " :: "]

        /// The title up to the last separator with more than 10 characters before it, trying each
        /// separator in turn. Foundation's backward search and character count give the answer;
        /// in a title of plain scalars (Vietnamese in NFC is) they are the last match of the
        /// separator's bytes and the count of scalars before it, which are much cheaper.
        static func withoutSiteSuffix(_ title: String) -> String {
            let plain = title.unicodeScalars.allSatisfy { isPlainScalar($0.value) }
            for separator in titleSeparators {
                // Neither search can find what is not in the bytes.
                guard let match = lastByteMatch(title, separator) else { continue }
                if plain {
                    let before = title.utf8.prefix(match)
                    var characters = 0
                    var previous: UInt8 = 0
                    for byte in before {
                        if byte & 0xC0 != 0x80 && !(byte == 0x0A && previous == 0x0D) { characters += 1 }
                        previous = byte
                    }
                    if characters > 10 { return String(decoding: before, as: UTF8.self) }
                } else if let range = title.range(of: separator, options: .backwards), title.distance(from: title.startIndex, to: range.lowerBound) > 10 {
                    return String(title[..<range.lowerBound])
                }
            }
            return title
        }
    }
}
