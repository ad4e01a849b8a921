package org.babillard.security;

import org.babillard.it.Browser;
import org.babillard.it.DatabaseSwitch;
import org.babillard.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Huge request bodies, sent over a raw socket as a misbehaving client would (Java's HTTP client hangs on a refused
 * {@code Expect: 100-continue}, and a raw socket can also keep sending after the answer): 50 MB of JSON to the API,
 * a 50 MB upload to the media endpoint (past the attachments' limit and the server's), a 50 MB form to a page, and
 * chunked bodies without any length that grow past the limits. Each is answered 413 with a short text, quickly, and
 * long before the client finished sending; the server answers normally right afterwards; nothing was stored.
 * See docs/security.md, "Bad input".
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HugeBodiesIT {

    private static final long HUGE = 50L * 1024 * 1024;
    /** Over Babillard's limits for JSON (1 MB) and plain forms (2 MB), under the server's (10 MB). */
    private static final long LARGE = 5L * 1024 * 1024;
    /** A refusal is quick: the body is never read to its end (loopback carries 50 MB in well under this). */
    private static final Duration QUICK = Duration.ofSeconds(15);
    /** The pages' two texts for a body too large (error.tooLarge, badInput.tooLarge), in English and in French. */
    private static final String TOO_LARGE_EN = "too large|larger than the server takes";
    private static final String TOO_LARGE_FR = "trop volumineux|plus grosse que ce que le serveur accepte";

    @Deployment(name = "babillard", testable = false, order = 1)
    static EnterpriseArchive babillard() {
        return Deployments.babillard();
    }

    @Deployment(name = "database-switch", testable = false, order = 2)
    static WebArchive databaseSwitch() {
        return DatabaseSwitch.deployment();
    }

    private final URI base = URI.create(Browser.baseUrl());
    private String marker;

    @BeforeEach
    void marker() {
        marker = "huge" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    @Test
    void hugeJsonToTheApiIsRefusedWithALengthAndWithout() throws Exception {
        byte[] start = ("{\"status\": \"" + marker + " ").getBytes(StandardCharsets.UTF_8);
        refusedByTheServer(send("POST", "api/v1/statuses", "application/json", "fr-FR", start, HUGE, Mode.LENGTH));
        // Over Babillard's 1 MB for JSON, under the server's limit: Babillard's own answer, before reading.
        refused(send("POST", "api/v1/statuses", "application/json", "fr-FR", start, LARGE, Mode.LENGTH), "Rien n'a été enregistré");
        // What Java's HTTP client does: it waits for "100 Continue" before sending; a refusal must come instead.
        refused(send("POST", "api/v1/statuses", "application/json", "en-GB", start, LARGE, Mode.EXPECT_CONTINUE), "Nothing was saved");
        refusedOrCut(send("POST", "api/v1/statuses", "application/json", "en-GB", start, HUGE, Mode.CHUNKED), "Nothing was saved");
        stillHealthyAndNothingStored();
    }

    @Test
    void aHugeUploadIsRefusedWithALengthAndWithout() throws Exception {
        String boundary = "b" + marker;
        byte[] start = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"description\"\r\n\r\n" + marker + "\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + marker + ".png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String type = "multipart/form-data; boundary=" + boundary;
        refusedByTheServer(send("POST", "api/v2/media", type, "en-GB", start, HUGE, Mode.LENGTH));
        refusedByTheServer(send("POST", "api/v2/media", type, "en-GB", start, HUGE, Mode.EXPECT_CONTINUE));
        refusedOrCut(send("POST", "api/v2/media", type, "fr-FR", start, HUGE, Mode.CHUNKED), "Rien n'a été enregistré");
        stillHealthyAndNothingStored();
    }

    @Test
    void aHugeFormToAPageIsRefusedWithALengthAndWithout() throws Exception {
        byte[] start = ("login%3Ausername=" + marker + "&login%3Apassword=").getBytes(StandardCharsets.UTF_8);
        refusedByTheServer(send("POST", "login.xhtml", "application/x-www-form-urlencoded", "en-GB", start, HUGE, Mode.LENGTH));
        // Over Babillard's 2 MB for a plain form, under the server's limit: Babillard's own answer, before reading.
        refused(send("POST", "login.xhtml", "application/x-www-form-urlencoded", "en-GB", start, LARGE, Mode.LENGTH), TOO_LARGE_EN);
        refused(send("POST", "login.xhtml", "application/x-www-form-urlencoded", "fr-FR", start, LARGE, Mode.EXPECT_CONTINUE), TOO_LARGE_FR);
        refusedOrCut(send("POST", "login.xhtml", "application/x-www-form-urlencoded", "fr-FR", start, HUGE, Mode.CHUNKED), TOO_LARGE_FR);
        String boundary = "b" + marker;
        byte[] multipart = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"composer:text\"\r\n\r\n" + marker + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"composer:file0\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        refusedByTheServer(send("POST", "login.xhtml", "multipart/form-data; boundary=" + boundary, "en-GB", multipart, HUGE, Mode.LENGTH));
        // Known gap (docs/security.md): a page's multipart form without a length, past the server's limit, is answered
        // 400 "the form could not be read" once the server stopped reading, not 413; quickly, and nothing is kept.
        Answer chunkedMultipart = send("POST", "login.xhtml", "multipart/form-data; boundary=" + boundary, "fr-FR", multipart, HUGE, Mode.CHUNKED);
        if (chunkedMultipart.status != 413) {
            System.out.println("HugeBodiesIT: KNOWN GAP: " + chunkedMultipart.what + " answered " + chunkedMultipart.status + " after "
                    + chunkedMultipart.took.toMillis() + " ms (not 413)");
            assertTrue(chunkedMultipart.status == 0 || chunkedMultipart.status == 400, chunkedMultipart.what + ": " + chunkedMultipart.head);
            assertTrue(chunkedMultipart.took.compareTo(QUICK) < 0, chunkedMultipart.what + " quickly: " + chunkedMultipart.took.toMillis() + " ms");
        } else {
            refused(chunkedMultipart, TOO_LARGE_FR);
        }
        stillHealthyAndNothingStored();
    }

    /**
     * A declared length over the server's own limit (max-post-size, 10 MB): WildFly (Undertow) refuses it itself, at
     * once, before any of Babillard's code runs, with 400 (seen here, no text) or 413, and closes the connection.
     */
    private void refusedByTheServer(Answer answer) {
        System.out.println("HugeBodiesIT: " + answer.what + " answered " + answer.status + " by the server after " + answer.took.toMillis()
                + " ms, " + answer.sentWhenAnswered / (1024 * 1024) + " MB sent by then");
        assertTrue(answer.status == 400 || answer.status == 413, answer.what + ": " + answer.head + answer.body);
        assertTrue(answer.took.compareTo(QUICK) < 0, answer.what + " answered within " + QUICK.toSeconds() + " s: " + answer.took.toMillis() + " ms");
        assertTrue(answer.sentWhenAnswered < HUGE, answer.what + " answered before the whole body was sent");
        assertTrue(answer.head.toLowerCase(Locale.ROOT).contains("connection: close"), answer.what + " closes the connection: " + answer.head);
    }

    /**
     * A body without a length that grows past the limits: 413 with the text, or (seen on WildFly 39 when Babillard
     * stops reading) the connection closed without an answer; either quickly, never a 5xx or a hang.
     */
    private void refusedOrCut(Answer answer, String says) {
        if (answer.status == 0) {
            System.out.println("HugeBodiesIT: " + answer.what + ": the server closed the connection without a readable answer after "
                    + answer.took.toMillis() + " ms, " + answer.sentWhenAnswered / (1024 * 1024) + " MB sent by then");
            assertTrue(answer.took.compareTo(QUICK) < 0, answer.what + " cut within " + QUICK.toSeconds() + " s: " + answer.took.toMillis() + " ms");
            assertTrue(answer.sentWhenAnswered < HUGE, answer.what + " cut before the whole body was sent");
            return;
        }
        refused(answer, says);
    }

    /** 413, quickly, before the client could send it all, with a short text and no trace of the server's insides. */
    private void refused(Answer answer, String says) {
        System.out.println("HugeBodiesIT: " + answer.what + " answered " + answer.status + " after " + answer.took.toMillis() + " ms, "
                + answer.sentWhenAnswered / (1024 * 1024) + " MB sent by then");
        assertEquals(413, answer.status, answer.what + ": " + answer.head + answer.body);
        assertTrue(answer.took.compareTo(QUICK) < 0, answer.what + " answered within " + QUICK.toSeconds() + " s: " + answer.took.toMillis() + " ms");
        // (5 MB may all fit in the sockets' buffers before the answer comes; 50 MB cannot.)
        assertTrue(answer.length < HUGE || answer.sentWhenAnswered < answer.length, answer.what + " answered before the whole body was sent");
        assertTrue(java.util.regex.Pattern.compile(says).matcher(answer.body).find(), answer.what + " says why (" + says + "): " + answer.body);
        assertFalse(answer.body.matches("(?s).*(Exception|\\.java:|WildFly|Undertow|RESTEASY).*"), answer.what + " leaks nothing: " + answer.body);
    }

    private void stillHealthyAndNothingStored() throws Exception {
        Answer normal = send("GET", "api/v1/instance", null, "en-GB", new byte[0], 0, Mode.LENGTH);
        assertEquals(200, normal.status, "a normal request right afterwards: " + normal.head);
        assertTrue(normal.took.compareTo(Duration.ofSeconds(10)) < 0, "answered promptly: " + normal.took.toMillis() + " ms");
        // Counted in the database itself (the switch is only used to count here).
        Map<String, Long> stored = new DatabaseSwitch().counts(marker);
        assertEquals(0L, stored.get("posts") + stored.get("attachments"), "nothing stored: " + stored);
    }

    // ---------------------------------------------------------------- a raw HTTP/1.1 client

    /** How the body goes: with its length, in chunks without one, or announced and held back until the server says go on. */
    private enum Mode { LENGTH, CHUNKED, EXPECT_CONTINUE }

    private record Answer(String what, int status, String head, String body, Duration took, long sentWhenAnswered, long length) {
    }

    /**
     * Sends the head, then {@code start} and zeros up to {@code length} bytes (as one length, or in chunks without
     * any) from another thread, while this one reads the answer; stops sending when the server has answered or closed.
     */
    private Answer send(String method, String path, String type, String language, byte[] start, long length, Mode mode)
            throws Exception {
        boolean chunked = mode == Mode.CHUNKED;
        String what = method + " /" + path + " (" + (type == null ? "no body" : type.replaceAll(";.*", "") + ", "
                + (chunked ? "chunked" : "Content-Length " + length) + (mode == Mode.EXPECT_CONTINUE ? ", Expect: 100-continue" : "")) + ")";
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout((int) Duration.ofSeconds(60).toMillis());
            StringBuilder head = new StringBuilder(method + " /" + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                    + "\r\nAccept: application/json, text/html\r\nAccept-Language: " + language + "\r\nConnection: close\r\n");
            if (type != null) {
                head.append("Content-Type: ").append(type).append("\r\n");
                head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
                if (mode == Mode.EXPECT_CONTINUE) {
                    head.append("Expect: 100-continue\r\n");
                }
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            AtomicLong sent = new AtomicLong();
            long started = System.nanoTime();
            Thread sender = new Thread(() -> sendBody(out, start, length, chunked, sent), "HugeBodiesIT sender");
            sender.setDaemon(true);
            if (type != null && mode != Mode.EXPECT_CONTINUE) {
                sender.start();
            }
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            int headEnd = -1;
            long sentWhenAnswered = -1;
            Duration took = null;
            byte[] buffer = new byte[8192];
            int n;
            while ((n = readOrReset(in, buffer)) > 0) {
                if (took == null) {
                    took = Duration.ofNanos(System.nanoTime() - started);
                    sentWhenAnswered = sent.get();
                }
                received.write(buffer, 0, n);
                String soFar = received.toString(StandardCharsets.ISO_8859_1);
                headEnd = soFar.indexOf("\r\n\r\n");
                if (headEnd >= 0 && complete(soFar, headEnd)) {
                    break;
                }
            }
            sender.interrupt();
            byte[] all = received.toByteArray();
            String text = new String(all, StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                // The server closed (or reset) the connection without an answer the client could read.
                return new Answer(what, 0, text, "", took == null ? Duration.ofNanos(System.nanoTime() - started) : took,
                        sentWhenAnswered < 0 ? sent.get() : sentWhenAnswered, length);
            }
            String answerHead = text.substring(0, end + 4);
            int status = Integer.parseInt(answerHead.split(" ")[1]);
            byte[] body = Arrays.copyOfRange(all, end + 4, all.length);
            if (answerHead.toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked")) {
                body = dechunked(body);
            }
            return new Answer(what, status, answerHead, new String(body, StandardCharsets.UTF_8), took, sentWhenAnswered, length);
        }
    }

    /**
     * Reads; a connection the server reset counts as closed: it stops reading a body it refused and closes, and the
     * client's system may then drop the answer that had come (TCP reset).
     */
    private static int readOrReset(InputStream in, byte[] buffer) throws IOException {
        try {
            return in.read(buffer);
        } catch (java.net.SocketException reset) {
            return -1;
        }
    }

    /** Whether the answer read so far is whole: its Content-Length reached, or its last chunk. */
    private static boolean complete(String soFar, int headEnd) {
        String head = soFar.substring(0, headEnd).toLowerCase(Locale.ROOT);
        String body = soFar.substring(headEnd + 4);
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("content-length: *(\\d+)").matcher(head);
        if (length.find()) {
            return body.getBytes(StandardCharsets.ISO_8859_1).length >= Integer.parseInt(length.group(1));
        }
        return head.contains("transfer-encoding: chunked") && body.contains("0\r\n\r\n");
    }

    private static byte[] dechunked(byte[] body) {
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (at < text.length()) {
            int lineEnd = text.indexOf("\r\n", at);
            if (lineEnd < 0) {
                break;
            }
            int size = Integer.parseInt(text.substring(at, lineEnd).trim().split(";")[0], 16);
            if (size == 0 || lineEnd + 2 + size > body.length) {
                break;
            }
            whole.write(body, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return whole.toByteArray();
    }

    private static void sendBody(OutputStream out, byte[] start, long length, boolean chunked, AtomicLong sent) {
        byte[] zeros = new byte[64 * 1024];
        Arrays.fill(zeros, (byte) 'a');
        try {
            write(out, start, start.length, chunked);
            sent.addAndGet(start.length);
            while (sent.get() < length && !Thread.currentThread().isInterrupted()) {
                int n = (int) Math.min(zeros.length, length - sent.get());
                write(out, zeros, n, chunked);
                sent.addAndGet(n);
            }
            if (chunked) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // The server answered and closed: what a refusal before reading looks like from here.
        }
    }

    private static void write(OutputStream out, byte[] bytes, int n, boolean chunked) throws IOException {
        if (chunked) {
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(bytes, 0, n);
        if (chunked) {
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
