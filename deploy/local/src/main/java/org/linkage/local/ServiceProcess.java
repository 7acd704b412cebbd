package org.linkage.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** One packaged Quarkus service running as its own JVM. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path logFile;
    private final Restart restart;
    private final long startedAt = System.nanoTime();
    private volatile long readyAt;
    private volatile double cpuAtReady = -1;

    /** How to start the same instance again. */
    private interface Restart {
        ServiceProcess start() throws IOException;
    }

    private ServiceProcess(String name, int port, Process process, Path logFile, Restart restart) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.logFile = logFile;
        this.restart = restart;
    }

    static ServiceProcess start(Path root, String name, int port, Map<String, String> environment, Path logFile,
                                Path javaHome, List<String> jvmOptions) throws IOException {
        Path jar = root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing; run ./mvnw package first");
        }
        List<String> command = new ArrayList<>();
        command.add(Jdks.java(javaHome).toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        // glibc's malloc keeps an arena per thread by default (up to 8 per core), each holding freed memory: two arenas
        // cut the resident memory of a JVM with many threads without costing throughput.
        builder.environment().put("MALLOC_ARENA_MAX", "2");
        builder.environment().putAll(environment);
        builder.environment().put("QUARKUS_HTTP_PORT", Integer.toString(port));
        return new ServiceProcess(name, port, builder.start(), logFile,
                () -> start(root, name, port, environment, logFile, javaHome, jvmOptions));
    }

    String name() {
        return name;
    }

    String baseUrl() {
        // The local profile binds the loopback address only (quarkus.http.host in the chassis).
        return "http://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        awaitHealth("ready", timeout);
        if (readyAt == 0) {
            readyAt = System.nanoTime();
            cpuAtReady = cpuSeconds();
        }
    }

    /** Until its startup checks pass too: its request path warmed up (chassis RequestPathWarmUpCheck). */
    void awaitStarted(Duration timeout) throws InterruptedException {
        awaitHealth("started", timeout);
    }

    private void awaitHealth(String group, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest check = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/" + group))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + logFile);
            }
            try {
                if (HTTP.send(check, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not " + group + " within " + timeout + "; see " + logFile);
    }

    /** Kills the process as kill -9 would (no shutdown hook runs) and starts the same instance again. */
    ServiceProcess killAndRestart() throws IOException, InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        return restart.start();
    }

    /** From the process's start to its first ready answer (as the launcher saw it: polled every 250 ms). */
    Duration readyAfter() {
        return Duration.ofNanos(readyAt == 0 ? 0 : readyAt - startedAt);
    }

    /**
     * CPU time (user and system) the process had used when it was first ready, from /proc (Linux), -1 when unknown:
     * unlike the time to ready, it hardly depends on what else runs on the machine.
     */
    double cpuSecondsToReady() {
        return cpuAtReady;
    }

    private double cpuSeconds() {
        return ProcStat.of(pid()).map(ProcStat::cpuSeconds).orElse(-1.0);
    }

    /** Resident memory (VmRSS) from /proc (Linux), -1 when unknown. */
    long residentKilobytes() {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid()), "status"))) {
            return lines.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")))
                    .findFirst().orElse(-1L);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(20));
    }

    /** Asks the process to stop (SIGTERM) and waits that long for it; kills it after. True if it stopped itself. */
    boolean stop(Duration patience) throws InterruptedException {
        requestStop();
        return awaitStopped(patience);
    }

    /** Asks the process to stop (SIGTERM), as Ctrl-C would. */
    void requestStop() {
        process.destroy();
    }

    /** Waits that long for the process to stop; kills it after. True if it stopped itself. */
    boolean awaitStopped(Duration patience) throws InterruptedException {
        if (process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            return true;
        }
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
        return false;
    }
}
