package org.linkage.local.load;

import org.linkage.local.ProcStat;
import org.linkage.testing.HostCpu;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from /proc, Linux) used so far by each part of the suite: a part is a process and all its
 * descendants (PostgreSQL's backends under its postmaster), "load driver" is this JVM, "host" the whole machine.
 * Two snapshots give each part's share of a run's CPU, which does not depend on what else ran on the machine.
 */
record CpuTimes(Map<String, Long> pids, Map<String, Double> seconds, Map<String, Double> jitSeconds,
                Map<String, Double> gcSeconds) {

    static final String DRIVER = "load driver";
    static final String HOST = "host";

    static CpuTimes now(Map<String, Long> parts) {
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, Double> used = new HashMap<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            processes.filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
                    .forEach(dir -> read(dir, parents, used));
        } catch (IOException e) {
            return new CpuTimes(Map.of(), Map.of(), Map.of(), Map.of());
        }
        Map<Long, String> roots = new HashMap<>();
        parts.forEach((name, pid) -> roots.put(pid, name));
        roots.put(ProcessHandle.current().pid(), DRIVER);
        Map<String, Double> seconds = new LinkedHashMap<>();
        parts.keySet().forEach(name -> seconds.put(name, 0.0));
        seconds.put(DRIVER, 0.0);
        used.forEach((pid, cpu) -> {
            String part = partOf(pid, roots, parents);
            if (part != null) {
                seconds.merge(part, cpu, Double::sum);
            }
        });
        seconds.put(HOST, HostCpu.now().map(HostCpu::busySeconds).orElse(0.0));
        Map<String, Double> jit = new LinkedHashMap<>();
        Map<String, Double> gc = new LinkedHashMap<>();
        parts.forEach((name, pid) -> {
            jit.put(name, threadSeconds(pid, "C1 CompilerThre", "C2 CompilerThre"));
            gc.put(name, threadSeconds(pid, "VM Thread", "GC Thread", "G1 ", "VM Periodic"));
        });
        return new CpuTimes(Map.copyOf(parts), seconds, jit, gc);
    }

    /**
     * This snapshot less an earlier one, per part; NaN for a part that runs as another process now (killed and
     * restarted in between: what its first process used is gone with it).
     */
    CpuTimes since(CpuTimes earlier) {
        return new CpuTimes(pids, less(seconds, earlier.seconds, earlier),
                less(jitSeconds, earlier.jitSeconds, earlier), less(gcSeconds, earlier.gcSeconds, earlier));
    }

    /**
     * Whether the part runs as another process than it did in the earlier snapshot. The driver's figure then holds
     * the killed process's whole CPU time too: the kernel adds a child's to its parent's when it is reaped.
     */
    private boolean restartedSince(String part, CpuTimes earlier) {
        if (part.equals(DRIVER)) {
            return pids.keySet().stream().anyMatch(other -> restartedSince(other, earlier));
        }
        return pids.containsKey(part) && !pids.get(part).equals(earlier.pids.get(part));
    }

    private Map<String, Double> less(Map<String, Double> now, Map<String, Double> before, CpuTimes earlier) {
        Map<String, Double> used = new LinkedHashMap<>();
        now.forEach((part, value) -> used.put(part, restartedSince(part, earlier) ? Double.NaN
                : value - before.getOrDefault(part, 0.0)));
        return used;
    }

    /** CPU time of a JVM's threads whose names (as the kernel keeps them, 15 characters) start so. */
    private static double threadSeconds(long pid, String... prefixes) {
        try (Stream<Path> threads = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            return threads.map(thread -> ProcStat.read(thread.resolve("stat"))).flatMap(Optional::stream)
                    .filter(thread -> Arrays.stream(prefixes).anyMatch(thread.name()::startsWith))
                    .mapToDouble(ProcStat::cpuSeconds).sum();
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static String partOf(long pid, Map<Long, String> roots, Map<Long, Long> parents) {
        long at = pid;
        for (int depth = 0; depth < 64 && at > 1; depth++) {
            String part = roots.get(at);
            if (part != null) {
                return part;
            }
            at = parents.getOrDefault(at, 0L);
        }
        return null;
    }

    /** A process's parent and CPU time, its waited-for children's included (PostgreSQL's ended backends). */
    private static void read(Path dir, Map<Long, Long> parents, Map<Long, Double> seconds) {
        ProcStat.read(dir.resolve("stat")).ifPresent(stat -> {
            long pid = Long.parseLong(dir.getFileName().toString());
            parents.put(pid, stat.parent());
            seconds.put(pid, stat.cpuSeconds() + stat.waitedChildrenCpuSeconds());
        });
    }
}
