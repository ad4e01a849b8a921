package org.babillard.platform.boundary;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, refusing connections, the connection cut, the
 * pool unable to lend one) from any other failure, so that callers can say "temporarily unavailable, try again"
 * (the composer, the API's 503) instead of a server error. Nothing is ever half-stored in that case: the transaction
 * that met the outage rolled back as a whole (docs/reliability.md, "The database").
 */
public final class DatabaseOutage {

    /**
     * H2's own codes (its SQLState) for a database that cannot be used right now: connection broken (90067), database
     * closed (90098), already in use by another process (90020), closing (90121), in exclusive mode (90135).
     */
    private static final Set<String> H2_UNAVAILABLE = Set.of("90067", "90098", "90020", "90121", "90135");

    private DatabaseOutage() {
    }

    /** Whether this failure, or anything that caused it, says that the database could not be reached. */
    public static boolean isCause(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> next = new ArrayDeque<>();
        if (failure != null) {
            next.add(failure);
        }
        while (!next.isEmpty() && seen.size() < 50) {
            Throwable t = next.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (unavailable(t)) {
                return true;
            }
            if (t.getCause() != null) {
                next.add(t.getCause());
            }
            if (t instanceof SQLException sql && sql.getNextException() != null) {
                next.add(sql.getNextException());
            }
            Throwable internal = internal(t);
            if (internal != null) {
                next.add(internal);
            }
        }
        return false;
    }

    private static boolean unavailable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08: connection exceptions (the standard's class); 57P01-57P03: PostgreSQL shut down, restarting, or the
            // session ended by an administrator; 53300: PostgreSQL has no connection left.
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                    || state.equals("53300") || H2_UNAVAILABLE.contains(state);
        }
        // The server's connection pool could not lend a connection (none could be opened, or none came free in time).
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("jakarta.resource.ResourceException")) {
                return true;
            }
        }
        return false;
    }

    /** EclipseLink's exceptions keep the driver's exception as their "internal exception". */
    private static Throwable internal(Throwable t) {
        try {
            Method getter = t.getClass().getMethod("getInternalException");
            Object internal = getter.invoke(t);
            return internal instanceof Throwable found ? found : null;
        } catch (ReflectiveOperationException | RuntimeException notThere) {
            return null;
        }
    }
}
