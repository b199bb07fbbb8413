#!/usr/bin/env python3
"""Writes the fuzzing seed corpus (Fuzz/corpus): small documents of our own, one per format and
encoding. The first byte of each file picks the format (see Sources/vanthu-fuzz/FuzzTarget.swift):
0 text, 1 HTML, 2 .docx, 3 gzip text, 4 gzip HTML."""
import gzip, io, os, unicodedata, zipfile

here = os.path.dirname(os.path.abspath(__file__))
out = os.path.join(here, "corpus")
os.makedirs(out, exist_ok=True)

DISPATCH = """ỦY BAN NHÂN DÂN
TỈNH LAM SƠN
Số: 47/KH-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Thạch Bàn, ngày 14 tháng 3 năm 2023

KẾ HOẠCH
Xây dựng mô hình dân vận khéo năm 2023

Căn cứ Quyết định số 112/QĐ-UBND ngày 02/01/2023 của Ủy ban nhân dân tỉnh;
1. Phấn đấu có ít nhất 35 mô hình mới trong lĩnh vực kinh tế, hoàn thành trước ngày 30/9/2023.
2. Sở Nội vụ, Ban Dân vận Tỉnh ủy tổng hợp báo cáo định kỳ 6 tháng, hằng năm.
3. Từ ngày 01/4/2023 đến ngày 31/12/2023, các huyện triển khai thực hiện.
Kinh phí: 1.250.000.000 đồng (30% ngân sách tỉnh).
"""

NEWS = """Nông dân xã Hòa Phong làm giàu từ cây bưởi
Năm 2022, toàn xã có 12 mô hình “dân vận khéo” được công nhận, tăng 4 mô hình so với năm trước.
Ông Trần Văn Lộc, Chủ tịch UBND xã, cho biết đến quý IV/2023 sẽ nhân rộng thêm.
"""

HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Tin tức - Báo Lam Sơn</title>
<meta property="og:title" content="Xã Hòa Phong nhân rộng mô hình mới">
<meta property="article:published_time" content="2023-05-06T08:00:00+07:00"></head>
<body><nav><a href="/">Trang chủ</a></nav><article><h1>Xã Hòa Phong nhân rộng mô hình mới</h1>
<p>Năm 2022, toàn xã có <b>12 mô hình</b> được công nhận.</p><table><tr><td>Huyện</td><td>Số mô hình</td></tr>
<tr><td>Đông Sơn</td><td>8</td></tr></table><p>Hạn chót: trước ngày 15/7/2023.</p></article>
<footer>© Báo Lam Sơn</footer><script>var x = "<p>không phải văn bản</p>";</script></body></html>
"""

DOCX_XML = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
<w:p><w:r><w:t>ỦY BAN NHÂN DÂN HUYỆN ĐÔNG SƠN</w:t></w:r></w:p>
<w:p><w:r><w:t>Số: 15/BC-UBND</w:t></w:r><w:r><w:tab/><w:t>Đông Sơn, ngày 20 tháng 6 năm 2022</w:t></w:r></w:p>
<w:p><w:r><w:t>BÁO CÁO</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Lĩnh vực</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Số mô hình</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>Văn hóa - xã hội</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>17</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
<w:p><w:r><w:t xml:space="preserve">Tổng cộng có </w:t></w:r><w:r><w:t>17 mô hình</w:t></w:r><w:r><w:br/><w:t>trước ngày 01/10/2022.</w:t></w:r></w:p>
</w:body></w:document>
"""

def docx(xml):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        z.writestr("word/document.xml", xml)
    return buffer.getvalue()

def write(name, selector, body):
    with open(os.path.join(out, name), "wb") as f:
        f.write(bytes([selector]) + body)

write("dispatch-utf8.bin", 0, DISPATCH.encode("utf-8"))
write("dispatch-crlf-bom.bin", 0, b"\xef\xbb\xbf" + DISPATCH.replace("\n", "\r\n").encode("utf-8"))
write("dispatch-nfd.bin", 0, unicodedata.normalize("NFD", DISPATCH).encode("utf-8"))
write("dispatch-cp1258.bin", 0, unicodedata.normalize("NFD", DISPATCH).encode("cp1258", errors="replace"))
write("news-utf16le.bin", 0, b"\xff\xfe" + NEWS.encode("utf-16-le"))
write("news-utf16be-nobom.bin", 0, NEWS.encode("utf-16-be"))
write("news-utf32le.bin", 0, b"\xff\xfe\x00\x00" + NEWS.encode("utf-32-le"))
write("news-utf8.bin", 0, NEWS.encode("utf-8"))
write("page-utf8.bin", 1, HTML.encode("utf-8"))
write("page-cp1258.bin", 1, unicodedata.normalize("NFD", HTML).replace("utf-8", "windows-1258").encode("cp1258", errors="replace"))
write("report.bin", 2, docx(DOCX_XML))
write("dispatch-gzip.bin", 3, gzip.compress(DISPATCH.encode("utf-8"), mtime=0))
write("page-gzip.bin", 4, gzip.compress(HTML.encode("utf-8"), mtime=0))
write("binary.bin", 0, bytes(range(256)))
print("corpus:", sorted(os.listdir(out)))
