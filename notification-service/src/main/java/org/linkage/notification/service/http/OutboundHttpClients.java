package org.linkage.notification.service.http;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Builders for the outbound HTTP clients (push services, SMS providers) on one small bounded executor. Without one,
 * the JDK client runs its dependent tasks on {@code ForkJoinPool.commonPool()}, which on a host with two CPUs or
 * fewer has parallelism 1 and so starts a new thread per task.
 */
public final class OutboundHttpClients {

    /** The prefix of the executor's thread names (tests check completions run there). */
    public static final String THREAD_PREFIX = "outbound-http-";

    private static final AtomicInteger THREADS = new AtomicInteger();

    // Completions only parse a small answer and hand it on: a few daemon threads are enough, kept while busy.
    private static final ExecutorService EXECUTOR = executor(Math.max(2, Math.min(4,
            Runtime.getRuntime().availableProcessors())));

    private OutboundHttpClients() {
    }

    /** A client builder with the connect timeout and the shared bounded executor. */
    public static HttpClient.Builder builder(Duration connectTimeout) {
        return HttpClient.newBuilder().connectTimeout(connectTimeout).executor(EXECUTOR);
    }

    /**
     * The executor, for the stage right after {@code sendAsync}: the JDK client completes that future on
     * {@code ForkJoinPool.commonPool()} whatever the client's executor, so callers hop back here explicitly.
     */
    public static Executor executor() {
        return EXECUTOR;
    }

    private static ExecutorService executor(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), task -> {
                    Thread thread = new Thread(task, THREAD_PREFIX + THREADS.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
