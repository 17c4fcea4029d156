/**
 * The Kubernetes API schema as Skiff sees it: {@link dev.skiff.k8s.SchemaRegistry} reads one Kubernetes version's
 * definitions from the resource the k8s-schema-gen build step derives (client-java-api for fields, types,
 * required fields and descriptions; fabric8 and client-java's API classes for each kind's group and version),
 * {@link dev.skiff.k8s.Validator} checks plain data against a type and returns {@link dev.skiff.k8s.Problem}s
 * with field paths and E04xx codes, and {@link dev.skiff.k8s.JsonSchemaWriter} writes kubeconform-style
 * standalone JSON Schemas. This package knows nothing of Skiff's syntax or evaluator; callers map a problem's
 * field path back to the span that wrote the value.
 */
package dev.skiff.k8s;
