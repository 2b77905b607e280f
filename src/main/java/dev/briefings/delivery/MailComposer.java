package dev.briefings.delivery;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import dev.briefings.briefing.BriefingModel;
import dev.briefings.briefing.PlainText;
import dev.briefings.intake.ConfigurationException;
import dev.briefings.render.pdf.BriefingFormatter;

/**
 * Fills the mail templates of one template folder ({@code mail-subject.txt}, {@code mail-body.txt} in Thymeleaf
 * TEXT mode, {@code mail-body.html} in HTML mode) for one recipient and one briefing.
 * <p>
 * The templates see {@code recipient}, {@code model}, {@code edition} and {@code fmt} (a {@link BriefingFormatter}).
 * Create once and reuse; thread-safe.
 */
public final class MailComposer {

    static final String SUBJECT = "mail-subject.txt";
    static final String TEXT = "mail-body.txt";
    static final String HTML = "mail-body.html";

    private final Path templateDir;
    private final SpringTemplateEngine textEngine;
    private final SpringTemplateEngine htmlEngine;
    private final BriefingFormatter formatter = new BriefingFormatter();

    /** @throws ConfigurationException when the folder or one of the three templates is missing or unreadable */
    public MailComposer(Path templateDir) {
        this.templateDir = templateDir.toAbsolutePath().normalize();
        if (!Files.isDirectory(this.templateDir)) {
            throw new ConfigurationException("Mail template folder not found: " + this.templateDir);
        }
        for (String name : new String[] {SUBJECT, TEXT, HTML}) {
            Path file = this.templateDir.resolve(name);
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new ConfigurationException("Mail template " + file + " is missing or not readable");
            }
        }
        this.textEngine = engine(this.templateDir, TemplateMode.TEXT);
        this.htmlEngine = engine(this.templateDir, TemplateMode.HTML);
    }

    public Composed compose(Recipient recipient, BriefingModel model, String edition) {
        var context = new Context(Locale.ENGLISH);
        context.setVariable("recipient", recipient);
        context.setVariable("model", model);
        context.setVariable("edition", edition);
        context.setVariable("fmt", formatter);
        // A subject is one header line: whatever the template's line breaks, it becomes one line.
        String subject = fill(textEngine, SUBJECT, context).strip().replaceAll("\\s*\\R\\s*", " ");
        // Control characters (from a template or a rules text) have no place in a message: U+FFFD instead.
        return new Composed(PlainText.cleaned(subject), PlainText.cleaned(fill(textEngine, TEXT, context)),
                PlainText.cleaned(fill(htmlEngine, HTML, context)));
    }

    private String fill(SpringTemplateEngine engine, String name, Context context) {
        try {
            return engine.process(name, context);
        } catch (TemplateEngineException e) {
            throw new ConfigurationException("Mail template " + templateDir.resolve(name) + " cannot be filled: "
                    + e.getMessage(), e);
        }
    }

    private static SpringTemplateEngine engine(Path dir, TemplateMode mode) {
        var resolver = new FileTemplateResolver();
        resolver.setPrefix(dir.toString() + dir.getFileSystem().getSeparator());
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        var engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
