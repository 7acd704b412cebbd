package org.linkage.local.load;

import org.junit.jupiter.api.Test;
import org.linkage.local.Lines;
import org.linkage.local.LocalSuite;
import org.linkage.testing.Tokens;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end-to-end load harness: the whole local suite (four services, PostgreSQL, Kafka) under an open-loop stream of
 * needs raised through the REST API with real bearer tokens, each offer read off its volunteer's live stream. Not a
 * timed test: it prints (and writes to {@code target/load/}) the figures for docs/performance.md and asserts only
 * that needs were raised and offered. Run it with
 * <pre>
 * ./mvnw -B verify -pl deploy/local -am -Pbench -Dtest=SuiteLoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dload.rate=200 -Dload.seconds=300
 * </pre>
 * Options: load.rate (needs/s, 50), load.seconds (measured, 60), load.warm-up-seconds (20), load.volunteers (100),
 * load.floor-seconds (the infra floor's measured time, 30), load.http-version (the client's protocol: HTTP_1_1, the
 * default, as an ingress speaks to the services, or HTTP_2, all needs over one connection). Recovery: load.faults, a comma-separated list of parts to
 * kill -9 and restart during the measured time (activity-service, matching-service, notification-service, kafka, ...),
 * one every load.fault-every-seconds (60), the first that long after the warm-up. load.jvm-options: JVM options added
 * to every service's (a profiler, for example).
 */
class SuiteLoadBenchmark {

    private static final double TARGET_P99_MS = 100;

    @Test
    void needsThroughTheWholeSuite() throws Exception {
        double rate = Double.parseDouble(System.getProperty("load.rate", "50"));
        Duration measured = Duration.ofSeconds(Long.getLong("load.seconds", 60));
        Duration warmUp = Duration.ofSeconds(Long.getLong("load.warm-up-seconds", 20));
        int volunteerCount = Integer.getInteger("load.volunteers", 100);
        Duration floorTime = Duration.ofSeconds(Long.getLong("load.floor-seconds", 30));
        Path root = Path.of(System.getProperty("linkage.root", "../..")).toAbsolutePath().normalize();
        Path out = Files.createDirectories(Path.of("target", "load"));

        long starting = System.nanoTime();
        try (LocalSuite suite = LocalSuite.start(root, Files.createTempDirectory("linkage-load"),
                LocalSuite.Ports.free(), Map.of("LINKAGE_MATCHING_WEEKLY_OFFER_CAP", "100000000",
                        "LINKAGE_RATE_LIMIT__RAISE_NEED__PER_MINUTE", "100000000"), jvmOptions(),
                LocalSuite.Identity.DEV_TOKENS, withoutFakes(System.out))) {
            double suiteReadySeconds = (System.nanoTime() - starting) / 1e9;
            System.setProperty(Tokens.ISSUER_PROPERTY, suite.tokenIssuer());
            List<Volunteers.Home> homes = Volunteers.register(suite.url("volunteer-service"),
                    suite.url("matching-service"), volunteerCount);
            List<String> socialWorkers = IntStream.range(0, 20).mapToObj(i -> "sw-load-" + i).toList();
            OpenLoop load = new OpenLoop(suite.url("activity-service"), homes, socialWorkers, "shuangjing");
            try (OfferStreams streams = OfferStreams.open(suite.url("notification-service"),
                    homes.stream().map(Volunteers.Home::volunteerId).toList())) {
                // As in a cluster, where the startup probe lets no request in before the service's warm-up is over.
                long waiting = System.nanoTime();
                suite.awaitStarted(Duration.ofMinutes(1));
                System.out.printf("LOAD every service started (warm-ups over) %.1f s after the volunteers were "
                        + "registered and their streams opened%n", (System.nanoTime() - waiting) / 1e9);
                OpenLoop.Sent first = load.sendOne();
                double firstNeedMs = awaitOffer(streams, first) / 1000.0;

                Latencies floor = InfraFloor.measure(suite.kafkaBootstrapServers(), suite::jdbcUrl, rate,
                        Duration.ofSeconds(5), floorTime);

                long loadStart = MicroClock.now();
                List<Fault> faults = new CopyOnWriteArrayList<>();
                Thread faulting = injectFaults(suite, faults, warmUp);
                CompletableFuture<CpuTimes> cpuAtMeasuredStart = CompletableFuture.supplyAsync(() -> {
                    LockSupport.parkNanos(warmUp.toNanos());
                    return CpuTimes.now(suite.processIds());
                });
                CompletableFuture<DatabaseWork> databaseAtMeasuredStart =
                        cpuAtMeasuredStart.thenApply(cpuStart -> DatabaseWork.start(suite::jdbcUrl));
                load.run(rate, warmUp.plus(measured));
                CpuTimes cpu = CpuTimes.now(suite.processIds()).since(cpuAtMeasuredStart.join());
                faulting.join();
                long measuredFrom = loadStart + warmUp.toNanos() / 1000;
                long lastDue = MicroClock.now();
                List<OpenLoop.Sent> all = awaitDrain(load, streams, Duration.ofSeconds(30));
                // Counted until the needs in flight are through, as the warm-up's were at the start.
                String databaseWork = databaseAtMeasuredStart.join().report(
                        all.stream().filter(s -> s.dueMicros() >= measuredFrom).count());
                long backlogAtEnd = all.stream().filter(s -> s.needId() != null && s.dueMicros() <= lastDue
                        && streams.arrivals().getOrDefault(s.needId(), Long.MAX_VALUE) > lastDue).count();
                Map<UUID, HopTimes.Hops> hops = HopTimes.read(suite::jdbcUrl);

                Report report = new Report(rate, measured, volunteerCount, all, measuredFrom, streams.arrivals(),
                        hops, floor, firstNeedMs, backlogAtEnd, streams.endedStreams(), suiteReadySeconds, faults,
                        cpu, databaseWork);
                report.print(suite);
                report.write(out, loadStart);
                assertTrue(report.offered() > 0, "needs were offered");
            }
        } finally {
            System.clearProperty(Tokens.ISSUER_PROPERTY);
        }
    }

