package dev.briefings.briefing;

/**
 * The desk that publishes a briefing: shown on the cover and named as the author in both documents' metadata.
 *
 * @param name    e.g. "Critical Minerals Research Desk"
 * @param contact an e-mail address or an http(s) address; empty for none
 */
public record Desk(String name, String contact) {

    public Desk {
        contact = contact == null ? "" : contact.strip();
    }

    /** The contact as a link target: {@code mailto:} for an e-mail address, else the address itself. */
    public String contactLink() {
        return contact.isEmpty() || contact.startsWith("http://") || contact.startsWith("https://") ? contact
                : "mailto:" + contact;
    }
}
