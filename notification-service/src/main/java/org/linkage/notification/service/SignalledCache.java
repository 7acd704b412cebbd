package org.linkage.notification.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.linkage.chassis.signals.ReplicaSignals;

import java.util.function.Function;

/**
 * Rows that change rarely but are read for every event, kept in memory and forgotten on every replica when one of
 * them changes (the change signals it through {@link ReplicaSignals} in its own transaction).
 *
 * <p>Two races are closed here. A read that began before a change committed may finish after the change was
 * forgotten; it must not store what it read, so each forgetting advances a generation and a read stores only if
 * the generation has not moved since it began. And while no connection listens, a change would go unheard, so
 * nothing is served from memory or stored until listening begins again, and then everything is forgotten.
 */
final class SignalledCache<K, V> {

    private final Cache<K, V> entries;
    private volatile boolean listening;
    private long generation; // guarded by this

    SignalledCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    V get(K key, Function<K, V> load) {
        if (!listening) {
            return load.apply(key);
        }
        V cached = entries.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        long before = generation();
        V loaded = load.apply(key);
        synchronized (this) {
            if (listening && generation == before) {
                entries.put(key, loaded);
            }
        }
        return loaded;
    }

    synchronized void forget(K key) {
        generation++;
        entries.invalidate(key);
    }

    synchronized void forgetAll() {
        generation++;
        entries.invalidateAll();
    }

    synchronized void listening(boolean listening) {
        forgetAll();
        this.listening = listening;
    }

    private synchronized long generation() {
        return generation;
    }
}
