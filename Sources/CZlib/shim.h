#ifndef SEG_CZLIB_SHIM_H
#define SEG_CZLIB_SHIM_H

#include <zlib.h>

// inflateInit2 and deflateInit2 are macros (they pass zlib's version and the stream's size), which
// Swift cannot call; these wrappers can be. Negative window bits select raw deflate data, the
// form a zip archive stores, with no zlib header or checksum.
static inline int seg_inflate_init_raw(z_stream *stream) {
  return inflateInit2(stream, -MAX_WBITS);
}

static inline int seg_deflate_init_raw(z_stream *stream, int level) {
  return deflateInit2(stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
}

#endif
