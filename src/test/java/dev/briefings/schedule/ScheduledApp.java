package dev.briefings.schedule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.briefings.TestFolders;
import dev.briefings.BriefingsApplication;

/** Starts the application as a scheduling instance would, with a test clock and temp folders. */
final class ScheduledApp {

    private ScheduledApp() {
    }

    static ConfigurableApplicationContext start(Clock clock, Path database, Path data, Path output, Path input,
                                                String... schedule) {
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
        List<String> properties = new ArrayList<>(List.of(
                "briefings.data-dir=" + data.toAbsolutePath(),
                "briefings.templates-dir=" + Path.of("templates").toAbsolutePath(),
                "briefings.output-dir=" + output.toAbsolutePath(),
                "briefings.schedule.enabled=true",
                "briefings.schedule.input=" + input.toAbsolutePath()));
        properties.addAll(List.of(schedule));
        return new SpringApplicationBuilder(BriefingsApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties.toArray(String[]::new))
                .initializers(c -> c.getBeanFactory().registerSingleton("clock", clock))
                // An argument, not a default property: application.properties names the database too.
                .run("--spring.datasource.url=jdbc:h2:file:" + database.toAbsolutePath() + ";AUTO_SERVER=TRUE");
    }

    /** Every execution of the briefing job, read from the repository. */
    static List<JobExecution> briefingExecutions(ConfigurableApplicationContext context) {
        JobRepository repository = context.getBean(JobRepository.class);
        List<JobExecution> executions = new ArrayList<>();
        for (JobInstance instance : repository.getJobInstances("briefingJob", 0, 1000)) {
            executions.addAll(repository.getJobExecutions(instance));
        }
        return executions;
    }

    /** Every path under a folder, relative to it, as text. */
    static List<String> tree(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            return paths.filter(p -> !p.equals(folder)).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    /** Copies the end-to-end test input to {@code target}. */
    static Path copyInput(Path target) throws IOException {
        return TestFolders.copy(TestFolders.E2E_INPUT, target);
    }
}
