package dev.briefings.compose;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import dev.briefings.intake.ConfigurationException;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.InputFiles;
import dev.briefings.publish.RunFolder;
import dev.briefings.risk.MarketContext;
import dev.briefings.risk.RiskRules;

/**
 * Checks what a run needs before it starts, so that a missing file (or one that is a link out of its folder, see
 * {@link InputFiles}) is a clear configuration error naming it, not a failed run.
 */
public final class Preflight {

    private Preflight() {
    }

    public static void check(Path input, Path templatesDir, String template, Path output) {
        if (!Files.isDirectory(input)) {
            throw new ConfigurationException("the input folder " + input + " does not exist: pass --input DIR with "
                    + "initiatives/*.json and fx-rates.json in it");
        }
        Path initiatives = InputFiles.initiativesDir(input);
        List<String> files;
        try {
            files = Files.isDirectory(initiatives) ? InputFiles.initiativeFiles(initiatives) : List.of();
        } catch (IOException e) {
            throw new ConfigurationException("cannot list " + initiatives + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ConfigurationException("no record files in " + initiatives + ": add at least one *.json "
                    + "(an array of initiative records) or *.jsonl (one record a line)");
        }
        Path fx = InputFiles.inside(input, InputFiles.fxRates(input), "fx-rates.json");
        if (!Files.isRegularFile(fx)) {
            throw new ConfigurationException(fx + " is missing: it gives the USD value of each currency, e.g. "
                    + "{\"asOf\": \"2025-10-31\", \"rates\": {\"AUD\": 0.65}}");
        }
        FxRates.load(fx);
        Path context = InputFiles.inside(input, InputFiles.marketContext(input), "market-context.json");
        if (!Files.isRegularFile(context)) {
            throw new ConfigurationException(context + " is missing: the risk rules use its figures (see input/README.md)");
        }
        MarketContext.load(context);

        Path templateDir = templatesDir.resolve(template);
        InputFiles.treeInside(templatesDir, templateDir, "template '" + template + "'");
        for (String name : List.of("briefing.html", "workbook.xlsx")) {
            Path file = templateDir.resolve(name);
            if (!Files.isReadable(file)) {
                throw new ConfigurationException("template '" + template + "' cannot be used: " + file
                        + " is missing or unreadable (templates available: " + available(templatesDir) + ")");
            }
        }
        Path rules = InputFiles.inside(templatesDir, templatesDir.resolve("risk-rules.json"), "risk-rules.json");
        if (!Files.isReadable(rules)) {
            throw new ConfigurationException(rules + " is missing or unreadable: it holds the risk rules");
        }
        RiskRules.load(rules);

        if (output != null && Files.isDirectory(output) && !RunFolder.isBriefing(output) && !isEmpty(output)) {
            throw new ConfigurationException("--output " + output + " is a folder that holds other files: choose a new "
                    + "or empty folder (a previous briefing's folder may be replaced)");
        }
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new ConfigurationException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    private static String available(Path templatesDir) {
        try (Stream<Path> s = Files.list(templatesDir)) {
            List<String> names = s.filter(p -> Files.isRegularFile(p.resolve("briefing.html")))
                    .map(p -> p.getFileName().toString()).sorted().toList();
            return names.isEmpty() ? "none in " + templatesDir : String.join(", ", names);
        } catch (IOException e) {
            return "none: " + templatesDir + " cannot be read";
        }
    }
}
