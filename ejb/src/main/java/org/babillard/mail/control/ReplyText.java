package org.babillard.mail.control;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a person wrote in a mail, without what their mail program added: the quoted mail they answer (lines
 * starting with "&gt;", "On ... wrote:", "Le ... a écrit :", "-----Original Message-----", Outlook's "From:"
 * header block) and their signature ("-- " and what follows, "Sent from my ...", "Envoyé de mon ...").
 */
public final class ReplyText {

    private static final List<Pattern> CUT = List.of(
            Pattern.compile("^\\s*On\\b.*\\bwrote:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*Le\\b.*\\ba écrit\\s*:\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*-{2,}\\s*(Original Message|Message d'origine|Message original)\\s*-{2,}\\s*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^\\s*_{5,}\\s*$"),
            Pattern.compile("^\\s*(From|De)\\s*:\\s.*$", Pattern.CASE_INSENSITIVE),
            Pattern.compile("^-- ?$"),
            Pattern.compile("^\\s*(Sent from my|Envoyé de mon|Envoyé depuis)\\b.*$", Pattern.CASE_INSENSITIVE));

    private ReplyText() {
    }

    public static String strip(String body) {
        if (body == null) {
            return "";
        }
        String[] lines = body.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (CUT.stream().anyMatch(p -> p.matcher(line).matches())) {
                break;
            }
            if (line.stripLeading().startsWith(">")) {
                continue;
            }
            kept.add(line.stripTrailing());
        }
        return String.join("\n", kept).strip();
    }

    /** The text of an HTML part, for mails that have no plain text: tags dropped, paragraphs and breaks kept. */
    public static String fromHtml(String html) {
        if (html == null) {
            return "";
        }
        String s = html.replaceAll("(?is)<(script|style|head)\\b.*?</\\1>", "")
                .replaceAll("(?is)<blockquote\\b.*?</blockquote>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n")
                .replaceAll("(?i)</(p|div|li|h[1-6])>", "\n")
                .replaceAll("(?s)<[^>]*>", "");
        return s.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
    }
}
