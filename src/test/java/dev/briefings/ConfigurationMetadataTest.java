package dev.briefings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The build documents every {@code briefings.*} property for IDEs and operators
 * (spring-boot-configuration-processor, from the settings records' javadoc).
 */
class ConfigurationMetadataTest {

    @Test
    void everyProjectPropertyIsDescribed() throws Exception {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("the configuration processor's metadata in the jar").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        List<String> names = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        for (JsonNode p : metadata.get("properties")) {
            String name = p.get("name").stringValue();
            if (name.startsWith("briefings.")) {
                names.add(name);
                if (p.get("description") == null || p.get("description").stringValue().isBlank()) {
                    undocumented.add(name);
                }
            }
        }
        assertThat(names).contains("briefings.data-dir", "briefings.retention.keep-days", "briefings.retention.keep-runs",
                "briefings.schedule.cron", "briefings.web.users", "briefings.delivery.from",
                "briefings.desk.name", "briefings.desk.contact");
        assertThat(undocumented).as("properties without a description").isEmpty();
    }
}
