/**
 * The Kubernetes API schema as Skiff sees it: {@link dev.skiff.k8s.SchemaRegistry} reads one Kubernetes version's
 * definitions from the resource the k8s-schema-gen build step derives (client-java-api for fields, types,
 * required fields and descriptions; fabric8 and client-java's API classes for each kind's group and version),
 * {@link dev.skiff.k8s.JsonSchemaWriter} writes kubeconform-style standalone JSON Schemas, and
 * {@link dev.skiff.k8s.YamlDocuments} reads YAML manifests keeping where each value was written. This package knows
 * nothing of Skiff's syntax or evaluator: objects are checked by the validation stage ({@code dev.skiff.validate}).
 */
package dev.skiff.k8s;
