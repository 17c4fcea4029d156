package dev.skiff.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCases;
import net.jqwik.api.RandomGenerator;

/**
 * An arbitrary that is equal only to itself. jqwik memoizes a generator per arbitrary, keyed by the
 * arbitrary's hash, which for a composed arbitrary walks the whole composition, on every value drawn through
 * {@code frequencyOf} or {@code flatMap}: for a grammar three levels deep that took more time than
 * compiling the programs. Wrapping each rule's arbitrary makes that hash constant.
 */
final class Shared<T> implements Arbitrary<T> {
    private final Arbitrary<T> inner;

    private Shared(Arbitrary<T> inner) {
        this.inner = inner;
    }

    static <T> Arbitrary<T> of(Arbitrary<T> inner) {
        return new Shared<>(inner);
    }

    @Override
    public RandomGenerator<T> generator(int genSize) {
        return inner.generator(genSize);
    }

    @Override
    public EdgeCases<T> edgeCases(int maxEdgeCases) {
        return inner.edgeCases(maxEdgeCases);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
