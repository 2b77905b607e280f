package dev.briefings;

import java.io.PrintWriter;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import dev.briefings.cli.BriefingsCli;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BriefingsApplication {

    public static void main(String[] args) {
        // The command line decides what to start: --help and usage errors never start Spring.
        int code = BriefingsCli.execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
        System.exit(code);
    }
}
