package dev.briefings.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which record files an input folder offers, and which it refuses (links out of it, names that are not text). */
class InputFilesTest {

    @TempDir
    Path tmp;
    Path input;
    Path initiatives;
    Path secret;

    @BeforeEach
    void setUp() throws IOException {
        input = Files.createDirectories(tmp.resolve("input"));
        initiatives = Files.createDirectories(input.resolve("initiatives"));
        Files.writeString(initiatives.resolve("b.json"), "[]");
        Files.writeString(initiatives.resolve("a.jsonl"), "");
        Files.writeString(initiatives.resolve("notes.txt"), "not a record file");
        secret = Files.writeString(tmp.resolve("secret.json"), "[{\"password\": \"hunter2\"}]");
    }

    @Test
    void recordFilesAreListedByName() throws IOException {
        assertThat(InputFiles.initiativeFiles(initiatives)).containsExactly("a.jsonl", "b.json");
    }

    @Test
    void aLinkOutOfTheInputFolderIsRefusedNamingTheFileAndNothingOfItsContent() throws IOException {
        Files.createSymbolicLink(initiatives.resolve("evil.json"), secret);
        assertThatThrownBy(() -> InputFiles.initiativeFiles(initiatives))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("initiatives/evil.json: it is a link to a file outside the folder")
                .hasMessageNotContaining("hunter2").hasMessageNotContaining("secret");
    }

    @Test
    void aLinkWithinTheInputFolderIsFollowed() throws IOException {
        Files.createDirectories(input.resolve("archive"));
        Files.writeString(input.resolve("archive/2025.json"), "[]");
        Files.createSymbolicLink(initiatives.resolve("c.json"), Path.of("../archive/2025.json"));
        Files.createSymbolicLink(initiatives.resolve("d.json"), initiatives.resolve("b.json"));
        assertThat(InputFiles.initiativeFiles(initiatives)).containsExactly("a.jsonl", "b.json", "c.json", "d.json");
    }

    @Test
    void theInputFolderMayItselfBeALink() throws IOException {
        Path link = Files.createSymbolicLink(tmp.resolve("current"), input);
        assertThat(InputFiles.initiativeFiles(link.resolve("initiatives"))).containsExactly("a.jsonl", "b.json");
    }

    @Test
    void anInitiativesFolderThatLeadsOutIsRefused() throws IOException {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("x.json"), "[]");
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path linked = Files.createSymbolicLink(other.resolve("initiatives"), elsewhere);
        assertThatThrownBy(() -> InputFiles.initiativeFiles(linked))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("initiatives in " + other);
    }

    @Test
    void aDanglingLinkIsRefused() throws IOException {
        Files.createSymbolicLink(initiatives.resolve("gone.json"), initiatives.resolve("nothing.json"));
        assertThatThrownBy(() -> InputFiles.initiativeFiles(initiatives))
                .hasMessageContaining("initiatives/gone.json: it is a link to a file that does not exist");
    }

    @Test
    void aNameWithALineBreakOrControlCharacterIsRefusedAndShownEscaped() throws IOException {
        Files.writeString(initiatives.resolve("new\nline.json"), "[]");
        Files.writeString(initiatives.resolve("bell\u0007.jsonl"), "");
        assertThatThrownBy(() -> InputFiles.initiativeFiles(initiatives))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("initiatives/bell\\u0007.jsonl: its name contains the control character U+0007 at "
                        + "character 5; rename it")
                .hasMessageContaining("initiatives/new\\u000Aline.json: its name contains the control character U+000A at "
                        + "character 4; rename it")
                .hasMessageNotContaining("\n");
    }

    @Test
    void aNameThatIsNotUtf8IsRefused() throws Exception {
        // Java cannot make such a name itself: the shell writes the byte E9 (é in Latin-1) as it is.
        Process touch = new ProcessBuilder("sh", "-c", "touch \"$(printf 'caf\\351.json')\"")
                .directory(initiatives.toFile()).start();
        assumeTrue(touch.waitFor() == 0, "no shell to make the file");
        assumeTrue(!Files.exists(initiatives.resolve("caf\u00e9.json")), "file names are not decoded as UTF-8 here");
        assertThatThrownBy(() -> InputFiles.initiativeFiles(initiatives))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("initiatives/caf\uFFFD.json: its name is not valid UTF-8; rename it");
    }

    @Test
    void singleFilesAndTemplateFoldersAreCheckedTheSameWay() throws IOException {
        Path fx = Files.createSymbolicLink(input.resolve("fx-rates.json"), secret);
        assertThatThrownBy(() -> InputFiles.inside(input, fx, "fx-rates.json"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("fx-rates.json in " + input + ": it is a link to a file outside the folder, and links are "
                        + "followed only within it; copy the file into the folder instead");
        // Missing is for the caller to say; a file in the folder is simply returned.
        assertThat(InputFiles.inside(input, input.resolve("market-context.json"), "market-context.json"))
                .isEqualTo(input.resolve("market-context.json"));

        Path templates = Files.createDirectories(tmp.resolve("templates"));
        Path template = Files.createDirectories(templates.resolve("default"));
        Files.writeString(template.resolve("briefing.html"), "<html/>");
        InputFiles.treeInside(templates, template, "template 'default'");
        Files.createSymbolicLink(template.resolve("briefing.css"), secret);
        assertThatThrownBy(() -> InputFiles.treeInside(templates, template, "template 'default'"))
                .hasMessageStartingWith("template 'default': briefing.css in " + templates + ": it is a link to a file "
                        + "outside the folder");
    }
}
