package dev.briefings.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.launch.NoSuchJobException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Lazy;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import dev.briefings.BriefingsProperties;
import dev.briefings.compose.Preflight;
import dev.briefings.delivery.DeliveryRunner;
import dev.briefings.filters.Filters;
import dev.briefings.job.BriefingParameters;
import dev.briefings.job.BriefingRunner;
import dev.briefings.publish.FileDigest;
import dev.briefings.publish.Manifest;
import dev.briefings.web.WebExceptions.BadRequestException;
import dev.briefings.web.WebExceptions.ConflictException;
import dev.briefings.web.WebExceptions.NotFoundException;
import dev.briefings.web.WebExceptions.TooBusyException;

/**
 * Runs ad hoc briefings for the web: a bounded number at a time (threads plus queue slots), each identified by
 * its Spring Batch job execution id, so that the list of briefings is the job repository's.
 */
@Service
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Lazy(false) // made at start, so that its queue gauge is there before the first request
public class BriefingService implements DisposableBean {

    static final String STARTED_BY = "startedBy";
    /** Files handed out, by role. */
    static final String SERVED = "briefings.files.served";
    /** Briefings waiting for a thread. */
    static final String QUEUE = "briefings.queue";

    /** The files a client may ask for; nothing else a request names is ever looked up on disk. */
    enum Role {
        BRIEFING("briefing", MediaType.APPLICATION_PDF, "critical-minerals-briefing", "pdf"),
        WORKBOOK("workbook", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                "critical-minerals-briefing", "xlsx"),
        REJECTS("rejects", MediaType.APPLICATION_JSON, "critical-minerals-rejects", "json"),
        MANIFEST("manifest", MediaType.APPLICATION_JSON, "critical-minerals-manifest", "json");

        final String name;
        final MediaType type;
        final String prefix;
        final String extension;

        Role(String name, MediaType type, String prefix, String extension) {
            this.name = name;
            this.type = type;
            this.prefix = prefix;
            this.extension = extension;
        }

        static Optional<Role> of(String name) {
            for (Role r : values()) {
                if (r.name.equals(name)) {
                    return Optional.of(r);
                }
            }
            return Optional.empty();
        }
    }

    /** A file to send: where it is, the name to offer, its type. */
    record Download(Path path, String fileName, MediaType type) {
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BriefingService.class);

    private final BriefingRunner runner;
    private final DeliveryRunner delivery;
    private final JobRepository jobRepository;
    private final BriefingsProperties properties;
    private final WebProperties web;
    private final RequestLimits limits;
    private final ThreadPoolExecutor executor;
    private final Semaphore slots;
    /** Briefing key (as-of, filters, template) to the execution started for it, while it may still run. */
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    /** Runs this server started and that have not ended yet, by execution id. */
    private final Map<Long, CompletableFuture<Void>> running = new ConcurrentHashMap<>();
    private final ObjectProvider<MeterRegistry> meters;

