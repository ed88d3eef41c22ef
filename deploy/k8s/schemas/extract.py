#!/usr/bin/env python3
"""Regenerates the JSON Schemas in this folder from their upstream sources (see README.md).

Usage: extract.py SWAGGER_JSON CRD_YAML... (each CRD file may hold several documents; other kinds are ignored)

The schemas are made strict the way the API server with field validation "Strict" is: an object that lists its
properties accepts no other property (unless it says x-kubernetes-preserve-unknown-fields), int-or-string fields
take either, quantities take numbers as well as strings. Descriptions are dropped to keep the files small.
"""
import json
import sys

import yaml

KUBERNETES_KINDS = {
    ("", "v1", "ConfigMap"), ("", "v1", "Secret"), ("", "v1", "Service"), ("", "v1", "ServiceAccount"),
    ("", "v1", "Namespace"), ("", "v1", "PersistentVolumeClaim"),
    ("apps", "v1", "Deployment"), ("apps", "v1", "StatefulSet"),
    ("batch", "v1", "Job"), ("batch", "v1", "CronJob"),
    ("autoscaling", "v2", "HorizontalPodAutoscaler"), ("policy", "v1", "PodDisruptionBudget"),
    ("networking.k8s.io", "v1", "NetworkPolicy"), ("networking.k8s.io", "v1", "Ingress"),
    ("rbac.authorization.k8s.io", "v1", "Role"), ("rbac.authorization.k8s.io", "v1", "RoleBinding"),
}
QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity"
INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString"


def strict(node):
    """Strips descriptions and closes objects, recursively (OpenAPI v2 and v3 structural schemas alike)."""
    if isinstance(node, list):
        return [strict(n) for n in node]
    if not isinstance(node, dict):
        return node
    out = {}
    for key, value in node.items():
        if key in ("description", "example", "x-kubernetes-list-map-keys", "x-kubernetes-list-type",
                   "x-kubernetes-patch-merge-key", "x-kubernetes-patch-strategy", "x-kubernetes-map-type",
                   "x-kubernetes-validations", "x-kubernetes-group-version-kind", "x-kubernetes-unions"):
            continue
        if key == "format":  # int32, int64, byte, date-time ...: the API server's business, not this check's
            continue
        if key in ("properties", "patternProperties", "definitions"):
            out[key] = {k: strict(v) for k, v in value.items()}
        else:
            out[key] = strict(value)
    if node.get("x-kubernetes-int-or-string") or node.get("format") == "int-or-string":
        out.pop("type", None)
        out["anyOf"] = [{"type": "string"}, {"type": "integer"}]
    if node.get("nullable") and "type" in out:
        out["type"] = [out["type"], "null"]
    if "properties" in out and "additionalProperties" not in out \
            and not node.get("x-kubernetes-preserve-unknown-fields"):
        out["additionalProperties"] = False
    return out


def kubernetes(swagger_path):
    swagger = json.load(open(swagger_path))
    definitions = swagger["definitions"]
    roots = {}
    for name, schema in definitions.items():
        for gvk in schema.get("x-kubernetes-group-version-kind", []):
            key = (gvk["group"], gvk["version"], gvk["kind"])
            if key in KUBERNETES_KINDS and not name.endswith("List"):
                roots[key] = name
    missing = KUBERNETES_KINDS - set(roots)
    if missing:
        sys.exit(f"not in the swagger: {missing}")
    keep, todo = set(), list(roots.values())
    while todo:
        name = todo.pop()
        if name in keep:
            continue
        keep.add(name)
        text = json.dumps(definitions[name])
        for other in definitions:
            if f'"#/definitions/{other}"' in text:
                todo.append(other)
    defs = {name: strict(definitions[name]) for name in sorted(keep)}
    defs[QUANTITY] = {"anyOf": [{"type": "string"}, {"type": "number"}]}
    defs[INT_OR_STRING] = {"anyOf": [{"type": "string"}, {"type": "integer"}]}
    kinds = {f"{g + '/' if g else ''}{v}/{k}": name for (g, v, k), name in sorted(roots.items())}
    return {"kinds": kinds, "definitions": defs}


def crds(paths):
    kinds = {}
    for path in paths:
        for doc in yaml.safe_load_all(open(path)):
            if not doc or doc.get("kind") != "CustomResourceDefinition":
                continue
            spec = doc["spec"]
            for version in spec["versions"]:
                if not version.get("served"):
                    continue
                key = f"{spec['group']}/{version['name']}/{spec['names']['kind']}"
                schema = strict(version["schema"]["openAPIV3Schema"])
                # every object has these, even where a CRD leaves them out (the Keycloak operator's do);
                # metadata is checked against the Kubernetes ObjectMeta (SchemaCatalog)
                schema.setdefault("properties", {}).setdefault("apiVersion", {"type": "string"})
                schema["properties"].setdefault("kind", {"type": "string"})
                schema["properties"].setdefault("metadata", {"type": "object"})
                kinds[key] = schema
    return kinds


if __name__ == "__main__":
    k8s = kubernetes(sys.argv[1])
    json.dump(k8s, open("kubernetes.json", "w"), separators=(",", ":"), sort_keys=True)
    custom = crds(sys.argv[2:])
    json.dump(custom, open("crds.json", "w"), separators=(",", ":"), sort_keys=True)
    print(f"{len(k8s['kinds'])} Kubernetes kinds ({len(k8s['definitions'])} definitions), {len(custom)} CRD kinds")
