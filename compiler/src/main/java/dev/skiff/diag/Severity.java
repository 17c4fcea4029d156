package dev.skiff.diag;

/** How bad a diagnostic is. Only errors make a compilation fail. */
public enum Severity {
    ERROR("error"),
    WARNING("warning"),
    INFO("info");

    private final String label;

    Severity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
