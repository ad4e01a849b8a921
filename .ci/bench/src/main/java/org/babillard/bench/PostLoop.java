package org.babillard.bench;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client side of the fault tests ({@code .ci/faults/run}, docs/reliability.md): employees post through the
 * Mastodon API in a loop while the script kills the server (kill -9) or restarts PostgreSQL under it; afterwards
 * every post the server acknowledged must be there, and the requests the fault cut, sent again with their
 * {@code Idempotency-Key}, make exactly one post each.
 *
 * <pre>
 * PostLoop write --url U --tokens F --writers N --dir D    posts until the file D/stop exists; writes D/acked.tsv
 *                                                         (id, key, writer, text) and D/unknown.tsv (key, writer, text)
 * PostLoop check --url U --tokens F --dir D [--healed-at MILLIS]   reads every acknowledged post back and retries
 *                                                         the unknown (none may have failed after MILLIS)
 * PostLoop count --jdbc URL --user U --password P --dir D  (server stopped for H2) every post written exactly once
 * </pre>
 */
public final class PostLoop {

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"(\\d+)\"");
    private static final Pattern CONTENT = Pattern.compile("\"content\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String url;
    private final List<String> tokens;
    private final Path dir;
    /** Epoch milliseconds from which every request must succeed again (the fault healed, plus a grace), if known. */
    private long healedAt = Long.MAX_VALUE;

    private PostLoop(String url, List<String> tokens, Path dir) {
        this.url = url.endsWith("/") ? url : url + "/";
        this.tokens = tokens;
        this.dir = dir;
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        Path tokenFile = null;
        Path dir = null;
        int writers = 4;
        String jdbc = null;
        String user = "sa";
        String password = "sa";
        long healedAt = Long.MAX_VALUE;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--healed-at" -> healedAt = Long.parseLong(args[++i]);
                case "--jdbc" -> jdbc = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                case "--url" -> url = args[++i];
                case "--tokens" -> tokenFile = Path.of(args[++i]);
                case "--dir" -> dir = Path.of(args[++i]);
                case "--writers" -> writers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (args.length > 0 && args[0].equals("count") && jdbc != null && dir != null) {
            System.exit(count(jdbc, user, password, dir) ? 0 : 1);
        }
        if (args.length == 0 || url == null || tokenFile == null || dir == null) {
            throw new IllegalArgumentException("Usage: PostLoop write|check --url U --tokens F --dir D [--writers N]");
        }
        // tokens.txt: "username token" per line; the writers are the first employees.
        List<String> tokens = Files.readAllLines(tokenFile).stream().filter(l -> !l.isBlank())
                .map(l -> l.substring(l.indexOf(' ') + 1).trim()).limit(Math.max(writers, 1)).toList();
        PostLoop tool = new PostLoop(url, tokens, dir);
        tool.healedAt = healedAt;
        switch (args[0]) {
            case "write" -> tool.write();
            case "check" -> System.exit(tool.check() ? 0 : 1);
            default -> throw new IllegalArgumentException("write or check, not " + args[0]);
        }
    }

    // --- writing until the stop file shows ---

    private void write() throws Exception {
        Files.createDirectories(dir);
        Path stop = dir.resolve("stop");
        AtomicBoolean stopping = new AtomicBoolean();
        AtomicInteger acked = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        try (Writer ackedOut = Files.newBufferedWriter(dir.resolve("acked.tsv"), StandardCharsets.UTF_8);
             Writer unknownOut = Files.newBufferedWriter(dir.resolve("unknown.tsv"), StandardCharsets.UTF_8)) {
            List<Thread> threads = new ArrayList<>();
            for (int w = 0; w < tokens.size(); w++) {
                int writer = w;
                Thread thread = new Thread(() -> {
                    for (int n = 0; !stopping.get(); n++) {
                        String key = UUID.randomUUID().toString();
                        String text = "kill9 writer " + writer + " post " + n + " " + key.substring(0, 8);
                        try {
                            HttpResponse<String> answer = post(writer, key, text);
                            if (answer.statusCode() == 200) {
                                Matcher id = ID.matcher(answer.body());
                                if (!id.find()) {
                                    throw new IllegalStateException("200 without an id: " + answer.body());
                                }
                                line(ackedOut, id.group(1) + "\t" + key + "\t" + writer + "\t" + text);
                                acked.incrementAndGet();
                            } else {
                                // The server answered but refused (e.g. 503 while it stops): nothing acknowledged.
                                line(unknownOut, key + "\t" + writer + "\t" + System.currentTimeMillis() + "\t"
                                        + answer.statusCode() + "\t" + text);
                                failed.incrementAndGet();
                                pause();
                            }
                        } catch (IOException e) {
                            // Killed under the request: the post may or may not exist; its retry tells.
                            line(unknownOut, key + "\t" + writer + "\t" + System.currentTimeMillis() + "\t"
                                    + e.getClass().getSimpleName() + "\t" + text);
                            failed.incrementAndGet();
                            pause();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }, "writer-" + w);
                thread.start();
                threads.add(thread);
            }
            while (!Files.exists(stop)) {
                Thread.sleep(100);
            }
            stopping.set(true);
            for (Thread t : threads) {
                t.join();
            }
        }
        System.out.printf(Locale.ROOT, "PostLoop write: %d posts acknowledged, %d requests failed or unanswered%n",
                acked.get(), failed.get());
    }

    private static synchronized void line(Writer out, String line) {
        try {
            out.write(line + "\n");
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> post(int writer, String key, String text) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "api/v1/statuses"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + tokens.get(writer))
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("status=" + URLEncoder.encode(text, StandardCharsets.UTF_8)
                        + "&visibility=public"))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    // --- after the restart ---

    private boolean check() throws Exception {
        List<String> acked = Files.readAllLines(dir.resolve("acked.tsv"));
        List<String> problems = new ArrayList<>();
        int found = 0;
        for (String line : acked) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 4);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "api/v1/statuses/" + f[0]))
                    .timeout(Duration.ofSeconds(20)).header("Authorization", "Bearer " + tokens.get(Integer.parseInt(f[2])))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            Matcher content = CONTENT.matcher(answer.body());
            if (answer.statusCode() != 200 || !content.find() || !content.group(1).contains(f[3])) {
                problems.add("acknowledged post " + f[0] + " (" + f[3] + "): " + answer.statusCode() + " " + abbreviate(answer.body()));
            } else {
                found++;
            }
        }
        // The requests the kill cut: sent again with the same key, each makes exactly one post, the second retry the same.
        List<String> unknown = Files.readAllLines(dir.resolve("unknown.tsv"));
        int retried = 0;
        for (String line : unknown) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", 5);
            if (Long.parseLong(f[2]) > healedAt) {
                problems.add("a request failed " + (Long.parseLong(f[2]) - healedAt) + " ms after the fault had healed: "
                        + f[3] + " " + f[4]);
            }
            int writer = Integer.parseInt(f[1]);
            HttpResponse<String> first = post(writer, f[0], f[4]);
            HttpResponse<String> second = post(writer, f[0], f[4]);
            Matcher a = ID.matcher(first.body());
            Matcher b = ID.matcher(second.body());
            if (first.statusCode() != 200 || second.statusCode() != 200 || !a.find() || !b.find() || !a.group(1).equals(b.group(1))) {
                problems.add("retry of " + f[4] + ": " + first.statusCode() + " then " + second.statusCode() + " "
                        + abbreviate(first.body()) + " / " + abbreviate(second.body()));
            } else {
                retried++;
            }
        }
        System.out.printf(Locale.ROOT, "PostLoop check: %d of %d acknowledged posts there after the restart; %d of %d requests "
                + "cut by the kill sent again with their Idempotency-Key, one post each%n", found, countLines(acked), retried,
                countLines(unknown));
        problems.stream().limit(20).forEach(p -> System.out.println("  PROBLEM " + p));
        return problems.isEmpty() && found > 0;
    }

    /** In the database itself: each acknowledged post and each retried one exactly once (no loss, no duplicate). */
    private static boolean count(String jdbc, String user, String password, Path dir) throws Exception {
        List<String> texts = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("acked.tsv"))) {
            if (!line.isBlank()) {
                texts.add(line.split("\t", 4)[3]);
            }
        }
        for (String line : Files.readAllLines(dir.resolve("unknown.tsv"))) {
            if (!line.isBlank()) {
                texts.add(line.split("\t", 5)[4]);
            }
        }
        List<String> problems = new ArrayList<>();
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbc, user, password);
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM post WHERE text = ? AND deleted_at IS NULL")) {
            for (String text : texts) {
                ps.setString(1, text);
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) != 1) {
                        problems.add(rs.getLong(1) + " posts \"" + text + "\"");
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "PostLoop count: %d posts looked up in the database, %d not there exactly once%n",
                texts.size(), problems.size());
        problems.stream().limit(20).forEach(p -> System.out.println("  PROBLEM " + p));
        return problems.isEmpty();
    }

    private static long countLines(List<String> lines) {
        return lines.stream().filter(l -> !l.isBlank()).count();
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}
