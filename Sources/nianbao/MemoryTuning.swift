#if os(Linux)
    import CMalloc
#endif

/// How glibc's allocator keeps memory. By default each thread's heap hands freed memory back to
/// the kernel as soon as 128 KB sit free at its top, and the next allocation faults the pages in
/// again. A build makes and drops pages of 50 KB by the thousand, so it paid for the same pages
/// over and over: about a third of a full build's system time. `build` is short-lived and
/// `serve` holds one site, so they keep what they freed instead. `check` does not: it frees
/// little, and ran 5 % slower with it.
enum MemoryTuning {
    static func apply() {
        #if os(Linux)
            _ = mallopt(M_TRIM_THRESHOLD, 256 << 20)
            _ = mallopt(M_TOP_PAD, 64 << 20)
            _ = mallopt(M_MMAP_THRESHOLD, 32 << 20)
        #endif
    }
}
