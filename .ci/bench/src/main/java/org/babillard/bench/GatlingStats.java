package org.babillard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads the statistics of a Gatling run (its report's {@code js/stats.js}) and appends one result line per named
 * request, in the shape of the other drivers: OK count, KO count, percentiles 50/95/99 of the OK responses, and the
 * throughput (OK requests over the measured window when given, else Gatling's mean over its run).
 *
 * <pre>GatlingStats --dir RESULTS_FOLDER --results FILE --clients N --requests a,b [--seconds S]</pre>
 */
public final class GatlingStats {

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(args);
        JsonNode root = read(Path.of(o.get("dir")));
        for (String name : o.get("requests").split(",")) {
            JsonNode s = find(root, name);
            if (s == null) {
                // Never sent within the window (the requests before it were too slow): nothing measured.
                Measure.append(Path.of(o.get("results")), new Measure.Result(name, Integer.parseInt(o.get("clients")), 0, 0,
                        Double.parseDouble(o.getOrDefault("seconds", "1")), Double.NaN, Double.NaN, Double.NaN));
                continue;
            }
            long ok = (long) number(s.at("/numberOfRequests/ok"));
            long ko = (long) number(s.at("/numberOfRequests/ko"));
            double seconds = o.containsKey("seconds") ? Double.parseDouble(o.get("seconds"))
                    : ok / Math.max(1e-9, number(s.at("/meanNumberOfRequestsPerSecond/ok")));
            Measure.append(Path.of(o.get("results")), new Measure.Result(name, Integer.parseInt(o.get("clients")), ok, ko, seconds,
                    number(s.at("/percentiles1/ok")), number(s.at("/percentiles3/ok")), number(s.at("/percentiles4/ok"))));
        }
    }

    /** The statistics tree of the Gatling report under {@code dir} (its {@code js/stats.js}). */
    static JsonNode read(Path dir) throws java.io.IOException {
        Path stats;
        try (var files = Files.walk(dir)) {
            stats = files.filter(p -> p.endsWith(Path.of("js", "stats.js"))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no js/stats.js under " + dir));
        }
        // The report's statistics are a JavaScript object literal ("var stats = {type: ..., ...}"), numbers as strings.
        String js = Files.readString(stats);
        ObjectMapper mapper = new ObjectMapper();
        mapper.getFactory().enable(com.fasterxml.jackson.core.JsonParser.Feature.ALLOW_UNQUOTED_FIELD_NAMES);
        try (var parser = mapper.getFactory().createParser(js.substring(js.indexOf('{')))) {
            return mapper.readTree(parser);
        }
    }

    static double number(JsonNode n) {
        try {
            return Double.parseDouble(n.asText());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The stats of the request called {@code name}, anywhere in the tree of groups. */
    static JsonNode find(JsonNode node, String name) {
        if (node.path("type").asText().equals("REQUEST") && node.path("name").asText().equals(name)) {
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
