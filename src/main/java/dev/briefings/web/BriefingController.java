package dev.briefings.web;

import java.net.URI;
import java.security.Principal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import dev.briefings.web.WebExceptions.BadRequestException;

/** The REST API: submit, list, inspect, download, stop, restart and distribute briefings. */
@Tag(name = "Briefings")
@RestController
@RequestMapping("/api/briefings")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BriefingController {

    private static final int MAX_PAGE_SIZE = 100;
    /** Far beyond any real list, and small enough that page times size stays an int. */
    static final int MAX_PAGE = 1_000_000;

    private final BriefingService service;

    BriefingController(BriefingService service) {
        this.service = service;
    }

    @Operation(summary = "Run an ad hoc briefing",
            description = "Starts the briefing asked for (an identical one still running is returned instead). "
                    + "Filters: values of one filter are alternatives, different filters must all match.")
    @ApiResponse(responseCode = "202", description = "Accepted; Location names the briefing")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "413", ref = ApiDocs.TOO_LARGE)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @PostMapping
    ResponseEntity<Views.Accepted> submit(@RequestBody BriefingRequest request, Principal user) throws Exception {
        Views.Accepted accepted = service.submit(request, user.getName());
        return accepted(accepted);
    }

    @Operation(summary = "Briefings, newest first")
    @ApiResponse(responseCode = "200", description = "A page of briefings")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @GetMapping
    Views.Page list(@Parameter(description = "Page number, from 0", schema = @Schema(minimum = "0", maximum = "1000000"))
                    @RequestParam(defaultValue = "0") int page,
                    @Parameter(description = "Briefings per page", schema = @Schema(minimum = "1", maximum = "100"))
                    @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException(java.util.List.of("page must be between 0 and " + MAX_PAGE
                    + " and size between 1 and " + MAX_PAGE_SIZE));
        }
        return service.list(page, size);
    }

    /** The longest a client may ask {@code GET /api/briefings/{id}?wait=SECONDS} to wait for the run to end. */
    static final int MAX_WAIT_SECONDS = 30;

    @Operation(summary = "One briefing with its status, counts, totals and links")
    @ApiResponse(responseCode = "200", description = "The briefing")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @GetMapping("/{id}")
    Views.Detail get(@Parameter(description = ApiDocs.ID) @PathVariable String id,
                     @Parameter(description = "Seconds (0 to 30) to wait for a run this server started to end before "
                             + "answering, so that a client learns of the end when it happens instead of at its next poll",
                             schema = @Schema(minimum = "0", maximum = "30"))
                     @RequestParam(defaultValue = "0") int wait) {
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new BadRequestException(java.util.List.of("wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds"));
        }
        long run = id(id);
        service.awaitEnd(run, java.time.Duration.ofSeconds(wait));
        return service.get(run);
    }

    @Operation(summary = "A published file (only roles the run's manifest lists, plus the manifest)")
    @ApiResponse(responseCode = "200", description = "The file, with a Content-Disposition file name such as "
            + "critical-minerals-briefing-2025-10-31.pdf", content = {
            @Content(mediaType = "application/pdf"),
            @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            @Content(mediaType = "application/json")})
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @GetMapping("/{id}/files/{role}")
    ResponseEntity<Resource> file(@Parameter(description = ApiDocs.ID) @PathVariable String id,
                                  @Parameter(schema = @Schema(allowableValues = {"briefing", "workbook", "rejects", "manifest"}))
                                  @PathVariable String role) {
        BriefingService.Download d = service.file(id(id), role);
        return ResponseEntity.ok()
                .contentType(d.type())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .body(new FileSystemResource(d.path()));
    }

    @Operation(summary = "Deliver a completed briefing to the recipients in recipients.json (ADMIN)",
            description = "Nobody gets it twice: the delivery log skips recipients who already have it.")
    @ApiResponse(responseCode = "200", description = "What the delivery did")
    @ApiResponse(responseCode = "400", ref = ApiDocs.BAD_REQUEST)
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @PostMapping("/{id}/distribute")
    Views.Distributed distribute(@Parameter(description = ApiDocs.ID) @PathVariable String id, Principal user) throws Exception {
        return service.distribute(id(id), user.getName());
    }

    @Operation(summary = "Restart a failed or stopped briefing from where it stopped (ADMIN)")
    @ApiResponse(responseCode = "202", description = "Restarted as a new id; Location names it")
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @PostMapping("/{id}/restart")
    ResponseEntity<Views.Accepted> restart(@Parameter(description = ApiDocs.ID) @PathVariable String id, Principal user)
            throws Exception {
        Views.Accepted accepted = service.restart(id(id), user.getName());
        return accepted(accepted);
    }

    @Operation(summary = "Stop a running briefing (ADMIN)",
            description = "The briefing ends STOPPED at the running step's next check (a chunk of records, or within "
                    + "a second while composing), with nothing published; restart it later to finish.")
    @ApiResponse(responseCode = "202", description = "Stopping; GET the briefing to see it STOPPED")
    @ApiResponse(responseCode = "401", ref = ApiDocs.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = ApiDocs.FORBIDDEN)
    @ApiResponse(responseCode = "404", ref = ApiDocs.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocs.CONFLICT)
    @ApiResponse(responseCode = "429", ref = ApiDocs.WAIT)
    @PostMapping("/{id}/stop")
    ResponseEntity<Views.Accepted> stop(@Parameter(description = ApiDocs.ID) @PathVariable String id, Principal user) {
        Views.Accepted stopping = service.stop(id(id), user.getName());
        return accepted(stopping);
    }

    /** Ids are numbers; anything else names no briefing. */
    private static long id(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new WebExceptions.NotFoundException("no briefing with id " + RequestLimits.shown(text));
        }
        return Long.parseLong(text);
    }

    /** 202 with the briefing's address in Location. */
    private static ResponseEntity<Views.Accepted> accepted(Views.Accepted accepted) {
        return ResponseEntity.accepted().location(URI.create("/api/briefings/" + accepted.id())).body(accepted);
    }
}
