package dev.briefings.job;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.util.zip.GZIPOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.briefings.BriefingsProperties;
import dev.briefings.briefing.BriefingAssembler;
import dev.briefings.briefing.BriefingMeta;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.briefing.KeyFigures;
import dev.briefings.briefing.Methodology;
import dev.briefings.briefing.RejectSummary;
import dev.briefings.figures.FundedRecord;
import dev.briefings.history.ChangeTracker;
import dev.briefings.history.RunHistory;
import dev.briefings.intake.FxRates;
import dev.briefings.risk.ContextFigure;
import dev.briefings.risk.MarketContext;
import dev.briefings.risk.RiskAssessment;
import dev.briefings.risk.RiskRules;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/**
 * Streams the accepted records once to compute the figures, risk notes, largest initiatives and changes, and
 * leaves the finished briefing model in the workspace for the render step.
 */
class FiguresTasklet implements Tasklet {

    static final int REJECTS_SHOWN = 20;

    private final Workspace workspace;
    private final BriefingParameters parameters;
    private final BriefingsProperties properties;
    private final RunHistory history;
    private final String applicationVersion;

    FiguresTasklet(Workspace workspace, BriefingParameters parameters, BriefingsProperties properties,
                   RunHistory history, String applicationVersion) {
        this.workspace = workspace;
        this.parameters = parameters;
        this.properties = properties;
        this.history = history;
        this.applicationVersion = applicationVersion;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        ExecutionContext jobContext = jobExecution.getExecutionContext();

        Map<String, String> ancestorOf = readAncestors(workspace.ancestors());
        Set<Long> rejectedSeqs = new HashSet<>();
        List<StagedRecord.Rejected> reconcileRejects = readRejects(workspace.reconcileRejected(), Long.MAX_VALUE);
        reconcileRejects.forEach(r -> rejectedSeqs.add(r.seq()));
        Map<String, FundedRecord> ancestors = ancestorFunding(new HashSet<>(ancestorOf.values()), rejectedSeqs);

        Path input = parameters.input();
        FxRates rates = FxRates.load(InputFiles.fxRates(input));
        MarketContext context = MarketContext.load(InputFiles.marketContext(input));
        RiskRules rules = RiskRules.load(properties.templatesDir().resolve("risk-rules.json"));
        var assembler = new BriefingAssembler(properties.largestListed(), new RiskAssessment(rules, context));

        // Every edition compares with the previous nightly briefing: the nightly one holds every record.
        var previous = history.previousNightly(instanceId, parameters.asOf()).orElse(null);
        var changes = new ChangeTracker(previous, history);
        long accepted = 0;
        try (BufferedReader in = Files.newBufferedReader(workspace.accepted(), StandardCharsets.UTF_8);
             BufferedWriter snapshot = new BufferedWriter(new OutputStreamWriter(
                     new GZIPOutputStream(Files.newOutputStream(workspace.snapshot()), 1 << 16), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (rejectedSeqs.contains(StagedLines.seqOf(line))) {
                    continue;
                }
                accepted++;
                if (!StagedLines.includedOf(line)) {
                    if (previous != null) {
                        changes.seen(StagedLines.parseAccepted(line).initiative().id());
                    }
                    continue;
                }
                StagedRecord.Accepted a = StagedLines.parseAccepted(line);
                var i = a.initiative();
                String ancestorId = ancestorOf.get(i.id());
                assembler.accept(a.seq(), i, a.committedUsd(), a.proposedUsd(),
                        ancestorId == null ? null : ancestors.get(ancestorId));
                changes.inScope(i.id(), i.title(), a.hash(), a.committedUsd());
                changes.seen(i.id());
                snapshot.write(ChangeTracker.snapshotLine(i.id(), a.hash(), a.committedUsd(), i.title()));
                snapshot.write('\n');
            }
        }
        var figures = assembler.finish();

        long ingestAccepted = jobContext.getLong(StagingWriter.ACCEPTED_COUNT, 0L);
        long ingestRejected = jobContext.getLong(StagingWriter.REJECTED_COUNT, 0L);
        long read = ingestAccepted + ingestRejected;
        long rejected = ingestRejected + reconcileRejects.size();

        var key = new KeyFigures(read, accepted, rejected, figures.ledger().included(), figures.ledger().withFunding(),
                figures.ledger().carveOuts(), figures.committedUsd(), figures.proposedUsd(),
                figures.ledger().partnerCountries(), figures.highRisks());
        var meta = new BriefingMeta(properties.title(), parameters.asOf(), parameters.edition(),
                parameters.filters().describe(), OffsetDateTime.now(), applicationVersion,
                properties.confidentiality(), parameters.template());
        Map<String, String> contextFigures = new java.util.LinkedHashMap<>();
        for (ContextFigure f : context.figures()) {
            contextFigures.put(f.label(), f.describe());
        }
        var methodology = new Methodology(rates.asOf(), new TreeMap<>(rates.rates()), contextFigures);
        var rejectSample = new ArrayList<RejectSummary.Rejected>();
        for (StagedRecord.Rejected r : mergedRejects(readRejects(workspace.rejected(), REJECTS_SHOWN),
                reconcileRejects, REJECTS_SHOWN)) {
            rejectSample.add(new RejectSummary.Rejected(r.file(), r.position(), r.id(), r.reasons()));
        }
        var model = new BriefingModel(meta, key, figures.breakdowns(), figures.timeline(), figures.largest(),
                figures.risks(), figures.dataQuality(), changes.finish(figures.committedUsd()), figures.sources(),
                methodology, new RejectSummary(rejected, List.copyOf(rejectSample)));
        BriefingModelJson.write(model, workspace.model());
        return RepeatStatus.FINISHED;
    }

    /** The funding of every record some in-scope carve-out is taken from, by id. */
    private Map<String, FundedRecord> ancestorFunding(Set<String> ids, Set<Long> rejectedSeqs) throws IOException {
        Map<String, FundedRecord> result = new HashMap<>();
        if (ids.isEmpty()) {
            return result;
        }
        Set<Long> seqs = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(workspace.keys(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                var key = StagedLines.parseKey(line);
                if (ids.contains(key.id()) && !rejectedSeqs.contains(key.seq())) {
                    seqs.add(key.seq());
                }
            }
        }
        try (BufferedReader in = Files.newBufferedReader(workspace.accepted(), StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && result.size() < ids.size(); line = in.readLine()) {
                if (seqs.contains(StagedLines.seqOf(line))) {
                    var a = StagedLines.parseAccepted(line);
                    result.put(a.initiative().id(), BriefingAssembler.funded(a.initiative(), a.committedUsd(), a.proposedUsd()));
                }
            }
        }
        return result;
    }

    static Map<String, String> readAncestors(Path file) throws IOException {
        Map<String, String> map = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                int tab = line.indexOf('\t');
                map.put(line.substring(0, tab), line.substring(tab + 1));
            }
        }
        return map;
    }

    static List<StagedRecord.Rejected> readRejects(Path file, long limit) throws IOException {
        List<StagedRecord.Rejected> list = new ArrayList<>();
        if (!Files.exists(file)) {
            return list;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null && list.size() < limit; line = in.readLine()) {
                list.add(StagedLines.parseRejected(line));
            }
        }
        return list;
    }

    private static List<StagedRecord.Rejected> mergedRejects(List<StagedRecord.Rejected> a, List<StagedRecord.Rejected> b, int limit) {
        List<StagedRecord.Rejected> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparingLong(StagedRecord.Rejected::seq));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
