package org.babillard.people.control;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after too many wrong passwords for one account from one client address, for one
 * account from anywhere, or from one client address over any accounts, within a window, further attempts are
 * refused without asking the directory, with the same message as a wrong password. Only wrong credentials count:
 * a directory that cannot be reached never locks anybody out.
 *
 * <p>Someone who guesses at a colleague's account (say, HR's) from their own computer holds that account only for
 * that computer: its owner, elsewhere, still logs in. Holding the account for everyone takes many more failures
 * from several addresses, and ends by itself when the window has passed; even then, addresses the account logged
 * in from before (the caller checks that, with {@link #allowsFromOwnAddress}) are not held, so that a guess kept up
 * from many computers cannot keep the owner out of their own.
 *
 * <p>Limits (system properties): {@code babillard.login.max-failures-per-account} (default 5, one account from one
 * address), {@code babillard.login.max-failures-per-account-anywhere} (default 50),
 * {@code babillard.login.max-failures-per-address} (default 30), {@code babillard.login.throttle-minutes}
 * (default 15). The counts are kept in this server's memory; each node of a cluster counts on its own.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final int MOST_KEYS = 100_000;

    private final int perAccount;
    private final int perAccountAnywhere;
    private final int perAddress;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle() {
        this(Integer.getInteger("babillard.login.max-failures-per-account", 5),
                Integer.getInteger("babillard.login.max-failures-per-account-anywhere", 50),
                Integer.getInteger("babillard.login.max-failures-per-address", 30),
                Duration.ofMinutes(Integer.getInteger("babillard.login.throttle-minutes", 15)),
                Clock.systemUTC());
    }

    LoginThrottle(int perAccount, int perAccountAnywhere, int perAddress, Duration window, Clock clock) {
        this.perAccount = perAccount;
        this.perAccountAnywhere = perAccountAnywhere;
        this.perAddress = perAddress;
        this.window = window;
        this.clock = clock;
    }

    /** Whether an attempt for this login from this address may go to the directory now. */
    public boolean allows(String login, String address) {
        return recent(accountKey(login, address)) < perAccount && recent(accountKey(login)) < perAccountAnywhere
                && recent(addressKey(address)) < perAddress;
    }

    /**
     * Whether an attempt for this login may go to the directory from an address its owner logged in from before:
     * only the account's failures from this address and the address's own failures count there, not the account's
     * failures from everywhere.
     */
    public boolean allowsFromOwnAddress(String login, String address) {
        return recent(accountKey(login, address)) < perAccount && recent(addressKey(address)) < perAddress;
    }

    /** A wrong name or password. */
    public void failed(String login, String address) {
        if (failures.size() > MOST_KEYS) {
            failures.keySet().removeIf(key -> recent(key) == 0);
        }
        Instant now = clock.instant();
        for (String key : new String[]{accountKey(login, address), accountKey(login), addressKey(address)}) {
            Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
            synchronized (times) {
                times.addLast(now);
            }
        }
    }

    /**
     * A successful login clears the account's failures from that address (not the address's, nor the account's
     * elsewhere: one success proves nothing of other accounts, or of someone guessing from another computer).
     */
    public void succeeded(String login, String address) {
        failures.remove(accountKey(login, address));
    }

    private int recent(String key) {
        Deque<Instant> times = failures.get(key);
        if (times == null) {
            return 0;
        }
        Instant oldest = clock.instant().minus(window);
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst().isBefore(oldest)) {
                times.removeFirst();
            }
            return times.size();
        }
    }

    private static String accountKey(String login) {
        return "account:" + (login == null ? "" : login.strip().toLowerCase(Locale.ROOT));
    }

    private static String accountKey(String login, String address) {
        return accountKey(login) + "@" + (address == null ? "unknown" : address);
    }

    private static String addressKey(String address) {
        return "address:" + (address == null ? "unknown" : address);
    }
}
