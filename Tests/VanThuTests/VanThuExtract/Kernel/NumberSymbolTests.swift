import Testing
@testable import VanThuExtract

struct NumberSymbolTests {
    @Test("number-symbols as one id", arguments: [
        ("Số 374 - CV/HU ngày", "374-CV/HU"),
        ("theo 05- CT/TW, ngày", "05-CT/TW"),
        ("số 11/2023/TT-BLĐTBXH;", "11/2023/TT-BLĐTBXH"),
        ("Số: 01/2022/TTLT-VKSNDTC-\nTANDTC-BCA", "01/2022/TTLT-VKSNDTC-TANDTC-BCA"),
        ("số 1719/QĐ-TTg ngày", "1719/QĐ-TTg"),
        ("số 49-CT /TW", "49-CT/TW"),
        ("số 123/UBND–VP", "123/UBND-VP"),
        ("Số: 66.16/2026/NQ-CP", "66.16/2026/NQ-CP"),
        ("số 18-KH/BDVTU,", "18-KH/BDVTU"),
    ])
    func parses(_ item: (String, String)) {
        let bytes = Array(item.0.utf8)
        let start = bytes.firstIndex { $0 >= 48 && $0 <= 57 }!
        #expect(NumberSymbol.parse(bytes, at: start)?.id == item.1)
    }

    @Test("not number-symbols", arguments: ["14/8/2015", "58/85 hộ", "2/người", "2015 - 2020", "12/Nghị định", "5/Về việc"])
    func rejects(_ text: String) {
        #expect(NumberSymbol.parse(Array(text.utf8), at: 0) == nil)
    }

    @Test func typeAndIssuerCodes() {
        let lexicon = DocumentLexicon.standard
        let party = NumberSymbol.parse(Array("374-CV/HU".utf8), at: 0)!
        #expect(party.isPartyForm)
        #expect(party.typeCode(in: lexicon) == "CV")
        #expect(party.issuerCodes(in: lexicon) == ["HU"])
        let state = NumberSymbol.parse(Array("04/2015/NĐ-CP".utf8), at: 0)!
        #expect(state.year == "2015")
        #expect(state.typeCode(in: lexicon) == "NĐ")
        #expect(lexicon.issuerName(code: "BDVTU") == "Ban Dân vận Tỉnh ủy")
    }
}
