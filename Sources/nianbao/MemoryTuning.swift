#if os(Linux)
    import CMalloc
#endif

/// The allocator. On Linux nianbao is linked with mimalloc (Debian's libmimalloc2.0), which
/// takes over `malloc` for the whole process, Swift's runtime and Foundation included. A build
/// allocates and frees millions of small objects from both cores at once; glibc's allocator
/// spent a tenth of a cold `check` of 20,000 reports in `_int_malloc` alone, and with mimalloc
/// `check`, `build` and the one-edit rebuild each took 10–20 % less CPU (BENCHMARKS.md).
///
/// The option names are those of mimalloc 2.0 (Debian 12's 2.0.9); 2.1 renamed the decommit
/// delay to the purge delay.
enum MemoryTuning {
    /// The allocator serving `malloc` in this process, for `NIANBAO_TIMINGS`.
    static var allocator: String {
        #if os(Linux)
            // mimalloc knows its own blocks: a block from `malloc` that is not one of them came
            // from another allocator (the link order put glibc's first).
            guard let block = malloc(64) else { return "unknown" }
            defer { free(block) }
            guard mi_is_in_heap_region(block) else { return "glibc" }
            return "mimalloc \(mi_version())" + (mi_option_is_enabled(mi_option_large_os_pages) ? ", 2 MB pages" : "")
        #else
            return "system"
        #endif
    }

    /// For `build`, which frees pages of 50 KB by the thousand and wants them again before it
    /// exits: freed memory goes back to the system only after a second, not after 25 ms (the
    /// default), so the same pages are not faulted in again and again.
    ///
    /// And its memory comes in 2 MB pages (transparent huge pages, where the kernel gives them
    /// on request): a one-edit rebuild of 20,000 reports decodes 300 MB of cache records into
    /// fresh memory, and faulting that in 4 KB at a time was a third of its system time
    /// (median of six alternating runs: 0.46 s to 0.36 s; peak memory 404 MB to 423 MB).
    static func forBuild() {
        #if os(Linux)
            mi_option_set(mi_option_decommit_delay, 1000)
            mi_option_enable(mi_option_large_os_pages)
        #endif
    }

    /// For `serve`, which builds as `build` does but keeps running after a full build has freed
    /// gigabytes: pages left empty are also handed back to the system (as lazily freed memory,
    /// which it takes back when it needs it). Without this the server held 1.1–1.4 GB after a
    /// full build of 20,000 reports and a few edits, against 0.8 GB with glibc; with it, 0.5 GB
    /// that is not lazily freed. Not in 2 MB pages: a page partly in use could not go back.
    static func forServer() {
        #if os(Linux)
            mi_option_set(mi_option_decommit_delay, 1000)
            mi_option_enable(mi_option_page_reset)
        #endif
    }
}
