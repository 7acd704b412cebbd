package org.linkage.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole machine's CPU time so far, all cores (Linux, the first line of /proc/stat): two readings tell how busy
 * the machine was in between, whatever ran on it. Busy is every column but idle and iowait; guest time is already in
 * user, so the columns after steal are left out. Steal (time this virtual machine was ready to run but the
 * hypervisor ran another) counts as busy and is also kept apart: on a shared host it is the neighbours' load.
 */
public record HostCpu(long busyTicks, long stealTicks, long totalTicks) {

    /** The kernel's clock ticks per second (USER_HZ) of /proc/stat, 100 on every Linux we run. */
    private static final double TICKS_PER_SECOND = 100.0;

    /** Now; empty where there is no /proc/stat. */
    public static Optional<HostCpu> now() {
        try {
            String[] columns = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            long steal = 0;
            long total = 0;
            // user, nice, system, idle, iowait, irq, softirq, steal
            for (int i = 1; i <= Math.min(8, columns.length - 1); i++) {
                long ticks = Long.parseLong(columns[i]);
                total += ticks;
                if (i != 4 && i != 5) {
                    busy += ticks;
                }
                if (i == 8) {
                    steal = ticks;
                }
            }
            return Optional.of(new HostCpu(busy, steal, total));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    public double busySeconds() {
        return busyTicks / TICKS_PER_SECOND;
    }

    /** The share of all cores' time spent busy since that earlier reading, 0 to 1. */
    public double busyShareSince(HostCpu earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total == 0 ? 0 : (double) (busyTicks - earlier.busyTicks) / total;
    }

    /** The share of all cores' time stolen by the hypervisor since that earlier reading, 0 to 1. */
    public double stealShareSince(HostCpu earlier) {
        long total = totalTicks - earlier.totalTicks;
        return total == 0 ? 0 : (double) (stealTicks - earlier.stealTicks) / total;
    }
}
