package org.babillard.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop measurement for the drivers that are not an HTTP load tool (raw JDBC, plain LDAP binds): N clients
 * each repeat an action as fast as it answers for a window, after a warm-up; throughput and latency percentiles
 * over every action in the window. Results are appended as one JSON line each to the run's results file, the same
 * shape the wrk script and the Gatling reader write.
 */
final class Measure {

    interface Action {
        void run(int client) throws Exception;
    }

    record Result(String id, int clients, long count, long errors, double seconds, double p50, double p95, double p99) {
        double throughput() {
            return count / seconds;
        }
    }

    static Result closedLoop(String id, int clients, double warmupSeconds, double seconds, Action action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmEnd + (long) (seconds * 1e9);
        AtomicLong errors = new AtomicLong();
        List<Future<long[]>> futures = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            int client = t;
            futures.add(pool.submit(() -> {
                long[] samples = new long[1024];
                int n = 0;
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        break;
                    }
                    try {
                        action.run(client);
                    } catch (Exception e) {
                        if (errors.incrementAndGet() <= 3) {
                            System.err.println(id + ": " + e);
                        }
                        continue;
                    }
                    long stop = System.nanoTime();
                    if (start >= warmEnd && stop <= end) {
                        if (n == samples.length) {
                            samples = Arrays.copyOf(samples, n * 2);
                        }
                        samples[n++] = stop - start;
                    }
                }
                return Arrays.copyOf(samples, n);
            }));
        }
        List<long[]> all = new ArrayList<>();
        for (Future<long[]> f : futures) {
            all.add(f.get());
        }
        pool.shutdown();
        long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new Result(id, clients, merged.length, errors.get(), seconds,
                millis(merged, 0.50), millis(merged, 0.95), millis(merged, 0.99));
    }

    static double millis(long[] sortedNanos, double q) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.ceil(q * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, Math.min(sortedNanos.length - 1, i))] / 1e6;
    }

    /** Appends one result line: {"id":..,"clients":..,"count":..,"errors":..,"seconds":..,"rps":..,"p50":..,"p95":..,"p99":..}. */
    static void append(Path results, Result r) throws IOException {
        String line = String.format(Locale.ROOT,
                "{\"id\":\"%s\",\"clients\":%d,\"count\":%d,\"errors\":%d,\"seconds\":%.3f,\"rps\":%.2f,\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f}%n",
                r.id(), r.clients(), r.count(), r.errors(), r.seconds(), r.throughput(), r.p50(), r.p95(), r.p99());
        Files.writeString(results, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(line);
    }

    /** Appends a single value: {"id":..,"value":..,"unit":..}. */
    static void appendValue(Path results, String id, double value, String unit) throws IOException {
        String line = String.format(Locale.ROOT, "{\"id\":\"%s\",\"value\":%.3f,\"unit\":\"%s\"}%n", id, value, unit);
        Files.writeString(results, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        System.out.print(line);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        return options;
    }

    static int[] ints(String list) {
        return Arrays.stream(list.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    private Measure() {
    }
}
