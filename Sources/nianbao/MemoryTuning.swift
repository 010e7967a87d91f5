#if os(Linux)
    import CMalloc
#endif

/// The allocator. On Linux nianbao is linked with mimalloc (Debian's libmimalloc2.0), which
/// takes over `malloc` for the whole process, Swift's runtime and Foundation included. A build
/// allocates and frees millions of small objects from both cores at once; glibc's allocator
/// spent a tenth of a cold `check` of 20,000 reports in `_int_malloc` alone, and with mimalloc
/// `check`, `build` and the one-edit rebuild each took 10–20 % less CPU (BENCHMARKS.md).
enum MemoryTuning {
    /// The allocator serving `malloc` in this process, for `NIANBAO_TIMINGS`.
    static var allocator: String {
        #if os(Linux)
            // mimalloc knows its own blocks: a block from `malloc` that is not one of them came
            // from another allocator (the link order put glibc's first).
            guard let block = malloc(64) else { return "unknown" }
            defer { free(block) }
            return mi_is_in_heap_region(block) ? "mimalloc \(mi_version())" : "glibc"
        #else
            return "system"
        #endif
    }

    /// For `build` and `serve`, which free pages of 50 KB by the thousand and want them again:
    /// freed memory is handed back to the system only after a second, not after 10 ms (the
    /// default), so the same pages are not faulted in again and again.
    static func apply() {
        #if os(Linux)
            mi_option_set(mi_option_decommit_delay, 1000)
        #endif
    }
}
