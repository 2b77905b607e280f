package dev.briefings.job;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import dev.briefings.BriefingsProperties;
import dev.briefings.compose.BriefingAssembler;
import dev.briefings.compose.SourceChecks;
import dev.briefings.briefing.BriefingMeta;
import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.BriefingModelJson;
import dev.briefings.briefing.InitiativeRow;
import dev.briefings.briefing.KeyFigures;
import dev.briefings.briefing.Methodology;
import dev.briefings.briefing.RejectSummary;
import dev.briefings.digest.Sha256;
import dev.briefings.figures.FundedRecord;
import dev.briefings.history.ChangeTracker;
import dev.briefings.history.RunHistory;
import dev.briefings.intake.FxRates;
import dev.briefings.intake.Initiative;
import dev.briefings.intake.InputFiles;
import dev.briefings.publish.FileDigest;
import dev.briefings.risk.ContextFigure;
import dev.briefings.risk.MarketContext;
import dev.briefings.risk.RiskAssessment;
import dev.briefings.risk.RiskRules;
import dev.briefings.render.Renderers;
import dev.briefings.staging.AcceptedFile;
import dev.briefings.staging.StagedInitiative;
import dev.briefings.staging.StagedLines;
import dev.briefings.staging.StagedRecord;
import dev.briefings.staging.Workspace;

/**
 * Composes the briefing in the work folder. One pass over the accepted records computes the figures, risk notes,
 * largest initiatives and changes and writes the workbook's rows as it goes; then the PDF is rendered from the
 * finished model while the workbook's other sheets are written. The publish step takes it from there.
 */
class ComposeTasklet implements Tasklet {

    private static final Logger LOG = LoggerFactory.getLogger(ComposeTasklet.class);

    static final int REJECTS_SHOWN = 20;
    /** Whether a stop was asked for is looked at every 1,024 records (and then at most every 250 ms). */
    private static final long STOP_CHECK_MASK = 1023;

    private final Workspace workspace;
    private final BriefingParameters parameters;
    private final BriefingsProperties properties;
    private final RunHistory history;
    private final String applicationVersion;
    private final Renderers renderers;
    private final RunProgress progress;
    private final JobRepository jobs;
    private final ComposedOutputs composed;

