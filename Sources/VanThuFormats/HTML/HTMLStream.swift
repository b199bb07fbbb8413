import CLibXML2

/// The page read as libxml2's parser streams it (no tree): the same lines, elements and metadata
/// as `Page.walk` gives from the tree, at a fraction of the memory. A 60 MB page's tree costs
/// several times the page; here the reader holds the page's text and its small records only.
///
/// What the tree walk reads by looking ahead or below is kept while its element is open:
/// - `<title>`, JSON-LD scripts and itemprop headline and datePublished collect their text until
///   they close;
/// - a table cell is a block when a block element or a line break stands among its first 200
///   nodes. The cell is read as a data cell (on its row's line) until one does; then the line
///   read since the cell opened moves to a line of its own, as the tree walk would have put it.
extension HTMLDocumentReader {
    package final class Stream {
        package var page = Page()

        package enum Frame: UInt8 {
            /// An element the page records (it was entered).
            case walked
            /// An element whose content is not read (skipped, hidden, metadata, or inside such).
            case skipped
            /// `<head>`: its direct children are read for metadata only.
            case head
        }

        package var frames: [Frame] = []

        package struct Capture {
            package enum Target { case title, jsonLD, headline, time(Int) }
            package var depth: Int
            package var target: Target
            package var bytes: [UInt8] = []
        }

        /// Elements whose text is collected until they close (their depth in `frames`).
        package var captures: [Capture] = []

        /// A table cell not yet known to hold blocks, and the line's state when it opened.
        package struct PendingCell {
            package var element: Int32
            package var depth: Int
            package var nodes = 0
            package var textCount: Int
            package var lineStart: Int
            package var lineChars: Int32
            package var lineLinkChars: Int32
            package var lineCommas: Int32
            package var lineElement: Int32
            package var pendingSpace: Bool
            package var lineHeading: UInt8
            package var lineTitled: Bool
            package var separated: Bool
            package var times: Int
        }

        package var pending: PendingCell?
        /// The last event was text (or CDATA): a further one continues the same node.
        package var lastText: Int8 = 0

        // MARK: events

        package func start(_ name: UnsafePointer<xmlChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            lastText = 0
            let kind = Kind.of(name)
            countNode(becauseOf: kind)
            let top = frames.last
            if top == .skipped {
                frames.append(.skipped)
                return
            }
            if top == .head {
                // A direct child of head: metadata only.
                if kind.contains(.meta) { page.readMeta(Attributes(attributes)) }
                if kind.contains(.title), page.htmlTitle == nil { captures.append(Capture(depth: frames.count, target: .title)) }
                if kind.contains(.script), let type = Attributes(attributes)["type"], HTMLContentHints.contains(type.lowercased(), "ld+json") {
                    captures.append(Capture(depth: frames.count, target: .jsonLD))
                }
                frames.append(.skipped)
                return
            }
            let entered = enter(name, kind, Attributes(attributes))
            frames.append(entered ?? (kind.contains(.head) ? .head : .skipped))
        }

        package func end() {
            lastText = 0
            guard let frame = frames.popLast() else { return }
            let depth = frames.count
            while let capture = captures.last, capture.depth == depth {
                captures.removeLast()
                finish(capture)
            }
            if let cell = pending, cell.depth == depth { pending = nil }
            if frame == .walked { page.leave() }
        }

        package func text(_ characters: UnsafePointer<xmlChar>, _ length: Int, cdata: Bool) {
            let kind: Int8 = cdata ? 2 : 1
            if lastText != kind {
                countNode(becauseOf: [])
                lastText = kind
            }
            let buffer = UnsafeBufferPointer(start: characters, count: length)
            for index in captures.indices { captures[index].bytes.append(contentsOf: buffer) }
            if frames.last == nil || frames.last == .walked { page.append(buffer) }
        }

        package func other() {
            lastText = 0
            countNode(becauseOf: [])
        }

        package func finish() {
            while !frames.isEmpty { end() }
            page.flush()
        }

        // MARK: elements

        /// `Page.enter` on the streamed element: nil when its content is not read.
        package func enter(_ name: UnsafePointer<xmlChar>, _ kind: Kind, _ attributes: Attributes) -> Frame? {
            if kind.contains(.meta) { page.readMeta(attributes); return nil }
            if kind.contains(.title) {
                if page.htmlTitle == nil { captures.append(Capture(depth: frames.count, target: .title)) }
                return nil
            }
            if kind.contains(.script) {
                if let type = attributes["type"], HTMLContentHints.contains(type.lowercased(), "ld+json") {
                    captures.append(Capture(depth: frames.count, target: .jsonLD))
                }
                return nil
            }
            if kind.contains(.head) { return nil }
            if kind.contains(.skipped) { return nil }
            guard let read = page.readAttributes(attributes) else { return nil }
            // A cell is read as a data cell until it shows a block (`countNode`).
            let cell = kind.contains(.cell) && pending == nil
            var snapshot: PendingCell?
            if cell {
                page.cellHeading = 0
                page.cellTitled = false
                snapshot = PendingCell(element: Int32(page.elements.count), depth: frames.count, textCount: page.textCount,
                                       lineStart: page.lineStart, lineChars: page.lineChars, lineLinkChars: page.lineLinkChars,
                                       lineCommas: page.lineCommas, lineElement: page.lineElement, pendingSpace: page.pendingSpace,
                                       lineHeading: page.lineHeading, lineTitled: page.lineTitled, separated: !page.lineIsEmpty,
                                       times: page.times.count)
            } else if kind.contains(.cell) {
                // A cell inside a cell not yet decided (malformed tables): the outer one is a data cell.
                pending = nil
            }
            if kind.contains(.block) || kind.contains(.lineBreak) { page.flush() }
            if kind.contains(.cell), !kind.contains(.block), !page.lineIsEmpty {
                page.appendRaw(Array(" |".utf8))
                page.pendingSpace = true
            }
            if let itemprop = read.itemprop {
                if itemprop == "datepublished" {
                    if let datetime = read.datetime {
                        page.times.append((datetime, page.lines.count, true))
                    } else {
                        page.times.append(("", page.lines.count, true))
                        captures.append(Capture(depth: frames.count, target: .time(page.times.count - 1)))
                    }
                }
                if itemprop == "headline", page.itempropHeadline == nil { captures.append(Capture(depth: frames.count, target: .headline)) }
            }
            if kind.contains(.time), let datetime = read.datetime { page.times.append((datetime, page.lines.count, false)) }
            page.open(name, kind, classes: read.classes)
            if let snapshot { pending = snapshot }
            return .walked
        }

        /// Counts a node for the cell being decided; a block or a line break among its first 200
        /// makes it a block.
        package func countNode(becauseOf kind: Kind) {
            guard var cell = pending else { return }
            cell.nodes += 1
            if cell.nodes > 200 {
                pending = nil
                return
            }
            pending = cell
            if kind.contains(.block) || kind.contains(.lineBreak) {
                pending = nil
                makeBlock(cell)
            }
        }

        /// The cell holds blocks: the tree walk would have ended the line before it and read it as a block.
        package func makeBlock(_ cell: PendingCell) {
            var content = Array(page.text[(cell.textCount - page.base)...])
            if cell.separated {
                content.removeFirst(min(2, content.count))
                if content.first == 0x20 { content.removeFirst() }
            }
            let chars = page.lineChars - cell.lineChars
            let linkChars = page.lineLinkChars - cell.lineLinkChars
            let commas = page.lineCommas - cell.lineCommas
            let heading = page.cellHeading
            let titled = page.cellTitled
            let space = page.pendingSpace
            page.text.removeSubrange((cell.textCount - page.base)...)
            page.lineStart = cell.lineStart
            page.lineChars = cell.lineChars
            page.lineLinkChars = cell.lineLinkChars
            page.lineCommas = cell.lineCommas
            page.lineElement = cell.lineElement
            page.pendingSpace = cell.pendingSpace
            page.lineHeading = cell.lineHeading
            page.lineTitled = cell.lineTitled
            let lines = page.lines.count
            page.flush()
            let added = Int32(page.lines.count - lines)
            if added > 0 {
                for index in Int(cell.element)..<page.elements.count { page.elements[index].firstLine += added }
                for index in cell.times..<page.times.count { page.times[index].line += Int(added) }
            }
            page.elements[Int(cell.element)].kind.insert(.block)
            page.blocks.append(cell.element)
            if !content.isEmpty {
                page.lineElement = cell.element
                page.text.append(contentsOf: content)
                page.lineChars = chars
                page.lineLinkChars = linkChars
                page.lineCommas = commas
                page.lineHeading = heading
                page.lineTitled = titled
            }
            page.pendingSpace = space
        }

        package func finish(_ capture: Capture) {
            let text = String(decoding: capture.bytes, as: UTF8.self)
            switch capture.target {
            case .title: if page.htmlTitle == nil { page.htmlTitle = Page.collapse(text) }
            case .jsonLD: page.jsonLD.append(text)
            case .headline: if page.itempropHeadline == nil { page.itempropHeadline = Page.collapse(text) }
            case .time(let index): page.times[index].value = Page.collapse(text)
            }
        }
    }

