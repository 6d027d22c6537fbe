#ifndef CFUZZING_H
#define CFUZZING_H

#include <stddef.h>
#include <stdint.h>

typedef int (*formprint_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver over `callback`. SwiftPM gives an executable its
/// own `main` (the Swift module's entry point), so the fuzz targets call
/// libFuzzer's driver (LLVMFuzzerRunDriver, in the runtime that
/// -sanitize=fuzzer links) from Swift rather than relying on libFuzzer's
/// `main`.
int formprint_fuzz_main(int argc, char **argv, formprint_fuzz_callback callback);

#endif
