package org.linkage.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Java's ahead-of-time cache (JEP 483/514/515, JDK 25+) of a packaged service: the classes its start loaded, already
 * parsed and linked, and their profiles, written by a training run that starts the service and stops it. Starting
 * from it takes about half the CPU time (docs/performance.md "Start and memory"). The file is named by what it was
 * made from (the service's quarkus-app files, the JDK, the launcher's JVM options), so a rebuilt service or another
 * JDK gets a new one; a cache the JVM finds unusable anyway is ignored with a warning in the service's log
 * (AOTMode=auto).
 */
final class AotCache {

    private final Path file;

    private AotCache(Path file) {
        this.file = file;
    }

    /** The cache for this service, JDK and options, in the service's target/aot (kept until a clean build). */
    static AotCache of(Path root, String service, Path javaHome, List<String> jvmOptions) {
        Path app = root.resolve(service).resolve("target/quarkus-app");
        try (Stream<Path> files = Files.walk(app)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((javaHome.toAbsolutePath() + "|" + Jdks.version(javaHome) + "|" + jvmOptions)
                    .getBytes(StandardCharsets.UTF_8));
            // What the JVM checks of its class path too: each file's size and time (a package rewrites them all).
            for (Path path : files.filter(Files::isRegularFile).sorted().toList()) {
                digest.update((app.relativize(path) + "|" + Files.size(path) + "|"
                        + Files.getLastModifiedTime(path).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            String name = HexFormat.of().formatHex(digest.digest()).substring(0, 16) + ".aot";
            return new AotCache(root.resolve(service).resolve("target/aot").resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The option that starts a JVM from this cache, when there is one. */
    Optional<String> useOption() {
        return exists() ? Optional.of("-XX:AOTCache=" + file) : Optional.empty();
    }

    /** The option of the training run; the JVM writes the cache as it exits. */
    String trainOption() {
        return "-XX:AOTCacheOutput=" + training();
    }

    /**
     * After the training run exited by itself: keeps what it wrote as the cache (older caches of the service go), or
     * nothing when it wrote nothing.
     */
    boolean keepTraining() throws IOException {
        if (!Files.isRegularFile(training()) || Files.size(training()) == 0) {
            Files.deleteIfExists(training());
            return false;
        }
        try (Stream<Path> older = Files.list(file.getParent())) {
            for (Path path : older.filter(path -> path.toString().endsWith(".aot")).toList()) {
                Files.delete(path);
            }
        }
        Files.move(training(), file, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    /** A training run that did not finish leaves nothing behind. */
    void discardTraining() throws IOException {
        Files.deleteIfExists(training());
    }

    private Path training() {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.resolveSibling(file.getFileName() + ".training");
    }

    @Override
    public String toString() {
        return file.toString();
    }
}
