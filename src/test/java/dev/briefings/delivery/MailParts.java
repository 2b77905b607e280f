package dev.briefings.delivery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;

/** A received message taken apart for assertions: its text and HTML bodies and its attachments. */
record MailParts(String rootType, String alternativeType, String text, String html, List<Attached> attachments) {

    record Attached(String fileName, String contentType, byte[] bytes) {
    }

    static MailParts of(Part message) throws MessagingException, IOException {
        var root = (Multipart) message.getContent();
        String alternativeType = null;
        String text = null;
        String html = null;
        List<Attached> attachments = new ArrayList<>();
        for (int i = 0; i < root.getCount(); i++) {
            BodyPart part = root.getBodyPart(i);
            if (part.isMimeType("multipart/alternative")) {
                alternativeType = part.getContentType();
                var alternative = (Multipart) part.getContent();
                for (int j = 0; j < alternative.getCount(); j++) {
                    BodyPart body = alternative.getBodyPart(j);
                    if (body.isMimeType("text/plain")) {
                        text = (String) body.getContent();
                    } else if (body.isMimeType("text/html")) {
                        html = (String) body.getContent();
                    }
                }
            } else if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                try (InputStream in = part.getInputStream()) {
                    var bytes = new ByteArrayOutputStream();
                    in.transferTo(bytes);
                    attachments.add(new Attached(part.getFileName(), part.getContentType(), bytes.toByteArray()));
                }
            }
        }
        return new MailParts(message.getContentType(), alternativeType, text, html, attachments);
    }
}
