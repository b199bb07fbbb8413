/// What both HTML readers (the event stream and its tree-walk twin) take from an element's
/// attributes: its class and id words, whether it is hidden, its `itemprop` and its
/// `datetime`/`content` value. One table for both, so they cannot drift apart.
package struct HTMLElementAttributes {
    package var classes = ""
    package var hidden = false
    package var itemprop: String?
    package var datetime: String?

    /// Takes one attribute, by its lower-cased name; `value` is read only when it matters.
    package mutating func take(_ key: String, _ value: () -> String) {
        switch key {
        case "class", "id":
            classes += " " + value()
        case "hidden":
            hidden = true
        case "style":
            let style = value().lowercased()
            if HTMLContentHints.contains(style, "display:none") || HTMLContentHints.contains(style, "display: none") { hidden = true }
        case "itemprop":
            itemprop = value().lowercased()
        case "datetime", "content":
            datetime = value()
        case "aria-hidden":
            if value() == "true" { hidden = true }
        default: break
        }
    }
}

extension HTMLContentHints {
    /// The weight of an element's lower-cased class and id words, each distinct set weighed once
    /// (pages repeat their class names).
    package static func weight(_ lowered: String, cache: inout [String: Int]) -> Int {
        guard !lowered.isEmpty else { return 0 }
        if let known = cache[lowered] { return known }
        let weight = weight(lowered)
        cache[lowered] = weight
        return weight
    }

    /// Whether class and id words name a title block (`title`, `tieu-de`, `headline`, not `subtitle`).
    package static func namesTitle(_ lowered: String) -> Bool {
        !lowered.isEmpty && ["title", "tieude", "tieu-de", "headline"].contains(where: { contains(lowered, $0) })
            && !contains(lowered, "subtitle")
    }
}