    /// A streamed element's attributes: name, value, name, value …, ending in NULL.
    package struct Attributes {
        package let pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?

        package init(_ pointer: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) { self.pointer = pointer }

        /// Calls `body` with each attribute's name and value (nil when it has none).
        package func forEach(_ body: (UnsafePointer<xmlChar>, UnsafePointer<xmlChar>?) -> Void) {
            guard let pointer else { return }
            var index = 0
            while let name = pointer[index] {
                body(name, pointer[index + 1])
                index += 2
            }
        }

        package subscript(_ key: String) -> String? {
            guard let pointer else { return nil }
            var index = 0
            while let name = pointer[index] {
                if Page.attributeKey(name) == key { return pointer[index + 1].map { String(cString: $0) } ?? "" }
                index += 2
            }
            return nil
        }
    }
}

extension HTMLDocumentReader.Page {
    package typealias Attributes = HTMLDocumentReader.Attributes
    package typealias Kind = HTMLDocumentReader.Kind

    package static func string(_ value: UnsafePointer<xmlChar>?) -> String { value.map { String(cString: $0) } ?? "" }

    /// `readMeta` on a streamed element's attributes.
    package mutating func readMeta(_ attributes: Attributes) {
        var key: String?
        var content: String?
        attributes.forEach { name, value in
            switch Self.attributeKey(name) {
            case "property", "name", "itemprop": if key == nil || key == "" { key = Self.string(value).lowercased() }
            case "content": content = Self.string(value)
            default: break
            }
        }
        guard let key, let content, !key.isEmpty else { return }
        let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !value.isEmpty else { return }
        if meta[key] == nil { meta[key] = value }
        if key == "datepublished" { times.append((value, lines.count, true)) }
    }

