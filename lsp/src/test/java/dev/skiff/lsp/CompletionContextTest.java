package dev.skiff.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which key's value the cursor is in, read from the line before it. */
class CompletionContextTest {
    private static String key(String line) {
        String text = "x = 1\n" + line;
        return Completions.keyBefore(text, 6, text.length());
    }

    @Test
    void theKeyBeforeAnAssignmentOrAColon() {
        assertThat(key("    image = ")).isEqualTo("image");
        assertThat(key("    image = \"")).isEqualTo("image");
        assertThat(key("    imagePullPolicy: ")).isEqualTo("imagePullPolicy");
        assertThat(key("    metadata.name=")).isEqualTo("metadata.name");
        assertThat(key("    9abc = ")).isEqualTo("abc");
        assertThat(key("    .x = ")).isEqualTo("x");
    }

    @Test
    void noKeyWhereNoneIsBeingGivenAValue() {
        assertThat(key("    image")).isNull();
        assertThat(key("    x += ")).isNull();
        assertThat(key("    a[0] = ")).isNull();
        assertThat(key("    = ")).isNull();
        assertThat(key("")).isNull();
    }

    /** Found by the fuzzer: a regular expression searched from every start of the line was quadratic. */
    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLineOfAQuarterMillionNameCharactersIsReadOnce() {
        String name = "n".repeat(250_000);
        assertThat(key(name)).isNull();
        assertThat(key(name + " = ")).isEqualTo(name);
    }
}
