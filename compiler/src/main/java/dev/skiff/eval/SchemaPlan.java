package dev.skiff.eval;

import dev.skiff.syntax.Node;
import dev.skiff.types.SchemaType;
import dev.skiff.types.Type;
import dev.skiff.types.TypeErrors;
import java.util.List;
import java.util.Map;

/**
 * What making an instance of a schema needs to know about the schema itself, computed once per schema instead
 * of once per instance: its checks, whether it orders entries as a Kubernetes object, whether a schema in its
 * chain takes parameters, how messages name each attribute, and whether instances can be made sparsely (see
 * {@link SparseInstances}).
 *
 * @param attributes    the attributes in declaration order
 * @param subjects      how messages name each attribute ({@code attribute `x` of `S`}), by position
 * @param sparse        whether an instance only needs what its config sets: a Kubernetes type without body,
 *                      checks or index signature, whose only fixed values are {@code apiVersion} and {@code kind}
 */
record SchemaPlan(List<SchemaType.Attribute> attributes, String[] subjects, List<Node.CheckExpr> checks,
                  boolean kubernetesOrder, boolean paramsInChain, boolean sparse) {

    static SchemaPlan of(SchemaDef def) {
        SchemaType type = def.type;
        Map<String, SchemaType.Attribute> attrs = type.attributes();
        List<SchemaType.Attribute> list = List.copyOf(attrs.values());
        String[] subjects = new String[list.size()];
        for (int i = 0; i < subjects.length; i++) {
            subjects[i] = TypeErrors.attribute(list.get(i).name(), type.name());
        }
        List<SchemaType> chain = type.chain();
        boolean kubernetesOrder = chain.stream().anyMatch(s -> s.kubernetes() != null);
        boolean params = chain.stream().anyMatch(d -> d.decl() != null && !d.decl().params().isEmpty());
        List<Node.CheckExpr> checks = List.copyOf(type.checks());
        boolean sparse = type.kind() == SchemaType.Kind.KUBERNETES && kubernetesOrder && type.decl() == null
                && type.rule() == null && type.index() == null && type.layout().order().isEmpty() && checks.isEmpty()
                && list.stream().noneMatch(a -> a.name().startsWith("_") || !a.decls().isEmpty()
                        || a.type() instanceof Type.Literal && !a.name().equals("apiVersion") && !a.name().equals("kind"));
        return new SchemaPlan(list, subjects, checks, kubernetesOrder, params, sparse);
    }
}
