package org.babillard.integrations;

import com.sun.net.httpserver.HttpServer;
import jakarta.inject.Inject;
import org.babillard.api.boundary.OAuth;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.integrations.boundary.AttemptView;
import org.babillard.integrations.boundary.BotView;
import org.babillard.integrations.boundary.Bots;
import org.babillard.integrations.boundary.OutgoingView;
import org.babillard.integrations.boundary.Webhooks;
import org.babillard.integrations.control.Signature;
import org.babillard.it.Deployments;
import org.babillard.people.boundary.DirectorySync;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.platform.boundary.Refused;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.timeline.boundary.Timeline;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bots and outgoing webhooks on the real server: where a bot may post, its tokens, the people directory leaving it
 * out, and outgoing webhooks delivered to a real HTTP server this test starts (signed, retried with backoff,
 * logged), without ever slowing down posting.
 */
@ExtendWith(ArquillianExtension.class)
class IntegrationsIT {

    @Deployment
    static EnterpriseArchive deployment() {
        EnterpriseArchive ear = Deployments.babillardWithTests(IntegrationsIT.class);
        // The webhook receiver is the JDK's own HTTP server, which deployments see only when they ask for its module.
        ear.getAsType(WebArchive.class, "test.war")
                .setManifest(new StringAsset("Manifest-Version: 1.0\nDependencies: jdk.httpserver\n"));
        return ear;
    }

    @Inject
    Bots bots;

    @Inject
    Webhooks webhooks;

    @Inject
    People people;

    @Inject
    Channels channels;

    @Inject
    Posts posts;

    @Inject
    Timeline timeline;

    @Inject
    OAuth oauth;

    @Inject
    DirectorySync sync;

