package dev.briefings;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BriefingsApplication {
}
