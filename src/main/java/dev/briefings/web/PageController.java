package dev.briefings.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import dev.briefings.BriefingsProperties;
import dev.briefings.intake.InitiativeKind;
import dev.briefings.intake.Stage;
import dev.briefings.web.WebExceptions.BadRequestException;

/**
 * The analysts' pages (form login, session, CSRF): the list of briefings with a form for an ad hoc one, and each
 * run's page with its steps, rejects, deliveries and files. Downloads go through the same manifest check as the API.
 */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class PageController {

    static final int PAGE_SIZE = 25;
    static final int REJECTS_SHOWN = 200;
    private static final Set<String> RUNNING = Set.of("STARTING", "STARTED", "STOPPING");

    private final BriefingService service;
    private final BriefingsProperties properties;

    PageController(BriefingService service, BriefingsProperties properties) {
        this.service = service;
        this.properties = properties;
    }

    /** What the form holds: text as typed, so a refused request comes back as it was entered. */
    record Form(String parties, List<String> stages, List<String> kinds, String minerals, String asOf, String template) {
    }

    /** The signed-in user's name, shown in every page's header. */
    @ModelAttribute("user")
    String user(Authentication user) {
        return user == null ? null : user.getName();
    }

    @GetMapping("/")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        Form empty = new Form("", List.of(), List.of(), "", LocalDate.now().toString(), "");
        return listPage(Math.min(Math.max(0, page), BriefingController.MAX_PAGE), empty, List.of(), model);
    }

    @PostMapping("/briefings")
    String submit(@RequestParam(defaultValue = "") String parties, @RequestParam(required = false) List<String> stages,
                  @RequestParam(required = false) List<String> kinds, @RequestParam(defaultValue = "") String minerals,
                  @RequestParam(defaultValue = "") String asOf, @RequestParam(defaultValue = "") String template,
                  Authentication user, Model model, HttpServletResponse response) throws Exception {
        Form form = new Form(parties, stages == null ? List.of() : stages, kinds == null ? List.of() : kinds, minerals,
                asOf, template);
        LocalDate date;
        try {
            date = asOf.isBlank() ? null : LocalDate.parse(asOf.strip());
        } catch (DateTimeParseException e) {
            return refused(response, form, List.of("as-of date " + RequestLimits.shown(asOf) + " is not a date (YYYY-MM-DD)"), model);
        }
        try {
            Views.Accepted accepted = service.submit(new BriefingRequest(values(parties), form.stages(), form.kinds(),
                    values(minerals), date, template), user.getName());
            return "redirect:/briefings/" + accepted.id();
        } catch (BadRequestException e) {
            return refused(response, form, e.problems, model);
        } catch (WebExceptions.TooBusyException e) {
            response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter.toSeconds()));
            return refused(response, HttpStatus.TOO_MANY_REQUESTS, form, List.of(e.getMessage()), model);
        }
    }

    private String refused(HttpServletResponse response, Form form, List<String> problems, Model model) {
        return refused(response, HttpStatus.BAD_REQUEST, form, problems, model);
    }

    private String refused(HttpServletResponse response, HttpStatus status, Form form,
                           List<String> problems, Model model) {
        response.setStatus(status.value());
        return listPage(0, form, problems, model);
    }

    private String listPage(int page, Form form, List<String> problems, Model model) {
        Views.Page runs = service.list(page, PAGE_SIZE);
        model.addAttribute("runs", runs);
        model.addAttribute("hasNext", (long) (page + 1) * PAGE_SIZE < runs.total());
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        model.addAttribute("stages", Arrays.stream(Stage.values()).map(Enum::name).toList());
        model.addAttribute("kinds", Arrays.stream(InitiativeKind.values()).map(Enum::name).toList());
        model.addAttribute("templates", templates());
        return "web/list";
    }

    @GetMapping("/briefings/{id}")
    String run(@PathVariable String id, Authentication user, Model model) {
        long n = id(id);
        Views.Detail detail = service.get(n);
        model.addAttribute("run", detail.briefing());
        model.addAttribute("detail", detail);
        model.addAttribute("running", RUNNING.contains(detail.briefing().status()));
        model.addAttribute("steps", service.steps(n));
        var folder = service.publishedFolder(n);
        model.addAttribute("rejects", folder.map(f -> RunFiles.rejects(f, REJECTS_SHOWN)).orElse(null));
        model.addAttribute("deliveries", folder.flatMap(RunFiles::deliveries).orElse(null));
        model.addAttribute("canRestart", detail.links().containsKey("restart") && isAdmin(user));
        model.addAttribute("canStop", detail.links().containsKey("stop") && isAdmin(user));
        model.addAttribute("canDistribute", "COMPLETED".equals(detail.briefing().status()) && isAdmin(user));
        model.addAttribute("shownCap", REJECTS_SHOWN);
        return "web/run";
    }

    /** What the run page polls while the briefing runs. */
    @GetMapping("/briefings/{id}/status")
    @ResponseBody
    Map<String, Object> status(@PathVariable String id) {
        long n = id(id);
        Views.Summary s = service.get(n).briefing();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", n);
        body.put("status", s.status());
        body.put("running", RUNNING.contains(s.status()));
        body.put("steps", service.steps(n).stream().map(st -> Map.of("name", st.name(), "status", st.status())).toList());
        return body;
    }

    @GetMapping("/briefings/{id}/files/{role}")
    ResponseEntity<Resource> file(@PathVariable String id, @PathVariable String role) {
        BriefingService.Download d = service.file(id(id), role);
        return ResponseEntity.ok()
                .contentType(d.type())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(d.fileName()).build().toString())
                .body(new FileSystemResource(d.path()));
    }

    @PostMapping("/briefings/{id}/distribute")
    String distribute(@PathVariable String id, Authentication user) throws Exception {
        service.distribute(id(id), user.getName());
        return "redirect:/briefings/" + id(id);
    }

    @PostMapping("/briefings/{id}/stop")
    String stop(@PathVariable String id, Authentication user) {
        service.stop(id(id), user.getName());
        return "redirect:/briefings/" + id(id);
    }

    @PostMapping("/briefings/{id}/restart")
    String restart(@PathVariable String id, Authentication user) throws Exception {
        return "redirect:/briefings/" + service.restart(id(id), user.getName()).id();
    }

    /** Admins see the admin links in every page's header. */
    @ModelAttribute("admin")
    boolean admin(Authentication user) {
        return isAdmin(user);
    }

    static boolean isAdmin(Authentication user) {
        return user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(("ROLE_" + WebSecurity.ADMIN)::equals);
    }

    /** Values typed into one box, separated by commas or spaces. */
    private static List<String> values(String text) {
        return Arrays.stream(text.split("[,\\s]+")).filter(v -> !v.isBlank()).toList();
    }

    private List<String> templates() {
        Path dir = properties.templatesDir();
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>(s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> n.matches("[A-Za-z0-9][A-Za-z0-9_-]{0,63}")).sorted().toList());
            return names;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long id(String text) {
        if (!text.matches("[0-9]{1,18}")) {
            throw new WebExceptions.NotFoundException("no briefing with id " + RequestLimits.shown(text));
        }
        return Long.parseLong(text);
    }
}
