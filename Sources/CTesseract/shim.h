#ifndef VANTHU_CTESSERACT_SHIM_H
#define VANTHU_CTESSERACT_SHIM_H
// Tesseract's C API (Debian's libtesseract-dev) and leptonica (libleptonica-dev), which reads
// the images and cleans them before OCR (deskew, median filter, upscale, normalise).
#include <leptonica/allheaders.h>
#include <tesseract/capi.h>
#include <stdlib.h>
#endif
