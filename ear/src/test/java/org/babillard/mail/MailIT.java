package org.babillard.mail;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import org.babillard.announcements.boundary.MustReadMessage;
import org.babillard.channels.boundary.Channels;
import org.babillard.channels.entity.Channel;
import org.babillard.following.boundary.Following;
import org.babillard.it.Deployments;
import org.babillard.mail.boundary.Digests;
import org.babillard.mail.boundary.Inbox;
import org.babillard.mail.boundary.MailPreferences;
import org.babillard.mail.entity.MailPreference;
import org.babillard.mail.entity.OutboxMessage;
import org.babillard.people.boundary.People;
import org.babillard.people.entity.DirectoryProfile;
import org.babillard.people.entity.Employee;
import org.babillard.posts.boundary.Draft;
import org.babillard.posts.boundary.Posts;
import org.babillard.posts.entity.Post;
import org.babillard.posts.entity.Reaction;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E-mail both ways on the real server, against a real SMTP and IMAP server (GreenMail, started by the build):
 * notification mails, preferences, the digest, replies and posts by mail, and must-read announcements.
 */
@ExtendWith(ArquillianExtension.class)
@Order(5)
class MailIT {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    /** The login of the mailbox Babillard reads (DemoMailServer). */
    private static final String INBOUND = "babillard";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.babillardWithTests(MailIT.class, MailBox.class, GatewayRecorder.class, GatewayRecorder.Call.class);
    }

    @Inject
    Posts posts;

    @Inject
    People people;

    @Inject
    Following following;

    @Inject
    Channels channels;

    @Inject
    MailPreferences preferences;

    @Inject
    Digests digests;

    @Inject
    org.babillard.search.boundary.Search search;

    @Inject
    Inbox inbox;

    @Inject
    Event<MustReadMessage> mustRead;

    @PersistenceContext(unitName = "babillard-ejb.jar#babillard")
    EntityManager em;

    @Resource
    UserTransaction tx;

    @Test
    void aMentionAndAReplyArriveInTheReadersLanguageWithTheirContentEscaped() throws Exception {
        String lea = employee("lea", "Léa Français", "fr");
        String bob = employee("bob", "Bob English", "en");
        long mention = posts.publish(bob, "Lunch? @" + lea + " <b>bold</b> & \"quotes\"").getId();

        MimeMessage mail = MailBox.await(mail(lea), 1).get(0);
        assertEquals("Bob English vous a mentionné sur Babillard", mail.getSubject());
        assertTrue(mail.isMimeType("multipart/alternative"));
        String html = MailBox.part(mail, "text/html");
        String text = MailBox.part(mail, "text/plain");
        assertTrue(html.contains("&lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot;"), html);
        assertFalse(html.contains("<b>bold"), "user content is escaped in HTML");
        assertTrue(text.contains("<b>bold</b> & \"quotes\""), "and shown as written in plain text");
        assertTrue(html.contains("post.xhtml?id=" + mention) && text.contains("post.xhtml?id=" + mention));
        assertTrue(text.contains("Répondez à ce mail"));
        assertTrue(MailBox.replyTo(mail).matches("babillard\\+[a-z2-7]{32}@babillard\\.example"), MailBox.replyTo(mail));

        posts.publish(lea, Draft.reply(mention, "Oui, à midi"));
        MimeMessage reply = MailBox.await(mail(bob), 1).get(0);
        assertEquals("Léa Français replied to you on Babillard", reply.getSubject());
        assertTrue(MailBox.part(reply, "text/plain").contains("Oui, à midi"));
        assertTrue(MailBox.part(reply, "text/plain").contains("Answer this mail to reply on Babillard"));
    }

    @Test
    void neverDigestAndQuietHoursHoldBackImmediateMails() throws Exception {
        String never = employee("never", "Nina Never", "en");
        String digest = employee("digest", "Dora Digest", "en");
        String quiet = employee("quiet", "Quentin Quiet", "en");
        String control = employee("control", "Carl Control", "en");
        String author = employee("author", "Ana Author", "en");
        preferences.choose(never, MailPreference.Delivery.NEVER, null, null, false);
        preferences.choose(digest, MailPreference.Delivery.DIGEST, null, null, false);
        int hour = Instant.now().atZone(zone()).getHour();
        preferences.choose(quiet, MailPreference.Delivery.IMMEDIATE, hour, (hour + 2) % 24, false);

        posts.publish(author, "Team photo @" + never + " @" + digest + " @" + quiet + " @" + control);
        MailBox.await(mail(control), 1);
        Thread.sleep(2500); // two outbox rounds more
        assertEquals(0, MailBox.read(mail(never)).size(), "never: no mail");
        assertEquals(0, MailBox.read(mail(digest)).size(), "digest: nothing until the digest");
        assertEquals(0, MailBox.read(mail(quiet)).size(), "quiet hours: the mail waits");
        OutboxMessage held = em.createQuery("select m from OutboxMessage m where m.address = :a", OutboxMessage.class)
                .setParameter("a", mail(quiet)).getSingleResult();
        assertTrue(held.isPending());
        assertEquals((hour + 2) % 24, held.getDueAt().atZone(zone()).getHour(), "it goes when the quiet hours end");
        assertEquals(0, held.getDueAt().atZone(zone()).getMinute());
    }

    @Test
    void theDigestCarriesTheFullTextOfWhatMatteredInEachReadersLanguage() throws Exception {
        String marie = employee("marie", "Marie Résumé", "fr");
        String dan = employee("dan", "Dan Digest", "en");
        String author = employee("writer", "Wanda Writer", "en");
        String fan = employee("fan", "Fred Fan", "en");
        preferences.choose(marie, MailPreference.Delivery.DIGEST, null, null, false);
        preferences.choose(dan, MailPreference.Delivery.DIGEST, null, null, false);
        following.follow(dan, author);

        String longText = "Le compte rendu complet de la réunion " + RUN + ". " + "Détail ".repeat(40) + "fin <du> texte";
        posts.publish(author, longText + " @" + marie);
        long popular = posts.publish(author, "Release " + RUN + " is out, thanks everyone").getId();
        posts.publish(author, "A quiet post " + RUN);
        posts.react(fan, popular, Reaction.Emoji.CELEBRATE);
        long danPost = posts.publish(dan, "Dan's question " + RUN).getId();
        posts.publish(author, Draft.reply(danPost, "Wanda's answer " + RUN));
        fireMustRead(List.of(marie), "Titre " + RUN, "Texte français", "Title " + RUN, "English text");

        awaitDigestItems(marie, 2);
        assertTrue(digests.sendTo(marie));
        MimeMessage fr = MailBox.await(mail(marie), 1).get(0);
        assertEquals("Votre résumé Babillard", fr.getSubject());
        String frText = MailBox.part(fr, "text/plain");
        assertTrue(frText.contains("== À lire ==") && frText.contains("Titre " + RUN) && frText.contains("Texte français"), frText);
        assertTrue(frText.contains("== On vous a mentionné ==") && frText.contains(longText), "the full text: " + frText);
        assertTrue(MailBox.part(fr, "text/html").contains("fin &lt;du&gt; texte"));

        awaitDigestItems(dan, 1);
        assertTrue(digests.sendTo(dan));
        MimeMessage en = MailBox.await(mail(dan), 1).get(0);
        assertEquals("Your Babillard digest", en.getSubject());
        String enText = MailBox.part(en, "text/plain");
        assertTrue(enText.contains("== Replies to you ==") && enText.contains("Wanda's answer " + RUN), enText);
        assertTrue(enText.contains("== Most-reacted posts of the people and channels you follow ==")
                && enText.contains("Release " + RUN), enText);
        assertFalse(enText.contains("A quiet post " + RUN), "a post nobody reacted to is not among the most reacted");
        assertFalse(digests.sendTo(marie), "nothing new: no second digest");
    }

    @Test
    void whatASavedSearchFindsComesInTheDigest() throws Exception {
        String watcher = employee("watcher", "Wendy Watcher", "en");
        String author = employee("watched", "Paul Poster", "en");
        preferences.choose(watcher, MailPreference.Delivery.DIGEST, null, null, false);
        String word = "zebracrossing" + RUN.replaceAll("[^A-Za-z0-9]", "");
        search.save(watcher, word);
        posts.publish(author, "Mind the " + word + " near the car park <b>now</b>");

        awaitDigestItems(watcher, 1);
        assertTrue(digests.sendTo(watcher));
        String text = MailBox.part(MailBox.await(mail(watcher), 1).get(0), "text/plain");
        assertTrue(text.contains("== Found by your saved searches ==") && text.contains("Mind the " + word), text);
    }

    @Test
    void aReplyByMailLandsInItsThreadAsItsRecipient() throws Exception {
        String zoe = employee("zoe", "Zoé Réponse", "fr");
        String max = employee("max", "Max Author", "en");
        long root = posts.publish(max, "Who reviews PR " + RUN + "?").getId();
        long mention = posts.publish(max, Draft.reply(root, "@" + zoe + " could you?")).getId();
        MimeMessage mail = MailBox.await(mail(zoe), 1).get(0);

        MailBox.send(mail(zoe), MailBox.replyTo(mail), "Re: " + mail.getSubject(), """
                Je m'en occupe cet après-midi.

                Le jeu. 26 nov. 2026 à 10:00, Babillard a écrit :
                > Max Author vous a mentionné :
                > @%s could you?
                """.formatted(zoe));
        assertEquals(List.of(Inbox.Outcome.REPLIED), readInbox(1));

        List<Post> replies = em.createQuery("select p from Post p where p.author.username = :z order by p.id", Post.class)
                .setParameter("z", zoe).getResultList();
        assertEquals(1, replies.size());
        assertEquals("Je m'en occupe cet après-midi.", replies.get(0).getText());
        assertEquals(mention, replies.get(0).getReplyTo().getId());
        assertEquals(root, replies.get(0).getThreadRoot().getId());
    }

    @Test
    void aSpoofedSenderOrAnUnknownAddressIsRefusedWithoutPostingOrAnswering() throws Exception {
        String victim = employee("victim", "Vic Victim", "en");
        String max = employee("poster", "Pat Poster", "en");
        posts.publish(max, "ping @" + victim);
        MimeMessage mail = MailBox.await(mail(victim), 1).get(0);
        String attacker = "mallory." + RUN + "@evil.example";

        MailBox.send(attacker, MailBox.replyTo(mail), "Re: ping", "I am not who I say");
        MailBox.send(mail(max), MailBox.replyTo(mail), "Re: ping", "another employee, not the token's owner");
        MailBox.send(mail(victim), "babillard+aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@babillard.example", "guess", "unknown token");
        assertEquals(List.of(Inbox.Outcome.REFUSED, Inbox.Outcome.REFUSED, Inbox.Outcome.REFUSED), readInbox(3));

        assertEquals(0L, em.createQuery("select count(p) from Post p where p.author.username = :v", Long.class)
                .setParameter("v", victim).getSingleResult());
        assertEquals(1L, em.createQuery("select count(p) from Post p where p.author.username = :v", Long.class)
                .setParameter("v", max).getSingleResult());
        Thread.sleep(2500);
        assertEquals(0, MailBox.read(attacker).size(), "the sender is told nothing");
    }

    @Test
    void aReplyByMailGoesNowhereItsSenderMayNoLongerWrite() throws Exception {
        String owner = employee("chowner", "Olga Owner", "en");
        String stayer = employee("chstayer", "Sam Stayer", "en");
        String leaver = employee("chleaver", "Lou Leaver", "en");
        String former = employee("chformer", "Fred Former", "en");
        long secret = channels.create(owner, "Mail secret " + RUN, null, Channel.Access.PRIVATE, Channel.Posting.MEMBERS).getId();
        for (String member : List.of(stayer, leaver, former)) {
            channels.invite(owner, secret, member);
            channels.join(member, secret);
        }
        long thread = posts.publish(owner, Draft.inChannel(secret, "Budget " + RUN + " @" + stayer + " @" + leaver + " @" + former)).getId();
        MimeMessage toStayer = MailBox.await(mail(stayer), 1).get(0);
        MimeMessage toLeaver = MailBox.await(mail(leaver), 1).get(0);
        MimeMessage toFormer = MailBox.await(mail(former), 1).get(0);

        // One leaves the channel, another the company; their answers to the mail they had go nowhere.
        channels.leave(leaver, secret);
        tx.begin();
        em.joinTransaction();
        em.createNamedQuery(Employee.FIND_BY_USERNAME, Employee.class).setParameter("username", former).getSingleResult()
                .left(Instant.now());
        tx.commit();
        MailBox.send(mail(leaver), MailBox.replyTo(toLeaver), "Re: budget", "Still reading " + RUN);
        MailBox.send(mail(former), MailBox.replyTo(toFormer), "Re: budget", "From outside " + RUN);
        MailBox.send(mail(stayer), MailBox.replyTo(toStayer), "Re: budget", "Agreed " + RUN);
        assertEquals(List.of(Inbox.Outcome.IGNORED, Inbox.Outcome.REFUSED, Inbox.Outcome.REPLIED), readInbox(3),
                "the channel refuses the one who left it; the address of one who left the company is worthless");
        List<String> replies = em.createQuery("select p.author.username from Post p where p.thread.id = :t order by p.id", String.class)
                .setParameter("t", thread).getResultList();
        assertEquals(List.of(stayer), replies);
    }

    @Test
    void thePersonalPostingAddressPostsCompanyWideUntilRevoked() throws Exception {
        String pia = employee("pia", "Pia Poste", "fr");
        String address = preferences.newPostingAddress(pia);
        assertEquals(address, preferences.of(pia).getPostingAddress(), "shown on the settings page");

        MailBox.send(mail(pia), address, "Déploiement " + RUN, "La version 2 est en production.\n\n-- \nPia\nÉquipe plateforme");
        assertEquals(List.of(Inbox.Outcome.POSTED), readInbox(1));
        Post post = em.createQuery("select p from Post p where p.author.username = :u", Post.class)
                .setParameter("u", pia).getSingleResult();
        assertEquals("Déploiement " + RUN + "\n\nLa version 2 est en production.", post.getText());
        assertEquals(null, post.getChannel());
        assertEquals(null, post.getReplyTo());

        MailBox.send("pia.impostor." + RUN + "@evil.example", address, "Faux", "posted by someone else?");
        assertEquals(List.of(Inbox.Outcome.REFUSED), readInbox(1), "only mail from her own address posts");

        String renewed = preferences.newPostingAddress(pia);
        assertFalse(renewed.equals(address));
        MailBox.send(mail(pia), address, "old", "the old address no longer works");
        preferences.revokePostingAddress(pia);
        MailBox.send(mail(pia), renewed, "revoked", "nor the revoked one");
        assertEquals(List.of(Inbox.Outcome.REFUSED, Inbox.Outcome.REFUSED), readInbox(2));
        assertEquals(null, preferences.of(pia).getPostingAddress());
        assertEquals(1L, em.createQuery("select count(p) from Post p where p.author.username = :u", Long.class)
                .setParameter("u", pia).getSingleResult(), "nothing refused was posted");
    }

    @Test
    void aMustReadAnnouncementIsMailedToExactlyItsRecipientsInTheirLanguage() throws Exception {
        String fr = employee("mrfr", "Fanny Lectrice", "fr");
        String en = employee("mren", "Eric Reader", "en");
        String other = employee("mrother", "Olga Outside", "en");
        String never = employee("mrnever", "Ned Never", "en");
        preferences.choose(never, MailPreference.Delivery.NEVER, null, null, false);

        fireMustRead(List.of(fr, en, never), "Sécurité " + RUN, "Exercice d'évacuation <jeudi>", "Safety " + RUN, "Fire drill <Thursday>");

        MimeMessage french = MailBox.await(mail(fr), 1).get(0);
        assertEquals("À lire : Sécurité " + RUN, french.getSubject());
        assertTrue(MailBox.part(french, "text/html").contains("Exercice d&#39;évacuation &lt;jeudi&gt;"));
        assertTrue(MailBox.part(french, "text/plain").contains("news.xhtml?a=7"));
        MimeMessage english = MailBox.await(mail(en), 1).get(0);
        assertEquals("Must read: Safety " + RUN, english.getSubject());
        assertTrue(MailBox.part(english, "text/plain").contains("Fire drill <Thursday>"));
        Thread.sleep(2500);
        assertEquals(0, MailBox.read(mail(other)).size(), "not a recipient");
        assertEquals(0, MailBox.read(mail(never)).size(), "chose never");
    }

    @Test
    void mustReadTextMessagesGoThroughTheGatewayAndAreRetriedWhenItFails() throws Exception {
        String opted = employee("smsyes", "Sami Texto", "fr", "+33 6 00 00 00 01");
        String notOpted = employee("smsno", "Nora Nosms", "en", "+33 6 00 00 00 02");
        String noPhone = employee("smsnophone", "Paul Phoneless", "en", null);
        preferences.choose(opted, MailPreference.Delivery.NEVER, null, null, true);
        preferences.choose(noPhone, MailPreference.Delivery.IMMEDIATE, null, null, true);
        try (GatewayRecorder gateway = new GatewayRecorder(2)) {
            System.setProperty("babillard.sms.url", gateway.url());
            System.setProperty("babillard.sms.username", "acme");
            System.setProperty("babillard.sms.password", "s3cret");
            long start = System.nanoTime();
            fireMustRead(List.of(opted, notOpted, noPhone), "Alerte " + RUN, "Texte", "Alert " + RUN, "Text");
            assertTrue(System.nanoTime() - start < 1_000_000_000L, "publishing does not wait for the gateway");

            for (int i = 0; i < 200 && gateway.calls.size() < 3; i++) {
                Thread.sleep(100);
            }
            assertEquals(3, gateway.calls.size(), "two failures (503), then success: " + gateway.calls);
            Thread.sleep(2500);
            assertEquals(3, gateway.calls.size(), "sent once it succeeded, and to nobody else");
            for (GatewayRecorder.Call call : gateway.calls) {
                assertEquals("POST", call.method());
                assertEquals("/send", call.path());
                assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("acme:s3cret".getBytes()), call.authorization());
                assertEquals("{\"to\":\"+33 6 00 00 00 01\",\"text\":\"Babillard, à lire : Alerte " + RUN + " "
                        + System.getProperty("babillard.base-url") + "news.xhtml?a=7\"}", call.body());
            }
            OutboxMessage sms = em.createQuery("select m from OutboxMessage m where m.recipient.username = :u", OutboxMessage.class)
                    .setParameter("u", opted).getSingleResult();
            assertEquals(OutboxMessage.Channel.SMS, sms.getChannel());
            assertFalse(sms.isPending());
            assertEquals(3, sms.getAttempts());
            assertEquals(0, MailBox.read(mail(opted)).size(), "mail: never, SMS: yes");
        } finally {
            System.clearProperty("babillard.sms.url");
            System.clearProperty("babillard.sms.username");
            System.clearProperty("babillard.sms.password");
        }
    }

    // --- helpers ---

    private void fireMustRead(List<String> recipients, String titleFr, String bodyFr, String titleEn, String bodyEn)
            throws Exception {
        tx.begin();
        mustRead.fire(new MustReadMessage(7, MustReadMessage.Kind.PUBLISHED, titleFr, bodyFr, titleEn, bodyEn,
                "news.xhtml?a=7", recipients));
        tx.commit();
    }

    private List<Inbox.Outcome> readInbox(int expected) throws Exception {
        MailBox.await(INBOUND, expected);
        return inbox.read();
    }

    private void awaitDigestItems(String username, int count) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            long n = em.createQuery("select count(d) from DigestItem d where d.employee.username = :u", Long.class)
                    .setParameter("u", username).getSingleResult();
            if (n >= count) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("digest items for " + username + " never came");
    }

    private static ZoneId zone() {
        String zone = System.getProperty("babillard.timezone");
        return zone == null || zone.isBlank() ? ZoneId.systemDefault() : ZoneId.of(zone);
    }

    private static String mail(String username) {
        return username + "@babillard.example";
    }

    private String employee(String name, String displayName, String language) {
        return employee(name, displayName, language, null);
    }

    private String employee(String name, String displayName, String language, String phone) {
        String username = "mail." + name + "." + RUN;
        people.loggedIn(username, new DirectoryProfile("uid=" + username + ",ou=people,dc=babillard,dc=example",
                displayName, mail(username), "QA", "Ingénierie", "Lyon", phone, null, language));
        return username;
    }
}
