#!/usr/bin/env python3
"""Writes the fuzzing seed corpus (Fuzz/corpus): small documents of our own, one per format and
encoding. The first byte of each file picks the format (see Sources/vanthu-fuzz/FuzzTarget.swift):
0 text, 1 HTML, 2 .docx, 3 gzip text, 4 gzip HTML, 5 PDF, 6 PNG, 7 TIFF. The PDF with a text layer
is made by tools/make-pdf-fixture.py (cairo); the scanned PDF, the PNG and the TIFF are written
here byte by byte, from a small bitmap of bars (a page of "lines"), so the seeds stay a few KB."""
import gzip, io, os, struct, subprocess, sys, tempfile, unicodedata, zipfile, zlib

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

# Scans and PDFs (issue 17): small, so that a mutant is read or refused in well under a second.
def bars(width, height):
    """8-bit gray rows: white, with black bars where lines of text would be."""
    rows = []
    for y in range(height):
        ink = (y // 6) % 3 == 1 and 8 <= y < height - 8
        rows.append(bytes(0 if ink and 10 <= x < width - 10 and (x // 9) % 5 else 255 for x in range(width)))
    return rows

def png(width, height):
    raw = b"".join(b"\x00" + row for row in bars(width, height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"pHYs", struct.pack(">IIB", 5906, 5906, 1)) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))

def tiff(pages):
    """A little-endian TIFF, one uncompressed 8-bit gray strip per page, 150 dpi."""
    out = bytearray(b"II*\x00\x00\x00\x00\x00")
    previous_next = 4
    for width, height in pages:
        pixels = b"".join(bars(width, height))
        data_offset = len(out)
        out += pixels
        if len(out) % 2: out += b"\x00"
        resolution_offset = len(out)
        out += struct.pack("<IIII", 150, 1, 150, 1)
        entries = [(256, 3, 1, width), (257, 3, 1, height), (258, 3, 1, 8), (259, 3, 1, 1), (262, 3, 1, 1),
                   (273, 4, 1, data_offset), (277, 3, 1, 1), (278, 3, 1, height), (279, 4, 1, len(pixels)),
                   (282, 5, 1, resolution_offset), (283, 5, 1, resolution_offset + 8), (296, 3, 1, 2)]
        ifd = len(out)
        struct.pack_into("<I", out, previous_next, ifd)
        out += struct.pack("<H", len(entries))
        for tag, kind, count, value in entries:
            out += struct.pack("<HHI", tag, kind, count) + (struct.pack("<HH", value, 0) if kind == 3 else struct.pack("<I", value))
        previous_next = len(out)
        out += b"\x00\x00\x00\x00"
    return bytes(out)

def scanned_pdf(width, height):
    """A PDF whose one page is an image (no text layer): the OCR path."""
    image = zlib.compress(b"".join(bars(width, height)), 9)
    content = b"q %d 0 0 %d 0 0 cm /Im0 Do Q" % (width * 72 // 150, height * 72 // 150)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>"
               % (width * 72 // 150, height * 72 // 150),
               b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n"
               % (width, height, len(image)) + image + b"\nendstream",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets: out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)

with tempfile.TemporaryDirectory() as folder:
    source, pdf = os.path.join(folder, "d.txt"), os.path.join(folder, "d.pdf")
    with open(source, "w", encoding="utf-8") as f: f.write(DISPATCH)
    subprocess.run([sys.executable, os.path.join(here, "..", "tools", "make-pdf-fixture.py"), source, pdf], check=True)
    write("dispatch-pdf.bin", 5, open(pdf, "rb").read())
write("scan-pdf.bin", 5, scanned_pdf(160, 120))
write("scan-png.bin", 6, png(160, 120))
write("scan-tiff.bin", 7, tiff([(120, 90), (100, 60)]))
print("corpus:", sorted(os.listdir(out)))
