// Drives Babillard with masto.js (npm "masto"), a Mastodon client nobody here wrote.
//
//   node masto_client.mjs BASE TOKEN OTHER_TOKEN MARKER ANNOUNCEMENT_TITLE  -> what the client saw, as JSON
//
// TOKEN is the employee's (the Java test, MastoJsIT, obtained it through the OAuth flow), OTHER_TOKEN a colleague's
// who posts what the employee's WebSocket streams should (and should not) hear. masto 7.12: masto 8 needs Node 22.
import { createRestAPIClient, createStreamingAPIClient } from "masto";

const [base, token, otherToken, marker, announcementTitle] = process.argv.slice(2);
const seen = {};
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

const rest = createRestAPIClient({ url: base, accessToken: token });
const colleague = createRestAPIClient({ url: base, accessToken: otherToken });

const instance = await rest.v2.instance.fetch();
seen.streamingUrl = instance.configuration.urls.streaming;
const me = await rest.v1.accounts.verifyCredentials();
seen.me = { acct: me.acct, displayName: me.displayName };

const posted = await rest.v1.statuses.create({ status: `Hello from masto.js ${marker} <i>markup?</i>` });
seen.posted = { id: posted.id, content: posted.content, visibility: posted.visibility };
const home = await rest.v1.timelines.home.list({ limit: 40 });
seen.home = home.map((s) => s.id);
const reply = await rest.v1.statuses.create({ status: `A reply from masto.js ${marker}`, inReplyToId: posted.id });
seen.reply = { inReplyToId: reply.inReplyToId };
const favourited = await rest.v1.statuses.$select(posted.id).favourite();
seen.favourite = { favourited: favourited.favourited, count: favourited.favouritesCount };

// A picture with its description, then a post carrying it.
const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==", "base64");
const media = await rest.v2.media.create({ file: new Blob([png], { type: "image/png" }), description: `A dot ${marker}` });
const withMedia = await rest.v1.statuses.create({ status: `A picture ${marker}`, mediaIds: [media.id] });
seen.media = { id: media.id, type: media.type, description: media.description,
    attached: withMedia.mediaAttachments.map((m) => m.id) };
const file = await fetch(media.url, { headers: { Authorization: `Bearer ${token}` } });
seen.media.fileStatus = file.status;
seen.media.fileType = file.headers.get("content-type");

// The WebSocket streams: the colleague posts in a private list of theirs (not for us), then company-wide; then
// deletes both. We must hear the company-wide post and its deletion, and nothing of the private one.
const tag = `mastojs${marker}`;
const streaming = createStreamingAPIClient({ streamingApiUrl: seen.streamingUrl, accessToken: token, retry: 3 });
const events = [];
const listen = async (subscription) => {
    try {
        for await (const event of subscription) {
            events.push({ stream: event.stream, event: event.event,
                id: event.event === "delete" ? event.payload : event.payload?.id,
                content: event.event === "delete" ? null : event.payload?.content ?? null });
        }
    } catch (e) {
        events.push({ error: String(e) });
    }
};
const hashtag = streaming.hashtag.subscribe({ tag });
const user = streaming.user.subscribe();
listen(hashtag);
listen(user);
await sleep(1500);
const list = await colleague.v1.lists.create({ title: `Private ${marker}` });
const secret = await colleague.v1.statuses.create({ status: `Secret ${marker} #${tag}`, channelId: list.id });
const open = await colleague.v1.statuses.create({ status: `For everyone ${marker} #${tag}` });
const waitFor = async (test, ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end && !events.some(test)) {
        await sleep(100);
    }
    return events.some(test);
};
seen.streamedUpdate = await waitFor((e) => e.event === "update" && e.id === open.id, 20000);
await colleague.v1.statuses.$select(secret.id).remove();
await colleague.v1.statuses.$select(open.id).remove();
seen.streamedDelete = await waitFor((e) => e.event === "delete" && e.id === open.id, 20000);
await sleep(500);
seen.secretId = secret.id;
seen.openId = open.id;
seen.events = events;
hashtag.unsubscribe();
user.unsubscribe();
streaming.close();

const announcements = await rest.v1.announcements.list();
const announcement = announcements.find((a) => a.content.includes(announcementTitle));
seen.announcement = { found: announcement !== undefined, readBefore: announcement?.read ?? null };
if (announcement) {
    await rest.v1.announcements.$select(announcement.id).dismiss();
    const after = (await rest.v1.announcements.list()).find((a) => a.id === announcement.id);
    seen.announcement.readAfter = after?.read ?? null;
}

console.log(JSON.stringify(seen));
process.exit(0);
