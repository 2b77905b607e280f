package dev.briefings.render.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xhtmlrenderer.pdf.ITextOutputDevice;

class TemplateUserAgentTest {

    @Test
    void loadsOnlyFromTheTemplateFolder(@TempDir Path root) throws IOException {
        Path template = Files.createDirectories(root.resolve("template"));
        Files.writeString(template.resolve("briefing.css"), "p { color: red; }");
        Files.writeString(root.resolve("secret.txt"), "secret");
        List<String> requested = new ArrayList<>();
        var agent = new TemplateUserAgent(new ITextOutputDevice(20f), 1, template, requested::add);

        assertThat(agent.getBinaryResource("briefing.css")).isNotNull();
        assertThat(agent.getBinaryResource("../secret.txt")).isNull();
        assertThat(agent.getBinaryResource(root.resolve("secret.txt").toUri().toString())).isNull();
        assertThat(agent.getBinaryResource("file:///etc/passwd")).isNull();
        assertThat(agent.getBinaryResource("http://evil.example/x.css")).isNull();
        assertThat(agent.getImageResource("file:///etc/passwd").getImage()).isNull();
        assertThat(agent.getImageResource("data:image/png;base64,iVBORw0KGgo=").getImage()).isNull();
        assertThat(agent.getXMLResource("http://evil.example/x.xml")).isNull();
        assertThat(requested).hasSize(8);
    }
}
