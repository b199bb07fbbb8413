/// The word that stands right before a number and says what the number is.
package enum TemporalCue: Sendable, Equatable {
    case none
    /// `ngày`, `mùng`, `hôm`: a day of the month follows.
    case day
    /// `tháng`: a month follows.
    case month
    /// `năm`: a year follows.
    case year
    /// `quý`: a quarter follows.
    case quarter
    /// `sáng`, `chiều`, `tối`, `trưa`, `đêm`: a (usually year-less) day follows.
    case timeOfDay
    /// `thứ sáu`, `thứ 6`, `chủ nhật`: a date follows.
    case weekday
    /// `dịp`, `lễ`: a holiday's day follows (`dịp 30/4`).
    case occasion
    /// `giai đoạn`, `nhiệm kỳ`, `năm học`: a span of years follows.
    case span
    /// `từ`: the start of a range follows.
    case from
    /// `đến`, `tới`, `trước`: the end of a range or a deadline follows.
    case until
    /// `date`, `# date =`: a metadata line.
    case metadata
    /// `số`: a document number follows, never a date.
    case number
}
