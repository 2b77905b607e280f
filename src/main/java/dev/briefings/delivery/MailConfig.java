package dev.briefings.delivery;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mail.autoconfigure.MailProperties;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Binds Spring Boot's {@code spring.mail.*} itself: the command line does not load Boot's mail auto-configuration
 * (it makes a JavaMailSender only when a host is set, and the sender here needs the settings either way).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({MailProperties.class, DeliveryProperties.class})
class MailConfig {

    /** Made at start (not when first used), so that a mail setting in error stops the process at once. */
    @Bean
    @Lazy(false)
    MailChannel mailChannel(MailProperties mail, DeliveryProperties delivery, ObjectProvider<SslBundles> bundles,
                            Environment environment) {
        MailChannel.refuseRetiredProperties(environment);
        return MailChannel.of(mail, delivery, bundles.getIfAvailable());
    }
}
