package org.babillard.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The verdict of the load test ({@code .ci/bench/run --load}, docs/reliability.md): the mixed workload's requests by
 * kind from its Gatling report, the error rate, and the server's heap (after a full collection), threads, database
 * connections and open HTTP connections before the ten minutes (after a warm-up at the same load) and after them
 * (the load stopped, the server left idle), with the samples taken during the run.
 *
 * <pre>LoadSummary --gatling DIR --before FILE --after FILE --samples FILE --users N --seconds S --out MD</pre>
 *
 * Each state file is one tab-separated line: heap MiB, threads, connections in use, connections open in the pool,
 * established HTTP connections; each samples line starts with the seconds since the start. Exits 1 when the error
 * rate reaches 0.1 %, or when, once the load is over, the heap grew by more than a fifth and 64 MiB, the threads by
 * more than a tenth and 16, a database connection is still in use, or HTTP connections stay open. (The pool keeps
 * the connections it opened under load until its idle timeout: reported, not judged.)
 */
public final class LoadSummary {

    record State(double heapMib, int threads, int inUse, int pooled, int sockets) {
        static State parse(String line) {
            String[] f = line.trim().split("\t");
            return new State(Double.parseDouble(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                    Integer.parseInt(f[3]), Integer.parseInt(f[4]));
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(args);
        JsonNode root = GatlingStats.read(Path.of(o.get("gatling")));
        State before = State.parse(Files.readString(Path.of(o.get("before"))));
        State after = State.parse(Files.readString(Path.of(o.get("after"))));
        List<String> samples = Files.readAllLines(Path.of(o.get("samples")));
        int users = Integer.parseInt(o.get("users"));
        int seconds = Integer.parseInt(o.get("seconds"));

        List<JsonNode> requests = new ArrayList<>();
        collect(root, requests);
        long ok = 0;
        long ko = 0;
        StringBuilder md = new StringBuilder();
        md.append("| request | share | OK | failed | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        long all = 0;
        for (JsonNode r : requests) {
            all += (long) GatlingStats.number(r.at("/stats/numberOfRequests/total"));
        }
        long posts = 0;
        for (JsonNode r : requests) {
            JsonNode s = r.get("stats");
            long rOk = (long) GatlingStats.number(s.at("/numberOfRequests/ok"));
            long rKo = (long) GatlingStats.number(s.at("/numberOfRequests/ko"));
            ok += rOk;
            ko += rKo;
            String name = r.path("name").asText();
            if (name.endsWith("-post")) {
                posts += rOk + rKo;
            }
            md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %d | %d | %s | %s | %s |%n", name,
                    100.0 * (rOk + rKo) / Math.max(1, all), rOk, rKo, ms(s.at("/percentiles1/ok")),
                    ms(s.at("/percentiles3/ok")), ms(s.at("/percentiles4/ok"))));
        }
        double errorRate = 100.0 * ko / Math.max(1, ok + ko);
        List<String> problems = new ArrayList<>();
        if (ok + ko == 0) {
            problems.add("no request was made");
        }
        if (errorRate >= 0.1) {
            problems.add(String.format(Locale.ROOT, "error rate %.3f %% (at least 0.1 %%)", errorRate));
        }
        if (after.heapMib() > before.heapMib() * 1.2 && after.heapMib() - before.heapMib() > 64) {
            problems.add(String.format(Locale.ROOT, "heap grew from %.0f to %.0f MiB", before.heapMib(), after.heapMib()));
        }
        // (pools start threads lazily: a few more after a short warm-up are not a leak)
        if (after.threads() > before.threads() * 1.1 && after.threads() - before.threads() > 16) {
            problems.add("threads grew from " + before.threads() + " to " + after.threads());
        }
        if (after.inUse() > 0) {
            problems.add(after.inUse() + " database connections still in use once idle");
        }
        if (after.sockets() > 0) {
            problems.add(after.sockets() + " HTTP connections still open once idle");
        }

        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d simulated employees (%d through the API, %d through the pages), each acting about once a second,"
                        + " for %d s: %d requests, %.1f per second, %d posts (%.1f %% of the requests), %d failed (%.3f %%).%n%n",
                users, users - Math.max(1, users / 4), Math.max(1, users / 4), seconds, ok + ko, (ok + ko) / (double) seconds,
                posts, 100.0 * posts / Math.max(1, ok + ko), ko, errorRate));
        out.append(md).append('\n');
        out.append("| server | before (after a warm-up at the same load) | after (load over, idle, full GC) |\n| --- | ---: | ---: |\n");
        out.append(String.format(Locale.ROOT, "| heap used after a full GC | %.0f MiB | %.0f MiB |%n", before.heapMib(), after.heapMib()));
        out.append(String.format(Locale.ROOT, "| threads | %d | %d |%n", before.threads(), after.threads()));
        out.append(String.format(Locale.ROOT, "| database connections in use | %d | %d |%n", before.inUse(), after.inUse()));
        out.append(String.format(Locale.ROOT, "| database connections open in the pool | %d | %d |%n", before.pooled(), after.pooled()));
        out.append(String.format(Locale.ROOT, "| established HTTP connections | %d | %d |%n%n", before.sockets(), after.sockets()));
        out.append("Samples during the run (seconds since its start; heap used without a forced collection):\n\n| s | heap MiB | threads | connections in use | in the pool | HTTP connections |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int i = 0; i < samples.size(); i++) {
            if (i % 4 == 3 || i == samples.size() - 1) {
                String[] f = samples.get(i).split("\t");
                out.append("| ").append(String.join(" | ", f)).append(" |\n");
            }
        }
        out.append('\n').append(problems.isEmpty() ? "Verdict: PASSED (under 0.1 % errors, nothing grew once the load was over)."
                : "Verdict: FAILED: " + String.join("; ", problems) + ".").append('\n');
        Files.writeString(Path.of(o.get("out")), out, StandardCharsets.UTF_8);
        System.out.print(out);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    private static String ms(JsonNode n) {
        double v = GatlingStats.number(n);
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.0f", v);
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        if (node.path("type").asText().equals("REQUEST")) {
            into.add(node);
        }
        for (JsonNode child : node.path("contents")) {
            collect(child, into);
        }
    }

    private LoadSummary() {
    }
}