    /// What `enter` reads of an element's attributes; nil when they hide it.
    package func readAttributes(_ attributes: Attributes) -> (classes: String, itemprop: String?, datetime: String?)? {
        var read = HTMLElementAttributes()
        attributes.forEach { name, value in read.take(Self.attributeKey(name)) { Self.string(value) } }
        return read.hidden ? nil : (read.classes, read.itemprop, read.datetime)
    }

    /// Records an element entered (after its line was ended or its cell separator written).
    package mutating func open(_ name: UnsafePointer<xmlChar>, _ kind: Kind, classes: String) {
        let lowered = classes.isEmpty ? "" : classes.lowercased()
        let weight = HTMLContentHints.weight(lowered, cache: &weights)
        var level: UInt8 = 0
        if kind.contains(.heading) { level = name[1] &- 0x30 }
        let titled = HTMLContentHints.namesTitle(lowered)
        let index = Int32(elements.count)
        elements.append(HTMLDocumentReader.Element(parent: open.last ?? -1, kind: kind, weight: Int8(weight), headingLevel: level,
                                                   titled: titled, firstLine: Int32(lines.count)))
        open.append(index)
        if kind.contains(.block) { blocks.append(index) }
        if kind.contains(.link) { linkDepth += 1 }
        if level > 0 { headingLevel = level }
        if titled { titledDepth += 1 }
    }
}
