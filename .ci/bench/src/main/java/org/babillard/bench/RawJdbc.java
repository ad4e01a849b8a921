package org.babillard.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The database's limit for the home timeline: the SQL Babillard's {@code Timeline#home} runs for one page (the reader's
 * follows, channels and topics, then one query per source with the visibility rule of {@code Visibility.READABLE},
 * the page's posts with their authors, newest first, merged), sent by plain JDBC on one connection per client to the
 * same H2 database file, in-process (no server, no JPA, no rendering). Run while the server is stopped: H2 locks the
 * file it has open.
 *
 * <pre>RawJdbc --url JDBC --results FILE --readers N --clients 1,16,64 --seconds S --deep ID</pre>
 */
public final class RawJdbc {

    static final int PAGE = 20;
    /** As wrk's: a query slower than this counts as an error, so that a window ends soon after its time. */
    static final int TIMEOUT_SECONDS = 10;

    public static void main(String[] args) throws Exception {
        Map<String, String> o = Measure.options(args);
        String url = o.get("url");
        Path results = Path.of(o.get("results"));
        int readers = Integer.parseInt(o.getOrDefault("readers", "500"));
        double seconds = Double.parseDouble(o.getOrDefault("seconds", "10"));
        double warmup = Double.parseDouble(o.getOrDefault("warmup", "3"));
        long deep = Long.parseLong(o.get("deep"));
        int[] clients = Measure.ints(o.getOrDefault("clients", "1,16,64"));
        int max = Math.max(Integer.parseInt(o.getOrDefault("post-clients", "16")), java.util.Arrays.stream(clients).max().orElse(1));
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < max; i++) {
            Connection c = DriverManager.getConnection(url, "sa", "sa");
            c.setReadOnly(true);
            connections.add(c);
        }
        try {
            for (String page : new String[]{"first", "deep"}) {
                long before = page.equals("first") ? Long.MAX_VALUE : deep;
                for (int n : clients) {
                    Measure.Result r = Measure.closedLoop("jdbc-home-" + page, n, warmup, seconds, client -> {
                        int reader = ThreadLocalRandom.current().nextInt(readers) + 1;
                        if (home(connections.get(client), reader, before).isEmpty()) {
                            throw new IllegalStateException("an empty home for employee " + reader);
                        }
                    });
                    Measure.append(results, r);
                    if (r.count() == 0) {
                        // Not one page within the window: more clients would only queue behind the same work.
                        System.out.println("jdbc-home-" + page + ": no page within " + seconds + " s; more clients not measured");
                        break;
                    }
                }
            }
            // The database's limit for posting: one post row per transaction, as Babillard's boundary commits each post.
            int writers = Integer.parseInt(o.getOrDefault("post-clients", "16"));
            for (int i = 0; i < writers; i++) {
                connections.get(i).setReadOnly(false);
                connections.get(i).setAutoCommit(false);
            }
            long last = longs(connections.get(0), "SELECT COALESCE(MAX(id), 0) FROM post WHERE id > ?", 0).get(0);
            Measure.append(results, Measure.closedLoop("jdbc-post", writers, warmup, seconds, client -> {
                Connection c = connections.get(client);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO post (id, author_id, text, created_at, version, replies, audience) "
                        + "VALUES (NEXT VALUE FOR post_seq, ?, ?, CURRENT_TIMESTAMP, 0, 0, 'COMPANY')")) {
                    ps.setLong(1, ThreadLocalRandom.current().nextInt(readers) + 1);
                    ps.setString(2, "Benchmark post about the release, written by plain JDBC");
                    ps.executeUpdate();
                }
                c.commit();
            }));
            // The server then starts from the generated data, without these posts.
            // (A connection of its own: H2 keeps a statement's query timeout for its whole session.)
            try (Connection c = DriverManager.getConnection(url, "sa", "sa");
                 PreparedStatement ps = c.prepareStatement("DELETE FROM post WHERE id > ?")) {
                ps.setLong(1, last);
                ps.executeUpdate();
                c.createStatement().execute("ALTER SEQUENCE post_seq RESTART WITH " + (last + 1));
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    /** One home page for employee {@code reader} below post {@code before}: the ids of its posts, newest first. */
    static List<Long> home(Connection c, long reader, long before) throws SQLException {
        List<Long> authors = longs(c, "SELECT followed_id FROM follow WHERE follower_id = ?", reader);
        authors.add(reader);
        List<Long> channels = longs(c, "SELECT channel_id FROM channel_member WHERE employee_id = ?", reader);
        List<String> tags = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT tag FROM topic_follow WHERE employee_id = ?")) {
            ps.setLong(1, reader);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tags.add(rs.getString(1));
                }
            }
        }
        // The same two steps as Timeline#home: the window below the bound on the primary key, then, if the page is not
        // full, each source on its own index below the window.
        TreeMap<Long, Object[]> union = new TreeMap<>(java.util.Comparator.reverseOrder());
        // MAX(id) alone is read from the primary key (as Timeline's "select max(p.id) from Post p"); with a WHERE clause
        // H2 would read the whole table.
        long newest;
        try (java.sql.Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM post")) {
            newest = rs.next() ? rs.getLong(1) : 0;
        }
        long start = Math.min(before, newest + 1);
        long edge = Math.max(0, start - WINDOW);
        window(c, union, authors, channels, reader, start, edge);
        for (String tag : tags) {
            byIds(c, union, "SELECT post_id FROM post_tag WHERE tag = ?", List.of(tag), reader, start, edge);
        }
        byIds(c, union, "SELECT post_id FROM mention WHERE employee_id = ?", List.of(reader), reader, start, edge);
        if (union.size() < PAGE + 1 && edge > 0) {
            // (each person and channel on its own index, as Timeline#eachSource)
            for (Long author : authors) {
                source(c, union, " AND p.author_id = ?", List.of(author), reader, edge);
            }
            for (Long channel : channels) {
                source(c, union, " AND p.channel_id = ?", List.of(channel), reader, edge);
            }
            for (String tag : tags) {
                byIds(c, union, "SELECT post_id FROM post_tag WHERE tag = ?", List.of(tag), reader, edge, 0);
            }
            byIds(c, union, "SELECT post_id FROM mention WHERE employee_id = ?", List.of(reader), reader, edge, 0);
        }
        return union.keySet().stream().limit(PAGE + 1).toList();
    }

    static final String SELECT = "SELECT p.id, p.author_id, p.text, p.created_at, p.version, p.channel_id, p.reply_to_id, p.thread_id, "
            + "p.replies, p.edited_at, p.deleted_at, p.hidden_at, p.hidden_by, p.pinned_at, p.client_key, p.audience, p.shared_post_id, "
            + "p.readable_with, a.id, a.username, a.directory_dn, a.display_name, a.mail, a.title, a.department, a.site, a.language, "
            + "a.active, a.status_text, a.status_until, a.roles, a.version "
            + "FROM post p JOIN employee a ON a.id = p.author_id LEFT JOIN channel c ON c.id = p.channel_id WHERE p.id < ? AND ";

    /** {@code Visibility.READABLE} in SQL; {@code ?} are the reader's id. */
    static String readable(String p, String c, String x) {
        return (p + ".deleted_at IS NULL AND " + p + ".hidden_at IS NULL"
                + " AND NOT EXISTS (SELECT 1 FROM post th{x} WHERE th{x}.id = " + p + ".thread_id AND th{x}.hidden_at IS NOT NULL)"
                + " AND (" + c + ".id IS NULL OR " + c + ".access = 'OPEN' OR EXISTS (SELECT 1 FROM channel_member vm{x} WHERE vm{x}.channel_id = " + c + ".id AND vm{x}.employee_id = ?))"
                + " AND (" + p + ".audience = 'COMPANY' OR (" + p + ".audience = 'NOTEBOOK' AND " + p + ".author_id = ?)"
                + " OR (" + p + ".audience = 'MENTIONED' AND " + p + ".thread_id IS NULL AND (" + p + ".author_id = ?"
                + " OR EXISTS (SELECT 1 FROM mention vmn{x} WHERE vmn{x}.post_id = " + p + ".id AND vmn{x}.employee_id = ?)))"
                + " OR (" + p + ".audience = 'MENTIONED' AND EXISTS (SELECT 1 FROM post vmt{x} WHERE vmt{x}.id = " + p + ".thread_id AND (vmt{x}.author_id = ?"
                + " OR EXISTS (SELECT 1 FROM mention vmm{x} WHERE vmm{x}.post_id = vmt{x}.id AND vmm{x}.employee_id = ?)))))")
                .replace("{x}", x);
    }

    static final String READABLE = readable("p", "c", "") + " AND (p.readable_with IS NULL OR EXISTS (SELECT 1 FROM post rwp "
            + "LEFT JOIN channel rwc ON rwc.id = rwp.channel_id WHERE rwp.id = p.readable_with AND " + readable("rwp", "rwc", "rw") + "))";

    static final int READER_PARAMETERS = (int) READABLE.chars().filter(ch -> ch == '?').count();

    /** Timeline.HOME_WINDOW's default. */
    static final long WINDOW = 10_000;

    static void source(Connection c, TreeMap<Long, Object[]> union, String condition, List<?> values, long reader, long before) throws SQLException {
        // The sources' conditions before the visibility rule, as in Timeline's queries (H2 checks them in this order).
        String sql = SELECT + "(p.reply_to_id IS NULL OR p.id < 0)" + condition + " AND " + READABLE + " ORDER BY p.id DESC LIMIT " + (PAGE + 1);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            int i = 1;
            ps.setLong(i++, before);
            for (Object v : values) {
                ps.setObject(i++, v);
            }
            for (int k = 0; k < READER_PARAMETERS; k++) {
                ps.setLong(i++, reader);
            }
            try (ResultSet rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Object[] row = new Object[columns];
                    for (int k = 0; k < columns; k++) {
                        row[k] = rs.getObject(k + 1);
                    }
                    union.putIfAbsent(rs.getLong(1), row);
                }
            }
        }
    }

    /**
     * The window of Timeline#home: the ids of the window's posts by the people and in the channels followed, from the
     * post table alone on its primary key (a few more than the page, then more at a time), then those posts with the
     * whole rule. (Babillard merges all the sources' ids before asking the rule once, Timeline's Merge; the raw query
     * asks it per source, for the same rows.)
     */
    static void window(Connection c, TreeMap<Long, Object[]> union, List<Long> authors, List<Long> channels, long reader,
                       long start, long edge) throws SQLException {
        String sources = "(author_id + 0 IN (" + marks(authors.size()) + ")"
                + (channels.isEmpty() ? ")" : " OR channel_id + 0 IN (" + marks(channels.size()) + "))");
        long from = start;
        int found = 0;
        int size = PAGE + 1 + 10;
        while (found < PAGE + 1) {
            List<Long> batch = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM post WHERE id < ? AND id >= ? AND (reply_to_id IS NULL OR id < 0)"
                    + " AND deleted_at IS NULL AND hidden_at IS NULL AND " + sources + " ORDER BY id DESC LIMIT " + size)) {
                int i = 1;
                ps.setLong(i++, from);
                ps.setLong(i++, edge);
                for (Long a : authors) {
                    ps.setLong(i++, a);
                }
                for (Long ch : channels) {
                    ps.setLong(i++, ch);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(rs.getLong(1));
                    }
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            int before = union.size();
            source(c, union, " AND p.id IN (" + marks(batch.size()) + ")", batch, reader, start);
            found += union.size() - before;
            if (batch.size() < size) {
                return;
            }
            from = batch.get(batch.size() - 1);
            size = Math.min(500, size * 4);
        }
    }

    /** A topic's or the mentions' source of Timeline#home: its ids between two bounds through its index (500 at a time), then those posts. */
    static void byIds(Connection c, TreeMap<Long, Object[]> union, String ids, List<?> values, long reader, long start, long edge) throws SQLException {
        if (values.isEmpty()) {
            return;
        }
        long from = start;
        int found = 0;
        while (found < PAGE + 1) {
            List<Object> params = new ArrayList<>(values);
            params.add(from);
            params.add(edge);
            List<Long> batch = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(ids + " AND post_id < ? AND post_id >= ? ORDER BY post_id DESC LIMIT 500")) {
                int i = 1;
                for (Object v : params) {
                    ps.setObject(i++, v);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        batch.add(rs.getLong(1));
                    }
                }
            }
            if (batch.isEmpty()) {
                return;
            }
            int before = union.size();
            source(c, union, " AND p.id IN (" + marks(batch.size()) + ")", batch, reader, start);
            found += union.size() - before;
            if (batch.size() < 500) {
                return;
            }
            from = batch.get(batch.size() - 1);
        }
    }

    static List<Long> longs(Connection c, String sql, long param) throws SQLException {
        List<Long> list = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    list.add(rs.getLong(1));
                }
            }
        }
        return list;
    }

    static String marks(int n) {
        return String.join(",", java.util.Collections.nCopies(n, "?"));
    }

    private RawJdbc() {
    }
}
