package dev.briefings.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.security.web.WebAttributes;
import org.springframework.web.bind.annotation.GetMapping;

import dev.briefings.web.ThrottledSignIn.SignInThrottledException;

/** The sign-in form, with why the last attempt failed: a wrong password, or the wait after too many. */
@Controller
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SignInPage {

    static final String PATH = "/login";

    @GetMapping(PATH)
    String page(HttpServletRequest request, Model model) {
        // Flags without values (?error): present or not.
        var flags = request.getParameterMap();
        String problem = null;
        if (flags.containsKey("throttled")) {
            // The failure handler left the refusal in the session; it carries the wait.
            HttpSession session = request.getSession(false);
            Object last = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
            problem = last instanceof SignInThrottledException t ? capitalised(t.getMessage()) + "."
                    : "Too many failed sign-ins; try again in a few minutes.";
        } else if (flags.containsKey("error")) {
            problem = "Wrong user name or password.";
        }
        model.addAttribute("problem", problem);
        model.addAttribute("notice", flags.containsKey("logout") ? "You have signed out." : null);
        return "web/login";
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
