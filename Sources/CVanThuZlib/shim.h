#ifndef VANTHU_CZLIB_SHIM_H
#define VANTHU_CZLIB_SHIM_H
#include <zlib.h>
#endif
