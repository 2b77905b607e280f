package dev.briefings.cli;

import java.util.List;
import java.util.Locale;

import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.history.RunHistory.Published;
import dev.briefings.publish.Manifest;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The parts of the {@code --json} summaries. Amounts are strings of exact decimals (e.g. "2000650100.00"), so that
 * no script reads them through a binary floating-point number; paths are absolute.
 */
final class JsonSummaries {

    private JsonSummaries() {
    }

    /** What a briefing's manifest says: identity, folder, files, counts and totals. */
    static void briefing(ObjectNode node, Manifest m, java.nio.file.Path folder) {
        node.put("asOf", m.asOf().toString());
        node.put("edition", m.edition());
        node.put("template", m.template());
        node.put("revision", m.revision());
        node.put("folder", folder.toString());
        ArrayNode files = node.putArray("files");
        for (var o : m.outputs()) {
            ObjectNode f = files.addObject();
            f.put("file", o.file());
            f.put("role", o.role());
            f.put("bytes", o.size());
            f.put("sha256", o.sha256());
        }
        ObjectNode counts = node.putObject("counts");
        counts.put("read", m.counts().read());
        counts.put("accepted", m.counts().accepted());
        counts.put("rejected", m.counts().rejected());
        counts.put("included", m.counts().included());
        ObjectNode totals = node.putObject("totals");
        totals.put("committedUsd", m.totals().committedUsd().toPlainString());
        totals.put("proposedUsd", m.totals().proposedUsd().toPlainString());
    }

    /** A delivery run's counts, and who did not get the briefing. */
    static ObjectNode delivery(ObjectNode node, DeliveryRunner.Report r) {
        node.put("status", r.status().name().toLowerCase(Locale.ROOT));
        node.put("channel", r.channel());
        node.put("delivered", r.delivered());
        node.put("alreadyDelivered", r.alreadyDelivered());
        node.put("failed", r.failed());
        node.put("uncertain", r.uncertain());
        node.put("rejected", r.rejected().size());
        node.put("allDelivered", r.allDelivered());
        node.put("log", r.runFolder().resolve(DeliveryRunner.DELIVERIES).toString());
        if ("outbox".equals(r.channel())) {
            node.put("outbox", r.runFolder().resolve("outbox").toString());
        }
        ArrayNode rejected = node.putArray("rejectedRecipients");
        for (var issue : r.rejected()) {
            ObjectNode i = rejected.addObject();
            i.put("position", issue.position());
            i.put("id", issue.id());
            ArrayNode reasons = i.putArray("reasons");
            issue.reasons().forEach(reasons::add);
        }
        ArrayNode errors = node.putArray("errors");
        r.errors().forEach(e -> errors.add(String.valueOf(e.getMessage() == null ? e : e.getMessage())));
        return node;
    }

    /** The briefings retention removed (or, in a dry run, would remove). */
    static ObjectNode retention(ObjectNode node, List<Published> listed, boolean dryRun) {
        node.put("dryRun", dryRun);
        ArrayNode briefings = node.putArray("briefings");
        for (Published p : listed) {
            ObjectNode b = briefings.addObject();
            b.put("asOf", p.asOf().toString());
            b.put("edition", p.edition());
            b.put("revision", p.revision());
            b.put("folder", p.runFolder().toString());
        }
        return node;
    }
}
