/// Examples of the header extractor: each is a test (`ExtractorExamplesTests`). The documents are
/// written for the project.
extension HeaderExtractor {
    package static let exampleList: [ExtractorExample] = [
        .matches("""
                 Cam Lộ, ngày 12 tháng 3 năm 2021
                 Số 58 - CV/HU
                 V/v tăng cường công tác dân vận
                 trong tình hình mới

                 Kính gửi:
                 - UBND huyện,
                 - Các chi bộ trực thuộc.

                 Đề nghị các đơn vị thực hiện nghiêm túc.

                 Nơi nhận:
                 - Như kính gửi,
                 - Lưu VP.

                 T/M BAN THƯỜNG VỤ
                 BÍ THƯ

                 Lê Văn Tám
                 """,
                 "number=58-CV/HU", "documentType=Công văn", "issuer=Huyện ủy Cam Lộ", "place=Cam Lộ",
                 "date=2021-03-12", "subject=tăng cường công tác dân vận trong tình hình mới",
                 "recipient=UBND huyện", "recipient=Các chi bộ trực thuộc", "copyTo=Như kính gửi", "copyTo=Lưu VP",
                 "signer.authority=T/M Ban Thường vụ", "signer.position=Bí thư", "signer.name=Lê Văn Tám",
                 kind: .dispatch, note: "a Party dispatch without its issuer block: the issuer from HU and the place"),
        .matches("""
                 ỦY BAN NHÂN DÂN TỈNH QUẢNG TRỊ
                 SỞ Y TẾ
                 Số: 215/SYT-NVY
                 Đông Hà, ngày 05 tháng 01 năm 2022
                 V/v báo cáo số liệu tiêm chủng
                 Kính gửi: Trung tâm Y tế các huyện.
                 Nội dung công văn.
                 KT. GIÁM ĐỐC
                 PHÓ GIÁM ĐỐC

                 (Đã ký)

                 Nguyễn Thị Hồng
                 """,
                 "number=215/SYT-NVY", "documentType=Công văn", "issuer=Sở Y tế",
                 "superiorBody=Ủy ban nhân dân tỉnh Quảng Trị", "place=Đông Hà", "date=2022-01-05",
                 "recipient=Trung tâm Y tế các huyện", "signer.authority=KT. Giám đốc", "signer.position=Phó Giám đốc",
                 "signer.name=Nguyễn Thị Hồng", kind: .dispatch),
        .matches("""
                 CÔNG BÁO/Số 101 + 102/Ngày 20-02-2023
                 CHÍNH PHỦ
                 Số: 07/2023/NĐ-CP
                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                 Hà Nội, ngày 02 tháng 02 năm 2023
                 NGHỊ ĐỊNH
                 Quy định về một việc
                 Căn cứ Luật Tổ chức Chính phủ;
                 TM. CHÍNH PHỦ
                 KT. THỦ TƯỚNG
                 PHÓ THỦ TƯỚNG
                 Người ký: CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ
                 Trần Văn Hải
                 """,
                 "number=07/2023/NĐ-CP", "documentType=Nghị định", "issuer=Chính phủ", "date=2023-02-02",
                 "subject=Quy định về một việc", "signer.position=Phó Thủ tướng", "signer.name=Trần Văn Hải",
                 kind: .dispatch, note: "never the gazette's issue number; the e-signature stamp is not the signer"),
        .matches("""
                 BỘ XÂY DỰNG
                 Số: 88/QĐ-BXD
                 Hà Nội, ngày 5 tháng 4 năm 2030

                 QUYẾT ĐỊNH
                 Đính chính Thông tư số 4/2030/TT-BXD về mẫu hồ sơ mời thầu
                 thực hiện dự án nhà ở xã hội

                 BỘ TRƯỞNG BỘ XÂY DỰNG
                 """,
                 "subject=Đính chính Thông tư số 4/2030/TT-BXD về mẫu hồ sơ mời thầu thực hiện dự án nhà ở xã hội",
                 kind: .dispatch, note: "a wrapped line that starts in lower case goes on with the subject, even with “thực hiện”"),
        .matches("""
                 BỘ XÂY DỰNG
                 Số: 89/QĐ-BXD
                 Hà Nội, ngày 5 tháng 4 năm 2030

                 KẾ HOẠCH
                 Tổ chức hội thi năm 2030
                 Thực hiện Quyết định số 12/QĐ-BXD của Bộ,
                 """,
                 "subject=Tổ chức hội thi năm 2030", kind: .dispatch, note: "the body's capitalised opening words end it"),
        .matches("""
                 ỦY BAN NHÂN DÂN
                 HUYỆN CAM LỘ
                 Số: 1024/UBND-VP
                 V/v triển khai kế hoạch phòng, chống
                 dịch bệnh trên địa bàn huyện
                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                 Độc lập - Tự do - Hạnh phúc
                 Cam Lộ, ngày 08 tháng 9 năm 2021
                 Kính gửi:
                 - Các cơ quan, ban, ngành cấp huyện;
                 - UBND các xã, thị trấn.
                 Thực hiện ý kiến chỉ đạo của cấp trên, đề nghị các đơn vị khẩn trương triển khai.
                 Nơi nhận:
                 - Như trên;
                 - TT Huyện ủy;
                 - Lưu: VT.
                 TM. ỦY BAN NHÂN DÂN
                 KT. CHỦ TỊCH
                 PHÓ CHỦ TỊCH
                 (Đã ký)
                 Hoàng Minh Tuấn
                 """,
                 "number=1024/UBND-VP", "documentType=Công văn", "issuer=Ủy ban nhân dân huyện Cam Lộ", "place=Cam Lộ",
                 "date=2021-09-08", "subject=triển khai kế hoạch phòng, chống dịch bệnh trên địa bàn huyện",
                 "recipient=Các cơ quan, ban, ngành cấp huyện", "recipient=UBND các xã, thị trấn", "copyTo=Như trên",
                 "copyTo=TT Huyện ủy", "copyTo=Lưu: VT", "signer.authority=TM. Ủy ban nhân dân KT. Chủ tịch",
                 "signer.position=Phó Chủ tịch", "signer.name=Hoàng Minh Tuấn", kind: .dispatch,
                 note: "a state dispatch: issuer over two lines, a wrapped V/v, a chain of authorities"),
        .matches("""
                 ĐẢNG BỘ TỈNH QUẢNG TRỊ
                 HUYỆN ỦY HẢI LĂNG
                 *
                 Số 45-KH/HU
                 ĐẢNG CỘNG SẢN VIỆT NAM
                 Hải Lăng, ngày 15 tháng 3 năm 2022
                 KẾ HOẠCH
                 tổ chức hội thi tuyên truyền viên giỏi năm 2022
                 -----
                 Thực hiện chương trình công tác năm, Ban Thường vụ Huyện ủy xây dựng kế hoạch như sau.
                 """,
                 "number=45-KH/HU", "documentType=Kế hoạch", "issuer=Huyện ủy Hải Lăng",
                 "superiorBody=Đảng bộ tỉnh Quảng Trị", "place=Hải Lăng", "date=2022-03-15",
                 "subject=tổ chức hội thi tuyên truyền viên giỏi năm 2022", kind: .dispatch,
                 note: "a Party plan: the type line and its title"),
        .matches("UBND TỈNH BÌNH ĐỊNH        CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ NỘI VỤ        Độc lập - Tự do - Hạnh phúc\nSố: 88/SNV-TCBC        Quy Nhơn, ngày 4 tháng 5 năm 2023\nV/v tuyển dụng viên chức",
                 "number=88/SNV-TCBC", "issuer=Sở Nội vụ", "superiorBody=UBND tỉnh Bình Định", "place=Quy Nhơn",
                 "date=2023-05-04", "subject=tuyển dụng viên chức", kind: .dispatch,
                 note: "two columns on one line: the motto is not part of the issuer"),
        .matches("BỘ TÀI CHÍNH\nSố: 12/2024/TT-\nBTC\nHà Nội, ngày 1 tháng 3 năm 2024\nTHÔNG TƯ",
                 "number=12/2024/TT-BTC", "documentType=Thông tư", kind: .dispatch, note: "a number broken over two lines"),
        .matches("Nội dung hợp nhất.\nBỘ NỘI VỤ\nSố: 5/VBHN-BNV\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 3 tháng 4 năm 2024",
                 "number=5/VBHN-BNV", "documentType=Văn bản hợp nhất", kind: .unknown,
                 note: "a consolidated text's own number"),
        .matches("ỦY BAN NHÂN DÂN\nXÃ TÂN AN\nKế hoạch số: 12/KH-UBND\nTân An, ngày 2 tháng 3 năm 2024\nKẾ HOẠCH\nTổ chức ngày hội\n",
                 "number=12/KH-UBND", "issuer=Ủy ban nhân dân xã Tân An", "documentType=Kế hoạch", kind: .unknown,
                 note: "a number line that starts with the type name: every type of the lexicon, not a few letters"),
        .matches("BAN CHỈ ĐẠO\nChỉ thị số: 05/CT-BCĐ\nBình Minh, ngày 9 tháng 6 năm 2023\nCHỈ THỊ\nVề phòng chống bão\n",
                 "number=05/CT-BCĐ", "issuer=Ban Chỉ đạo", kind: .dispatch),
        .matches("""
                 ỦY BAN THƯỜNG VỤ QUỐC HỘI
                 Nghị quyết số: 9/2024/UBTVQH15
                 NGHỊ QUYẾT
                 Về một việc
                 Căn cứ Hiến pháp;
                 Nghị quyết này có hiệu lực từ ngày 01 tháng 7 năm 2024.
                 Nghị quyết này được Ủy ban Thường vụ Quốc hội thông qua ngày 20 tháng 5 năm 2024.
                 TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI
                 CHỦ TỊCH
                 Nguyễn Văn Năm
                 """,
                 "date=2024-05-20", "signer.authority=TM. Ủy ban Thường vụ Quốc hội", kind: .dispatch,
                 note: "no place line: dated by the adoption line above the signature, not the date it takes effect"),
        .matches("BỘ XÂY DỰNG\nSố: 3/2022/TT-BXD\nHà Nội, ngày 4 tháng 5 năm 2022\nTHÔNG TƯ\nHướng dẫn một số điều của Nghị định số 1/2021/NĐ-CP\nngày 5 tháng 1 năm 2021 của Chính phủ về nhà ở\n\nCăn cứ Luật;",
                 "subject=Hướng dẫn một số điều của Nghị định số 1/2021/NĐ-CP ngày 5 tháng 1 năm 2021 của Chính phủ về nhà ở",
                 kind: .dispatch, note: "a title line that starts with a cited date is no place-date line"),
        .matches("SỞ Y TẾ\nSố: 41/SYT-TC\nLong Xuyên, ngày      tháng      năm 2025\nV/v cử cán bộ dự tập huấn\n",
                 "date=2025", "place=Long Xuyên", kind: .dispatch, note: "a date line left blank gives its year"),
        .matches("PHÒNG NỘI VỤ\nSố: 12/PNV-VP\nCư Jút, ngày     tháng 3 năm 2025\nV/v cử cán bộ dự tập huấn\n",
                 "date=2025-03", "place=Cư Jút", kind: .dispatch, note: "a blank day with the month written gives the month"),
        .matches("PHÒNG NỘI VỤ\nSố: 12/PNV-VP\nCư Jút, ngày 05 tháng    năm 2025\nV/v cử cán bộ dự tập huấn\n",
                 "date=2025", "place=Cư Jút", kind: .dispatch, note: "a written day with a blank month: the year only"),
        .matches("Số hiệu: 7/BTC-KH Loại văn bản: Công văn\nNơi ban hành: Bộ Tài chính Người ký: Lê Thị Hoa\nBỘ TÀI CHÍNH\nSố: 7/BTC-KH\nV/v lập dự toán\nKính gửi: Các sở.",
                 "number=7/BTC-KH", "signer.name=Lê Thị Hoa", kind: .dispatch,
                 note: "an excerpt without its signature block: the register's signer"),
        .matches("Tải về\n\nUBND HUYỆN ĐÔNG SƠN PHÒNG NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 77/PNV-TĐ Đông Sơn, ngày 12 tháng năm 2019 Độc lập - Tự do - Hạnh phúc V/v đăng ký thi đua năm 2019 Kính gửi: - Các trường học; - Trạm Y tế các xã; Căn cứ Luật Thi đua, Khen thưởng, Phòng Nội vụ hướng dẫn như sau: các đơn vị gửi bản đăng ký.",
                 "number=77/PNV-TĐ", "documentType=Công văn", "issuer=Phòng Nội vụ", "place=Đông Sơn", "date=2019",
                 "subject=đăng ký thi đua năm 2019", "recipient=Các trường học", "recipient=Trạm Y tế các xã", kind: .dispatch,
                 note: "a header flattened into one paragraph is read as the lines it was"),
        .matches("ĐẢNG BỘ TỈNH HÀ LAM HUYỆN ỦY TÂY SƠN * Số 12-CV/HU ĐẢNG CỘNG SẢN VIỆT NAM Tây Sơn, ngày 2 tháng 4 năm 2024 V/v học tập nghị quyết Kính gửi: - Ban Tuyên giáo Huyện ủy, - Các chi bộ trực thuộc. Thực hiện chỉ đạo của Tỉnh ủy, các chi bộ tổ chức học tập.",
                 "issuer=Huyện ủy Tây Sơn", "superiorBody=Đảng bộ tỉnh Hà Lam", "recipient=Ban Tuyên giáo Huyện ủy",
                 "recipient=Các chi bộ trực thuộc", kind: .dispatch,
                 note: "a flattened Party header: the superior body and the issuer on one line, recipients ending in commas"),
        .never("Số 15/2020/NĐ-CP ngày 3/2/2020 quy định mức phạt.", "number=15/2020/NĐ-CP", kind: .dispatch,
               note: "a citation at the start of a line is not the document's number"),
        .never("Số: 12/UBND-VP\nBài viết về hội nghị.", "number=12/UBND-VP", kind: .news, note: "no header for news"),
        // The word tables of `HeaderLexicon` at work: a stamp between the position and the name,
        // a motto beside the issuer, a citation and a register label.
        .matches("""
                 ỦY BAN NHÂN DÂN XÃ TÂN LẬP    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                 Số: 64/UBND-VP
                 Tân Lập, ngày 8 tháng 7 năm 2024
                 V/v dọn vệ sinh kênh mương
                 trước mùa mưa lũ
                 Kính gửi: Các thôn, đội sản xuất.
                 Ủy ban nhân dân xã đề nghị các thôn ra quân trước ngày 20/7/2024.
                 Nơi nhận:
                 - Như trên;
                 - Lưu: VT.
                 TM. ỦY BAN NHÂN DÂN
                 CHỦ TỊCH
                 Ký bởi: Ủy ban nhân dân xã Tân Lập
                 Thời gian ký: 08.07.2024 10:05:00 +07:00
                 Đinh Văn Hậu
                 """,
                 "number=64/UBND-VP", "issuer=Ủy ban nhân dân xã Tân Lập", "subject=dọn vệ sinh kênh mương trước mùa mưa lũ",
                 "recipient=Các thôn, đội sản xuất", "copyTo=Như trên", "copyTo=Lưu: VT", "signer.position=Chủ tịch",
                 "signer.name=Đinh Văn Hậu", kind: .dispatch,
                 note: "the motto beside the issuer is cut off; the e-signature stamp lines are skipped to reach the name"),
        .never("Số 9/KH-UBND ngày 4/1/2024 của xã về phòng cháy rừng.\nTân Lập, ngày 6 tháng 5 năm 2024", "number=9/KH-UBND",
               kind: .dispatch, note: "a number followed by `ngày` is a citation (header.citation-followers)"),
        .matches("Loại văn bản: Quyết định\nNgười ký: Võ Văn Sáu Ngày hiệu lực: 01/07/2024\nSố hiệu: 33/2024/QĐ-UBND",
                 "signer.name=Võ Văn Sáu", kind: .dispatch, note: "a register's label ends the signer's name (header.register-labels)"),
    ]
}
