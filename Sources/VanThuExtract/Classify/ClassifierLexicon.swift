/// The words the classifier's rules look for, as tables of the lexicon: each word with a line of
/// the project's own that it marks, and lines that no word of the table marks
/// (`FoldedWordTableTests` checks them all). The rules in `ClassifyStage` say what a table is
/// for; the words are here.
package struct ClassifierLexicon: Sendable {
    /// Labels of a legal-document register (a database page that describes one document): the
    /// page is that document.
    package var registerLabels: FoldedWordTable
    /// Closing formulas that stand alone on their line at the end of a letter, a notice or an
    /// invitation (with `!` or `.` or nothing after them).
    package var closingFormulas: FoldedWordTable
    /// The subject cues that follow a type name in a document's own title line (`… về việc …`).
    package var subjectCues: FoldedWordTable
    /// Where a cue is the start of another word: `về việc làm` (about employment).
    package var notSubjectCues: FoldedWordTable
    /// Labels of a page's byline or publication stamp (`Cập nhật: …`, `Ngày đăng: …`, `Nguồn: … |
    /// Ngày: …`): with a date on a short line, the line is the byline (`ClassifyStage.isByline`).
    package var bylineLabels: FoldedWordTable
    /// The section headings of a plan or a guidance (`I. MỤC ĐÍCH, YÊU CẦU`, `III. TỔ CHỨC THỰC HIỆN`),
    /// alone on their line after a Roman numeral: the text is the document itself.
    package var planSections: FoldedWordTable
    /// Every table, for the tests that check their examples.
    package var tables: [FoldedWordTable] { [registerLabels, closingFormulas, subjectCues, notSubjectCues, bylineLabels, planSections] }

    package static let standard = ClassifierLexicon(
        registerLabels: FoldedWordTable("classify.register-labels", [
            ("so hieu:", "Số hiệu: 21/QĐ-UBND"),
            ("so ky hieu:", "Số ký hiệu: 8/KH-BCĐ"),
            ("loai van ban:", "Loại văn bản: Quyết định"),
            ("noi ban hanh:", "Nơi ban hành: Ủy ban nhân dân huyện Đông Hòa"),
            ("co quan ban hanh:", "Cơ quan ban hành: Sở Giáo dục và Đào tạo"),
            ("nguoi ky:", "Người ký: Lưu Văn Khải"),
            ("ngay ban hanh:", "Ngày ban hành: 11/04/2022"),
            // A digital signature's stamp on a gazette page.
            ("ky boi:", "Ký bởi: Văn phòng Chính phủ"), ("co quan:", "Cơ quan: Văn phòng Chính phủ"),
        ], notMatching: ["Số: 21/QĐ-UBND", "Người ký tên dưới đây xác nhận", "Ngày ban hành văn bản chưa rõ",
                         "Ký bởi ai thì người đó chịu trách nhiệm"]),
        closingFormulas: FoldedWordTable("classify.closing-formulas", .wholeLine, [
            ("tran trong", "Trân trọng!"),
            ("tran trong thong bao", "Trân trọng thông báo."),
            ("tran trong kinh moi", "Trân trọng kính mời"),
            ("tran trong de nghi", "Trân trọng đề nghị!"),
        ], notMatching: ["Trân trọng cảm ơn quý vị đã theo dõi", "Trân trọng kính mời các đại biểu tới dự", "Kính mời"]),
        subjectCues: FoldedWordTable("classify.subject-cues", [
            ("ve viec ", "về việc kiện toàn Tổ công tác"),
            ("v/v ", "V/v chuẩn bị hội nghị tổng kết"),
        ], notMatching: ["vệ sinh môi trường khu dân cư", "về thăm gia đình chính sách", "V/v:"]),
        notSubjectCues: FoldedWordTable("classify.not-subject-cues", [
            ("ve viec lam ", "về việc làm cho lao động nông thôn"),
        ], notMatching: ["về việc lập danh sách cử tri"]),
        bylineLabels: FoldedWordTable("classify.byline-labels", .anywhere, [
            ("cap nhat", "Cập nhật: 04/11/2025"),
            ("ngay dang", "Ngày đăng: 03/06/2021"),
            ("dang ngay", "Đăng ngày 17/09/2022 - Lượt xem: 88"),
            ("ngay:", "Biên tập: Thu Hà | Ngày: 12/05/2020"),
            ("nguon:", "Nguồn: Báo Sông Lam | 22-8-2019"),
            ("nguoi dang", "Người đăng: Quản trị | 30/10/2023"),
            ("nguoi viet", "Người viết: Hà My - 08/07/2024"),
            ("tac gia", "Tác giả: Đình Lộc, 11.01.2022"),
            ("dang luc", "Đăng lúc 2/3/2021"),
            ("xuat ban", "Xuất bản 15/12/2018"),
        ], notMatching: ["Ngày 12/5/2020, Hội Nông dân xã tổ chức hội nghị", "Tin liên quan (05/04/2024)", "Thứ Hai, 03/06/2024"]),
        planSections: FoldedWordTable("classify.plan-sections", .wholeLine, [
            ("muc dich, yeu cau", "MỤC ĐÍCH, YÊU CẦU"),
            ("muc dich yeu cau", "Mục đích yêu cầu"),
            ("muc dich - yeu cau", "MỤC ĐÍCH - YÊU CẦU"),
            ("to chuc thuc hien", "TỔ CHỨC THỰC HIỆN"),
        ], notMatching: ["Mục đích, yêu cầu của hội nghị là đánh giá đúng kết quả", "Tổ chức thực hiện tốt phong trào thi đua",
                         "Mục đích"])
    )
}
