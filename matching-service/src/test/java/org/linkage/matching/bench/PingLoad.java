package org.linkage.matching.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The riders' phones for {@link LivePositionBenchmark}, in a process of their own, as phones are on other machines: the
 * service's JVM then holds the service alone, and its collector's pauses are its own allocations', not the load
 * generator's (the JDK HttpClient allocates several times what the service does per ping). The two still share this
 * machine's cores. JDK classes only.
 *
 * <p>Arguments: the pings' base URL; a file with a line per rider, "volunteerId token latitude longitude"; the seconds
 * to run; the first second measured. Each second, a tenth of the riders ping once, spread over the second, each having
 * moved up to about 100 m (every rider pings every 10 s). Prints one line, {@code PINGS} and the client-side
 * percentiles of the measured seconds' pings, the number refused and the cores the process kept busy meanwhile,
 * then exits.
 */
public final class PingLoad {

    private PingLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String[]> riders = Files.readAllLines(Path.of(args[1])).stream().map(line -> line.split(" ")).toList();
        int seconds = Integer.parseInt(args[2]);
        int measuredFrom = Integer.parseInt(args[3]);
        double[] latitudes = riders.stream().mapToDouble(rider -> Double.parseDouble(rider[2])).toArray();
        double[] longitudes = riders.stream().mapToDouble(rider -> Double.parseDouble(rider[3])).toArray();
        int perSecond = riders.size() / 10;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long[] nanos = new long[Math.max(0, seconds - measuredFrom) * perSecond];
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        Random random = new Random(13);
        long start = System.nanoTime();
        Duration cpuMeasuredFrom = Duration.ZERO;
        for (int second = 0; second < seconds; second++) {
            if (second == measuredFrom) {
                cpuMeasuredFrom = cpuTime();
            }
            int slice = second % 10;
            for (int j = 0; j < perSecond; j++) {
                long wait = start + second * 1_000_000_000L + j * (1_000_000_000L / perSecond) - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait); // not a spin: the service needs the cores
                }
                int rider = slice * perSecond + j;
                latitudes[rider] += (random.nextDouble() - 0.5) * 0.002;
                longitudes[rider] += (random.nextDouble() - 0.5) * 0.002;
                int index = second >= measuredFrom ? (second - measuredFrom) * perSecond + j : -1;
                sent.add(ping(http, base + riders.get(rider)[0], riders.get(rider)[1], latitudes[rider],
                        longitudes[rider], nanos, index, refused));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        double cores = (cpuTime().minus(cpuMeasuredFrom)).toNanos() / 1e9 / Math.max(1, seconds - measuredFrom);
        System.out.printf("PINGS %s refused=%d, the phones' own CPU %.2f cores%n", new Percentiles(nanos),
                refused.get(), cores);
    }

    /** This process's CPU time so far, every thread. */
    private static Duration cpuTime() {
        return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** One ping; its round trip into {@code nanos[index]} unless index is negative; a refusal or failure counted. */
    static CompletableFuture<Void> ping(HttpClient http, String url, String token, double latitude, double longitude,
                                        long[] nanos, int index, AtomicInteger refused) {
        String body = """
                {"position": {"latitude": %s, "longitude": %s}, "accuracyMetres": 12, "recordedAt": "%s"}"""
                .formatted(latitude, longitude, Instant.now());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
        long began = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, failure) -> {
            if (index >= 0) {
                nanos[index] = System.nanoTime() - began;
            }
            if (failure != null || response.statusCode() != 200) {
                refused.incrementAndGet();
            }
            return null;
        });
    }
}