    /** load.jvm-options: more options for every service's JVM, space-separated (a profiler, another collector). */
    private static List<String> jvmOptions() {
        return Arrays.stream(System.getProperty("load.jvm-options", "").split(" ")).filter(o -> !o.isBlank()).toList();
    }

    /** A part killed and restarted during the run: when (wall-clock µs), and when it was back (ready). */
    record Fault(String part, long killedMicros, long readyMicros) {
    }

    /** Kills and restarts each part of load.faults in turn, one every load.fault-every-seconds after the warm-up. */
    private static Thread injectFaults(LocalSuite suite, List<Fault> faults, Duration warmUp) {
        List<String> parts = Arrays.stream(System.getProperty("load.faults", "").split(","))
                .map(String::strip).filter(part -> !part.isEmpty()).toList();
        long every = Long.getLong("load.fault-every-seconds", 60) * 1000;
        long start = System.nanoTime();
        Thread thread = new Thread(() -> {
            try {
                for (int k = 0; k < parts.size(); k++) {
                    // At fixed times from the load's start, however long a restart took.
                    long due = start + (warmUp.toMillis() + (k + 1) * every) * 1_000_000L;
                    Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000L));
                    long killed = MicroClock.now();
                    System.out.println("LOAD fault: kill -9 " + parts.get(k) + " and restart");
                    suite.killAndRestart(parts.get(k));
                    faults.add(new Fault(parts.get(k), killed, MicroClock.now()));
                }
            } catch (Exception e) {
                throw new IllegalStateException("Injecting faults", e);
            }
        }, "load-faults");
        thread.start();
        return thread;
    }

    /** The suite's own lines: each volunteer registered would otherwise print the fake SMS of their invitation. */
    private static PrintStream withoutFakes(PrintStream out) {
        return Lines.each(line -> {
            if (!line.startsWith("[fake ")) {
                out.println(line);
            }
        });
    }

    /** Microseconds from the need's due time to its offer on the stream. */
    private static long awaitOffer(OfferStreams streams, OpenLoop.Sent sent) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Long at = sent.needId() == null ? null : streams.arrivals().get(sent.needId());
            if (at != null) {
                return at - sent.dueMicros();
            }
            Thread.sleep(1);
        }
        throw new AssertionError("the first need was not offered within 30 s: " + sent);
    }

    /** Waits until every raised need's offer is on a stream, or that long after the last arrival. */
    private static List<OpenLoop.Sent> awaitDrain(OpenLoop load, OfferStreams streams, Duration patience)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            List<OpenLoop.Sent> sent = load.sent();
            if (sent.stream().filter(s -> s.needId() != null)
                    .allMatch(s -> streams.arrivals().containsKey(s.needId()))) {
                break;
            }
            Thread.sleep(100);
        }
        return load.sent();
    }

    /** The run's figures: the table printed and written, the CSV rows, the plot. */
    private record Report(double rate, Duration measured, int volunteers, List<OpenLoop.Sent> all, long measuredFrom,
                          Map<UUID, Long> arrivals, Map<UUID, HopTimes.Hops> hops, Latencies floor,
                          double firstNeedMs, long backlogAtEnd, int endedStreams, double suiteReadySeconds,
                          List<Fault> faults, CpuTimes cpu, String databaseWork) {

        List<OpenLoop.Sent> measuredNeeds() {
            return all.stream().filter(s -> s.dueMicros() >= measuredFrom).toList();
        }

        long offered() {
            return measuredNeeds().stream().filter(s -> s.needId() != null && arrivals.containsKey(s.needId()))
                    .count();
        }

        Latencies endToEnd() {
            return Latencies.of(measuredNeeds().stream().filter(s -> s.needId() != null
                    && arrivals.containsKey(s.needId())).map(s -> arrivals.get(s.needId()) - s.dueMicros()).toList());
        }

        /** Each hop's latencies, over the measured needs that passed both its ends. */
        List<Latencies> perHop() {
            List<long[]> needs = measuredNeeds().stream().filter(s -> s.needId() != null
                    && hops.containsKey(s.needId())).map(this::points).toList();
            List<Latencies> result = new ArrayList<>();
            for (int i = 0; i < HopTimes.NAMES.length; i++) {
                int from = i;
                result.add(Latencies.of(needs.stream().filter(p -> p[from] > 0 && p[from + 1] > 0)
                        .map(p -> p[from + 1] - p[from]).toList()));
            }
            return result;
        }

        /** The need's times at each hop, from its due time to its offer on the stream; 0 where it did not pass. */
        private long[] points(OpenLoop.Sent sent) {
            HopTimes.Hops hop = hops.get(sent.needId());
            return new long[] {sent.dueMicros(), hop.stored(), hop.committed(), hop.published(), hop.consumed(),
                    hop.offered(), hop.offerPublished(), hop.offerConsumed(), hop.notified(),
                    arrivals.getOrDefault(sent.needId(), 0L)};
        }

        void print(LocalSuite suite) {
            List<OpenLoop.Sent> needs = measuredNeeds();
            long errors = needs.stream().filter(s -> s.status() != 201).count();
            Latencies e2e = endToEnd();
            System.out.printf("%nLOAD %.0f needs/s for %d s (after warm-up), %d volunteers: %d raised, %d errors, %d "
                            + "offered on the stream, %d not offered 30 s after the last, backlog when arrivals "
                            + "stopped %d, streams broken and reconnected %d%n", rate, measured.toSeconds(), volunteers,
                    needs.size(), errors, offered(), needs.size() - errors - offered(), backlogAtEnd, endedStreams);
            needs.stream().filter(s -> s.status() != 201).limit(3).forEach(s -> System.out.println(
                    "  error: " + s.status() + " " + s.error()));
            System.out.println(table());
            System.out.printf("LOAD first need after start: %.1f ms; suite ready in %.1f s%n", firstNeedMs,
                    suiteReadySeconds);
            // The second and third needs tell a first run's cost (class loading, plans, serialisers) from the rest.
            all.stream().filter(s -> s.index() < 3 && s.needId() != null && hops.containsKey(s.needId()))
                    .sorted(Comparator.comparingInt(OpenLoop.Sent::index)).forEach(need -> {
                        long[] points = points(need);
                        StringBuilder line = new StringBuilder("LOAD need " + (need.index() + 1)
                                + " after start, hops in ms:");
                        for (int i = 0; i + 1 < points.length; i++) {
                            line.append(String.format(" %s %.1f;", HopTimes.NAMES[i],
                                    (points[i + 1] - points[i]) / 1000.0));
                        }
                        System.out.println(line);
                    });
            System.out.printf("LOAD p99 / infra floor p99 = %.2f%n", e2e.p99() / floor.p99());
            if (!faults.isEmpty()) {
                System.out.println(recoveryTable());
            }
            System.out.println(cpuTable());
            System.out.println(databaseWork);
            suite.printStartTimes(System.out);
        }

        /**
         * Per fault: how long the part took to be back, and when the p99 of the needs due each second came back to
         * normal (at most twice the p99 of the 20 s before the fault) and stayed there for 10 s.
         */
        String recoveryTable() {
            StringBuilder table = new StringBuilder("| kill -9 | back (ready) after s | p99 normal again after s "
                    + "| p99 before ms | worst second's p99 ms | failed POSTs | raised, never offered |\n"
                    + "|---|---:|---:|---:|---:|---:|---:|\n");
            long loadStart = all.stream().mapToLong(OpenLoop.Sent::dueMicros).min().orElse(0);
            List<LatencyPlot.Second> seconds = seconds(loadStart);
            for (int i = 0; i < faults.size(); i++) {
                Fault fault = faults.get(i);
                long windowEnd = i + 1 < faults.size() ? faults.get(i + 1).killedMicros()
                        : all.stream().mapToLong(OpenLoop.Sent::dueMicros).max().orElse(0);
                Latencies before = Latencies.of(all.stream().filter(s -> s.dueMicros() < fault.killedMicros()
                        && s.dueMicros() >= fault.killedMicros() - 20_000_000L && s.needId() != null
                        && arrivals.containsKey(s.needId()))
                        .map(s -> arrivals.get(s.needId()) - s.dueMicros()).toList());
                int from = (int) ((fault.killedMicros() - loadStart) / 1_000_000);
                int to = Math.min(seconds.size(), (int) ((windowEnd - loadStart) / 1_000_000));
                double limit = 2 * before.p99();
                int normalAt = -1;
                double worst = 0;
                for (int second = from; second < to; second++) {
                    worst = Math.max(worst, Double.isNaN(seconds.get(second).p99()) ? 0 : seconds.get(second).p99());
                    boolean stays = true;
                    for (int later = second; later < Math.min(to, second + 10); later++) {
                        double p99 = seconds.get(later).p99();
                        stays &= !Double.isNaN(p99) && p99 <= limit;
                    }
                    if (stays && normalAt < 0) {
                        normalAt = second;
                    }
                }
                long failed = all.stream().filter(s -> s.dueMicros() >= fault.killedMicros()
                        && s.dueMicros() < windowEnd && s.status() != 201).count();
                long neverOffered = all.stream().filter(s -> s.dueMicros() >= fault.killedMicros()
                        && s.dueMicros() < windowEnd && s.status() == 201 && !arrivals.containsKey(s.needId())).count();
                table.append(String.format("| %s | %.1f | %s | %.1f | %.0f | %d | %d |%n", fault.part(),
                        (fault.readyMicros() - fault.killedMicros()) / 1e6,
                        normalAt < 0 ? "not within " + (to - from) + " s" : Integer.toString(normalAt - from),
                        before.p99(), worst, failed, neverOffered));
            }
            return table.toString();
        }

        /**
         * Where the measured seconds' CPU went: each part's CPU seconds, the cores it kept busy on average and its CPU
         * time per need raised. The machine has 2 cores: at 200 needs/s all parts together have 10 ms per need.
         */
        String cpuTable() {
            double seconds = measured.toNanos() / 1e9;
            long needs = Math.max(1, measuredNeeds().size());
            StringBuilder table = new StringBuilder("| part | CPU s | of which JIT compilers, GC s | cores "
                    + "| CPU ms per need |\n|---|---:|---:|---:|---:|\n");
            cpu.seconds().forEach((part, used) -> table.append(Double.isNaN(used)
                    ? String.format("| %s | not counted: a part was killed and restarted | | | |%n", part)
                    : String.format("| %s | %.1f | %s | %.2f | %.2f |%n", part, used,
                    cpu.jitSeconds().containsKey(part) ? String.format("%.1f, %.1f", cpu.jitSeconds().get(part),
                            cpu.gcSeconds().get(part)) : "", used / seconds, used * 1000 / needs)));
            return table.toString();
        }

        String table() {
            StringBuilder table = new StringBuilder("| from → to | p50 ms | p99 ms | p99.9 ms | max ms | n |\n"
                    + "|---|---:|---:|---:|---:|---:|\n");
            row(table, "**need POST due → offer on the stream**", endToEnd());
            List<Latencies> perHop = perHop();
            for (int i = 0; i < perHop.size(); i++) {
                row(table, HopTimes.NAMES[i], perHop.get(i));
            }
            row(table, "infra floor (3 commits, 2 Kafka hops)", floor);
            return table.toString();
        }

        private static void row(StringBuilder table, String name, Latencies latencies) {
            table.append(String.format("| %s | %.1f | %.1f | %.1f | %.1f | %d |%n", name, latencies.p50(),
                    latencies.p99(), latencies.p999(), latencies.max(), latencies.count()));
        }

        void write(Path out, long loadStart) throws Exception {
            String label = String.format("%.0f needs/s, %d s", rate, measured.toSeconds());
            Files.writeString(out.resolve("report.md"), "# " + label + "\n\n" + table() + "\n" + cpuTable()
                    + "\n" + databaseWork + (faults.isEmpty() ? "" : "\n" + recoveryTable()));
            Latencies e2e = endToEnd();
            String date = LocalDate.now().toString();
            String notes = "SuiteLoadBenchmark; " + label + " after warm-up; " + volunteers + " volunteers";
            List<String> csv = new ArrayList<>();
            csv.add(String.join(",", date, "suite-load", "need -> offer on stream p50", fmt(e2e.p50()), "ms", notes));
            csv.add(String.join(",", date, "suite-load", "need -> offer on stream p99", fmt(e2e.p99()), "ms",
                    "same run"));
            csv.add(String.join(",", date, "suite-load", "need -> offer on stream p99.9", fmt(e2e.p999()), "ms",
                    "same run"));
            csv.add(String.join(",", date, "suite-load", "infra floor p99", fmt(floor.p99()), "ms", "same run"));
            long failed = measuredNeeds().stream().filter(s -> s.status() != 201).count();
            csv.add(String.join(",", date, "suite-load", "POSTs failed", Long.toString(failed), "needs", "same run"));
            csv.add(String.join(",", date, "suite-load", "raised but not offered 30 s after the last",
                    Long.toString(measuredNeeds().size() - failed - offered()), "needs", "same run"));
            csv.add(String.join(",", date, "suite-load", "first need after start", fmt(firstNeedMs), "ms",
                    "same run"));
            Files.write(out.resolve("runs.csv"), csv);
            LatencyPlot.write(out.resolve("suite-load.png"), "Linkage: need POST → offer on the volunteer's stream, "
                    + label + " (whole local suite, one 2-core machine)", seconds(loadStart), floor.p99(),
                    TARGET_P99_MS);
            System.out.println("LOAD written: " + out.toAbsolutePath() + "/{report.md,runs.csv,suite-load.png}");
        }

        /** Per second of the whole load (warm-up included): latencies of the needs due then, backlog at its end. */
        private List<LatencyPlot.Second> seconds(long loadStart) {
            long last = all.stream().mapToLong(OpenLoop.Sent::dueMicros).max().orElse(loadStart);
            int count = (int) ((last - loadStart) / 1_000_000) + 1;
            List<LatencyPlot.Second> seconds = new ArrayList<>();
            for (int second = 0; second < count; second++) {
                long from = loadStart + second * 1_000_000L;
                long to = from + 1_000_000L;
                Latencies latencies = Latencies.of(all.stream().filter(s -> s.dueMicros() >= from
                                && s.dueMicros() < to && s.needId() != null && arrivals.containsKey(s.needId()))
                        .map(s -> arrivals.get(s.needId()) - s.dueMicros()).toList());
                long backlog = all.stream().filter(s -> s.dueMicros() < to && s.status() == 201
                        && arrivals.getOrDefault(s.needId(), Long.MAX_VALUE) >= to).count();
                seconds.add(new LatencyPlot.Second(latencies.p50(), latencies.p99(), backlog));
            }
            return seconds;
        }

        private static String fmt(double value) {
            return String.format("%.1f", value);
        }
    }
}
