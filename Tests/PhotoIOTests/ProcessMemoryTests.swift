import CPhotoCodecs
import Testing

/// `pmc_prefer_huge_pages` refuses a heap step it cannot use (under one 2 MB huge page, or over
/// 1 GB, more than `mallopt`'s int takes safely) before it changes anything in the allocator.
@Test(arguments: [0, 4096, (2 << 20) - 1, (1 << 30) + 1, Int(Int32.max) + 1])
func hugePageHeapRefusesAStepItCannotUse(reserve: Int) {
  #expect(pmc_prefer_huge_pages(reserve) == Int32(PMC_ERR_ARGUMENT))
}
