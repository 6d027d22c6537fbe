#include "CFuzzing.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, formprint_fuzz_callback callback);

static formprint_fuzz_callback registered;

/// libFuzzer's own `main` (linked in from its runtime archive, but not the
/// `main` the program starts in) refers to this symbol; it forwards to the
/// registered callback so that the link is complete either way.
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    return registered ? registered(data, size) : 0;
}

int formprint_fuzz_main(int argc, char **argv, formprint_fuzz_callback callback) {
    registered = callback;
    return LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput);
}
