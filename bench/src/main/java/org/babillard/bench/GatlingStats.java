package org.babillard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the statistics of a Gatling run (its report's {@code js/stats.json}) and appends one result line per named
 * request, in the shape of the other drivers: OK count, KO count, percentiles 50/95/99 of the OK responses, and the
 * throughput (OK requests over the measured window when given, else Gatling's mean over its run).
 *
 * <pre>GatlingStats --dir RESULTS_FOLDER --results FILE --clients N --requests a,b [--seconds S]</pre>
 */
public final class GatlingStats {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(args);
        Path stats;
        try (var files = Files.walk(Path.of(o.get("dir")))) {
            stats = files.filter(p -> p.endsWith(Path.of("js", "stats.json"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no js/stats.json under " + o.get("dir")));
        }
        JsonNode root = new ObjectMapper().readTree(stats.toFile());
        for (String name : o.get("requests").split(",")) {
            JsonNode s = find(root, name);
            if (s == null) {
                throw new IllegalStateException("no request named " + name + " in " + stats);
            }
            long ok = s.at("/numberOfRequests/ok").asLong();
            long ko = s.at("/numberOfRequests/ko").asLong();
            double seconds = o.containsKey("seconds") ? Double.parseDouble(o.get("seconds"))
                    : ok / Math.max(1e-9, s.at("/meanNumberOfRequestsPerSecond/ok").asDouble());
            Measure.append(Path.of(o.get("results")), new Measure.Result(name, Integer.parseInt(o.get("clients")), ok, ko, seconds,
                    s.at("/percentiles1/ok").asDouble(), s.at("/percentiles3/ok").asDouble(), s.at("/percentiles4/ok").asDouble()));
        }
    }

    /** The stats of the request called {@code name}, anywhere in the tree of groups. */
    static JsonNode find(JsonNode node, String name) {
        if (node.has("type") && node.get("type").asText().equals("REQUEST") && node.path("name").asText().equals(name)) {
            return node.get("stats");
        }
        for (JsonNode child : node.path("contents")) {
            JsonNode found = find(child, name);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private GatlingStats() {
    }
}
