package org.linkage.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The JDKs on this machine: the one named by an environment variable, this JVM's, those in /usr/lib/jvm. */
final class Jdks {

    private Jdks() {
    }

    /** The first JDK of at least that major version: the variable's, this JVM's, the newest in /usr/lib/jvm. */
    static Optional<Path> atLeast(int version, String environmentVariable) {
        List<Path> candidates = new ArrayList<>();
        Optional.ofNullable(System.getenv(environmentVariable)).filter(home -> !home.isBlank()).map(Path::of)
                .ifPresent(candidates::add);
        candidates.add(Path.of(System.getProperty("java.home")));
        try (Stream<Path> installed = Files.list(Path.of("/usr/lib/jvm"))) {
            installed.sorted(Comparator.reverseOrder()).forEach(candidates::add);
        } catch (IOException none) {
            // no system JDKs
        }
        return candidates.stream().filter(home -> Files.isExecutable(java(home)))
                .filter(home -> majorVersion(home) >= version).findFirst();
    }

    static Path java(Path javaHome) {
        return javaHome.resolve("bin").resolve("java");
    }

    /** JAVA_VERSION of the JDK's release file ("25.0.3"), empty when unreadable. */
    static String version(Path javaHome) {
        try (Stream<String> lines = Files.lines(javaHome.resolve("release"))) {
            return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
                    .map(line -> line.replaceAll("[^0-9.]", "")).orElse("");
        } catch (IOException | RuntimeException unreadable) {
            return "";
        }
    }

    static int majorVersion(Path javaHome) {
        try {
            return Integer.parseInt(version(javaHome).split("\\.")[0]);
        } catch (RuntimeException unreadable) {
            return 0;
        }
    }
}
