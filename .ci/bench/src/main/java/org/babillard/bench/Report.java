package org.babillard.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;

/**
 * Turns a run's results (one JSON line per measured figure) and its facts (machine, load, data, start, heap) into
 * the benchmark's report: a table printed on the console and written into the report file between the markers
 * {@code <!-- results:begin -->} and {@code <!-- results:end -->} (the rest of the file, the analysis, is kept), and
 * a chart as PNG (throughput and p95 latency per number of clients, each figure beside its limit).
 *
 * <pre>Report --results FILE --meta FILE --out docs/benchmarks.md --png docs/benchmarks.png [--strict yes]</pre>
 */
public final class Report {

    static final String BEGIN = "<!-- results:begin -->";
    static final String END = "<!-- results:end -->";

    record Row(String id, int clients, long count, long errors, double rps, double p50, double p95, double p99) {
    }

    final Map<String, Map<Integer, Row>> rows = new LinkedHashMap<>();
    final Map<String, Double> values = new LinkedHashMap<>();
    final Properties meta = new Properties();

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(args);
        Report report = new Report();
        // A window in which no request finished has no percentiles: NaN, as the measuring tools write it.
        ObjectMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
        for (String line : Files.readAllLines(Path.of(o.get("results")))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = json.readTree(line);
            if (n.has("value")) {
                report.values.put(n.get("id").asText(), n.get("value").asDouble());
            } else {
                Row r = new Row(n.get("id").asText(), n.get("clients").asInt(), n.get("count").asLong(), n.get("errors").asLong(),
                        n.get("rps").asDouble(), n.get("p50").asDouble(), n.get("p95").asDouble(), n.get("p99").asDouble());
                report.rows.computeIfAbsent(r.id(), k -> new LinkedHashMap<>()).put(r.clients(), r);
            }
        }
        try (Reader in = Files.newBufferedReader(Path.of(o.get("meta")), StandardCharsets.UTF_8)) {
            report.meta.load(in);
        }
        String results = report.markdown(Path.of(o.get("png")).getFileName().toString());
        System.out.println(results);
        Path out = Path.of(o.get("out"));
        String doc = Files.exists(out) ? Files.readString(out) : "# Benchmarks\n\n" + BEGIN + "\n" + END + "\n";
        int b = doc.indexOf(BEGIN), e = doc.indexOf(END);
        if (b < 0 || e < b) {
            doc = doc + "\n" + BEGIN + "\n" + END + "\n";
            b = doc.indexOf(BEGIN);
            e = doc.indexOf(END);
        }
        Files.writeString(out, doc.substring(0, b + BEGIN.length()) + "\n" + results + doc.substring(e));
        report.chart(Path.of(o.get("png")));
        // The smoke run (--strict) asserts nothing about speed (a figure may see no answer within its short window), but
        // a figure whose every request failed means a broken step (the probe's "not seen in time" is about speed).
        List<String> empty = report.rows.values().stream().flatMap(r -> r.values().stream()).filter(r -> r.count() == 0 && r.errors() > 0 && !r.id().startsWith("post-to-visible"))
                .map(r -> r.id() + " (" + r.clients() + " clients)").toList();
        if (!empty.isEmpty() && o.containsKey("strict")) {
            System.err.println("Every request failed: " + empty);
            System.exit(1);
        }
    }

    Row row(String id, int clients) {
        return rows.getOrDefault(id, Map.of()).get(clients);
    }

    String m(String key) {
        return meta.getProperty(key, "?");
    }

    static String f(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return v >= 100 ? String.format(Locale.ROOT, "%,.0f", v) : v >= 10 ? String.format(Locale.ROOT, "%.1f", v)
                : String.format(Locale.ROOT, "%.2f", v);
    }

    static String ratio(double a, double b) {
        return Double.isNaN(a) || Double.isNaN(b) || b == 0 ? "-" : String.format(Locale.ROOT, "%.2f", a / b);
    }

    String markdown(String png) {
        StringBuilder s = new StringBuilder();
        s.append("\n_Generated by `.ci/bench/run` on ").append(m("date")).append("; mode ").append(m("mode")).append("._\n\n");
        s.append("Machine: ").append(m("cores")).append(" cores (").append(m("cpu")).append("), ").append(m("memory"))
                .append(", ").append(m("java")).append(". Client, directory, database and server share the same cores.\n\n");
        s.append("Data: ").append(m("employees")).append(" employees, ").append(m("groups")).append(" groups (channels), ")
                .append(m("posts")).append(" posts; ").append(m("data.people")).append("; ").append(m("data.posts"))
                .append(". Generated in ").append(m("generate.seconds")).append(" s; H2 database ")
                .append(mib(m("db.bytes"))).append(". Readers: ").append(m("readers")).append(" employees chosen at random per request; ")
                .append("deep page: below post ").append(m("deep.before")).append(" (six months back). Windows of ")
                .append(m("window.seconds")).append(" s after a warm-up; posting: a window of ").append(m("post.window.seconds"))
                .append(" s after ").append(m("post.warmup.seconds")).append(" s of posting.\n\n");
        s.append("Load average (1, 5, 15 min) during the run:");
        for (String k : new TreeSet<>(meta.stringPropertyNames())) {
            if (k.startsWith("load.")) {
                s.append(" ").append(k.substring(5)).append(" ").append(m(k)).append(";");
            }
        }
        s.append(" whole run ").append(m("run.seconds")).append(" s.\n\n");

        s.append("### Each figure beside its limit\n\n");
        s.append("Throughput in requests per second (closed loop: each client sends its next request when the last is answered); ")
                .append("latencies in milliseconds. Ratio: Babillard's throughput over the limit's, and Babillard's p50 over the limit's.\n\n");
        s.append("| figure | clients | req/s | p50 | p95 | p99 | errors | limit | limit req/s | limit p50 | limit p95 | throughput ratio | p50 ratio |\n");
        s.append("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        String[][] pairs = {
                {"api-home-first", "home timeline, first page, API", "jdbc-home-first", "raw JDBC, same rows"},
                {"api-home-first", "home timeline, first page, API", "static-file", "static file, same server"},
                {"api-home-deep", "home timeline, deep page, API", "jdbc-home-deep", "raw JDBC, same rows"},
                {"jsf-home-first", "home page (Faces, GET)", "jdbc-home-first", "raw JDBC, same rows"},
                {"jsf-home-first", "home page (Faces, GET)", "static-file", "static file, same server"},
                {"jsf-home-more", "home page \"Load more\" (Faces AJAX)", "jdbc-home-deep", "raw JDBC, a page further down"},
                {"api-search", "search, API (READABLE re-check)", "static-file", "static file, same server"},
                {"api-post", "posting, API", "jdbc-post", "raw JDBC insert + commit"},
                {"api-home-after-posting", "home timeline, first page, API, after the posting load (its posts by others push the followed out of the window)",
                        "jdbc-home-first", "raw JDBC, same rows, before it"},
                {"login", "login (Faces form POST)", "ldap-bind", "plain LDAP bind"},
        };
        for (String[] p : pairs) {
            Map<Integer, Row> mine = rows.getOrDefault(p[0], Map.of());
            for (Map.Entry<Integer, Row> e : mine.entrySet()) {
                Row a = e.getValue();
                Row l = row(p[2], a.clients());
                if (l == null && !rows.getOrDefault(p[2], Map.of()).isEmpty()) {
                    l = rows.get(p[2]).values().iterator().next();
                }
                boolean none = a.count() == 0;
                s.append("| ").append(p[1]).append(" | ").append(a.clients()).append(" | ")
                        .append(none ? "no answer in " + m("window.seconds") + " s" : f(a.rps())).append(" | ")
                        .append(none ? "-" : f(a.p50())).append(" | ").append(none ? "-" : f(a.p95())).append(" | ")
                        .append(none ? "-" : f(a.p99())).append(" | ")
                        .append(a.errors()).append(" | ").append(p[3]).append(l == null ? "" : " (" + l.clients() + " clients)").append(" | ")
                        .append(l == null ? "-" : l.count() == 0 ? "no answer in " + m("window.seconds") + " s" : f(l.rps())).append(" | ")
                        .append(l == null || l.count() == 0 ? "-" : f(l.p50())).append(" | ")
                        .append(l == null || l.count() == 0 ? "-" : f(l.p95())).append(" | ")
                        .append(l == null || none || l.count() == 0 ? "-" : ratio(a.rps(), l.rps())).append(" | ")
                        .append(l == null || none || l.count() == 0 ? "-" : ratio(a.p50(), l.p50())).append(" |\n");
            }
        }
        for (String id : new String[]{"post-to-visible", "post-to-visible-idle"}) {
            for (Row a : rows.getOrDefault(id, Map.of()).values()) {
                s.append("| ").append(id.equals("post-to-visible") ? "post-to-visible, during the posting load" : "post-to-visible, server otherwise idle")
                        .append(" | 1 writer, 1 reader | ").append(a.count()).append(" posts seen | ").append(f(a.p50())).append(" | ")
                        .append(f(a.p95())).append(" | ").append(f(a.p99())).append(" | ").append(a.errors())
                        .append(" | - | - | - | - | - | - |\n");
            }
        }

        s.append("\n### Other figures\n\n| figure | value | limit or target |\n| --- | --- | --- |\n");
        s.append("| first start on this data (process launched until the login page answers 200, migrations and deployment"
                        + " included, the search index built from the database beside it) | ").append(m("start.seconds")).append(" s | - |\n");
        s.append("| restart (the same, with the search index on disk: after an upgrade or a reboot) | ")
                .append(m("start.restart.seconds")).append(" s | target < 20 s |\n");
        s.append("| search index, full rebuild from the database at start (`SearchIndexing.rebuildNow`) | ")
                .append(m("search.rebuild")).append(" | - |\n");
        s.append("| search index size on disk | ").append(mib(m("search.index.bytes"))).append(" | - |\n");
        s.append("| heap in use after a full GC, before the logins | ").append(m("heap.before-logins.mib")).append(" MiB (")
                .append(m("sessions.before-logins")).append(" sessions) | - |\n");
        s.append("| heap in use after a full GC, after the logins | ").append(m("heap.after-logins.mib")).append(" MiB (")
                .append(m("sessions.after-logins")).append(" sessions) | target < 1024 MiB with 2,000 sessions |\n");

        s.append("\n### Targets\n\n| target | measured | met |\n| --- | --- | --- |\n");
        Row api64 = row("api-home-first", 64), deep64 = row("api-home-deep", 64);
        for (String id : new String[]{"api-home-first", "api-home-deep"}) {
            Row first = row(id, 1);
            if ((id.equals("api-home-first") ? api64 : deep64) == null && first != null && first.count() == 0) {
                s.append("| home timeline API, p95 at 64 clients < 50 ms (").append(id.endsWith("first") ? "first" : "deep")
                        .append(" page) | no answer within ").append(m("window.seconds")).append(" s at 1 client | **no** |\n");
            }
        }
        if (api64 != null) {
            target(s, "home timeline API, p95 at 64 clients < 50 ms (first page)", api64.p95(), "ms", v -> v < 50);
        }
        if (deep64 != null) {
            target(s, "home timeline API, p95 at 64 clients < 50 ms (deep page)", deep64.p95(), "ms", v -> v < 50);
        }
        Row j64 = row("jdbc-home-first", 64), a1 = row("api-home-first", 1), j1 = row("jdbc-home-first", 1);
        target(s, "time per page at most 3x raw JDBC's, at 64 clients (JDBC req/s over API req/s)",
                api64 == null || j64 == null ? Double.NaN : j64.rps() / api64.rps(), "x", v -> v <= 3);
        target(s, "time per page at most 3x raw JDBC's, 1 client (API p50 over JDBC p50)",
                a1 == null || j1 == null ? Double.NaN : a1.p50() / j1.p50(), "x", v -> v <= 3);
        Row jsf16 = row("jsf-home-first", 16);
        target(s, "home page (Faces) p95 at 16 users < 150 ms", jsf16 == null ? Double.NaN : jsf16.p95(), "ms", v -> v < 150);
        Row post = rows.getOrDefault("api-post", Map.of()).values().stream().findFirst().orElse(null);
        target(s, "posting through the API >= 300 posts/s", post == null || post.count() == 0 ? Double.NaN : post.rps(), "posts/s", v -> v >= 300);
        Row ptv = rows.getOrDefault("post-to-visible", Map.of()).values().stream().findFirst().orElse(null);
        target(s, "post-to-visible p95 < 1 s (during the posting load)", ptv == null ? Double.NaN : ptv.p95(), "ms", v -> v < 1000);
        Row login = rows.getOrDefault("login", Map.of()).values().stream().findFirst().orElse(null);
        Row bind = rows.getOrDefault("ldap-bind", Map.of()).values().stream().findFirst().orElse(null);
        target(s, "logins/s at least half the plain bind rate", login == null || bind == null ? Double.NaN : login.rps() / bind.rps(),
                "of the bind rate", v -> v >= 0.5);
        target(s, "heap < 1 GiB with 2,000 sessions", number(m("heap.after-logins.mib")), "MiB", v -> v < 1024);
        target(s, "start < 20 s (restart, search index on disk)", number(m("start.restart.seconds")), "s", v -> v < 20);
        s.append("\n![Throughput and p95 latency per number of clients](").append(png).append(")\n\n");
        return s.toString();
    }

    static double number(String v) {
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static String mib(String bytes) {
        double b = number(bytes);
        return Double.isNaN(b) ? "?" : String.format(Locale.ROOT, "%.0f MiB", b / 1048576);
    }

    static void target(StringBuilder s, String what, double value, String unit, java.util.function.DoublePredicate ok) {
        s.append("| ").append(what).append(" | ").append(f(value)).append(" ").append(unit).append(" | ")
                .append(Double.isNaN(value) ? "no valid measurement" : ok.test(value) ? "yes" : "**no**").append(" |\n");
    }

    /** Two panels: throughput and p95 per number of clients, log scales, one line per figure. */
    void chart(Path png) throws IOException {
        String[][] series = {
                {"api-home-first", "API home, first page"}, {"api-home-deep", "API home, deep page"},
                {"jdbc-home-first", "raw JDBC, first page (limit)"}, {"jdbc-home-deep", "raw JDBC, deep page (limit)"},
                {"jsf-home-first", "Faces home page"}, {"jsf-home-more", "Faces \"Load more\""},
                {"static-file", "static file (server limit)"}, {"api-search", "API search"},
        };
        Color[] colors = {new Color(0x1f77b4), new Color(0x17becf), new Color(0x2ca02c), new Color(0x98df8a),
                new Color(0xd62728), new Color(0xff9896), new Color(0x7f7f7f), new Color(0x9467bd)};
        int w = 1400, h = 620;
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        g.drawString("Babillard, " + m("employees") + " employees, " + m("posts") + " posts, " + m("cores") + " cores: each figure beside its limit", 30, 30);
        List<Integer> clients = new ArrayList<>(new TreeSet<>(rows.values().stream().flatMap(r -> r.keySet().stream()).toList()));
        clients.removeIf(c -> java.util.Arrays.stream(series).noneMatch(x -> rows.getOrDefault(x[0], Map.of()).containsKey(c)));
        panel(g, 60, 70, 520, 440, "throughput (requests/s, log scale)", clients, series, colors, Row::rps, Double.NaN);
        panel(g, 700, 70, 520, 440, "p95 latency (ms, log scale); dashed: 50 ms target", clients, series, colors, Row::p95, 50);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = 560;
        for (int i = 0; i < series.length; i++) {
            int x = 60 + (i % 4) * 330;
            int yy = y + (i / 4) * 24;
            g.setColor(colors[i]);
            g.setStroke(new BasicStroke(4));
            g.drawLine(x, yy - 5, x + 30, yy - 5);
            g.setColor(Color.BLACK);
            g.drawString(series[i][1], x + 38, yy);
        }
        g.dispose();
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(image, "png", png.toFile());
    }

    void panel(Graphics2D g, int x0, int y0, int pw, int ph, String title, List<Integer> clients, String[][] series, Color[] colors,
               java.util.function.ToDoubleFunction<Row> value, double reference) {
        double min = Double.MAX_VALUE, max = 0;
        for (String[] s : series) {
            for (Row r : rows.getOrDefault(s[0], Map.of()).values()) {
                double v = value.applyAsDouble(r);
                if (v > 0 && clients.contains(r.clients())) {
                    min = Math.min(min, v);
                    max = Math.max(max, v);
                }
            }
        }
        if (!Double.isNaN(reference)) {
            min = Math.min(min, reference);
            max = Math.max(max, reference);
        }
        if (max == 0) {
            return;
        }
        double lo = Math.pow(10, Math.floor(Math.log10(min))), hi = Math.pow(10, Math.ceil(Math.log10(max)));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.setColor(Color.BLACK);
        g.drawString(title, x0, y0 - 10);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setStroke(new BasicStroke(1));
        for (double d = lo; d <= hi * 1.0001; d *= 10) {
            int y = y0 + ph - (int) (ph * Math.log10(d / lo) / Math.log10(hi / lo));
            g.setColor(new Color(0xdddddd));
            g.drawLine(x0, y, x0 + pw, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(d >= 1 ? String.format(Locale.ROOT, "%,.0f", d) : String.format(Locale.ROOT, "%.2f", d), x0 - 50, y + 5);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x0, y0, pw, ph);
        int n = clients.size();
        for (int i = 0; i < n; i++) {
            int x = x0 + (n == 1 ? pw / 2 : 30 + i * (pw - 60) / (n - 1));
            g.drawString(clients.get(i) + (i == n - 1 ? " clients" : ""), x - 8, y0 + ph + 20);
        }
        if (!Double.isNaN(reference)) {
            int y = y0 + ph - (int) (ph * Math.log10(reference / lo) / Math.log10(hi / lo));
            g.setColor(Color.RED);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{8, 6}, 0));
            g.drawLine(x0, y, x0 + pw, y);
        }
        for (int k = 0; k < series.length; k++) {
            Map<Integer, Row> r = rows.getOrDefault(series[k][0], Map.of());
            int px = -1, py = -1;
            g.setColor(colors[k]);
            g.setStroke(new BasicStroke(3));
            for (int i = 0; i < n; i++) {
                Row row = r.get(clients.get(i));
                if (row == null || !(value.applyAsDouble(row) > 0)) {
                    continue;
                }
                int x = x0 + (n == 1 ? pw / 2 : 30 + i * (pw - 60) / (n - 1));
                int y = y0 + ph - (int) (ph * Math.log10(value.applyAsDouble(row) / lo) / Math.log10(hi / lo));
                g.fillOval(x - 5, y - 5, 10, 10);
                if (px >= 0) {
                    g.drawLine(px, py, x, y);
                }
                px = x;
                py = y;
            }
        }
    }

    private Report() {
    }
}
