package dev.skiff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OptionArgumentTest {
    @Test
    void keyAndValueAroundTheOnlyEquals() {
        assertThat(OptionArgument.parse("env=prod")).isEqualTo(new OptionArgument("env", "prod"));
        assertThat(OptionArgument.parse("ids=[1, 2]")).isEqualTo(new OptionArgument("ids", "[1, 2]"));
        assertThat(OptionArgument.parse("name=\"\"")).isEqualTo(new OptionArgument("name", "\"\""));
    }

    @Test
    void anEmptyValueIsRefusedWithTheWayToWriteAnEmptyString() {
        assertThatThrownBy(() -> OptionArgument.parse("env="))
                .hasMessage("-D `env=` has no value after `=`; for an empty string write -D 'env=\"\"'");
        assertThatThrownBy(() -> OptionArgument.parse("env=  ")).hasMessageContaining("has no value");
    }

    @Test
    void aSecondEqualsIsRefused() {
        assertThatThrownBy(() -> OptionArgument.parse("env=prod=")).hasMessageContaining("more than one `=`");
        assertThatThrownBy(() -> OptionArgument.parse("selector=app=web")).hasMessageContaining("more than one `=`");
    }

    @Test
    void aMissingKeyOrEqualsIsRefused() {
        assertThatThrownBy(() -> OptionArgument.parse("=123")).hasMessage("-D `=123` has no key before `=`");
        assertThatThrownBy(() -> OptionArgument.parse("env")).hasMessage("-D expects KEY=VALUE, got `env`");
    }
}
