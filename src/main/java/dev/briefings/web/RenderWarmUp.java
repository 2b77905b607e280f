package dev.briefings.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.briefings.BriefingsProperties;
import dev.briefings.render.Renderers;

/** Once the server is up, the default template's renderers warm up in the background, before the first request. */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RenderWarmUp {

    static final String DEFAULT_TEMPLATE = "default";

    private final Renderers renderers;
    private final BriefingsProperties properties;

    RenderWarmUp(Renderers renderers, BriefingsProperties properties) {
        this.renderers = renderers;
        this.properties = properties;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warmUp() {
        renderers.prepare(properties.templatesDir().resolve(DEFAULT_TEMPLATE));
    }
}
