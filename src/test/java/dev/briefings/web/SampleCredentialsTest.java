package dev.briefings.web;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.briefings.intake.ConfigurationException;

class SampleCredentialsTest {

    private static final String SAMPLE = "$2a$10$k83XazzaNnsV4hKA7D8KaevPslvHHpydfHIO1jp/G4vmA6kb9RZFa";
    private static final String OWN = "$2a$10$abcdefghijklmnopqrstuuJ1Vq0I1q0I1q0I1q0I1q0I1q0I1q0I1";

    @Test
    void sampleUsersMayServeOnLoopbackOnly() {
        assertThatCode(() -> SampleCredentials.check("127.0.0.1", List.of(SAMPLE))).doesNotThrowAnyException();
        assertThatCode(() -> SampleCredentials.check("::1", List.of(SAMPLE))).doesNotThrowAnyException();
        assertThatThrownBy(() -> SampleCredentials.check("0.0.0.0", List.of(OWN, SAMPLE)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("0.0.0.0").hasMessageContaining("sample");
        assertThatThrownBy(() -> SampleCredentials.check("192.168.1.20", List.of(SAMPLE)))
                .isInstanceOf(ConfigurationException.class);
        assertThatThrownBy(() -> SampleCredentials.check(null, List.of(SAMPLE)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("every address");
    }

    @Test
    void ownUsersMayServeAnywhere() {
        assertThatCode(() -> SampleCredentials.check("0.0.0.0", List.of(OWN))).doesNotThrowAnyException();
        assertThatCode(() -> SampleCredentials.check(null, List.of())).doesNotThrowAnyException();
    }
}
