/// A page's text rebuilt from where its characters sit, in reading order: lines top to bottom,
/// characters left to right within a line, a space where the gap between two characters is wider
/// than a fraction of the line's height, a blank line where the gap between two lines is wide.
///
/// poppler's own `poppler_page_get_text` follows its reading-order guess, which breaks justified
/// lines (wide, uneven gaps between words) into blocks and gives them out of order; the place of
/// every character (`poppler_page_get_text_layout`) does not lie. Pure code, tested without poppler.
package struct PlacedCharacter: Sendable, Equatable {
    package var scalar: Unicode.Scalar
    package var x1: Double, y1: Double, x2: Double, y2: Double
    package init(_ scalar: Unicode.Scalar, x1: Double, y1: Double, x2: Double, y2: Double) {
        self.scalar = scalar; self.x1 = x1; self.y1 = y1; self.x2 = x2; self.y2 = y2
    }
    var middle: Double { (y1 + y2) / 2 }
}

/// A line OCR read, with its box (pixels, top down).
package struct OCRLine: Sendable, Equatable {
    package var text: String
    package var left: Int, top: Int, right: Int, bottom: Int
    package init(text: String, left: Int, top: Int, right: Int, bottom: Int) {
        self.text = text; self.left = left; self.top = top; self.right = right; self.bottom = bottom
    }
}

package enum PageLayout {
    /// A gap wider than this share of the line's height is a space (a space in a serif font is
    /// about a quarter of an em; letters within a word touch or overlap).
    static let spaceGap = 0.15
    /// A gap between two lines wider than this many line heights is a paragraph break.
    static let paragraphGap = 1.6

    package static func text(_ characters: [PlacedCharacter]) -> String {
        lines(characters).joined(separator: "\n")
    }

    package static func lines(_ characters: [PlacedCharacter]) -> [String] {
        let glyphs = characters.filter { !$0.scalar.properties.isWhitespace && $0.y2 > $0.y1 }
            .sorted { $0.middle != $1.middle ? $0.middle < $1.middle : $0.x1 < $1.x1 }
        // Rows: a character whose middle lies inside the current row's band joins it.
        var rows: [[PlacedCharacter]] = []
        var top = 0.0, bottom = 0.0
        for glyph in glyphs {
            if !rows.isEmpty, glyph.middle >= top, glyph.middle <= bottom {
                rows[rows.count - 1].append(glyph)
                top = min(top, glyph.y1); bottom = max(bottom, glyph.y2)
            } else {
                rows.append([glyph]); top = glyph.y1; bottom = glyph.y2
            }
        }
        var result: [String] = []
        var previousBottom: Double?
        var previousHeight = 0.0
        var previousFull = false
        let left = glyphs.map(\.x1).min() ?? 0, right = glyphs.map(\.x2).max() ?? 0
        for row in rows {
            let ordered = row.sorted { $0.x1 < $1.x1 }
            let height = median(ordered.map { $0.y2 - $0.y1 })
            let rowTop = ordered.map(\.y1).min() ?? 0
            let paragraph = previousBottom.map { rowTop - $0 > (paragraphGap - 1) * max(height, previousHeight) } ?? false
            if paragraph { result.append("") }
            var line = String.UnicodeScalarView()
            var lastRight: Double?
            for glyph in ordered {
                if let lastRight, glyph.x1 - lastRight > spaceGap * height { line.append(" ") }
                line.append(glyph.scalar)
                lastRight = max(lastRight ?? glyph.x2, glyph.x2)
            }
            // A justified line runs from the text's left edge to its right edge without a column gap:
            // its paragraph goes on in the next line, which joins it (the source's words, unwrapped).
            if previousFull, !paragraph, let last = result.indices.last {
                result[last] += " " + String(line)
            } else {
                result.append(String(line))
            }
            previousFull = isFull(ordered, left: left, right: right, height: height)
            previousBottom = ordered.map(\.y2).max() ?? 0
            previousHeight = height
        }
        return result
    }

    /// A row that fills the width of the text (both ends within a line height of the page's text
    /// edges) with no gap as wide as a column break.
    private static func isFull(_ row: [PlacedCharacter], left: Double, right: Double, height: Double) -> Bool {
        guard let first = row.first, let last = row.last, height > 0 else { return false }
        guard first.x1 - left <= 3 * height, right - last.x2 <= height / 2 else { return false }
        var reach = first.x2
        for glyph in row.dropFirst() {
            if glyph.x1 - reach > columnGap * height { return false }
            reach = max(reach, glyph.x2)
        }
        return true
    }

    /// OCR's lines (in tesseract's order, each with its box) as text, by the text layer's rules: a
    /// blank line where the gap above a line is a paragraph's (`paragraphGap`) or where the line
    /// is above the previous one (the next column of a two-column header); and a full line (from
    /// the text's left edge to its right edge, as a justified line runs) joins the next one, so a
    /// paragraph wrapped on paper reads as one line as in its source, while a heading that ends
    /// short of the edge stays a line of its own.
    package static func text(of lines: [OCRLine]) -> String {
        let left = lines.map(\.left).min() ?? 0, right = lines.map(\.right).max() ?? 0
        var result: [String] = []
        var previous: OCRLine?
        for line in lines {
            defer { previous = line }
            if let above = previous {
                let height = max(line.bottom - line.top, above.bottom - above.top)
                let gap = Double(line.top - above.bottom)
                let paragraph = gap > (paragraphGap - 1) * Double(height) || line.bottom <= above.top
                let aboveFull = above.left - left <= 3 * height && right - above.right <= height
                if paragraph {
                    result.append("")
                } else if aboveFull, let last = result.indices.last {
                    result[last] += " " + line.text
                    continue
                }
            }
            result.append(line.text)
        }
        return result.joined(separator: "\n")
    }

    /// A gap wider than this many line heights separates columns, not words.
    static let columnGap = 2.5

    private static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        return values.sorted()[values.count / 2]
    }
}

private extension Substring {
    func trimmingSuffixSpaces() -> String {
        var end = endIndex
        while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
        return String(self[startIndex..<end])
    }
}
