package org.babillard.bench;

import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's company, in one command: N employees and G groups as LDIF for the embedded directory (the demo
 * company's entries first, so its accounts still log in), and the same people with a year of posts written
 * straight into the schema Babillard's own migrations create (JDBC batches, far faster than through the
 * application). Authors, readers and channels are skewed: a few people write and are followed a lot, most write
 * little; replies, mentions, hashtags, 30% of the threads in channels (a tenth of them private, some announcement
 * channels where only owners start threads), a few posts for the people mentioned or in a notebook, and company
 * announcements. Every employee gets an API token ({@code tokens.txt}: username and token, one a line).
 *
 * <pre>Generate --out DIR --repo ROOT [--employees 10000] [--groups 500] [--posts 1000000] [--seed 42]</pre>
 */
public final class Generate {

    static final String BASE = "dc=babillard,dc=example";
    static final String[] SITES = {"Paris", "Lyon", "Montréal", "London", "Bordeaux", "Lille"};
    static final String[] DEPARTMENTS = {"Ingénierie", "Ventes", "Support client", "Finance", "Logistique", "Marketing et communication"};
    static final String[] WORDS = ("projet équipe release client réunion demain semaine sprint revue code test déploiement serveur "
            + "base données migration sécurité incident correctif performance mesure budget trimestre objectif roadmap design "
            + "maquette produit livraison support ticket question réponse idée atelier formation recrutement onboarding bureau "
            + "télétravail café déjeuner présentation démo rapport analyse qualité documentation architecture api mobile web "
            + "the team shipped release customer meeting tomorrow week sprint review code tests deploy server database migration "
            + "security incident hotfix performance benchmark budget quarter goal roadmap design mockup product delivery "
            + "support ticket question answer idea workshop training hiring onboarding office remote coffee lunch slides demo "
            + "report analysis quality docs architecture mobile planning retro standup kanban backlog estimate velocity").split(" ");
    static final String[] TAGS;

    static {
        String[] bases = {"release", "qualite", "securite", "recrutement", "produit", "support", "infra", "design", "ventes",
                "finance", "rh", "formation", "cafe", "demo", "incident", "roadmap", "api", "mobile", "data", "events"};
        TAGS = new String[200];
        for (int i = 0; i < TAGS.length; i++) {
            TAGS[i] = i < bases.length ? bases[i] : bases[i % bases.length] + (i / bases.length);
        }
    }

    /**
     * The version of the data this generator writes: raise it when a change alters the data (people, posts, their
     * shapes), and .ci/bench/run generates again. Schema changes alone do not: the run brings a copy of the data to
     * the current schema with Babillard's own migrations (org.babillard.bench.Migrate), as an upgrade would.
     */
    static final int DATA_VERSION = 2;

