internal import CPhotoCodecs

/// How an executable's process allocates memory (not used by the library itself).
public enum ProcessMemory {
  /// Large arrays from one heap backed by transparent huge pages (Linux with glibc; elsewhere
  /// nothing changes): a 12 MP analysis fills ≈ 40 MB of fresh arrays, and faulting them in 4 KB
  /// pages took 11–22 % of a `pigmatch analyze` process's CPU time (more when arrays are unmapped
  /// on free and faulted again, as in a batch). Process-wide and irreversible: it changes glibc's
  /// allocator for every thread (one arena: measured on 2 cores, `batch` unchanged in time; not
  /// measured on many cores) and freed heap is not returned to the system. Call once, first thing
  /// in `main`, never from a library. Returns true when every setting took effect; false when one
  /// failed, in which case the allocator settings made before it stay.
  @discardableResult
  public static func preferHugePages() -> Bool {
    pmc_prefer_huge_pages(256 << 20) == 0
  }
}
