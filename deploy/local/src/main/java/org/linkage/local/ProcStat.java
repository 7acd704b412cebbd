package org.linkage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One line of /proc/&lt;pid&gt;/stat or /proc/&lt;pid&gt;/task/&lt;tid&gt;/stat (Linux): the process's (or thread's) name,
 * parent and CPU time, in seconds. The launcher prints a service's CPU time to ready from it, the load benchmark the
 * CPU time of each part of the suite.
 */
public record ProcStat(String name, long parent, double cpuSeconds, double waitedChildrenCpuSeconds) {

    /** The kernel's clock ticks per second (USER_HZ), 100 on Linux on x86 and ARM. */
    private static final double CLOCK_TICKS = 100.0;

    /** The stat file read and parsed; empty when it is gone (the process or thread ended) or unreadable. */
    public static Optional<ProcStat> read(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            // The name is in parentheses and may hold spaces; the fields after it start with the state (field 3):
            // ppid is field 4, utime and stime 14 and 15, the waited-for children's cutime and cstime 16 and 17.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new ProcStat(stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
                    Long.parseLong(fields[1]), (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / CLOCK_TICKS,
                    (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / CLOCK_TICKS));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /** The process's own stat. */
    public static Optional<ProcStat> of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "stat"));
    }
}
