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
    /// The gaps between its words' boxes (pixels), left to right.
    package var wordGaps: [Int]
    package init(text: String, left: Int, top: Int, right: Int, bottom: Int, wordGaps: [Int] = []) {
        self.text = text; self.left = left; self.top = top; self.right = right; self.bottom = bottom
        self.wordGaps = wordGaps
    }
}

package enum PageLayout {
    /// A gap wider than this share of the line's height is a space (a space in a serif font is
    /// about a quarter of an em; letters within a word touch or overlap).
    static let spaceGap = 0.15
    /// A gap between two lines wider than this many line heights is a paragraph break.
    static let paragraphGap = 1.6

    /// A page's text, and whether its last line is a justified line whose paragraph goes on
    /// overleaf (full, its word gaps stretched): the next page's first line then joins it.
    package struct Page: Sendable, Equatable {
        package var text: String
        package var continues: Bool
    }

    package static func text(_ characters: [PlacedCharacter]) -> String {
        page(characters).text
    }

    package static func lines(_ characters: [PlacedCharacter]) -> [String] {
        let text = page(characters).text
        return text.isEmpty ? [] : text.components(separatedBy: "\n")
    }

    package static func page(_ characters: [PlacedCharacter]) -> Page {
        let glyphs = characters.filter { !$0.scalar.properties.isWhitespace && $0.y2 > $0.y1 }
            .sorted { $0.middle != $1.middle ? $0.middle < $1.middle : $0.x1 < $1.x1 }
        // Rows: a character whose middle lies inside the current row's band joins it.
        var bands: [[PlacedCharacter]] = []
        var top = 0.0, bottom = 0.0
        for glyph in glyphs {
            if !bands.isEmpty, glyph.middle >= top, glyph.middle <= bottom {
                bands[bands.count - 1].append(glyph)
                top = min(top, glyph.y1); bottom = max(bottom, glyph.y2)
            } else {
                bands.append([glyph]); top = glyph.y1; bottom = glyph.y2
            }
        }
        let left = glyphs.map(\.x1).min() ?? 0, right = glyphs.map(\.x2).max() ?? 0
        var rows: [Row] = []
        var previousBottom: Double?
        var previousHeight = 0.0
        for band in bands {
            let ordered = band.sorted { $0.x1 < $1.x1 }
            let height = median(ordered.map { $0.y2 - $0.y1 })
            let rowTop = ordered.map(\.y1).min() ?? 0
            let paragraph = previousBottom.map { rowTop - $0 > (paragraphGap - 1) * max(height, previousHeight) } ?? false
            var line = String.UnicodeScalarView()
            var gaps: [Double] = []
            var lastRight: Double?
            for glyph in ordered {
                if let lastRight, glyph.x1 - lastRight > spaceGap * height {
                    line.append(" ")
                    gaps.append(glyph.x1 - lastRight)
                }
                line.append(glyph.scalar)
                lastRight = max(lastRight ?? glyph.x2, glyph.x2)
            }
            rows.append(Row(text: String(line), paragraphBefore: paragraph || rows.isEmpty,
                            full: isFull(ordered, left: left, right: right, height: height),
                            flush: right - (ordered.last?.x2 ?? 0) <= flushEdge * height, wordGaps: gaps))
            previousBottom = ordered.map(\.y2).max() ?? 0
            previousHeight = height
        }
        return joined(rows)
    }

    /// A row of text on the page, and what decides whether the next row goes on its paragraph.
    struct Row {
        var text: String
        /// A paragraph's gap above it, or the first row of the page.
        var paragraphBefore: Bool
        /// It runs from the text's left edge to its right edge.
        var full: Bool
        /// It ends on the right edge itself (`flushEdge`), as a justified line is set to.
        var flush: Bool
        /// The gaps between its words, in the page's units.
        var wordGaps: [Double]
    }

    /// A stretched gap is wider than the page's natural word gap by more than this share.
    static let stretchedGap = 0.1
    /// A justified line ends within this share of a line's height of the text's right edge; a
    /// ragged line that comes near the edge ends anywhere short of it. (Measured on the fixtures'
    /// PDFs: justified rows end within 0.01 point of the edge, a headline 5.4 points, 0.37 lines,
    /// short of it.)
    static let flushEdge = 0.15

    /// The rows as lines, a blank line before each paragraph but the first. A justified line runs
    /// from the text's left edge to its right edge: its paragraph goes on in the next row, which
    /// joins it (the source's words, unwrapped). Except a lone full row that starts a paragraph,
    /// at the natural word spacing of the page's ragged rows and short of the edge itself, before
    /// a short row: a wrapped line of a justified paragraph is set flush with the edge, its gaps
    /// stretched to reach it, so that row is a heading or a title that happens to come near it (a
    /// headline above its date line), a line of its own.
    /// The page continues (`Page.continues`) when its last row is full, flush with the edge, and
    /// not at natural spacing (the last line of a paragraph is not stretched).
    static func joined(_ rows: [Row]) -> Page {
        let natural = median(rows.filter { !$0.full }.flatMap(\.wordGaps))
        func atNaturalSpacing(_ row: Row) -> Bool {
            natural > 0 && !row.wordGaps.isEmpty && median(row.wordGaps) <= natural * (1 + stretchedGap)
        }
        func stretched(_ row: Row) -> Bool {
            natural == 0 || row.wordGaps.isEmpty || median(row.wordGaps) > natural * (1 + stretchedGap / 5)
        }
        var result: [String] = []
        var previous: Row?
        for row in rows {
            defer { previous = row }
            if row.paragraphBefore, previous != nil { result.append("") }
            if let above = previous, above.full, !row.paragraphBefore,
               !(above.paragraphBefore && atNaturalSpacing(above) && !above.flush && !row.full), let last = result.indices.last {
                result[last] += " " + row.text
            } else {
                result.append(row.text)
            }
        }
        let continues = rows.last.map { $0.full && $0.flush && stretched($0) } ?? false
        return Page(text: result.joined(separator: "\n"), continues: continues)
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
    /// short of the edge, or reaches it at natural word spacing (`joined`), stays a line of its own.
    package static func text(of lines: [OCRLine]) -> String {
        page(of: lines).text
    }

    package static func page(of lines: [OCRLine]) -> Page {
        let left = lines.map(\.left).min() ?? 0, right = lines.map(\.right).max() ?? 0
        var rows = lines.map { line in
            Row(text: line.text, paragraphBefore: true, full: false,
                flush: Double(right - line.right) <= flushEdge * Double(line.bottom - line.top), wordGaps: line.wordGaps.map(Double.init))
        }
        for (index, line) in lines.enumerated().dropFirst() {
            let above = lines[index - 1]
            // Both measured against the taller of the two lines.
            let height = max(line.bottom - line.top, above.bottom - above.top)
            rows[index].paragraphBefore = Double(line.top - above.bottom) > (paragraphGap - 1) * Double(height) || line.bottom <= above.top
            rows[index - 1].full = above.left - left <= 3 * height && right - above.right <= height
        }
        if let last = lines.last {
            let height = last.bottom - last.top
            rows[rows.count - 1].full = last.left - left <= 3 * height && right - last.right <= height
        }
        return joined(rows)
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
