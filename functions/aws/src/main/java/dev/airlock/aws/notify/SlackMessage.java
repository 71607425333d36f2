package dev.airlock.aws.notify;

import dev.airlock.core.notify.EventType;
import dev.airlock.core.notify.NotificationEvent;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack incoming-webhook message (Block Kit: a header, one mrkdwn section, a context line with the CLI
 * command). Every user-supplied text goes through {@link SlackText#escape}; the only mention is Airlock's
 * own {@code <!here>} on urgent events (break-glass opened, post-review overdue).
 */
public final class SlackMessage {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private SlackMessage() {
    }

    public static String render(NotificationEvent event) {
        String title = title(event);
        boolean urgent = event.type().priority() == EventType.Priority.URGENT;
        ObjectNode root = JSON.createObjectNode();
        root.put("text", (urgent ? "<!here> " : "") + title);
        ArrayNode blocks = root.putArray("blocks");
        ObjectNode header = blocks.addObject().put("type", "header");
        // plain_text is never parsed for mentions or links; Slack caps a header at 150 characters
        header.putObject("text").put("type", "plain_text").put("text", cap((urgent ? "🚨 " : "") + title, 150));
        ObjectNode section = blocks.addObject().put("type", "section");
        section.putObject("text").put("type", "mrkdwn").put("text", (urgent ? "<!here>\n" : "") + body(event));
        ObjectNode context = blocks.addObject().put("type", "context");
        context.putArray("elements").addObject().put("type", "mrkdwn")
                .put("text", "`" + event.review() + "` · " + event.key().chain() + "/" + event.key().seq());
        return JSON.writeValueAsString(root);
    }

    private static String title(NotificationEvent event) {
        String who = SlackText.escape(event.user());
        String roles = SlackText.escape(String.join(", ", event.roles()));
        return switch (event.type()) {
            case REQUEST_CREATED -> who + " requests " + roles;
            case REQUEST_APPROVED -> "Approved: " + who + " → " + roles;
            case REQUEST_DENIED -> "Denied: " + who + " → " + roles;
            case REQUEST_REVOKED -> "Revoked: " + who + " → " + roles;
            case REQUEST_EXPIRED -> "Expired: " + who + " → " + roles;
            case REQUEST_WITHDRAWN -> "Withdrawn: " + who + " → " + roles;
            case CERTIFICATE_ISSUED -> "Certificate issued: " + who + " → " + roles;
            case BREAK_GLASS_OPENED -> "BREAK-GLASS: " + who + " → " + roles;
            case POST_REVIEW_OVERDUE -> "Post-review OVERDUE: " + who + " → " + roles;
        };
    }

    private static String body(NotificationEvent event) {
        StringBuilder text = new StringBuilder()
                .append("*Request* `").append(event.id()).append("` (").append(event.state()).append(")\n")
                .append("*Reason* ").append(event.reason().isEmpty() ? "—" : SlackText.escape(event.reason()));
        if (!event.actor().equals(event.user())) {
            text.append("\n*By* ").append(SlackText.escape(event.actor()));
        }
        event.comment().ifPresent(c -> text.append("\n*Comment* ").append(SlackText.escape(c)));
        event.times().postReviewDueAt().ifPresent(due -> text.append("\n*Post-review due* ").append(due));
        event.times().accessExpiresAt().ifPresent(end -> text.append("\n*Access until* ").append(end));
        event.serial().ifPresent(s -> text.append("\n*Serial* ").append(SlackText.escape(s)));
        return text.toString();
    }

    private static String cap(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
