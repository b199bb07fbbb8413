import Testing
@testable import VanThuFormats

/// The reading order is rebuilt from where characters sit, whatever order they come in.
struct PageLayoutTests {
    /// Characters of `word` laid out from `x` on the row at `y`, 6 points each.
    private func placed(_ word: String, x: Double, y: Double) -> [PlacedCharacter] {
        word.unicodeScalars.enumerated().map { offset, scalar in
            PlacedCharacter(scalar, x1: x + Double(offset) * 6, y1: y, x2: x + Double(offset + 1) * 6, y2: y + 14)
        }
    }

    @Test func justifiedWordsComeBackInOrderWhateverOrderTheyArrive() {
        // A justified line (wide gaps) whose words arrive right to left, then the next line first.
        let second = placed("Lưu", x: 10, y: 30)
        let first = placed("gửi:", x: 200, y: 10) + placed("Kính", x: 10, y: 10)
        #expect(PageLayout.lines(second + first) == ["Kính gửi:", "Lưu"])
    }

    @Test func lettersOfOneWordStayTogetherAndAWideGapIsOneSpace() {
        let line = placed("Số", x: 0, y: 0) + placed("215", x: 12.5, y: 0) + placed("HU", x: 90, y: 0)
        #expect(PageLayout.text(line) == "Số215 HU")
    }

    @Test func aWideGapBetweenLinesIsABlankLine() {
        let text = PageLayout.text(placed("một", x: 0, y: 0) + placed("hai", x: 0, y: 16) + placed("ba", x: 0, y: 60) + placed("bốn năm", x: 0, y: 76))
        #expect(text == "một\nhai\n\nba\nbốn năm")
    }

    @Test func aJustifiedLineJoinsTheNextButAHeaderWithTwoColumnsDoesNot() {
        // Row 1: two columns (a wide gap) reaching both edges; row 2: a short line; rows 3–4: a
        // justified line that fills the width, then the end of its paragraph.
        let characters = placed("UBND", x: 0, y: 0) + placed("CỘNG", x: 116, y: 0)
            + placed("SỞ", x: 0, y: 16)
            + placed("Thực", x: 0, y: 32) + placed("hiện", x: 40, y: 32) + placed("kế", x: 80, y: 32) + placed("hoạch", x: 110, y: 32)
            + placed("năm nay.", x: 0, y: 48)
        #expect(PageLayout.lines(characters) == ["UBND CỘNG", "SỞ", "Thực hiện kế hoạch năm nay."])
    }

