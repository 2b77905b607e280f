package dev.briefings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The publishing desk is configuration: defaults, an e-mail or web contact, and clear refusals. */
class DeskPropertiesTest {

    private static BriefingsProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("briefings", BriefingsProperties.class);
    }

    @Test
    void withoutSettingsTheDeskHasADefaultNameAndNoContact() {
        var desk = bind(Map.of()).desk();
        assertThat(desk.name()).isEqualTo("Critical Minerals Research Desk");
        assertThat(desk.contact()).isEmpty();
        assertThat(desk.toBriefingDesk().contactLink()).isEmpty();
    }

    @Test
    void aContactIsAnEmailAddressOrAWebAddress() {
        var mail = bind(Map.of("briefings.desk.name", "Rare Earths Desk", "briefings.desk.contact", " desk@example.org "))
                .desk().toBriefingDesk();
        assertThat(mail.name()).isEqualTo("Rare Earths Desk");
        assertThat(mail.contact()).isEqualTo("desk@example.org");
        assertThat(mail.contactLink()).isEqualTo("mailto:desk@example.org");
        var web = bind(Map.of("briefings.desk.contact", "https://example.org/desk")).desk().toBriefingDesk();
        assertThat(web.contactLink()).isEqualTo("https://example.org/desk");
    }

    @Test
    void aContactThatIsNeitherIsRefusedNamingTheProperty() {
        for (String bad : new String[] {"call the desk", "javascript:alert(1)", "Desk <desk@example.org>", "ftp://example.org"}) {
            assertThatThrownBy(() -> bind(Map.of("briefings.desk.contact", bad)))
                    .isInstanceOf(BindException.class)
                    .rootCause().hasMessageContaining("briefings.desk.contact '" + bad + "'")
                    .hasMessageContaining("neither an e-mail address");
        }
        assertThatThrownBy(() -> bind(Map.of("briefings.desk.name", " ")))
                .rootCause().hasMessageContaining("briefings.desk.name must be 1 to 200 characters");
    }
}
