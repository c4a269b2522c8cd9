/* Build-time profiling aid for deploy/code-order/profile_order.py; never shipped.
 *
 * Preloaded (LD_PRELOAD) into the Native AOT kiosk-edge, it splits the executable's read-only file mappings
 * (code and read-only data) into one-page VMAs before main() runs, by giving every other page
 * MADV_RANDOM: VMAs with different flags do not merge. The kernel's fault-around (it maps up to 64 kB of
 * cached file pages around each fault, mm/memory.c do_fault_around) never crosses a VMA, so each page is
 * then mapped only when the process itself touches it, and /proc/PID/smaps shows, per page, whether it is
 * resident (Rss) and whether it was accessed since the last write of 1 to /proc/PID/clear_refs
 * (Referenced). MADV_RANDOM also turns off read-ahead for those pages, which only matters for timing. */
#define _GNU_SOURCE
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static void split(unsigned long start, unsigned long end, long page)
{
    for (unsigned long a = start + page; a < end; a += 2 * page)
        madvise((void *)a, page, MADV_RANDOM);
}

__attribute__((constructor)) static void pagetrace_init(void)
{
    char self[4096];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0) return;
    self[n] = 0;
    long page = sysconf(_SC_PAGESIZE);
    FILE *maps = fopen("/proc/self/maps", "r");
    if (!maps) return;
    unsigned long ranges[16][2];
    int count = 0;
    char line[4608];
    while (fgets(line, sizeof line, maps) && count < 16)
    {
        unsigned long start, end;
        char perms[8], path[4096] = "";
        if (sscanf(line, "%lx-%lx %7s %*s %*s %*s %4095s", &start, &end, perms, path) >= 3
            && strcmp(path, self) == 0 && perms[1] != 'w')
        {
            ranges[count][0] = start;
            ranges[count][1] = end;
            count++;
        }
    }
    fclose(maps);
    for (int i = 0; i < count; i++) split(ranges[i][0], ranges[i][1], page);
}