    @Test
    void aBotPostsOnlyInItsChannelsAndIsNobodyInTheDirectory() throws Exception {
        String admin = person(true);
        String colleague = person(false);
        String handle = "bot-" + suffix();
        assertEquals(Refused.Reason.ALREADY, assertThrows(Refused.class, () -> bots.create(admin, colleague, "Clash", null)).reason(),
                "a bot cannot take a person's name");
        assertEquals(Refused.Reason.INVALID, assertThrows(Refused.class, () -> bots.create(admin, "No Spaces", "x", null)).reason());
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class, () -> bots.create(colleague, handle, "x", null)).reason(),
                "only administrators create bots");
        BotView bot = bots.create(admin, handle, "ERP " + handle, "Posts what ships");
        assertTrue(people.search(handle, 10).isEmpty(), "a bot is not among the people");

        Channel open = channels.create(admin, "Logistics " + suffix(), null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        Channel other = channels.create(admin, "Other " + suffix(), null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        assertEquals(Refused.Reason.NOT_ALLOWED, assertThrows(Refused.class,
                () -> posts.publish(handle, Draft.inChannel(open.getId(), "before being let in"))).reason());
        bots.allow(admin, handle, open.getId());
        Post shipped = posts.publish(handle, Draft.inChannel(open.getId(), "Order 4711 shipped"));
        assertTrue(posts.publish(handle, Draft.reply(shipped.getId(), "Delivered")).getId() > shipped.getId(), "it answers in its channel");
        for (Draft elsewhere : List.of(Draft.companyWide("company"), Draft.notebook("notebook"), Draft.toMentioned("@" + colleague + " hi"),
                Draft.inChannel(other.getId(), "other channel"))) {
            Refused refused = assertThrows(Refused.class, () -> posts.publish(handle, elsewhere));
            assertEquals(Refused.Reason.NOT_ALLOWED, refused.reason(), elsewhere.toString());
            assertEquals(Posts.BOT_CHANNELS_ONLY, refused.detail());
        }
        assertThrows(Refused.class, () -> posts.share(handle, shipped.getId(), "", null, null));
        assertTrue(timeline.company(colleague, null, 50).entries().stream().filter(e -> e.authorUsername().equals(handle))
                .allMatch(e -> e.channel() != null), "nothing of the bot's is company-wide: all of it is in its channel");
        assertTrue(timeline.channel(colleague, open.getId(), null, 50).entries().stream().anyMatch(e -> e.id() == shipped.getId()),
                "the colleague reads the bot's post in the open channel");

        String token = bots.token(admin, handle, "write:statuses read").accessToken();
        var caller = oauth.authenticate(token).orElseThrow();
        assertEquals(handle, caller.username());
        assertTrue(caller.allows("write:statuses"));
        assertEquals(1, bots.bot(admin, handle).tokens().size());
        bots.revoke(admin, handle, bots.bot(admin, handle).tokens().get(0).tokenId());
        assertTrue(oauth.authenticate(token).isEmpty(), "a revoked token opens nothing");

        String second = bots.token(admin, handle, "write:statuses").accessToken();
        bots.enable(admin, handle, false);
        assertTrue(oauth.authenticate(second).isEmpty(), "a switched-off bot's token opens nothing");
        bots.enable(admin, handle, true);
        assertTrue(oauth.authenticate(second).isPresent());
        assertTrue(sync.synchronize().isSucceeded(), "a directory sync runs");
        assertTrue(people.find(handle).orElseThrow().isActive(), "the directory sync leaves the bot alone: it is nobody there");
        assertTrue(oauth.authenticate(second).isPresent());
        String another = person(true);
        bots.delete(another, handle);
        assertTrue(oauth.authenticate(second).isEmpty(), "a deleted bot's token opens nothing");
        assertTrue(bots.list(another).stream().noneMatch(b -> b.username().equals(handle)));
        assertTrue(timeline.channel(another, open.getId(), null, 50).entries().stream().anyMatch(e -> e.id() == shipped.getId()),
                "a deleted bot's posts stay");
    }

    @Test
    void aPrivateChannelsBotIsItsOwnersChoiceAndItsPostsStayInside() throws Exception {
        String admin = person(true);
        String owner = person(false);
        String outsider = person(false);
        String handle = "bot-" + suffix();
        bots.create(admin, handle, "Monitoring", null);
        Channel closed = channels.create(owner, "Ops " + suffix(), null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS);
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> bots.allow(admin, handle, closed.getId())).reason(),
                "an administrator cannot let a bot (and so themselves) into a private channel");
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class,
                () -> webhooks.createIncoming(outsider, closed.getId(), handle)).reason());
        assertTrue(webhooks.settings(owner, closed.getSlug()).bots().stream().anyMatch(b -> b.username().equals(handle)),
                "the owner binds a webhook to any bot switched on");
        String secret = webhooks.createIncoming(owner, closed.getId(), handle);
        long id = webhooks.receive(secret, "Disk 93% full on db-1");
        assertTrue(timeline.channel(owner, closed.getId(), null, 10).entries().stream().anyMatch(e -> e.id() == id));
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> posts.readable(outsider, id)).reason(),
                "a non-member never reads the bot's post");
        assertTrue(timeline.company(outsider, null, 50).entries().stream().noneMatch(e -> e.id() == id));
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> webhooks.settings(outsider, closed.getSlug())).reason());
        assertEquals(Refused.Reason.NOT_FOUND, assertThrows(Refused.class, () -> webhooks.receive("x".repeat(43), "guess")).reason());
    }

    @Test
    void outgoingWebhooksAreSignedRetriedAndLogged() throws Exception {
        String owner = person(false);
        Channel channel = channels.create(owner, "Shipping " + suffix(), null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        List<String> signatures = new CopyOnWriteArrayList<>();
        List<String> deliveries = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/erp", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst("X-Babillard-Signature"));
            deliveries.add(exchange.getRequestHeaders().getFirst("X-Babillard-Delivery"));
            int status = calls.incrementAndGet() <= 2 ? 500 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        try {
            long hookId = webhooks.createOutgoing(owner, channel.getId(),
                    "http://127.0.0.1:" + receiver.getAddress().getPort() + "/erp", true);
            String secret = outgoing(owner, channel, hookId).secret();

            Post post = posts.publish(owner, Draft.inChannel(channel.getId(), "Order 4711 shipped #logistics"));
            List<AttemptView> log = awaitLog(owner, channel, hookId, 3);
            assertEquals(3, calls.get(), "two failures, then delivered on the third attempt");
            assertEquals(List.of(3, 2, 1), log.stream().map(AttemptView::attempt).toList(), "the log, newest first");
            assertEquals(Integer.valueOf(200), log.get(0).statusCode());
            assertEquals(Integer.valueOf(500), log.get(2).statusCode());
            assertTrue(log.stream().allMatch(a -> a.postId() == post.getId()));
            assertEquals(1, Set.copyOf(deliveries).size(), "one delivery id for all attempts");
            for (int i = 0; i < bodies.size(); i++) {
                assertEquals(Signature.of(secret, bodies.get(i)), signatures.get(i), "the signature is the body's HMAC with the secret");
            }
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            assertEquals("sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(bodies.get(2))), signatures.get(2));
            String json = new String(bodies.get(2), StandardCharsets.UTF_8);
            assertTrue(json.contains("\"text\":\"Order 4711 shipped #logistics\""), json);
            assertTrue(json.contains("\"id\":\"" + post.getId() + "\"") && json.contains("post.xhtml?id=" + post.getId()), json);
            assertTrue(json.contains("\"slug\":\"" + channel.getSlug() + "\""), json);

            // Notebook entries and company-wide posts are nobody's webhook business.
            posts.publish(owner, Draft.notebook("private thought"));
            posts.publish(owner, Draft.companyWide("company news"));
            Thread.sleep(1500);
            assertEquals(3, calls.get());
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aReceiverThatIsDownNeverSlowsDownPosting() throws Exception {
        String owner = person(false);
        Channel channel = channels.create(owner, "Down " + suffix(), null, Channel.Access.OPEN, Channel.Posting.MEMBERS);
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long hookId = webhooks.createOutgoing(owner, channel.getId(), "http://127.0.0.1:" + closedPort + "/down", true);
        long started = System.nanoTime();
        Post post = posts.publish(owner, Draft.inChannel(channel.getId(), "Posted while the receiver is down"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 1000, "posting took " + millis + " ms");
        assertTrue(timeline.channel(owner, channel.getId(), null, 5).entries().stream().anyMatch(e -> e.id() == post.getId()),
                "the post is stored");
        List<AttemptView> log = awaitLog(owner, channel, hookId, 2);
        assertTrue(log.stream().allMatch(a -> a.statusCode() == null && a.error() != null), log.toString());
        webhooks.updateOutgoing(owner, hookId, "http://127.0.0.1:" + closedPort + "/down", false, true);
        assertFalse(outgoing(owner, channel, hookId).enabled());
    }

    private List<AttemptView> awaitLog(String owner, Channel channel, long hookId, int attempts) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        List<AttemptView> log = List.of();
        while (System.currentTimeMillis() < deadline) {
            log = outgoing(owner, channel, hookId).log();
            if (log.size() >= attempts) {
                return log;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("Only " + log.size() + " attempts after 30 s: " + log);
    }

    private OutgoingView outgoing(String owner, Channel channel, long hookId) throws Refused {
        return webhooks.settings(owner, channel.getSlug()).outgoing().stream().filter(h -> h.id() == hookId).findFirst().orElseThrow();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private String person(boolean admin) {
        String username = "integ." + suffix();
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                "Test " + username, username + "@babillard.example", "QA", "Ingénierie", "Lyon"),
                admin ? Set.of("employee", "admin") : Set.of("employee"));
        return username;
    }
}
