package org.linkage.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AotCacheTest {

    private static final Path JDK = Path.of(System.getProperty("java.home"));
    private static final List<String> OPTIONS = List.of("-Xmx256m");

    @Test
    void aRebuiltServiceAnotherJdkOrOtherOptionsGetAnotherCache(@TempDir Path root) throws Exception {
        Path jar = packaged(root);
        String first = AotCache.of(root, "volunteer-service", JDK, OPTIONS).toString();

        assertEquals(first, AotCache.of(root, "volunteer-service", JDK, OPTIONS).toString());
        assertNotEquals(first, AotCache.of(root, "volunteer-service", JDK, List.of("-Xmx128m")).toString());
        assertNotEquals(first, AotCache.of(root, "volunteer-service", root, OPTIONS).toString());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        assertNotEquals(first, AotCache.of(root, "volunteer-service", JDK, OPTIONS).toString());
    }

    @Test
    void aTrainingRunsOutputBecomesTheCacheAndReplacesOlderOnes(@TempDir Path root) throws Exception {
        Path jar = packaged(root);
        AotCache older = AotCache.of(root, "volunteer-service", JDK, OPTIONS);
        train(older);
        assertTrue(older.keepTraining());
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(60)));
        AotCache rebuilt = AotCache.of(root, "volunteer-service", JDK, OPTIONS);
        assertFalse(rebuilt.exists());
        assertTrue(rebuilt.useOption().isEmpty(), "no cache, no option");

        train(rebuilt);
        assertTrue(rebuilt.keepTraining());

        assertTrue(rebuilt.exists());
        assertEquals("-XX:AOTCache=" + rebuilt, rebuilt.useOption().orElseThrow());
        assertFalse(older.exists(), "the stale cache is gone");
    }

    @Test
    void aTrainingRunThatWroteNothingLeavesNoCache(@TempDir Path root) throws Exception {
        packaged(root);
        AotCache cache = AotCache.of(root, "volunteer-service", JDK, OPTIONS);
        Files.createFile(trainingFile(cache));

        assertFalse(cache.keepTraining());

        assertFalse(cache.exists());
        assertFalse(Files.exists(trainingFile(cache)));
    }

    private static Path packaged(Path root) throws Exception {
        Path jar = root.resolve("volunteer-service/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(jar.getParent());
        Files.writeString(jar, "jar");
        return jar;
    }

    private static void train(AotCache cache) throws Exception {
        Files.writeString(trainingFile(cache), "cache");
    }

    /** Where -XX:AOTCacheOutput points the training run. */
    private static Path trainingFile(AotCache cache) {
        return Path.of(cache.trainOption().substring("-XX:AOTCacheOutput=".length()));
    }
}
