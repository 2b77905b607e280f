package dev.briefings.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import dev.briefings.job.BriefingRunner;

class CommandLineContextTest {

    @Test
    void aCommandsContextStartsFromTheDefinitionsTheBuildWorkedOut(@TempDir Path dir) {
        assertThat(CommandLineApplication.aheadOfTime())
                .as("the build (process-aot in pom.xml) generated " + CommandLineApplication.AOT_INITIALIZER).isTrue();
        try (ConfigurableApplicationContext context = Contexts.start(dir.resolve("data"), Path.of("templates"),
                new PrintWriter(new StringWriter()), false)) {
            // Without the generated definitions Spring makes an annotation-reading context.
            assertThat(context).isNotInstanceOf(AnnotationConfigApplicationContext.class);
            assertThat(context.getBean(BriefingRunner.class)).isNotNull();
            assertThat(context.getBeanNamesForType(dev.briefings.render.Renderers.class)).containsExactly("renderers");
            // A command keeps one idle connection, not the pool's default ten.
            assertThat(context.getBean(com.zaxxer.hikari.HikariDataSource.class).getMinimumIdle()).isEqualTo(1);
        }
        // Only that context read them: one started next (the server's, in the tests) must not look for its own.
        assertThat(System.getProperty("spring.aot.enabled")).isNull();
    }
}
