package dev.skiff.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/deploy.md is pasted by users: its YAML parses, and every file of this repository it names exists.
 * (The commands in it are the ones the integration tests beside this one run.)
 */
class DeployDocsIT {
    private static final Path REPO = Path.of(System.getProperty("skiff.repo", "../"));

    private static String doc() throws Exception {
        return Files.readString(REPO.resolve("docs/deploy.md"));
    }

    @Test
    void everyYamlBlockParses() throws Exception {
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(doc());
        int blocks = 0;
        while (m.find()) {
            new YAMLMapper().readTree(m.group(1));
            blocks++;
        }
        assertThat(blocks).isGreaterThanOrEqualTo(5);
    }

    @Test
    void everyFileItNamesExists() throws Exception {
        Matcher m = Pattern.compile("(?<![\\w/.-])((?:integrations|image|distribution|docs|examples)/[\\w./-]*[\\w])")
                .matcher(doc());
        List<String> missing = new ArrayList<>();
        int named = 0;
        while (m.find()) {
            String path = m.group(1);
            if (path.contains("/target/")) {
                continue; // build output
            }
            named++;
            if (!Files.exists(REPO.resolve(path))) {
                missing.add(path);
            }
        }
        assertThat(named).isGreaterThanOrEqualTo(5);
        assertThat(missing).isEmpty();
    }
}
