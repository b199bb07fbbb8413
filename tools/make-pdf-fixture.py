#!/usr/bin/env python3
"""Make a born-digital PDF of a fixture's text (issue 17's test inputs), with cairo through ctypes
and the DejaVu Serif font (fonts-dejavu-core): A4 pages, 2.5 cm margins, 12.5 pt type, every
paragraph wrapped and justified (the last line of each ragged), so that words sit at uneven gaps as
in a real dispatch. Usage: make-pdf-fixture.py input.txt output.pdf [--title T]
"""
import ctypes, ctypes.util, sys

cairo = ctypes.CDLL(ctypes.util.find_library("cairo"))
cairo.cairo_pdf_surface_create.restype = ctypes.c_void_p
cairo.cairo_pdf_surface_create.argtypes = [ctypes.c_char_p, ctypes.c_double, ctypes.c_double]
cairo.cairo_create.restype = ctypes.c_void_p
cairo.cairo_create.argtypes = [ctypes.c_void_p]
for name in ["cairo_destroy", "cairo_show_page"]:
    getattr(cairo, name).argtypes = [ctypes.c_void_p]
cairo.cairo_surface_destroy.argtypes = [ctypes.c_void_p]
cairo.cairo_surface_finish.argtypes = [ctypes.c_void_p]
cairo.cairo_select_font_face.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int, ctypes.c_int]
cairo.cairo_set_font_size.argtypes = [ctypes.c_void_p, ctypes.c_double]
cairo.cairo_move_to.argtypes = [ctypes.c_void_p, ctypes.c_double, ctypes.c_double]
cairo.cairo_show_text.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
cairo.cairo_pdf_surface_set_metadata.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p]

class Extents(ctypes.Structure):
    _fields_ = [(n, ctypes.c_double) for n in ["x_bearing", "y_bearing", "width", "height", "x_advance", "y_advance"]]
cairo.cairo_text_extents.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.POINTER(Extents)]

WIDTH, HEIGHT, MARGIN, SIZE, LEADING = 595.0, 842.0, 71.0, 12.5, 17.0

def main():
    source, output = sys.argv[1], sys.argv[2]
    title = sys.argv[sys.argv.index("--title") + 1] if "--title" in sys.argv else None
    text = open(source, encoding="utf-8").read()
    surface = cairo.cairo_pdf_surface_create(output.encode(), WIDTH, HEIGHT)
    if title:
        cairo.cairo_pdf_surface_set_metadata(surface, 0, title.encode())          # CAIRO_PDF_METADATA_TITLE
        cairo.cairo_pdf_surface_set_metadata(surface, 5, b"2023-09-12T08:00:00")  # CAIRO_PDF_METADATA_CREATE_DATE
    cr = cairo.cairo_create(surface)
    cairo.cairo_select_font_face(cr, b"DejaVu Serif", 0, 0)
    cairo.cairo_set_font_size(cr, SIZE)
    ext = Extents()
    def width(s):
        cairo.cairo_text_extents(cr, s.encode(), ctypes.byref(ext))
        return ext.x_advance
    space = width(" ")
    y = MARGIN + SIZE
    def newline():
        nonlocal y
        y += LEADING
        if y > HEIGHT - MARGIN:
            cairo.cairo_show_page(cr)
            y = MARGIN + SIZE
    usable = WIDTH - 2 * MARGIN
    for paragraph in text.split("\n"):
        words = paragraph.split()
        if not words:
            newline(); continue
        lines, current = [], []
        for word in words:
            if current and width(" ".join(current + [word])) > usable:
                lines.append(current); current = []
            current.append(word)
        lines.append(current)
        for index, line in enumerate(lines):
            last = index == len(lines) - 1
            gap = space
            if not last and len(line) > 1:
                gap = (usable - sum(width(w) for w in line)) / (len(line) - 1)
            x = MARGIN
            for word in line:
                cairo.cairo_move_to(cr, x, y)
                cairo.cairo_show_text(cr, word.encode())
                x += width(word) + gap
            newline()
    cairo.cairo_show_page(cr)
    cairo.cairo_destroy(cr)
    cairo.cairo_surface_finish(surface)
    cairo.cairo_surface_destroy(surface)

main()