    BriefingService(BriefingRunner runner, JobRepository jobRepository, BriefingsProperties properties, WebProperties web,
                    ObjectProvider<MeterRegistry> meters, DeliveryRunner delivery) {
        this.runner = runner;
        this.delivery = delivery;
        this.meters = meters;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.web = web;
        this.limits = RequestLimits.of(web);
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(1, web.threads());
        this.executor = new ThreadPoolExecutor(threads, threads, 0L, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "briefing-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        // Briefings accepted but waiting for a thread (at most briefings.web.queue).
        meters.ifAvailable(m -> Gauge.builder(QUEUE, executor, e -> e.getQueue().size())
                .description("Briefings accepted by the server and waiting for a thread").register(m));
        // Threads plus queue: the pool's own queue is unbounded, the permits bound it.
        this.slots = new Semaphore(Math.max(1, web.threads()) + Math.max(0, web.queue()));
    }

    /** Starts (or finds) the briefing asked for; returns its id and status. */
    public synchronized Views.Accepted submit(BriefingRequest request, String user) throws Exception {
        // Counts, lengths and nulls first: nothing below (filters, job repository) ever sees an unbounded value.
        List<String> bounds = limits.problems(request);
        if (!bounds.isEmpty()) {
            throw new BadRequestException(bounds);
        }
        var filters = new Filters(request.parties(), request.stages(), request.kinds(), request.minerals());
        // Worded as the request's filters, e.g. "stage 'MINNING' is not one of ...".
        List<String> problems = new ArrayList<>(filters.problems().stream().map(p -> p.filter() + " " + p.message()).toList());
        problems.addAll(RequestLimits.stored(filters));
        String template = request.template() == null || request.template().isBlank() ? BriefingParameters.DEFAULT_TEMPLATE
                : request.template();
        Path templates = properties.templatesDir().toAbsolutePath().normalize();
        if (!template.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}") || !Files.isDirectory(templates.resolve(template))) {
            problems.add("template " + RequestLimits.shown(template) + " is not a known template");
        }
        LocalDate asOf = request.asOf() == null ? LocalDate.now() : request.asOf();
        String asOfProblem = BriefingParameters.asOfProblem(asOf);
        if (asOfProblem != null) {
            problems.add("asOf " + asOfProblem);
        }
        if (!problems.isEmpty()) {
            throw new BadRequestException(problems);
        }
        Path input = web.input().toAbsolutePath().normalize();
        Preflight.check(input, templates, template, null);
        var parameters = new BriefingParameters(asOf, null, filters, template, 1, input, null);
        String key = asOf + "|" + filters.canonical() + "|" + template;
        Long known = started.get(key);
        if (known != null) {
            JobExecution execution = jobRepository.getJobExecution(known);
            if (execution != null && execution.isRunning()) {
                return new Views.Accepted(known, execution.getStatus().name());
            }
            started.remove(key);
        }
        BriefingRunner.Start start = launch(parameters, user);
        if (start instanceof BriefingRunner.Start.Started s) {
            started.put(key, s.execution().getId());
            return new Views.Accepted(s.execution().getId(), s.execution().getStatus().name());
        }
        if (start instanceof BriefingRunner.Start.AlreadyDone done) {
            return new Views.Accepted(done.execution().getId(), done.execution().getStatus().name());
        }
        // Another process runs it: answer with that run.
        JobExecution other = jobRepository.getLastJobExecution(BriefingRunner.JOB_NAME, start.parameters().toJobParameters());
        if (other == null) {
            throw new TooBusyException(web.retryAfter());
        }
        return new Views.Accepted(other.getId(), other.getStatus().name());
    }

