/// Examples of the reference extractor: each is a test (`ExtractorExamplesTests`).
extension ReferenceExtractor {
    static let exampleList: [ExtractorExample] = [
        .matches("Căn cứ Kế hoạch số 12-KH/BCĐ, ngày 05/6/2016 của Ban Chỉ đạo thành phố về việc tổ chức hội thi.",
                 "12-KH/BCĐ", "12-KH/BCĐ type=Kế hoạch", "12-KH/BCĐ date=2016-06-05",
                 "12-KH/BCĐ issuer=Ban Chỉ đạo thành phố"),
        .matches("Thực hiện Nghị định số 17/2019/NĐ-CP ngày 09/02/2019 của Chính phủ.", "17/2019/NĐ-CP",
                 "17/2019/NĐ-CP date=2019-02-09", "17/2019/NĐ-CP issuer=Chính phủ"),
        .matches("Quán triệt Chỉ thị 27-CT/TU của Ban Thường vụ Tỉnh ủy.", "27-CT/TU", "27-CT/TU type=Chỉ thị",
                 note: "a type word without số"),
        .matches("theo Chỉ thị số 08- CT/TW, ngày 20 tháng 5 năm 2021", "08-CT/TW", "08-CT/TW date=2021-05-20",
                 note: "spaces inside the symbol are dropped"),
        .matches("Căn cứ Luật Bảo hiểm y tế số 25/2008/QH12 được sửa đổi bởi Luật số 46/2014/QH13;",
                 "25/2008/QH12 type=Luật", "46/2014/QH13 type=Luật"),
        .exactly("HUYỆN ỦY A\nSố 45 - CV/HU\nV/v triển khai Nghị quyết 12-NQ/TU\nKính gửi: Các chi bộ",
                 ["12-NQ/TU", "12-NQ/TU type=Nghị quyết"], kind: .dispatch, note: "the document's own number is not a reference"),
        .never("Ngày 14/8/2015, tỷ lệ đạt 58/85 hộ, tốc độ 60 km/h.", note: "dates, fractions and units are not references"),
        .never("Đạt chuẩn QCVN 01:2009/BYT về nước sạch.", "2009/BYT"),
    ]
}
