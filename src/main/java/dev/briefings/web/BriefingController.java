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

import dev.briefings.web.WebExceptions.BadRequestException;

/** The REST API: submit, list, inspect, download, restart and distribute briefings. */
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

    @PostMapping
    ResponseEntity<Views.Accepted> submit(@RequestBody BriefingRequest request, Principal user) throws Exception {
        Views.Accepted accepted = service.submit(request, user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/briefings/" + accepted.id())).body(accepted);
    }

    @GetMapping
    Views.Page list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (page < 0 || page > MAX_PAGE || size < 1 || size > MAX_PAGE_SIZE) {
            throw new BadRequestException(java.util.List.of("page must be between 0 and " + MAX_PAGE
                    + " and size between 1 and " + MAX_PAGE_SIZE));
        }
        return service.list(page, size);
    }

    /** The longest a client may ask {@code GET /api/briefings/{id}?wait=SECONDS} to wait for the run to end. */
    static final int MAX_WAIT_SECONDS = 30;

    @GetMapping("/{id}")
    Views.Detail get(@PathVariable String id, @RequestParam(defaultValue = "0") int wait) {
        if (wait < 0 || wait > MAX_WAIT_SECONDS) {
            throw new BadRequestException(java.util.List.of("wait must be between 0 and " + MAX_WAIT_SECONDS + " seconds"));
        }
        long run = id(id);
        service.awaitEnd(run, java.time.Duration.ofSeconds(wait));
        return service.get(run);
    }

    @GetMapping("/{id}/files/{role}")
    ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String role) {
        BriefingService.Download d = service.file(id(id), role);
        return ResponseEntity.ok()
                .contentType(d.type())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .body(new FileSystemResource(d.path()));
    }

    @PostMapping("/{id}/distribute")
    Views.Distributed distribute(@PathVariable String id, Principal user) throws Exception {
        return service.distribute(id(id), user.getName());
    }

    @PostMapping("/{id}/restart")
    ResponseEntity<Views.Accepted> restart(@PathVariable String id, Principal user) throws Exception {
        Views.Accepted accepted = service.restart(id(id), user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/briefings/" + accepted.id())).body(accepted);
    }

    /** Ids are numbers; anything else names no briefing. */
    private static long id(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new WebExceptions.NotFoundException("no briefing with id " + RequestLimits.shown(text));
        }
        return Long.parseLong(text);
    }
}
