package dev.briefings.web;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.briefings.retention.Retention;

/** For admins: what retention would remove if it ran now (the same list as {@code retention --dry-run}). */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class RetentionPage {

    static final String PATH = "/admin/retention";

    private final Retention retention;

    RetentionPage(Retention retention) {
        this.retention = retention;
    }

    @GetMapping(PATH)
    String page(Authentication user, Model model) {
        model.addAttribute("user", user.getName());
        model.addAttribute("admin", PageController.isAdmin(user));
        model.addAttribute("configured", retention.configured());
        model.addAttribute("expired", retention.configured() ? retention.expired() : java.util.List.of());
        return "web/retention";
    }
}
