package org.babillard.bench;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Post-to-visible latency: a reader follows a writer and keeps the Mastodon streaming API's home stream open
 * ({@code /api/v1/streaming/user}, server-sent events); the writer posts through {@code POST /api/v1/statuses} at a
 * steady pace; each post's latency is the time from sending the POST until the reader's stream delivers it. Run
 * alongside the posting load, so that it measures what a reader sees while the server is busy.
 *
 * <pre>PostToVisible --base URL --tokens FILE --writer I --reader J --seconds S --every-ms 200 --results FILE</pre>
 */
public final class PostToVisible {

    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(args);
        String base = o.get("base");
        List<String> tokens = java.nio.file.Files.readAllLines(Path.of(o.get("tokens"))).stream().map(l -> l.split(" ")[1]).toList();
        String writer = tokens.get(Integer.parseInt(o.getOrDefault("writer", "1")));
        String reader = tokens.get(Integer.parseInt(o.getOrDefault("reader", "2")));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "20"));
        long every = Long.parseLong(o.getOrDefault("every-ms", "200"));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        String me = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/accounts/verify_credentials"))
                .header("Authorization", "Bearer " + writer).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(me);
        if (!id.find()) {
            throw new IllegalStateException("no account id in " + me);
        }
        HttpResponse<String> follow = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/accounts/" + id.group(1) + "/follow"))
                .header("Authorization", "Bearer " + reader).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (follow.statusCode() != 200) {
            throw new IllegalStateException("follow: " + follow.statusCode() + " " + follow.body());
        }

        Map<String, Long> seen = new ConcurrentHashMap<>();
        HttpResponse<InputStream> stream = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/streaming/user"))
                .header("Authorization", "Bearer " + reader).build(), HttpResponse.BodyHandlers.ofInputStream());
        if (stream.statusCode() != 200) {
            throw new IllegalStateException("streaming: " + stream.statusCode());
        }
        Thread listener = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                String event = null;
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("event: ")) {
                        event = line.substring(7);
                    } else if (line.startsWith("data: ") && "update".equals(event)) {
                        Matcher m = ID.matcher(line);
                        if (m.find()) {
                            seen.putIfAbsent(m.group(1), System.nanoTime());
                        }
                    } else if (line.isEmpty()) {
                        event = null;
                    }
                }
            } catch (Exception e) {
                // the stream ends when the probe is over
            }
        }, "sse");
        listener.setDaemon(true);
        listener.start();
        Thread.sleep(500);

        Map<String, Long> sent = new java.util.LinkedHashMap<>();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        long errors = 0;
        while (System.nanoTime() < end) {
            long start = System.nanoTime();
            HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(base + "api/v1/statuses"))
                    .header("Authorization", "Bearer " + writer).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("status=" + URLEncoder.encode("probe " + (n++) + " visible?", StandardCharsets.UTF_8)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            Matcher m = ID.matcher(posted.body());
            if (posted.statusCode() == 200 && m.find()) {
                sent.put(m.group(1), start);
            } else {
                errors++;
            }
            long pause = every - (System.nanoTime() - start) / 1_000_000;
            if (pause > 0) {
                Thread.sleep(pause);
            }
        }
        Thread.sleep(5000);
        List<Long> latencies = new ArrayList<>();
        for (Map.Entry<String, Long> e : sent.entrySet()) {
            Long at = seen.get(e.getKey());
            if (at == null) {
                errors++;
            } else {
                latencies.add(at - e.getValue());
            }
        }
        long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
        Measure.append(Path.of(o.get("results")), new Measure.Result(o.getOrDefault("id", "post-to-visible"), 1, sorted.length, errors, seconds,
                Measure.millis(sorted, 0.50), Measure.millis(sorted, 0.95), Measure.millis(sorted, 0.99)));
        System.out.println("post-to-visible: " + sorted.length + " seen of " + sent.size() + " posted; slowest "
                + (sorted.length == 0 ? "-" : Arrays.stream(sorted).max().getAsLong() / 1_000_000 + " ms"));
        System.exit(0);
    }

    private PostToVisible() {
    }
}
