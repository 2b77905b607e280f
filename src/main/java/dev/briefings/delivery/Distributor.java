package dev.briefings.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.history.RunHistory;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.intake.InputFiles;
import dev.briefings.job.BriefingParameters;
import dev.briefings.publish.Manifest;

/**
 * Works out a distribution of a published briefing: reads the recipients, and finds (or, when asked, makes) the
 * edition each distinct set of interests needs, once per set, not once per person.
 */
public final class Distributor {

    /** Makes an ad hoc edition for some interests and answers its folder; throws when it cannot. */
    @FunctionalInterface
    public interface EditionMaker {
        Path make(BriefingParameters parameters) throws Exception;
    }

    private Distributor() {
    }

    public static Path recipientsFile(Path input, DeliveryProperties properties) {
        return properties.recipients().isAbsolute() ? properties.recipients() : input.resolve(properties.recipients());
    }

    public static PasswordSource passwords(DeliveryProperties properties) {
        return PasswordSource.of(System.getenv(), properties.secretsFile());
    }

    /**
     * @param maker makes missing editions; null only looks them up (a resumed delivery step)
     */
    public static Distribution plan(Path runFolder, Path input, String template, DeliveryProperties properties,
                                    MailChannel channel, RunHistory history, EditionMaker maker) {
        Path master = runFolder.toAbsolutePath().normalize();
        Manifest manifest = Distribution.manifestOf(master);
        Path file = recipientsFile(input, properties);
        if (!properties.recipients().isAbsolute()) {
            InputFiles.inside(input, file, properties.recipients().toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new ConfigurationException(file + " is missing: list the recipients there (see input/README.md)");
        }
        Recipients recipients = RecipientsFile.load(file, passwords(properties));
        Set<Interests> distinct = new LinkedHashSet<>();
        recipients.accepted().forEach(r -> distinct.add(r.interests()));
        Map<Interests, Path> editionOf = new HashMap<>();
        Map<Path, BriefingModel> models = new HashMap<>();
        for (Interests interests : distinct) {
            Path folder;
            if (interests.isEmpty()) {
                folder = master;
            } else {
                var filters = interests.filters();
                // Interest editions go beside the master: output/<as-of>/<edition> in the default layout.
                String edition = BriefingParameters.editionFor(filters, template);
                var parameters = new BriefingParameters(manifest.asOf(), edition, filters, template, 1,
                        input.toAbsolutePath().normalize(), master.resolveSibling(edition));
                folder = parameters.output();
                if (maker != null) {
                    try {
                        folder = maker.make(parameters);
                    } catch (Exception e) {
                        // Those recipients fail with the reason; the others are still delivered.
                        continue;
                    }
                }
            }
            if (Files.isRegularFile(folder.resolve("briefing.pdf"))) {
                editionOf.put(interests, folder);
                Path f = folder;
                history.modelJson(folder).ifPresent(json -> models.put(f, BriefingModelJson.fromJson(json)));
            }
        }
        return new Distribution(Distribution.keyOf(manifest), master, manifest.asOf(), manifest.edition(),
                List.copyOf(recipients.accepted()), List.copyOf(recipients.rejected()), editionOf, models,
                channel.isSmtp(), Distribution.digestCache());
    }

    /** A recipient left out because of bad input, with every reason. */
    public record RecipientIssue(String position, String id, List<String> reasons) {
        public static RecipientIssue of(RecipientProblem p) {
            return new RecipientIssue(p.position(), p.id(), p.reasons());
        }
    }
}