    public static void main(String[] args) throws Exception {
        Path out = Path.of(".ci/bench/target/data");
        Path repo = Path.of(".");
        int employees = 10_000, groups = 500, posts = 1_000_000;
        long seed = 42;
        String jdbc = null;
        String user = "sa";
        String password = "sa";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(args[++i]);
                case "--repo" -> repo = Path.of(args[++i]);
                case "--employees" -> employees = Integer.parseInt(args[++i]);
                case "--groups" -> groups = Integer.parseInt(args[++i]);
                case "--posts" -> posts = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--jdbc" -> jdbc = args[++i];
                case "--user" -> user = args[++i];
                case "--password" -> password = args[++i];
                default -> throw new IllegalArgumentException("Usage: Generate --out DIR --repo ROOT [--employees N] [--groups N] "
                        + "[--posts N] [--seed N] [--jdbc URL --user U --password P (an empty PostgreSQL database instead of H2 under DIR/db)]");
            }
        }
        Generate generate = new Generate(out, repo, employees, groups, posts, seed);
        generate.jdbc = jdbc;
        generate.user = user;
        generate.password = password;
        generate.run();
    }

    final Path out;
    final Path repo;
    /** Another database than the H2 file under out/db (PostgreSQL: the data the kill -9 test writes on); null: H2. */
    String jdbc;
    String user = "sa";
    String password = "sa";
    final int employees;
    final int groups;
    final int posts;
    final Random random;
    final Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    /** Activity: employee index by rank (rank 0 writes most), and the cumulative Zipf weights of the ranks. */
    final int[] byRank;
    final double[] authorCdf;
    final int[][] members;
    final double[] channelCdf;

    Generate(Path out, Path repo, int employees, int groups, int posts, long seed) {
        this.out = out;
        this.repo = repo;
        this.employees = employees;
        this.groups = groups;
        this.posts = posts;
        this.random = new Random(seed);
        byRank = new int[employees];
        for (int i = 0; i < employees; i++) {
            byRank[i] = i;
        }
        for (int i = employees - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = byRank[i];
            byRank[i] = byRank[j];
            byRank[j] = t;
        }
        authorCdf = zipf(employees, 1.0);
        int perGroup = Math.max(1, Math.min(20, employees / Math.max(1, groups)));
        members = new int[groups][perGroup];
        for (int g = 0; g < groups; g++) {
            for (int m = 0; m < perGroup; m++) {
                members[g][m] = (g * perGroup + m) % employees;
            }
        }
        channelCdf = zipf(groups, 0.8);
    }

    static double[] zipf(int n, double s) {
        double[] cdf = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            cdf[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            cdf[i] /= sum;
        }
        return cdf;
    }

    static int pick(double[] cdf, Random random) {
        int i = java.util.Arrays.binarySearch(cdf, random.nextDouble());
        return Math.min(cdf.length - 1, i < 0 ? -i - 1 : i);
    }

    int skewedEmployee() {
        return byRank[pick(authorCdf, random)];
    }

    static String username(int i) {
        return "bench.person" + i;
    }

    static String dn(int i) {
        return "uid=" + username(i) + ",ou=people," + BASE;
    }

    static String groupName(int g) {
        return "team-bench-" + g;
    }

    void run() throws Exception {
        Files.createDirectories(out);
        long started = System.nanoTime();
        writeLdif();
        System.out.printf(Locale.ROOT, "LDIF: %d employees, %d groups (%.1f s)%n", employees, groups, seconds(started));
        boolean h2 = jdbc == null;
        String url = jdbc;
        if (h2) {
            Path db = out.resolve("db");
            if (Files.exists(db)) {
                try (var files = Files.walk(db)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            url = "jdbc:h2:file:" + db.toAbsolutePath().resolve("babillard") + ";DB_CLOSE_ON_EXIT=FALSE";
        }
        Flyway.configure().dataSource(url, user, password)
                .locations("filesystem:" + repo.resolve("ejb/src/main/resources/db/migration").toAbsolutePath())
                .load().migrate();
        System.out.printf(Locale.ROOT, "Schema migrated (%.1f s)%n", seconds(started));
        // A large page cache while loading: the post table's indexes are written all over (by author, by channel...),
        // and H2's default cache (64 MB) would read most pages back from the file for each batch.
        try (Connection c = DriverManager.getConnection(h2 ? url + ";CACHE_SIZE=2097152" : url, user, password)) {
            c.setAutoCommit(false);
            insertPeople(c);
            insertChannels(c);
            insertPosts(c);
            insertAnnouncements(c);
            insertTokens(c);
            restartSequences(c);
            countProfilePosts(c);
            c.commit();
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE");
                c.commit();
                if (h2) {
                    // Rewrites the file without the space earlier versions of its pages took while loading.
                    s.execute("SHUTDOWN COMPACT");
                }
            }
        }
        Files.writeString(out.resolve("jdbc-url.txt"), url + "\n");
        System.out.printf(Locale.ROOT, "Generated %d employees, %d groups, %d posts into %s in %.1f s%n",
                employees, groups, posts, out, seconds(started));
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    void writeLdif() throws IOException {
        Path demo = repo.resolve("ldap-config/src/main/resources/org/babillard/directory/demo-company.ldif");
        try (Writer w = Files.newBufferedWriter(out.resolve("company.ldif"), StandardCharsets.UTF_8)) {
            w.write(Files.readString(demo, StandardCharsets.UTF_8));
            w.write("\n# Generated by bench (org.babillard.bench.Generate): the benchmark's company.\n");
            for (int i = 0; i < employees; i++) {
                w.write("\ndn: " + dn(i) + "\nobjectClass: top\nobjectClass: person\nobjectClass: organizationalPerson\nobjectClass: inetOrgPerson\n");
                w.write("uid: " + username(i) + "\n");
                w.write(attr("cn", displayName(i)) + attr("sn", "Numéro " + i) + attr("displayName", displayName(i)));
                w.write("mail: " + username(i) + "@babillard.example\ntitle: Title " + (i % 40) + "\n");
                w.write(attr("departmentNumber", DEPARTMENTS[i % DEPARTMENTS.length]) + attr("l", SITES[i % SITES.length]));
                w.write("telephoneNumber: +33 1 00 00 " + String.format(Locale.ROOT, "%04d", i % 10000) + "\n");
                if (i > 0) {
                    w.write("manager: " + dn(i / 10) + "\n");
                }
                w.write("userPassword: demo\n");
            }
            for (int g = 0; g < groups; g++) {
                w.write("\ndn: cn=" + groupName(g) + ",ou=groups," + BASE + "\nobjectClass: top\nobjectClass: groupOfNames\ncn: " + groupName(g) + "\n");
                for (int m : members[g]) {
                    w.write("member: " + dn(m) + "\n");
                }
            }
        }
    }

    static String displayName(int i) {
        return "Personne Numéro " + i;
    }

    /** An LDIF attribute line, base64 when the value is not plain ASCII (RFC 2849). */
    static String attr(String name, String value) {
        boolean ascii = value.chars().allMatch(ch -> ch >= 0x20 && ch < 0x7f);
        return ascii ? name + ": " + value + "\n"
                : name + ":: " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    static OffsetDateTime at(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    void insertPeople(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO employee (id, username, directory_dn, display_name, mail, title, "
                + "department, site, language, version, phone, manager_dn, directory_language, active, synced_at, search_text, roles, "
                + "onboarded_at, welcomed_at, first_login, tour_done_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, TRUE, ?, ?, "
                + "'employee', ?, ?, ?, ?)")) {
            // They have used Babillard for a year: logged in before (their first post is up to 365 days old), the
            // first login's welcome long behind them (version 1 of the data left both empty, and every measured login
            // landed on the welcome page instead of the home page).
            OffsetDateTime yearAgo = at(now.minus(java.time.Duration.ofDays(366)));
            for (int i = 0; i < employees; i++) {
                String dept = DEPARTMENTS[i % DEPARTMENTS.length], site = SITES[i % SITES.length], title = "Title " + (i % 40);
                String language = SITES[i % SITES.length].equals("London") ? "en" : "fr";
                ps.setLong(1, i + 1);
                ps.setString(2, username(i));
                ps.setString(3, dn(i));
                ps.setString(4, displayName(i));
                ps.setString(5, username(i) + "@babillard.example");
                ps.setString(6, title);
                ps.setString(7, dept);
                ps.setString(8, site);
                ps.setString(9, language);
                ps.setString(10, "+33 1 00 00 " + String.format(Locale.ROOT, "%04d", i % 10000));
                ps.setString(11, i > 0 ? dn(i / 10) : null);
                ps.setString(12, language);
                ps.setObject(13, at(now));
                ps.setString(14, plain(String.join(" ", displayName(i), username(i), title, dept, site)));
                ps.setObject(15, at(now));
                ps.setObject(16, at(now));
                ps.setObject(17, yearAgo);
                ps.setObject(18, yearAgo);
                ps.addBatch();
                if (i % 1000 == 999) {
                    flush(c, ps);
                }
            }
            ps.executeBatch();
        }
        // Follows: most people follow a few dozen colleagues, a few follow hundreds; the prolific are followed most.
        long follows = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO follow (id, follower_id, followed_id, created_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < employees; i++) {
                int count = Math.min(employees - 1, (int) (3 + 150 * Math.pow(random.nextDouble(), 3)));
                Set<Integer> followed = new HashSet<>();
                for (int tries = 0; followed.size() < count && tries < count * 5; tries++) {
                    int f = random.nextInt(3) == 0 ? random.nextInt(employees) : skewedEmployee();
                    if (f != i && followed.add(f)) {
                        ps.setLong(1, ++follows);
                        ps.setLong(2, i + 1);
                        ps.setLong(3, f + 1);
                        ps.setObject(4, at(now.minus(Duration.ofDays(366))));
                        ps.addBatch();
                    }
                }
                if (i % 200 == 199) {
                    flush(c, ps);
                }
            }
            ps.executeBatch();
        }
        long topics = 0;
        double[] tagCdf = zipf(TAGS.length, 1.0);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO topic_follow (id, employee_id, tag, created_at) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < employees; i++) {
                Set<String> tags = new HashSet<>();
                for (int k = random.nextInt(4); k > 0; k--) {
                    String tag = TAGS[pick(tagCdf, random)];
                    if (tags.add(tag)) {
                        ps.setLong(1, ++topics);
                        ps.setLong(2, i + 1);
                        ps.setString(3, tag);
                        ps.setObject(4, at(now.minus(Duration.ofDays(366))));
                        ps.addBatch();
                    }
                }
            }
            ps.executeBatch();
        }
        c.commit();
        counts.put("follow", follows);
        counts.put("topic_follow", topics);
        System.out.printf(Locale.ROOT, "People: %d employees, %d follows, %d topic follows%n", employees, follows, topics);
    }

    final java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();

    static String plain(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }

    boolean isPrivate(int g) {
        return g % 10 == 0;
    }

    boolean ownersPost(int g) {
        return g % 50 == 1;
    }

    void insertChannels(Connection c) throws SQLException {
        long memberships = 0;
        try (PreparedStatement ch = c.prepareStatement("INSERT INTO channel (id, slug, name, description, access, posting, directory_group, "
                + "created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement mb = c.prepareStatement("INSERT INTO channel_member (id, channel_id, employee_id, role, joined_at, "
                     + "last_read_post, version) VALUES (?, ?, ?, ?, ?, 0, 0)")) {
            for (int g = 0; g < groups; g++) {
                ch.setLong(1, g + 1);
                ch.setString(2, groupName(g));
                ch.setString(3, groupName(g));
                ch.setString(4, "Team " + g);
                ch.setString(5, isPrivate(g) ? "PRIVATE" : "OPEN");
                ch.setString(6, ownersPost(g) ? "OWNERS" : "MEMBERS");
                ch.setString(7, "cn=" + groupName(g) + ",ou=groups," + BASE);
                ch.setObject(8, at(now.minus(Duration.ofDays(366))));
                ch.addBatch();
                for (int m = 0; m < members[g].length; m++) {
                    mb.setLong(1, ++memberships);
                    mb.setLong(2, g + 1);
                    mb.setLong(3, members[g][m] + 1);
                    mb.setString(4, m == 0 ? "OWNER" : "MEMBER");
                    mb.setObject(5, at(now.minus(Duration.ofDays(366))));
                    mb.addBatch();
                }
                if (g % 100 == 99) {
                    flush(c, ch, mb);
                }
            }
            ch.executeBatch();
            mb.executeBatch();
        }
        c.commit();
        counts.put("channel_member", memberships);
    }

    void insertPosts(Connection c) throws SQLException {
        long started = System.nanoTime();
        int[] author = new int[posts];
        int[] channel = new int[posts];      // 0: company-wide, else channel id
        int[] replyTo = new int[posts];      // 0: a thread's first post, else the post id answered
        int[] thread = new int[posts];
        int[] replies = new int[posts];
        byte[] audience = new byte[posts];   // 0 COMPANY, 1 MENTIONED, 2 NOTEBOOK
        for (int i = 0; i < posts; i++) {
            int id = i + 1;
            if (i > 10 && random.nextInt(100) < 25) {
                int target = id - 1 - random.nextInt(Math.min(i, 2000));
                int root = thread[target - 1] == 0 ? target : thread[target - 1];
                if (audience[root - 1] != 2) {
                    replyTo[i] = target;
                    thread[i] = root;
                    channel[i] = channel[root - 1];
                    audience[i] = audience[root - 1];
                    author[i] = channel[i] == 0 ? skewedEmployee() : memberOf(channel[i] - 1);
                    if (audience[i] == 1) {
                        author[i] = author[root - 1];
                    }
                    replies[root - 1]++;
                    continue;
                }
            }
            int roll = random.nextInt(1000);
            if (roll < 300) {
                int g = pick(channelCdf, random);
                channel[i] = g + 1;
                author[i] = ownersPost(g) ? members[g][0] : memberOf(g);
            } else {
                author[i] = skewedEmployee();
                audience[i] = (byte) (roll < 305 ? 2 : roll < 310 ? 1 : 0);
            }
        }
        double[] tagCdf = zipf(TAGS.length, 1.0);
        double[] wordCdf = zipf(WORDS.length, 0.9);
        Duration span = Duration.ofDays(365);
        Instant first = now.minus(span);
        long step = span.toMillis() / Math.max(1, posts);
        long tags = 0, mentions = 0;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO post (id, author_id, text, created_at, version, channel_id, "
                + "reply_to_id, thread_id, replies, audience) VALUES (?, ?, ?, ?, 0, ?, ?, ?, ?, ?)");
             PreparedStatement pt = c.prepareStatement("INSERT INTO post_tag (id, post_id, tag, created_at) VALUES (?, ?, ?, ?)");
             PreparedStatement pm = c.prepareStatement("INSERT INTO mention (id, post_id, employee_id) VALUES (?, ?, ?)")) {
            for (int i = 0; i < posts; i++) {
                int id = i + 1;
                Instant created = first.plusMillis(step * i + random.nextLong(Math.max(1, step)));
                StringBuilder text = new StringBuilder();
                List<Integer> mentioned = new ArrayList<>();
                int mentionCount = audience[i] == 1 && thread[i] == 0 ? 1 + random.nextInt(2) : random.nextInt(100) < 12 ? 1 : 0;
                for (int m = 0; m < mentionCount; m++) {
                    int who = random.nextBoolean() ? skewedEmployee() : random.nextInt(employees);
                    if (who != author[i] && !mentioned.contains(who)) {
                        mentioned.add(who);
                        text.append('@').append(username(who)).append(' ');
                    }
                }
                int words = 6 + random.nextInt(20);
                for (int w = 0; w < words; w++) {
                    text.append(WORDS[pick(wordCdf, random)]).append(w == words - 1 ? "." : " ");
                }
                Set<String> postTags = new HashSet<>();
                if (random.nextInt(100) < 15) {
                    for (int t = 1 + random.nextInt(2); t > 0; t--) {
                        String tag = TAGS[pick(tagCdf, random)];
                        if (postTags.add(tag)) {
                            text.append(" #").append(tag);
                        }
                    }
                }
                ps.setLong(1, id);
                ps.setLong(2, author[i] + 1);
                ps.setString(3, text.toString());
                ps.setObject(4, at(created));
                setId(ps, 5, channel[i]);
                setId(ps, 6, replyTo[i]);
                setId(ps, 7, thread[i]);
                ps.setInt(8, replies[i]);
                ps.setString(9, audience[i] == 2 ? "NOTEBOOK" : audience[i] == 1 ? "MENTIONED" : "COMPANY");
                ps.addBatch();
                for (String tag : postTags) {
                    pt.setLong(1, ++tags);
                    pt.setLong(2, id);
                    pt.setString(3, tag);
                    pt.setObject(4, at(created));
                    pt.addBatch();
                }
                for (int who : mentioned) {
                    pm.setLong(1, ++mentions);
                    pm.setLong(2, id);
                    pm.setLong(3, who + 1);
                    pm.addBatch();
                }
                if (i % 2000 == 1999) {
                    flush(c, ps, pt, pm);
                }
                if (i % 100_000 == 99_999) {
                    System.out.printf(Locale.ROOT, "  %,d posts (%.0f posts/s)%n", i + 1, (i + 1) / seconds(started));
                }
            }
            ps.executeBatch();
            pt.executeBatch();
            pm.executeBatch();
        }
        c.commit();
        counts.put("post_tag", tags);
        counts.put("mention", mentions);
        long inChannels = java.util.Arrays.stream(channel).filter(x -> x != 0).count();
        long asReplies = java.util.Arrays.stream(replyTo).filter(x -> x != 0).count();
        System.out.printf(Locale.ROOT, "Posts: %d (%d in channels, %d replies), %d hashtags, %d mentions (%.1f s)%n",
                posts, inChannels, asReplies, tags, mentions, seconds(started));
    }

    /** Sends the batches and commits: H2 commits one very large transaction slowly (it walks its undo log). */
    static void flush(Connection c, PreparedStatement... batches) throws SQLException {
        for (PreparedStatement ps : batches) {
            ps.executeBatch();
        }
        c.commit();
    }

    int memberOf(int g) {
        return members[g][random.nextInt(members[g].length)];
    }

    static void setId(PreparedStatement ps, int index, int id) throws SQLException {
        if (id == 0) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, id);
        }
    }

    void insertAnnouncements(Connection c) throws SQLException {
        int count = 24;
        String[] categories = {"HR", "COMPANY_NEWS", "EVENT", "PRODUCT_LAUNCH", "IT_SAFETY"};
        try (PreparedStatement a = c.prepareStatement("INSERT INTO announcement (id, author_id, category, title_fr, body_fr, title_en, body_en, "
                + "must_read, publish_at, published_at, created_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
             PreparedStatement au = c.prepareStatement("INSERT INTO announcement_audience (id, announcement_id, kind, label) VALUES (?, ?, 'EVERYONE', NULL)");
             PreparedStatement r = c.prepareStatement("INSERT INTO announcement_recipient (announcement_id, employee_id, department, site) VALUES (?, ?, ?, ?)")) {
            for (int k = 0; k < count; k++) {
                Instant at = now.minus(Duration.ofDays(365L * (count - k) / count));
                a.setLong(1, k + 1);
                a.setLong(2, byRank[0] + 1);
                a.setString(3, categories[k % categories.length]);
                a.setString(4, "Annonce " + (k + 1));
                a.setString(5, "Le texte de l'annonce " + (k + 1) + " pour toute l'entreprise.");
                a.setString(6, "Announcement " + (k + 1));
                a.setString(7, "The text of announcement " + (k + 1) + " for the whole company.");
                a.setBoolean(8, k % 6 == 0);
                a.setObject(9, at(at));
                a.setObject(10, at(at));
                a.setObject(11, at(at));
                a.addBatch();
                au.setLong(1, k + 1);
                au.setLong(2, k + 1);
                au.addBatch();
            }
            a.executeBatch();
            au.executeBatch();
            for (int k = 0; k < count; k++) {
                for (int i = 0; i < employees; i++) {
                    r.setLong(1, k + 1);
                    r.setLong(2, i + 1);
                    r.setString(3, DEPARTMENTS[i % DEPARTMENTS.length]);
                    r.setString(4, SITES[i % SITES.length]);
                    r.addBatch();
                    if (i % 2000 == 1999) {
                        flush(c, r);
                    }
                }
                flush(c, r);
            }
        }
        c.commit();
        counts.put("announcement", (long) count);
        counts.put("announcement_audience", (long) count);
    }

    /** One API application and a token for every employee: "bt-INDEX", stored (as Babillard does) as its SHA-256. */
    void insertTokens(Connection c) throws Exception {
        try (PreparedStatement app = c.prepareStatement("INSERT INTO api_app (id, client_id, secret_hash, name, redirect_uris, scopes, created_at) "
                + "VALUES (1, 'bench', ?, 'Babillard benchmark', 'urn:ietf:wg:oauth:2.0:oob', 'read write follow push', ?)")) {
            app.setString(1, sha256("bench"));
            app.setObject(2, at(now));
            app.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO api_token (id, token_hash, app_id, employee_id, scopes, created_at) "
                + "VALUES (?, ?, 1, ?, 'read write follow push', ?)");
             Writer tokens = Files.newBufferedWriter(out.resolve("tokens.txt"), StandardCharsets.UTF_8)) {
            for (int i = 0; i < employees; i++) {
                String token = "bt-" + i;
                ps.setLong(1, i + 1);
                ps.setString(2, sha256(token));
                ps.setLong(3, i + 1);
                ps.setObject(4, at(now));
                ps.addBatch();
                tokens.write(username(i) + " " + token + "\n");
                if (i % 2000 == 1999) {
                    flush(c, ps);
                }
            }
            ps.executeBatch();
        }
        // The readers the runs use, most active first (they follow and are followed the most).
        try (Writer readers = Files.newBufferedWriter(out.resolve("readers.txt"), StandardCharsets.UTF_8)) {
            for (int r = 0; r < employees; r++) {
                readers.write(byRank[r] + "\n");
            }
        }
        counts.put("api_app", 1L);
        counts.put("api_token", (long) employees);
    }

    static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The counters the migrations computed on empty tables (V22_1: posts on each profile; V22_2: followers and
     * followed), for the data written.
     */
    void countProfilePosts(Connection c) throws SQLException {
        String shown = " FROM post p WHERE p.author_id = employee.id AND p.channel_id IS NULL AND p.deleted_at IS NULL"
                + " AND p.hidden_at IS NULL AND p.audience = 'COMPANY' AND p.readable_with IS NULL";
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE employee SET public_posts = (SELECT COUNT(*)" + shown + "), last_public_post_at = "
                    + "(SELECT MAX(p.created_at)" + shown + ")");
            s.executeUpdate("UPDATE employee SET followers_count = (SELECT COUNT(*) FROM follow f WHERE f.followed_id = employee.id),"
                    + " following_count = (SELECT COUNT(*) FROM follow f WHERE f.follower_id = employee.id)");
        }
    }

    void restartSequences(Connection c) throws SQLException {
        String[][] sequences = {
                {"employee_seq", String.valueOf(employees + 1)},
                {"post_seq", String.valueOf(posts + 1)},
                {"channel_seq", String.valueOf(groups + 1)},
                {"channel_member_seq", String.valueOf(counts.get("channel_member") + 1)},
                {"follow_seq", String.valueOf(counts.get("follow") + 1)},
                {"topic_follow_seq", String.valueOf(counts.get("topic_follow") + 1)},
                {"post_tag_seq", String.valueOf(counts.get("post_tag") + 1)},
                {"mention_seq", String.valueOf(counts.get("mention") + 1)},
                {"announcement_seq", String.valueOf(counts.get("announcement") + 1)},
                {"announcement_audience_seq", String.valueOf(counts.get("announcement_audience") + 1)},
                {"api_app_seq", "2"},
                {"api_token_seq", String.valueOf(employees + 1)},
        };
        try (Statement s = c.createStatement()) {
            for (String[] seq : sequences) {
                s.execute("ALTER SEQUENCE " + seq[0] + " RESTART WITH " + seq[1]);
            }
        }
    }
}