    /**
     * Delivers a completed briefing to the recipients in the server's input folder (ADMIN). Runs in the request:
     * the delivery job sends in parallel itself, and the log makes a repeated request send nothing twice.
     */
    public Views.Distributed distribute(long id, String user) throws Exception {
        JobExecution execution = execution(id);
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            throw new ConflictException("briefing " + id + " is " + execution.getStatus() + "; only a completed briefing can be distributed");
        }
        Path folder = runner.runFolder(execution).toAbsolutePath().normalize();
        BriefingParameters p = BriefingParameters.from(execution.getJobParameters());
        DeliveryRunner.Report r = delivery.distribute(folder, web.input().toAbsolutePath().normalize(), p.template());
        LOG.info("briefing {} distributed by {}: {} delivered, {} failed", id, user, r.delivered(), r.failed());
        return new Views.Distributed(id, r.channel(), r.status().name(), r.delivered(), r.alreadyDelivered(), r.failed(),
                r.uncertain(), r.rejected().size());
    }

    /**
     * Asks a running (or queued) briefing to stop (ADMIN). It ends STOPPED at the step's next check, with nothing
     * published; {@link #restart} carries it on later.
     */
    public synchronized Views.Accepted stop(long id, String user) {
        JobExecution execution = execution(id);
        BatchStatus status = execution.getStatus();
        if (status != BatchStatus.STARTING && status != BatchStatus.STARTED) {
            throw new ConflictException("briefing " + id + " is " + status + "; only a running briefing can be stopped");
        }
        if (!runner.stop(execution)) {
            throw new ConflictException("briefing " + id + " ended before it could be stopped");
        }
        LOG.info("briefing {} stopped by {}", id, user);
        return new Views.Accepted(id, BatchStatus.STOPPING.name());
    }

    /** Runs a failed (or stopped) briefing again from where it stopped; a new execution id. */
    public synchronized Views.Accepted restart(long id, String user) throws Exception {
        JobExecution execution = execution(id);
        if (execution.getStatus() != BatchStatus.FAILED && execution.getStatus() != BatchStatus.STOPPED) {
            throw new ConflictException("briefing " + id + " is " + execution.getStatus() + "; only a FAILED or STOPPED run can be restarted");
        }
        if (running.containsKey(id)) {
            throw new ConflictException("briefing " + id + " is still stopping; restart it once it is STOPPED");
        }
        JobExecution last = jobRepository.getLastJobExecution(execution.getJobInstance());
        if (last != null && last.getId() != id) {
            throw new ConflictException("briefing " + id + " was already restarted as " + last.getId());
        }
        BriefingRunner.Start start = launch(BriefingParameters.from(execution.getJobParameters()), user);
        if (start instanceof BriefingRunner.Start.Started s) {
            return new Views.Accepted(s.execution().getId(), s.execution().getStatus().name());
        }
        throw new ConflictException("briefing " + id + " cannot be restarted now: " + (start instanceof BriefingRunner.Start.AlreadyDone
                ? "it has completed" : "it is running"));
    }

    private BriefingRunner.Start launch(BriefingParameters parameters, String user) throws Exception {
        if (!slots.tryAcquire()) {
            throw new TooBusyException(web.retryAfter());
        }
        AtomicBoolean handed = new AtomicBoolean();
        CompletableFuture<Void> ended = new CompletableFuture<>();
        try {
            BriefingRunner.Start start = runner.start(parameters, Map.of(STARTED_BY, user), task -> {
                handed.set(true);
                executor.execute(() -> {
                    try {
                        task.run();
                    } finally {
                        slots.release();
                        ended.complete(null);
                    }
                });
            });
            if (start instanceof BriefingRunner.Start.Started s) {
                long id = s.execution().getId();
                running.put(id, ended);
                ended.whenComplete((v, e) -> running.remove(id, ended));
            }
            return start;
        } finally {
            if (!handed.get()) {
                slots.release();
            }
        }
    }

    /**
     * Waits until a run started by this server ends, or the time is up: a client that asks with a wait learns
     * of the end when it happens rather than at its next poll. Runs started elsewhere are not waited for.
     */
    public void awaitEnd(long id, Duration wait) {
        CompletableFuture<Void> ended = running.get(id);
        if (ended == null || wait.isZero()) {
            return;
        }
        try {
            ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Not ended yet: the answer says it is still running, as without a wait.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for briefing " + id + " failed", e.getCause());
        }
    }

    public Views.Page list(int page, int size) {
        long total;
        try {
            total = jobRepository.getJobInstanceCount(BriefingRunner.JOB_NAME);
        } catch (NoSuchJobException e) {
            total = 0; // no briefing was ever run
        }
        List<Views.Summary> items = new ArrayList<>();
        for (JobInstance instance : jobRepository.getJobInstances(BriefingRunner.JOB_NAME, page * size, size)) {
            JobExecution last = jobRepository.getLastJobExecution(instance);
            if (last != null) {
                items.add(summary(last, manifest(last).orElse(null)));
            }
        }
        return new Views.Page(items, page, size, total);
    }

    public Views.Detail get(long id) {
        JobExecution execution = execution(id);
        Optional<Manifest> manifest = manifest(execution);
        String self = "/api/briefings/" + id;
        List<Views.FileLink> files = new ArrayList<>();
        manifest.ifPresent(m -> {
            for (FileDigest f : m.outputs()) {
                files.add(new Views.FileLink(f.role(), f.file(), f.size(), f.sha256(), self + "/files/" + f.role()));
            }
            files.add(new Views.FileLink(Role.MANIFEST.name, Manifest.FILE_NAME, -1, null, self + "/files/manifest"));
        });
        Map<String, String> links = new LinkedHashMap<>();
        links.put("self", self);
        if ((execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED)
                && !running.containsKey(id)) {
            links.put("restart", self + "/restart");
        }
        if (execution.getStatus() == BatchStatus.STARTING || execution.getStatus() == BatchStatus.STARTED) {
            links.put("stop", self + "/stop");
        }
        List<String> failures = new ArrayList<>();
        String description = execution.getExitStatus().getExitDescription();
        if (execution.getStatus() == BatchStatus.FAILED && description != null && !description.isBlank()) {
            failures.add(description.lines().findFirst().orElse(description));
        }
        return new Views.Detail(summary(execution, manifest.orElse(null)),
                manifest.map(m -> m.totals().committedUsd()).orElse(null),
                manifest.map(m -> m.totals().proposedUsd()).orElse(null), files, failures, links);
    }

    /** The file of this role, only when the run's manifest lists one (the manifest itself once published). */
    public Download file(long id, String roleName) {
        Role role = Role.of(roleName).orElseThrow(() -> new NotFoundException("no file role "
                + RequestLimits.shown(roleName) + "; roles: briefing, workbook, rejects, manifest"));
        JobExecution execution = execution(id);
        Manifest manifest = manifest(execution).orElseThrow(() ->
                new NotFoundException("briefing " + id + " has no published files (" + execution.getStatus() + ")"));
        Path folder = runner.runFolder(execution).toAbsolutePath().normalize();
        String name = role == Role.MANIFEST ? Manifest.FILE_NAME : manifest.outputs().stream()
                .filter(o -> o.role().equals(role.name)).map(FileDigest::file).findFirst()
                .orElseThrow(() -> new NotFoundException("briefing " + id + " has no " + role.name + " file"));
        Path file = folder.resolve(name).normalize();
        // The name comes from our own manifest; still, only a plain file directly in the run folder is served.
        if (!folder.equals(file.getParent()) || !Files.isRegularFile(file)) {
            throw new NotFoundException("briefing " + id + " has no " + role.name + " file");
        }
        BriefingParameters p = BriefingParameters.from(execution.getJobParameters());
        String edition = p.isNightly() ? "" : "-" + p.edition();
        meters.ifAvailable(m -> m.counter(SERVED, "role", role.name).increment());
        return new Download(file, role.prefix + "-" + p.asOf() + edition + "." + role.extension, role.type);
    }

    /** Each step of the run as the job repository has it, in the order they started. */
    List<Views.Step> steps(long id) {
        JobExecution execution = execution(id);
        return execution.getStepExecutions().stream()
                .sorted(java.util.Comparator.comparing(StepExecution::getId))
                .map(s -> new Views.Step(s.getStepName(), s.getStatus().name(), s.getReadCount(), s.getWriteCount(),
                        s.getFilterCount(), s.getStartTime() == null || s.getEndTime() == null ? null
                        : Duration.between(s.getStartTime(), s.getEndTime()).toMillis()))
                .toList();
    }

    /** The folder of a completed run whose manifest matches it; empty while it runs, after a failure, or if gone. */
    Optional<Path> publishedFolder(long id) {
        JobExecution execution = execution(id);
        return manifest(execution).map(m -> runner.runFolder(execution).toAbsolutePath().normalize());
    }

    private JobExecution execution(long id) {
        JobExecution execution;
        try {
            execution = jobRepository.getJobExecution(id);
        } catch (org.springframework.dao.EmptyResultDataAccessException e) {
            execution = null; // the JDBC repository says "unknown id" this way
        }
        if (execution == null || !BriefingRunner.JOB_NAME.equals(execution.getJobInstance().getJobName())) {
            throw new NotFoundException("no briefing with id " + id);
        }
        return execution;
    }

    /** The manifest of a completed run, if its folder still holds that run's revision. */
    private Optional<Manifest> manifest(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return Optional.empty();
        }
        Path file = runner.runFolder(execution).resolve(Manifest.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Manifest m = Manifest.read(file);
        BriefingParameters p = BriefingParameters.from(execution.getJobParameters());
        return m.revision() == p.revision() && m.edition().equals(p.edition()) ? Optional.of(m) : Optional.empty();
    }

    /**
     * The status to show. Spring Batch records a stopped execution as STOPPED at once (JobOperator.stop gives it an
     * end time), while its step may still be finishing the chunk or records it was at: as long as this server's
     * thread still runs it, it is shown as STOPPING, and a client waits for STOPPED before restarting it.
     */
    private String status(JobExecution e) {
        return e.getStatus() == BatchStatus.STOPPED && running.containsKey(e.getId()) ? BatchStatus.STOPPING.name()
                : e.getStatus().name();
    }

    private Views.Summary summary(JobExecution e, Manifest m) {
        BriefingParameters p = BriefingParameters.from(e.getJobParameters());
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (!p.filters().parties().isEmpty()) filters.put("parties", p.filters().parties());
        if (!p.filters().stages().isEmpty()) filters.put("stages", p.filters().stages());
        if (!p.filters().kinds().isEmpty()) filters.put("kinds", p.filters().kinds());
        if (!p.filters().minerals().isEmpty()) filters.put("minerals", p.filters().minerals());
        Long seconds = e.getStartTime() == null || e.getEndTime() == null ? null
                : Duration.between(e.getStartTime(), e.getEndTime()).toSeconds();
        Views.Counts counts = m == null ? null
                : new Views.Counts(m.counts().read(), m.counts().accepted(), m.counts().rejected(), m.counts().included());
        return new Views.Summary(e.getId(), p.asOf(), p.edition(), filters, p.template(), p.revision(),
                status(e), e.getJobParameters().getString(STARTED_BY), e.getStartTime(), e.getEndTime(),
                seconds, counts);
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
