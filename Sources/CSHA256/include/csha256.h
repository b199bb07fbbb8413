#ifndef VANTHU_CSHA256_H
#define VANTHU_CSHA256_H
#include <stddef.h>
#include <stdint.h>

/// 1 when this processor has the SHA extensions (and SSSE3, SSE4.1) that
/// vanthu_sha256_blocks needs, else 0.
int vanthu_sha256_hardware(void);

/// SHA-256 compression of `blocks` 64-byte blocks into `state` (eight words,
/// a..h) with the processor's SHA instructions. Call only when
/// vanthu_sha256_hardware() returned 1.
void vanthu_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

/// The 64 round constants of SHA-256 (FIPS 180-4), for the portable rounds too.
const uint32_t *vanthu_sha256_constants(void);

#endif
