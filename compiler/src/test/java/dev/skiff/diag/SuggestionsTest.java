package dev.skiff.diag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void suggestsTheClosestPlausibleMisspelling() {
        assertThat(Suggestions.closest("replics", List.of("replicas", "selector", "template"))).isEqualTo("replicas");
        assertThat(Suggestions.closest("Replicas", List.of("replicas"))).isEqualTo("replicas");
        assertThat(Suggestions.closest("imgae", List.of("image", "name"))).isEqualTo("image");
    }

    @Test
    void aNameWithNothingKeptIsAnotherNameNotAMisspelling() {
        assertThat(Suggestions.closest("z", List.of("f", "a"))).isNull();
        assertThat(Suggestions.closest("ab", List.of("cd"))).isNull();
        assertThat(Suggestions.closest("x", List.of("xs"))).isEqualTo("xs");
        assertThat(Suggestions.closest("X", List.of("x"))).isEqualTo("x");
    }

    @Test
    void farNamesAreNotSuggested() {
        assertThat(Suggestions.closest("port", List.of("protocolVersion", "image"))).isNull();
    }
}