    @Test func aFullOCRLineJoinsTheNextButAHeadingShortOfTheEdgeDoesNot() {
        // Boxes 40 px high, 10 px apart; the text runs from x 100 to x 2300.
        let lines = [OCRLine(text: "Xã Phú Cường với phong trào thi đua năm 2025", left: 100, top: 100, right: 2200, bottom: 140),
                     OCRLine(text: "Thực hiện Kế hoạch số 12-KH/HU, các chi bộ đã đăng ký", left: 100, top: 150, right: 2300, bottom: 190),
                     OCRLine(text: "xây dựng mô hình mới.", left: 100, top: 200, right: 900, bottom: 240),
                     OCRLine(text: "Nơi nhận:", left: 100, top: 320, right: 400, bottom: 360)]
        #expect(PageLayout.text(of: lines) == """
        Xã Phú Cường với phong trào thi đua năm 2025
        Thực hiện Kế hoạch số 12-KH/HU, các chi bộ đã đăng ký xây dựng mô hình mới.

        Nơi nhận:
        """)
    }

    /// Words laid out from x 0 with `gap` points between them, on the row at `y`.
    private func row(_ words: [String], gap: Double, y: Double) -> [PlacedCharacter] {
        var x = 0.0, characters: [PlacedCharacter] = []
        for word in words {
            characters += placed(word, x: x, y: y)
            x += Double(word.unicodeScalars.count) * 6 + gap
        }
        return characters
    }

    @Test func aHeadlineThatReachesTheEdgeAtNaturalSpacingStaysALineOfItsOwn() {
        // Natural word gap 4 (the ragged rows). A headline at natural spacing comes near the text's
        // right edge (21 letters and 6 gaps: x 150, 4 points short of it), its date line below; then
        // a paragraph whose first row is justified: 19 letters, its 5 gaps stretched to 8 to reach x 154.
        let characters = row(["Xã", "Hòa", "Bình", "mở", "lớp", "học", "nghề"], gap: 4, y: 0)
            + row(["Thứ", "ba,", "05/03/2024"], gap: 4, y: 16)
            + row(["Sáng", "nay", "các", "học", "viên", "đã"], gap: 8, y: 48)
            + row(["nhận", "bằng", "mới."], gap: 4, y: 64)
        #expect(PageLayout.lines(characters) == ["Xã Hòa Bình mở lớp học nghề", "Thứ ba, 05/03/2024", "",
                                                 "Sáng nay các học viên đã nhận bằng mới."])
        // A first row with stretched gaps (18 letters, 5 gaps of 8.4) is a wrapped paragraph's line: joined.
        let stretched = row(["Xã", "Hòa", "Bình", "mở", "lớp", "học"], gap: 8.4, y: 0)
            + row(["Thứ", "ba,", "05/03/2024"], gap: 4, y: 16)
            + row(["Một", "dòng", "ngắn."], gap: 4, y: 48)
        #expect(PageLayout.lines(stretched) == ["Xã Hòa Bình mở lớp học Thứ ba, 05/03/2024", "", "Một dòng ngắn."])
        // A title wrapped before its last word, its gaps hardly stretched (4.25) but flush with the
        // edge it sets: joined.
        let wrapped = row(["Xã", "Hòa", "Bình", "mở", "lớp", "học", "nghề"], gap: 4.25, y: 0) + placed("2024", x: 0, y: 16)
            + row(["Thứ", "ba,", "05/03/2024"], gap: 4, y: 48)
        #expect(PageLayout.lines(wrapped) == ["Xã Hòa Bình mở lớp học nghề 2024", "", "Thứ ba, 05/03/2024"])
    }

    @Test func aPageWhoseLastRowIsJustifiedGoesOnOverleaf() {
        // The last row reaches the edge with stretched gaps: its paragraph goes on overleaf.
        let open = row(["Một", "dòng", "ngắn."], gap: 4, y: 0) + row(["Sáng", "nay", "các", "học", "viên", "đã"], gap: 7.2, y: 48)
        #expect(PageLayout.page(open).continues)
        // A short last row, or one at natural spacing, ends its paragraph.
        let closed = row(["Sáng", "nay", "các", "học", "viên", "đã"], gap: 7.2, y: 0) + row(["Một", "dòng", "ngắn."], gap: 4, y: 16)
        #expect(!PageLayout.page(closed).continues)
        let natural = row(["Một", "dòng", "ngắn."], gap: 4, y: 0) + row(["Xã", "Hòa", "Bình", "mở", "lớp", "học", "nghề"], gap: 4, y: 48)
        #expect(!PageLayout.page(natural).continues)
    }

    @Test func anOCRHeadlineThatReachesTheEdgeAtNaturalSpacingStaysALineOfItsOwn() {
        // Natural gaps about 14 px in the ragged lines; the headline comes within 20 px of the right
        // edge with gaps as natural; the paragraph's first line reaches it with gaps stretched to 30.
        let lines = [OCRLine(text: "Xã Hòa Bình mở lớp học nghề cho thanh niên", left: 100, top: 100, right: 2280, bottom: 140, wordGaps: [14, 15, 13, 14, 14, 15, 14, 13]),
                     OCRLine(text: "Thứ ba, 05/03/2024", left: 100, top: 150, right: 600, bottom: 190, wordGaps: [14, 15]),
                     OCRLine(text: "Sáng nay các học viên đã nhận bằng", left: 100, top: 260, right: 2300, bottom: 300, wordGaps: [30, 31, 29, 30, 30, 31, 30]),
                     OCRLine(text: "nghề mới.", left: 100, top: 310, right: 400, bottom: 350, wordGaps: [14])]
        #expect(PageLayout.text(of: lines) == """
        Xã Hòa Bình mở lớp học nghề cho thanh niên
        Thứ ba, 05/03/2024

        Sáng nay các học viên đã nhận bằng nghề mới.
        """)
        // Without word boxes (no natural spacing to compare with) a full line joins, as before.
        #expect(PageLayout.text(of: lines.map { OCRLine(text: $0.text, left: $0.left, top: $0.top, right: $0.right, bottom: $0.bottom) })
            .hasPrefix("Xã Hòa Bình mở lớp học nghề cho thanh niên Thứ ba, 05/03/2024\n"))
    }

    @Test func blankAndZeroHeightCharactersAreDropped() {
        let characters = placed("A", x: 0, y: 0) + [PlacedCharacter(" ", x1: 6, y1: 0, x2: 9, y2: 14),
                                                    PlacedCharacter("x", x1: 9, y1: 5, x2: 12, y2: 5)]
        #expect(PageLayout.text(characters) == "A")
    }

    @Test func ocrLinesAreOneParagraphUnlessTheGapOrAColumnSaysOtherwise() {
        // A subject wrapped on two centred lines (boxes 40 px high, 10 px apart), a paragraph after
        // a wide gap, then the header's right column, which starts above the last line.
        let lines = [OCRLine(text: "V/v tổ chức hội nghị sơ kết", left: 200, top: 100, right: 900, bottom: 140),
                     OCRLine(text: "phong trào thi đua năm 2025", left: 210, top: 150, right: 890, bottom: 190),
                     OCRLine(text: "Kính gửi: các chi bộ.", left: 500, top: 260, right: 1200, bottom: 300),
                     OCRLine(text: "ĐẢNG CỘNG SẢN VIỆT NAM", left: 1400, top: 20, right: 2300, bottom: 60)]
        #expect(PageLayout.text(of: lines) == """
        V/v tổ chức hội nghị sơ kết
        phong trào thi đua năm 2025

        Kính gửi: các chi bộ.

        ĐẢNG CỘNG SẢN VIỆT NAM
        """)
        #expect(PageLayout.text(of: []) == "")
    }
}