    ComposeTasklet(Workspace workspace, BriefingParameters parameters, BriefingsProperties properties,
                   RunHistory history, String applicationVersion, Renderers renderers, RunProgress progress,
                   JobRepository jobs, ComposedOutputs composed) {
        this.workspace = workspace;
        this.composed = composed;
        this.jobs = jobs;
        this.renderers = renderers;
        this.progress = progress;
        this.parameters = parameters;
        this.properties = properties;
        this.history = history;
        this.applicationVersion = applicationVersion;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var stepExecution = chunkContext.getStepContext().getStepExecution();
        var jobExecution = stepExecution.getJobExecution();
        var stop = new StopRequests(jobs, jobExecution.getId());
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        ExecutionContext jobContext = jobExecution.getExecutionContext();

        StagedLines.Ancestry ancestry = StagedLines.readAncestors(workspace.ancestors());
        Map<String, String> ancestorOf = ancestry.ancestorOf();
        Set<Long> rejectedSeqs = new HashSet<>();
        List<StagedRecord.Rejected> reconcileRejects = StagedLines.readRejects(workspace.reconcileRejected(), Long.MAX_VALUE);
        reconcileRejects.forEach(r -> rejectedSeqs.add(r.seq()));

        Path input = parameters.input();
        FxRates rates = FxRates.load(InputFiles.fxRates(input));
        MarketContext context = MarketContext.load(InputFiles.marketContext(input));
        RiskRules rules = RiskRules.load(properties.templatesDir().resolve("risk-rules.json"));
        var risks = new RiskAssessment(rules, context);
        var assembler = new BriefingAssembler(properties.largestListed(), risks,
                new SourceChecks(parameters.asOf(), rates, this::idsOf));
        Ancestors ancestors = ancestors(ancestry, rejectedSeqs, risks);

        // Every edition compares with the previous nightly briefing: the nightly one holds every record.
        var previous = history.previousNightly(instanceId, parameters.asOf()).orElse(null);
        var changes = new ChangeTracker(previous, history);
        long accepted = 0;
        // The one pass: figures, risks, changes, the snapshot and the workbook's rows, each record decoded once.
        var mdc = MDC.getCopyOfContextMap();
        Runnable logsUnderTheRun = () -> {
            if (mdc != null) {
                MDC.setContextMap(mdc); // other threads log under the run's name too
            }
        };
        // The figures (with the changes and the snapshot), the risk tallies and the workbook's rows each on a thread
        // of their own; this thread decodes the records and hands them out.
        try (var workbook = renderers.workbook(properties.templatesDir().resolve(parameters.template())).begin();
             var rows = new Handoff<InitiativeRow>("workbook-rows", workbook::accept, logsUnderTheRun);
             var riskTallies = new Handoff<RiskInput>("risk-tallies", r -> assembler.acceptRisks(r.initiative(),
                     r.committedUsd(), r.proposedUsd(), r.ancestorsMatched()), logsUnderTheRun);
             AcceptedFile.Reader in = AcceptedFile.read(workspace.accepted());
             BufferedWriter snapshot = new BufferedWriter(new OutputStreamWriter(
                     fastGzip(new FileOutputStream(workspace.snapshot().toFile())), StandardCharsets.UTF_8));
             var figures = new Handoff<FigureInput>("figures", item -> {
                 if (item instanceof Seen out) {
                     changes.seen(out.id());
                     return;
                 }
                 var r = (InScope) item;
                 var i = r.initiative();
                 assembler.acceptFigures(r.seq(), i, r.committedUsd(), r.proposedUsd(), r.ancestor());
                 changes.inScope(i.id(), i.title(), r.hash(), r.committedUsd());
                 changes.seen(i.id());
                 try {
                     snapshot.write(ChangeTracker.snapshotLine(i.id(), r.hash(), r.committedUsd(), i.title()));
                     snapshot.write('\n');
                 } catch (IOException e) {
                     throw new UncheckedIOException(e);
                 }
             }, logsUnderTheRun)) {
            long seen = 0;
            while (in.next()) {
                if ((++seen & STOP_CHECK_MASK) == 0 && stop.requested()) {
                    return stopped(stepExecution, seen);
                }
                if (rejectedSeqs.contains(in.seq())) {
                    continue;
                }
                accepted++;
                progress.records(BriefingJobConfig.COMPOSE_STEP, accepted);
                if (!in.included()) {
                    if (previous != null) {
                        figures.accept(new Seen(in.record().initiative().id()));
                    }
                    continue;
                }
                StagedInitiative a = in.record();
                var i = a.initiative();
                String ancestorId = ancestorOf.get(i.id());
                figures.accept(new InScope(a.seq(), i, a.committedUsd(), a.proposedUsd(), a.hash(),
                        ancestorId == null ? null : ancestors.funding().get(ancestorId)));
                riskTallies.accept(new RiskInput(i, a.committedUsd(), a.proposedUsd(),
                        ancestorId == null ? 0L : ancestors.matchedAlong(ancestorId)));
                rows.accept(BriefingAssembler.row(i, a.committedUsd(), a.proposedUsd(), ancestorId == null, List.of()));
            }
            figures.finish();
            rows.finish();
            riskTallies.finish();
            if (stop.requested()) {
                return stopped(stepExecution, seen);
            }
            BriefingModel model = model(assembler.finish(), changes, jobContext, accepted, reconcileRejects, rates, context);
            BriefingModelJson.write(model, workspace.model());
            composed.putModel(workspace.model(), model);
            // The PDF needs only the model: it is rendered on the second core while the workbook is finished here.
            Path templateDir = properties.templatesDir().resolve(parameters.template());
            ExecutorService pdfThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "render-pdf"));
            try {
                long start = System.nanoTime();
                Future<Long> pdf = pdfThread.submit(() -> {
                    logsUnderTheRun.run();
                    renderers.pdf(templateDir).render(model, workspace.pdf());
                    return (System.nanoTime() - start) / 1_000_000;
                });
                workbook.finish(model, workspace.workbook());
                long workbookMs = (System.nanoTime() - start) / 1_000_000;
                // The manifest's digest of the workbook, taken while the PDF (often the longer of the two) is
                // rendered. A run of a large input has OpenSSL's digest bound already (its records took it): the
                // workbook's (8 MB at 100,000 records) then takes it too, not the JDK's at some 60 ms. The record
                // files' sizes are the ingest step's, as it noted them with their digests.
                long recordBytes = InputDigests.fromText(jobContext.getString(RecordFilesReader.DIGESTS, ""))
                        .stream().mapToLong(FileDigest::size).sum();
                composed.putDigest(workspace.workbook(), FileDigest.of(workspace.workbook(), PublishTasklet.WORKBOOK,
                        "workbook", Sha256.of(Math.max(recordBytes, Files.size(workspace.workbook())))).sha256());
                LOG.info("PDF rendered in {} ms, workbook finished in {} ms (in parallel)", waitFor(pdf), workbookMs);
            } finally {
                pdfThread.shutdownNow();
            }
        }
        return RepeatStatus.FINISHED;
    }

    /** What the figures' thread takes of a record: the figures, the changes and the snapshot. */
    private sealed interface FigureInput permits InScope, Seen {
    }

    /** A record in the edition's scope. */
    private record InScope(long seq, Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd,
                           String hash, FundedRecord ancestor) implements FigureInput {
    }

    /** A record out of the edition's scope: the changes only note that it was seen (it was not removed). */
    private record Seen(String id) implements FigureInput {
    }

    /**
     * The snapshot, gzipped at the fastest level: its record digests barely compress, and the default level took
     * twice the CPU (0.3 s at 100,000 records) for a file 5% smaller. Written on the figures' thread into a plain
     * {@link FileOutputStream}: a stop interrupts that thread, and a file channel would then close under it.
     */
    private static GZIPOutputStream fastGzip(OutputStream out) throws IOException {
        return new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        };
    }

    /** What the risk tallies take of a record. */
    private record RiskInput(Initiative initiative, BigDecimal committedUsd, BigDecimal proposedUsd,
                             long ancestorsMatched) {
    }

    /**
     * Spring Batch's own signal: a step marked terminate-only ends STOPPED once the tasklet returns, so the job
     * stops before the publish step and can be restarted (this step then runs again from its start).
     */
    private static RepeatStatus stopped(StepExecution stepExecution, long seen) {
        LOG.info("Stop requested: the briefing stops after {} staged records, before rendering; restart it to finish", seen);
        stepExecution.setTerminateOnly();
        return RepeatStatus.FINISHED;
    }

    private static long waitFor(Future<Long> task) throws Exception {
        try {
            return task.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private BriefingModel model(BriefingAssembler.Result figures, ChangeTracker changes, ExecutionContext jobContext,
                                long accepted, List<StagedRecord.Rejected> reconcileRejects, FxRates rates,
                                MarketContext context) {
        long ingestAccepted = jobContext.getLong(StagingWriter.ACCEPTED_COUNT, 0L);
        long ingestRejected = jobContext.getLong(StagingWriter.REJECTED_COUNT, 0L);
        long read = ingestAccepted + ingestRejected;
        long rejected = ingestRejected + reconcileRejects.size();

        var key = new KeyFigures(read, accepted, rejected, figures.ledger().included(), figures.ledger().withFunding(),
                figures.ledger().carveOuts(), figures.committedUsd(), figures.proposedUsd(),
                figures.ledger().partnerCountries(), figures.highRisks());
        var meta = new BriefingMeta(properties.title(), parameters.asOf(), parameters.edition(),
                parameters.filters().describe(), OffsetDateTime.now(), applicationVersion,
                properties.confidentiality(), parameters.template(), properties.desk().toBriefingDesk());
        Map<String, String> contextFigures = new java.util.LinkedHashMap<>();
        for (ContextFigure f : context.figures()) {
            contextFigures.put(f.label(), f.describe());
        }
        var methodology = new Methodology(rates.asOf(), new TreeMap<>(rates.rates()), contextFigures);
        var rejectSample = new ArrayList<RejectSummary.Rejected>();
        for (StagedRecord.Rejected r : mergedRejects(StagedLines.readRejects(workspace.rejected(), REJECTS_SHOWN),
                reconcileRejects, REJECTS_SHOWN)) {
            rejectSample.add(new RejectSummary.Rejected(r.file(), r.position(), r.id(), r.reasons()));
        }
        return new BriefingModel(meta, key, figures.breakdowns(), figures.timeline(), figures.largest(),
                figures.risks(), figures.dataQuality(), changes.finish(figures.committedUsd()), figures.sources(),
                methodology, new RejectSummary(rejected, List.copyOf(rejectSample)));
    }

    /** The ids of the staged records at these places in read order (one pass over the keys, only when asked). */
    private Map<Long, String> idsOf(Set<Long> seqs) {
        Map<Long, String> ids = new HashMap<>();
        StagedLines.forEachKey(workspace.keys(), key -> {
            if (seqs.contains(key.seq())) {
                ids.put(key.seq(), key.id());
            }
        });
        return ids;
    }

    /**
     * What the pass needs of the records in-scope carve-outs are taken from: their funding (for the ledger) and which
     * amount-stating risk rules they match (so a note does not count a carve-out its ancestor's funding holds).
     */
    private record Ancestors(Map<String, FundedRecord> funding, Map<String, Long> matched,
                             Map<String, String> ancestorOf, Map<String, Long> matchedAlong) {

        /** The risk rules matched by {@code id} or any of its in-scope ancestors. */
        long matchedAlong(String id) {
            Long known = matchedAlong.get(id);
            if (known != null) {
                return known;
            }
            // Iterative, as carve-out chains can be long; ReconcileTasklet has already refused cycles.
            List<String> chain = new ArrayList<>();
            long bits = 0;
            for (String at = id; at != null; at = ancestorOf.get(at)) {
                Long cached = matchedAlong.get(at);
                if (cached != null) {
                    bits = cached;
                    break;
                }
                chain.add(at);
            }
            for (int k = chain.size() - 1; k >= 0; k--) {
                bits |= matched.getOrDefault(chain.get(k), 0L);
                matchedAlong.put(chain.get(k), bits);
            }
            return bits;
        }
    }

    private Ancestors ancestors(StagedLines.Ancestry ancestry, Set<Long> rejectedSeqs, RiskAssessment risks) {
        Map<String, String> ancestorOf = ancestry.ancestorOf();
        Map<String, FundedRecord> funding = new HashMap<>();
        Map<String, Long> matched = new HashMap<>();
        if (!ancestorOf.isEmpty()) {
            // Reconcile names the ancestors' seqs; a file from an earlier version only their ids, looked up here.
            Set<Long> seqs = ancestry.seqs().orElseGet(() -> seqsOf(new HashSet<>(ancestorOf.values()), rejectedSeqs));
            try (AcceptedFile.Reader in = AcceptedFile.read(workspace.accepted())) {
                while (funding.size() < seqs.size() && in.next()) {
                    if (seqs.contains(in.seq())) {
                        var a = in.record();
                        var i = a.initiative();
                        funding.put(i.id(), BriefingAssembler.funded(i, a.committedUsd(), a.proposedUsd()));
                        long bits = risks.amountRulesMatched(i, a.committedUsd(), a.proposedUsd());
                        if (bits != 0) {
                            matched.put(i.id(), bits);
                        }
                    }
                }
            }
        }
        return new Ancestors(funding, matched, ancestorOf, new HashMap<>());
    }

    private Set<Long> seqsOf(Set<String> ids, Set<Long> rejectedSeqs) {
        Set<Long> seqs = new HashSet<>();
        StagedLines.forEachKey(workspace.keys(), key -> {
            if (ids.contains(key.id()) && !rejectedSeqs.contains(key.seq())) {
                seqs.add(key.seq());
            }
        });
        return seqs;
    }

    private static List<StagedRecord.Rejected> mergedRejects(List<StagedRecord.Rejected> a, List<StagedRecord.Rejected> b, int limit) {
        List<StagedRecord.Rejected> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(java.util.Comparator.comparingLong(StagedRecord.Rejected::seq));
        return all.subList(0, Math.min(limit, all.size()));
    }
}
