package dev.briefings.web;

import java.util.Locale;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

/**
 * What springdoc adds to the document it generates from {@link BriefingController}: the API's description with the
 * limits as configured, HTTP basic, and the problem responses (RFC 9457) the controller's operations refer to.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ApiDocs {

    static final String ID = "The briefing's id (its Spring Batch job execution id)";

    static final String BAD_REQUEST = "#/components/responses/BadRequest";
    static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    static final String FORBIDDEN = "#/components/responses/Forbidden";
    static final String NOT_FOUND = "#/components/responses/NotFound";
    static final String CONFLICT = "#/components/responses/Conflict";
    static final String TOO_LARGE = "#/components/responses/TooLarge";
    static final String WAIT = "#/components/responses/Wait";

    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String PROBLEM = "#/components/schemas/Problem";

    @Bean
    OpenAPI briefingsApi(WebProperties web) {
        String description = String.format(Locale.ROOT, """
                Ad hoc critical-minerals briefings. HTTP basic; role ANALYST submits, lists and downloads, ADMIN also \
                stops, restarts and distributes. Errors are RFC 9457 problem details (application/problem+json), 401 \
                and 403 included. Request bodies are limited to %,d bytes (briefings.web.max-body-size; 413 beyond), each \
                filter to %d values of at most %d characters, and all filters together to %,d characters as stored. \
                After %d failed sign-ins for an account, or %d from an address, further attempts get 429 with \
                Retry-After (%d s, doubling per further failure up to %d min). At most %d briefings run at once and %d \
                wait; beyond that a request gets 429 with Retry-After (%d s).""",
                web.maxBodySize().toBytes(), web.maxValues(), web.maxValueLength(), RequestLimits.STORED_FILTERS,
                web.signIn().accountFailures(), web.signIn().addressFailures(), web.signIn().block().toSeconds(),
                web.signIn().maxBlock().toMinutes(), web.threads(), web.queue(), web.retryAfter().toSeconds());
        Schema<?> problem = new ObjectSchema()
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what is wrong, naming the field; long values "
                        + "are shortened, e.g. 'xxx…' (5,000 characters)"))
                .addProperty("instance", new StringSchema())
                .addProperty("problems", new ArraySchema().items(new StringSchema())
                        .description("with 400: each problem of the request"))
                .addProperty("retryAfterSeconds", new IntegerSchema().description("with 429: as Retry-After"));
        return new OpenAPI()
                .info(new Info().title("Briefings API").version(getClass().getPackage().getImplementationVersion() == null
                        ? "dev" : getClass().getPackage().getImplementationVersion()).description(description))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas("Problem", problem)
                        .addResponses("BadRequest", problem("The request is not valid: the detail names each field"))
                        .addResponses("Unauthorized", problem("No or wrong credentials")
                                .addHeaderObject("WWW-Authenticate", new Header().schema(new StringSchema()
                                        .example("Basic realm=\"Briefings\""))))
                        .addResponses("Forbidden", problem("Not an ADMIN"))
                        .addResponses("NotFound", problem("No such briefing, or no such file of it"))
                        .addResponses("Conflict", problem("The briefing is not in a state that allows this (e.g. "
                                + "stopping one that has ended, restarting one that completed)"))
                        .addResponses("TooLarge", problem("The request body is larger than briefings.web.max-body-size"))
                        .addResponses("Wait", problem("All briefing slots are taken, or too many failed sign-ins for "
                                + "the account or from the address; retry after Retry-After seconds")
                                .addHeaderObject("Retry-After", new Header().schema(new IntegerSchema()))));
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content()
                .addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }
}
