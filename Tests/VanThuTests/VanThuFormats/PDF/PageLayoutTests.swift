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
