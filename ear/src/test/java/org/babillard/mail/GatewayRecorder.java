package org.babillard.mail;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fake SMS gateway for the tests: a tiny HTTP server on a free port that records each request (method, path,
 * Authorization header, body) and answers 503 to the first {@code failures} of them, then 200. Plain sockets, so
 * that it runs inside the application server without extra modules.
 */
final class GatewayRecorder implements AutoCloseable {

    record Call(String method, String path, String authorization, String body) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ServerSocket server;
    private final AtomicInteger failuresLeft;
    private final Thread thread;

    GatewayRecorder(int failures) throws IOException {
        this.failuresLeft = new AtomicInteger(failures);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "sms-gateway-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/send";
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                java.io.InputStream in = s.getInputStream();
                java.io.ByteArrayOutputStream head = new java.io.ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0) {
                    head.write(b);
                    byte[] h = head.toByteArray();
                    int n = h.length;
                    if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                        break;
                    }
                }
                String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
                String[] request = lines[0].split(" ");
                int length = 0;
                String authorization = null;
                for (String line : lines) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-length:")) {
                        length = Integer.parseInt(line.substring(15).trim());
                    } else if (lower.startsWith("authorization:")) {
                        authorization = line.substring(14).trim();
                    }
                }
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                calls.add(new Call(request[0], request[1], authorization, body));
                boolean fail = failuresLeft.getAndDecrement() > 0;
                String status = fail ? "503 Service Unavailable" : "200 OK";
                OutputStream out = s.getOutputStream();
                out.write(("HTTP/1.1 " + status + "\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
            } catch (IOException | RuntimeException e) {
                // closed, or a broken request: keep serving until closed
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
