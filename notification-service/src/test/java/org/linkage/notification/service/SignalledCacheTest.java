package org.linkage.notification.service;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SignalledCacheTest {

    private final AtomicInteger loads = new AtomicInteger();
    private final SignalledCache<String, String> cache = new SignalledCache<>(100);

    private String load(String key) {
        return key + "#" + loads.incrementAndGet();
    }

    @Test
    void whileListeningAReadIsLoadedOnceAndRememberedUntilForgotten() {
        cache.listening(true);
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("b#2", cache.get("b", this::load));

        cache.forget("a");
        assertEquals("a#3", cache.get("a", this::load));
        assertEquals("b#2", cache.get("b", this::load), "only the key signalled is forgotten");

        cache.forgetAll();
        assertEquals("b#4", cache.get("b", this::load));
    }

    @Test
    void whileNotListeningEveryReadGoesToTheSourceAndNothingIsKept() {
        assertEquals("a#1", cache.get("a", this::load));
        assertEquals("a#2", cache.get("a", this::load), "a change would go unheard: nothing is served from memory");

        cache.listening(true);
        assertEquals("a#3", cache.get("a", this::load));
        assertEquals("a#3", cache.get("a", this::load));

        cache.listening(false);
        assertEquals("a#4", cache.get("a", this::load));
        cache.listening(true);
        assertEquals("a#5", cache.get("a", this::load), "what was kept before the connection was lost is forgotten");
    }

    @Test
    void aReadOverlappingAChangeDoesNotKeepWhatItRead() {
        cache.listening(true);
        // The read saw the row before the change committed; the change's signal arrives while it is still loading.
        assertEquals("old", cache.get("a", key -> {
            cache.forget("a");
            return "old";
        }));
        assertEquals("a#1", cache.get("a", this::load), "the stale value was not kept");
        assertEquals("a#1", cache.get("a", this::load));

        cache.get("b", key -> {
            cache.forget("other key");
            return "old";
        });
        assertEquals("b#2", cache.get("b", this::load), "any change while loading counts, whatever its key");
    }
}
