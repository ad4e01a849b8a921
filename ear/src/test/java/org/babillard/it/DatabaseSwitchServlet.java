package org.babillard.it;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Test code only, deployed beside Babillard by the tests that need it ({@link DatabaseSwitch}), never part of the EAR:
 * makes the database of the tests' server really unavailable, and available again, without restarting anything.
 * <ul>
 * <li>H2 (the first CI pass; embedded in the server's JVM, so this must run there): a session of its own puts the
 * database in exclusive mode with {@code SET EXCLUSIVE 2}, which closes every other session (the pool's connections)
 * and refuses new ones ("Database is in exclusive mode"); {@code SET EXCLUSIVE 0} and closing that session end it.</li>
 * <li>PostgreSQL (the second pass): from the {@code postgres} database, as the database's owner,
 * {@code ALTER DATABASE ... ALLOW_CONNECTIONS false} refuses new connections ("not currently accepting connections")
 * and {@code pg_terminate_backend} cuts the open ones; {@code ALLOW_CONNECTIONS true} ends it.</li>
 * </ul>
 * POST {@code ?to=down|up} answers what was done; GET {@code ?marker=...} counts, in the database itself, the posts
 * holding the marker and what hangs on them (mentions, hashtags, notifications, mails waiting in the outbox), and the
 * files whose name or description holds it.
 */
@WebServlet("/switch")
public class DatabaseSwitchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DatabaseSwitchServlet.class.getName());
    private static final Object LOCK = new Object();

    /** H2: the session holding the database in exclusive mode while it is "down". */
    private static Connection exclusive;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String done;
        try {
            synchronized (LOCK) {
                done = "down".equals(request.getParameter("to")) ? down() : up();
            }
        } catch (SQLException | ReflectiveOperationException e) {
            LOG.log(Level.WARNING, "the database switch failed", e);
            response.sendError(500, e.toString());
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(done);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String marker = "%" + request.getParameter("marker") + "%";
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("posts", "SELECT COUNT(*) FROM post WHERE text LIKE ?");
        counts.put("mentions", "SELECT COUNT(*) FROM mention m JOIN post p ON p.id = m.post_id WHERE p.text LIKE ?");
        counts.put("tags", "SELECT COUNT(*) FROM post_tag t JOIN post p ON p.id = t.post_id WHERE p.text LIKE ?");
        counts.put("notifications", "SELECT COUNT(*) FROM notification n JOIN post p ON p.id = n.post_id WHERE p.text LIKE ?");
        counts.put("outbox", "SELECT COUNT(*) FROM outbox_message WHERE text_body LIKE ?");
        counts.put("attachments", "SELECT COUNT(*) FROM attachment WHERE file_name LIKE ? OR alt_text LIKE ?");
        StringBuilder answer = new StringBuilder();
        try (Connection db = connect(url())) {
            for (Map.Entry<String, String> count : counts.entrySet()) {
                try (PreparedStatement query = db.prepareStatement(count.getValue())) {
                    for (int i = 1; i <= count.getValue().chars().filter(c -> c == '?').count(); i++) {
                        query.setString(i, marker);
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        answer.append(count.getKey()).append('=').append(rows.getLong(1)).append('\n');
                    }
                }
            }
        } catch (SQLException | ReflectiveOperationException e) {
            response.sendError(503, e.toString());
            return;
        }
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(answer.toString());
    }

    /** Whatever happened to the test, the database is never left down once this switch goes away. */
    @Override
    public void destroy() {
        synchronized (LOCK) {
            try {
                up();
            } catch (SQLException | ReflectiveOperationException e) {
                LOG.log(Level.SEVERE, "the database could not be let back up", e);
            }
        }
    }

    private static String down() throws SQLException, ReflectiveOperationException {
        if (h2()) {
            if (exclusive == null) {
                Connection own = connect(url());
                try (Statement statement = own.createStatement()) {
                    statement.execute("SET EXCLUSIVE 2");
                }
                exclusive = own;
            }
            return "H2: SET EXCLUSIVE 2 (every other session closed, new ones refused)";
        }
        try (Connection admin = connect(adminUrl()); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + quoted(databaseName()) + " WITH ALLOW_CONNECTIONS false");
            try (PreparedStatement terminate = admin.prepareStatement("SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = ? AND usename = current_user AND pid <> pg_backend_pid()")) {
                terminate.setString(1, databaseName());
                try (ResultSet rows = terminate.executeQuery()) {
                    rows.next();
                    return "PostgreSQL: ALTER DATABASE " + databaseName() + " WITH ALLOW_CONNECTIONS false, "
                            + rows.getLong(1) + " sessions terminated";
                }
            }
        }
    }

    private static String up() throws SQLException, ReflectiveOperationException {
        if (h2()) {
            if (exclusive != null) {
                try (Connection own = exclusive; Statement statement = own.createStatement()) {
                    statement.execute("SET EXCLUSIVE 0");
                } finally {
                    exclusive = null;
                }
            }
            return "H2: SET EXCLUSIVE 0";
        }
        try (Connection admin = connect(adminUrl()); Statement statement = admin.createStatement()) {
            statement.execute("ALTER DATABASE " + quoted(databaseName()) + " WITH ALLOW_CONNECTIONS true");
        }
        return "PostgreSQL: ALTER DATABASE " + databaseName() + " WITH ALLOW_CONNECTIONS true";
    }

    private static boolean h2() {
        return !"postgresql".equals(System.getProperty("babillard.db.driver", "h2"));
    }

    /** The address the server's datasource was configured with (configure.cli reads the same property). */
    private static String url() {
        String url = System.getProperty("babillard.db.url");
        if (url == null) {
            throw new IllegalStateException("babillard.db.url is not set: the tests' server sets it (arquillian.xml)");
        }
        return url;
    }

    /** PostgreSQL: jdbc:postgresql://host:port/name[?...] */
    private static String databaseName() {
        String rest = url().substring(url().lastIndexOf('/') + 1);
        return rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest;
    }

    /** The same server's own "postgres" database: one cannot refuse connections to the database one is connected to. */
    private static String adminUrl() {
        String url = url();
        int slash = url.lastIndexOf('/');
        String rest = url.substring(slash + 1);
        return url.substring(0, slash + 1) + "postgres" + (rest.contains("?") ? rest.substring(rest.indexOf('?')) : "");
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** A connection of its own, outside the server's pool, with the datasource's driver and account. */
    private static Connection connect(String url) throws SQLException, ReflectiveOperationException {
        String driverClass = h2() ? "org.h2.Driver" : "org.postgresql.Driver";
        Driver driver = (Driver) Class.forName(driverClass, true, DatabaseSwitchServlet.class.getClassLoader())
                .getDeclaredConstructor().newInstance();
        Properties account = new Properties();
        account.setProperty("user", System.getProperty("babillard.db.user", "sa"));
        account.setProperty("password", System.getProperty("babillard.db.password", "sa"));
        Connection connection = driver.connect(url, account);
        if (connection == null) {
            throw new SQLException("no driver for " + url);
        }
        return connection;
    }
}
